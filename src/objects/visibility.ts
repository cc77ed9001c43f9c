/**
 * When the service shows a workflow run that a trigger started, and from when it may say it was
 * created. The docs do not say whether a run can be described or listed at once after
 * TriggerWorkflow answers: a run not shown yet (`ResourceNotFound`, or missing from the list) is
 * looked for again, and only counts as lost when it still does not show this long after its trigger.
 */
import type { CiClient, ClockCorrection } from '../ci/client.js';
import { CREATION_MARGIN_MS } from '../job/own-job.js';
import type { Sleep } from '../waiting/sleep.js';

export const RUN_SHOWS_WITHIN_MS = 60_000;

/**
 * A run's CreateTime is cut to the second, and an answer's `Date` shows the service's clock a
 * little low, never high: a run a trigger started is never more than this before the send.
 */
const ANSWERED_CLOCK_SLACK_MS = 2000;

/**
 * The earliest creation time (ms since the epoch, on the service's clock) of a run started by a
 * trigger sent at `sentAt`, by this runner's clock. Once an answer has shown the service's clock,
 * two seconds before the send; until then, the margin the main step allows a lost create's job.
 */
export function createdNoEarlierThan(sentAt: number, clock: ClockCorrection): number {
  return clock.answeredOffsetMs === undefined
    ? sentAt + clock.offsetMs - CREATION_MARGIN_MS
    : sentAt + clock.answeredOffsetMs - ANSWERED_CLOCK_SLACK_MS;
}

/** A trigger sent at `sentAt` whose run has not shown by `now` will not: it counts as lost. */
export function isPastShowing(sentAt: number, now: number): boolean {
  return now - sentAt >= RUN_SHOWS_WITHIN_MS;
}

/** What looking for runs on the poll schedule needs: the list, the step's time and the service's clock. */
export interface RunLookupDeps {
  client: Pick<CiClient, 'listExecutions'>;
  pollIntervalMs: number;
  /** The step's deadline (ms since the epoch); absent: no limit. */
  deadline?: number;
  now(): number;
  sleep: Sleep;
  signal?: AbortSignal;
  /** The service's clock, as the step's clients learn it from their answers. */
  clock: ClockCorrection;
  log(message: string): void;
}
