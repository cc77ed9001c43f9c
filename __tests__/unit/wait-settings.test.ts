import { beforeEach, describe, expect, it, jest } from '@jest/globals';
import * as core from '../../__fixtures__/core.js';
import { BASE_INPUTS, inputError, resetInputs } from '../../test-support/action-inputs.js';

jest.unstable_mockModule('@actions/core', () => core);
const { readWaitSettings } = await import('../../src/actions/wait/settings.js');

const JOB = 'b' + 'c'.repeat(32);
beforeEach(resetInputs);

describe('wait/ settings', () => {
  it('require the job id, b and 32 hexadecimal characters', () => {
    expect(inputError(() => readWaitSettings()).input).toBe('job-id');
    core.setInputs({ ...BASE_INPUTS, 'job-id': JOB.toUpperCase() });
    expect(inputError(() => readWaitSettings()).message).toContain('b followed by 32 hexadecimal characters');
  });

  it('leave a job started elsewhere running when the run is cancelled, unless told otherwise', () => {
    core.setInputs({ ...BASE_INPUTS, 'job-id': JOB });
    expect(readWaitSettings()).toMatchObject({
      jobId: JOB,
      cancelOnAbort: false,
      bucket: 'media-1250000000',
    });
    core.setInputs({ ...BASE_INPUTS, 'job-id': JOB, 'cancel-on-abort': 'true' });
    expect(readWaitSettings().cancelOnAbort).toBe(true);
  });
});
