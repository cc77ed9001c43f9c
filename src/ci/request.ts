import { ApiError, TransportError } from './errors.js';
import { signRequest } from './signer.js';
import { requestUrl } from './url.js';
import type { Transport } from './transport.js';
import { parseErrorBody } from './xml-answers.js';

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

export interface RequestSpec {
  method: 'GET' | 'POST' | 'PUT';
  /** Decoded path, e.g. `/inventorytriggerjob/<id>`; encoded here, signed decoded. */
  path: string;
  /** Decoded values; `''` sends a bare sub-resource such as `?cancel`. Undefined values are left out. */
  query?: Record<string, string | undefined>;
  body?: string;
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
 * `ApiError` when the body is the API's XML error, a `TransportError` otherwise.
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

  const started = context.now();
  // One controller for both ends of a request, rather than AbortSignal.any: that one leaves a weak
  // reference per request on the step's long-lived signal, which a long wait pays for in memory.
  const stop = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    stop.abort();
  }, context.timeoutMs);
  const onAbort = () => stop.abort();
  context.signal?.addEventListener('abort', onAbort, { once: true });
  if (context.signal?.aborted) stop.abort();
  const where = `${spec.method} ${url.pathname}`;
  let status: number;
  let requestId: string;
  let body: string;
  let contentType: string;
  let date: string | undefined;
  let retryAfter: string | undefined;
  try {
    const answer = await context.transport({
      url,
      method: spec.method,
      headers: { ...headers, authorization },
      body: spec.body,
      signal: stop.signal,
    });
    status = answer.status;
    requestId = headerText(answer.headers['x-ci-request-id'] ?? answer.headers['x-cos-request-id']);
    contentType = headerText(answer.headers['content-type']);
    date = headerText(answer.headers['date']) || undefined;
    retryAfter = headerText(answer.headers['retry-after']) || undefined;
    body = answer.body;
  } catch (error) {
    const failure = transportFailure(error, where, context, timedOut);
    context.logger.debug(`${where} failed after ${context.now() - started} ms: ${failure.message}`);
    throw failure;
  } finally {
    clearTimeout(timer);
    context.signal?.removeEventListener('abort', onAbort);
  }
  context.logger.debug(
    `${where} → ${status}${requestId ? ` (request id ${requestId})` : ''} in ${context.now() - started} ms`,
  );
  if (status < 300) return { where, status, requestId, body };

  const error = parseErrorBody(body);
  if (!error) {
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
    parseRetryAfter(retryAfter, context.now()),
    date,
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

function transportFailure(
  error: unknown,
  where: string,
  context: RequestContext,
  timedOut: boolean,
): TransportError {
  if (timedOut) {
    return new TransportError(`${where} got no answer within ${context.timeoutMs / 1000} s`, 'timeout');
  }
  if (context.signal?.aborted) return new TransportError(`${where} was aborted`, 'aborted');
  const code = errorCode(error);
  const detail = error instanceof Error ? error.message : String(error);
  if (code === 'ECONNREFUSED')
    return new TransportError(`${where}: connection refused by ${context.endpoint.host}`, 'connect');
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN')
    return new TransportError(`${where}: cannot resolve ${context.endpoint.hostname}`, 'dns');
  // The handshake failed before anything was sent. Behind a TLS-inspecting proxy, Node needs its CA.
  if (code && /CERT|SELF_SIGNED|UNABLE_TO_/.test(code))
    return new TransportError(
      `${where}: ${context.endpoint.host} presented a certificate this runner does not trust (${code}); ` +
        'if a proxy inspects TLS, give Node its CA with NODE_EXTRA_CA_CERTS',
      'tls',
    );
  return new TransportError(`${where}: connection failed (${code ?? detail})`, 'reset');
}

function errorCode(error: unknown): string | undefined {
  for (let current = error; current instanceof Error; current = current.cause) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && code !== 'UND_ERR_SOCKET') return code;
    if (code === 'UND_ERR_SOCKET' && !(current.cause instanceof Error)) return 'ECONNRESET';
  }
  return undefined;
}
