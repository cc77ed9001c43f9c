import { describe, expect, it } from '@jest/globals';
import { SignInError } from '../../src/ci/credentials.js';
import { ApiError, TransportError } from '../../src/ci/errors.js';
import { InputError } from '../../src/github/input-error.js';
import { userMessage } from '../../src/actions/user-message.js';
import { StepFailure } from '../../src/job/ports.js';
import { AbortedError } from '../../src/waiting/sleep.js';

describe('userMessage', () => {
  it('gives an API error its code, message, status and request id, with advice, naming the job', () => {
    const error = new ApiError(403, 'SignatureDoesNotMatch', 'The signature does not match.', 'req-42');
    expect(userMessage(error, 'b0123')).toBe(
      'Job b0123: the CI API answered SignatureDoesNotMatch: The signature does not match. ' +
        '(HTTP 403, request id req-42): check that secret-id and secret-key belong together and have no stray spaces.',
    );
  });

  it('names the call the API refused', () => {
    const error = new ApiError(
      403,
      'AccessDenied',
      'no',
      'req-7',
      undefined,
      undefined,
      'GET /workflowexecution',
    );
    expect(userMessage(error, 'b0123')).toMatch(
      /^Job b0123: GET \/workflowexecution: the CI API answered AccessDenied: no \(HTTP 403, request id req-7\)/,
    );
  });

  it('calls an unknown 5xx a fault of the service', () => {
    expect(userMessage(new ApiError(502, 'BadGateway', '', 'r'))).toContain(
      'a fault of the service: retry later',
    );
  });

  it('shows input errors and step failures as they are, without a job prefix', () => {
    expect(userMessage(new InputError('bucket', 'BucketName-APPID', 'x'), 'b1')).toBe(
      "Input 'bucket': expected BucketName-APPID, got 'x'.",
    );
    expect(userMessage(new StepFailure('Job b1 ended Failed.'), 'b1')).toBe('Job b1 ended Failed.');
  });

  it('says the run was cancelled, and never shows a stack for an unexpected error', () => {
    expect(userMessage(new AbortedError(), 'b2')).toBe('Job b2: stopped: the workflow run was cancelled.');
    expect(userMessage(new TransportError('GET /inventorytriggerjob/b2 was aborted', 'aborted'), 'b2')).toBe(
      'Job b2: stopped: the workflow run was cancelled.',
    );
    const unexpected = new TypeError('x is not a function');
    const message = userMessage(unexpected);
    expect(message).toBe('unexpected error: x is not a function');
    expect(message).not.toContain(' at ');
    expect(userMessage(new TransportError('GET /x got no answer within 30 s', 'timeout'))).toBe(
      'GET /x got no answer within 30 s.',
    );
  });

  it('ends a message with one full stop, also when what it quotes ends with one', () => {
    const signIn = new TransportError('POST / got 12 characters that are not STS JSON.', 'unparsable');
    expect(userMessage(signIn)).toBe('POST / got 12 characters that are not STS JSON.');
  });

  describe('a host that does not resolve', () => {
    const keys = { secretId: 'AKIDx', secretKey: 'k' };
    const region = 'ap-guangzho';
    const bucket = 'media-1250000000';
    const defaultHost = `${bucket}.ci.${region}.myqcloud.com`;
    const unresolved = (host: string, kind: 'unknown-host' | 'dns' = 'unknown-host') =>
      new TransportError(
        `POST /inventorytriggerjob: cannot resolve ${host}`,
        kind,
        undefined,
        undefined,
        host,
      );

    it.each(['unknown-host', 'dns'] as const)(
      'the default endpoint (%s): says to check region and bucket, which make it',
      (kind) => {
        const endpoints = { bucket, region, endpoint: new URL(`https://${defaultHost}`), signIn: { keys } };
        expect(userMessage(unresolved(defaultHost, kind), undefined, endpoints)).toBe(
          `POST /inventorytriggerjob: cannot resolve ${defaultHost}: check the region and bucket inputs, ` +
            `which make the endpoint ${defaultHost}.`,
        );
      },
    );

    it('an endpoint given: says to check it', () => {
      const host = 'ci.internal.example';
      const endpoints = { bucket, region, endpoint: new URL(`https://${host}`), signIn: { keys } };
      expect(userMessage(unresolved(host), 'b1', endpoints)).toBe(
        `Job b1: POST /inventorytriggerjob: cannot resolve ${host}: check the endpoint input.`,
      );
    });

    it('the STS endpoint, through the failed sign-in: says to check sts-endpoint', () => {
      const role = {
        roleArn: 'qcs::cam::uin/1:roleName/r',
        providerId: 'github',
        audience: 'sts.tencentcloudapi.com',
        roleSessionName: 's',
        durationSeconds: 3600,
        stsEndpoint: new URL('https://sts.example.invalid'),
      };
      const endpoints = { bucket, region, endpoint: new URL(`https://${defaultHost}`), signIn: { role } };
      const error = new SignInError(role.roleArn, unresolved('sts.example.invalid'));
      expect(userMessage(error, undefined, endpoints)).toMatch(
        /cannot resolve sts\.example\.invalid: check the sts-endpoint input\.$/,
      );
    });

    it('another host (a proxy): no advice on the inputs', () => {
      const endpoints = { bucket, region, endpoint: new URL(`https://${defaultHost}`), signIn: { keys } };
      expect(userMessage(unresolved('proxy.corp.example'), undefined, endpoints)).toBe(
        'POST /inventorytriggerjob: cannot resolve proxy.corp.example.',
      );
    });
  });
});
