import type { CiClient } from '../ci/client.js';
import type { JobDetail, WithRequestId } from '../ci/types.js';
import { StepFailure } from './ports.js';

/** Describes a job; an id the service does not know is the user's error, named as such. */
export async function describeJobOrFail(client: CiClient, jobId: string): Promise<WithRequestId<JobDetail>> {
  const answer = await client.describeJob(jobId);
  if (!answer.value) {
    throw new StepFailure(
      `Job ${jobId} does not exist in this bucket and region (the API lists it in NonExistJobIds; ` +
        `request id ${answer.requestId}). Check the job-id, bucket and region inputs.`,
    );
  }
  return { value: answer.value, requestId: answer.requestId };
}
