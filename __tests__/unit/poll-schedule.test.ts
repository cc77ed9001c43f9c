import { describe, expect, it } from '@jest/globals';
import { pollDelays } from '../../src/waiting/poll-schedule.js';

function take(n: number, delays: Generator<number>): number[] {
  return Array.from({ length: n }, () => delays.next().value as number);
}

describe('poll schedule', () => {
  it('starts at one second and climbs to the poll interval', () => {
    expect(take(9, pollDelays(10_000))).toEqual([1000, 1000, 2000, 3000, 5000, 8000, 10_000, 10_000, 10_000]);
  });

  it('never exceeds a poll interval shorter than a second', () => {
    expect(take(4, pollDelays(250))).toEqual([250, 250, 250, 250]);
  });
});
