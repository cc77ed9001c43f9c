import { ApiError, TransportError } from './errors.js';
import type { RetryHint } from '../waiting/retry.js';

/**
 * Calls that change nothing, or change it the same way twice (describe, list, cancel), may be
 * repeated after any failure that says nothing about the request itself.
 */
export function retryableForIdempotentCall(error: unknown): RetryHint | false {
  // An untrusted certificate stays untrusted, and an answer over the limit would be again: asking
  // again only delays the error.
  if (error instanceof TransportError)
    return ['aborted', 'tls', 'too-large'].includes(error.kind) ? false : {};
  if (error instanceof ApiError) {
    if (error.status === 429 || error.status >= 500 || error.code === 'SlowDown') {
      return { retryAfterMs: error.retryAfterMs };
    }
  }
  return false;
}

/**
 * A call that creates something may only be repeated blindly when the service cannot have acted on
 * it: the connection never opened, the name never resolved, or the service said it shed the load.
 */
export function retryableWhenNotProcessed(error: unknown): RetryHint | false {
  if (error instanceof TransportError) return error.kind === 'connect' || error.kind === 'dns' ? {} : false;
  if (error instanceof ApiError && (error.status === 429 || error.status === 503)) {
    return { retryAfterMs: error.retryAfterMs };
  }
  return false;
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
