import { describe, expect, it } from '@jest/globals';
import { ApiError, TransportError } from '../../src/ci/errors.js';
import { retryableForIdempotentCall } from '../../src/ci/retry-rules.js';
import { retryWithBackoff, type RetryPolicy } from '../../src/waiting/retry.js';
import { fakeClock } from '../../test-support/fake-clock.js';

const policy: RetryPolicy = {
  maxAttempts: 5,
  maxElapsedMs: 60_000,
  baseDelayMs: 1000,
  maxDelayMs: 8000,
  throttleBudgetMs: 120_000,
};
const slowDown = () => new ApiError(503, 'SlowDown', 'Please reduce your request rate', 'req-1');

function failing(errors: unknown[], value = 'ok') {
  let calls = 0;
  const fn = async () => {
    const error = errors[calls++];
    if (error) throw error;
    return value;
  };
  return { fn, calls: () => calls };
}

/** An idempotent call retried under `policy` on the fake clock, until the step's deadline. */
function retryUntilDeadline(
  call: ReturnType<typeof failing>,
  clock: ReturnType<typeof fakeClock>,
  deadline: number,
  random: number,
) {
  return retryWithBackoff(call.fn, retryableForIdempotentCall, policy, {
    ...clock,
    random: () => random,
    deadline,
  });
}

