import { describe, expect, it } from '@jest/globals';
import type { CiClient } from '../../src/ci/client.js';
import { ApiError, TransportError } from '../../src/ci/errors.js';
import type { CreateJobRequest, JobDetail, ListJobsQuery } from '../../src/ci/types.js';
import { createJobWithoutDuplicates } from '../../src/job/create-without-duplicates.js';
import { StepFailure } from '../../src/job/ports.js';
import { formatApiTime } from '../../src/time.js';
import { jobDetail, recordingReporter, scriptedClient } from '../../test-support/fake-ports.js';
import { fakeClock } from '../../test-support/fake-clock.js';

const WORKFLOW = 'w' + '1'.repeat(32);
const OTHER_WORKFLOW = 'w' + '2'.repeat(32);
const T0 = Date.UTC(2026, 10, 30, 4, 0, 0);
const request: CreateJobRequest = {
  name: 'nightly',
  workflowId: WORKFLOW,
  input: { kind: 'Prefix', value: 'videos/' },
};
const id = (n: number) => 'b' + n.toString(16).padStart(32, '0');
const at = (ms: number) => formatApiTime(new Date(ms));

/** A job of that name as the list call shows it: by default, the one this step's create made. */
function listed(n: number, overrides: Partial<JobDetail> = {}): JobDetail {
  return jobDetail({
    jobId: id(n),
    name: 'nightly',
    creationTime: at(T0 + 1000),
    input: { Prefix: 'videos/' },
    operation: { workflowIds: WORKFLOW },
    ...overrides,
  });
}

/**
 * The first create's answer is lost (a reset after sending); the next creates, if any, succeed.
 * The list call answers the given pages in turn.
 */
function lostCreate(pages: JobDetail[][], sent: CreateJobRequest = request) {
  const calls = { create: 0, list: [] as ListJobsQuery[] };
  const client = scriptedClient({
    createJob: async () => {
      calls.create++;
      if (calls.create === 1)
        throw new TransportError('POST /inventorytriggerjob: connection failed', 'reset');
      return { value: listed(99), requestId: 'r-create' };
    },
    listJobs: async (query: ListJobsQuery) => {
      const page = calls.list.length;
      calls.list.push(query);
      return {
        value: { jobs: pages[page] ?? [], nextToken: page + 1 < pages.length ? `t${page + 1}` : '' },
        requestId: `r-list-${page}`,
      };
    },
  });
  const clock = fakeClock(T0);
  const { reporter, warnings } = recordingReporter();
  const deps = { logger: reporter, now: clock.now, sleep: clock.sleep, random: () => 0 };
  const create = (extra: { clockOffsetMs?: () => number } = {}) =>
    createJobWithoutDuplicates(client, sent, { ...deps, ...extra });
  return { create, calls, warnings };
}

async function failure(promise: Promise<unknown>): Promise<StepFailure> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof StepFailure)) throw new Error(`expected a StepFailure, got ${String(error)}`);
  return error;
}

describe('a create whose answer was lost', () => {
  it("adopts its own job among others of that name: another prefix's, and an earlier run's", async () => {
    const { create, calls, warnings } = lostCreate([
      [
        listed(3, { input: { Prefix: 'audio/' }, creationTime: at(T0 + 2000) }),
        listed(2),
        listed(1, { creationTime: at(T0 - 3_600_000) }),
      ],
    ]);
    const created = await create();
    expect(created).toEqual({ value: listed(2), requestId: 'r-list-0', adopted: true });
    expect(calls.create).toBe(1);
    expect(calls.list[0]).toMatchObject({ name: 'nightly', order: 'Desc', size: 100 });
    expect(warnings.at(-1)).toContain(`job ${id(2)} named nightly exists and matches what this step sent`);
  });

  it("fails on an earlier run's finished job of that name, and sends no second create", async () => {
    const { create, calls } = lostCreate([
      [listed(1, { state: 'Success', creationTime: '2026-11-30T11:00:00+0800' })],
    ]);
    const error = await failure(create());
    expect(error.message).toContain(
      `job ${id(1)} named nightly exists, but it was created at 2026-11-30T11:00:00+0800, ` +
        'before this step sent its create (2026-11-30T12:00:00+0800)',
    );
    expect(error.message).toContain('No second job was created');
    expect(calls.create).toBe(1);
  });

  it.each<[string, Partial<JobDetail>, string]>([
    ['another input', { input: { Prefix: 'audio/' } }, "its input is Prefix 'audio/', not Prefix 'videos/'"],
    ['another kind of input', { input: { Object: 'videos/' } }, "its input is Object 'videos/'"],
    ['no input echoed', { input: undefined }, 'its input is not given'],
    ['another workflow', { operation: { workflowIds: OTHER_WORKFLOW } }, `its workflow is ${OTHER_WORKFLOW}`],
    [
      'a time window this step did not send',
      { operation: { workflowIds: WORKFLOW, timeInterval: { start: '2026-11-01T08:00:00+0800' } } },
      'its time window is 2026-11-01T08:00:00+0800 to any time, not none',
    ],
    ['a JobId that is not one', { jobId: '../../x' }, 'its JobId is not b + 32 hex characters'],
    ['an unreadable CreationTime', { creationTime: '-' }, "its CreationTime '-' cannot be read"],
  ])('does not adopt a job with %s, and says why', async (_what, overrides, why) => {
    const { create, calls } = lostCreate([[listed(1, overrides)]]);
    const error = await failure(create());
    expect(error.message).toContain(`named nightly exists, but ${why}`);
    expect(calls.create).toBe(1);
  });

  it('adopts a job whose time window is the one sent, in any offset', async () => {
    const window = { start: '2026-11-01T08:00:00+0800', end: '2026-11-02T08:00:00+0800' };
    const { create } = lostCreate(
      [
        [
          listed(1, {
            operation: {
              workflowIds: WORKFLOW,
              timeInterval: { start: '2026-11-01T00:00:00+0000', end: '2026-11-02T08:00:00+08:00' },
            },
          }),
        ],
      ],
      { ...request, timeInterval: window },
    );
    expect((await create()).value.jobId).toBe(id(1));
  });

  it('adopts a job the service dates up to a minute before the create (its clock, the second cut off)', async () => {
    const { create } = lostCreate([[listed(1, { creationTime: at(T0 - 59_000) })]]);
    expect((await create()).adopted).toBe(true);
  });

  it("judges the creation time on the service's clock, as the client learned it", async () => {
    const behind = -3_600_000;
    const job = listed(1, { creationTime: at(T0 + behind + 2000) });
    expect((await lostCreate([[job]]).create({ clockOffsetMs: () => behind })).value.jobId).toBe(id(1));
    const error = await failure(lostCreate([[job]]).create());
    expect(error.message).toContain('before this step sent its create');
  });

  it('finds its own job on a later page, and stops paging at jobs older than the create', async () => {
    const others = (from: number) =>
      Array.from({ length: 100 }, (_, i) => listed(from + i, { input: { Prefix: `p${from + i}/` } }));
    const { create, calls } = lostCreate([others(100), [...others(200).slice(0, 50), listed(7)]]);
    expect((await create()).value.jobId).toBe(id(7));
    expect(calls.list.map((query) => query.nextToken)).toEqual(['', 't1']);

    const older = lostCreate([
      [listed(1, { input: { Prefix: 'a/' } }), listed(2, { creationTime: at(T0 - 7_200_000) })],
      [listed(7)],
    ]);
    await failure(older.create());
    expect(older.calls.list).toHaveLength(1);
  });

  it('sends the create again when no job of that name exists', async () => {
    const { create, calls } = lostCreate([[]]);
    const created = await create();
    expect(created).toMatchObject({ adopted: false, requestId: 'r-create' });
    expect(calls.create).toBe(2);
  });
});

