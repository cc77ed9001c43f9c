import { startEmulator, type Emulator, type IdentityEmulator } from '../../emulator/index.js';
import { sdkFetch } from '../../test-support/sdk-client.js';

const CREDS = { secretId: 'AKIDtest', secretKey: 'test-secret-key' };
const ROLE = 'qcs::cam::uin/100000000001:roleName/media';
const IDENTITY = {
  requestToken: 'request-token-of-this-job',
  providerId: 'github',
  clientIds: ['sts.tencentcloudapi.com'],
  roleArns: [ROLE],
};
const START = Date.now();

let emulator: Emulator;
let identity: IdentityEmulator;
let now = START;
beforeEach(async () => {
  now = START;
  emulator = await startEmulator({ ...CREDS, identity: IDENTITY, now: () => now });
  identity = emulator.identity!;
});
afterEach(async () => emulator.close());

async function idToken(audience = 'sts.tencentcloudapi.com', bearer = IDENTITY.requestToken) {
  const response = await fetch(`${identity.tokenRequestUrl}&audience=${encodeURIComponent(audience)}`, {
    headers: { authorization: `Bearer ${bearer}` },
  });
  return { status: response.status, body: (await response.json()) as { value?: string } };
}

const claimsOf = (jwt: string) =>
  JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString('utf8')) as Record<string, unknown>;

const STS_HEADERS = {
  'content-type': 'application/json',
  'x-tc-action': 'AssumeRoleWithWebIdentity',
  'x-tc-version': '2018-08-13',
  'x-tc-region': 'ap-guangzhou',
  'x-tc-timestamp': String(Math.floor(START / 1000)),
  authorization: 'SKIP',
};

interface StsAnswer {
  Response: {
    Credentials?: { Token: string; TmpSecretId: string; TmpSecretKey: string };
    ExpiredTime?: number;
    Expiration?: string;
    Error?: { Code: string; Message: string };
    RequestId: string;
  };
}

async function sts(params: Record<string, unknown>, headers: Record<string, string | undefined> = {}) {
  const all = Object.fromEntries(
    Object.entries({ ...STS_HEADERS, ...headers }).filter((entry): entry is [string, string] => !!entry[1]),
  );
  const response = await fetch(`${identity.stsUrl}/`, {
    method: 'POST',
    headers: all,
    body: JSON.stringify(params),
  });
  return { status: response.status, body: (await response.json()) as StsAnswer };
}

async function assumeParams(extra: Record<string, unknown> = {}) {
  const token = (await idToken()).body.value!;
  return {
    ProviderId: 'github',
    WebIdentityToken: token,
    RoleArn: ROLE,
    RoleSessionName: 'github-octo-org-media-site-1',
    DurationSeconds: 3600,
    ...extra,
  };
}

/** A describe of an unknown job: any signed request will do, the point is the signature check. */
const listWith = (keys: { TmpSecretId: string; TmpSecretKey: string; Token?: string }) =>
  sdkFetch(emulator.url, {
    secretId: keys.TmpSecretId,
    secretKey: keys.TmpSecretKey,
    path: '/inventorytriggerjob',
    headers: keys.Token ? { 'x-ci-security-token': keys.Token } : {},
  });

describe("GitHub's OIDC token endpoint", () => {
  it('answers a JWT for the audience asked, to the bearer of the request token only', async () => {
    const refused = await idToken('sts.tencentcloudapi.com', 'someone-else');
    expect(refused.status).toBe(401);
    const { status, body } = await idToken('my-audience');
    expect(status).toBe(200);
    expect(claimsOf(body.value!)).toMatchObject({
      aud: 'my-audience',
      iss: 'https://token.actions.githubusercontent.com',
      sub: 'repo:octo-org/media-site:ref:refs/heads/main',
    });
    expect(identity.records.map((r) => [r.endpoint, r.status, r.audience])).toEqual([
      ['oidc-token', 401, 'sts.tencentcloudapi.com'],
      ['oidc-token', 200, 'my-audience'],
    ]);
  });
});

