/**
 * Where a request's keys come from: the keys the user gave, or a CAM role assumed with GitHub's
 * OIDC token and renewed before it expires, so that a wait longer than the keys' lifetime works.
 */
import { ApiError, errorMessage, isAbort } from './errors.js';
import type { Credentials, Logger } from './request.js';
import type { SignInLimits } from './sign-in-request.js';
import type { AssumeRoleRequest, StsOptions, TemporaryCredentials } from './sts.js';
import { DEFAULT_RETRY_POLICY } from '../waiting/retry.js';
import { AbortedError } from '../waiting/sleep.js';

export interface CredentialsProvider {
  /**
   * Keys for the next request; renewed first when they are close to expiring, within the limits of
   * the client that asks (its abort signal, time limit and retries). A renewal stopped by that
   * signal throws an `AbortedError`: the request was not sent.
   */
  current(limits?: SignInLimits): Promise<Credentials>;
  /**
   * The API refused `refused` as expired. True when fresher keys are ready and the request may be
   * sent again; the caller asks once per request, so a refusal never loops.
   */
  renewAfterRefusal(refused: Credentials, limits?: SignInLimits): Promise<boolean>;
}

/**
 * The role could not be assumed (no OIDC token, STS refused or unreachable), its cause kept. Its own
 * type on purpose: no CI request was sent, so the call's retry and "may have been processed" rules,
 * which read transport and API errors, must not take an STS failure for one of the CI API's.
 */
export class SignInError extends Error {
  override readonly name = 'SignInError';
  constructor(
    roleArn: string,
    override readonly cause: unknown,
  ) {
    super(`Could not sign in with role ${roleArn}: ${errorMessage(cause)}`);
  }
}

export const DEFAULT_STS_ENDPOINT = 'https://sts.tencentcloudapi.com';

/** What the role inputs (README › Sign in with GitHub OIDC) become. */
export interface RoleSettings {
  roleArn: string;
  /** The CAM OIDC identity provider (STS `ProviderId`). */
  providerId: string;
  /** The `aud` asked of GitHub's token: a client id of that provider. */
  audience: string;
  roleSessionName: string;
  /** Lifetime asked for each set of keys, 900 to 43200. */
  durationSeconds: number;
  /** STS base URL. */
  stsEndpoint: URL;
}

export interface AssumedRoleDeps {
  /** GitHub's OIDC token for an audience, asked within `limits` (at run time `githubIdToken`). */
  getIdToken(audience: string, limits: SignInLimits): Promise<string>;
  /** Hides a secret from the log (at run time `core.setSecret`); called before anything else sees it. */
  mask(secret: string): void;
  logger: Logger;
  /** The step's region, which STS asks for too. */
  region: string;
  now?: () => number;
  /** The exchange; by default STS over undici with `sts` as its options (loaded on first use). */
  assume?(request: AssumeRoleRequest, limits: SignInLimits): Promise<TemporaryCredentials>;
  sts?: Partial<Omit<StsOptions, 'endpoint' | 'logger' | 'now' | 'region' | keyof SignInLimits>>;
}

/** A caller that says nothing of its limits: the default request time limit and retries. */
const DEFAULT_LIMITS: SignInLimits = { timeoutMs: 30_000 };

const FIVE_MINUTES = 5 * 60_000;
/** After a failed renewal, keys with this much left are still used, and STS is asked again later. */
const STILL_USABLE_MS = 10_000;
const RETRY_RENEWAL_MS = 30_000;
/**
 * STS gives keys for 15 minutes at least: a lifetime under a minute (or in the past) says more of
 * the answer than of the keys. They are reused for a fixed while rather than renewed per request;
 * if the service refuses them as expired, the refusal renews them (see renewAfterRefusal).
 */
const SHORTEST_LIFETIME_MS = 60_000;
const ODD_LIFETIME_REUSE_MS = 30_000;

/**
 * When keys that last `lifetimeMs` from `obtainedAtMs` are replaced: once less than a tenth of
 * their lifetime or five minutes is left, whichever comes first. The margin never exceeds half the
 * lifetime (keys of a few minutes are still used for half of it).
 */
export function renewalTime(obtainedAtMs: number, lifetimeMs: number): number {
  const margin = Math.min(Math.max(lifetimeMs / 10, FIVE_MINUTES), lifetimeMs / 2);
  return obtainedAtMs + lifetimeMs - margin;
}

/** CI's answer to temporary keys past their `ExpiredTime` (docs/api-notes.md › Temporary keys). */
export function refusedAsExpired(error: unknown): boolean {
  return (
    error instanceof ApiError &&
    error.status === 403 &&
    error.code === 'AccessDenied' &&
    /^InvalidToken|token expired/i.test(error.apiMessage)
  );
}

export function isCredentialsProvider(
  value: Credentials | CredentialsProvider,
): value is CredentialsProvider {
  return typeof (value as CredentialsProvider).current === 'function';
}

export function staticCredentials(credentials: Credentials): CredentialsProvider {
  return {
    current: async () => credentials,
    // Nothing fresher to offer: the refusal stands.
    renewAfterRefusal: async () => false,
  };
}

interface HeldKeys {
  credentials: Credentials;
  renewAt: number;
  expiresAt: number;
}

