/**
 * The load row of `npm run bench`: N main steps of a matrix at once, all on one emulator whose
 * quota (12 requests/s, then 503 SlowDown) they share, as a matrix shares the account's. Runnable
 * alone: `npx tsx bench/load.ts [N …]` (run `npm run bundle` first: it measures dist/).
 */
import { pathToFileURL } from 'node:url';
import { startEmulator } from '../emulator/index.js';
import { runStep, type StepRun } from '../test-support/github-runner.js';

const SECRET_ID = 'AKIDBENCH';
const SECRET_KEY = 'bench-secret-key';
export const QUOTA_PER_SECOND = 12;
/** Jobs of about 4 s: half a second queued, then running. */
const SCHEDULE = { queuedMs: 500, runningMs: 3500, final: 'Success' as const };

export interface LoadCase {
  steps: number;
  /** The quota's answers say `Retry-After` this many seconds. */
  retryAfterSeconds?: number;
}

export interface LoadFigures extends LoadCase {
  succeeded: number;
  jobsMade: number;
  /** Every step reported its own job, and no job was made twice. */
  eachJobOnce: boolean;
  requests: number;
  throttled: number;
  wallMs: number;
  /** Requests and throttled answers by call, e.g. `describe 250/80`. */
  byCall: string;
  /** The first lines of a failed step's error, to see why. */
  firstFailure?: string;
}

function stepInputs(url: string, index: number): Record<string, string> {
  return {
    'secret-id': SECRET_ID,
    'secret-key': SECRET_KEY,
    bucket: 'media-1250000000',
    region: 'ap-guangzhou',
    endpoint: url,
    'workflow-id': 'w0123456789abcdef0123456789abcdef',
    prefix: `videos/part-${index}/`,
    'poll-interval': '2s',
  };
}

export async function loadRun(load: LoadCase): Promise<LoadFigures> {
  const emulator = await startEmulator({
    secretId: SECRET_ID,
    secretKey: SECRET_KEY,
    schedule: SCHEDULE,
    rateLimit: { perSecond: QUOTA_PER_SECOND, retryAfterSeconds: load.retryAfterSeconds },
  });
  const started = performance.now();
  let runs: StepRun[];
  try {
    // One matrix: the same run id for every step, as the runner gives them.
    runs = await Promise.all(
      Array.from({ length: load.steps }, (_, index) =>
        runStep({ inputs: stepInputs(emulator.url, index), env: { GITHUB_RUN_ID: '4200000001' } }),
      ),
    );
  } finally {
    await emulator.close();
  }
  const wallMs = performance.now() - started;
  const jobs = emulator.jobs();
  const reported = runs.map((run) => run.outputs['job-id']).filter(Boolean);
  const failed = runs.find((run) => run.code !== 0);
  return {
    ...load,
    succeeded: runs.filter((run) => run.code === 0 && run.outputs.state === 'Success').length,
    jobsMade: jobs.length,
    eachJobOnce:
      jobs.length === load.steps &&
      new Set(reported).size === load.steps &&
      jobs.every((job) => reported.includes(job.id)),
    requests: emulator.requests.length,
    throttled: emulator.requests.filter((request) => request.fault === 'rate-limit').length,
    wallMs,
    byCall: callCounts(emulator.requests),
    ...(failed ? { firstFailure: (failed.errors.join(' | ') || failed.stderr).slice(0, 500) } : {}),
  };
}

function callCounts(requests: Array<{ call: string; fault?: string }>): string {
  const counts = new Map<string, [number, number]>();
  for (const request of requests) {
    const count = counts.get(request.call) ?? [0, 0];
    count[0]++;
    if (request.fault === 'rate-limit') count[1]++;
    counts.set(request.call, count);
  }
  return [...counts].map(([call, [all, throttled]]) => `${call} ${all}/${throttled}`).join(', ');
}

/** Issue 14's figures before pacing, same quota and jobs: steps that succeeded, requests per step, throttled answers. */
export const BEFORE_PACING: Record<string, string> = {
  '30': '27–29 of 30 succeeded, 11.5 requests per step, 150 throttled',
  '60': '33–40 of 60 succeeded, 12.4 requests per step, 416 throttled',
  '30 Retry-After': '15 of 30 succeeded, 9.1 requests per step, 149 throttled',
  '60 Retry-After': '14 of 60 succeeded, 10.0 requests per step, 445 throttled',
};

/** Requests per step on average, at most (issue 14); the `Retry-After` variant need only succeed. */
const requestBound = (load: LoadCase) =>
  load.retryAfterSeconds !== undefined ? Infinity : load.steps <= 30 ? 10 : 12;

/** Targets: every step succeeds, every job made once, and requests per step within the bound. */
export function meetsTarget(figures: LoadFigures): boolean {
  return (
    figures.succeeded === figures.steps &&
    figures.eachJobOnce &&
    figures.requests / figures.steps <= requestBound(figures)
  );
}

export function describeTarget(load: LoadCase): string {
  const bound = requestBound(load);
  return `every step succeeds, every job made once${Number.isFinite(bound) ? `, ≤ ${bound} requests per step` : ''}`;
}

export const LOAD_CASES: LoadCase[] = [
  { steps: 30 },
  { steps: 60 },
  { steps: 30, retryAfterSeconds: 1 },
  { steps: 60, retryAfterSeconds: 1 },
];

export const describeCase = (load: LoadCase) =>
  `${load.steps} parallel main steps${load.retryAfterSeconds === undefined ? '' : `, quota answers with \`Retry-After: ${load.retryAfterSeconds}\``}`;

export const beforePacing = (load: LoadCase) =>
  BEFORE_PACING[`${load.steps}${load.retryAfterSeconds === undefined ? '' : ' Retry-After'}`] ?? '';

export function describeFigures(figures: LoadFigures): string {
  return (
    `${figures.succeeded} of ${figures.steps} succeeded; ${figures.jobsMade} jobs made` +
    `${figures.eachJobOnce ? ', each once' : ', NOT each once'}; ` +
    `**${(figures.requests / figures.steps).toFixed(1)} requests per step**; ` +
    `${figures.throttled} throttled; ${(figures.wallMs / 1000).toFixed(0)} s wall time`
  );
}

/** The bench table's rows: figure, target, measured, reference, target met. */
export async function loadRows(
  log: (message: string) => void,
): Promise<Array<[string, string, string, string, boolean]>> {
  const rows: Array<[string, string, string, string, boolean]> = [];
  for (const load of LOAD_CASES) {
    log(`load: ${describeCase(load)}`);
    const figures = await loadRun(load);
    rows.push([
      `${describeCase(load)} (one emulator, ${QUOTA_PER_SECOND} requests/s, then 503 SlowDown; poll-interval 2s; jobs of 4 s)`,
      describeTarget(load),
      describeFigures(figures),
      `issue 14, before pacing (not this run): ${beforePacing(load)}. Requests (throttled) by call: ${figures.byCall}`,
      meetsTarget(figures),
    ]);
  }
  return rows;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const counts = process.argv.slice(2).map(Number).filter(Boolean);
  const cases = counts.length ? LOAD_CASES.filter((c) => counts.includes(c.steps)) : LOAD_CASES;
  let ok = true;
  for (const load of cases) {
    const figures = await loadRun(load);
    ok &&= meetsTarget(figures);
    console.log(`${describeCase(load)}: ${describeFigures(figures)} (before pacing: ${beforePacing(load)})`);
    console.log(`  requests/throttled by call: ${figures.byCall}`);
    if (figures.firstFailure) console.log(`  first failure: ${figures.firstFailure}`);
  }
  process.exitCode = ok ? 0 : 1;
}
