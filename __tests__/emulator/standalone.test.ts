import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sdkFetch } from '../../test-support/sdk-client.js';
import { DEFAULT_PORT, DEFAULT_SECRET_ID, DEFAULT_SECRET_KEY, parseCli } from '../../emulator/standalone.js';

const WID = 'w7476ff3564ee45b7b490d64bccaba6cc';

describe('CLI flags', () => {
  it('defaults to a documented test pair on a fixed port', () => {
    const { options, quiet } = parseCli([], {});
    expect(options).toMatchObject({
      secretId: DEFAULT_SECRET_ID,
      secretKey: DEFAULT_SECRET_KEY,
      port: DEFAULT_PORT,
    });
    expect(options.schedule).toEqual({ queuedMs: 200, runningMs: 800, final: 'Success' });
    expect(options.sessionToken).toBeUndefined();
    expect(options.answers).toBeUndefined();
    expect(quiet).toBe(false);
  });

  it('shapes answers as the Go SDK reads them with --answers go-sdk (or CI_EMULATOR_ANSWERS)', () => {
    expect(parseCli(['--answers', 'go-sdk'], {}).options.answers).toBe('go-sdk');
    expect(parseCli([], { CI_EMULATOR_ANSWERS: 'docs' }).options.answers).toBe('docs');
    expect(() => parseCli(['--answers', 'toString'], {})).toThrow('--answers must be docs or go-sdk');
  });

  it('reads the environment, and flags win over it', () => {
    const env = {
      CI_EMULATOR_PORT: '0',
      CI_EMULATOR_FINAL: 'Failed',
      CI_EMULATOR_SESSION_TOKEN: 'tok',
      CI_EMULATOR_QUIET: '1',
    };
    const parsed = parseCli(['--final', 'Cancel', '--running-ms', '5', '--port-file', '/tmp/p'], env);
    expect(parsed.options).toMatchObject({
      port: 0,
      sessionToken: 'tok',
      schedule: { queuedMs: 200, runningMs: 5, final: 'Cancel' },
    });
    expect(parsed).toMatchObject({ portFile: '/tmp/p', quiet: true });
  });

  it.each([[['--final', 'Done']], [['--port', 'x']], [['--queued-ms', '-1']], [['--unknown']]])(
    'refuses %j',
    (argv) => {
      expect(() => parseCli(argv, {})).toThrow();
    },
  );
});

// Windows cannot send a process SIGTERM (`kill` ends it at once), has no `sh`, and spawn cannot run
// the `.cmd` that npm makes of node_modules/.bin/tsx there: the standalone emulator is tested on
// Linux and macOS.
const describeOnPosix = process.platform === 'win32' ? describe.skip : describe;

// The package script itself, exec'd so that signals reach the emulator rather than npm.
const script = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> })
  .scripts.emulator!;

describeOnPosix.each([
  ['tsx emulator/cli.ts', 'node_modules/.bin/tsx', ['emulator/cli.ts']],
  [
    `the package script (${script})`,
    'sh',
    ['-c', `PATH="$PWD/node_modules/.bin:$PATH" exec ${script} "$@"`, 'sh'],
  ],
])('the standalone emulator via %s', (_label, command, prefix) => {
  let child: ChildProcess;
  afterEach(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });

  it('listens, prints its URL but no secret, serves signed requests and stops on SIGTERM', async () => {
    const portFile = join(mkdtempSync(join(tmpdir(), 'ci-emulator-')), 'port');
    const args = [
      ...prefix,
      '--port',
      '0',
      '--port-file',
      portFile,
      '--secret-key',
      'cli-secret',
      '--session-token',
      'cli-token',
      '--queued-ms',
      '0',
      '--running-ms',
      '10',
      '--final',
      'Failed',
    ];
    child = spawn(command, args, { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setInterval(() => {
        const m = /CI emulator listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
        if (m) resolve(m[1]!);
        if (m || child.exitCode !== null) clearInterval(timer);
        if (child.exitCode !== null) reject(new Error(out));
      }, 50);
    });
    expect(readFileSync(portFile, 'utf8').trim()).toBe(new URL(url).port);

    const creds = {
      secretId: DEFAULT_SECRET_ID,
      secretKey: 'cli-secret',
      headers: { 'x-ci-security-token': 'cli-token' },
    };
    const body = `<Request><Name>cli</Name><Input><Object>a.mp4</Object></Input><Operation><WorkflowIds>${WID}</WorkflowIds></Operation></Request>`;
    expect(
      (await sdkFetch(url, { ...creds, method: 'POST', path: '/inventorytriggerjob', body })).status,
    ).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const jobs = (await (await fetch(`${url}/_emulator/jobs`)).json()) as Array<{ state: string }>;
    expect(jobs.map((j) => j.state)).toEqual(['Failed']);

    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(out).toContain(DEFAULT_SECRET_ID);
    expect(out).toContain('POST /inventorytriggerjob create → 200');
    expect(out).not.toContain('cli-secret');
    expect(out).not.toContain('cli-token');
  });
});
