import {
  assumedRoleCredentials,
  refusedAsExpired,
  renewalTime,
  SignInError,
  staticCredentials,
  type RoleSettings,
} from '../../src/ci/credentials.js';
import { ApiError } from '../../src/ci/errors.js';
import type { SignInLimits } from '../../src/ci/sign-in-request.js';
import { StsError, type AssumeRoleRequest, type TemporaryCredentials } from '../../src/ci/sts.js';
import { AbortedError } from '../../src/waiting/sleep.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const ROLE: RoleSettings = {
  roleArn: 'qcs::cam::uin/100000000001:roleName/media',
  providerId: 'github',
  audience: 'sts.tencentcloudapi.com',
  roleSessionName: 'github-octo-org-media-site-1',
  durationSeconds: 3600,
  stsEndpoint: new URL('https://sts.tencentcloudapi.com'),
};

describe('renewalTime: less than a tenth of the lifetime or five minutes left', () => {
  it.each([
    ['one-hour keys, a tenth (6 min) before the end', HOUR, 54 * MINUTE],
    ['twelve-hour keys, a tenth (72 min) before the end', 12 * HOUR, 12 * HOUR - 72 * MINUTE],
    ['fifteen-minute keys, five minutes before the end', 15 * MINUTE, 10 * MINUTE],
    ['forty-minute keys, five minutes before the end', 40 * MINUTE, 35 * MINUTE],
    ["the emulator's five-second keys, half-way (never more than half the lifetime)", 5000, 2500],
  ])('%s', (_what, lifetime, renewAfter) => {
    expect(renewalTime(1_000_000, lifetime)).toBe(1_000_000 + renewAfter);
  });
});

/** An STS stand-in: each exchange answers new keys of the given lifetime, recording what it was asked. */
function fakeSts(lifetimeMs: number) {
  const asked: AssumeRoleRequest[] = [];
  let failWith: Error | undefined;
  const assume = async (request: AssumeRoleRequest): Promise<TemporaryCredentials> => {
    asked.push(request);
    if (failWith) throw failWith;
    const n = asked.length;
    return {
      secretId: `AKIDtemp${n}`,
      secretKey: `temp-key-${n}`,
      sessionToken: `temp-token-${n}`,
      expiresAtMs: 0,
      lifetimeMs,
      requestId: `req-${n}`,
    };
  };
  return { asked, assume, fail: (error: Error | undefined) => (failWith = error) };
}

function provider(lifetimeMs: number) {
  let now = 1_700_000_000_000;
  const sts = fakeSts(lifetimeMs);
  const events: string[] = [];
  let tokens = 0;
  const credentials = assumedRoleCredentials(ROLE, {
    getIdToken: async (audience) => `jwt-${++tokens}-for-${audience}`,
    mask: (secret) => events.push(`mask ${secret}`),
    logger: {
      debug: (message) => events.push(`debug ${message}`),
      warning: (message) => events.push(`warning ${message}`),
    },
    region: 'ap-guangzhou',
    now: () => now,
    assume: sts.assume,
  });
  return { credentials, sts, events, advance: (ms: number) => (now += ms) };
}