const REQUEST: CreateJobRequest = {
  name: 'media-site-1-1-reprocess-abc123',
  workflowId: 'w0123456789abcdef0123456789abcdef',
  input: { kind: 'Prefix', value: 'videos/' },
};
const JOB = { jobId: `b${'0'.repeat(32)}`, name: REQUEST.name, state: 'Submitted' } as JobDetail;

/** A client whose creates answer the given errors first, then the job; it never finds a job by name. */
function clientAnswering(errors: Error[]) {
  const sent: string[] = [];
  const client = {
    createJob: async () => {
      sent.push('create');
      const error = errors.shift();
      if (error) throw error;
      return { value: JOB, requestId: 'req-ok' };
    },
    listJobs: async () => {
      sent.push('list');
      return { value: { jobs: [], nextToken: '' }, requestId: 'req-list' };
    },
  };
  return { client: client as unknown as CiClient, sent };
}

const slowDowns = (count: number) =>
  Array.from({ length: count }, (_, i) => new ApiError(503, 'SlowDown', 'Reduce your rate', `r${i}`));

function throttleDeps(clock: ReturnType<typeof fakeClock>) {
  const warnings: string[] = [];
  return {
    warnings,
    deps: {
      logger: { debug: () => undefined, warning: (message: string) => warnings.push(message) },
      now: clock.now,
      sleep: clock.sleep,
      random: () => 0.5,
    },
  };
}

describe('a create under throttling', () => {
  it('six throttled answers in a row do not fail it: the seventh create makes the job, once', async () => {
    const clock = fakeClock();
    const { client, sent } = clientAnswering(slowDowns(6));
    const { deps: createDeps, warnings } = throttleDeps(clock);
    const created = await createJobWithoutDuplicates(client, REQUEST, createDeps);
    expect(created).toMatchObject({ value: JOB, adopted: false });
    // Nothing was made by a throttled create, so none is looked up by name.
    expect(sent).toEqual(Array.from({ length: 7 }, () => 'create'));
    expect(warnings).toHaveLength(6);
    expect(warnings[0]).toContain('SlowDown');
  });

  it('429s and 503s for ten minutes do not fail it when the step has an hour', async () => {
    const clock = fakeClock();
    const started = clock.now();
    const errors = slowDowns(400).map((error, i) =>
      i % 2 ? error : new ApiError(429, 'TooManyRequests', '', `t${i}`),
    );
    let throttledUntil = 0;
    const client = {
      createJob: async () => {
        if (clock.now() - started < 600_000) throw errors.shift();
        throttledUntil = throttledUntil || clock.now();
        return { value: JOB, requestId: 'req-ok' };
      },
    } as unknown as CiClient;
    const created = await createJobWithoutDuplicates(client, REQUEST, {
      ...throttleDeps(clock).deps,
      deadline: started + 3_600_000,
    });
    expect(created.value.jobId).toBe(JOB.jobId);
    // Back-off stays jittered and bounded: the create went out again within 20 s of the end.
    expect(throttledUntil - started - 600_000).toBeLessThanOrEqual(20_000);
  });

  it('gives up at the step deadline, with the last throttled answer', async () => {
    const clock = fakeClock();
    const started = clock.now();
    const { client } = clientAnswering(slowDowns(1000));
    await expect(
      createJobWithoutDuplicates(client, REQUEST, {
        ...throttleDeps(clock).deps,
        deadline: started + 90_000,
      }),
    ).rejects.toThrow('SlowDown');
    expect(clock.now()).toBe(started + 90_000);
  });
});
