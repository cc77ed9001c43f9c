/** Whole-process timings and memory samples of child processes. */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { NODE24, runStep, type StepOptions, type StepRun } from '../test-support/github-runner.js';

export interface Timed<T> {
  /** From spawn() to the child's `close` (it exited and its output was read). */
  ms: number;
  result: T;
}

/** From now (just after spawn) to the child's `close`: the same clock for a bundle run and a plain process. */
function clock(child: ChildProcess): Promise<number> {
  const started = performance.now();
  return new Promise((done) => child.once('close', () => done(performance.now() - started)));
}

/** A bundle run exactly as the GitHub runner makes it (test-support/github-runner.ts). */
export async function timedStep(options: StepOptions): Promise<Timed<StepRun>> {
  let elapsed: Promise<number> | undefined;
  const result = await runStep({
    ...options,
    onSpawn: (child) => {
      elapsed = clock(child);
      options.onSpawn?.(child);
    },
  });
  return { ms: await (elapsed as Promise<number>), result };
}

export interface ProcessRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Any script under the same Node 24, spawned the way runStep spawns a bundle. */
export async function timedNode(
  args: string[],
  env: Record<string, string>,
  cwd: string,
  onSpawn?: (child: ChildProcess) => void,
): Promise<Timed<ProcessRun>> {
  const child = spawn(NODE24, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const elapsed = clock(child);
  onSpawn?.(child);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const code = await new Promise<number | null>((done, fail) => {
    child.on('error', fail);
    child.on('close', done);
  });
  return { ms: await elapsed, result: { code, stdout, stderr } };
}

export interface MemorySample {
  /** What `progress()` said when the sample was taken (here: status calls answered so far). */
  progress: number;
  rssKb: number;
  hwmKb: number;
}

/** Reads /proc/<pid>/status every `everyMs` until the process is gone. */
export function sampleMemory(child: ChildProcess, progress: () => number, everyMs = 20): MemorySample[] {
  const samples: MemorySample[] = [];
  const take = () => {
    let text: string;
    try {
      text = readFileSync(`/proc/${child.pid}/status`, 'utf8');
    } catch {
      return; // exited
    }
    const rss = /VmRSS:\s+(\d+) kB/.exec(text)?.[1];
    const hwm = /VmHWM:\s+(\d+) kB/.exec(text)?.[1];
    if (rss && hwm) samples.push({ progress: progress(), rssKb: Number(rss), hwmKb: Number(hwm) });
  };
  const timer = setInterval(take, everyMs);
  child.once('exit', () => clearInterval(timer));
  take();
  return samples;
}

export function median(values: number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}
