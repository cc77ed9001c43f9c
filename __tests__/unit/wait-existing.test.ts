/** wait/'s wait for a job made elsewhere, through its ports, its outputs held to those wait/ declares. */
import { describe, expect, it } from '@jest/globals';
import { OUTPUTS } from '../../src/actions/outputs.js';
import { JobRecord } from '../../src/job/post-state.js';
import { waitForExistingJob } from '../../src/job/wait-existing.js';
import { jobDetail, scriptedClient, stepDeps, WAITING_SETTINGS } from '../../test-support/fake-ports.js';
import { fakeClock } from '../../test-support/fake-clock.js';

const JOB = 'b' + 'c'.repeat(32);

describe('wait/ (waitForExistingJob)', () => {
  it('waits for a job made elsewhere and reports it, with only the outputs wait/ declares', async () => {
    const states = ['Running', 'Running', 'Success'];
    const deps = stepDeps(
      scriptedClient({
        describeJob: async () => ({
          value: jobDetail({ jobId: JOB, state: states.shift() ?? 'Success' }),
          requestId: 'r',
        }),
      }),
      fakeClock(),
      undefined,
      OUTPUTS.wait,
    );
    await waitForExistingJob({ ...WAITING_SETTINGS, jobId: JOB }, deps);
    expect(deps.outputs).toMatchObject({ 'job-id': JOB, state: 'Success' });
    expect(new JobRecord(deps.state).savedPhase).toBe('ended');
  });

  /** wait/ on a job created at 04:00 UTC (the service's clock), from `runnerClockAt` on this runner's. */
  async function waitOnJobCreatedAt0400(runnerClockAt: string) {
    const states = ['Running', 'Running', 'Success'];
    const clock = fakeClock(Date.parse(runnerClockAt));
    const started = clock.now();
    const job = () =>
      jobDetail({ jobId: JOB, state: states.shift() ?? 'Success', creationTime: '2026-11-30T12:00:00+0800' });
    const deps = stepDeps(
      scriptedClient({ describeJob: async () => ({ value: job(), requestId: 'r' }) }),
      clock,
    );
    await waitForExistingJob({ ...WAITING_SETTINGS, jobId: JOB }, deps);
    return { infos: deps.infos, waitedMs: clock.now() - started };
  }

  it("logs times since the job's creation, as the main step does", async () => {
    const { infos } = await waitOnJobCreatedAt0400('2026-11-30T04:02:00Z');
    expect(infos.at(-1)).toMatch(new RegExp(`^Job ${JOB} is Success \\(2m 0\\ds after its creation\\)$`));
  });

  it('does not wait for a creation time that the service clock puts in the future', async () => {
    const { infos, waitedMs } = await waitOnJobCreatedAt0400('2026-11-30T03:00:00Z');
    expect(waitedMs).toBeLessThan(5000);
    expect(infos.at(-1)).toMatch(/is Success \(\d(\.\d)?s after its creation\)$/);
  });
});
