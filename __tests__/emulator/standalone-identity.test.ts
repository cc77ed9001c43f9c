import { spawn, type ChildProcess } from 'node:child_process';
import { sdkFetch } from '../../test-support/sdk-client.js';
import { DEFAULT_OIDC_REQUEST_TOKEN, DEFAULT_STS_PORT, parseCli } from '../../emulator/standalone.js';

const ROLE = 'qcs::cam::uin/100000000001:roleName/media';

describe('CLI flags of the identity end', () => {
  it('starts no identity end without --role-arn', () => {
    expect(parseCli([], {}).options.identity).toBeUndefined();
  });

  it('plays a github provider for the STS audience by default', () => {
    expect(parseCli(['--role-arn', ROLE], {}).options.identity).toEqual({
      roleArns: [ROLE],
      providerId: 'github',
      clientIds: ['sts.tencentcloudapi.com'],
      requestToken: DEFAULT_OIDC_REQUEST_TOKEN,
      port: DEFAULT_STS_PORT,
    });
  });

  it('reads the environment, and flags win over it', () => {
    const env = {
      CI_EMULATOR_ROLE_ARN: ROLE,
      CI_EMULATOR_OIDC_PROVIDER_ID: 'gh-env',
      CI_EMULATOR_KEY_LIFETIME_MS: '5000',
      CI_EMULATOR_STS_PORT: '0',
    };
    expect(parseCli(['--oidc-provider-id', 'gh', '--oidc-client-id', 'aud-1'], env).options.identity).toEqual(
      {
        roleArns: [ROLE],
        providerId: 'gh',
        clientIds: ['aud-1'],
        requestToken: DEFAULT_OIDC_REQUEST_TOKEN,
        port: 0,
        keyLifetimeMs: 5000,
      },
    );
  });

  it.each([[['--key-lifetime-ms', '10']], [['--sts-port', 'x']]])('refuses %j', (flags) => {
    expect(() => parseCli(['--role-arn', ROLE, ...flags], {})).toThrow();
  });
});

// Windows cannot send a process SIGTERM (`kill` ends it at once), and spawn cannot run the `.cmd`
// that npm makes of node_modules/.bin/tsx there: the standalone emulator is tested on Linux and macOS.
const describeOnPosix = process.platform === 'win32' ? describe.skip : describe;

describeOnPosix('the standalone emulator with --role-arn', () => {
  let child: ChildProcess;
  afterEach(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });

  it('prints where STS and the token endpoint are (not the request token), and issues keys CI accepts', async () => {
    const args = ['emulator/cli.ts', '--port', '0', '--sts-port', '0', '--role-arn', ROLE];
    args.push('--oidc-request-token', 'cli-request-token', '--quiet');
    child = spawn('node_modules/.bin/tsx', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    const found = await new Promise<RegExpExecArray>((resolve, reject) => {
      const timer = setInterval(() => {
        const m =
          /CI emulator listening on (\S+)[\s\S]*STS emulator listening on (\S+)[\s\S]*ACTIONS_ID_TOKEN_REQUEST_URL=(\S+)/.exec(
            out,
          );
        if (m) resolve(m);
        if (m || child.exitCode !== null) clearInterval(timer);
        if (child.exitCode !== null) reject(new Error(out));
      }, 50);
    });
    const [, ciUrl, stsUrl, tokenUrl] = found as unknown as [string, string, string, string];
    const jwt = (
      (await (
        await fetch(`${tokenUrl}&audience=sts.tencentcloudapi.com`, {
          headers: { authorization: 'Bearer cli-request-token' },
        })
      ).json()) as { value: string }
    ).value;
    const answer = (await (
      await fetch(`${stsUrl}/`, {
        method: 'POST',
        headers: {
          authorization: 'SKIP',
          'content-type': 'application/json',
          'x-tc-action': 'AssumeRoleWithWebIdentity',
          'x-tc-version': '2018-08-13',
          'x-tc-region': 'ap-guangzhou',
          'x-tc-timestamp': String(Math.floor(Date.now() / 1000)),
        },
        body: JSON.stringify({
          ProviderId: 'github',
          WebIdentityToken: jwt,
          RoleArn: ROLE,
          RoleSessionName: 'cli-test',
        }),
      })
    ).json()) as { Response: { Credentials: { TmpSecretId: string; TmpSecretKey: string; Token: string } } };
    const keys = answer.Response.Credentials;
    const list = await sdkFetch(ciUrl, {
      secretId: keys.TmpSecretId,
      secretKey: keys.TmpSecretKey,
      path: '/inventorytriggerjob',
      headers: { 'x-ci-security-token': keys.Token },
    });
    expect(list.status).toBe(200);
    expect(out).not.toContain('cli-request-token');
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
