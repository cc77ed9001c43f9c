import { ApiError, TransportError } from './errors.js';
import type { RetryHint } from '../waiting/retry.js';

/** Codes that shed load whatever the status: COS's `SlowDown`, Tencent Cloud API's `RequestLimitExceeded`. */
const THROTTLE_CODES = ['SlowDown', 'RequestLimitExceeded'];

/** The service shed load: it did not act on the request, and asks us to come back more slowly. */
export function isThrottled(error: unknown): boolean {
  return (
    error instanceof ApiError &&
    (error.status === 429 || error.status === 503 || THROTTLE_CODES.includes(error.code))
  );
}

/**
 * Calls that change nothing, or change it the same way twice (describe, list, cancel), may be
 * repeated after any failure that says nothing about the request itself.
 */
export function retryableForIdempotentCall(error: unknown): RetryHint | false {
  // An untrusted certificate stays untrusted, and an answer over the limit would be again: asking
  // again only delays the error.
  if (error instanceof TransportError)
    return ['aborted', 'tls', 'too-large'].includes(error.kind) ? false : {};
  if (isThrottled(error)) return { retryAfterMs: (error as ApiError).retryAfterMs, throttled: true };
  if (error instanceof ApiError && error.status >= 500) return { retryAfterMs: error.retryAfterMs };
  return false;
}

/**
 * A call that creates something may only be repeated blindly when the service cannot have acted on
 * it: the connection never opened, the name never resolved, or the service said it shed the load.
 */
export function retryableWhenNotProcessed(error: unknown): RetryHint | false {
  if (error instanceof TransportError) return error.kind === 'connect' || error.kind === 'dns' ? {} : false;
  // A SlowDown with a status other than 429 or 503 is not known to have been shed.
  if (error instanceof ApiError && (error.status === 429 || error.status === 503)) {
    return { retryAfterMs: error.retryAfterMs, throttled: true };
  }
  return false;
}

/**
 * A status check that failed this way says nothing about the job: the network or the API is
 * having a bad patch, and a wait may go on past it.
 */
export function isPassingFault(error: unknown): boolean {
  return retryableForIdempotentCall(error) !== false;
}

/** The opposite case: the request reached the service, and nothing says it was not acted on. */
export function mayHaveBeenProcessed(error: unknown): boolean {
  if (error instanceof TransportError)
    return ['reset', 'timeout', 'too-large', 'unparsable'].includes(error.kind);
  return error instanceof ApiError && error.status >= 500 && error.status !== 503;
}

/** The service rejected our clock: the answer's `Date` tells us by how much we are off. */
export function clockOffsetFrom(error: unknown, now: number): number | undefined {
  if (!(error instanceof ApiError) || !error.serverDate) return undefined;
  const skewed =
    error.code === 'RequestTimeTooSkewed' ||
    (error.code === 'AccessDenied' && /request has expired/i.test(error.apiMessage));
  if (!skewed) return undefined;
  const serverTime = Date.parse(error.serverDate);
  return Number.isNaN(serverTime) ? undefined : serverTime - now;
}
