/**
 * The scale row of the bench (issue 15): the bundled main step over a job of 100,000 objects of
 * which 5,000 fail, beside a job of 3 objects (1 failing) in the same run. Reports wall time,
 * calls by kind, peak RSS of the step's process against the small job's, and the sizes of the
 * summary and the outputs. Measures dist/ as it is (run `npm run bundle` first).
 *
 * `bench/run.ts` can add `scaleRow(await scaleFigures())` to its table; alone:
 * `npx tsx bench/scale.ts` prints the row and exits 1 when a target is missed.
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { startEmulator, type Emulator, type ObjectRun } from '../emulator/index.js';
import { median, sampleMemory, timedStep, type MemorySample } from './measure.js';

const SECRET_ID = 'AKIDBENCH';
const SECRET_KEY = 'bench-secret-key';
const WORKFLOW_ID = 'w0123456789abcdef0123456789abcdef';
const OBJECTS = 100_000;
const FAILING_EVERY = 20;
const EXPLAINED = 20;
/** Alternating runs of each job; medians are reported. */
const ROUNDS = 3;
const RSS_TARGET = 1.25;
const SUMMARY_LIMIT = 64 * 1024;

export interface StepFigures {
  wallMs: number;
  peakMb: number;
  /** Requests by kind: `executions` split into the Running polls and the pages of failed runs. */
  calls: Record<string, number>;
  failedCount: number;
  fileLines: number;
  summaryBytes: number;
  /** `failed-objects`, and every output together. */
  failedObjectsBytes: number;
  outputsBytes: number;
}

function objectsFor(prefix: string): ObjectRun[] | { count: number; objectAt(i: number): ObjectRun } {
  if (prefix.startsWith('small/')) {
    return ['a', 'b', 'c'].map((name, i) => ({
      key: `${prefix}${name}.mp4`,
      runMs: 100,
      final: i === 1 ? 'Failed' : 'Success',
    }));
  }
  return {
    count: OBJECTS,
    objectAt: (i) => ({
      key: `${prefix}${String(i).padStart(6, '0')}.mp4`,
      runMs: 100,
      final: i % FAILING_EVERY === FAILING_EVERY - 1 ? 'Failed' : 'Success',
      failure: { task: i % 2 ? 'Snapshot_1' : 'Transcode_1', code: 'InvalidInput', message: 'no moov atom' },
    }),
  };
}

function callsByKind(em: Emulator, from: number): Record<string, number> {
  const calls: Record<string, number> = {};
  for (const r of em.requests.slice(from)) {
    const kind =
      r.call === 'executions'
        ? r.query.states === 'Running'
          ? 'running polls'
          : 'failed-run pages'
        : r.call;
    calls[kind] = (calls[kind] ?? 0) + 1;
  }
  return calls;
}

async function measureStep(em: Emulator, prefix: string): Promise<StepFigures> {
  const from = em.requests.length;
  let samples: MemorySample[] = [];
  const { ms, result } = await timedStep({
    inputs: {
      'secret-id': SECRET_ID,
      'secret-key': SECRET_KEY,
      bucket: 'media-1250000000',
      region: 'ap-guangzhou',
      endpoint: em.url,
      'workflow-id': WORKFLOW_ID,
      prefix,
      'poll-interval': '1s',
      'object-failures': 'warn',
    },
    onSpawn: (child) => (samples = sampleMemory(child, () => 0)),
  });
  const file = result.outputs['objects-file'] ?? '';
  if (result.code !== 0 || !file) {
    throw new Error(
      `bench: the ${prefix} job did not run as expected:\n${(result.stdout + result.stderr).slice(0, 3000)}`,
    );
  }
  return {
    wallMs: ms,
    peakMb: Math.max(...samples.map((s) => s.hwmKb)) / 1024,
    calls: callsByKind(em, from),
    failedCount: Number(result.outputs['failed-count']),
    fileLines: readFileSync(file, 'utf8').split('\n').filter(Boolean).length,
    summaryBytes: Buffer.byteLength(result.summary),
    failedObjectsBytes: Buffer.byteLength(result.outputs['failed-objects'] ?? ''),
    outputsBytes: Object.values(result.outputs).reduce((sum, value) => sum + Buffer.byteLength(value), 0),
  };
}

