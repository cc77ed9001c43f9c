/**
 * Runs the `action` job of .github/workflows/ci.yml here, step by step, the way a runner would:
 * the workflow file is the source of truth, so whatever inputs it gives the action is what runs.
 * Third-party actions and `npm ci` are skipped (this checkout already has node_modules); the
 * emulator's port is swapped for a free one.
 */
import { afterAll, expect, it } from '@jest/globals';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { readActionYml, ROOT, runStep, type StepRun } from '../../test-support/github-runner.js';

type Strings = Record<string, string>;
interface Step {
  name?: string;
  id?: string;
  uses?: string;
  run?: string;
  with?: Strings;
  env?: Strings;
  if?: string;
  shell?: string;
  'working-directory'?: string;
  'continue-on-error'?: string;
}
interface Context {
  env: Strings;
  steps: Record<string, { outputs: Strings; outcome: string; conclusion: string }>;
  secrets: Strings;
  runner: Strings;
  github: Strings;
}

const WORKFLOW = join(ROOT, '.github/workflows/ci.yml');
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));
const groups: number[] = [];
const children: ChildProcess[] = [];

/** `${{ … }}` with the forms ci.yml uses; anything else throws, rather than run a wrong value. */
function evaluate(text: string, ctx: Context): string {
  return text.replace(/\$\{\{\s*(.*?)\s*\}\}/g, (_, expr: string) => {
    const literal = /^'((?:[^']|'')*)'$/.exec(expr);
    if (literal) return (literal[1] as string).replaceAll("''", "'");
    if (/^(true|false|-?\d+(\.\d+)?)$/.test(expr)) return expr;
    if (expr === 'null') return '';
    const path = expr.split('.');
    if (!((path[0] as string) in ctx) || !path.every((part) => /^[A-Za-z_][\w-]*$/.test(part)))
      throw new Error(`ci.yml uses \${{ ${expr} }}, which this test does not evaluate: extend it`);
    let value: unknown = ctx;
    for (const part of path) value = (value as Record<string, unknown> | undefined)?.[part];
    return value === undefined ? '' : String(value);
  });
}

function evaluateAll(values: Strings | undefined, ctx: Context): Strings {
  return Object.fromEntries(Object.entries(values ?? {}).map(([k, v]) => [k, evaluate(v, ctx)]));
}

function shouldRun(condition: string, failed: boolean): boolean {
  const bare = condition.replace(/^\s*\$\{\{\s*|\s*\}\}\s*$/g, '');
  const known: Record<string, boolean> = {
    'success()': !failed,
    'failure()': failed,
    'always()': true,
    '!cancelled()': true,
    'cancelled()': false,
  };
  if (!(bare in known)) throw new Error(`ci.yml has if: ${condition}, which this test does not evaluate`);
  return known[bare] as boolean;
}

/** GITHUB_OUTPUT / GITHUB_ENV: `name=value` lines and `name<<DELIMITER` blocks. */
function fileCommands(text: string): Strings {
  const result: Strings = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    const block = /^([^=]+?)<<(.+)$/.exec(line);
    if (block) {
      const end = lines.indexOf(block[2] as string, i + 1);
      if (end < 0) throw new Error(`unterminated ${line} in a file command`);
      result[block[1] as string] = lines.slice(i + 1, end).join('\n');
      i = end;
    } else if (line.includes('='))
      result[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1);
  }
  return result;
}

/** Like the runner: the script in a file, `bash -e` unless `shell: bash` asks for more. */
async function runScript(step: Step, env: Strings, temp: string, index: number) {
  if (step.shell && step.shell !== 'bash') throw new Error(`shell: ${step.shell} is not supported here`);
  const script = join(temp, `step-${index}.sh`);
  writeFileSync(script, step.run as string);
  const args = step.shell === 'bash' ? ['--noprofile', '--norc', '-eo', 'pipefail', script] : ['-e', script];
  // Its own process group: whatever it leaves running in the background (the emulator) is stopped
  // with the group in afterAll, as the runner stops a job's orphans.
  const child = spawn('bash', args, {
    cwd: resolve(ROOT, step['working-directory'] ?? '.'),
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  groups.push(child.pid as number);
  let log = '';
  child.stdout.on('data', (chunk) => (log += chunk));
  child.stderr.on('data', (chunk) => (log += chunk));
  const closed = new Promise((done) => child.on('close', done));
  const code = await new Promise<number | null>((done, fail) => {
    child.on('error', fail);
    child.on('exit', done);
  });
  // A background process that kept the pipes open must not hold the step, as on a runner.
  await Promise.race([closed, sleep(500)]);
  return { code, log };
}

/** Processes still in a group, zombies aside (nothing here may reap orphans). */
function membersOf(pgid: number): string[] {
  return readdirSync('/proc')
    .filter((pid) => /^\d+$/.test(pid))
    .filter((pid) => {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        return Number(pgrp) === pgid && state !== 'Z';
      } catch {
        return false;
      }
    });
}

function signalGroup(pgid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal);
  } catch {
    // already gone
  }
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise((done) => server.close(done));
  return port;
}

afterAll(async () => {
  for (const child of children)
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  for (const pgid of groups) signalGroup(pgid, 'SIGTERM');
  const deadline = Date.now() + 5000;
  while (groups.some((pgid) => membersOf(pgid).length > 0) && Date.now() < deadline) await sleep(50);
  for (const pgid of groups) signalGroup(pgid, 'SIGKILL');
  await sleep(100);
  expect(groups.flatMap(membersOf)).toEqual([]);
});

