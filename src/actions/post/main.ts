import { readCommonSettings } from '../../github/common-settings.js';
import { log } from '../../github/log.js';
import { ActionsStateStore } from '../../github/reporter.js';
import { cancelJob } from '../../job/cancel.js';
import { cancelLateCreatedJob } from '../../job/late-create.js';
import type { SentCreate } from '../../job/own-job.js';
import { JobRecord } from '../../job/post-state.js';
import { realSleep } from '../../waiting/sleep.js';
import { clientsFor } from '../clients.js';
import { userMessage } from '../user-message.js';

/**
 * The `post:` entry of the main step and `wait/`, the backstop of `cancel-on-abort`: when the step
 * was killed while waiting (it never saw the job end, nor cancelled it), cancel the job; when it
 * was stopped with its create in flight, find the job that create made and cancel it. Any other
 * phase leaves the job alone. Failures here are warnings: the step's own result stands.
 */
export async function run(): Promise<void> {
  const record = new JobRecord(new ActionsStateStore());
  const { jobId, savedPhase } = record;
  const sent = record.sentCreate;
  if (!jobId && savedPhase === 'creating' && sent) return cancelLateCreate(sent);
  if (!jobId || savedPhase !== 'waiting') {
    log.debug(`post: nothing to do (job '${jobId}', phase '${savedPhase ?? ''}')`);
    return;
  }
  try {
    const client = clientsFor(readCommonSettings()).cleanupClient();
    const { job } = await cancelJob(client, jobId);
    log.info(`The step never saw job ${jobId} end: cancelled it (state now ${job.state}).`);
  } catch (error) {
    log.warning(`Could not cancel job ${jobId} after the workflow run was cancelled: ${userMessage(error)}`);
  }
}

/** The step stopped before the create answered: the service may have made the job all the same. */
async function cancelLateCreate(sent: SentCreate): Promise<void> {
  try {
    const clients = clientsFor(readCommonSettings());
    const deps = { now: Date.now, sleep: realSleep, clockOffsetMs: () => clients.clock.offsetMs };
    log.info(await cancelLateCreatedJob(clients.cleanupClient(), sent, deps));
  } catch (error) {
    log.warning(
      `Could not look up or cancel job ${sent.request.name}, whose create was in flight: ${userMessage(error)}`,
    );
  }
}
