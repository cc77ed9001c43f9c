/**
 * Three minutes of 503s on every status check, against the bundle under Node 24. Real time (about
 * 3.5 minutes), so in a file of its own: jest runs it beside the others.
 */
import { describe, expect, it } from '@jest/globals';
import { runStep } from '../../test-support/github-runner.js';
import {
  commonInputs,
  everythingShown,
  SECRET_KEY,
  useEmulator,
  WORKFLOW_ID,
} from '../../test-support/e2e-fixtures.js';

const THROTTLED_FOR_MS = 180_000;
const emulator = useEmulator({ schedule: { queuedMs: 1000, runningMs: 60_000, final: 'Success' } });

describe('a wait under a long spell of throttling', () => {
  it('sees three minutes of 503 SlowDown on every status check, paces itself, and ends Success', async () => {
    emulator().addFault({
      call: 'describe',
      kind: 'status',
      status: 503,
      code: 'SlowDown',
      forMs: THROTTLED_FOR_MS,
    });
    const faultFrom = Date.now();
    const run = await runStep({
      inputs: {
        ...commonInputs(emulator()),
        'workflow-id': WORKFLOW_ID,
        prefix: 'videos/',
        'poll-interval': '2s',
      },
    });

    expect(run.errors).toEqual([]);
    expect(run.code).toBe(0);
    expect(run.outputs.state).toBe('Success');
    const jobs = emulator().jobs();
    expect(jobs).toHaveLength(1);
    expect(run.outputs['job-id']).toBe(jobs[0]?.id);

    const describes = emulator().requests.filter((r) => r.call === 'describe');
    const throttled = describes.filter((r) => r.fault === 'status');
    // The job ended a minute in, while every check was throttled: the wait went on past it.
    expect(throttled.at(-1)!.time - faultFrom).toBeGreaterThan(THROTTLED_FOR_MS - 25_000);
    // Paced: never a burst. The first throttle drops the pacer to 0.7 × the rate it measured (a
    // second or so between checks); a few more take it to its floor, one request every two
    // seconds (plus a random debt), while the back-off climbs to 20 s, jittered.
    const gaps = throttled.slice(1).map((r, i) => r.time - throttled[i]!.time);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(500);
    expect(Math.min(...gaps.slice(4))).toBeGreaterThanOrEqual(1900);
    expect(throttled.length).toBeLessThanOrEqual(45);
    // Back within one longest back-off (and the pacer's debt) of the spell's end.
    const firstAnswered = describes.find((r) => r.status === 200 && r.time > faultFrom + 5000);
    expect(firstAnswered!.time - faultFrom - THROTTLED_FOR_MS).toBeLessThanOrEqual(25_000);

    expect(run.warnings.length).toBe(throttled.length);
    expect(run.warnings.every((w) => /SlowDown.*; retry \d+ in [\d.]+ s$/.test(w))).toBe(true);
    expect(everythingShown(run)).not.toContain(SECRET_KEY);
  }, 300_000);
});
