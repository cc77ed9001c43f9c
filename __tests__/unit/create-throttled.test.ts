import { describe, expect, it } from '@jest/globals';
import type { CiClient } from '../../src/ci/client.js';
import { createJobWithoutDuplicates } from '../../src/job/create-without-duplicates.js';
import { ApiError } from '../../src/ci/errors.js';
import type { CreateJobRequest, JobDetail } from '../../src/ci/types.js';
import { fakeClock } from './fake-clock.js';

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

function deps(clock: ReturnType<typeof fakeClock>) {
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
    const { deps: createDeps, warnings } = deps(clock);
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
      ...deps(clock).deps,
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
      createJobWithoutDuplicates(client, REQUEST, { ...deps(clock).deps, deadline: started + 90_000 }),
    ).rejects.toThrow('SlowDown');
    expect(clock.now()).toBe(started + 90_000);
  });
});