it('runs the `action` job of ci.yml against the emulator, as a runner would', async () => {
  const original = readFileSync(WORKFLOW, 'utf8');
  const ciPort = /emulator-in-background\.mjs [\s\S]*?\s--port (\d+)/.exec(original)?.[1];
  if (!ciPort)
    throw new Error('no `emulator-in-background.mjs … --port N` in ci.yml: cannot move it to a free port');
  // The emulator's command and every endpoint name the port: all of them move to a free one.
  const text = original.replace(new RegExp(`\\b${ciPort}\\b`, 'g'), String(await freePort()));
  // failsafe: every scalar stays the text written, as the runner passes `with:` values.
  const job = parse(text, { schema: 'failsafe' }).jobs.action as {
    env?: Strings;
    steps: Step[];
    strategy?: { matrix?: Record<string, unknown> };
    defaults?: { run?: { shell?: string; 'working-directory'?: string } };
  };
  for (const key of ['container', 'services'])
    if (key in job) throw new Error(`the action job uses ${key}:, which this test does not interpret`);
  // The matrix picks the runner's OS, and this machine is the Linux one.
  const dimensions = Object.keys(job.strategy?.matrix ?? {});
  if (dimensions.some((key) => key !== 'os'))
    throw new Error(`the action job's matrix has ${dimensions.join(', ')}: this test runs the os: one alone`);
  if (job.defaults?.run?.['working-directory'])
    throw new Error('the action job sets defaults.run.working-directory, which this test does not interpret');
  const shell = job.defaults?.run?.shell;

  const temp = mkdtempSync(join(tmpdir(), 'ci-job-'));
  const ctx: Context = {
    env: {},
    steps: {},
    secrets: {},
    runner: { temp, os: 'Linux' },
    github: { workspace: ROOT },
  };
  ctx.env = evaluateAll(job.env, ctx);
  const host: Strings = {
    ...(process.env as Strings),
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: ROOT,
  };
  delete host.NODE_OPTIONS; // jest's, not a runner's
  delete host.NODE_ENV;
  const failures: string[] = [];
  const posts: { label: string; action: string; inputs: Strings; env: Strings; run: StepRun }[] = [];
  const record = (step: Step, label: string, code: number | null, log: string, outputs: Strings) => {
    const ok = code === 0;
    const tolerated = step['continue-on-error'] === 'true';
    if (!ok && !tolerated) failures.push(`step "${label}" failed (exit ${code}):\n${log}`);
    const outcome = ok ? 'success' : 'failure';
    if (step.id) ctx.steps[step.id] = { outputs, outcome, conclusion: tolerated ? 'success' : outcome };
  };
  const actionLog = (run: StepRun) =>
    (run.stdout + run.stderr)
      .split('\n')
      .filter((line) => !/^::(debug|add-mask)::/.test(line))
      .join('\n');

  for (const [index, step] of job.steps.entries()) {
    const label = step.name ?? step.uses ?? step.run ?? `#${index}`;
    if (!shouldRun(step.if ?? 'success()', failures.length > 0)) continue;
    if (step.uses && !step.uses.startsWith('./')) continue; // third-party: checkout, setup-node, artifacts
    if (step.run?.trim() === 'npm ci') continue;
    const env = { ...ctx.env, ...evaluateAll(step.env, ctx) };
    if (step.uses) {
      const action = step.uses.replace(/^\.\/?/, '').replace(/\/$/, '') || '.';
      const inputs = evaluateAll(step.with, { ...ctx, env });
      // The runner's GITHUB_ACTION is the step's id: the default job name depends on it.
      const stepEnv = { ...env, GITHUB_ACTION: step.id ?? `__self_${index}` };
      const run = await runStep({ action, inputs, env: stepEnv, onSpawn: (child) => children.push(child) });
      record(step, label, run.code, actionLog(run), run.outputs);
      if (readActionYml(action).runs.post) posts.unshift({ label, action, inputs, env: stepEnv, run });
    } else {
      const files = { GITHUB_OUTPUT: join(temp, `output-${index}`), GITHUB_ENV: join(temp, `env-${index}`) };
      for (const file of Object.values(files)) writeFileSync(file, '');
      const { code, log } = await runScript(
        { shell, ...step },
        { ...host, ...env, ...files, RUNNER_TEMP: temp },
        temp,
        index,
      );
      record(step, label, code, log, fileCommands(readFileSync(files.GITHUB_OUTPUT, 'utf8')));
      Object.assign(ctx.env, fileCommands(readFileSync(files.GITHUB_ENV, 'utf8')));
    }
  }
  // The runner ends the job with the `post:` entries, last step first, with what each main saved.
  for (const post of posts) {
    const postIf = (readActionYml(post.action).runs as { 'post-if'?: string })['post-if'] ?? 'always()';
    if (!shouldRun(postIf, failures.length > 0)) continue;
    const { action, inputs, env, run: main } = post;
    const run = await runStep({
      action,
      inputs,
      env,
      entry: 'post',
      state: main.state,
      onSpawn: (c) => children.push(c),
    });
    record({}, `post ${post.label}`, run.code, actionLog(run), {});
  }

  if (failures.length > 0)
    throw new Error(`${failures.join('\n\n')}\n\n(the job's RUNNER_TEMP, with the emulator's logs: ${temp})`);
  // Some 6 s when it passes; the margin lets the start step reach its own 60 s limit and show its log.
}, 90_000);
