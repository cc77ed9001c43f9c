import { describe, expect, it } from '@jest/globals';
import { StepFailure } from '../../src/job/ports.js';
import { describeJobOrFail } from '../../src/job/lookup.js';
import { jobDetail, scriptedClient } from '../../test-support/fake-ports.js';

const JOB = 'b' + 'c'.repeat(32);

describe('describeJobOrFail', () => {
  it('gives the job and the request id of its describe', async () => {
    const client = scriptedClient({
      describeJob: async () => ({ value: jobDetail({ jobId: JOB }), requestId: 'r-1' }),
    });
    expect(await describeJobOrFail(client, JOB)).toEqual({
      value: jobDetail({ jobId: JOB }),
      requestId: 'r-1',
    });
  });

  it('fails the step for an id the service does not know, naming it, the request id and the inputs to check', async () => {
    const client = scriptedClient({ describeJob: async () => ({ value: undefined, requestId: 'r-2' }) });
    const error = await describeJobOrFail(client, JOB).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(StepFailure);
    expect((error as Error).message).toContain(`Job ${JOB} does not exist`);
    expect((error as Error).message).toContain('request id r-2');
    expect((error as Error).message).toContain('job-id, bucket and region');
  });
});