export interface ScaleFigures {
  big: StepFigures;
  small: StepFigures;
}

/**
 * Each job ROUNDS times, alternating; the medians of wall time and peak RSS (the other figures: of
 * the last round). Not under `--jitless` as well: that turns off WebAssembly, which undici's HTTP
 * parser needs.
 */
export async function scaleFigures(): Promise<ScaleFigures> {
  const em = await startEmulator({
    secretId: SECRET_ID,
    secretKey: SECRET_KEY,
    schedule: { queuedMs: 100, runningMs: 400, final: 'Success' },
    objectsFor: ({ input }) => objectsFor(input.Prefix ?? ''),
  });
  const runs: Record<'big' | 'small', StepFigures[]> = { big: [], small: [] };
  try {
    for (let round = 0; round < ROUNDS; round++) {
      runs.small.push(await measureStep(em, `small/${round}/`));
      runs.big.push(await measureStep(em, `scale/${round}/`));
    }
  } finally {
    await em.close();
  }
  const summarize = (list: StepFigures[]): StepFigures => ({
    ...list.at(-1)!,
    wallMs: median(list.map((f) => f.wallMs)),
    peakMb: median(list.map((f) => f.peakMb)),
  });
  return { big: summarize(runs.big), small: summarize(runs.small) };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const callsText = (calls: Record<string, number>) =>
  Object.entries(calls)
    .sort(([, a], [, b]) => b - a)
    .map(([kind, count]) => `${count} ${kind}`)
    .join(', ');

/** One row of the bench table: figure, target, measured, reference, met. */
export function scaleRow(f: ScaleFigures): [string, string, string, string, boolean] {
  const failed = OBJECTS / FAILING_EVERY;
  const ratio = f.big.peakMb / f.small.peakMb;
  const pages = f.big.calls['failed-run pages'] ?? 0;
  const reasons = (f.big.calls.execution ?? 0) + (f.big.calls['media-job'] ?? 0);
  const ok =
    ratio <= RSS_TARGET &&
    f.big.failedCount === failed &&
    f.big.fileLines === failed &&
    f.big.summaryBytes < SUMMARY_LIMIT &&
    pages === Math.ceil(failed / 100) &&
    reasons <= 2 * EXPLAINED;
  return [
    `a job over ${OBJECTS.toLocaleString('en')} objects, ${failed.toLocaleString('en')} failed (object-failures: warn)`,
    `peak RSS ≤ ${RSS_TARGET} × the 3-object job's; failed-count and objects-file exact; list calls = ${failed} / 100, reason calls ≤ ${2 * EXPLAINED}; summary < 64 KB`,
    `${(f.big.wallMs / 1000).toFixed(1)} s; peak ${f.big.peakMb.toFixed(1)} MB = **${ratio.toFixed(2)} ×**; ` +
      `failed-count ${f.big.failedCount}, objects-file ${f.big.fileLines} lines; calls: ${callsText(f.big.calls)}; ` +
      `summary ${kb(f.big.summaryBytes)}, failed-objects ${kb(f.big.failedObjectsBytes)}, all outputs ${kb(f.big.outputsBytes)}`,
    `3 objects, 1 failed: ${(f.small.wallMs / 1000).toFixed(1)} s; peak ${f.small.peakMb.toFixed(1)} MB; ` +
      `calls: ${callsText(f.small.calls)}; summary ${kb(f.small.summaryBytes)}, all outputs ${kb(f.small.outputsBytes)}. ` +
      `Medians of ${ROUNDS} alternating runs each`,
    ok,
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const row = scaleRow(await scaleFigures());
  console.log(
    ['| figure | target | measured | reference (same run) | |', '| --- | --- | --- | --- | --- |'].join('\n'),
  );
  console.log(`| ${row.slice(0, 4).join(' | ')} | ${row[4] ? '✅' : '❌ missed'} |`);
  if (!row[4]) process.exitCode = 1;
}
