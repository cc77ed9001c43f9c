/**
 * Tencent STS `AssumeRoleWithWebIdentity` (API 3.0, 2018-08-13): a GitHub OIDC token for temporary
 * keys. Unsigned (`Authorization: SKIP`), JSON both ways, errors as HTTP 200 with `Response.Error`.
 * Retried like any call that changes nothing; the caller masks what it returns before anything else.
 */
import type { Dispatcher } from 'undici';
import { TransportError } from './errors.js';
import type { Credentials, Logger } from './request.js';
import { retryableForIdempotentCall } from './retry-rules.js';
import {
  DEFAULT_RETRY_POLICY,
  retryWithBackoff,
  type RetryHint,
  type RetryPolicy,
} from '../waiting/retry.js';
import { realSleep, type Sleep } from '../waiting/sleep.js';

export const STS_CALL = 'STS AssumeRoleWithWebIdentity';
/** An answer is a few hundred bytes; anything far larger is not STS. */
const MAX_ANSWER_BYTES = 64 * 1024;

export interface AssumeRoleRequest {
  /** The CAM OIDC identity provider. */
  providerId: string;
  /** GitHub's OIDC token (a JWT). */
  webIdentityToken: string;
  roleArn: string;
  roleSessionName: string;
  /** 900 to 43200. */
  durationSeconds: number;
}

export interface TemporaryCredentials extends Credentials {
  sessionToken: string;
  /** When STS says they stop working, in ms since the epoch (`ExpiredTime`). */
  expiresAtMs: number;
  /**
   * How long they have left as the answer was sent: `ExpiredTime` less the answer's own `Date`,
   * so that a runner whose clock is off still renews in time.
   */
  lifetimeMs: number;
  requestId: string;
}

export interface StsOptions {
  /** Base URL; STS is `POST /` there. */
  endpoint: URL;
  /** `X-TC-Region`: the API requires one; the step's region will do. */
  region: string;
  logger: Logger;
  /** The step's HTTP dispatcher (proxy, keep-alive); by default one that honours HTTPS_PROXY/NO_PROXY. */
  dispatcher?: Dispatcher;
  /** Time limit of one attempt. */
  timeoutMs?: number;
  retryPolicy?: RetryPolicy;
  now?: () => number;
  sleep?: Sleep;
  random?: () => number;
  signal?: AbortSignal;
}

/** STS answered with an error: its code, message and request id, to act on and to quote. */
export class StsError extends Error {
  override readonly name = 'StsError';
  readonly where = STS_CALL;
  constructor(
    readonly code: string,
    readonly stsMessage: string,
    readonly requestId: string,
    /** The HTTP status, when it was not 200 (a gateway, an overloaded service). */
    readonly status = 200,
  ) {
    super(
      `${STS_CALL} answered ${code}${stsMessage ? `: ${stsMessage}` : ''}` +
        ` (${status === 200 ? '' : `HTTP ${status}, `}request id ${requestId || 'none'})`,
    );
  }
}

/** Server-side faults and throttling are worth another try; a refusal of the token or role is not. */
export function retryableForSts(error: unknown): RetryHint | false {
  if (error instanceof StsError) return /^(InternalError|RequestLimitExceeded)/.test(error.code) ? {} : false;
  return retryableForIdempotentCall(error);
}

/** undici loads with the first exchange: a step that only imports StsError, or signs with keys, does not pay for it. */
let undici: Promise<typeof import('undici')> | undefined;
let defaultDispatcher: Dispatcher | undefined;

export async function assumeRoleWithWebIdentity(
  assume: AssumeRoleRequest,
  options: StsOptions,
): Promise<TemporaryCredentials> {
  const now = options.now ?? Date.now;
  const body = JSON.stringify({
    ProviderId: assume.providerId,
    WebIdentityToken: assume.webIdentityToken,
    RoleArn: assume.roleArn,
    RoleSessionName: assume.roleSessionName,
    DurationSeconds: assume.durationSeconds,
  });
  const once = () => attempt(body, options, now);
  return retryWithBackoff(once, retryableForSts, options.retryPolicy ?? DEFAULT_RETRY_POLICY, {
    sleep: options.sleep ?? realSleep,
    now,
    random: options.random ?? Math.random,
    signal: options.signal,
    onRetry: (error, attempt, delayMs) =>
      options.logger.warning(
        `${(error as Error).message}; retry ${attempt} in ${(delayMs / 1000).toFixed(1)} s`,
      ),
  });
}

