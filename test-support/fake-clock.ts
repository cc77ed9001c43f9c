import type { Sleep } from '../src/waiting/sleep.js';

/** A clock that only moves when the code under test sleeps: tests take no time. */
export function fakeClock(start = 1_700_000_000_000) {
  let now = start;
  const sleeps: number[] = [];
  const sleep: Sleep = async (ms) => {
    sleeps.push(ms);
    now += ms;
  };
  return {
    now: () => now,
    advance: (ms: number) => (now += ms),
    sleep,
    sleeps,
  };
}
