/**
 * Gaps between status checks: a Fibonacci climb from one second up to `poll-interval`.
 * Short jobs are noticed within a second or two; long ones cost one call per interval.
 */
export function* pollDelays(pollIntervalMs: number, firstMs = 1000): Generator<number, never> {
  let previous = 0;
  let current = Math.min(firstMs, pollIntervalMs);
  for (;;) {
    yield current;
    const next = Math.min(previous + current || firstMs, pollIntervalMs);
    previous = current;
    current = next;
  }
}
