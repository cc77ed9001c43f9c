import { describe, expect, it } from '@jest/globals';
import { RequestPacer } from '../../src/waiting/pacing.js';
import { AbortedError } from '../../src/waiting/sleep.js';
import { fakeClock } from '../../test-support/fake-clock.js';

const LATENCY_MS = 50;

/**
 * A client that sends as fast as its pacer lets it (each request takes LATENCY_MS) to a service
 * that admits `quota(t)` requests in any one second and throttles the rest. Returns each send's
 * time (ms after the start) and whether it was throttled.
 */
async function simulate(seconds: number, quota: (atMs: number) => number, random = 0.5) {
  const clock = fakeClock();
  const start = clock.now();
  const pacer = new RequestPacer({ ...clock, random: () => random });
  const sends: Array<{ at: number; throttled: boolean }> = [];
  let fastestRate = 0;
  while (clock.now() - start < seconds * 1000) {
    await pacer.acquire();
    const at = clock.now() - start;
    const admitted = sends.filter((s) => !s.throttled && s.at > at - 1000).length;
    const throttled = admitted >= quota(at);
    sends.push({ at, throttled });
    clock.advance(LATENCY_MS);
    pacer.record(throttled);
    fastestRate = Math.max(fastestRate, pacer.ratePerSecond ?? 0);
  }
  const between = (from: number, to: number) => sends.filter((s) => s.at >= from * 1000 && s.at < to * 1000);
  const throttledShare = (from: number, to: number) =>
    between(from, to).filter((s) => s.throttled).length / between(from, to).length;
  return { pacer, sends, between, throttledShare, fastestRate };
}

describe('RequestPacer', () => {
  it('lets every request through at once until an answer is throttled', async () => {
    const clock = fakeClock();
    const pacer = new RequestPacer({ ...clock, random: () => 0.5 });
    for (let i = 0; i < 100; i++) {
      await pacer.acquire();
      clock.advance(10);
      pacer.record(false);
    }
    expect(clock.sleeps).toEqual([]);
    expect(pacer.ratePerSecond).toBeUndefined();
  });

  it('slows to about what the service admits after throttled answers', async () => {
    // Unpaced, the client would send 20 requests a second, three in four of them throttled.
    const { between, throttledShare } = await simulate(60, () => 5);
    const perSecond = between(30, 60).length / 30;
    expect(perSecond).toBeGreaterThan(3.5);
    expect(perSecond).toBeLessThan(5.5);
    expect(throttledShare(30, 60)).toBeLessThan(0.3);
  });

  it('recovers its rate as answers succeed once the service stops throttling', async () => {
    const { between, pacer } = await simulate(80, (at) => (at < 30_000 ? 2 : Infinity));
    expect(between(20, 30).length / 10).toBeLessThan(4);
    // Within ten seconds of the throttling's end it sends at the unpaced 20 a second again.
    expect(between(40, 50).length / 10).toBeGreaterThan(15);
    expect(pacer.ratePerSecond).toBeGreaterThan(15);
  });

  it("never sends faster than its rate, beyond the second's worth of tokens its bucket holds", async () => {
    const clock = fakeClock();
    const pacer = new RequestPacer({ ...clock, random: () => 0.5 });
    // Three seconds at ten answers a second, then one throttled: the rate drops to 0.7 × 10.
    for (let i = 0; i < 30; i++) {
      await pacer.acquire();
      clock.advance(100);
      pacer.record(false);
    }
    pacer.record(true);
    const throttledAt = clock.now();
    const rate = pacer.ratePerSecond as number;
    expect(rate).toBeGreaterThan(6);
    expect(rate).toBeLessThan(7.5);
    const sentAt: number[] = [];
    for (let i = 0; i < 50; i++) {
      await pacer.acquire();
      sentAt.push(clock.now() - throttledAt);
    }
    // The (k+1)-th request needs k+1 tokens: at most `rate` held, the rest earned at `rate`.
    sentAt.forEach((at, k) => expect(at).toBeGreaterThanOrEqual(((k + 1 - rate) / rate) * 1000 - 1));
    const steady = sentAt
      .slice(Math.ceil(rate))
      .map((at, i) => at - (sentAt[i + Math.ceil(rate) - 1] as number));
    expect(Math.min(...steady)).toBeGreaterThanOrEqual(Math.floor(1000 / rate));
  });

  it('while the service throttles, sends no more in any second than twice its fastest rate', async () => {
    const { sends, fastestRate } = await simulate(60, (at) => (at < 20_000 ? 3 : 6));
    const paced = sends.slice(sends.findIndex((s) => s.throttled) + 1);
    const busiest = Math.max(
      ...paced.map((send) => paced.filter((s) => s.at >= send.at && s.at < send.at + 1000).length),
    );
    // A second's worth held, and a second's worth earned.
    expect(busiest).toBeLessThanOrEqual(2 * fastestRate);
    expect(fastestRate).toBeLessThan(2 * 6);
  });

  it('keeps its floor rate however often it is throttled', async () => {
    const { between, pacer } = await simulate(60, () => 0, 0);
    expect(pacer.ratePerSecond).toBe(0.5);
    expect(between(30, 60).length).toBeGreaterThanOrEqual(14);
    expect(between(30, 60).length).toBeLessThanOrEqual(16);
  });

  it('after a throttled answer, waits one token and up to one more drawn at random: steps throttled together spread out', async () => {
    const waits = [];
    for (const random of [0, 0.5, 0.99]) {
      const clock = fakeClock();
      const pacer = new RequestPacer({ ...clock, random: () => random });
      pacer.record(true);
      await pacer.acquire();
      waits.push(clock.sleeps.reduce((sum, ms) => sum + ms, 0));
    }
    // At the floor rate of 0.5/s a token takes 2 s.
    expect(waits).toEqual([2000, 3000, 3980]);
  });

  it('stops waiting for a token when the run is cancelled', async () => {
    const clock = fakeClock();
    const pacer = new RequestPacer({
      now: clock.now,
      sleep: async (_ms, signal) => {
        if (signal?.aborted) throw new AbortedError();
      },
    });
    pacer.record(true);
    const controller = new AbortController();
    controller.abort();
    await expect(pacer.acquire(controller.signal)).rejects.toBeInstanceOf(AbortedError);
  });
});
