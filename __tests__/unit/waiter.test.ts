import { describe, expect, it } from '@jest/globals';
import { AbortedError } from '../../src/waiting/sleep.js';
import { WaitStalledError, waitUntilFinal, type WaitOptions } from '../../src/waiting/waiter.js';
import { fakeClock } from '../../test-support/fake-clock.js';

/** A job that is in `states[i]` from `i` seconds after start on. */
function jobAt(clock: ReturnType<typeof fakeClock>, start: number, endsAfterMs: number) {
  let calls = 0;
  return {
    check: async () => {
      calls++;
      const elapsed = clock.now() - start;
      return elapsed >= endsAfterMs ? 'Success' : elapsed >= 500 ? 'Running' : 'Submitted';
    },
    calls: () => calls,
  };
}

/** Waits on the fake clock, from `start`, for checks that answer a state, polling up to every 10 s until `Success`. */
function waitForSuccess(
  clock: ReturnType<typeof fakeClock>,
  start: number,
  options: Pick<WaitOptions<string>, 'check'> & Partial<WaitOptions<string>>,
) {
  return waitUntilFinal<string>({
    stateOf: (s) => s,
    isFinal: (s) => s === 'Success',
    pollIntervalMs: 10_000,
    ...clock,
    startedAt: start,
    ...options,
  });
}

/** Waits with the given timeout for a job (see jobAt) that ends `endsAfterMs` after the wait starts. */
async function waitForJobEndingAfter(endsAfterMs: number, timeoutMs: number) {
  const clock = fakeClock();
  const start = clock.now();
  const job = jobAt(clock, start, endsAfterMs);
  const result = await waitForSuccess(clock, start, { check: job.check, deadline: start + timeoutMs });
  return { result, elapsedMs: clock.now() - start, checks: job.calls() };
}

