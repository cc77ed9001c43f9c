import { describe, expect, it } from '@jest/globals';
import type { ListExecutionsQuery, WorkflowExecution } from '../../src/ci/types.js';
import { watchRuns, type WatchDeps, type WatchedRun } from '../../src/objects/watch.js';
import { formatApiTime, parseApiTime } from '../../src/time.js';
import { fakeClock } from '../../test-support/fake-clock.js';

const WORKFLOW_ID = `w${'0'.repeat(32)}`;

interface ServiceRun {
  runId: string;
  object: string;
  createdAt: number;
  endsAt: number;
  final: string;
  /** Shown in the list from then on. */
  shownAt: number;
}

/** A service listing its runs oldest first, 100 a page, from startCreationTime on (to the second). */
function service(runs: ServiceRun[], clock: ReturnType<typeof fakeClock>) {
  const queries: ListExecutionsQuery[] = [];
  const list: WatchDeps['client']['listExecutions'] = async (query) => {
    queries.push(query);
    const since = parseApiTime(query.startCreationTime)!.getTime();
    const shown = runs
      .filter((run) => clock.now() >= run.shownAt && Math.floor(run.createdAt / 1000) * 1000 >= since)
      .sort((a, b) => a.createdAt - b.createdAt);
    const from = query.nextToken ? Number(query.nextToken) : 0;
    const page = shown.slice(from, from + query.size!);
    const executions: WorkflowExecution[] = page.map((run) => ({
      runId: run.runId,
      workflowId: WORKFLOW_ID,
      name: '',
      object: run.object,
      state: clock.now() >= run.endsAt ? run.final : 'Running',
      createTime: formatApiTime(new Date(run.createdAt)),
    }));
    const nextToken = from + query.size! < shown.length ? String(from + query.size!) : '';
    return { value: { executions, nextToken }, requestId: 'r' };
  };
  return { queries, list };
}

function setUp(count: number, shape: (i: number, t0: number) => Partial<ServiceRun> = () => ({})) {
  const clock = fakeClock();
  const t0 = clock.now();
  const serviceRuns: ServiceRun[] = Array.from({ length: count }, (_, i) => ({
    runId: `i${i}`,
    object: `k/${i}.mp4`,
    createdAt: t0 + i * 100,
    endsAt: t0 + i * 100 + 3000,
    final: 'Success',
    shownAt: t0 + i * 100,
    ...shape(i, t0),
  }));
  const { queries, list } = service(serviceRuns, clock);
  const watched: WatchedRun[] = serviceRuns.map((run) => ({
    object: run.object,
    runId: run.runId,
    sentAt: run.createdAt,
    state: '',
    createTime: '',
  }));
  // The triggers are all sent; the wait starts after the last.
  clock.advance(count * 100);
  const logs: string[] = [];
  const deps: WatchDeps = {
    client: { listExecutions: list },
    workflowId: WORKFLOW_ID,
    pollIntervalMs: 10_000,
    now: clock.now,
    sleep: clock.sleep,
    clock: { offsetMs: 0, answeredOffsetMs: 0 },
    log: (message) => void logs.push(message),
  };
  return { clock, t0, queries, watched, deps, logs };
}

describe('waiting for many runs by listing them', () => {
  it("lists the workflow's runs since the triggers, 100 a page, and matches them to the step's run ids", async () => {
    const s = setUp(250, (i, t0) => (i === 7 ? { final: 'Failed', endsAt: t0 + 1000 } : {}));
    const result = await watchRuns(s.watched, s.deps);
    expect(result).toEqual({ timedOut: false });
    expect(s.watched.filter((run) => run.state === 'Success')).toHaveLength(249);
    expect(s.watched[7]).toMatchObject({ state: 'Failed', createTime: formatApiTime(new Date(s.t0 + 700)) });
    expect(s.queries[0]).toMatchObject({
      workflowId: WORKFLOW_ID,
      startCreationTime: formatApiTime(new Date(s.t0 - 2000)),
      order: 'Asc',
      size: 100,
    });
    expect(s.logs.at(-1)).toMatch(/^Workflow runs: 249 Success, 1 Failed \(/);
  });

  it('asks later checks only from the oldest run still running, and stops paging once every one is seen', async () => {
    // Runs end in creation order: the first check sees the first half done.
    const s = setUp(400, (i, t0) => ({ endsAt: t0 + 40_000 + i * 100 }));
    await watchRuns(s.watched, s.deps);
    const pagesPerCheck: number[] = [];
    for (const query of s.queries) {
      if (!query.nextToken) pagesPerCheck.push(0);
      pagesPerCheck[pagesPerCheck.length - 1]! += 1;
    }
    expect(pagesPerCheck[0]).toBe(4);
    expect(pagesPerCheck.at(-1)).toBe(1);
    const starts = s.queries.filter((query) => !query.nextToken).map((query) => query.startCreationTime!);
    expect([...starts].sort()).toEqual(starts);
    expect(starts.at(-1)! > starts[0]!).toBe(true);
    // Checks keep to the poll schedule: never more often than the back-off allows.
    expect(s.clock.sleeps.slice(0, 4)).toEqual([1000, 1000, 2000, 3000]);
  });

  it('waits for a run the list does not show yet, and gives it up a minute after its trigger', async () => {
    const s = setUp(3, (i, t0) => (i === 0 ? { shownAt: t0 + 8000 } : i === 1 ? { shownAt: Infinity } : {}));
    const result = await watchRuns(s.watched, s.deps);
    expect(result.timedOut).toBe(false);
    expect(s.watched.map((run) => [run.state, Boolean(run.lost)])).toEqual([
      ['Success', false],
      ['', true],
      ['Success', false],
    ]);
    expect(s.clock.now() - s.watched[1]!.sentAt).toBeGreaterThanOrEqual(60_000);
    expect(s.logs.some((line) => line.includes('1 not shown yet'))).toBe(true);
  });

  it('times out at the deadline with the states last seen', async () => {
    const s = setUp(2, (i, t0) => (i === 1 ? { endsAt: t0 + 3_600_000 } : {}));
    s.deps.deadline = s.clock.now() + 20_000;
    const result = await watchRuns(s.watched, s.deps);
    expect(result.timedOut).toBe(true);
    expect(s.watched.map((run) => run.state)).toEqual(['Success', 'Running']);
    expect(s.clock.now()).toBe(s.deps.deadline);
  });
});
