/**
 * GitHub's own local runner, `@github/local-action`, imports an action's `main.ts`, calls its exported
 * `run()` and stubs `@actions/core` to see what it does. The README's commands (README › Run an
 * action locally) are run here as written, under Node 24, with `.env.example` as the `.env`,
 * against an emulator with `npm run emulator`'s keys. Only what a test must supply is replaced: the
 * emulator's port, the paths of `.env` and the summary file, and the job id the first run printed.
 */
import { describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { DEFAULT_PORT, DEFAULT_SECRET_ID, DEFAULT_SECRET_KEY } from '../../emulator/standalone.js';
import { NODE24, ROOT } from '../../test-support/github-runner.js';
import { useEmulator } from '../../test-support/e2e-fixtures.js';

const emulator = useEmulator({ secretId: DEFAULT_SECRET_ID, secretKey: DEFAULT_SECRET_KEY });

/** The commands of the README's local-action block, one a line, comments dropped. */
function readmeCommands(): string[] {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('### Run an action locally with `@github/local-action`'));
  const block = /```sh\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
  return block
    .split('\n')
    .map((line) => line.replace(/\s+#.*$/, '').trim())
    .filter((line) => line !== '');
}

const PLACEHOLDER_JOB_ID = /\bb0123456789abcdef0123456789abcdef\b/;

/**
 * Runs one command line from the repository's root in bash, as a user's shell would, with its
 * `.env` files in `dir` and the job id the test has in place of the README's placeholder.
 */
async function shell(command: string, dir: string, jobId?: string) {
  // `.env` and `.env.<action>`, not `.env.example`, which is the repository's.
  let line = command.replace(/(^|[ (])\.env((?:\.(?!example\b)\w+)?)(?=[ );]|$)/g, `$1${dir}/.env$2`);
  if (jobId) line = line.replace(PLACEHOLDER_JOB_ID, jobId);
  const { stdout } = await promisify(execFile)('bash', ['-c', line], {
    cwd: ROOT,
    env: { ...process.env, PATH: `${dirname(NODE24)}:${process.env.PATH}`, NODE_OPTIONS: '' },
    timeout: 120_000,
    maxBuffer: 16 * 1024 * 1024,
  });
  // The stubbed core prints each output as the old workflow command; the last value of a name wins.
  const outputs: Record<string, string> = {};
  for (const [, name, value] of stdout.matchAll(/^::set-output name=([^:]+)::(.*)$/gm)) {
    outputs[name as string] = value as string;
  }
  return { stdout, outputs };
}

/** `.env` as `cp .env.example .env` made it, but for the emulator's port and where the summary goes. */
function pointAtTestEmulator(dir: string): string {
  const envFile = join(dir, '.env');
  const summaryFile = join(dir, 'local-summary.md');
  const copied = readFileSync(envFile, 'utf8');
  expect(copied).toBe(readFileSync(join(ROOT, '.env.example'), 'utf8'));
  const written = copied
    .replace(`INPUT_ENDPOINT=http://127.0.0.1:${DEFAULT_PORT}\n`, `INPUT_ENDPOINT=${emulator().url}\n`)
    .replace('GITHUB_STEP_SUMMARY=local-summary.md\n', `GITHUB_STEP_SUMMARY=${summaryFile}\n`);
  expect(written).toContain(`INPUT_ENDPOINT=${emulator().url}\n`);
  expect(written).toContain(`GITHUB_STEP_SUMMARY=${summaryFile}\n`);
  writeFileSync(envFile, written);
  return summaryFile;
}

describe("the README's @github/local-action commands, with .env.example", () => {
  it('run every action from src/, wait/ with its post: entry, and write the summary', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'local-action-'));
    const [start, copy, ...commands] = readmeCommands();
    // The test's own emulator stands in for the first, with npm run emulator's keys.
    expect(start).toBe('npm run emulator -- --quiet &');
    expect(copy).toBe('cp .env.example .env');
    await shell(copy ?? '', dir);
    const summaryFile = pointAtTestEmulator(dir);

    // Up to the main action's run, in order; then its job id is known.
    const runs = commands.filter((line) => line.startsWith('npx local-action run '));
    const createAt = commands.findIndex((line) => line.startsWith('npx local-action run . '));
    expect(createAt).toBeGreaterThan(0);
    for (const line of commands.slice(0, createAt)) await shell(line, dir);
    const made = await shell(commands[createAt] as string, dir);
    const jobId = made.outputs['job-id'] as string;
    const job = emulator()
      .jobs()
      .find((candidate) => candidate.id === jobId);
    expect(job?.request.input).toEqual({ kind: 'Prefix', value: 'uploads/' });
    expect(made.outputs).toMatchObject({ state: 'Success', 'failed-count': '0', name: job?.request.name });
    expect(made.stdout).toContain('Running Post Step');

    // The job has ended: the files of the other actions, in order, then their runs side by side.
    const later = commands.slice(createAt + 1);
    for (const line of later.filter((line) => !runs.includes(line))) await shell(line, dir, jobId);
    const byAction = (action: string) =>
      shell(later.find((line) => line.startsWith(`npx local-action run ${action} `)) ?? '', dir, jobId);
    expect(runs).toHaveLength(5);
    const [waited, cancelled, listed, triggered] = await Promise.all([
      byAction('wait'),
      byAction('cancel'),
      byAction('list'),
      byAction('trigger-workflow'),
    ]);
    expect(waited.outputs).toMatchObject({ 'job-id': jobId, state: 'Success', 'failed-count': '0' });
    expect(waited.stdout).toContain('Running Post Step');
    expect(cancelled.outputs).toEqual({ state: 'Success' });
    expect(listed.outputs.count).toBe('1');
    expect(JSON.parse(listed.outputs.jobs as string)).toEqual([expect.objectContaining({ JobId: jobId })]);
    expect(existsSync(listed.outputs['jobs-file'] as string)).toBe(true);
    expect(triggered.outputs).toMatchObject({ state: 'Success', 'instance-id': expect.stringMatching(/^i/) });
    expect(
      emulator()
        .executions()
        .some((run) => run.object === 'uploads/clip.mp4'),
    ).toBe(true);

    const summary = readFileSync(summaryFile, 'utf8');
    for (const heading of [
      `### CI inventory trigger job \`${jobId}\``,
      `### Cancel CI inventory trigger job \`${jobId}\``,
      '### CI inventory trigger jobs: 1',
      `### CI workflow run \`${triggered.outputs['instance-id']}\``,
    ]) {
      expect(summary).toContain(heading);
    }
  }, 300_000);
});
