import { describe, expect, it } from '@jest/globals';
import { pollDelays } from '../../src/waiting/poll-schedule.js';
import { AbortedError } from '../../src/waiting/sleep.js';
import { waitUntilFinal } from '../../src/waiting/waiter.js';
import { fakeClock } from './fake-clock.js';

function take(n: number, delays: Generator<number>): number[] {
  return Array.from({ length: n }, () => delays.next().value as number);
}

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

describe('poll schedule', () => {
  it('starts at one second and climbs to the poll interval', () => {
    expect(take(9, pollDelays(10_000))).toEqual([1000, 1000, 2000, 3000, 5000, 8000, 10_000, 10_000, 10_000]);
  });

  it('never exceeds a poll interval shorter than a second', () => {
    expect(take(4, pollDelays(250))).toEqual([250, 250, 250, 250]);
  });
});

describe('waitUntilFinal', () => {
  it('notices a 3 s job within 2 s of its end, with few checks', async () => {
    const clock = fakeClock();
    const start = clock.now();
    const job = jobAt(clock, start, 3000);
    const result = await waitUntilFinal({
      check: job.check,
      stateOf: (s) => s,
      isFinal: (s) => s === 'Success',
      pollIntervalMs: 10_000,
      timeoutMs: 60_000,
      ...clock,
      startedAt: start,
    });
    expect(result).toMatchObject({ last: 'Success', timedOut: false });
    expect(clock.now() - start - 3000).toBeLessThanOrEqual(2000);
    expect(job.calls()).toBeLessThanOrEqual(6);
  });

  it('announces each state once, with the elapsed time', async () => {
    const clock = fakeClock();
    const start = clock.now();
    const changes: Array<[string, number]> = [];
    await waitUntilFinal({
      check: jobAt(clock, start, 25_000).check,
      stateOf: (s) => s,
      isFinal: (s) => s === 'Success',
      pollIntervalMs: 10_000,
      timeoutMs: 0,
      ...clock,
      startedAt: start,
      initial: 'Submitted',
      onStateChange: (state, elapsed) => changes.push([state, elapsed]),
    });
    expect(changes).toEqual([
      ['Running', 1000],
      ['Success', 30_000],
    ]);
  });

  it('times out with a last check at the deadline', async () => {
    const clock = fakeClock();
    const start = clock.now();
    const job = jobAt(clock, start, 60_000);
    const result = await waitUntilFinal({
      check: job.check,
      stateOf: (s) => s,
      isFinal: (s) => s === 'Success',
      pollIntervalMs: 10_000,
      timeoutMs: 15_000,
      ...clock,
      startedAt: start,
    });
    expect(result).toMatchObject({ last: 'Running', timedOut: true });
    expect(clock.now() - start).toBe(15_000);
  });

  it('counts a job that ended at the deadline as ended', async () => {
    const clock = fakeClock();
    const start = clock.now();
    const result = await waitUntilFinal({
      check: jobAt(clock, start, 15_000).check,
      stateOf: (s) => s,
      isFinal: (s) => s === 'Success',
      pollIntervalMs: 10_000,
      timeoutMs: 15_000,
      ...clock,
      startedAt: start,
    });
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
        timeoutMs: 0,
        now: clock.now,
        sleep,
        signal: controller.signal,
      }),
    ).rejects.toBeInstanceOf(AbortedError);
  });
});
