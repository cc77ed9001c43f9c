import { beforeAll, describe, expect, it } from '@jest/globals';
import type { Emulator } from '../../emulator/index.js';
import { runStep, type StepRun } from '../../test-support/github-runner.js';
import {
  API_TIME,
  commonInputs,
  createJobElsewhere,
  useEmulator,
  WORKFLOW_ID,
} from '../../test-support/e2e-fixtures.js';

const OTHER_WORKFLOW = 'wfedcba9876543210fedcba9876543210';

const createJob = (emulator: Emulator, name: string, prefix: string, workflowId = WORKFLOW_ID) =>
  createJobElsewhere(emulator, { prefix, name, workflowId });

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const listed = (run: StepRun) =>
  (JSON.parse(run.outputs.jobs ?? 'null') as Array<{ JobId: string }>).map((j) => j.JobId);
const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');
/** Beijing time in the given offset notation: `+08:00` or the API's `+0800`. */
const beijing = (ms: number, offset: string) =>
  new Date(ms + 8 * 3600_000).toISOString().slice(0, 19) + offset;

function listStep(emulator: Emulator, extra: Record<string, string>) {
  return runStep({ action: 'list', inputs: { ...commonInputs(emulator), ...extra } });
}
const listCalls = (emulator: Emulator, from: number) =>
  emulator.requests.slice(from).filter((r) => r.call === 'list');

describe('list/ filters', () => {
  const emulator = useEmulator({
    scheduleFor: ({ input }) => {
      const key = Object.values(input)[0] ?? '';
      if (key === 'slow/') return { queuedMs: 0, runningMs: 60_000, final: 'Success' };
      if (key === 'fails/')
        return { queuedMs: 0, runningMs: 20, final: 'Failed', code: 'WorkflowFailed', message: 'broken' };
      return { queuedMs: 0, runningMs: 20, final: 'Success' };
    },
  });
  // j0..j2 in one second, j3 and j4 from `boundary` on; j2 runs another workflow, j3 still runs, j1 failed.
  let j: string[] = [];
  let boundary = 0;
  beforeAll(async () => {
    const e = emulator();
    j = [await createJob(e, 'nightly-1', 'done/'), await createJob(e, '夜间_2', 'fails/')];
    j.push(await createJob(e, 'other-wf', 'done/', OTHER_WORKFLOW));
    boundary = Math.ceil((Date.now() + 1) / 1000) * 1000;
    await sleep(boundary - Date.now() + 20);
    j.push(await createJob(e, 'nightly-3', 'slow/'), await createJob(e, 'nightly-4', 'done/'));
    await sleep(100);
  });

  it('lists every job newest first, with the jobs and count outputs and a summary table', async () => {
    const before = emulator().requests.length;
    const run = await listStep(emulator(), {});
    expect(run.errors).toEqual([]);
    expect(run.code).toBe(0);
    expect(listed(run)).toEqual([...j].reverse());
    expect(run.outputs.count).toBe('5');
    const jobs = JSON.parse(run.outputs.jobs as string) as Array<Record<string, string>>;
    expect(jobs[3]).toMatchObject({
      JobId: j[1],
      Name: '夜间_2',
      State: 'Failed',
      Code: 'WorkflowFailed',
      Message: 'broken',
    });
    expect(jobs[0]?.CreationTime).toMatch(API_TIME);
    const calls = listCalls(emulator(), before);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.query).toEqual({ type: 'Workflow', orderByTime: 'Desc', size: '100' });
    expect(run.summary).toContain('### CI inventory trigger jobs: 5');
    expect(run.summary).toContain('| Job id | Name | State | Created | Ended | Code |');
    const row = (id: string | undefined) =>
      run.summary.split('\n').find((line) => line.startsWith(`| \`${id}\` |`)) ?? '';
    expect(row(j[1])).toMatch(
      /^\| `b[0-9a-f]{32}` \| `夜间_2` \| ❌ Failed \| \S+\+0800 \| \S+\+0800 \| `WorkflowFailed` \|$/,
    );
    expect(row(j[3])).toMatch(/^\| `b[0-9a-f]{32}` \| `nightly-3` \| ⏳ Running \| \S+\+0800 \|  \|  \|$/);
    expect(row(j[4])).toMatch(
      /^\| `b[0-9a-f]{32}` \| `nightly-4` \| ✅ Success \| \S+\+0800 \| \S+\+0800 \|  \|$/,
    );
  });

  it('with order asc lists oldest first, asking the API for Asc', async () => {
    const before = emulator().requests.length;
    const run = await listStep(emulator(), { order: 'asc' });
    expect(listed(run)).toEqual(j);
    expect(listCalls(emulator(), before)[0]?.query.orderByTime).toBe('Asc');
  });

  it.each<
    [string, () => Record<string, string>, () => Array<string | undefined>, () => Record<string, string>]
  >([
    [
      'states Success,Failed',
      () => ({ states: 'Success,Failed' }),
      () => [j[4], j[2], j[1], j[0]],
      () => ({ states: 'Success,Failed' }),
    ],
    ['states running (any case)', () => ({ states: 'running' }), () => [j[3]], () => ({ states: 'Running' })],
    [
      'workflow-id',
      () => ({ 'workflow-id': OTHER_WORKFLOW }),
      () => [j[2]],
      () => ({ workflowId: OTHER_WORKFLOW }),
    ],
    ['name', () => ({ name: '夜间_2' }), () => [j[1]], () => ({ name: '夜间_2' })],
    ['job-id', () => ({ 'job-id': j[3] as string }), () => [j[3]], () => ({ jobId: j[3] as string })],
    ['limit 2', () => ({ limit: '2' }), () => [j[4], j[3]], () => ({ size: '100' })],
  ])('filters on %s', async (_label, extra, expected, sent) => {
    const before = emulator().requests.length;
    const run = await listStep(emulator(), extra());
    expect(run.errors).toEqual([]);
    expect(listed(run)).toEqual(expected());
    expect(run.outputs.count).toBe(String(expected().length));
    expect(listCalls(emulator(), before)[0]?.query).toMatchObject(sent());
  });

  it('filters on creation time with since and until, in ISO, offset, API and relative notations', async () => {
    const since = await listStep(emulator(), { since: iso(boundary) });
    expect(listed(since)).toEqual([j[4], j[3]]);
    const untilOffset = await listStep(emulator(), { until: beijing(boundary - 1000, '+08:00') });
    expect(listed(untilOffset)).toEqual([j[2], j[1], j[0]]);
    const before = emulator().requests.length;
    const window = await listStep(emulator(), { since: beijing(boundary, '+0800'), until: 'now' });
    expect(listed(window)).toEqual([j[4], j[3]]);
    const query = listCalls(emulator(), before)[0]?.query ?? {};
    expect(query.startCreationTime).toMatch(API_TIME);
    expect(Date.parse(query.startCreationTime!.replace(/(\d\d)(\d\d)$/, '$1:$2'))).toBe(boundary);
    expect(query.endCreationTime).toMatch(API_TIME);
    expect(listed(await listStep(emulator(), { since: '-1h' }))).toHaveLength(5);
    const none = await listStep(emulator(), { until: '-1h' });
    expect(none.code).toBe(0);
    expect(none.outputs).toMatchObject({ jobs: '[]', count: '0' });
    expect(none.summary).toContain('No job matches the filters.');
  });

  it.each([
    ['limit', { limit: '0' }, 'a whole number from 1 to 1000'],
    ['limit', { limit: 'ten' }, 'a whole number from 1 to 1000'],
    ['limit', { limit: '1001' }, 'a whole number from 1 to 1000'],
    ['order', { order: 'newest' }, 'one of desc, asc'],
    ['states', { states: 'Success,Done' }, 'a comma-separated list of'],
    ['since', { since: 'yesterday' }, 'a time such as'],
    ['since', { since: '-1h', until: '-2h' }, 'a time before until'],
    ['until', { until: '2026-11-01T08:00:00' }, 'a time such as'],
    ['workflow-id', { 'workflow-id': 'w12' }, 'w followed by 32 hexadecimal characters'],
    ['job-id', { 'job-id': 'b12' }, 'b followed by 32 hexadecimal characters'],
  ])('%s (%j) gets one input error naming it, exit 1, and no request', async (input, change, expected) => {
    const before = emulator().requests.length;
    const run = await listStep(emulator(), change);
    expect(run.code).toBe(1);
    expect(run.errors).toHaveLength(1);
    expect(run.errors[0]).toContain(`Input '${input}'`);
    expect(run.errors[0]).toContain(expected);
    expect(emulator().requests.length).toBe(before);
  });
});

