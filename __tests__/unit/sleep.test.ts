import { describe, expect, it } from '@jest/globals';
import { getEventListeners } from 'node:events';
import { AbortedError, realSleep } from '../../src/waiting/sleep.js';

describe('realSleep', () => {
  it('resolves after the time given, and leaves no listener on the signal', async () => {
    const run = new AbortController();
    const started = Date.now();
    await realSleep(30, run.signal);
    expect(Date.now() - started).toBeGreaterThanOrEqual(25);
    expect(getEventListeners(run.signal, 'abort')).toHaveLength(0);
  });

  it('stops with AbortedError when the run is cancelled during the sleep', async () => {
    const run = new AbortController();
    const started = Date.now();
    const sleeping = realSleep(60_000, run.signal);
    setTimeout(() => run.abort(), 10);
    await expect(sleeping).rejects.toBeInstanceOf(AbortedError);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('does not sleep at all once the run has been cancelled', async () => {
    const run = new AbortController();
    run.abort();
    await expect(realSleep(60_000, run.signal)).rejects.toThrow('the workflow run was cancelled');
  });
});
