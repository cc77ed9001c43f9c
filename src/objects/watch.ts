/**
 * Waits for many workflow runs at the cost of a list: each status check lists the workflow's runs
 * since the oldest one still awaited (DescribeWorkflowExecutions, 100 a page) and matches them to
 * the step's RunIds; never a describe per run per check. The checks keep to the poll schedule every
 * wait uses.
 */
import { errorMessage } from '../ci/errors.js';
import { pages } from '../ci/pages.js';
import { isPassingFault } from '../ci/retry-rules.js';
import { formatApiTime, formatDuration, parseApiTime } from '../time.js';
import { waitUntilFinal } from '../waiting/waiter.js';
import { createdNoEarlierThan, isPastShowing, type RunLookupDeps } from './visibility.js';

const PAGE_SIZE = 100;
const FINAL_STATES = ['Success', 'Failed', 'Cancel'];

/** One key's run, as the checks see it. */
export interface WatchedRun {
  object: string;
  runId: string;
  /** When its trigger was sent, by this runner's clock. */
  sentAt: number;
  /** The last state listed; empty until the run first shows. */
  state: string;
  /** As the list gives it (`+08:00`); empty until the run first shows. */
  createTime: string;
  /** It had not shown a minute after its trigger: no longer waited for. */
  lost?: boolean;
}

export interface WatchDeps extends RunLookupDeps {
  workflowId: string;
}

export const isFinalRunState = (state: string): boolean => FINAL_STATES.includes(state);
const awaited = (run: WatchedRun) => !run.lost && !isFinalRunState(run.state);

/** `12 Running, 980 Success, 8 Failed`: how many runs are in each state. */
export function describeStates(runs: readonly WatchedRun[]): string {
  const counts = new Map<string, number>();
  for (const run of runs) {
    const state = run.lost ? 'not shown' : run.state || 'not shown yet';
    counts.set(state, (counts.get(state) ?? 0) + 1);
  }
  return [...counts].map(([state, count]) => `${count} ${state}`).join(', ');
}

/**
 * Checks until every run has ended (or is lost), the deadline passes (`timedOut`), or the wait is
 * aborted or stalls (it throws). Updates each run's `state`, `createTime` and `lost` in place.
 */
export async function watchRuns(runs: WatchedRun[], deps: WatchDeps): Promise<{ timedOut: boolean }> {
  const byRunId = new Map(runs.map((run) => [run.runId, run]));
  const startedAt = deps.now();

  /** One check: one pass through the list, from the oldest run still awaited. */
  const check = async (): Promise<string> => {
    const waiting = runs.filter(awaited);
    if (waiting.length === 0) return describeStates(runs);
    const unseen = new Set(waiting.map((run) => run.runId));
    // Runs already listed are found from their own creation time, to the second; the others from
    // the earliest their trigger allows.
    const from = Math.min(
      ...waiting.map(
        (run) => parseApiTime(run.createTime)?.getTime() ?? createdNoEarlierThan(run.sentAt, deps.clock),
      ),
    );
    const fetchPage = async (nextToken: string) => {
      const { value } = await deps.client.listExecutions({
        workflowId: deps.workflowId,
        startCreationTime: formatApiTime(new Date(from)),
        order: 'Asc',
        size: PAGE_SIZE,
        nextToken,
      });
      return { items: value.executions, nextToken: value.nextToken };
    };
    for await (const page of pages(fetchPage)) {
      for (const listed of page) {
        const run = byRunId.get(listed.runId);
        if (!run) continue;
        run.state = listed.state;
        run.createTime = listed.createTime;
        unseen.delete(run.runId);
      }
      // Listed oldest first: once every awaited run has been seen, later pages hold none of them.
      if (unseen.size === 0) break;
    }
    const now = deps.now();
    for (const runId of unseen) {
      const run = byRunId.get(runId)!;
      if (!run.createTime && isPastShowing(run.sentAt, now)) run.lost = true;
    }
    return describeStates(runs);
  };

  const result = await waitUntilFinal<string>({
    check,
    stateOf: (states) => states,
    isFinal: () => !runs.some(awaited),
    pollIntervalMs: deps.pollIntervalMs,
    deadline: deps.deadline,
    now: deps.now,
    sleep: deps.sleep,
    signal: deps.signal,
    startedAt,
    isPassingFault,
    onStateChange: (states, elapsedMs) =>
      deps.log(`Workflow runs: ${states} (${formatDuration(elapsedMs)} after the last trigger)`),
    onCheckFailed: (error, silentForMs) =>
      deps.log(
        `Listing the workflow runs failed (${errorMessage(error)}); the wait goes on ` +
          `(no answer for ${formatDuration(silentForMs)})`,
      ),
  });
  return { timedOut: result.timedOut };
}
