import { isPassingFault } from '../ci/retry-rules.js';
import type { StepDeps } from '../job/ports.js';
import type { JobWaitContext, WaitingSettings } from '../job/wait-context.js';
import { formatDuration } from '../time.js';
import { waitUntilFinal } from '../waiting/waiter.js';
import { collectFailedObjects } from './collect.js';
import { failedObjectsMessage, failedObjectsOutputs, objectsSection, objectWarnings } from './report.js';

export interface ObjectCheck {
  /** The summary's "Objects" section. */
  summary: string;
  failure?: string;
}

/**
 * A job that ended `Success` only says the triggering went through: each object has its own
 * workflow run, which may fail, or still run after the job ended. Waits (inside the step's
 * timeout) until none runs, then lists every failed and cancelled one into the objects file,
 * with the reasons of the first ones.
 */
export async function checkObjectFailures(
  settings: Pick<WaitingSettings, 'pollIntervalMs' | 'timeoutMs' | 'objectFailures'>,
  context: Pick<JobWaitContext, 'jobId' | 'workflowId'>,
  deps: StepDeps,
): Promise<ObjectCheck> {
  const client = deps.client();
  const { reporter } = deps;
  const source = {
    label: `job ${context.jobId}`,
    query: { jobId: context.jobId, workflowId: context.workflowId || undefined },
  };
  const running = async () =>
    (await client.listExecutions({ ...source.query, states: ['Running'], size: 1 })).value.executions.length;

  // The whole check keeps to the step's deadline.
  const { deadline } = deps;
  if ((await running()) > 0) {
    reporter.info(`Waiting for the workflow runs of job ${context.jobId} to end`);
    const waited = await waitUntilFinal<number>({
      check: running,
      stateOf: (count) => (count > 0 ? 'Running' : 'done'),
      isFinal: (count) => count === 0,
      pollIntervalMs: settings.pollIntervalMs,
      deadline,
      now: deps.now,
      sleep: deps.sleep,
      signal: deps.signal,
      initial: 1,
      isPassingFault,
      onStillWaiting: (_state, elapsedMs, nextCheckInMs) =>
        reporter.info(
          `Workflow runs of job ${context.jobId} are still Running, ${formatDuration(elapsedMs)} after ` +
            `the job ended; next check in ${formatDuration(nextCheckInMs)}`,
        ),
    });
    if (waited.timedOut) {
      return {
        summary: '\n#### Objects\n\nSome workflow runs were still running when the wait timed out.\n',
        failure:
          `Job ${context.jobId} ended, but some of its objects' workflow runs were still Running when the ` +
          `timeout (${formatDuration(settings.timeoutMs)}) passed.`,
      };
    }
  }

  const file = await deps.stepFile(
    `cos-workflow-trigger-failed-objects-${context.jobId}`,
    'jsonl',
    'objects-file',
  );
  const report = await collectFailedObjects(client, source, {
    file,
    deadline,
    now: deps.now,
    signal: deps.signal,
    log: (message) => reporter.info(message),
  });
  reporter.setOutputs(failedObjectsOutputs(report));
  const { listing } = report;
  const summary = objectsSection(report);
  if (settings.objectFailures === 'warn' && listing.count > 0) {
    // Ten at most: GitHub shows no more of a kind per step. The last one says if the list stopped early.
    for (const warning of objectWarnings(report)) reporter.warning(warning);
    return { summary };
  }
  if (listing.incomplete)
    reporter.warning(`The list of failed runs of job ${context.jobId} stopped early: ${listing.incomplete}.`);
  if (listing.count === 0) {
    if (!listing.incomplete) reporter.info(`Every object's workflow run of job ${context.jobId} succeeded`);
    return { summary };
  }
  return { summary, failure: failedObjectsMessage(report) };
}
