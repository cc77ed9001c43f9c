/**
 * Where a request's keys come from: the keys the user gave, or a CAM role assumed with GitHub's
 * OIDC token and renewed before it expires, so that a wait longer than the keys' lifetime works.
 */
import { ApiError, errorMessage } from './errors.js';
import type { Credentials, Logger } from './request.js';
import type { AssumeRoleRequest, StsOptions, TemporaryCredentials } from './sts.js';

export interface CredentialsProvider {
  /** Keys for the next request; renewed first when they are close to expiring. */
  current(): Promise<Credentials>;
  /**
   * The API refused `refused` as expired. True when fresher keys are ready and the request may be
   * sent again; the caller asks once per request, so a refusal never loops.
   */
  renewAfterRefusal(refused: Credentials): Promise<boolean>;
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

/** What the contract's role inputs become. */
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
  /** GitHub's OIDC token for an audience (at run time `core.getIDToken`). */
  getIdToken(audience: string): Promise<string>;
  /** Hides a secret from the log (at run time `core.setSecret`); called before anything else sees it. */
  mask(secret: string): void;
  /** Also at info level: the sign-in and each renewal are news a user wants in the log. */
  logger: Logger & { info(message: string): void };
  /** The step's region, which STS asks for too. */
  region: string;
  now?: () => number;
  /** The exchange; by default STS over undici with `sts` as its options (loaded on first use). */
  assume?(request: AssumeRoleRequest): Promise<TemporaryCredentials>;
  sts?: Partial<Omit<StsOptions, 'endpoint' | 'logger' | 'now' | 'region'>>;
}

const FIVE_MINUTES = 5 * 60_000;
/** After a failed renewal, keys with this much left are still used, and STS is asked again later. */
const STILL_USABLE_MS = 10_000;
const RETRY_RENEWAL_MS = 30_000;

/**
 * When keys that last `lifetimeMs` from `obtainedAtMs` are replaced: once less than a tenth of
 * their lifetime or five minutes is left, whichever comes first. The margin never exceeds half the
 * lifetime; STS keys last at least 15 minutes, so that only matters for an emulator's short keys.
 */
export function renewalTime(obtainedAtMs: number, lifetimeMs: number): number {
  const margin = Math.min(Math.max(lifetimeMs / 10, FIVE_MINUTES), lifetimeMs / 2);
  return obtainedAtMs + lifetimeMs - margin;
}

/** CI's answer to temporary keys past their `ExpiredTime` (ci-api.md › STS). */
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
    (async (request: AssumeRoleRequest) =>
      (await import('./sts.js')).assumeRoleWithWebIdentity(request, {
        ...deps.sts,
        endpoint: role.stsEndpoint,
        region: deps.region,
        logger: deps.logger,
        now,
      }));
  let held: HeldKeys | undefined;
  let renewing: Promise<HeldKeys> | undefined;
  let retryRenewalAt = 0;

  const fetchKeys = async (): Promise<HeldKeys> => {
    const webIdentityToken = await deps.getIdToken(role.audience);
    deps.mask(webIdentityToken);
    const fresh = await assume({
      providerId: role.providerId,
      webIdentityToken,
      roleArn: role.roleArn,
      roleSessionName: role.roleSessionName,
      durationSeconds: role.durationSeconds,
    });
    for (const secret of [fresh.secretId, fresh.secretKey, fresh.sessionToken]) deps.mask(secret);
    const obtainedAt = now();
    const keys: HeldKeys = {
      credentials: { secretId: fresh.secretId, secretKey: fresh.secretKey, sessionToken: fresh.sessionToken },
      renewAt: renewalTime(obtainedAt, fresh.lifetimeMs),
      expiresAt: obtainedAt + fresh.lifetimeMs,
    };
    // A line at info level: a user sees the sign-in and each renewal, never a key.
    const until = `valid until ${isoSeconds(keys.expiresAt)}, renewed from ${isoSeconds(keys.renewAt)}`;
    deps.logger.info(
      held
        ? `Renewed the temporary keys of role ${role.roleArn} (request id ${fresh.requestId}): ${until}`
        : `Signed in with role ${role.roleArn} as ${role.roleSessionName} (request id ${fresh.requestId}): ` +
            `temporary keys ${until}`,
    );
    return keys;
  };

  // Requests that find the keys due at the same moment share one renewal.
  const renew = (): Promise<HeldKeys> =>
    (renewing ??= fetchKeys()
      .then((keys) => (held = keys))
      .finally(() => (renewing = undefined)));

  return {
    async current() {
      const t = now();
      if (held && (t < held.renewAt || (t < retryRenewalAt && t < held.expiresAt - STILL_USABLE_MS))) {
        return held.credentials;
      }
      try {
        return (await renew()).credentials;
      } catch (error) {
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
    async renewAfterRefusal(refused) {
      // Another request renewed them meanwhile: the fresh keys are ready.
      if (held && held.credentials.secretId !== refused.secretId) return true;
      deps.logger.debug('The CI API refused the role keys as expired: renewing them now');
      try {
        await renew();
      } catch (error) {
        throw new SignInError(role.roleArn, error);
      }
      return true;
    },
  };
}

/** `2026-11-30T04:00:00Z`: a time in the log, to the second. */
function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