describe('an assumed role', () => {
  it('assumes on first use, keeps the keys until the renewal time, then exchanges a fresh OIDC token', async () => {
    const { credentials, sts, advance } = provider(HOUR);
    expect(await credentials.current()).toEqual({
      secretId: 'AKIDtemp1',
      secretKey: 'temp-key-1',
      sessionToken: 'temp-token-1',
    });
    expect(sts.asked).toEqual([
      {
        providerId: 'github',
        webIdentityToken: 'jwt-1-for-sts.tencentcloudapi.com',
        roleArn: ROLE.roleArn,
        roleSessionName: ROLE.roleSessionName,
        durationSeconds: 3600,
      },
    ]);
    advance(54 * MINUTE - 1);
    expect((await credentials.current()).secretId).toBe('AKIDtemp1');
    advance(1);
    expect((await credentials.current()).secretId).toBe('AKIDtemp2');
    expect(sts.asked.map((request) => request.webIdentityToken)).toEqual([
      'jwt-1-for-sts.tencentcloudapi.com',
      'jwt-2-for-sts.tencentcloudapi.com',
    ]);
  });

  it('renews five times in a five-hour wait with one-hour keys', async () => {
    const { credentials, sts, advance } = provider(HOUR);
    for (let minute = 0; minute <= 5 * 60; minute++) {
      await credentials.current();
      advance(MINUTE);
    }
    // At 0, 54, 108, 162, 216 and 270 minutes.
    expect(sts.asked).toHaveLength(6);
  });

  it('masks the OIDC token and the temporary id, key and token before anything is logged', async () => {
    const { credentials, events } = provider(HOUR);
    await credentials.current();
    const secrets = ['jwt-1-for-sts.tencentcloudapi.com', 'AKIDtemp1', 'temp-key-1', 'temp-token-1'];
    expect(events.slice(0, 4)).toEqual(secrets.map((secret) => `mask ${secret}`));
    const logged = events.filter((event) => !event.startsWith('mask ')).join('\n');
    expect(logged).toContain(`Assumed role ${ROLE.roleArn}`);
    for (const secret of secrets) expect(logged).not.toContain(secret);
  });

  it('shares one renewal between requests that find the keys due at the same moment', async () => {
    const { credentials, sts } = provider(HOUR);
    const keys = await Promise.all([credentials.current(), credentials.current(), credentials.current()]);
    expect(new Set(keys.map((k) => k.secretId))).toEqual(new Set(['AKIDtemp1']));
    expect(sts.asked).toHaveLength(1);
  });

  it('renews at once after a refusal of the keys in use, but not again for keys already replaced', async () => {
    const { credentials, sts } = provider(HOUR);
    const first = await credentials.current();
    expect(await credentials.renewAfterRefusal(first)).toBe(true);
    expect((await credentials.current()).secretId).toBe('AKIDtemp2');
    // A request sent with the first keys comes back refused after the renewal: nothing to do.
    expect(await credentials.renewAfterRefusal(first)).toBe(true);
    expect(sts.asked).toHaveLength(2);
  });

  it('keeps using keys that still work when a renewal fails, and asks STS again 30 s later', async () => {
    const { credentials, sts, events, advance } = provider(HOUR);
    await credentials.current();
    advance(55 * MINUTE);
    sts.fail(new StsError('InternalError.SystemError', 'busy', 'req-x'));
    expect((await credentials.current()).secretId).toBe('AKIDtemp1');
    expect(events.filter((e) => e.startsWith('warning'))).toEqual([
      expect.stringContaining(
        "Could not renew the role's keys (STS AssumeRoleWithWebIdentity answered InternalError.SystemError",
      ),
    ]);
    advance(29_000);
    await credentials.current();
    expect(sts.asked).toHaveLength(2);
    sts.fail(undefined);
    advance(1000);
    expect((await credentials.current()).secretId).toBe('AKIDtemp3');
  });

  it('fails with a sign-in error naming the role and the STS error when no keys last ten seconds more', async () => {
    const { credentials, sts, advance } = provider(HOUR);
    const refused = new StsError('InvalidParameter.WebIdentityTokenError', 'bad aud', 'req-1');
    sts.fail(refused);
    const error = await credentials.current().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SignInError);
    expect((error as SignInError).cause).toBe(refused);
    expect((error as SignInError).message).toBe(
      `Could not sign in with role ${ROLE.roleArn}: STS AssumeRoleWithWebIdentity answered ` +
        'InvalidParameter.WebIdentityTokenError: bad aud (request id req-1)',
    );
    sts.fail(undefined);
    const keys = await credentials.current();
    advance(HOUR - 9_000);
    sts.fail(new StsError('InternalError.SystemError', 'busy', 'req-3'));
    await expect(credentials.current()).rejects.toBeInstanceOf(SignInError);
    await expect(credentials.renewAfterRefusal(keys)).rejects.toBeInstanceOf(SignInError);
  });
});

describe('keys whose lifetime STS states oddly', () => {
  it.each([
    ['in the past', -HOUR, /had expired already \(3600 s before its answer\)/],
    ['under a minute', 20_000, /last 20 s/],
  ])(
    'a lifetime %s is told once and the keys reused for 30 s, not renewed per request',
    async (_what, lifetime, told) => {
      const { credentials, sts, events, advance } = provider(lifetime);
      for (let second = 0; second < 65; second++) {
        await credentials.current();
        advance(1000);
      }
      // At 0, 30 and 60 s.
      expect(sts.asked).toHaveLength(3);
      const warnings = events.filter((event) => event.startsWith('warning'));
      expect(warnings).toEqual([expect.stringMatching(told)]);
      expect(warnings[0]).toContain('reused for 30 s');
    },
  );

  it('renews keys of a minute or more as their lifetime says', async () => {
    const { credentials, sts, events, advance } = provider(MINUTE);
    await credentials.current();
    advance(29_000);
    await credentials.current();
    advance(1000);
    await credentials.current();
    expect(sts.asked).toHaveLength(2);
    expect(events.filter((event) => event.startsWith('warning'))).toEqual([]);
  });
});

