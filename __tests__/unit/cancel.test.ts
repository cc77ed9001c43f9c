import { describe, expect, it } from '@jest/globals';
import { ApiError, TransportError } from '../../src/ci/errors.js';
import { cancelJob } from '../../src/job/cancel.js';
import { jobDetail, scriptedClient } from '../../test-support/fake-ports.js';

const JOB = 'b' + 'c'.repeat(32);

/** The cancel call does `cancel`; the describe after it finds the job in `state`. */
function service(cancel: () => Promise<unknown>, state: string) {
  const calls: string[] = [];
  const client = scriptedClient({
    cancelJob: async () => {
      calls.push('cancel');
      return cancel();
    },
    describeJob: async () => {
      calls.push('describe');
      return { value: jobDetail({ jobId: JOB, state }), requestId: 'r-describe' };
    },
  });
  return { client, calls };
}
const accepted = async () => ({ value: undefined, requestId: 'r-cancel' });
const refused = (status: number) => async () => {
  throw new ApiError(status, 'InvalidArgument', 'job has finished', 'r-cancel');
};

describe('cancelJob', () => {
  it('cancels, then describes: the job as it is now, with the request id of the describe', async () => {
    const { client, calls } = service(accepted, 'Cancel');
    const cancelled = await cancelJob(client, JOB);
    expect(cancelled).toMatchObject({ job: { jobId: JOB, state: 'Cancel' }, requestId: 'r-describe' });
    expect(cancelled.alreadyEnded).toBe(false);
    expect(calls).toEqual(['cancel', 'describe']);
  });

  it('takes a refusal for a job that has ended as no error: the job had already ended', async () => {
    const { client } = service(refused(400), 'Success');
    expect(await cancelJob(client, JOB)).toMatchObject({ job: { state: 'Success' }, alreadyEnded: true });
  });

  it('says already ended for a job that ended in another state, even when the cancel was accepted', async () => {
    expect(await cancelJob(service(accepted, 'Failed').client, JOB)).toMatchObject({ alreadyEnded: true });
  });

  it('throws the refusal when the job still runs', async () => {
    const { client } = service(refused(403), 'Running');
    await expect(cancelJob(client, JOB)).rejects.toMatchObject({ status: 403, code: 'InvalidArgument' });
  });

  it('throws a 5xx or a failed exchange without describing the job', async () => {
    const failures = [
      new ApiError(500, 'InternalError', '', 'r'),
      new TransportError('PUT /inventorytriggerjob: no answer', 'timeout'),
    ];
    for (const failure of failures) {
      const { client, calls } = service(async () => {
        throw failure;
      }, 'Running');
      await expect(cancelJob(client, JOB)).rejects.toBe(failure);
      expect(calls).toEqual(['cancel']);
    }
  });
});
