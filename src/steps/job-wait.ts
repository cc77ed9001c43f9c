import { TransportError } from '../ci/errors.js';
import { isFinalJobState, type JobDetail, type JobState } from '../ci/types.js';
import type { WaitingSettings } from '../runner/inputs.js';
import { jobOutputs, jobSummary } from '../report/job-report.js';
import { formatDuration } from '../time.js';
import { AbortedError } from '../waiting/sleep.js';
import { waitUntilFinal } from '../waiting/waiter.js';
import { StateKey, StepFailure, type StepDeps } from './ports.js';
import { describeJobOrFail } from './job-lookup.js';
import { checkObjectFailures } from './object-failures.js';

export interface JobWaitContext {
  jobId: string;
  workflowId: string;
  /** What the job runs over, for the summary. */
  input: string;
  window?: string;
  /** The create call's request id, when this step created the job. */
  requestId?: string;
  /** The create answer, so that the first state is not announced twice. */
  initial?: JobDetail;
  /** When the job was created (or the wait began): the schedule and the timeout count from it. */
  startedAt: number;
}

const isFinal = (job: JobDetail) => isFinalJobState(job.state);

/**
 * Waits for a job to end and reports it: outputs, summary, and a failure when it ends in a
 * `fail-on` state, times out, or its objects failed. The main step and `wait/` both end here.
 */
export async function waitForJobAndReport(
  settings: WaitingSettings,
  context: JobWaitContext,
  deps: StepDeps,
): Promise<void> {
  const { reporter, state } = deps;
  const client = deps.client();
  let lastSeen = context.initial;
  let result;
  try {
    result = await waitUntilFinal<JobDetail>({
      check: async () => (lastSeen = (await describeJobOrFail(client, context.jobId)).value),
      stateOf: (job) => job.state,
      isFinal,
      pollIntervalMs: settings.pollIntervalMs,
      timeoutMs: settings.timeoutMs,
      now: deps.now,
      sleep: deps.sleep,
      signal: deps.signal,
      startedAt: context.startedAt,
      initial: context.initial,
      onStateChange: (jobState, elapsedMs) =>
        reporter.info(`Job ${context.jobId} is ${jobState} (${formatDuration(elapsedMs)} since start)`),
    });
  } catch (error) {
    if (isAbort(error)) await cancelOnAbort(settings, context, deps);
    else state.save(StateKey.Phase, 'stopped');
    // The job exists whatever went wrong with the wait: outputs and summary still say how far it got.
    if (lastSeen) {
      for (const [name, value] of Object.entries(jobOutputs(lastSeen))) reporter.setOutput(name, value);
      const stopped = isAbort(error) ? 'the workflow run was cancelled' : 'an error (see the annotation)';
      await reporter.writeSummary(
        jobSummary({ ...context, job: lastSeen, outcome: `The wait stopped: ${stopped}.`, now: deps.now() }),
      );
    }
    throw error;
  }

  let job = result.last ?? context.initial;
  let outcome: string | undefined;
  let failure: string | undefined;
  if (result.timedOut) {
    const waited = formatDuration(settings.timeoutMs);
    if (settings.cancelOnTimeout) {
      try {
        await deps.cleanupClient().cancelJob(context.jobId);
        job = (await describeJobOrFail(deps.cleanupClient(), context.jobId)).value;
        state.save(StateKey.Phase, 'cancelled');
        outcome = `Timed out after ${waited}; the job was cancelled (state ${job.state}).`;
      } catch (error) {
        state.save(StateKey.Phase, 'timed-out');
        outcome =
          `Timed out after ${waited}; cancelling the job failed (${(error as Error).message}), ` +
          `so it may still run (last state ${job?.state ?? 'unknown'}).`;
      }
    } else {
      state.save(StateKey.Phase, 'timed-out');
      outcome = `Timed out after ${waited}; the job still runs (state ${job?.state ?? 'unknown'}).`;
    }
    failure = `Job ${context.jobId}: ${outcome}`;
  } else {
    state.save(StateKey.Phase, 'ended');
  }

  if (job) {
    for (const [name, value] of Object.entries(jobOutputs(job))) reporter.setOutput(name, value);
  }
  if (!failure && job && settings.failOn.includes(job.state as JobState)) {
    failure =
      `Job ${context.jobId} ended ${job.state}` +
      (job.code && job.code !== 'Success' ? ` with code ${job.code}` : '') +
      (job.message ? `: ${job.message}` : '') +
      (job.state === 'Failed' ? '. Check the workflow and its input objects in the CI console.' : '.');
  }

  let objectsSection = '';
  let objectsError: unknown;
  if (!result.timedOut && settings.objectFailures !== 'ignore') {
    try {
      const objects = await checkObjectFailures(settings, context, deps);
      objectsSection = objects.summary;
      failure = failure ?? objects.failure;
    } catch (error) {
      if (isAbort(error)) throw error;
      // The job's own verdict and summary come first; the failed check is reported beside them.
      objectsError = error;
      objectsSection = `\n#### Objects\n\nThe check of the objects' workflow runs failed: ${(error as Error).message}\n`;
    }
  }

  if (job) {
    await reporter.writeSummary(
      jobSummary({
        job,
        workflowId: context.workflowId,
        input: context.input,
        window: context.window,
        requestId: context.requestId,
        outcome,
        now: deps.now(),
      }) + objectsSection,
    );
  }
  if (failure) {
    if (objectsError)
      reporter.warning(`Checking the objects' workflow runs failed: ${(objectsError as Error).message}`);
    throw new StepFailure(failure);
  }
  if (objectsError) throw objectsError;
}

function isAbort(error: unknown): boolean {
  return error instanceof AbortedError || (error instanceof TransportError && error.kind === 'aborted');
}

async function cancelOnAbort(
  settings: WaitingSettings,
  context: JobWaitContext,
  deps: StepDeps,
): Promise<void> {
  if (!settings.cancelOnAbort) {
    deps.state.save(StateKey.Phase, 'detached');
    deps.reporter.warning(
      `The workflow run was cancelled; job ${context.jobId} is left running (cancel-on-abort: false).`,
    );
    return;
  }
  try {
    await deps.cleanupClient().cancelJob(context.jobId);
    deps.state.save(StateKey.Phase, 'cancelled');
    deps.reporter.warning(`The workflow run was cancelled; cancelled job ${context.jobId}.`);
  } catch (error) {
    // The post: entry tries again: the phase still says `waiting`.
    deps.reporter.warning(
      `The workflow run was cancelled, and cancelling job ${context.jobId} failed: ` +
        `${error instanceof Error ? error.message : String(error)}`,
    );
  }
}
