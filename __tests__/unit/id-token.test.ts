import { startEmulator, type Emulator } from '../../emulator/index.js';
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

const claims = (jwt: string) =>
  JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString('utf8')) as { aud: string };

describe("GitHub's OIDC token through @actions/core", () => {
  const env = () => ({
    ACTIONS_ID_TOKEN_REQUEST_URL: emulator.identity!.tokenRequestUrl,
    ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'job-request-token',
  });
  const saved = { ...process.env };
  // @actions/core reads the variables from process.env itself.
  afterEach(() => {
    delete process.env.ACTIONS_ID_TOKEN_REQUEST_URL;
    delete process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN;
    Object.assign(process.env, saved);
  });

  it('asks for the audience given, each call a fresh request', async () => {
    Object.assign(process.env, env());
    const jwt = await githubIdToken('sts.tencentcloudapi.com');
    expect(claims(jwt).aud).toBe('sts.tencentcloudapi.com');
    await githubIdToken('sts.tencentcloudapi.com');
    expect(emulator.identity!.records.filter((r) => r.status === 200)).toHaveLength(2);
  });

  it('says to add permissions: id-token: write when the job has no token, asking nothing', async () => {
    const before = emulator.identity!.records.length;
    const error = await githubIdToken('sts.tencentcloudapi.com', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IdTokenError);
    expect((error as Error).message).toContain('add `permissions: id-token: write`');
    expect(emulator.identity!.records).toHaveLength(before);
  });

  it('names the audience and the status, on one line, when GitHub refuses', async () => {
    Object.assign(process.env, { ...env(), ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'stale-token' });
    const error = await githubIdToken('sts.tencentcloudapi.com').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IdTokenError);
    expect((error as Error).message).toMatch(
      /^GitHub's OIDC token for audience 'sts.tencentcloudapi.com' could not be had: .*401/,
    );
    expect((error as Error).message).not.toContain('\n');
    expect((error as Error).message).not.toContain('stale-token');
  });
});
