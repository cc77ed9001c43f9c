import { pollDelays } from './poll-schedule.js';
import type { Sleep } from './sleep.js';

export interface WaitOptions<T> {
  /** One status check. Its own failures (after its own retries) end the wait. */
  check: () => Promise<T>;
  stateOf: (value: T) => string;
  isFinal: (value: T) => boolean;
  pollIntervalMs: number;
  /** 0 waits without limit. */
  timeoutMs: number;
  now: () => number;
  sleep: Sleep;
  signal?: AbortSignal;
  /** Called once per state change, with the time since `startedAt`. */
  onStateChange?: (state: string, elapsedMs: number, value: T) => void;
  /** When the thing waited for began (a job's creation): the schedule and elapsed times count from it. */
  startedAt?: number;
  /** A value already seen (the create answer), so its state is not announced twice. */
  initial?: T;
}

export interface WaitResult<T> {
  last: T | undefined;
  timedOut: boolean;
  checks: number;
}

/** Polls on the back-off schedule until a final state, the timeout, or an abort (which throws). */
export async function waitUntilFinal<T>(options: WaitOptions<T>): Promise<WaitResult<T>> {
  const { now, sleep, signal } = options;
  const startedAt = options.startedAt ?? now();
  const deadline = options.timeoutMs > 0 ? startedAt + options.timeoutMs : Infinity;
  let last = options.initial;
  let lastState = last === undefined ? undefined : options.stateOf(last);
  let checks = 0;
  if (last !== undefined && options.isFinal(last)) return { last, timedOut: false, checks };
  const delays = pollDelays(options.pollIntervalMs);
  let nextCheckAt = startedAt;
  for (;;) {
    nextCheckAt += delays.next().value;
    // The last check is made at the deadline itself: a job that ended just before it counts as ended.
    const lastChance = nextCheckAt >= deadline;
    const checkAt = Math.min(nextCheckAt, deadline);
    await sleep(Math.max(0, checkAt - now()), signal);
    last = await options.check();
    checks++;
    const state = options.stateOf(last);
    if (state !== lastState) {
      lastState = state;
      options.onStateChange?.(state, now() - startedAt, last);
    }
    if (options.isFinal(last)) return { last, timedOut: false, checks };
    if (lastChance || now() >= deadline) return { last, timedOut: true, checks };
  }
}
