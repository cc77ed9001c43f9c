import { describe, expect, it } from '@jest/globals';
import { ApiError } from '../../src/ci/errors.js';
import { JobRecord } from '../../src/job/post-state.js';
import { StepFailure } from '../../src/job/ports.js';
import type { WaitingSettings } from '../../src/job/wait-context.js';
import { waitForJobAndReport } from '../../src/job/wait.js';
import { jobDetail, scriptedClient, stepDeps } from '../../test-support/fake-ports.js';
import { AbortedError, type Sleep } from '../../src/waiting/sleep.js';
import { fakeClock } from '../../test-support/fake-clock.js';

const JOB = 'b' + 'a'.repeat(32);
const settings: WaitingSettings = {
  pollIntervalMs: 10_000,
  timeoutMs: 60_000,
  cancelOnTimeout: false,
  cancelOnAbort: true,
  failOn: ['Failed', 'Cancel'],
  objectFailures: 'ignore',
};

/** Describes answer the given states in turn, the last one for ever after. */
function describing(states: string[], extra: Record<string, unknown> = {}) {
  let call = 0;
  const calls = { describe: 0, cancel: 0 };
  const client = scriptedClient({
    describeJob: async () => {
      calls.describe++;
      const state = states[Math.min(call++, states.length - 1)] as string;
      return {
        value: jobDetail({ jobId: JOB, state, code: state === 'Failed' ? 'E1' : 'Success' }),
        requestId: 'r',
      };
    },
    cancelJob: async () => {
      calls.cancel++;
      states.push('Cancel');
      call = states.length - 1;
      return { value: undefined, requestId: 'rc' };
    },
    ...extra,
  });
  return { client, calls };
}

function setUp(states: string[], extra?: Record<string, unknown>, signal?: AbortSignal) {
  const clock = fakeClock();
  const { client, calls } = describing(states, extra);
  const sleep: Sleep = async (ms, abortSignal) => {
    if (abortSignal?.aborted) throw new AbortedError();
    await clock.sleep(ms);
  };
  // The step's deadline, as runAction works it out from the step's start and its timeout.
  const deps = {
    ...stepDeps(client, { now: clock.now, sleep }, signal),
    deadline: clock.now() + settings.timeoutMs,
  };
  const record = new JobRecord(deps.state);
  const context = { jobId: JOB, workflowId: 'w1', input: 'Prefix `v/`', startedAt: clock.now() };
  return { deps, record, context, calls, clock };
}

describe('waitForJobAndReport', () => {
  it('reports a job that ends Success: outputs from its last details, one summary, phase ended', async () => {
    const { deps, record, context } = setUp(['Submitted', 'Running', 'Success']);
    await waitForJobAndReport(settings, context, { ...deps, record });
    expect(deps.outputs).toMatchObject({ state: 'Success', code: 'Success' });
    expect(JSON.parse(deps.outputs.job ?? '{}')).toMatchObject({ JobId: JOB, State: 'Success' });
    expect(deps.summaries).toHaveLength(1);
    expect(record.savedPhase).toBe('ended');
  });

  it('fails on a fail-on state, naming the job, the state and its code', async () => {
    const { deps, record, context } = setUp(['Running', 'Failed']);
    const failure = waitForJobAndReport(settings, context, { ...deps, record });
    await expect(failure).rejects.toBeInstanceOf(StepFailure);
    await expect(failure).rejects.toThrow(`Job ${JOB} ended Failed with code E1`);
    expect(deps.summaries).toHaveLength(1);
  });

  it('on a timeout with cancel-on-timeout, cancels through the one cancel path and says so', async () => {
    const { deps, record, context, calls } = setUp(['Running']);
    const waiting = waitForJobAndReport({ ...settings, cancelOnTimeout: true }, context, { ...deps, record });
    await expect(waiting).rejects.toThrow(/Timed out after 1m 00s; the job was cancelled \(state Cancel\)/);
    expect(calls.cancel).toBe(1);
    expect(record.savedPhase).toBe('cancelled');
    expect(deps.outputs.state).toBe('Cancel');
  });

  it('on a timeout without cancel-on-timeout, leaves the job and records timed-out', async () => {
    const { deps, record, context, calls } = setUp(['Running']);
    await expect(waitForJobAndReport(settings, context, { ...deps, record })).rejects.toThrow(
      'the job still runs (state Running)',
    );
    expect(calls.cancel).toBe(0);
    expect(record.savedPhase).toBe('timed-out');
  });

  it('names a state it does not know, keeps waiting, and names it again when the wait ends', async () => {
    const { deps, record, context } = setUp(['Paused']);
    await expect(waitForJobAndReport(settings, context, { ...deps, record })).rejects.toThrow(
      "(state 'Paused', a state this action does not know)",
    );
    expect(deps.infos.some((line) => line.includes("'Paused', a state this action does not know"))).toBe(
      true,
    );
  });

  it('cancels the job when the workflow run is cancelled mid-wait, and still writes the summary', async () => {
    const abort = new AbortController();
    let checks = 0;
    const { deps, record, context, calls } = setUp(['Running'], {}, abort.signal);
    const describe = deps.client().describeJob;
    const client = scriptedClient({
      describeJob: async (id: never) => {
        if (++checks === 2) abort.abort();
        return describe(id);
      },
      cancelJob: deps.client().cancelJob,
    });
    record.phase('waiting');
    const waiting = waitForJobAndReport(settings, context, { ...deps, client: () => client, record });
    await expect(waiting).rejects.toThrow('the workflow run was cancelled');
    expect(calls.cancel).toBe(1);
    expect(record.savedPhase).toBe('cancelled');
    expect(deps.summaries.at(-1)).toContain('The wait stopped: the workflow run was cancelled.');
  });

  it('leaves the phase at waiting for post: when the cancel after an abort fails', async () => {
    const abort = new AbortController();
    abort.abort();
    const failingCancel = async () => {
      throw new ApiError(500, 'InternalError', 'boom', 'r9');
    };
    const { deps, record, context } = setUp(['Running'], { cancelJob: failingCancel }, abort.signal);
    record.phase('waiting');
    await expect(waitForJobAndReport(settings, context, { ...deps, record })).rejects.toThrow();
    expect(record.savedPhase).toBe('waiting');
    expect(deps.warnings.at(-1)).toContain('cancelling job');
  });
});
