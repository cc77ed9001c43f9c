/**
 * The many-objects row of `npm run bench` (issue 21): the bundled `trigger-workflow/` over 1,000
 * keys on an emulator whose quota is 12 requests/s (then 503 SlowDown), beside the same step on one
 * object in the same run. Every key must run once, at most 1.3 accepted requests a key in all
 * (triggers and watching), and the step's peak RSS at most 1.3 × the one-object step's.
 *
 * Runnable alone (run `npm run bundle` first: it measures dist/): `npx tsx bench/many.ts` prints
 * the row and exits 1 when a target is missed.
 */
import { pathToFileURL } from 'node:url';
import { startEmulator, type Emulator } from '../emulator/index.js';
import { median, sampleMemory, timedStep, type MemorySample } from './measure.js';

const SECRET_ID = 'AKIDBENCH';
const SECRET_KEY = 'bench-secret-key';
const WORKFLOW_ID = 'w0123456789abcdef0123456789abcdef';
const KEYS = 1000;
const QUOTA_PER_SECOND = 12;
/** Each run takes 5 s: the last ones are still running when the triggers end. */
const RUN_MS = 5000;
const REQUESTS_PER_KEY = 1.3;
const RSS_TARGET = 1.3;
/** One-object runs, for the median of the reference. */
const REFERENCE_ROUNDS = 3;

export interface ManyFigures {
  wallMs: number;
  peakMb: number;
  /** Requests the quota let through, and those it refused (503 SlowDown). */
  accepted: number;
  throttled: number;
  /** Accepted requests by call: `trigger 1000, executions 14`. */
  byCall: string;
  /** Keys with exactly one run, and the most runs any key had. */
  keysRunOnce: number;
  mostRunsOfAKey: number;
  succeeded: boolean;
  successCount: string;
  reference: { wallMs: number; peakMb: number; accepted: number };
  firstFailure?: string;
}

function inputs(em: Emulator, target: Record<string, string>): Record<string, string> {
  return {
    'secret-id': SECRET_ID,
    'secret-key': SECRET_KEY,
    bucket: 'media-1250000000',
    region: 'ap-guangzhou',
    endpoint: em.url,
    'workflow-id': WORKFLOW_ID,
    ...target,
  };
}

async function measure(em: Emulator, target: Record<string, string>) {
  const from = em.requests.length;
  let samples: MemorySample[] = [];
  const { ms, result } = await timedStep({
    action: 'trigger-workflow',
    inputs: inputs(em, target),
    onSpawn: (child) => (samples = sampleMemory(child, () => em.requests.length - from)),
  });
  const requests = em.requests.slice(from);
  return {
    ms,
    result,
    peakMb: Math.max(...samples.map((s) => s.hwmKb)) / 1024,
    accepted: requests.filter((r) => r.fault !== 'rate-limit'),
    throttled: requests.filter((r) => r.fault === 'rate-limit').length,
  };
}

export async function manyFigures(): Promise<ManyFigures> {
  const em = await startEmulator({
    secretId: SECRET_ID,
    secretKey: SECRET_KEY,
    schedule: { queuedMs: 0, runningMs: RUN_MS, final: 'Success' },
    rateLimit: { perSecond: QUOTA_PER_SECOND },
  });
  try {
    const references = [];
    for (let round = 0; round < REFERENCE_ROUNDS; round++) {
      references.push(await measure(em, { object: `one/${round}.mp4` }));
    }
    const keys = Array.from({ length: KEYS }, (_, i) => `deploy/${String(i).padStart(4, '0')}/clip.mp4`);
    const runsBefore = em.executions().length;
    const many = await measure(em, { objects: keys.join('\n') });
    const runsPerKey = new Map<string, number>();
    for (const run of em.executions().slice(runsBefore)) {
      runsPerKey.set(run.object, (runsPerKey.get(run.object) ?? 0) + 1);
    }
    const byCall = new Map<string, number>();
    for (const r of many.accepted) byCall.set(r.call, (byCall.get(r.call) ?? 0) + 1);
    const { result } = many;
    return {
      wallMs: many.ms,
      peakMb: many.peakMb,
      accepted: many.accepted.length,
      throttled: many.throttled,
      byCall: [...byCall].map(([call, n]) => `${call} ${n}`).join(', '),
      keysRunOnce: keys.filter((key) => runsPerKey.get(key) === 1).length,
      mostRunsOfAKey: Math.max(0, ...runsPerKey.values()),
      succeeded: result.code === 0 && result.outputs.state === 'Success',
      successCount: result.outputs['success-count'] ?? '',
      reference: {
        wallMs: median(references.map((r) => r.ms)),
        peakMb: median(references.map((r) => r.peakMb)),
        accepted: median(references.map((r) => r.accepted.length)),
      },
      ...(result.code === 0
        ? {}
        : { firstFailure: (result.errors.join(' | ') || result.stderr).slice(0, 500) }),
    };
  } finally {
    await em.close();
  }
}

/** One row of the bench table: figure, target, measured, reference, met. */
export function manyRow(f: ManyFigures): [string, string, string, string, boolean] {
  const perKey = f.accepted / KEYS;
  const ratio = f.peakMb / f.reference.peakMb;
  const ok = f.succeeded && f.keysRunOnce === KEYS && perKey <= REQUESTS_PER_KEY && ratio <= RSS_TARGET;
  return [
    `\`trigger-workflow/\` on ${KEYS.toLocaleString('en')} keys (one emulator, ${QUOTA_PER_SECOND} requests/s, then 503 SlowDown; runs of ${RUN_MS / 1000} s)`,
    `every key runs once; ≤ ${REQUESTS_PER_KEY} accepted requests a key in all (triggers and watching); peak RSS ≤ ${RSS_TARGET} × the one-object step's`,
    `${f.succeeded ? `Success, success-count ${f.successCount}` : `**failed**: ${f.firstFailure ?? ''}`}; ` +
      `${f.keysRunOnce} of ${KEYS} keys run once (most runs of a key: ${f.mostRunsOfAKey}); ` +
      `**${perKey.toFixed(3)} accepted requests a key** (${f.accepted}: ${f.byCall}; ${f.throttled} throttled); ` +
      `peak ${f.peakMb.toFixed(1)} MB = **${ratio.toFixed(2)} ×**; ${(f.wallMs / 1000).toFixed(0)} s wall time`,
    `the same step on one object: peak ${f.reference.peakMb.toFixed(1)} MB, ${f.reference.accepted} requests, ` +
      `${(f.reference.wallMs / 1000).toFixed(1)} s (medians of ${REFERENCE_ROUNDS}). The quota alone needs ` +
      `${Math.ceil(KEYS / QUOTA_PER_SECOND)} s for ${KEYS} triggers`,
    ok,
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const row = manyRow(await manyFigures());
  console.log(
    ['| figure | target | measured | reference (same run) | |', '| --- | --- | --- | --- | --- |'].join('\n'),
  );
  console.log(`| ${row.slice(0, 4).join(' | ')} | ${row[4] ? '✅' : '❌ missed'} |`);
  if (!row[4]) process.exitCode = 1;
}