describe('retryWithBackoff', () => {
  it('retries a 503 SlowDown and returns the answer that follows', async () => {
    const clock = fakeClock();
    const call = failing([slowDown(), slowDown()]);
    const warnings: string[] = [];
    const result = await retryWithBackoff(call.fn, retryableForIdempotentCall, policy, {
      ...clock,
      random: () => 0.5,
      onRetry: (error, attempt) => warnings.push(`${attempt}: ${(error as Error).message}`),
    });
    expect(result).toBe('ok');
    expect(call.calls()).toBe(3);
    expect(warnings).toEqual([
      expect.stringContaining('1: SlowDown'),
      expect.stringContaining('2: SlowDown'),
    ]);
  });

  it('draws each delay from zero up to the doubling ceiling (full jitter), capped', async () => {
    const clock = fakeClock();
    const errors = Array.from({ length: 4 }, () => new TransportError('reset', 'reset'));
    await retryWithBackoff(failing(errors).fn, retryableForIdempotentCall, policy, {
      ...clock,
      random: () => 0.999,
    });
    expect(clock.sleeps).toEqual([999, 1998, 3996, 7992]);
    const low = fakeClock();
    await retryWithBackoff(failing(errors).fn, retryableForIdempotentCall, policy, {
      ...low,
      random: () => 0,
    });
    expect(low.sleeps).toEqual([0, 0, 0, 0]);
  });

  it('waits Retry-After in full, plus a jitter of up to its own length, instead of its own delay', async () => {
    const throttled = () => new ApiError(429, 'TooManyRequests', '', 'req-2', 7000);
    const waits = [];
    for (const random of [0, 0.5, 0.999]) {
      const clock = fakeClock();
      await retryWithBackoff(failing([throttled()]).fn, retryableForIdempotentCall, policy, {
        ...clock,
        random: () => random,
      });
      waits.push(...clock.sleeps);
    }
    expect(waits).toEqual([7000, 10_500, 13_993]);
  });

  it('gives up after the last attempt and throws the last error', async () => {
    const clock = fakeClock();
    const errors = Array.from({ length: 9 }, (_, i) => new TransportError(`reset ${i}`, 'reset'));
    const call = failing(errors);
    await expect(
      retryWithBackoff(call.fn, retryableForIdempotentCall, policy, { ...clock, random: () => 0.5 }),
    ).rejects.toThrow('reset 4');
    expect(call.calls()).toBe(5);
  });

  it('makes no retry after an error that would start after the total time limit', async () => {
    const clock = fakeClock();
    const call = failing([new ApiError(500, 'InternalError', '', 'r', 50_000)]);
    await expect(
      retryWithBackoff(
        call.fn,
        retryableForIdempotentCall,
        { ...policy, maxElapsedMs: 30_000 },
        {
          ...clock,
          random: () => 0.5,
        },
      ),
    ).rejects.toThrow('InternalError');
    expect(call.calls()).toBe(1);
    expect(clock.sleeps).toEqual([]);
  });

  it('retries throttled answers apart from the attempts: ten 503s in a row, then the answer', async () => {
    const clock = fakeClock();
    const errors = [
      ...Array.from({ length: 10 }, slowDown),
      new ApiError(429, 'TooManyRequests', '', 'r'),
      new TransportError('reset', 'reset'),
    ];
    const call = failing(errors);
    const result = await retryWithBackoff(call.fn, retryableForIdempotentCall, policy, {
      ...clock,
      random: () => 0.5,
    });
    expect(result).toBe('ok');
    expect(call.calls()).toBe(13);
    // Jittered, doubling up to the longest delay, as errors are.
    expect(clock.sleeps.slice(0, 5)).toEqual([500, 1000, 2000, 4000, 4000]);
  });

  it('still counts errors among throttled answers: the attempts run out', async () => {
    const clock = fakeClock();
    const errors = Array.from({ length: 20 }, (_, i) =>
      i % 2 ? slowDown() : new ApiError(500, 'InternalError', '', `r${i}`),
    );
    const call = failing(errors);
    await expect(
      retryWithBackoff(call.fn, retryableForIdempotentCall, policy, { ...clock, random: () => 0.5 }),
    ).rejects.toThrow('InternalError');
    expect(call.calls()).toBe(2 * policy.maxAttempts - 1);
  });

  it('retries throttled answers for the throttle budget when the step has no deadline, the last at its end', async () => {
    const clock = fakeClock();
    const started = clock.now();
    const call = failing(Array.from({ length: 1000 }, slowDown));
    await expect(
      retryWithBackoff(call.fn, retryableForIdempotentCall, policy, { ...clock, random: () => 0.5 }),
    ).rejects.toThrow('SlowDown');
    expect(clock.now() - started).toBe(policy.throttleBudgetMs);
    expect(call.calls()).toBeGreaterThan(policy.maxAttempts);
  });

  it('retries throttled answers until the step deadline, past the throttle budget', async () => {
    const clock = fakeClock();
    const started = clock.now();
    const deadline = started + 600_000;
    const call = failing(Array.from({ length: 1000 }, slowDown));
    await expect(retryUntilDeadline(call, clock, deadline, 0.5)).rejects.toThrow('SlowDown');
    expect(clock.now()).toBe(deadline);
  });

  it('waits a Retry-After of 150 s, jittered, when the step has an hour left', async () => {
    const waits = [];
    for (const random of [0.1, 0.9]) {
      const clock = fakeClock();
      const call = failing([new ApiError(503, 'SlowDown', '', 'r', 150_000)]);
      await retryUntilDeadline(call, clock, clock.now() + 3_600_000, random);
      expect(call.calls()).toBe(2);
      waits.push(...clock.sleeps);
    }
    expect(waits).toEqual([150_000 + 800, 150_000 + 7200]);
  });

  it('gives up at once when a Retry-After of 150 s passes the 30 s the step has left: no sleep, no try at the deadline', async () => {
    const clock = fakeClock();
    const deadline = clock.now() + 30_000;
    const call = failing([
      new ApiError(503, 'SlowDown', '', 'r1', 150_000),
      new ApiError(503, 'SlowDown', '', 'r2', 150_000),
    ]);
    const outOfTime: Array<[number, number]> = [];
    await expect(
      retryWithBackoff(call.fn, retryableForIdempotentCall, policy, {
        ...clock,
        random: () => 0.5,
        deadline,
        onOutOfTime: (_error, askedMs, leftMs) => outOfTime.push([askedMs, leftMs]),
      }),
    ).rejects.toThrow('r1');
    expect(clock.sleeps).toEqual([]);
    expect(call.calls()).toBe(1);
    expect(outOfTime).toEqual([[150_000, 30_000]]);
  });

  it('cuts the jitter of a Retry-After that fits, so that the retry goes out by the deadline', async () => {
    const clock = fakeClock();
    const call = failing([new ApiError(503, 'SlowDown', '', 'r1', 25_000)]);
    await retryUntilDeadline(call, clock, clock.now() + 30_000, 0.9);
    expect(clock.sleeps).toEqual([30_000]);
    expect(call.calls()).toBe(2);
  });

  it('makes no retry after an error past the step deadline', async () => {
    const clock = fakeClock();
    const call = failing([new TransportError('reset', 'reset')]);
    await expect(retryUntilDeadline(call, clock, clock.now() + 500, 0.999)).rejects.toThrow('reset');
    expect(clock.sleeps).toEqual([]);
  });

  it('does not retry a 4xx other than 429', async () => {
    const call = failing([new ApiError(403, 'AccessDenied', 'no', 'req-3')]);
    await expect(
      retryWithBackoff(call.fn, retryableForIdempotentCall, policy, { ...fakeClock(), random: () => 0 }),
    ).rejects.toThrow('AccessDenied');
    expect(call.calls()).toBe(1);
  });
});
