import { errorMessage, isAbort } from '../ci/errors.js';
import { isPassingFault } from '../ci/retry-rules.js';
import { isFinalJobState, isJobState, type JobDetail, type JobState } from '../ci/types.js';
import { asText, jobOutputs, jobSummary, type Outcome, type Show } from '../report/job-report.js';
import { clipToLine, literal, sentence } from '../report/markdown.js';
import { checkObjectFailures } from '../objects/check.js';
import { formatDuration } from '../time.js';
import { waitUntilFinal, type WaitResult } from '../waiting/waiter.js';
import { cancelJob } from './cancel.js';
import { describeJobOrFail } from './lookup.js';
import type { JobRecord } from './post-state.js';
import { StepFailure, type StepDeps } from './ports.js';
import type { JobWaitContext, WaitingSettings } from './wait-context.js';

/** A job's message in the failure annotation: long enough for any real one, a hostile one is cut. */
const MAX_MESSAGE = 1000;

interface WaitDeps extends StepDeps {
  record: JobRecord;
}

/**
 * Waits for a job to end and reports it once: outputs, summary, and a failure when it ends in a
 * `fail-on` state, times out, or its objects failed. The main step and `wait/` both end here.
 */
export async function waitForJobAndReport(
  settings: WaitingSettings,
  context: JobWaitContext,
  deps: WaitDeps,
): Promise<void> {
  const { reporter, record } = deps;
  const seen = { job: context.initial };
  let result: WaitResult<JobDetail>;
  try {
    result = await pollJob(settings, context, deps, seen);
  } catch (error) {
    if (isAbort(error)) await cancelOnAbort(settings, context.jobId, deps);
    else record.phase('stopped');
    const stopped = isAbort(error) ? 'the workflow run was cancelled' : 'an error (see the annotation)';
    await report(context, deps, seen.job, () => `The wait stopped: ${stopped}.`);
    throw error;
  }

  let job = result.last ?? context.initial;
  let failure: string | undefined;
  let outcome: Outcome | undefined;
  if (result.timedOut) {
    ({ job, outcome } = await onTimeout(settings, context.jobId, deps, job));
    failure = `Job ${context.jobId}: ${outcome(asText)}`;
  } else {
    record.phase('ended');
    failure = stateFailure(settings, job);
  }

  let objectsSection = '';
  let objectsError: unknown;
  if (!result.timedOut && settings.objectFailures !== 'ignore') {
    try {
      const objects = await checkObjectFailures(settings, context, deps);
      objectsSection = objects.summary;
      failure = failure ?? objects.failure;
    } catch (error) {
      // The job's own verdict and summary come first; the failed check is reported beside them.
      objectsError = error;
      const why = isAbort(error) ? 'the workflow run was cancelled' : literal(errorMessage(error));
      objectsSection = `\n#### Objects\n\nThe check of the objects' workflow runs stopped: ${why}\n`;
    }
  }
  await report(context, deps, job, outcome, objectsSection);
  if (objectsError && (isAbort(objectsError) || !failure)) throw objectsError;
  if (objectsError) {
    reporter.warning(`Checking the objects' workflow runs failed: ${errorMessage(objectsError)}`);
  }
  if (failure) throw new StepFailure(failure);
}

function pollJob(
  settings: WaitingSettings,
  context: JobWaitContext,
  deps: StepDeps,
  seen: { job?: JobDetail },
): Promise<WaitResult<JobDetail>> {
  const client = deps.client();
  return waitUntilFinal<JobDetail>({
    check: async () => (seen.job = (await describeJobOrFail(client, context.jobId)).value),
    stateOf: (job) => job.state,
    isFinal: (job) => isFinalJobState(job.state),
    pollIntervalMs: settings.pollIntervalMs,
    deadline: deps.deadline,
    now: deps.now,
    sleep: deps.sleep,
    signal: deps.signal,
    startedAt: context.startedAt,
    initial: context.initial,
    onStateChange: (state, elapsedMs) =>
      deps.reporter.info(
        `Job ${context.jobId} is ${describeState(state)} (${formatDuration(elapsedMs)} after its creation)`,
      ),
    onStillWaiting: (state, elapsedMs, nextCheckInMs) =>
      deps.reporter.info(
        `Job ${context.jobId} is still ${describeState(state)}, ${formatDuration(elapsedMs)} after its ` +
          `creation; next check in ${formatDuration(nextCheckInMs)}`,
      ),
    isPassingFault,
    onCheckFailed: (error, silentForMs) =>
      deps.reporter.info(
        `The status check of job ${context.jobId} failed (${errorMessage(error)}); the wait goes on ` +
          `(no answer for ${formatDuration(silentForMs)})`,
      ),
  });
}

