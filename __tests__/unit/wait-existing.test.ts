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
});
