import { ApiError, errorMessage, TransportError } from './errors.js';
import { signRequest } from './signer.js';
import { requestUrl, type RequestSpec } from './url.js';
import { callName, type HttpAnswer, type Transport } from './http.js';
import { parseErrorBody } from './xml-answers.js';
import { parseJsonErrorBody } from './json-error.js';

export interface Credentials {
  secretId: string;
  secretKey: string;
  sessionToken?: string;
}

/** Where the client reports what it does. Never handed a secret: callers may print it all. */
export interface Logger {
  debug(message: string): void;
  warning(message: string): void;
}

export interface RawAnswer {
  /** `METHOD /path`, for messages about this answer. */
  where: string;
  status: number;
  requestId: string;
  body: string;
}

export interface RequestContext {
  endpoint: URL;
  credentials: Credentials;
  timeoutMs: number;
  now: () => number;
  logger: Logger;
  transport: Transport;
  signal?: AbortSignal;
}

/** Signing validity: a little before now (clocks drift) to well past the longest request. */
const SIGN_FROM_SECONDS = -60;
const SIGN_FOR_SECONDS = 900;

/**
 * One request, signed with the clock corrected by `clockOffsetMs`. Answers ≥ 300 become an
 * `ApiError` when the body is the API's error (XML, or JSON with a code), a `TransportError` otherwise.
 */
export async function sendSigned(
  context: RequestContext,
  spec: RequestSpec,
  clockOffsetMs: number,
): Promise<RawAnswer> {
  const url = requestUrl(context.endpoint, spec);
  const headers: Record<string, string> = { host: url.host };
  if (spec.body !== undefined) {
    headers['content-type'] = 'application/xml';
    headers['content-length'] = String(Buffer.byteLength(spec.body));
  }
  if (context.credentials.sessionToken) headers['x-ci-security-token'] = context.credentials.sessionToken;
  const nowSeconds = Math.floor((context.now() + clockOffsetMs) / 1000);
  const query = Object.fromEntries(
    Object.entries(spec.query ?? {}).filter(([, value]) => value !== undefined),
  ) as Record<string, string>;
  const authorization = signRequest({
    secretId: context.credentials.secretId,
    secretKey: context.credentials.secretKey,
    method: spec.method,
    path: spec.path,
    query,
    headers,
    startSeconds: nowSeconds + SIGN_FROM_SECONDS,
    endSeconds: nowSeconds + SIGN_FOR_SECONDS,
  });

  const where = callName(spec.method, url);
  const started = context.now();
  let answer: HttpAnswer;
  try {
    answer = await context.transport({
      url,
      method: spec.method,
      headers: { ...headers, authorization },
      body: spec.body,
      timeoutMs: context.timeoutMs,
      signal: context.signal,
    });
  } catch (error) {
    context.logger.debug(`${where} failed after ${context.now() - started} ms: ${errorMessage(error)}`);
    throw error;
  }
  const { status, body } = answer;
  const requestId = headerText(answer.headers['x-ci-request-id'] ?? answer.headers['x-cos-request-id']);
  context.logger.debug(
    `${where} → ${status}${requestId ? ` (request id ${requestId})` : ''} in ${context.now() - started} ms`,
  );
  if (status < 300) return { where, status, requestId, body };

  const error = parseErrorBody(body) ?? parseJsonErrorBody(body);
  if (!error) {
    const contentType = headerText(answer.headers['content-type']);
    throw new TransportError(
      `${where} answered HTTP ${status} with ${describeBody(contentType, body)}, not the API's XML error` +
        ` (a proxy or gateway in between?)${requestId ? `; request id ${requestId}` : ''}`,
      'unparsable',
      status,
      requestId,
    );
  }
  throw new ApiError(
    status,
    error.code,
    error.message,
    requestId || error.requestId,
    parseRetryAfter(headerText(answer.headers['retry-after']), context.now()),
    headerText(answer.headers['date']) || undefined,
    where,
  );
}

function headerText(value: string | string[] | undefined): string {
  return Array.isArray(value) ? (value[0] ?? '') : (value ?? '');
}

function describeBody(contentType: string, body: string): string {
  if (!body) return 'an empty body';
  return `a ${contentType || 'untyped'} body of ${Buffer.byteLength(body)} bytes`;
}

/** `Retry-After` is seconds or an HTTP date; either way we want milliseconds from now. */
function parseRetryAfter(value: string | undefined, now: number): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
