import { describe, expect, it } from '@jest/globals';
import { ApiError, TransportError } from '../../src/ci/errors.js';
import {
  clockOffsetFrom,
  isThrottled,
  mayHaveBeenProcessed,
  retryableForIdempotentCall,
  retryableWhenNotProcessed,
} from '../../src/ci/retry-rules.js';

const slowDown = () => new ApiError(503, 'SlowDown', 'Please reduce your request rate', 'req-1');

describe('retry rules', () => {
  it('repeat idempotent calls after connection failures, timeouts, 5xx, 429 and unreadable answers', () => {
    for (const error of [
      new TransportError('x', 'reset'),
      new TransportError('x', 'timeout'),
      new TransportError('x', 'unparsable', 502),
      new TransportError('x', 'connect'),
      new ApiError(500, 'InternalError', '', ''),
      new ApiError(429, 'TooMany', '', ''),
      slowDown(),
    ]) {
      expect(retryableForIdempotentCall(error)).not.toBe(false);
    }
    expect(retryableForIdempotentCall(slowDown())).toMatchObject({ throttled: true });
    expect(retryableForIdempotentCall(new ApiError(429, 'TooMany', '', ''))).toMatchObject({
      throttled: true,
    });
    expect(retryableForIdempotentCall(new ApiError(503, 'ServiceUnavailable', '', ''))).toMatchObject({
      throttled: true,
    });
    expect(retryableForIdempotentCall(new ApiError(500, 'InternalError', '', ''))).toEqual({
      retryAfterMs: undefined,
    });
    expect(retryableForIdempotentCall(new TransportError('x', 'aborted'))).toBe(false);
    expect(retryableForIdempotentCall(new ApiError(400, 'InvalidArgument', '', ''))).toBe(false);
  });

  it('do not repeat a call whose failure would come again: a TLS failure, an answer over the limit', () => {
    expect(retryableForIdempotentCall(new TransportError('x', 'tls'))).toBe(false);
    expect(retryableForIdempotentCall(new TransportError('x', 'too-large'))).toBe(false);
    expect(retryableWhenNotProcessed(new TransportError('x', 'tls'))).toBe(false);
    expect(retryableWhenNotProcessed(new TransportError('x', 'too-large'))).toBe(false);
  });

  it('do not repeat a call to a host whose name never resolved, and count it as never sent', () => {
    const unknownHost = new TransportError('x', 'unknown-host');
    expect(retryableForIdempotentCall(unknownHost)).toBe(false);
    expect(retryableWhenNotProcessed(unknownHost)).toBe(false);
    expect(mayHaveBeenProcessed(unknownHost)).toBe(false);
    expect(retryableForIdempotentCall(new TransportError('x', 'dns'))).toEqual({});
  });

  it('repeat a creating call only when it cannot have been processed', () => {
    expect(retryableWhenNotProcessed(new TransportError('x', 'connect'))).toEqual({});
    expect(retryableWhenNotProcessed(new TransportError('x', 'dns'))).toEqual({});
    expect(retryableWhenNotProcessed(new ApiError(429, 'x', '', ''))).not.toBe(false);
    expect(retryableWhenNotProcessed(slowDown())).not.toBe(false);
    expect(retryableWhenNotProcessed(new TransportError('x', 'reset'))).toBe(false);
    expect(retryableWhenNotProcessed(new TransportError('x', 'timeout'))).toBe(false);
    expect(retryableWhenNotProcessed(new ApiError(500, 'InternalError', '', ''))).toBe(false);
  });

  it('count a request as possibly processed once it reached the service without a clear refusal', () => {
    // An answer over the limit is an answer: the service may have acted on the request.
    for (const kind of ['reset', 'timeout', 'too-large', 'unparsable'] as const) {
      expect(mayHaveBeenProcessed(new TransportError('x', kind))).toBe(true);
    }
    expect(mayHaveBeenProcessed(new ApiError(500, 'InternalError', '', ''))).toBe(true);
    expect(mayHaveBeenProcessed(new TransportError('x', 'connect'))).toBe(false);
    expect(mayHaveBeenProcessed(new TransportError('x', 'dns'))).toBe(false);
    expect(mayHaveBeenProcessed(new TransportError('x', 'tls'))).toBe(false);
    expect(mayHaveBeenProcessed(slowDown())).toBe(false);
    expect(mayHaveBeenProcessed(new ApiError(400, 'InvalidArgument', '', ''))).toBe(false);
  });
});

describe('isThrottled', () => {
  it('is a 429, a 503, or SlowDown with any status; not another 5xx or a transport error', () => {
    expect(isThrottled(new ApiError(429, 'TooManyRequests', '', ''))).toBe(true);
    expect(isThrottled(new ApiError(503, 'ServiceUnavailable', '', ''))).toBe(true);
    expect(isThrottled(new ApiError(400, 'SlowDown', '', ''))).toBe(true);
    expect(isThrottled(new ApiError(500, 'InternalError', '', ''))).toBe(false);
    expect(isThrottled(new TransportError('x', 'reset', 503))).toBe(false);
  });
});

describe('clockOffsetFrom', () => {
  const now = Date.parse('2026-11-30T04:00:00Z');
  const refused = (code: string, message: string, date?: string) =>
    new ApiError(403, code, message, 'r1', undefined, date);

  it("reads how far the service's clock is ahead from the Date of a skew refusal", () => {
    const ahead = refused('RequestTimeTooSkewed', '', 'Mon, 30 Nov 2026 04:20:00 GMT');
    expect(clockOffsetFrom(ahead, now)).toBe(20 * 60_000);
    const expired = refused('AccessDenied', 'Request has expired', 'Mon, 30 Nov 2026 03:50:00 GMT');
    expect(clockOffsetFrom(expired, now)).toBe(-10 * 60_000);
  });

  it('learns nothing from another refusal, an answer without a Date or a Date it cannot read', () => {
    expect(
      clockOffsetFrom(refused('AccessDenied', 'no permission', 'Mon, 30 Nov 2026 04:20:00 GMT'), now),
    ).toBe(undefined);
    expect(clockOffsetFrom(refused('RequestTimeTooSkewed', ''), now)).toBeUndefined();
    expect(clockOffsetFrom(refused('RequestTimeTooSkewed', '', 'yesterday'), now)).toBeUndefined();
    expect(clockOffsetFrom(new TransportError('x', 'reset'), now)).toBeUndefined();
  });
});
