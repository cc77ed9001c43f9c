/** A quota shared by every client, as the service's gateway keeps one: N requests in any one second. */
import type { RateLimit } from './types.js';

/** The answer past the quota, as the API gives it under load (docs/api-notes.md › Errors). */
export const THROTTLED = {
  status: 503,
  code: 'SlowDown',
  message: 'Please reduce your request rate.',
} as const;

export class SharedRateLimit {
  private limit: RateLimit | undefined;
  /** When each request admitted in the last second came (ms, oldest first). */
  private readonly admitted: number[] = [];

  constructor(limit?: RateLimit) {
    this.set(limit);
  }

  set(limit: RateLimit | undefined): void {
    if (limit !== undefined) checkRateLimit(limit);
    this.limit = limit;
    this.admitted.length = 0;
  }

  /**
   * Undefined when the request at `now` is admitted (it then counts against the quota); otherwise
   * the limit it ran into. Throttled requests do not count: the gateway did no work for them.
   */
  throttle(now: number): RateLimit | undefined {
    const { limit } = this;
    if (!limit) return undefined;
    while (this.admitted.length > 0 && (this.admitted[0] as number) <= now - 1000) this.admitted.shift();
    if (this.admitted.length >= limit.perSecond) return limit;
    this.admitted.push(now);
    return undefined;
  }
}

/** Checks a limit given in process, on the command line, or as JSON (the admin endpoint). */
export function checkRateLimit(value: unknown): RateLimit {
  const limit = value as Partial<RateLimit> | null;
  const { perSecond, retryAfterSeconds } = limit ?? {};
  if (
    typeof limit !== 'object' ||
    limit === null ||
    typeof perSecond !== 'number' ||
    !Number.isInteger(perSecond) ||
    perSecond < 0 ||
    (retryAfterSeconds !== undefined &&
      (typeof retryAfterSeconds !== 'number' ||
        !Number.isInteger(retryAfterSeconds) ||
        retryAfterSeconds < 0))
  ) {
    throw new Error('a rate limit is { perSecond: integer ≥ 0, retryAfterSeconds?: integer ≥ 0 }');
  }
  return limit as RateLimit;
}
