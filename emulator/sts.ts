/**
 * Tencent STS `AssumeRoleWithWebIdentity` (API 3.0, version 2018-08-13), as strict as the docs:
 * `Authorization: SKIP`, the common headers, the five parameters, a GitHub OIDC token whose `aud`
 * is a client id of the provider. Errors are answered as API 3.0 does, HTTP 200 with
 * `Response.Error`. Issued keys live in `TemporaryKeys`, which the CI side consults.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { IdentityOptions, IssuedKeys } from './identity-types.js';
import { verifyJwt } from './jwt.js';

export const GITHUB_ISSUER = 'https://token.actions.githubusercontent.com';
const PARAMETERS = ['ProviderId', 'WebIdentityToken', 'RoleArn', 'RoleSessionName', 'DurationSeconds'];
const REQUIRED = PARAMETERS.slice(0, 4);
const SESSION_NAME = /^[\w+=,.@-]{2,128}$/;
/** Clock drift allowed on the token's `nbf`/`iat`. */
const LEEWAY_S = 60;
/** Issued keys kept for the CI side: the newest, which is all a run needs. */
const KEPT_KEYS = 1000;

/** The keys STS issued, by SecretId, for the CI side's signature check. */
export class TemporaryKeys {
  private readonly keys = new Map<string, IssuedKeys>();

  issue(nowMs: number, lifetimeMs: number): IssuedKeys {
    const keys: IssuedKeys = {
      secretId: `AKID${randomBytes(24).toString('base64url').replace(/[-_]/g, 'x')}`,
      secretKey: randomBytes(24).toString('base64url'),
      token: randomBytes(96).toString('base64url'),
      expiredTime: Math.floor((nowMs + lifetimeMs) / 1000),
    };
    this.keys.set(keys.secretId, keys);
    if (this.keys.size > KEPT_KEYS) this.keys.delete(this.keys.keys().next().value as string);
    return keys;
  }

  find(secretId: string): IssuedKeys | undefined {
    return this.keys.get(secretId);
  }
}

export interface StsState {
  options: IdentityOptions;
  /** `undefined`: as DurationSeconds asks. */
  keyLifetimeMs: number | undefined;
  jwtKey: Buffer;
  keys: TemporaryKeys;
}

export interface StsOutcome {
  /** The JSON answered, always with HTTP 200. */
  body: { Response: Record<string, unknown> };
  requestId: string;
  code?: string;
  params?: Record<string, unknown>;
  audience?: string;
  issued?: IssuedKeys;
}

export function stsError(code: string, message: string, requestId = randomUUID()): StsOutcome {
  return {
    body: { Response: { Error: { Code: code, Message: message }, RequestId: requestId } },
    requestId,
    code,
  };
}

function checkHeaders(method: string, headers: Record<string, string>): StsOutcome | undefined {
  if (method !== 'POST') return stsError('UnsupportedProtocol', 'Only POST requests are supported here.');
  if (headers.authorization !== 'SKIP') {
    return stsError(
      'AuthFailure.InvalidAuthorization',
      'AssumeRoleWithWebIdentity is not signed: the Authorization header must be SKIP.',
    );
  }
  if (!/^application\/json(;|$)/i.test(headers['content-type'] ?? '')) {
    return stsError('InvalidParameter', 'Content-Type must be application/json.');
  }
  const action = headers['x-tc-action'];
  if (!action) return stsError('MissingParameter', 'The request is missing the X-TC-Action header.');
  if (action !== 'AssumeRoleWithWebIdentity') return stsError('InvalidAction', `No action ${action}.`);
  const version = headers['x-tc-version'];
  if (!version) return stsError('MissingParameter', 'The request is missing the X-TC-Version header.');
  if (version !== '2018-08-13') return stsError('NoSuchVersion', `No version ${version} of this API.`);
  // The API page marks Region required for this action, as for most of API 3.0.
  if (!headers['x-tc-region'])
    return stsError('MissingParameter', 'The request is missing the X-TC-Region header.');
  const timestamp = headers['x-tc-timestamp'];
  if (!timestamp) return stsError('MissingParameter', 'The request is missing the X-TC-Timestamp header.');
  if (!/^\d{1,12}$/.test(timestamp)) {
    return stsError('InvalidParameter', 'X-TC-Timestamp must be Unix seconds.');
  }
  return undefined;
}