describe('list/ paging', () => {
  const emulator = useEmulator();
  let created: string[] = [];
  beforeAll(async () => {
    // 105 jobs, more than one page of 100, signed and sent in parallel.
    await Promise.all(
      Array.from({ length: 105 }, (_, i) => createJob(emulator(), `bulk-${i}`, `bulk/${i}/`)),
    );
    created = emulator()
      .jobs()
      .sort((a, b) => a.createdAt - b.createdAt)
      .map((job) => job.id);
  });

  it('follows nextToken past the first page of 100 until the limit is reached', async () => {
    const before = emulator().requests.length;
    const run = await listStep(emulator(), { limit: '250' });
    expect(run.errors).toEqual([]);
    expect(run.outputs.count).toBe('105');
    const ids = listed(run);
    expect(new Set(ids).size).toBe(105);
    expect([...ids].sort()).toEqual([...created].sort());
    const calls = listCalls(emulator(), before);
    expect(calls).toHaveLength(2);
    expect(calls[0]?.query.size).toBe('100');
    expect(calls[0]?.query.nextToken).toBeUndefined();
    expect(calls[1]?.query.nextToken).toMatch(/.+/);
    expect(calls[1]?.query).toMatchObject({ size: '100', orderByTime: 'Desc', type: 'Workflow' });
    expect(run.summary).toContain('### CI inventory trigger jobs: 105');
  });

  it('cuts a second page at the limit, in ascending order', async () => {
    const before = emulator().requests.length;
    const run = await listStep(emulator(), { limit: '101', order: 'asc' });
    expect(listed(run)).toEqual(created.slice(0, 101));
    expect(run.outputs.count).toBe('101');
    expect(listCalls(emulator(), before)).toHaveLength(2);
  });

  it('stops after one page at the default limit of 100', async () => {
    const before = emulator().requests.length;
    const run = await listStep(emulator(), {});
    expect(run.outputs.count).toBe('100');
    expect(listCalls(emulator(), before)).toHaveLength(1);
  });
});
