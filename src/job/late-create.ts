import type { CiClient } from '../ci/client.js';
import type { Sleep } from '../waiting/sleep.js';
import { cancelJob } from './cancel.js';
import { findOwnJob, type SentCreate } from './own-job.js';

/**
 * How long after it was sent a create may still make its job: the default request limit. A job
 * made later than this is not waited for.
 */
export const LATE_CREATE_WINDOW_MS = 30_000;
const LOOK_AGAIN_MS = 2000;

export interface LateCreateDeps {
  now: () => number;
  sleep: Sleep;
  /** How far the service's clock is ahead of ours, as the client learned it. */
  clockOffsetMs: () => number;
}

/**
 * For `post:` after a step stopped with its create in flight: looks for the job that create made
 * (it may appear after the step ended) and cancels it. Returns what happened, for the log; a job of
 * that name that is not this step's is left alone.
 */
export async function cancelLateCreatedJob(
  client: CiClient,
  sent: SentCreate,
  deps: LateCreateDeps,
): Promise<string> {
  const { name } = sent.request;
  for (;;) {
    const { own, others } = await findOwnJob(client, sent, deps.clockOffsetMs);
    if (own) {
      const { job } = await cancelJob(client, own.value.jobId);
      return (
        `The step was stopped while creating job ${name}, which the service made after all: ` +
        `cancelled job ${job.jobId} (state now ${job.state}).`
      );
    }
    if (deps.now() + LOOK_AGAIN_MS > (sent.lastSentAt ?? sent.sentAt) + LATE_CREATE_WINDOW_MS) {
      const other = others[0];
      return (
        `The step was stopped while creating job ${name}; no such job appeared within ` +
        `${LATE_CREATE_WINDOW_MS / 1000} s of the create.` +
        (other ? ` Job ${other.job.jobId} of that name is not this step's (${other.why}): left alone.` : '')
      );
    }
    await deps.sleep(LOOK_AGAIN_MS);
  }
}
