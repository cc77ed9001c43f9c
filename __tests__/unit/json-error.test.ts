import { describe, expect, it } from '@jest/globals';
import { parseJsonErrorBody } from '../../src/ci/json-error.js';

describe('parseJsonErrorBody', () => {
  it.each([
    [
      "the Go SDK's form, its code a number",
      '{"code":403,"message":"no permission","request_id":"NjJm"}',
      { code: '403', message: 'no permission', requestId: 'NjJm' },
    ],
    [
      "the Go SDK's form with a code name",
      '{"code":"AccessDenied","message":"no permission","request_id":"NjJm"}',
      { code: 'AccessDenied', message: 'no permission', requestId: 'NjJm' },
    ],
    [
      "Tencent Cloud API 3.0's form",
      '{"Response":{"Error":{"Code":"RequestLimitExceeded","Message":"slow down"},"RequestId":"4f5d"}}',
      { code: 'RequestLimitExceeded', message: 'slow down', requestId: '4f5d' },
    ],
    [
      'the XML error written as JSON',
      ' {"Error":{"Code":"InvalidArgument","Message":"bad","RequestId":"r1"}}\n',
      { code: 'InvalidArgument', message: 'bad', requestId: 'r1' },
    ],
    ['a code alone', '{"Code":"InternalError"}', { code: 'InternalError', message: '', requestId: '' }],
  ])('reads %s', (_label, body, expected) => {
    expect(parseJsonErrorBody(body)).toEqual(expected);
  });

  it.each([
    ['an empty body', ''],
    ['an HTML page', '<html><body>502 Bad Gateway</body></html>'],
    ['the XML error', '<Error><Code>AccessDenied</Code></Error>'],
    ['JSON without a code', '{"message":"Bad Gateway"}'],
    ['an empty or odd code', '{"code":"","Code":{"x":1},"message":"m"}'],
    ['a JSON array or text', '["AccessDenied"]'],
    ['JSON cut short', '{"code":"AccessDenied","mess'],
  ])('gives nothing for %s', (_label, body) => {
    expect(parseJsonErrorBody(body)).toBeUndefined();
  });
});
