import { describe, expect, it } from '@jest/globals';
import { redactor, type Exchange } from '../../scripts/contract-recording.js';

const sensitive = {
  bucket: 'media-1253456789',
  secretId: 'AKIDrealKeyId',
  secretKey: 'realSecretKey',
  sessionToken: 'realToken',
};

const answer = (body: string, headers: Record<string, string> = {}): Exchange => ({
  call: 'DescribeMediaJob',
  request: { url: new URL('https://x/'), method: 'GET', headers: {}, timeoutMs: 1 },
  answer: { status: 200, headers, body },
});

describe('redactor', () => {
  it('replaces the bucket, its appid, account ids, keys and request ids, and keeps ids that hold digits', () => {
    const exchanges = [
      answer('<Response><RequestId>NjJmMjA5MjZf</RequestId></Response>', {
        'x-ci-request-id': 'NjJmMjA5MjZf',
      }),
      answer('{"code":"AccessDenied","request_id":"OTk5"}', { 'x-cos-trace-id': 'trace-1' }),
    ];
    const redact = redactor(sensitive, exchanges);
    expect(
      redact(
        '<Resource>media-1253456789.ci.ap-guangzhou.myqcloud.com/jobs/j1</Resource>' +
          '<RequestId>NjJmMjA5MjZf</RequestId><TraceId>trace-1</TraceId>' +
          '<Role>qcs::cam::uin/100012345678:roleName/x</Role><Uid>uid/1253456789</Uid>' +
          '<WorkflowId>w0123456789abcdef0123456789abcdef</WorkflowId><Name>contract-20261207-171547</Name>' +
          '<Echo>AKIDrealKeyId realSecretKey realToken OTk5</Echo>',
      ),
    ).toBe(
      '<Resource>examplebucket-1250000000.ci.ap-guangzhou.myqcloud.com/jobs/j1</Resource>' +
        '<RequestId>REQUEST-ID-1</RequestId><TraceId>REQUEST-ID-2</TraceId>' +
        '<Role>qcs::cam::uin/100000000001:roleName/x</Role><Uid>uid/1250000000</Uid>' +
        '<WorkflowId>w0123456789abcdef0123456789abcdef</WorkflowId><Name>contract-20261207-171547</Name>' +
        '<Echo>AKIDEXAMPLE REDACTED REDACTED REQUEST-ID-3</Echo>',
    );
  });
});