describe('STS AssumeRoleWithWebIdentity', () => {
  it('issues keys for DurationSeconds that sign CI requests with their token until ExpiredTime', async () => {
    const { status, body } = await sts(await assumeParams());
    expect(status).toBe(200);
    const { Credentials, ExpiredTime, Expiration, RequestId } = body.Response;
    expect(ExpiredTime).toBe(Math.floor(START / 1000) + 3600);
    expect(Expiration).toBe(new Date(ExpiredTime! * 1000).toISOString().replace('.000Z', 'Z'));
    expect(Credentials!.TmpSecretId).toMatch(/^AKID/);

    expect((await listWith(Credentials!)).status).toBe(200);
    const withoutToken = await listWith({ ...Credentials!, Token: undefined });
    expect(withoutToken.status).toBe(403);
    expect(withoutToken.text).toContain('InvalidToken: the security token is missing');

    now = ExpiredTime! * 1000;
    const expired = await listWith(Credentials!);
    expect(expired.status).toBe(403);
    expect(expired.text).toContain('<Code>AccessDenied</Code>');
    expect(expired.text).toContain('<Message>InvalidToken: the security token has expired.</Message>');

    const record = identity.records.find((r) => r.endpoint === 'sts')!;
    expect(record).toMatchObject({
      status: 200,
      requestId: RequestId,
      audience: 'sts.tencentcloudapi.com',
      params: { ProviderId: 'github', RoleArn: ROLE, DurationSeconds: 3600 },
      issued: { secretId: Credentials!.TmpSecretId, token: Credentials!.Token, expiredTime: ExpiredTime },
    });
    expect(record.params).not.toHaveProperty('WebIdentityToken');
    expect(record.headers).toMatchObject({
      authorization: 'SKIP',
      'x-tc-action': 'AssumeRoleWithWebIdentity',
    });
  });

  it('gives keys the lifetime set apart from DurationSeconds, changeable while running', async () => {
    await emulator.close();
    emulator = await startEmulator({
      ...CREDS,
      identity: { ...IDENTITY, keyLifetimeMs: 5000 },
      now: () => now,
    });
    identity = emulator.identity!;
    const first = (await sts(await assumeParams({ DurationSeconds: 43200 }))).body.Response;
    expect(first.ExpiredTime).toBe(Math.floor((START + 5000) / 1000));
    now = START + 4000;
    expect((await listWith(first.Credentials!)).status).toBe(200);
    now = START + 5000;
    expect((await listWith(first.Credentials!)).status).toBe(403);

    identity.setKeyLifetime(undefined);
    const second = (await sts(await assumeParams({ DurationSeconds: 900 }))).body.Response;
    expect(second.ExpiredTime).toBe(Math.floor(now / 1000) + 900);
  });

  it.each([
    [
      'a signed request',
      {},
      { authorization: 'TC3-HMAC-SHA256 Credential=x' },
      'AuthFailure.InvalidAuthorization',
    ],
    ['no X-TC-Action', {}, { 'x-tc-action': undefined }, 'MissingParameter'],
    ['another action', {}, { 'x-tc-action': 'AssumeRole' }, 'InvalidAction'],
    ['another version', {}, { 'x-tc-version': '2019-01-01' }, 'NoSuchVersion'],
    ['no X-TC-Region', {}, { 'x-tc-region': undefined }, 'MissingParameter'],
    ['no X-TC-Timestamp', {}, { 'x-tc-timestamp': undefined }, 'MissingParameter'],
    ['a form body', {}, { 'content-type': 'application/x-www-form-urlencoded' }, 'InvalidParameter'],
    ['an unknown parameter', { Policy: '{}' }, {}, 'UnknownParameter'],
    ['no RoleSessionName', { RoleSessionName: undefined }, {}, 'MissingParameter'],
    ['a session name with a slash', { RoleSessionName: 'a/b' }, {}, 'InvalidParameter.ParamError'],
    ['DurationSeconds 899', { DurationSeconds: 899 }, {}, 'InvalidParameter.ParamError'],
    ['DurationSeconds 43201', { DurationSeconds: 43201 }, {}, 'InvalidParameter.ParamError'],
    ['another provider', { ProviderId: 'gitlab' }, {}, 'InvalidParameter.WebIdentityTokenError'],
    ['a tampered token', { WebIdentityToken: 'e30.e30.c2ln' }, {}, 'InvalidParameter.WebIdentityTokenError'],
    ['a role that does not trust the provider', { RoleArn: `${ROLE}-other` }, {}, 'UnauthorizedOperation'],
  ])('refuses %s with HTTP 200 and Response.Error, issuing nothing', async (_what, params, headers, code) => {
    const { status, body } = await sts(await assumeParams(params), headers);
    expect(status).toBe(200);
    expect(body.Response.Error?.Code).toBe(code);
    expect(body.Response.Error?.Message).toBeTruthy();
    expect(body.Response.RequestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(body.Response.Credentials).toBeUndefined();
    expect(identity.records.filter((r) => r.endpoint === 'sts')).toEqual([
      expect.objectContaining({ code, requestId: body.Response.RequestId }),
    ]);
    expect(identity.records.some((r) => r.issued)).toBe(false);
  });

  it("refuses a token whose audience is not one of the provider's client ids, or that has expired", async () => {
    const wrongAudience = (await idToken('https://github.com/octo-org')).body.value!;
    const refused = await sts(await assumeParams({ WebIdentityToken: wrongAudience }));
    expect(refused.body.Response.Error).toEqual({
      Code: 'InvalidParameter.WebIdentityTokenError',
      Message: expect.stringContaining('audience https://github.com/octo-org is not a client id'),
    });
    const params = await assumeParams();
    now = START + 301_000;
    expect((await sts(params)).body.Response.Error?.Message).toContain('expired');
  });

  it('answers injected faults in turn: an STS error, a bare 502, a reset; then issues again', async () => {
    identity.addFault({
      kind: 'error',
      code: 'InvalidParameter.WebIdentityTokenError',
      message: 'bad token',
    });
    identity.addFault({ kind: 'status', status: 502 });
    identity.addFault({ kind: 'reset' });
    const params = await assumeParams();
    expect((await sts(params)).body.Response.Error).toEqual({
      Code: 'InvalidParameter.WebIdentityTokenError',
      Message: 'bad token',
    });
    const gateway = await fetch(`${identity.stsUrl}/`, { method: 'POST', headers: STS_HEADERS, body: '{}' });
    expect(gateway.status).toBe(502);
    await expect(sts(params)).rejects.toThrow();
    expect((await sts(params)).body.Response.Credentials).toBeDefined();
    expect(identity.records.filter((r) => r.endpoint === 'sts').map((r) => r.fault ?? r.status)).toEqual([
      'error',
      'status',
      'reset',
      200,
    ]);
  });

  it('misstates ExpiredTime as asked, while the keys it issued work as usual', async () => {
    identity.addFault({ kind: 'expired-time', as: 'string' });
    identity.addFault({ kind: 'expired-time', as: 'past' });
    const quoted = (await sts(await assumeParams())).body.Response;
    const past = (await sts(await assumeParams())).body.Response;
    expect(quoted.ExpiredTime).toBe(String(Math.floor((START + 3600_000) / 1000)));
    expect(past.ExpiredTime).toBe(Math.floor(START / 1000) - 3600);
    expect(past.Expiration).toBe(
      new Date((Math.floor(START / 1000) - 3600) * 1000).toISOString().replace('.000', ''),
    );
    expect((await listWith(past.Credentials!)).status).toBe(200);
  });

  it("plays faults of GitHub's token endpoint apart from STS's: a huge token, a status, one that hangs", async () => {
    identity.addFault({ endpoint: 'oidc-token', kind: 'huge', bytes: 100_000 });
    identity.addFault({ endpoint: 'oidc-token', kind: 'status', status: 503 });
    identity.addFault({ endpoint: 'oidc-token', kind: 'hang' });
    expect((await idToken()).body.value).toHaveLength(100_000);
    expect((await idToken()).status).toBe(503);
    // STS is not the token endpoint: the fault left in the queue is not its own.
    expect((await sts({})).body.Response.Error?.Code).toBe('MissingParameter');
    expect(identity.records.map((r) => `${r.endpoint} ${r.fault ?? ''} ${r.status}`)).toEqual([
      'oidc-token huge 200',
      'oidc-token status 503',
      'sts  200',
    ]);
    const hung = await fetch(`${identity.tokenRequestUrl}&audience=a`, {
      signal: AbortSignal.timeout(200),
    }).catch((error: unknown) => error);
    expect((hung as Error).name).toBe('TimeoutError');
    expect(identity.records.at(-1)).toMatchObject({ endpoint: 'oidc-token', fault: 'hang', status: 0 });
  });

  it('refuses faults an endpoint cannot play', () => {
    expect(() => identity.addFault({ endpoint: 'oidc-token', kind: 'expired-time', as: 'past' })).toThrow(
      'a fault of oidc-token has a kind of',
    );
    expect(() => identity.addFault({ kind: 'huge', bytes: 1 })).toThrow('a fault of sts has a kind of');
    expect(() => identity.addFault({ kind: 'slow', delayMs: -1 })).toThrow('delayMs');
  });

  it('is inspected and controlled through its admin endpoints', async () => {
    const admin = (path: string, init?: RequestInit) => fetch(`${identity.stsUrl}/_emulator/${path}`, init);
    const post = (path: string, value: unknown) =>
      admin(path, { method: 'POST', body: JSON.stringify(value) }).then((r) => r.status);
    expect(await post('faults', { kind: 'error', code: 'AuthFailure', times: 2 })).toBe(204);
    expect(await post('faults', { kind: 'nonsense' })).toBe(400);
    expect(await post('key-lifetime', { ms: 5000 })).toBe(204);
    expect(await post('key-lifetime', { ms: 5 })).toBe(400);
    const params = await assumeParams();
    expect((await sts(params)).body.Response.Error?.Code).toBe('AuthFailure');
    expect((await admin('faults', { method: 'DELETE' })).status).toBe(204);
    const issued = (await sts(params)).body.Response;
    expect(issued.ExpiredTime).toBe(Math.floor((START + 5000) / 1000));
    const records = (await (await admin('exchanges')).json()) as Array<{ endpoint: string; code?: string }>;
    expect(records.map((r) => `${r.endpoint}:${r.code ?? ''}`)).toEqual([
      'oidc-token:',
      'sts:AuthFailure',
      'sts:',
    ]);
  });
});

describe('without identity', () => {
  it('has no STS, and refuses unknown keys as before', async () => {
    const plain = await startEmulator(CREDS);
    try {
      expect(plain.identity).toBeUndefined();
      const answer = await sdkFetch(plain.url, {
        secretId: 'AKIDother',
        secretKey: 'x',
        path: '/inventorytriggerjob',
      });
      expect(answer.text).toContain('InvalidAccessKeyId');
    } finally {
      await plain.close();
    }
  });
});
