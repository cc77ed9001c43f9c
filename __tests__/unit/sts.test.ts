import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startEmulator, type Emulator, type IdentityEmulator } from '../../emulator/index.js';
import { TransportError } from '../../src/ci/errors.js';
import { assumeRoleWithWebIdentity, StsError, type StsOptions } from '../../src/ci/sts.js';
import type { RequestPacer } from '../../src/waiting/pacing.js';

const ROLE = 'qcs::cam::uin/100000000001:roleName/media';
const HOUR = 3600_000;

let emulator: Emulator;
let identity: IdentityEmulator;
beforeEach(async () => {
  emulator = await startEmulator({
    secretId: 'AKIDtest',
    secretKey: 'test-secret-key',
    identity: {
      requestToken: 'rt',
      providerId: 'github',
      clientIds: ['sts.tencentcloudapi.com'],
      roleArns: [ROLE],
    },
  });
  identity = emulator.identity!;
});
afterEach(async () => emulator.close());

async function token(audience = 'sts.tencentcloudapi.com'): Promise<string> {
  const answer = await fetch(`${identity.tokenRequestUrl}&audience=${audience}`, {
    headers: { authorization: 'Bearer rt' },
  });
  return ((await answer.json()) as { value: string }).value;
}

const logged: string[] = [];
function options(extra: Partial<StsOptions> = {}): StsOptions {
  logged.length = 0;
  return {
    endpoint: new URL(identity.stsUrl),
    region: 'ap-guangzhou',
    logger: { debug: (m) => logged.push(`debug ${m}`), warning: (m) => logged.push(`warning ${m}`) },
    sleep: async () => {},
    retryPolicy: { maxAttempts: 3, maxElapsedMs: 10_000, baseDelayMs: 1, maxDelayMs: 1 },
    ...extra,
  };
}

const assume = async (extra: Partial<StsOptions> = {}, audience?: string) =>
  assumeRoleWithWebIdentity(
    {
      providerId: 'github',
      webIdentityToken: await token(audience),
      roleArn: ROLE,
      roleSessionName: 'github-octo-org-media-site-1',
      durationSeconds: 3600,
    },
    options(extra),
  );

const stsRecords = () => identity.records.filter((r) => r.endpoint === 'sts');

