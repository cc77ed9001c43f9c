import type { WorkflowExecution } from '../ci/types.js';
import { markdownTable, stateLabel } from '../report/markdown.js';
import { formatDuration } from '../time.js';
import { waitUntilFinal } from '../waiting/waiter.js';
import type { StepDeps } from './ports.js';
import type { JobWaitContext, WaitingSettings } from './wait-context.js';

const MAX_PAGES = 10;
const MAX_OUTPUT_ENTRIES = 100;
const MAX_WARNINGS = 10;
const MAX_SUMMARY_ROWS = 20;
const NAMED_IN_FAILURE = 3;

export interface ObjectCheck {
  /** The summary's "Objects" section. */
  summary: string;
  failure?: string;
}

/**
 * A job that ended `Success` only says the triggering went through: each object has its own
 * workflow run, which may fail, or still run after the job ended. Waits (inside the step's
 * timeout) until none runs, then lists the failed and cancelled ones.
 */
export async function checkObjectFailures(
  settings: WaitingSettings,
  context: JobWaitContext,
  deps: StepDeps,
): Promise<ObjectCheck> {
  const client = deps.client();
  const { reporter } = deps;
  const scope = { jobId: context.jobId, workflowId: context.workflowId || undefined };
  const running = async () =>
    (await client.listExecutions({ ...scope, states: ['Running'], size: 1 })).value.executions.length;

  if ((await running()) > 0) {
    reporter.info(`Waiting for the workflow runs of job ${context.jobId} to end`);
    const deadline = settings.timeoutMs > 0 ? context.startedAt + settings.timeoutMs : 0;
    const waited = await waitUntilFinal<number>({
      check: running,
      stateOf: (count) => (count > 0 ? 'Running' : 'done'),
      isFinal: (count) => count === 0,
      pollIntervalMs: settings.pollIntervalMs,
      timeoutMs: deadline ? Math.max(1, deadline - deps.now()) : 0,
      now: deps.now,
      sleep: deps.sleep,
      signal: deps.signal,
      initial: 1,
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

  const failed: WorkflowExecution[] = [];
  let nextToken = '';
  let pages = 0;
  do {
    const page = await client.listExecutions({
      ...scope,
      states: ['Failed', 'Cancel'],
      size: 100,
      nextToken,
    });
    failed.push(...page.value.executions);
    nextToken = page.value.nextToken;
    pages++;
  } while (nextToken && pages < MAX_PAGES);
  const more = nextToken ? ' or more' : '';

  const entries = failed.map((run) => ({ object: run.object, runId: run.runId, state: run.state }));
  reporter.setOutput('failed-count', String(failed.length));
  reporter.setOutput('failed-objects', JSON.stringify(entries.slice(0, MAX_OUTPUT_ENTRIES)));

  const summary = objectsSection(failed, more);
  if (failed.length === 0) {
    reporter.info(`Every object's workflow run of job ${context.jobId} succeeded`);
    return { summary };
  }
  const named = failed
    .slice(0, NAMED_IN_FAILURE)
    .map((run) => `${run.object} (${run.state}, run ${run.runId})`)
    .join(', ');
  const rest = failed.length > NAMED_IN_FAILURE ? ` and ${failed.length - NAMED_IN_FAILURE}${more} more` : '';
  const message = `${failed.length}${more} object(s) of job ${context.jobId} failed processing: ${named}${rest}.`;
  if (settings.objectFailures === 'warn') {
    for (const run of failed.slice(0, MAX_WARNINGS)) {
      reporter.warning(`Object ${run.object}: workflow run ${run.runId} ended ${run.state}`);
    }
    reporter.warning(message);
    return { summary };
  }
  return { summary, failure: message };
}

function objectsSection(failed: WorkflowExecution[], more: string): string {
  const counts = new Map<string, number>();
  for (const run of failed) counts.set(run.state, (counts.get(run.state) ?? 0) + 1);
  const lines = ['', '#### Objects', ''];
  if (failed.length === 0) {
    lines.push('Every workflow run of the job ended `Success`.');
  } else {
    lines.push(
      [...counts].map(([state, count]) => `${stateLabel(state)}: ${count}${more}`).join(' · ') +
        ' (every other run ended `Success`)',
      '',
      markdownTable(
        ['Object', 'Run id', 'State'],
        failed
          .slice(0, MAX_SUMMARY_ROWS)
          .map((run) => [`\`${run.object}\``, `\`${run.runId}\``, stateLabel(run.state)]),
      ),
    );
    if (failed.length > MAX_SUMMARY_ROWS)
      lines.push('', `… and ${failed.length - MAX_SUMMARY_ROWS}${more} more.`);
  }
  return lines.join('\n') + '\n';
}
