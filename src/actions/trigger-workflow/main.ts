import { errorMessage, isCutShort } from '../../ci/errors.js';
import { isPassingFault, mayHaveBeenProcessed } from '../../ci/retry-rules.js';
import { EXECUTION_STATES, type ExecutionState, type WorkflowExecution } from '../../ci/types.js';
import { StepFailure, type StepDeps } from '../../job/ports.js';
import { asWorkflowExecution } from '../../report/api-json.js';
import { codeSpan, literal, markdownTable, stateCell } from '../../report/markdown.js';
import { runGantt } from '../../report/mermaid.js';
import { formatDuration, parseApiTime } from '../../time.js';
import { waitUntilFinal } from '../../waiting/waiter.js';
import { runAction } from '../run-action.js';
import { readTriggerSettings, type TriggerSettings } from './settings.js';

const isFinal = (execution: WorkflowExecution) =>
  EXECUTION_STATES.includes(execution.state as ExecutionState) && execution.state !== 'Running';

/** `trigger-workflow/`: run the workflow on one object (TriggerWorkflow), and wait for that run. */
export async function run(): Promise<void> {
  await runAction('trigger-workflow', () => readTriggerSettings(), triggerWorkflow);
}

export async function triggerWorkflow(settings: TriggerSettings, deps: StepDeps): Promise<void> {
  const { reporter } = deps;
  const client = deps.client();
  const startedAt = deps.now();
  // Sent on the steady client: a cancellation mid-request gives it a few seconds to answer, and
  // one cut short then is reported as what it is, a run the service may have started.
  const { value: runId, requestId } = await deps
    .steadyClient()
    .triggerWorkflow({ workflowId: settings.workflowId, object: settings.object, name: settings.name })
    .catch((error: unknown) => {
      if (!mayHaveBeenProcessed(error) && !isCutShort(error)) throw error;
      throw new StepFailure(
        `${errorMessage(error)}. The trigger was not sent again: the service may have started the ` +
          `run, and a second trigger would process ${settings.object} twice. Look for the run in the CI console.`,
      );
    });
  reporter.setOutputs({ 'instance-id': runId, 'request-id': requestId });
  reporter.info(`Started workflow run ${runId} on ${settings.object} (request id ${requestId})`);

  let execution = (await client.describeExecution(runId)).value;
  let timedOut = false;
  if (settings.wait && !(execution && isFinal(execution))) {
    const result = await waitUntilFinal<WorkflowExecution | undefined>({
      check: async () => (await client.describeExecution(runId)).value,
      stateOf: (run) => run?.state ?? 'unknown',
      isFinal: (run) => run !== undefined && isFinal(run),
      pollIntervalMs: settings.pollIntervalMs,
      deadline: deps.deadline,
      now: deps.now,
      sleep: deps.sleep,
      signal: deps.signal,
      startedAt,
      initial: execution,
      onStateChange: (state, elapsed) =>
        reporter.info(`Workflow run ${runId} is ${state} (${formatDuration(elapsed)} since start)`),
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
          ['Object', literal(settings.object)],
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
      `Workflow run ${runId}: timed out after ${formatDuration(settings.timeoutMs)}; it still runs (state ${state}).`,
    );
  }
  if (settings.failOn.includes(state as ExecutionState)) {
    throw new StepFailure(
      `Workflow run ${runId} on ${settings.object} ended ${state}. Check it in the CI console.`,
    );
  }
}