describe('assumeRoleWithWebIdentity', () => {
  it('sends the unsigned API 3.0 request and returns the keys and how long they last', async () => {
    const keys = await assume();
    const [record] = stsRecords();
    expect(record?.issued).toEqual({
      secretId: keys.secretId,
      secretKey: keys.secretKey,
      token: keys.sessionToken,
      expiredTime: keys.expiresAtMs / 1000,
    });
    expect(keys.requestId).toBe(record?.requestId);
    expect(Math.abs(keys.lifetimeMs - HOUR)).toBeLessThanOrEqual(2000);
    expect(record?.headers).toMatchObject({
      authorization: 'SKIP',
      'content-type': 'application/json; charset=utf-8',
      'x-tc-action': 'AssumeRoleWithWebIdentity',
      'x-tc-version': '2018-08-13',
      'x-tc-region': 'ap-guangzhou',
    });
    expect(record?.params).toEqual({
      ProviderId: 'github',
      RoleArn: ROLE,
      RoleSessionName: 'github-octo-org-media-site-1',
      DurationSeconds: 3600,
    });
    expect(logged).toEqual([
      expect.stringMatching(
        /^debug STS AssumeRoleWithWebIdentity → 200 \(request id [0-9a-f-]{36}\) in \d+ ms$/,
      ),
    ]);
  });

  it("judges the lifetime by the answer's own clock, not the runner's", async () => {
    // The runner's clock is an hour behind: by it the keys would seem to last two hours.
    const keys = await assume({ now: () => Date.now() - HOUR });
    expect(Math.abs(keys.lifetimeMs - HOUR)).toBeLessThanOrEqual(2000);
  });

  it('fails at once with the STS code, message and request id when STS refuses the token', async () => {
    const error = await assume({}, 'https://github.com/octo-org').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StsError);
    const { code, stsMessage, requestId, where, message } = error as StsError;
    expect({ code, where }).toEqual({
      code: 'InvalidParameter.WebIdentityTokenError',
      where: 'STS AssumeRoleWithWebIdentity',
    });
    expect(stsMessage).toContain('audience https://github.com/octo-org is not a client id');
    expect(requestId).toBe(stsRecords()[0]?.requestId);
    expect(message).toBe(
      `STS AssumeRoleWithWebIdentity answered InvalidParameter.WebIdentityTokenError: ${stsMessage} (request id ${requestId})`,
    );
    expect(stsRecords()).toHaveLength(1);
  });

  it.each([
    ['an InternalError', { kind: 'error', code: 'InternalError.SystemError' }],
    ['RequestLimitExceeded', { kind: 'error', code: 'RequestLimitExceeded' }],
    ["a gateway's 502", { kind: 'status', status: 502 }],
    ['a dropped connection', { kind: 'reset' }],
  ] as const)('retries after %s and returns the keys', async (_what, fault) => {
    identity.addFault(fault);
    const keys = await assume();
    expect(stsRecords().map((r) => r.issued?.secretId)).toEqual([undefined, keys.secretId]);
    expect(logged.filter((line) => line.startsWith('warning'))).toEqual([
      expect.stringMatching(/^warning STS AssumeRoleWithWebIdentity.*; retry 1 in 0\.0 s$/),
    ]);
  });

  it('gives up after the retry policy, with the last error', async () => {
    identity.addFault({ kind: 'error', code: 'InternalError.SystemError', message: 'busy', times: 3 });
    await expect(assume()).rejects.toThrow('answered InternalError.SystemError: busy');
    expect(stsRecords()).toHaveLength(3);
  });

  it('names STS when nothing listens there', async () => {
    const closed = createServer();
    closed.listen(0, '127.0.0.1');
    await new Promise((resolve) => closed.once('listening', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const error = await assume({ endpoint: new URL(`http://127.0.0.1:${port}`) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransportError);
    expect((error as TransportError).message).toBe(
      `STS AssumeRoleWithWebIdentity: connection refused by 127.0.0.1:${port}`,
    );
  });

  it('reads an ExpiredTime sent as a numeric string as the number', async () => {
    identity.addFault({ kind: 'expired-time', as: 'string' });
    const keys = await assume();
    expect(keys.expiresAtMs).toBe(stsRecords()[0]!.issued!.expiredTime * 1000);
    expect(Math.abs(keys.lifetimeMs - HOUR)).toBeLessThanOrEqual(2000);
  });

  it("waits for the step's pace before each attempt, and slows it down when STS sheds load", async () => {
    identity.addFault({ kind: 'error', code: 'RequestLimitExceeded' });
    const told: string[] = [];
    const pacer = {
      acquire: async () => void told.push('acquire'),
      record: (throttled: boolean) => void told.push(`record ${throttled}`),
    } as unknown as RequestPacer;
    await assume({ pacer });
    expect(told).toEqual(['acquire', 'record true', 'acquire', 'record false']);
  });

  it('stops at once when the step is cancelled, and sends nothing when it already was', async () => {
    identity.addFault({ kind: 'hang' });
    const cancel = new AbortController();
    setTimeout(() => cancel.abort(), 100);
    const error = await assume({ signal: cancel.signal, timeoutMs: 10_000 }).catch((e: unknown) => e);
    expect((error as TransportError).kind).toBe('aborted');
    expect(stsRecords()).toHaveLength(1);
    await expect(assume({ signal: cancel.signal })).rejects.toThrow();
    expect(stsRecords()).toHaveLength(1);
  });

  it('cuts the time limit of an attempt to the deadline of the sign-in', async () => {
    identity.addFault({ kind: 'hang' });
    const error = await assume({ timeoutMs: 10_000, deadline: Date.now() + 300 }).catch((e: unknown) => e);
    expect((error as TransportError).message).toMatch(
      /^STS AssumeRoleWithWebIdentity got no answer within 0\.[1-3]\d* s$/,
    );
    expect(stsRecords()).toHaveLength(1);
  });

  describe('against a hostile server', () => {
    let server: Server;
    afterEach(() => new Promise((resolve) => server.close(resolve)));
    const serve = async (handler: Parameters<typeof createServer>[1]) => {
      server = createServer(handler);
      server.listen(0, '127.0.0.1');
      await new Promise((resolve) => server.once('listening', resolve));
      return new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    };

    /** What one attempt throws when STS answers HTTP 200 with this JSON. */
    const failureOfOneAttemptAnswered = async (json: string) => {
      const endpoint = await serve((_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(json);
      });
      return assume({
        endpoint,
        retryPolicy: { ...options().retryPolicy!, maxAttempts: 1 },
      }).catch((e: unknown) => e);
    };

    it('reads at most 1 MiB of an answer, as every answer of the step', async () => {
      const error = await failureOfOneAttemptAnswered(`{"Response":{"RequestId":"${'x'.repeat(1 << 20)}"}}`);
      expect((error as TransportError).message).toBe(
        'STS AssumeRoleWithWebIdentity answered more than 1 MiB',
      );
    });

    it('refuses an answer without credentials', async () => {
      const error = await failureOfOneAttemptAnswered('{"Response":{"RequestId":"r-1"}}');
      expect((error as TransportError).message).toBe(
        'STS AssumeRoleWithWebIdentity got an answer without credentials (HTTP 200); request id r-1',
      );
    });

    it('stops waiting after the time limit', async () => {
      const endpoint = await serve(() => {});
      const error = await assume({
        endpoint,
        timeoutMs: 200,
        retryPolicy: { ...options().retryPolicy!, maxAttempts: 1 },
      }).catch((e: unknown) => e);
      expect((error as TransportError).message).toBe(
        'STS AssumeRoleWithWebIdentity got no answer within 0.2 s',
      );
      server.closeAllConnections();
    });
  });
});
