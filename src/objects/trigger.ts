/**
 * Starting workflow runs by hand (TriggerWorkflow) so that no object runs twice: a trigger whose
 * answer was lost may have started a run, so the runs of that object since the send are looked up
 * before it is sent again, for as long as a new run may take to show (./visibility.ts).
 */
import type { CiClient } from '../ci/client.js';
import { errorMessage, isAbort, isCutShort } from '../ci/errors.js';
import { pages } from '../ci/pages.js';
import { isPassingFault, mayHaveBeenProcessed } from '../ci/retry-rules.js';
import { isTaskOrRunId } from '../ci/types.js';
import { StepFailure } from '../job/ports.js';
import { formatApiTime, parseApiTime } from '../time.js';
import { waitUntilFinal } from '../waiting/waiter.js';
import { createdNoEarlierThan, RUN_SHOWS_WITHIN_MS, type RunLookupDeps } from './visibility.js';

/** Sends of one trigger at most, each after a look-up that found no run. */
export const MAX_SENDS = 3;
/** Runs of one object created since a send: more than this many pages would be another workflow's storm. */
const LOOKUP_PAGES = 10;

export interface TriggerRequest {
  workflowId: string;
  object: string;
  name?: string;
}

export interface StartedRun {
  runId: string;
  /** The trigger's request id; empty when a look-up found the run. */
  requestId: string;
  /** When the trigger that started it was sent, by this runner's clock (ms since the epoch). */
  sentAt: number;
  /** Found by a look-up, after its trigger's answer was lost. */
  found: boolean;
}

export interface TriggerDeps extends RunLookupDeps {
  /** Sends the trigger: the step's steady client, whose requests outlive a cancellation briefly. */
  sender: Pick<CiClient, 'triggerWorkflow'>;
  /** A run that cannot be this trigger's: one an earlier round failed, one another key started. */
  isTaken(runId: string): boolean;
}

/** Starts one run of the workflow on `request.object`, or finds the one a lost answer started. */
export async function triggerWithoutDuplicates(
  request: TriggerRequest,
  deps: TriggerDeps,
): Promise<StartedRun> {
  for (let send = 1; ; send++) {
    const sentAt = deps.now();
    let lost: unknown;
    try {
      const { value: runId, requestId } = await deps.sender.triggerWorkflow(request);
      return { runId, requestId, sentAt, found: false };
    } catch (error) {
      // A trigger the cancellation cut short is not looked for: the step has no time left for it.
      if (!mayHaveBeenProcessed(error) || isCutShort(error) || deps.signal?.aborted) {
        if (!isCutShort(error)) throw error;
        throw new StepFailure(
          `${errorMessage(error)}. The trigger was not sent again: the service may have started the ` +
            `run, and a second trigger would process ${request.object} twice. Look for the run in the CI console.`,
        );
      }
      lost = error;
    }
    deps.log(
      `The answer to the trigger of ${request.object} was lost (${errorMessage(lost)}); ` +
        'looking for the run it may have started',
    );
    const runId = await lookForRun(request, sentAt, lost, deps);
    if (runId) {
      deps.log(
        `Found workflow run ${runId} on ${request.object}, started by the trigger whose answer was lost`,
      );
      return { runId, requestId: '', sentAt, found: true };
    }
    if (send >= MAX_SENDS) {
      throw new StepFailure(
        `The trigger of ${request.object} was sent ${send} times, each answer lost (the last: ` +
          `${errorMessage(lost)}), and no run of it has shown up: it was not sent again.`,
      );
    }
    deps.log(
      `No run of ${request.object} shown ${Math.round(RUN_SHOWS_WITHIN_MS / 1000)} s after the trigger: sending it again`,
    );
  }
}

/**
 * Looks for the run a lost trigger may have started, on the poll schedule, until a run shows or
 * RUN_SHOWS_WITHIN_MS has passed since the send. Undefined: no run, the trigger may go again.
 */
async function lookForRun(
  request: TriggerRequest,
  sentAt: number,
  lost: unknown,
  deps: TriggerDeps,
): Promise<string | undefined> {
  const shownBy = sentAt + RUN_SHOWS_WITHIN_MS;
  const limit = deps.deadline === undefined ? shownBy : Math.min(shownBy, deps.deadline);
  const notSent = `The answer to the trigger of ${request.object} was lost (${errorMessage(lost)})`;
  let result;
  try {
    result = await waitUntilFinal<string | undefined>({
      check: () => findRun(request, sentAt, deps),
      stateOf: (runId) => runId ?? 'not found',
      isFinal: (runId) => runId !== undefined,
      pollIntervalMs: deps.pollIntervalMs,
      deadline: limit,
      now: deps.now,
      sleep: deps.sleep,
      signal: deps.signal,
      startedAt: sentAt,
      isPassingFault,
    });
  } catch (error) {
    if (isAbort(error)) throw error;
    throw new StepFailure(
      `${notSent}, and looking for the run it may have started failed (${errorMessage(error)}): ` +
        'it was not sent again, so that the object does not run twice.',
    );
  }
  if (result.last) return result.last;
  if (limit < shownBy) {
    throw new StepFailure(
      `${notSent}, and no run of it had shown up when the timeout passed: it was not sent again, ` +
        'since the service may still show one.',
    );
  }
  return undefined;
}

/**
 * The newest run of the object created since the send that no one else has. The list is asked
 * from the earliest time the clock allows; the answer's own `Date` then narrows it to the send.
 */
async function findRun(
  request: TriggerRequest,
  sentAt: number,
  deps: TriggerDeps,
): Promise<string | undefined> {
  const since = formatApiTime(new Date(createdNoEarlierThan(sentAt, deps.clock)));
  let found: string | undefined;
  let count = 0;
  const fetchPage = async (nextToken: string) => {
    const { value } = await deps.client.listExecutions({
      workflowId: request.workflowId,
      name: request.object,
      startCreationTime: since,
      order: 'Asc',
      size: 100,
      nextToken,
    });
    return { items: value.executions, nextToken: value.nextToken };
  };
  for await (const page of pages(fetchPage)) {
    const earliest = createdNoEarlierThan(sentAt, deps.clock);
    for (const run of page) {
      // A time that cannot be read leaves the list's own window to judge.
      const created = parseApiTime(run.createTime)?.getTime() ?? Infinity;
      const ours =
        run.object === request.object &&
        isTaskOrRunId(run.runId) &&
        !deps.isTaken(run.runId) &&
        created >= Math.floor(earliest / 1000) * 1000;
      if (ours) found = run.runId;
    }
    if (++count >= LOOKUP_PAGES) break;
  }
  return found;
}