describe('waitUntilFinal', () => {
  it('notices a 3 s job within 2 s of its end, with few checks', async () => {
    const { result, elapsedMs, checks } = await waitForJobEndingAfter(3000, 60_000);
    expect(result).toMatchObject({ last: 'Success', timedOut: false });
    expect(elapsedMs - 3000).toBeLessThanOrEqual(2000);
    expect(checks).toBeLessThanOrEqual(6);
  });

  it('announces each state once, with the elapsed time', async () => {
    const clock = fakeClock();
    const start = clock.now();
    const changes: Array<[string, number]> = [];
    await waitForSuccess(clock, start, {
      check: jobAt(clock, start, 25_000).check,
      initial: 'Submitted',
      onStateChange: (state, elapsed) => changes.push([state, elapsed]),
    });
    expect(changes).toEqual([
      ['Running', 1000],
      ['Success', 30_000],
    ]);
  });

  it('times out with a last check at the deadline', async () => {
    const { result, elapsedMs } = await waitForJobEndingAfter(60_000, 15_000);
    expect(result).toMatchObject({ last: 'Running', timedOut: true });
    expect(elapsedMs).toBe(15_000);
  });

  it('counts a job that ended at the deadline as ended', async () => {
    const { result } = await waitForJobEndingAfter(15_000, 15_000);
    expect(result).toMatchObject({ last: 'Success', timedOut: false });
  });

  it('stops with AbortedError when the run is cancelled during a pause', async () => {
    const controller = new AbortController();
    const clock = fakeClock();
    const sleep = async (ms: number, signal?: AbortSignal) => {
      controller.abort();
      if (signal?.aborted) throw new AbortedError();
      await clock.sleep(ms);
    };
    await expect(
      waitUntilFinal({
        check: async () => 'Running',
        stateOf: (s) => s,
        isFinal: () => false,
        pollIntervalMs: 1000,
        now: clock.now,
        sleep,
        signal: controller.signal,
      }),
    ).rejects.toBeInstanceOf(AbortedError);
  });

  it('after a slow create, checks from the job on: one a second at first, never back to back', async () => {
    const clock = fakeClock();
    const start = clock.now();
    clock.advance(20_000); // the create took 20 s of throttled retries
    const checkedAt: number[] = [];
    await waitForSuccess(clock, start, {
      check: async () => {
        checkedAt.push(clock.now() - start);
        return checkedAt.length >= 4 ? 'Success' : 'Running';
      },
      deadline: start + 60_000,
    });
    expect(checkedAt).toEqual([21_000, 22_000, 24_000, 27_000]);
  });

  it('after a check that spent long in retries, sends the next once, a gap after it, and goes on from there', async () => {
    const clock = fakeClock();
    const start = clock.now();
    const checks: Array<[number, number]> = [];
    await waitForSuccess(clock, start, {
      check: async () => {
        const began = clock.now() - start;
        if (checks.length === 2) clock.advance(30_000); // the third check retried for 30 s
        checks.push([began, clock.now() - start]);
        return checks.length >= 6 ? 'Success' : 'Running';
      },
    });
    expect(checks).toEqual([
      [1000, 1000],
      [2000, 2000],
      [4000, 34_000],
      [37_000, 37_000],
      [42_000, 42_000],
      [50_000, 50_000],
    ]);
  });

  const passing = (error: unknown) => (error as Error).message.startsWith('503');

  it('goes on through four minutes of failed checks and reports the job that ended meanwhile', async () => {
    const clock = fakeClock();
    const start = clock.now();
    const failures: number[] = [];
    const result = await waitForSuccess(clock, start, {
      check: async () => {
        const elapsed = clock.now() - start;
        if (elapsed > 30_000 && elapsed < 270_000) throw new Error('503 ServiceUnavailable');
        return elapsed < 60_000 ? 'Running' : 'Success';
      },
      deadline: start + 3_600_000,
      isPassingFault: passing,
      onCheckFailed: (_error, silentForMs) => failures.push(silentForMs),
    });
    expect(result).toMatchObject({ last: 'Success', timedOut: false });
    expect(clock.now() - start).toBeLessThanOrEqual(280_000);
    expect(failures.length).toBeGreaterThan(20);
    expect(Math.max(...failures)).toBeLessThan(300_000);
  });

  it('gives up, saying so, when no check has succeeded for five minutes', async () => {
    const clock = fakeClock();
    const start = clock.now();
    const wait = waitForSuccess(clock, start, {
      check: async () => {
        if (clock.now() - start > 20_000) throw new Error('503 ServiceUnavailable (request id r-9)');
        return 'Running';
      },
      deadline: start + 3_600_000,
      isPassingFault: passing,
    });
    await expect(wait).rejects.toBeInstanceOf(WaitStalledError);
    await expect(wait).rejects.toThrow(
      /^no status check has succeeded for 5m 0\ds \(\d+ failed in a row\), so the wait gave up; the last failure: 503 ServiceUnavailable \(request id r-9\)$/,
    );
    const lastSuccess = 20_000;
    expect(clock.now() - start - lastSuccess).toBeGreaterThanOrEqual(300_000);
    expect(clock.now() - start - lastSuccess).toBeLessThanOrEqual(310_000);
  });

  it('times out, not gives up, when the timeout comes before five minutes of failures', async () => {
    const clock = fakeClock();
    const start = clock.now();
    const result = await waitForSuccess(clock, start, {
      check: async () => {
        if (clock.now() - start > 5_000) throw new Error('503 SlowDown');
        return 'Running';
      },
      deadline: start + 120_000,
      isPassingFault: passing,
    });
    expect(result).toMatchObject({ last: 'Running', timedOut: true });
    expect(clock.now() - start).toBe(120_000);
  });

  it('ends at once on a failure that says something about the job', async () => {
    const clock = fakeClock();
    let calls = 0;
    await expect(
      waitUntilFinal({
        check: async () => {
          calls++;
          throw new Error('Job b1 does not exist');
        },
        stateOf: (s: string) => s,
        isFinal: (s) => s === 'Success',
        pollIntervalMs: 10_000,
        ...clock,
        isPassingFault: passing,
      }),
    ).rejects.toThrow('does not exist');
    expect(calls).toBe(1);
  });
});
