import { errorMessage } from '../ci/errors.js';
import { formatDuration } from '../time.js';
import { pollDelays } from './poll-schedule.js';
import type { Sleep } from './sleep.js';

/** How long a wait goes on while every status check fails. */
export const DEFAULT_MAX_SILENCE_MS = 5 * 60_000;

/** A long wait says it is still waiting this often at most, and never more often than it checks. */
export const HEARTBEAT_MS = 5 * 60_000;

export interface WaitOptions<T> {
  /** One status check, with its own retries. */
  check: () => Promise<T>;
  stateOf: (value: T) => string;
  isFinal: (value: T) => boolean;
  pollIntervalMs: number;
  /** When the wait times out (ms since the epoch; the step's deadline); absent: never. */
  deadline?: number;
  now: () => number;
  sleep: Sleep;
  signal?: AbortSignal;
  /** Called once per state change, with the time since `startedAt`. */
  onStateChange?: (state: string, elapsedMs: number, value: T) => void;
  /**
   * Called before a pause when the wait has said nothing for HEARTBEAT_MS (no state change, no
   * failed check), with the state still seen, the time since `startedAt` and the pause ahead: a
   * wait of hours is not silent for hours.
   */
  onStillWaiting?: (state: string, elapsedMs: number, nextCheckInMs: number) => void;
  /** When the thing waited for began (a job's creation): the schedule and elapsed times count from it. */
  startedAt?: number;
  /** A value already seen (the create answer), so its state is not announced twice. */
  initial?: T;
  /**
   * A failed check that says nothing about what is waited for (the network or the API is having a
   * bad patch): the wait goes on, until no check has succeeded for `maxSilenceMs`. Any other
   * failure ends the wait at once; without this, every failure does.
   */
  isPassingFault?: (error: unknown) => boolean;
  /** Default five minutes. */
  maxSilenceMs?: number;
  /** Called after each check that failed and did not end the wait. */
  onCheckFailed?: (error: unknown, silentForMs: number) => void;
}

export interface WaitResult<T> {
  last: T | undefined;
  timedOut: boolean;
  checks: number;
}

/** No status check succeeded for too long: the wait gave up. The last failure is its cause. */
export class WaitStalledError extends Error {
  override readonly name = 'WaitStalledError';
  constructor(
    readonly silentForMs: number,
    readonly failedChecks: number,
    cause: unknown,
  ) {
    super(
      `no status check has succeeded for ${formatDuration(silentForMs)} (${failedChecks} failed in a row), ` +
        `so the wait gave up; the last failure: ${errorMessage(cause)}`,
      { cause },
    );
  }
}

/**
 * Polls on the back-off schedule until a final state, the timeout, an abort (which throws), or a
 * failure that does not pass (which throws too).
 */
export async function waitUntilFinal<T>(options: WaitOptions<T>): Promise<WaitResult<T>> {
  const { now, sleep, signal } = options;
  const startedAt = options.startedAt ?? now();
  const deadline = options.deadline ?? Infinity;
  const maxSilenceMs = options.maxSilenceMs ?? DEFAULT_MAX_SILENCE_MS;
  let last = options.initial;
  let lastState = last === undefined ? undefined : options.stateOf(last);
  let checks = 0;
  let failedInARow = 0;
  let lastSuccessAt = now();
  // When the wait last said something: the caller's own line before it, a state change, a failure.
  let lastSaidAt = now();
  if (last !== undefined && options.isFinal(last)) return { last, timedOut: false, checks };
  const delays = pollDelays(options.pollIntervalMs);
  let nextCheckAt = startedAt;
  let checkEndedAt = now();
  for (;;) {
    const delay = delays.next().value;
    // On schedule, checks keep to it; a check that is late (after a slow create, or a check that
    // spent long in retries) goes out once, and the schedule goes on from it: never a burst of
    // checks making up for missed ones.
    nextCheckAt = nextCheckAt + delay >= checkEndedAt ? nextCheckAt + delay : checkEndedAt + delay;
    // The last check is made at the deadline itself: a job that ended just before it counts as ended.
    const lastChance = nextCheckAt >= deadline;
    const checkAt = Math.min(nextCheckAt, deadline);
    // Once per check at most: after a check, before the pause to the next.
    if (
      options.onStillWaiting &&
      lastState !== undefined &&
      checks > 0 &&
      now() - lastSaidAt >= HEARTBEAT_MS
    ) {
      lastSaidAt = now();
      options.onStillWaiting(lastState, now() - startedAt, Math.max(0, checkAt - now()));
    }
    await sleep(Math.max(0, checkAt - now()), signal);
    let succeeded = false;
    try {
      last = await options.check();
      succeeded = true;
      lastSuccessAt = now();
      failedInARow = 0;
    } catch (error) {
      if (!options.isPassingFault?.(error)) throw error;
      failedInARow++;
      const silentForMs = now() - lastSuccessAt;
      if (silentForMs >= maxSilenceMs && !lastChance && now() < deadline) {
        throw new WaitStalledError(silentForMs, failedInARow, error);
      }
      if (options.onCheckFailed) {
        lastSaidAt = now();
        options.onCheckFailed(error, silentForMs);
      }
    } finally {
      checks++;
      checkEndedAt = now();
    }
    if (succeeded) {
      const state = options.stateOf(last as T);
      if (state !== lastState) {
        lastState = state;
        lastSaidAt = now();
        options.onStateChange?.(state, now() - startedAt, last as T);
      }
      if (options.isFinal(last as T)) return { last, timedOut: false, checks };
    }
    if (lastChance || now() >= deadline) return { last, timedOut: true, checks };
  }
}
