import { describe, expect, it } from '@jest/globals';
import type { ClockCorrection } from '../../src/ci/client.js';
import { ApiError, TransportError } from '../../src/ci/errors.js';
import type { ListExecutionsQuery, WorkflowExecution } from '../../src/ci/types.js';
import { StepFailure } from '../../src/job/ports.js';
import { MAX_SENDS, triggerWithoutDuplicates, type TriggerDeps } from '../../src/objects/trigger.js';
import { RUN_SHOWS_WITHIN_MS } from '../../src/objects/visibility.js';
import { formatApiTime } from '../../src/time.js';
import { fakeClock } from '../../test-support/fake-clock.js';

const REQUEST = { workflowId: `w${'0'.repeat(32)}`, object: 'clips/a b+c.mp4' };
const lostAnswer = () => new TransportError('POST /triggerworkflow: the connection was reset', 'reset');

/** A service whose runs are listed as given; `sends` scripts each trigger's outcome in turn. */
function service(sends: Array<'answer' | 'lost' | Error>, options: { clock?: ClockCorrection } = {}) {
  const clock = fakeClock();
  const runs: Array<WorkflowExecution & { shownAt: number }> = [];
  const lookups: ListExecutionsQuery[] = [];
  let sent = 0;
  const addRun = (object: string, createdAt: number, shownAt = createdAt, runId = `i${runs.length + 1}`) => {
    runs.push({
      runId,
      workflowId: REQUEST.workflowId,
      name: '',
      object,
      state: 'Running',
      createTime: formatApiTime(new Date(createdAt)),
      shownAt,
    });
    return runId;
  };
  const taken = new Set<string>();
  const deps: TriggerDeps = {
    sender: {
      triggerWorkflow: async (request) => {
        const outcome = sends[sent++] ?? 'answer';
        if (outcome instanceof Error) throw outcome;
        const runId = addRun(request.object, clock.now(), clock.now() + (hideMs ?? 0));
        if (outcome === 'lost') throw lostAnswer();
        return { value: runId, requestId: `req-${sent}` };
      },
    },
    client: {
      listExecutions: async (query) => {
        lookups.push(query);
        // As the client learns it from the answer's Date header: this service's clock is ours.
        deps.clock.answeredOffsetMs = 0;
        const since = Date.parse(query.startCreationTime!.replace(/(\d\d)(\d\d)$/, '$1:$2'));
        const executions = runs.filter(
          (run) =>
            run.object === query.name &&
            clock.now() >= run.shownAt &&
            Date.parse(run.createTime.replace(/(\d\d)(\d\d)$/, '$1:$2')) >= since,
        );
        return { value: { executions, nextToken: '' }, requestId: 'list' };
      },
    },
    pollIntervalMs: 10_000,
    now: clock.now,
    sleep: clock.sleep,
    clock: options.clock ?? { offsetMs: 0, answeredOffsetMs: 0 },
    isTaken: (runId) => taken.has(runId),
    log: () => undefined,
  };
  let hideMs: number | undefined;
  return {
    deps,
    clock,
    lookups,
    addRun,
    taken,
    hide: (ms: number) => (hideMs = ms),
    sends: () => sent,
    runsOf: (object: string) => runs.filter((run) => run.object === object),
  };
}

