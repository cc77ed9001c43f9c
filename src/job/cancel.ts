import type { CiClient } from '../ci/client.js';
import { ApiError } from '../ci/errors.js';
import { isFinalJobState, type JobDetail } from '../ci/types.js';
import { describeJobOrFail } from './lookup.js';

export interface Cancelled {
  /** The job as described after the cancel. */
  job: JobDetail;
  /** The describe call's request id. */
  requestId: string;
  /** The service refused the cancel, or the job had already ended in another state. */
  alreadyEnded: boolean;
}

/**
 * The one way a job is cancelled, by cancel/, a timeout, a cancelled workflow run and `post:`:
 * cancel, then describe. A refusal (4xx) for a job that has ended anyway is no error: the describe
 * says how it ended. Any other failure is thrown for the caller to word.
 */
export async function cancelJob(client: CiClient, jobId: string): Promise<Cancelled> {
  let refused: ApiError | undefined;
  try {
    await client.cancelJob(jobId);
  } catch (error) {
    if (!(error instanceof ApiError) || error.status >= 500) throw error;
    refused = error;
  }
  const { value: job, requestId } = await describeJobOrFail(client, jobId);
  const ended = isFinalJobState(job.state);
  if (refused && !ended) throw refused;
  return { job, requestId, alreadyEnded: refused !== undefined || (ended && job.state !== 'Cancel') };
}