async function attempt(body: string, options: StsOptions, now: () => number): Promise<TemporaryCredentials> {
  const { request, EnvHttpProxyAgent } = await (undici ??= import('undici'));
  const timeoutMs = options.timeoutMs ?? 30_000;
  const stop = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    stop.abort();
  }, timeoutMs);
  const onAbort = () => stop.abort();
  options.signal?.addEventListener('abort', onAbort, { once: true });
  if (options.signal?.aborted) stop.abort();
  const started = now();
  let status: number;
  let text: string;
  let date: string | undefined;
  try {
    const answer = await request(new URL('/', options.endpoint), {
      method: 'POST',
      headers: {
        'content-type': 'application/json; charset=utf-8',
        'x-tc-action': 'AssumeRoleWithWebIdentity',
        'x-tc-version': '2018-08-13',
        'x-tc-timestamp': String(Math.floor(now() / 1000)),
        'x-tc-region': options.region,
        authorization: 'SKIP',
      },
      body,
      signal: stop.signal,
      dispatcher: options.dispatcher ?? (defaultDispatcher ??= new EnvHttpProxyAgent()),
    });
    status = answer.statusCode;
    date = [answer.headers.date].flat()[0];
    text = await readBounded(answer.body);
  } catch (error) {
    throw failure(error, options, timedOut, timeoutMs);
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onAbort);
  }
  const parsed = parseAnswer(text);
  const requestId = parsed?.RequestId ?? '';
  options.logger.debug(
    `${STS_CALL} → ${status}${requestId ? ` (request id ${requestId})` : ''} in ${now() - started} ms`,
  );
  if (parsed?.Error)
    throw new StsError(parsed.Error.Code ?? 'UnknownError', parsed.Error.Message ?? '', requestId, status);
  const keys = parsed?.Credentials;
  if (
    status !== 200 ||
    !keys?.TmpSecretId ||
    !keys.TmpSecretKey ||
    !keys.Token ||
    !Number.isFinite(parsed?.ExpiredTime)
  ) {
    throw new TransportError(
      `${STS_CALL} got ${parsed ? 'an answer without credentials' : `${text.length} characters that are not STS JSON`}` +
        ` (HTTP ${status})${requestId ? `; request id ${requestId}` : ''}`,
      'unparsable',
      status,
      requestId,
    );
  }
  const expiresAtMs = (parsed!.ExpiredTime as number) * 1000;
  const answeredAt = date ? Date.parse(date) : NaN;
  return {
    secretId: keys.TmpSecretId,
    secretKey: keys.TmpSecretKey,
    sessionToken: keys.Token,
    expiresAtMs,
    lifetimeMs: expiresAtMs - (Number.isNaN(answeredAt) ? now() : answeredAt),
    requestId,
  };
}

interface StsResponse {
  Credentials?: { TmpSecretId?: string; TmpSecretKey?: string; Token?: string };
  ExpiredTime?: number;
  Error?: { Code?: string; Message?: string };
  RequestId?: string;
}

function parseAnswer(text: string): StsResponse | undefined {
  try {
    const response = (JSON.parse(text) as { Response?: unknown }).Response;
    return typeof response === 'object' && response !== null ? (response as StsResponse) : undefined;
  } catch {
    return undefined;
  }
}

async function readBounded(body: AsyncIterable<Buffer> & { destroy(): unknown }): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += chunk.length;
    if (size > MAX_ANSWER_BYTES) {
      body.destroy();
      throw new TransportError(`${STS_CALL} answered more than ${MAX_ANSWER_BYTES / 1024} KiB`, 'unparsable');
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function failure(error: unknown, options: StsOptions, timedOut: boolean, timeoutMs: number): TransportError {
  if (error instanceof TransportError) return error;
  if (timedOut)
    return new TransportError(`${STS_CALL} got no answer within ${timeoutMs / 1000} s`, 'timeout');
  if (options.signal?.aborted) return new TransportError(`${STS_CALL} was aborted`, 'aborted');
  const host = options.endpoint.host;
  const code = causeCode(error);
  if (code === 'ECONNREFUSED')
    return new TransportError(`${STS_CALL}: connection refused by ${host}`, 'connect');
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return new TransportError(`${STS_CALL}: cannot resolve ${options.endpoint.hostname}`, 'dns');
  }
  if (code && /CERT|SELF_SIGNED|UNABLE_TO_|^ERR_SSL|^EPROTO$/.test(code)) {
    return new TransportError(
      `${STS_CALL}: ${host} presented a certificate or TLS this runner does not accept (${code})`,
      'tls',
    );
  }
  return new TransportError(`${STS_CALL}: connection failed (${code ?? (error as Error).message})`, 'reset');
}

function causeCode(error: unknown): string | undefined {
  // Not `instanceof Error`: errors from Node's own modules may come from another realm (a test's VM).
  for (let current = error as { code?: unknown; cause?: unknown } | undefined; current;) {
    if (typeof current.code === 'string' && current.code !== 'UND_ERR_SOCKET') return current.code;
    current = typeof current.cause === 'object' ? (current.cause as typeof current) : undefined;
  }
  return undefined;
}