describe('a manual trigger without duplicates', () => {
  it('returns the run and request id of an answered trigger, sent once, with no look-up', async () => {
    const s = service(['answer']);
    const run = await triggerWithoutDuplicates(REQUEST, s.deps);
    expect(run).toEqual({ runId: 'i1', requestId: 'req-1', sentAt: s.clock.now(), found: false });
    expect(s.lookups).toEqual([]);
  });

  it('after a lost answer finds the run it started, by object and since the send, and does not send again', async () => {
    const s = service(['lost']);
    const sentAt = s.clock.now();
    const run = await triggerWithoutDuplicates(REQUEST, s.deps);
    expect(run).toEqual({ runId: 'i1', requestId: '', sentAt, found: true });
    expect(s.sends()).toBe(1);
    expect(s.lookups).toEqual([
      expect.objectContaining({
        workflowId: REQUEST.workflowId,
        name: REQUEST.object,
        startCreationTime: formatApiTime(new Date(sentAt - 2000)),
        order: 'Asc',
      }),
    ]);
  });

  it('looks again, on the poll schedule, for a run that does not show at once', async () => {
    const s = service(['lost']);
    s.hide(5000);
    const run = await triggerWithoutDuplicates(REQUEST, s.deps);
    expect(run.found).toBe(true);
    expect(s.sends()).toBe(1);
    expect(s.lookups.length).toBeGreaterThan(2);
    expect(s.clock.sleeps.slice(0, 3)).toEqual([1000, 1000, 2000]);
  });

  it('sends again only when no run has shown a minute after the send, and then takes its answer', async () => {
    const s = service([lostAnswer(), 'answer']);
    const sentAt = s.clock.now();
    const run = await triggerWithoutDuplicates(REQUEST, s.deps);
    expect(s.sends()).toBe(2);
    expect(run).toMatchObject({ runId: 'i1', requestId: 'req-2', found: false });
    expect(run.sentAt - sentAt).toBeGreaterThanOrEqual(RUN_SHOWS_WITHIN_MS);
    expect(s.runsOf(REQUEST.object)).toHaveLength(1);
  });

  it("never takes a run created before the send, another key's, or one an earlier round failed", async () => {
    // No answer has shown the service's clock yet: the list is asked for a minute back.
    const s = service([lostAnswer(), 'answer'], { clock: { offsetMs: 0 } });
    s.addRun(REQUEST.object, s.clock.now() - 3000); // before the send, by the service's clock
    s.taken.add(s.addRun(REQUEST.object, s.clock.now() + 10)); // another's
    const run = await triggerWithoutDuplicates(REQUEST, s.deps);
    expect(s.sends()).toBe(2);
    expect(run.found).toBe(false);
  });

  it('without an answer that showed the service clock, allows a minute for it, as the main step does', async () => {
    const s = service(['lost'], { clock: { offsetMs: 0 } });
    const sentAt = s.clock.now();
    await triggerWithoutDuplicates(REQUEST, s.deps);
    expect(s.lookups[0]?.startCreationTime).toBe(formatApiTime(new Date(sentAt - 60_000)));
  });

  it('is not sent again when the timeout comes before a run could show, and says why', async () => {
    const s = service([new ApiError(500, 'InternalError', 'oops', 'r5')]);
    s.deps.deadline = s.clock.now() + 10_000;
    const error = await triggerWithoutDuplicates(REQUEST, s.deps).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StepFailure);
    expect((error as Error).message).toBe(
      `The answer to the trigger of ${REQUEST.object} was lost (InternalError: oops (HTTP 500, request id r5)), ` +
        'and no run of it had shown up when the timeout passed: it was not sent again, since the service may still show one.',
    );
    expect(s.sends()).toBe(1);
  });

  it(`gives up after ${MAX_SENDS} lost answers with no run shown`, async () => {
    const s = service([lostAnswer(), lostAnswer(), lostAnswer(), 'answer']);
    const error = await triggerWithoutDuplicates(REQUEST, s.deps).catch((e: unknown) => e);
    expect((error as Error).message).toContain(`was sent ${MAX_SENDS} times, each answer lost`);
    expect(s.sends()).toBe(MAX_SENDS);
  });

  it('does not look up or send again after a refusal, nor after the cancellation cut it short', async () => {
    const refused = service([new ApiError(403, 'AccessDenied', 'no', 'r1')]);
    await expect(triggerWithoutDuplicates(REQUEST, refused.deps)).rejects.toThrow('AccessDenied');
    expect(refused.lookups).toEqual([]);
    const cut = service([new TransportError('POST /triggerworkflow was aborted', 'aborted')]);
    await expect(triggerWithoutDuplicates(REQUEST, cut.deps)).rejects.toThrow(
      'POST /triggerworkflow was aborted. The trigger was not sent again',
    );
    expect(cut.lookups).toEqual([]);
  });

  it('stops, sending nothing more, when the look-up itself is refused', async () => {
    const s = service([lostAnswer()]);
    s.deps.client = {
      listExecutions: async () => {
        throw new ApiError(403, 'AccessDenied', 'no list', 'r2');
      },
    };
    await expect(triggerWithoutDuplicates(REQUEST, s.deps)).rejects.toThrow(
      /looking for the run it may have started failed \(AccessDenied: no list.*\): it was not sent again/,
    );
    expect(s.sends()).toBe(1);
  });
});
