import { describe, expect, it } from '@jest/globals';
import type { CreateJobRequest, JobDetail } from '../../src/ci/types.js';
import { cancelLateCreatedJob, LATE_CREATE_WINDOW_MS } from '../../src/job/late-create.js';
import { formatApiTime } from '../../src/time.js';
import { jobDetail, scriptedClient } from '../../test-support/fake-ports.js';
import { fakeClock } from '../../test-support/fake-clock.js';

const WORKFLOW = 'w' + '1'.repeat(32);
const T0 = Date.UTC(2026, 10, 30, 4, 0, 0);
const JOB = 'b' + 'c'.repeat(32);
const request: CreateJobRequest = {
  name: 'nightly-7',
  workflowId: WORKFLOW,
  input: { kind: 'Object', value: ' clip.mp4 ' },
};
const made: JobDetail = jobDetail({
  jobId: JOB,
  name: 'nightly-7',
  state: 'Submitted',
  creationTime: formatApiTime(new Date(T0 + 6000)),
  input: { Object: ' clip.mp4 ' },
  operation: { workflowIds: WORKFLOW },
});

/** The list call shows the job from `appearsAt` on; cancel moves it to Cancel. */
function service(appearsAt: number, clock: ReturnType<typeof fakeClock>) {
  const calls = { list: 0, cancel: [] as string[] };
  let state = made.state;
  const client = scriptedClient({
    listJobs: async () => {
      calls.list++;
      return { value: { jobs: clock.now() >= appearsAt ? [made] : [], nextToken: '' }, requestId: 'r' };
    },
    cancelJob: async (jobId: string) => {
      calls.cancel.push(jobId);
      state = 'Cancel';
      return { value: undefined, requestId: 'rc' };
    },
    describeJob: async () => ({ value: { ...made, state }, requestId: 'rd' }),
  });
  return { client, calls };
}

describe('post: after a step stopped with its create in flight', () => {
  it('finds the job the service made after the step ended, and cancels it', async () => {
    const clock = fakeClock(T0 + 4500);
    const { client, calls } = service(T0 + 9000, clock);
    const said = await cancelLateCreatedJob(
      client,
      { request, sentAt: T0 },
      { now: clock.now, sleep: clock.sleep, clockOffsetMs: () => 0 },
    );
    expect(calls.cancel).toEqual([JOB]);
    expect(calls.list).toBeGreaterThan(1);
    expect(said).toBe(
      `The step was stopped while creating job nightly-7, which the service made after all: ` +
        `cancelled job ${JOB} (state now Cancel).`,
    );
  });

  it(`stops looking ${LATE_CREATE_WINDOW_MS / 1000} s after the create was sent, cancelling nothing`, async () => {
    const clock = fakeClock(T0 + 4500);
    const { client, calls } = service(Infinity, clock);
    const said = await cancelLateCreatedJob(
      client,
      { request, sentAt: T0 },
      { now: clock.now, sleep: clock.sleep, clockOffsetMs: () => 0 },
    );
    expect(calls.cancel).toEqual([]);
    expect(clock.now()).toBeLessThanOrEqual(T0 + LATE_CREATE_WINDOW_MS);
    expect(said).toContain('no such job appeared within 30 s of the create');
  });

  it('leaves alone a job of that name that is not the one sent', async () => {
    const clock = fakeClock(T0 + 4500);
    const { client, calls } = service(T0, clock);
    const said = await cancelLateCreatedJob(
      client,
      { request: { ...request, input: { kind: 'Object', value: 'clip.mp4' } }, sentAt: T0 },
      { now: clock.now, sleep: clock.sleep, clockOffsetMs: () => 0 },
    );
    expect(calls.cancel).toEqual([]);
    expect(said).toContain(`Job ${JOB} of that name is not this step's (its input is Object ' clip.mp4 '`);
  });
});
