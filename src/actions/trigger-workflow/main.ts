import type { CiClient } from '../../ci/client.js';
import { isResourceNotFound } from '../../ci/errors.js';
import { isPassingFault } from '../../ci/retry-rules.js';
import { EXECUTION_STATES, type ExecutionState, type WorkflowExecution } from '../../ci/types.js';
import { StepFailure, type StepDeps } from '../../job/ports.js';
import { triggerWithoutDuplicates } from '../../objects/trigger.js';
import { isPastShowing } from '../../objects/visibility.js';
import { asWorkflowExecution } from '../../report/api-json.js';
import { codeSpan, literal, markdownTable, stateCell } from '../../report/markdown.js';
import { runGantt } from '../../report/mermaid.js';
import { formatDuration, parseApiTime } from '../../time.js';
import { waitUntilFinal } from '../../waiting/waiter.js';
import { runAction } from '../run-action.js';
import { triggerOnMany } from './many.js';
import { readTriggerSettings, type TriggerSettings } from './settings.js';
import { triggerDeps } from './trigger-deps.js';

const isFinal = (execution: WorkflowExecution) =>
  EXECUTION_STATES.includes(execution.state as ExecutionState) && execution.state !== 'Running';

/** `trigger-workflow/`: run the workflow on one object or many (TriggerWorkflow), and wait for the runs. */
export async function run(): Promise<void> {
  await runAction('trigger-workflow', () => readTriggerSettings(), triggerWorkflow);
}

export async function triggerWorkflow(settings: TriggerSettings, deps: StepDeps): Promise<void> {
  const { targets } = settings;
  if (targets.kind === 'many') return triggerOnMany(settings, targets, deps);
  return triggerOne(settings, targets.object, deps);
}

/**
 * The run, or undefined while the service does not show it yet (`ResourceNotFound`, whatever the
 * status): a run not shown a minute after its trigger is an error.
 */
async function describeShown(
  client: CiClient,
  runId: string,
  sentAt: number,
  now: () => number,
): Promise<WorkflowExecution | undefined> {
  let execution: WorkflowExecution | undefined;
  let notFound: unknown;
  try {
    execution = (await client.describeExecution(runId)).value;
  } catch (error) {
    if (!isResourceNotFound(error)) throw error;
    notFound = error;
  }
  if (execution || !isPastShowing(sentAt, now())) return execution;
  throw new StepFailure(
    `Workflow run ${runId} was not found a minute after its trigger` +
      `${notFound instanceof Error ? ` (${notFound.message})` : ''}: what became of it is not known.`,
  );
}

async function triggerOne(settings: TriggerSettings, object: string, deps: StepDeps): Promise<void> {
  const { reporter } = deps;
  const client = deps.client();
  const startedAt = deps.now();
  const { runId, requestId, sentAt } = await triggerWithoutDuplicates(
    { workflowId: settings.workflowId, object, name: settings.name },
    { ...triggerDeps(settings, deps), isTaken: () => false },
  );
  reporter.setOutputs({ 'instance-id': runId, 'request-id': requestId });
  reporter.info(`Started workflow run ${runId} on ${object}${requestId ? ` (request id ${requestId})` : ''}`);

  const describe = () => describeShown(client, runId, sentAt, deps.now);
  let execution = await describe();
  let timedOut = false;
  if (settings.wait && !(execution && isFinal(execution))) {
    const result = await waitUntilFinal<WorkflowExecution | undefined>({
      check: describe,
      stateOf: (run) => run?.state ?? 'not shown yet',
      isFinal: (run) => run !== undefined && isFinal(run),
      pollIntervalMs: settings.pollIntervalMs,
      deadline: deps.deadline,
      now: deps.now,
      sleep: deps.sleep,
      signal: deps.signal,
      startedAt,
      initial: execution,
      onStateChange: (state, elapsed) =>
        reporter.info(`Workflow run ${runId} is ${state} (${formatDuration(elapsed)} after the trigger)`),
      onStillWaiting: (state, elapsed, nextCheckIn) =>
        reporter.info(
          `Workflow run ${runId} is still ${state}, ${formatDuration(elapsed)} after the trigger; ` +
            `next check in ${formatDuration(nextCheckIn)}`,
        ),
      isPassingFault,
    });
    execution = result.last ?? execution;
    timedOut = result.timedOut;
  }
  const seenAt = deps.now();
  const state = execution?.state ?? '';
  reporter.setOutputs({
    state,
    execution: execution ? JSON.stringify(asWorkflowExecution(execution)) : '',
  });
  await reporter.writeSummary(
    `### CI workflow run ${literal(runId)}\n\n` +
      markdownTable(
        ['Run id', literal(runId)],
        [
          ['Workflow', codeSpan(settings.workflowId)],
          ['Object', literal(object)],
          ['State', stateCell(state)],
          ['Created', execution && parseApiTime(execution.createTime) ? execution.createTime : ''],
          ['Request id', literal(requestId)],
        ],
      ) +
      '\n' +
      (execution ? '\n' + runGantt(execution, { triggeredAt: startedAt, seenAt }) : ''),
  );
  if (timedOut) {
    throw new StepFailure(
      `Workflow run ${runId}: timed out after ${formatDuration(settings.timeoutMs)}; it still runs (state ${state || 'not shown yet'}).`,
    );
  }
  if (settings.failOn.includes(state as ExecutionState)) {
    throw new StepFailure(`Workflow run ${runId} on ${object} ended ${state}. Check it in the CI console.`);
  }
}
