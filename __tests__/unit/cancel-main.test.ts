/** cancel/ (cancelStep) through its ports, its outputs held to those cancel/ declares. */
import { describe, expect, it } from '@jest/globals';
import { cancelStep } from '../../src/actions/cancel/main.js';
import { OUTPUTS } from '../../src/actions/outputs.js';
import { ApiError } from '../../src/ci/errors.js';
import { COMMON_SETTINGS, jobDetail, scriptedClient, stepDeps } from '../../test-support/fake-ports.js';
import { fakeClock } from '../../test-support/fake-clock.js';

const JOB = 'b' + 'c'.repeat(32);

describe('cancel/ (cancelStep)', () => {
  it('cancels a running job and reports the state it is in', async () => {
    const states = ['Running'];
    const deps = stepDeps(
      scriptedClient({
        cancelJob: async () => void states.push('Cancel'),
        describeJob: async () => ({ value: jobDetail({ jobId: JOB, state: states.at(-1) }), requestId: 'r' }),
      }),
      fakeClock(),
      undefined,
      OUTPUTS.cancel,
    );
    await cancelStep({ ...COMMON_SETTINGS, jobId: JOB }, deps);
    expect(deps.outputs).toEqual({ state: 'Cancel' });
    expect(deps.infos).toContain(`Cancelled job ${JOB}; it is now Cancel`);
  });

  it('reports a job that had already ended, which the service refuses to cancel, without an error', async () => {
    const deps = stepDeps(
      scriptedClient({
        cancelJob: async () => {
          throw new ApiError(400, 'InvalidArgument', 'job has finished', 'r');
        },
        describeJob: async () => ({ value: jobDetail({ jobId: JOB, state: 'Success' }), requestId: 'r' }),
      }),
      fakeClock(),
      undefined,
      OUTPUTS.cancel,
    );
    await cancelStep({ ...COMMON_SETTINGS, jobId: JOB }, deps);
    expect(deps.outputs.state).toBe('Success');
    expect(deps.infos[0]).toContain('had already ended Success');
  });
});