export function assumedRoleCredentials(role: RoleSettings, deps: AssumedRoleDeps): CredentialsProvider {
  const now = deps.now ?? Date.now;
  const assume =
    deps.assume ??
    (async (request: AssumeRoleRequest, limits: SignInLimits) =>
      (await import('./sts.js')).assumeRoleWithWebIdentity(request, {
        ...deps.sts,
        ...limits,
        endpoint: role.stsEndpoint,
        region: deps.region,
        logger: deps.logger,
        now,
      }));
  let held: HeldKeys | undefined;
  let renewing: Promise<HeldKeys> | undefined;
  let retryRenewalAt = 0;
  let oddLifetimeTold = false;

  /** When keys got at `obtainedAt` are renewed, and when they stop working. */
  const timesOf = (fresh: TemporaryCredentials, obtainedAt: number) => {
    if (fresh.lifetimeMs >= SHORTEST_LIFETIME_MS)
      return { renewAt: renewalTime(obtainedAt, fresh.lifetimeMs), expiresAt: obtainedAt + fresh.lifetimeMs };
    if (!oddLifetimeTold) {
      oddLifetimeTold = true;
      const lifetime = Math.round(fresh.lifetimeMs / 1000);
      deps.logger.warning(
        `STS answered keys that ${lifetime <= 0 ? `had expired already (${-lifetime} s before its answer)` : `last ${lifetime} s`} ` +
          `(request id ${fresh.requestId}): they are reused for ${ODD_LIFETIME_REUSE_MS / 1000} s before ` +
          'the role is assumed again, and renewed at once if the CI API refuses them as expired',
      );
    }
    return { renewAt: obtainedAt + ODD_LIFETIME_REUSE_MS, expiresAt: obtainedAt + ODD_LIFETIME_REUSE_MS };
  };

  const fetchKeys = async (limits: SignInLimits): Promise<HeldKeys> => {
    // The token and the exchange share one budget, so that a cleanup's sign-in stays short.
    const budgetMs = Math.max((limits.retryPolicy ?? DEFAULT_RETRY_POLICY).maxElapsedMs, limits.timeoutMs);
    const bounded = { ...limits, deadline: Math.min(limits.deadline ?? Infinity, now() + budgetMs) };
    const webIdentityToken = await deps.getIdToken(role.audience, bounded);
    deps.mask(webIdentityToken);
    const fresh = await assume(
      {
        providerId: role.providerId,
        webIdentityToken,
        roleArn: role.roleArn,
        roleSessionName: role.roleSessionName,
        durationSeconds: role.durationSeconds,
      },
      bounded,
    );
    for (const secret of [fresh.secretId, fresh.secretKey, fresh.sessionToken]) deps.mask(secret);
    const obtainedAt = now();
    const keys: HeldKeys = {
      credentials: { secretId: fresh.secretId, secretKey: fresh.secretKey, sessionToken: fresh.sessionToken },
      ...timesOf(fresh, obtainedAt),
    };
    deps.logger.debug(
      `Assumed role ${role.roleArn} as ${role.roleSessionName} (request id ${fresh.requestId}): keys for ` +
        `${Math.round(fresh.lifetimeMs / 1000)} s, renewed after ${Math.round((keys.renewAt - obtainedAt) / 1000)} s`,
    );
    return keys;
  };

  // Requests that find the keys due at the same moment share one renewal. One that the cancel of
  // the request that began it stopped does not stop the others: a cleanup signs in on its own.
  const renew = async (limits: SignInLimits): Promise<HeldKeys> => {
    if (limits.signal?.aborted) throw new AbortedError();
    if (renewing) {
      try {
        return await renewing;
      } catch (error) {
        if (!isAbort(error) || limits.signal?.aborted) throw error;
      }
    }
    return (renewing ??= fetchKeys(limits)
      .then((keys) => (held = keys))
      .finally(() => (renewing = undefined)));
  };

  return {
    async current(limits = DEFAULT_LIMITS) {
      const t = now();
      if (held && (t < held.renewAt || (t < retryRenewalAt && t < held.expiresAt - STILL_USABLE_MS))) {
        return held.credentials;
      }
      try {
        return (await renew(limits)).credentials;
      } catch (error) {
        if (limits.signal?.aborted) throw new AbortedError();
        // Keys that still work are better than a failed request: try STS again a little later.
        if (!held || now() >= held.expiresAt - STILL_USABLE_MS) throw new SignInError(role.roleArn, error);
        retryRenewalAt = now() + RETRY_RENEWAL_MS;
        deps.logger.warning(
          `Could not renew the role's keys (${errorMessage(error)}); the current keys last ` +
            `${Math.round((held.expiresAt - now()) / 1000)} s more, trying again in ${RETRY_RENEWAL_MS / 1000} s`,
        );
        return held.credentials;
      }
    },
    async renewAfterRefusal(refused, limits = DEFAULT_LIMITS) {
      // Another request renewed them meanwhile: the fresh keys are ready.
      if (held && held.credentials.secretId !== refused.secretId) return true;
      deps.logger.debug('The CI API refused the role keys as expired: renewing them now');
      try {
        await renew(limits);
      } catch (error) {
        if (limits.signal?.aborted) throw new AbortedError();
        throw new SignInError(role.roleArn, error);
      }
      return true;
    },
  };
}
