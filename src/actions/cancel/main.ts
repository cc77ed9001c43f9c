import { cancelJob } from '../../job/cancel.js';
import { JobRecord } from '../../job/post-state.js';
import type { StepDeps } from '../../job/ports.js';
import { literal, markdownTable, stateCell } from '../../report/markdown.js';
import { parseApiTime } from '../../time.js';
import { runAction } from '../run-action.js';
import { readCancelSettings, type CancelSettings } from './settings.js';

/** `cancel/`: cancel a job. */
export async function run(): Promise<void> {
  await runAction('cancel', () => readCancelSettings(), cancelStep);
}

/** Cancels the job, then reports the state it is in; a job that had already ended is no error. */
export async function cancelStep(settings: CancelSettings, deps: StepDeps): Promise<void> {
  // The runner names this id in any error it reports (`Job <id>: …`); cancel/ has no post entry.
  new JobRecord(deps.state).job(settings.jobId);
  const { job, requestId, alreadyEnded } = await cancelJob(deps.client(), settings.jobId);
  deps.reporter.setOutputs({ state: job.state });
  deps.reporter.info(
    alreadyEnded
      ? `Job ${job.jobId} had already ended ${job.state}; nothing to cancel`
      : `Cancelled job ${job.jobId}; it is now ${job.state}`,
  );
  await deps.reporter.writeSummary(
    `### Cancel CI inventory trigger job ${literal(job.jobId)}\n\n` +
      markdownTable(
        ['Job id', 'Name', 'State', 'Ended', 'Request id'],
        [
          [
            literal(job.jobId),
            literal(job.name),
            stateCell(job.state),
            parseApiTime(job.endTime) ? job.endTime : '',
            literal(requestId),
          ],
        ],
      ) +
      '\n',
  );
}
