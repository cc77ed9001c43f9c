import * as actions from './runner/workflow-commands.js';
import { clientsFor } from './runner/clients.js';
import { ActionsStateStore } from './runner/github-reporter.js';
import { getCommonSettings } from './runner/inputs.js';
import { userMessage } from './runner/user-message.js';
import { StateKey } from './steps/ports.js';

/**
 * The backstop of `cancel-on-abort`: when the main step was killed while waiting (it never saw the
 * job end, nor cancelled it), cancel the job. Any other phase leaves the job alone. Failures here
 * are warnings: the main step's result stands.
 */
export async function runPost(): Promise<void> {
  const state = new ActionsStateStore();
  const jobId = state.get(StateKey.JobId);
  const phase = state.get(StateKey.Phase);
  if (!jobId || phase !== 'waiting') {
    actions.debug(`post: nothing to do (job '${jobId}', phase '${phase}')`);
    return;
  }
  try {
    const settings = getCommonSettings();
    const client = clientsFor(settings).cleanupClient();
    await client.cancelJob(jobId);
    const job = (await client.describeJob(jobId)).value;
    actions.info(
      `The main step never saw job ${jobId} end: cancelled it (state now ${job?.state ?? 'unknown'}).`,
    );
  } catch (error) {
    actions.warning(
      `Could not cancel job ${jobId} after the workflow run was cancelled: ${userMessage(error)}`,
    );
  }
}
