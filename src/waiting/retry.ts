import type { Sleep } from './sleep.js';

export interface RetryPolicy {
  /** Attempts in all, the first included; throttled answers do not count. */
  maxAttempts: number;
  /** No retry after an error starts once this much time has passed since the first attempt. */
  maxElapsedMs: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /**
   * Throttled answers are retried for this long after the first attempt (default two minutes)
   * when the step has no deadline; a step with a deadline retries them until its deadline.
   */
  throttleBudgetMs?: number;
}

const DEFAULT_THROTTLE_BUDGET_MS = 120_000;

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 6,
  maxElapsedMs: 120_000,
  baseDelayMs: 1000,
  maxDelayMs: 20_000,
  throttleBudgetMs: DEFAULT_THROTTLE_BUDGET_MS,
};

export interface RetryDeps {
  sleep: Sleep;
  now: () => number;
  random: () => number;
  signal?: AbortSignal;
  /** When the step's own time ends (ms since the epoch): no retry waits past it. */
  deadline?: number;
  /** Called before each wait, so the caller can warn with what failed. */
  onRetry?: (error: unknown, attempt: number, delayMs: number) => void;
  /** Called when a throttled call is given up because the wait it asks for passes the deadline. */
  onOutOfTime?: (error: unknown, askedMs: number, leftMs: number) => void;
}

/** What a retryable failure may tell us about when to come back. */
export interface RetryHint {
  /** `Retry-After`, in ms. */
  retryAfterMs?: number;
  /** The service shed load (429, 503, `SlowDown`): retried on a budget of time, not of attempts. */
  throttled?: boolean;
}

/**
 * Exponential back-off with full jitter (delay drawn from 0 to base·2ⁿ, capped). A `Retry-After`
 * is waited in full plus a jitter of up to its own length (at least the base delay, at most the
 * longest delay), so that clients throttled together do not come back together.
 *
 * Errors are bounded by attempts and total time: a retry that would start after either limit is
 * not made, and the last error is thrown. Throttled answers are retried until the step's deadline
 * (or the throttle budget). No retry is made whose wait would end past it: when the service asks
 * for more time than is left (`Retry-After`), the throttled answer is thrown at once, rather than
 * the step sleeping to its end and sending a request it has no time left to follow (a create
 * whose job nothing would watch). A back-off of our own is cut to what is left.
 */
export async function retryWithBackoff<T>(
  attemptOnce: (attempt: number) => Promise<T>,
  classify: (error: unknown) => RetryHint | false,
  policy: RetryPolicy,
  deps: RetryDeps,
): Promise<T> {
  const started = deps.now();
  const throttledUntil = deps.deadline ?? started + (policy.throttleBudgetMs ?? DEFAULT_THROTTLE_BUDGET_MS);
  const erroredUntil = Math.min(deps.deadline ?? Infinity, started + policy.maxElapsedMs);
  let errors = 0;
  let throttles = 0;
  for (let attempt = 1; ; attempt++) {
    try {
      return await attemptOnce(attempt);
    } catch (error) {
      const hint = classify(error);
      if (hint === false) throw error;
      let delayMs: number;
      if (hint.throttled) {
        const left = throttledUntil - deps.now();
        const asked = hint.retryAfterMs ?? 0;
        if (left <= 0 || asked >= left) {
          deps.onOutOfTime?.(error, asked, Math.max(0, left));
          throw error;
        }
        delayMs = Math.min(backoff(policy, ++throttles, hint, deps.random), left);
      } else {
        if (++errors >= policy.maxAttempts) throw error;
        delayMs = backoff(policy, errors, hint, deps.random);
        if (deps.now() + delayMs > erroredUntil) throw error;
      }
      deps.onRetry?.(error, attempt, delayMs);
      await deps.sleep(delayMs, deps.signal);
    }
  }
}

function backoff(policy: RetryPolicy, retry: number, hint: RetryHint, random: () => number): number {
  if (hint.retryAfterMs !== undefined) {
    const spread = Math.min(Math.max(hint.retryAfterMs, policy.baseDelayMs), policy.maxDelayMs);
    return hint.retryAfterMs + Math.round(random() * spread);
  }
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1));
  return Math.round(random() * ceiling);
}
