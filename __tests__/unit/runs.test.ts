import { describe, expect, it } from '@jest/globals';
import type { ExecutionsPage } from '../../src/ci/types.js';
import { listFailedRuns, type FailedRun, type ListingOptions } from '../../src/objects/runs.js';

const run = (n: number, state = 'Failed') => ({
  runId: `i${String(n).padStart(32, '0')}`,
  workflowId: 'w1',
  name: '',
  object: `videos/${n}.mp4`,
  state,
  createTime: '2026-11-30T12:00:00+08:00',
});

/** `total` runs in pages of `size`, tokens `t1`, `t2`, …; every 50th run Cancel. */
function pages(total: number, size: number) {
  const asked: string[] = [];
  const page = async (token: string): Promise<ExecutionsPage> => {
    asked.push(token);
    const from = token ? Number(token.slice(1)) * size : 0;
    const executions = Array.from({ length: Math.max(0, Math.min(size, total - from)) }, (_, i) =>
      run(from + i, (from + i) % 50 === 49 ? 'Cancel' : 'Failed'),
    );
    const more = from + size < total;
    return { executions, nextToken: more ? `t${from / size + 1}` : '' };
  };
  return { page, asked };
}

function options(page: ListingOptions['page'], extra: Partial<ListingOptions> = {}) {
  const written: string[] = [];
  const explained: FailedRun[][] = [];
  const progress: number[] = [];
  const opts: ListingOptions = {
    page,
    explain: async (runs) => {
      explained.push(runs);
      for (const r of runs) Object.assign(r, { task: 'Transcode_1', code: 'InvalidInput', message: 'bad' });
    },
    explainFirst: 20,
    keepFirst: 100,
    write: async (text) => void written.push(text),
    now: () => 0,
    progress: (count) => progress.push(count),
    progressEvery: 1000,
    ...extra,
  };
  return { opts, written, explained, progress };
}

const lines = (written: string[]) =>
  written
    .join('')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as FailedRun);

describe('listFailedRuns', () => {
  it('lists 5,000 runs exactly, writing page by page, keeping 100 and logging every 1,000', async () => {
    const source = pages(5000, 100);
    const { opts, written, explained, progress } = options(source.page);
    const listing = await listFailedRuns(opts);
    expect(listing.count).toBe(5000);
    expect(listing.incomplete).toBeUndefined();
    expect([...listing.byState]).toEqual([
      ['Failed', 4900],
      ['Cancel', 100],
    ]);
    expect(source.asked).toHaveLength(50);
    expect(written).toHaveLength(50);
    expect(listing.first).toHaveLength(100);
    expect(progress).toEqual([1000, 2000, 3000, 4000, 5000]);
    const all = lines(written);
    expect(all).toHaveLength(5000);
    expect(new Set(all.map((r) => r.runId)).size).toBe(5000);
    expect(all[4999]).toEqual({
      object: 'videos/4999.mp4',
      runId: run(4999).runId,
      state: 'Cancel',
      task: '',
      code: '',
      message: '',
      createTime: '2026-11-30T12:00:00+08:00',
    });
    // The first 20 are explained once, before they are written, and their lines carry the reasons.
    expect(explained).toHaveLength(1);
    expect(explained[0]!.map((r) => r.object)).toEqual(all.slice(0, 20).map((r) => r.object));
    expect(all.slice(0, 20).every((r) => r.code === 'InvalidInput')).toBe(true);
    expect(all[20]!.code).toBe('');
  });

  it('holds small pages until 20 runs can be explained, and explains fewer when there are fewer', async () => {
    const small = options(pages(30, 7).page);
    await listFailedRuns(small.opts);
    expect(small.explained.map((runs) => runs.length)).toEqual([20]);
    expect(small.written.map((chunk) => lines([chunk]).length)).toEqual([21, 7, 2]);

    const few = options(pages(3, 100).page);
    const listing = await listFailedRuns(few.opts);
    expect(listing.count).toBe(3);
    expect(few.explained.map((runs) => runs.length)).toEqual([3]);
    expect(lines(few.written).every((r) => r.task === 'Transcode_1')).toBe(true);

    const none = options(pages(0, 100).page);
    expect((await listFailedRuns(none.opts)).count).toBe(0);
    expect(none.explained).toEqual([]);
    expect(none.written.join('')).toBe('');
  });

  it('stops on an empty page even when it carries a token', async () => {
    let calls = 0;
    const { opts } = options(async () => {
      calls++;
      return calls === 1
        ? { executions: [run(1)], nextToken: 'again' }
        : { executions: [], nextToken: 'more' };
    });
    const listing = await listFailedRuns(opts);
    expect([calls, listing.count, listing.incomplete]).toEqual([2, 1, undefined]);
  });

  it('stops on a token it has seen before, saying the list is incomplete', async () => {
    const tokens = ['a', 'b', 'a', 'c'];
    let calls = 0;
    const { opts } = options(async () => ({ executions: [run(calls)], nextToken: tokens[calls++]! }));
    const listing = await listFailedRuns(opts);
    expect(calls).toBe(3);
    expect(listing.count).toBe(3);
    expect(listing.incomplete).toBe('the service gave the same page token twice');
  });

  it('asks for no page after the deadline, but always for the first', async () => {
    let now = 1000;
    const source = pages(500, 100);
    const { opts } = options(
      async (token) => {
        now += 400;
        return source.page(token);
      },
      { deadline: 2000, now: () => now },
    );
    const listing = await listFailedRuns(opts);
    expect(source.asked).toEqual(['', 't1', 't2']);
    expect(listing.count).toBe(300);
    expect(listing.incomplete).toBe('the timeout passed');

    const late = pages(500, 100);
    const past = options(late.page, { deadline: 10, now: () => 1000 });
    expect((await listFailedRuns(past.opts)).count).toBe(100);
    expect(late.asked).toEqual(['']);
  });
});
