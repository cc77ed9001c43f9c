import { ApiError } from '../ci/errors.js';
import { isFinalJobState } from '../ci/types.js';
import type { CancelSettings } from '../runner/inputs.js';
import { markdownTable, stateLabel } from '../report/markdown.js';
import { describeJobOrFail } from './job-lookup.js';
import { StateKey, type StepDeps } from './ports.js';

/**
 * `cancel/`: cancel a job, then report the state it is in. A job that had already ended is not an
 * error: the step reports how it ended.
 */
export async function cancelJob(settings: CancelSettings, deps: StepDeps): Promise<void> {
  // The runner names this id in any error it reports (`Job <id>: …`); cancel/ has no post entry.
  deps.state.save(StateKey.JobId, settings.jobId);
  const client = deps.client();
  let refused: ApiError | undefined;
  try {
    await client.cancelJob(settings.jobId);
  } catch (error) {
    // The service may refuse to cancel a job that has ended (or never existed): the describe tells which.
    if (!(error instanceof ApiError) || error.status >= 500) throw error;
    refused = error;
  }
  const { value: job, requestId } = await describeJobOrFail(client, settings.jobId);
  const ended = isFinalJobState(job.state);
  if (refused && !ended) throw refused;
  deps.reporter.setOutput('state', job.state);
  deps.reporter.info(
    refused || (ended && job.state !== 'Cancel')
      ? `Job ${job.jobId} had already ended ${job.state}; nothing to cancel`
      : `Cancelled job ${job.jobId}; it is now ${job.state}`,
  );
  await deps.reporter.writeSummary(
    `### Cancel CI inventory trigger job \`${job.jobId}\`\n\n` +
      markdownTable(
        ['Job id', 'Name', 'State', 'Ended', 'Request id'],
        [
          [
            `\`${job.jobId}\``,
            job.name,
            stateLabel(job.state),
            job.endTime === '-' ? '' : job.endTime,
            `\`${requestId}\``,
          ],
        ],
      ) +
      '\n',
  );
}
