import { AbortedError } from '../waiting/sleep.js';

/** An error answer of the API: what the user needs to act on it and to quote it to support. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    readonly apiMessage: string,
    readonly requestId: string,
    /** How long the service asked us to wait (`Retry-After`, in ms), when it said so. */
    readonly retryAfterMs?: number,
    /** The answer's `Date` header, used to correct a skewed clock. */
    readonly serverDate?: string,
    /**
     * The call, `METHOD /path` (`GET /workflowexecution`), for the final message: a step makes
     * several kinds of call, and the code alone does not say which one was refused.
     */
    readonly where?: string,
  ) {
    super(
      `${code}${apiMessage ? `: ${apiMessage}` : ''} (HTTP ${status}` +
        `${requestId ? `, request id ${requestId}` : ''})`,
    );
  }
}

/**
 * The service does not know the id (or the path) asked about. Keyed on the code alone: the docs
 * answer it with HTTP 400, other answers (and this project's emulator, once) with 404.
 */
export function isResourceNotFound(error: unknown): error is ApiError {
  return error instanceof ApiError && error.code === 'ResourceNotFound';
}

/**
 * The request did not produce an API answer: the connection failed, the time limit passed, the
 * answer was larger than any the API sends, or the body was not the XML the API sends (a proxy's
 * page, a truncated answer).
 */
export class TransportError extends Error {
  override readonly name = 'TransportError';
  constructor(
    message: string,
    /** What kind of failure, so that retry rules can tell a request that never left from one that may have been processed. */
    readonly kind: 'connect' | 'dns' | 'tls' | 'reset' | 'timeout' | 'too-large' | 'unparsable' | 'aborted',
    readonly status?: number,
    readonly requestId?: string,
  ) {
    super(message);
  }
}

/**
 * The text was not the XML the API sends: not well-formed (a truncated answer) or another document
 * (a proxy's HTML page, an `<Error>` where a `<Response>` was expected).
 */
export class XmlShapeError extends Error {
  override readonly name = 'XmlShapeError';
}

/** What an error says, for a message: its own text, or the thrown value as text. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** A request that the workflow run's cancellation cut short in flight: it may have reached the service. */
export function isCutShort(error: unknown): boolean {
  return error instanceof TransportError && error.kind === 'aborted';
}

/** The workflow run was cancelled: a wait or a request stopped for it. */
export function isAbort(error: unknown): boolean {
  return error instanceof AbortedError || isCutShort(error);
}
