import type { Sleep } from './sleep.js';

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  maxAttempts: number;
  /** No retry starts once this much time has passed since the first attempt. */
  maxElapsedMs: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 6,
  maxElapsedMs: 120_000,
  baseDelayMs: 1000,
  maxDelayMs: 20_000,
};

export interface RetryDeps {
  sleep: Sleep;
  now: () => number;
  random: () => number;
  signal?: AbortSignal;
  /** Called before each wait, so the caller can warn with what failed. */
  onRetry?: (error: unknown, attempt: number, delayMs: number) => void;
}

/** What a retryable failure may tell us about when to come back (`Retry-After`). */
export interface RetryHint {
  retryAfterMs?: number;
}

/**
 * Exponential back-off with full jitter (delay drawn from 0 to base·2ⁿ, capped), or the server's
 * `Retry-After` when it gave one. Bounded by attempts and by total time: a retry that would start
 * after the deadline is not made, and the last error is thrown.
 */
export async function retryWithBackoff<T>(
  attemptOnce: (attempt: number) => Promise<T>,
  classify: (error: unknown) => RetryHint | false,
  policy: RetryPolicy,
  deps: RetryDeps,
): Promise<T> {
  const started = deps.now();
  for (let attempt = 1; ; attempt++) {
    try {
      return await attemptOnce(attempt);
    } catch (error) {
      const hint = classify(error);
      if (hint === false || attempt >= policy.maxAttempts) throw error;
      const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
      const delayMs =
        hint.retryAfterMs !== undefined ? hint.retryAfterMs : Math.round(deps.random() * ceiling);
      if (deps.now() + delayMs - started > policy.maxElapsedMs) throw error;
      deps.onRetry?.(error, attempt, delayMs);
      await deps.sleep(delayMs, deps.signal);
    }
  }
}
