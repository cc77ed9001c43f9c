import { describe, expect, it } from '@jest/globals';
import { ApiError } from '../../src/ci/errors.js';
import { AbortedError } from '../../src/waiting/sleep.js';
import { TRIGGER_CONCURRENCY, triggerMany, type TriggerManyDeps } from '../../src/objects/trigger-many.js';
import { fakeClock } from '../../test-support/fake-clock.js';

const WORKFLOW = { workflowId: `w${'0'.repeat(32)}` };
const keys = (count: number) => Array.from({ length: count }, (_, i) => `k/${i}.mp4`);

/** Triggers that answer after `delayMs` real time, each with a run id of its key; `fail` refuses a key. */
function deps(options: { fail?: string; delayMs?: number; deadline?: number; signal?: AbortSignal } = {}) {
  const clock = fakeClock();
  let inFlight = 0;
  let most = 0;
  const sent: string[] = [];
  const manyDeps: TriggerManyDeps = {
    sender: {
      triggerWorkflow: async ({ object }) => {
        sent.push(object);
        inFlight++;
        most = Math.max(most, inFlight);
        await new Promise((resolve) => setTimeout(resolve, options.delayMs ?? 1));
        inFlight--;
        clock.advance(100);
        if (object === options.fail) throw new ApiError(403, 'AccessDenied', 'no', 'r1');
        return { value: `i-${object}`, requestId: `req-${object}` };
      },
    },
    client: { listExecutions: async () => ({ value: { executions: [], nextToken: '' }, requestId: '' }) },
    pollIntervalMs: 10_000,
    deadline: options.deadline,
    signal: options.signal,
    now: clock.now,
    sleep: clock.sleep,
    clock: { offsetMs: 0 },
    earlierRunIds: new Set(),
    log: () => undefined,
  };
  return { manyDeps, sent, most: () => most, clock };
}

describe('triggering many keys', () => {
  it(`sends each key once, in order, at most ${TRIGGER_CONCURRENCY} at a time`, async () => {
    const d = deps({ delayMs: 5 });
    const result = await triggerMany(keys(50), WORKFLOW, d.manyDeps);
    expect(d.sent).toEqual(keys(50));
    expect(d.most()).toBe(TRIGGER_CONCURRENCY);
    expect(result.stopped).toBeUndefined();
    expect([...result.started.keys()].sort()).toEqual([...keys(50)].sort());
    expect(result.started.get('k/7.mp4')).toMatchObject({ runId: 'i-k/7.mp4', requestId: 'req-k/7.mp4' });
  });

  it('stops sending new triggers at the first error, keeping the runs started', async () => {
    const d = deps({ fail: 'k/10.mp4' });
    const result = await triggerMany(keys(50), WORKFLOW, d.manyDeps);
    expect(result.stopped?.error).toBeInstanceOf(ApiError);
    expect(result.stopped?.reason).toMatch(/^triggering k\/10\.mp4 failed: AccessDenied: no/);
    // Those in flight with it finish; none starts after.
    expect(d.sent.length).toBeLessThanOrEqual(10 + TRIGGER_CONCURRENCY);
    expect(result.started.size).toBe(d.sent.length - 1);
    expect(result.started.has('k/10.mp4')).toBe(false);
  });

  it('stops sending once the deadline has passed', async () => {
    const d = deps({ deadline: fakeClock().now() + 1000 });
    const result = await triggerMany(keys(50), WORKFLOW, d.manyDeps);
    expect(result.stopped).toEqual({ reason: 'the timeout passed before every key was triggered' });
    expect(d.sent.length).toBeLessThan(50);
    expect(result.started.size).toBe(d.sent.length);
  });

  it('starts no trigger after the workflow run is cancelled; those in flight finish and are kept', async () => {
    const abort = new AbortController();
    const d = deps({ signal: abort.signal, delayMs: 5 });
    const sender = d.manyDeps.sender.triggerWorkflow;
    d.manyDeps.sender = {
      triggerWorkflow: async (request) => {
        if (d.sent.length === 12) abort.abort();
        return sender(request);
      },
    };
    const result = await triggerMany(keys(50), WORKFLOW, d.manyDeps);
    expect(result.stopped?.reason).toBe('the workflow run was cancelled');
    expect(result.stopped?.error).toBeInstanceOf(AbortedError);
    expect(d.sent.length).toBeLessThanOrEqual(13);
    expect(result.started.size).toBe(d.sent.length);
  });
});