function checkParameters(params: Record<string, unknown>): StsOutcome | undefined {
  const unknown = Object.keys(params).find((name) => !PARAMETERS.includes(name));
  if (unknown !== undefined)
    return stsError('UnknownParameter', `The parameter ${unknown} is not recognized.`);
  const missing = REQUIRED.find((name) => params[name] === undefined);
  if (missing !== undefined) return stsError('MissingParameter', `The parameter ${missing} is missing.`);
  const notText = REQUIRED.find((name) => typeof params[name] !== 'string' || params[name] === '');
  if (notText !== undefined) {
    return stsError('InvalidParameter.ParamError', `The parameter ${notText} must be a non-empty string.`);
  }
  if (!SESSION_NAME.test(params.RoleSessionName as string)) {
    return stsError('InvalidParameter.ParamError', 'RoleSessionName must be 2-128 of [\\w+=,.@-].');
  }
  const duration = params.DurationSeconds;
  if (
    duration !== undefined &&
    (!Number.isInteger(duration) || (duration as number) < 900 || (duration as number) > 43200)
  ) {
    return stsError('InvalidParameter.ParamError', 'DurationSeconds must be an integer from 900 to 43200.');
  }
  return undefined;
}

/** One AssumeRoleWithWebIdentity request, checked in the order a caller would fix things. */
export function assumeRoleWithWebIdentity(
  state: StsState,
  request: { method: string; headers: Record<string, string>; body: string; nowMs: number },
): StsOutcome {
  const refused = checkHeaders(request.method, request.headers);
  if (refused) return refused;
  let params: Record<string, unknown>;
  try {
    params = JSON.parse(request.body) as Record<string, unknown>;
  } catch {
    return stsError('InvalidParameter', 'The request body is not JSON.');
  }
  if (typeof params !== 'object' || params === null || Array.isArray(params)) {
    return stsError('InvalidParameter', 'The request body is not a JSON object.');
  }
  const shown = Object.fromEntries(Object.entries(params).filter(([name]) => name !== 'WebIdentityToken'));
  const outcome = issueFor(state, params, request.nowMs);
  return { ...outcome, params: shown };
}

function issueFor(state: StsState, params: Record<string, unknown>, nowMs: number): StsOutcome {
  const invalid = checkParameters(params);
  if (invalid) return invalid;
  const { options } = state;
  if (params.ProviderId !== options.providerId) {
    return stsError(
      'InvalidParameter.WebIdentityTokenError',
      `No OIDC identity provider ${String(params.ProviderId)}.`,
    );
  }
  const token = verifyJwt(params.WebIdentityToken as string, state.jwtKey);
  if (!token.ok)
    return stsError('InvalidParameter.WebIdentityTokenError', `WebIdentityToken: ${token.reason}.`);
  const { claims } = token;
  const audience = typeof claims.aud === 'string' ? claims.aud : undefined;
  const now = nowMs / 1000;
  const tokenProblem =
    claims.iss !== GITHUB_ISSUER
      ? `the issuer ${String(claims.iss)} is not the provider's`
      : audience === undefined || !options.clientIds.includes(audience)
        ? `the audience ${String(claims.aud)} is not a client id of provider ${options.providerId}`
        : !(claims.exp > now)
          ? 'the token has expired'
          : claims.nbf > now + LEEWAY_S
            ? 'the token is not valid yet'
            : undefined;
  if (tokenProblem) {
    const outcome = stsError('InvalidParameter.WebIdentityTokenError', `WebIdentityToken: ${tokenProblem}.`);
    return audience === undefined ? outcome : { ...outcome, audience };
  }
  if (!options.roleArns.includes(params.RoleArn as string)) {
    return {
      ...stsError(
        'UnauthorizedOperation',
        `The role ${String(params.RoleArn)} does not exist or does not trust provider ${options.providerId}.`,
      ),
      audience: audience as string,
    };
  }
  const asked = ((params.DurationSeconds as number | undefined) ?? 7200) * 1000;
  const issued = state.keys.issue(nowMs, state.keyLifetimeMs ?? asked);
  const requestId = randomUUID();
  return {
    body: {
      Response: {
        Credentials: { Token: issued.token, TmpSecretId: issued.secretId, TmpSecretKey: issued.secretKey },
        ExpiredTime: issued.expiredTime,
        Expiration: new Date(issued.expiredTime * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
        RequestId: requestId,
      },
    },
    requestId,
    audience: audience as string,
    issued,
  };
}
