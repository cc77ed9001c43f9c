/**
 * Tencent STS `AssumeRoleWithWebIdentity` (API 3.0, 2018-08-13): a GitHub OIDC token for temporary
 * keys. Unsigned (`Authorization: SKIP`), JSON both ways, errors as HTTP 200 with `Response.Error`.
 * Retried like any call that changes nothing; the caller masks what it returns before anything else.
 */
import { TransportError } from './errors.js';
import type { HttpAnswer } from './http.js';
import type { Credentials } from './request.js';
import { retryableForIdempotentCall } from './retry-rules.js';
import { sendSignInRequest, type SignInRequestOptions } from './sign-in-request.js';
import type { RetryHint } from '../waiting/retry.js';

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

export interface StsOptions extends SignInRequestOptions {
  /** Base URL; STS is `POST /` there. */
  endpoint: URL;
  /** `X-TC-Region`: the API requires one; the step's region will do. */
  region: string;
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

/** STS sheds load with `RequestLimitExceeded`: the step's pace slows down as for the CI API's. */
const isStsThrottled = (error: unknown) =>
  error instanceof StsError && error.code.startsWith('RequestLimitExceeded');

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
  return sendSignInRequest(
    {
      name: STS_CALL,
      request: (at) => ({
        url: new URL('/', options.endpoint),
        method: 'POST',
        headers: {
          'content-type': 'application/json; charset=utf-8',
          'x-tc-action': 'AssumeRoleWithWebIdentity',
          'x-tc-version': '2018-08-13',
          'x-tc-timestamp': String(Math.floor(at / 1000)),
          'x-tc-region': options.region,
          authorization: 'SKIP',
        },
        body,
      }),
      read: (answer, sentAt) => readAnswer(answer, options, now, sentAt),
      retryable: retryableForSts,
      throttled: isStsThrottled,
    },
    options,
  );
}

function readAnswer(
  answer: HttpAnswer,
  options: StsOptions,
  now: () => number,
  sentAt: number,
): TemporaryCredentials {
  const { status, body: text } = answer;
  const date = [answer.headers.date].flat()[0];
  const parsed = parseAnswer(text);
  const requestId = parsed?.RequestId ?? '';
  options.logger.debug(
    `${STS_CALL} → ${status}${requestId ? ` (request id ${requestId})` : ''} in ${now() - sentAt} ms`,
  );
  if (parsed?.Error)
    throw new StsError(parsed.Error.Code ?? 'UnknownError', parsed.Error.Message ?? '', requestId, status);
  const keys = parsed?.Credentials;
  const expiredTime = secondsOf(parsed?.ExpiredTime);
  if (
    status !== 200 ||
    !keys?.TmpSecretId ||
    !keys.TmpSecretKey ||
    !keys.Token ||
    expiredTime === undefined
  ) {
    throw new TransportError(
      `${STS_CALL} got ${parsed ? 'an answer without credentials' : `${text.length} characters that are not STS JSON`}` +
        ` (HTTP ${status})${requestId ? `; request id ${requestId}` : ''}`,
      'unparsable',
      status,
      requestId,
    );
  }
  const expiresAtMs = expiredTime * 1000;
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

/** Unix seconds: a number, as documented, or the same number quoted, which says as much. */
function secondsOf(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && /^\s*\d{1,15}(\.\d+)?\s*$/.test(value)) return Number(value);
  return undefined;
}

interface StsResponse {
  Credentials?: { TmpSecretId?: string; TmpSecretKey?: string; Token?: string };
  ExpiredTime?: unknown;
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
