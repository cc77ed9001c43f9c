import { startEmulator, type Emulator } from '../../emulator/index.js';
import { TransportError } from '../../src/ci/errors.js';
import type { SignInRequestOptions } from '../../src/ci/sign-in-request.js';
import { githubIdToken, IdTokenError } from '../../src/github/id-token.js';

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator({
    secretId: 'AKIDtest',
    secretKey: 'test-key',
    identity: { requestToken: 'job-request-token', providerId: 'github', clientIds: ['a'], roleArns: [] },
  });
});
afterAll(async () => emulator.close());
afterEach(() => emulator.identity!.clearFaults());

const claims = (jwt: string) =>
  JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString('utf8')) as { aud: string };

const env = (extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => ({
  ACTIONS_ID_TOKEN_REQUEST_URL: emulator.identity!.tokenRequestUrl,
  ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'job-request-token',
  ...extra,
});
const options = (extra: Partial<SignInRequestOptions> = {}): SignInRequestOptions => ({
  logger: { debug: () => {}, warning: () => {} },
  timeoutMs: 2000,
  sleep: async () => {},
  ...extra,
});
/** The exchanges with the token endpoint since `from`. */
const tokenRequests = (from: number) =>
  emulator.identity!.records.slice(from).filter((record) => record.endpoint === 'oidc-token');

describe("GitHub's OIDC token, asked as @actions/core asks it, through the step's transport", () => {
  it('asks for the audience given, each call a fresh request', async () => {
    const before = emulator.identity!.records.length;
    const jwt = await githubIdToken('sts.tencentcloudapi.com', options(), env());
    expect(claims(jwt).aud).toBe('sts.tencentcloudapi.com');
    await githubIdToken('sts.tencentcloudapi.com', options(), env());
    expect(tokenRequests(before).map((record) => record.status)).toEqual([200, 200]);
  });

  it('says to add permissions: id-token: write when the job has no token, naming only what is missing', async () => {
    const before = emulator.identity!.records.length;
    const url = 'https://pipelines.example/idtoken?secret-ish=1';
    for (const given of [{}, { ACTIONS_ID_TOKEN_REQUEST_URL: url }]) {
      const error = await githubIdToken('a', options(), given).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(IdTokenError);
      expect((error as Error).message).toContain('add `permissions: id-token: write`');
      expect((error as Error).message).not.toContain(url);
    }
    expect(emulator.identity!.records).toHaveLength(before);
  });

  it('names the audience and the status, on one line, when GitHub refuses, and does not ask again', async () => {
    const before = emulator.identity!.records.length;
    const error = await githubIdToken(
      'sts.tencentcloudapi.com',
      options(),
      env({ ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'stale-token' }),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IdTokenError);
    expect((error as Error).message).toBe(
      "GitHub's OIDC token request for audience 'sts.tencentcloudapi.com' answered HTTP 401: " +
        'The bearer token is not this job’s ACTIONS_ID_TOKEN_REQUEST_TOKEN.',
    );
    expect(tokenRequests(before)).toHaveLength(1);
  });

  it("retries GitHub's own faults and a dropped connection", async () => {
    emulator.identity!.addFault({ endpoint: 'oidc-token', kind: 'status', status: 503 });
    emulator.identity!.addFault({ endpoint: 'oidc-token', kind: 'reset' });
    const before = emulator.identity!.records.length;
    expect(claims(await githubIdToken('a', options(), env())).aud).toBe('a');
    expect(tokenRequests(before).map((record) => record.status)).toEqual([503, 0, 200]);
  });

  it('gives up after one time limit when GitHub does not answer', async () => {
    emulator.identity!.addFault({ endpoint: 'oidc-token', kind: 'hang', times: 3 });
    const before = emulator.identity!.records.length;
    const error = await githubIdToken('a', options({ timeoutMs: 200 }), env()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransportError);
    expect((error as Error).message).toBe("GitHub's OIDC token request got no answer within 0.2 s");
    expect(tokenRequests(before)).toHaveLength(1);
  });

  it('stops when the step is cancelled', async () => {
    emulator.identity!.addFault({ endpoint: 'oidc-token', kind: 'hang' });
    const cancel = new AbortController();
    setTimeout(() => cancel.abort(), 100);
    const started = Date.now();
    const error = await githubIdToken(
      'a',
      options({ timeoutMs: 10_000, signal: cancel.signal }),
      env(),
    ).catch((e: unknown) => e);
    expect((error as TransportError).kind).toBe('aborted');
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('reads no more than 1 MiB of an answer', async () => {
    emulator.identity!.addFault({ endpoint: 'oidc-token', kind: 'huge', bytes: 2 * 1024 * 1024 });
    const error = await githubIdToken('a', options(), env()).catch((e: unknown) => e);
    expect((error as TransportError).kind).toBe('too-large');
    expect((error as Error).message).toBe("GitHub's OIDC token request answered more than 1 MiB");
  });
});
