import type { Sleep } from './sleep.js';

/**
 * How fast a step may send. The defaults are those of the AWS SDKs' adaptive retry mode
 * (botocore `retries/adaptive.py`, AWS SDK for JavaScript v3 `DefaultRateLimiter`).
 */
export interface PacingTuning {
  /** The lowest fill rate, in requests per second, however often the step is throttled. */
  minRatePerSecond: number;
  /** After a throttled answer the rate drops to this share of the rate it was sending at. */
  beta: number;
  /** How steeply CUBIC climbs back once the rate it was throttled at is reached again. */
  scaleConstant: number;
  /** Weight of the latest half-second in the measured send rate. */
  smoothing: number;
}

export const DEFAULT_PACING: PacingTuning = {
  minRatePerSecond: 0.5,
  beta: 0.7,
  scaleConstant: 0.4,
  smoothing: 0.8,
};

/** The measured send rate is counted in half-second buckets. */
const BUCKETS_PER_SECOND = 2;

export interface PacingDeps {
  /** Milliseconds, like Date.now. */
  now: () => number;
  sleep: Sleep;
  /** Default Math.random. */
  random?: () => number;
}

/**
 * A client-side rate limiter for one step, shared by all of its clients: a token bucket whose fill
 * rate follows CUBIC, as the AWS SDKs' adaptive retry mode does. It lets every request through at
 * once until the first throttled answer; from then on each request takes a token, the rate drops
 * to `beta` × the measured send rate at each throttled answer (never below `minRatePerSecond`),
 * and climbs back along a cubic curve as answers succeed, never above twice the measured rate.
 *
 * One change to the SDKs' bucket: a throttled answer empties it, and leaves a debt of up to one
 * token drawn at random. The SDKs pace one client's threads; here many steps are throttled in the
 * same instant, and with the same floor rate would all come back in the same instant too.
 */
export class RequestPacer {
  private readonly tuning: PacingTuning;
  private enabled = false;
  /** Tokens per second, and the bucket's size (at least one token: no burst beyond a second's worth). */
  private fillRate: number;
  private capacity = 1;
  /** Below zero after a throttled answer: the debt to pay back before the next request. */
  private tokens = 0;
  private lastRefill: number | undefined;
  /** Send rate measured over half-second buckets, smoothed. */
  private measuredRate = 0;
  private answersInBucket = 0;
  private lastBucket: number;
  /** CUBIC's state: the rate of the last throttled answer, when it came, and the time to climb back to it. */
  private lastMaxRate = 0;
  private lastThrottleAt: number;
  private timeToMaxRate = 0;

  constructor(
    private readonly deps: PacingDeps,
    tuning: Partial<PacingTuning> = {},
  ) {
    this.tuning = { ...DEFAULT_PACING, ...tuning };
    this.fillRate = this.tuning.minRatePerSecond;
    const now = this.seconds();
    this.lastThrottleAt = now;
    this.lastBucket = Math.floor(now);
  }

  /** Requests per second the bucket lets through now; undefined until the first throttled answer. */
  get ratePerSecond(): number | undefined {
    return this.enabled ? this.fillRate : undefined;
  }

  /** Waits for a token before a request is sent (at once while no answer has been throttled). */
  async acquire(signal?: AbortSignal): Promise<void> {
    if (!this.enabled) return;
    // Checked again after each sleep: the rate may have dropped meanwhile, or a request that
    // shares this bucket may have taken the token.
    for (;;) {
      this.refill();
      if (this.tokens >= 1) {
        this.tokens -= 1;
        return;
      }
      await this.deps.sleep(Math.ceil(((1 - this.tokens) / this.fillRate) * 1000), signal);
    }
  }

  /** Every answer (or failure) of a request that was sent, throttled or not. */
  record(throttled: boolean): void {
    const measured = this.measureSendRate();
    const now = this.seconds();
    if (!throttled) {
      this.timeToMaxRate = this.cubicTimeToMaxRate();
      const rate =
        this.tuning.scaleConstant * (now - this.lastThrottleAt - this.timeToMaxRate) ** 3 + this.lastMaxRate;
      this.setRate(Math.min(rate, 2 * measured));
      return;
    }
    const throttledAt = this.enabled ? Math.min(measured, this.fillRate) : measured;
    this.lastMaxRate = throttledAt;
    this.timeToMaxRate = this.cubicTimeToMaxRate();
    this.lastThrottleAt = now;
    this.enabled = true;
    this.setRate(Math.min(throttledAt * this.tuning.beta, 2 * measured));
    this.tokens = -(this.deps.random ?? Math.random)();
  }

  /** CUBIC's K: how long after a throttle the curve is back at the rate that was throttled. */
  private cubicTimeToMaxRate(): number {
    return Math.cbrt((this.lastMaxRate * (1 - this.tuning.beta)) / this.tuning.scaleConstant);
  }

  private setRate(rate: number): void {
    // Tokens earned so far were earned at the old rate.
    this.refill();
    this.fillRate = Math.max(rate, this.tuning.minRatePerSecond);
    this.capacity = Math.max(rate, 1);
    this.tokens = Math.min(this.tokens, this.capacity);
  }

  private refill(): void {
    const now = this.seconds();
    if (this.lastRefill !== undefined) {
      this.tokens = Math.min(this.capacity, this.tokens + (now - this.lastRefill) * this.fillRate);
    }
    this.lastRefill = now;
  }

  private measureSendRate(): number {
    const bucket = Math.floor(this.seconds() * BUCKETS_PER_SECOND) / BUCKETS_PER_SECOND;
    this.answersInBucket++;
    if (bucket > this.lastBucket) {
      const rate = this.answersInBucket / (bucket - this.lastBucket);
      const { smoothing } = this.tuning;
      this.measuredRate = rate * smoothing + this.measuredRate * (1 - smoothing);
      this.answersInBucket = 0;
      this.lastBucket = bucket;
    }
    return this.measuredRate;
  }

  private seconds(): number {
    return this.deps.now() / 1000;
  }
}