/** A state this version does not know is named as such, and waited on like one in progress. */
function describeState(state: string, show: Show = asText): string {
  return isJobState(state) ? state : `${show(`'${state}'`)}, a state this action does not know`;
}

async function onTimeout(
  settings: WaitingSettings,
  jobId: string,
  deps: WaitDeps,
  last: JobDetail | undefined,
): Promise<{ job: JobDetail | undefined; outcome: Outcome }> {
  const waited = formatDuration(settings.timeoutMs);
  const lastState = (show: Show) => describeState(last?.state ?? 'unknown', show);
  if (!settings.cancelOnTimeout) {
    deps.record.phase('timed-out');
    return {
      job: last,
      outcome: (show) => `Timed out after ${waited}; the job still runs (state ${lastState(show)}).`,
    };
  }
  try {
    const { job } = await cancelJob(deps.cleanupClient(), jobId);
    deps.record.phase('cancelled');
    return {
      job,
      outcome: (show) =>
        `Timed out after ${waited}; the job was cancelled (state ${describeState(job.state, show)}).`,
    };
  } catch (error) {
    deps.record.phase('timed-out');
    return {
      job: last,
      outcome: (show) =>
        `Timed out after ${waited}; cancelling the job failed (${show(errorMessage(error))}), ` +
        `so it may still run (last state ${lastState(show)}).`,
    };
  }
}

function stateFailure(settings: WaitingSettings, job: JobDetail | undefined): string | undefined {
  if (!job || !settings.failOn.includes(job.state as JobState)) return undefined;
  const verdict = sentence(
    `Job ${job.jobId} ended ${job.state}` +
      (job.code && job.code !== 'Success' ? ` with code ${clipToLine(job.code, 200)}` : '') +
      (job.message ? `: ${clipToLine(job.message, MAX_MESSAGE)}` : ''),
  );
  return job.state === 'Failed'
    ? `${verdict} Check the workflow and its input objects in the CI console.`
    : verdict;
}

/** Outputs from the last details seen, and the summary: also when the wait stopped early. */
async function report(
  context: JobWaitContext,
  deps: StepDeps,
  job: JobDetail | undefined,
  outcome?: Outcome,
  objectsSection = '',
): Promise<void> {
  if (!job) return;
  deps.reporter.setOutputs(jobOutputs(job));
  await deps.reporter.writeSummary(
    jobSummary({ ...context, job, outcome, now: deps.now() }) + objectsSection,
  );
}

/** The workflow run was cancelled: cancel the job, or say it is left running (cancel-on-abort off). */
export async function cancelOnAbort(settings: WaitingSettings, jobId: string, deps: WaitDeps): Promise<void> {
  if (!settings.cancelOnAbort) {
    deps.record.phase('detached');
    deps.reporter.warning(
      `The workflow run was cancelled; job ${jobId} is left running (cancel-on-abort: false).`,
    );
    return;
  }
  try {
    const { job } = await cancelJob(deps.cleanupClient(), jobId);
    deps.record.phase('cancelled');
    deps.reporter.warning(`The workflow run was cancelled; cancelled job ${jobId} (state ${job.state}).`);
  } catch (error) {
    // The post: entry tries again: the phase still says `waiting`.
    deps.reporter.warning(
      `The workflow run was cancelled, and cancelling job ${jobId} failed: ` + `${errorMessage(error)}`,
    );
  }
}