describe('a sign-in and the cancel', () => {
  /** A provider whose exchanges wait until the caller's signal stops them, or `answer()` is called. */
  function stalledProvider() {
    const limitsSeen: SignInLimits[] = [];
    let answer: (() => void) | undefined;
    const credentials = assumedRoleCredentials(ROLE, {
      getIdToken: async (_audience, limits) => (limitsSeen.push(limits), 'jwt'),
      mask: () => {},
      logger: { debug: () => {}, warning: () => {} },
      region: 'ap-guangzhou',
      assume: (_request, limits) =>
        new Promise<TemporaryCredentials>((resolve, reject) => {
          limitsSeen.push(limits);
          limits.signal?.addEventListener('abort', () => reject(new AbortedError()));
          answer = () =>
            resolve({
              secretId: 'AKIDnew',
              secretKey: 'k',
              sessionToken: 't',
              expiresAtMs: 0,
              lifetimeMs: HOUR,
              requestId: 'r',
            });
        }),
    });
    return { credentials, limitsSeen, answer: () => answer?.() };
  }

  it("stops with the caller's signal, as an abort and not a failed sign-in", async () => {
    const { credentials } = stalledProvider();
    const cancel = new AbortController();
    const pending = credentials.current({ signal: cancel.signal, timeoutMs: 5000 });
    await Promise.resolve();
    cancel.abort();
    await expect(pending).rejects.toBeInstanceOf(AbortedError);
    await expect(credentials.current({ signal: cancel.signal, timeoutMs: 5000 })).rejects.toBeInstanceOf(
      AbortedError,
    );
  });

  it('lets a cleanup that joined a renewal stopped by the cancel sign in on its own', async () => {
    const { credentials, limitsSeen, answer } = stalledProvider();
    const cancel = new AbortController();
    const step = credentials.current({ signal: cancel.signal, timeoutMs: 30_000 });
    const cleanup = credentials.current({ timeoutMs: 5000 });
    await new Promise((resolve) => setTimeout(resolve, 10));
    cancel.abort();
    await expect(step).rejects.toBeInstanceOf(AbortedError);
    await new Promise((resolve) => setTimeout(resolve, 10));
    answer();
    expect((await cleanup).secretId).toBe('AKIDnew');
    expect(limitsSeen.map((limits) => limits.timeoutMs)).toEqual([30_000, 30_000, 5000, 5000]);
  });

  it("bounds the token and the exchange together by the caller's retry time and deadline", async () => {
    const { credentials, limitsSeen, answer } = stalledProvider();
    const started = Date.now();
    const policy = { maxAttempts: 2, maxElapsedMs: 6000, baseDelayMs: 1, maxDelayMs: 1 };
    const pending = credentials.current({ timeoutMs: 5000, retryPolicy: policy });
    await new Promise((resolve) => setTimeout(resolve, 10));
    answer();
    await pending;
    const [token, exchange] = limitsSeen;
    expect(token?.deadline).toBe(exchange?.deadline);
    expect(token!.deadline! - started).toBeGreaterThanOrEqual(6000);
    expect(token!.deadline! - started).toBeLessThan(6100);
  });
});

describe('static keys', () => {
  it('are what the user gave, and have nothing fresher to offer after a refusal', async () => {
    const keys = { secretId: 'AKIDuser', secretKey: 'user-key', sessionToken: 'user-token' };
    const credentials = staticCredentials(keys);
    expect(await credentials.current()).toBe(keys);
    expect(await credentials.renewAfterRefusal(keys)).toBe(false);
  });
});

describe('refusedAsExpired', () => {
  it.each([
    [new ApiError(403, 'AccessDenied', 'InvalidToken: the security token has expired.', 'r'), true],
    [new ApiError(403, 'AccessDenied', 'The token expired at 12:00', 'r'), true],
    [new ApiError(403, 'AccessDenied', 'Request has expired', 'r'), false],
    [new ApiError(403, 'SignatureDoesNotMatch', 'InvalidToken', 'r'), false],
    [new ApiError(400, 'AccessDenied', 'InvalidToken', 'r'), false],
    [new Error('InvalidToken'), false],
  ])('%s → %s', (error, expected) => {
    expect(refusedAsExpired(error)).toBe(expected);
  });
});
