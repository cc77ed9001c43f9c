/**
 * Tencent STS `AssumeRoleWithWebIdentity` (API 3.0, 2018-08-13): a GitHub OIDC token for temporary
 * keys. Unsigned (`Authorization: SKIP`), JSON both ways, errors as HTTP 200 with `Response.Error`.
 * Retried like any call that changes nothing; the caller masks what it returns before anything else.
 */
import { errorMessage, TransportError } from './errors.js';
import type { Transport } from './http.js';
import { transportFromEnvironment } from './transport.js';
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
  /**
   * How the exchange goes out: the step's transport (one undici dispatcher for the step, its proxy,
   * time limit and answer cap); by default one of its own.
   */
  transport?: Transport;
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

let defaultTransport: Transport | undefined;

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
      options.logger.warning(`${errorMessage(error)}; retry ${attempt} in ${(delayMs / 1000).toFixed(1)} s`),
  });
}

async function attempt(body: string, options: StsOptions, now: () => number): Promise<TemporaryCredentials> {
  const transport = options.transport ?? (defaultTransport ??= transportFromEnvironment());
  const started = now();
  const answer = await transport({
    url: new URL('/', options.endpoint),
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
    timeoutMs: options.timeoutMs ?? 30_000,
    signal: options.signal,
    name: STS_CALL,
  });
  const { status, body: text } = answer;
  const date = [answer.headers.date].flat()[0];
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
