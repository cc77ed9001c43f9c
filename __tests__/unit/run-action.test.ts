import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import * as core from '../../__fixtures__/core.js';
import { COMMON_SETTINGS } from '../../test-support/fake-ports.js';

jest.unstable_mockModule('@actions/core', () => core);
const { runAction, stepDeadline } = await import('../../src/actions/run-action.js');
const { ApiError } = await import('../../src/ci/errors.js');
const { InputError } = await import('../../src/github/input-error.js');
const { JobRecord } = await import('../../src/job/post-state.js');
const { AbortedError } = await import('../../src/waiting/sleep.js');

const JOB = 'b' + 'c'.repeat(32);
const signalListeners = () =>
  (['SIGINT', 'SIGTERM', 'SIGBREAK'] as const).map((s) => process.listenerCount(s));
let listenersBefore: number[];
beforeEach(() => {
  jest.clearAllMocks();
  listenersBefore = signalListeners();
});
afterEach(() => expect(signalListeners()).toEqual(listenersBefore));

describe('stepDeadline', () => {
  it("is the step's start plus its timeout when it waits, and none otherwise", () => {
    expect(stepDeadline({ timeoutMs: 60_000, wait: true }, 1000)).toBe(61_000);
    expect(stepDeadline({ timeoutMs: 60_000 }, 1000)).toBe(61_000);
    expect(stepDeadline({ timeoutMs: 60_000, wait: false }, 1000)).toBeUndefined();
    expect(stepDeadline({ timeoutMs: 0 }, 1000)).toBeUndefined();
    expect(stepDeadline({}, 1000)).toBeUndefined();
  });
});

describe('runAction', () => {
  it('hands the step its deadline and ports, and a clean step fails nothing', async () => {
    let deadline: number | undefined;
    const started = Date.now();
    await runAction(
      'wait',
      () => ({ ...COMMON_SETTINGS, timeoutMs: 60_000 }),
      async (_settings, deps) => {
        deadline = deps.deadline;
        deps.reporter.setOutputs({ state: 'Success' });
      },
    );
    expect(deadline).toBeGreaterThanOrEqual(started + 60_000);
    expect(deadline).toBeLessThanOrEqual(Date.now() + 60_000);
    expect(core.setOutput).toHaveBeenCalledWith('state', 'Success');
    expect(core.setFailed).not.toHaveBeenCalled();
  });

  it('turns a wrong input into one error annotation, and never runs the step', async () => {
    const step = jest.fn(async () => undefined);
    await runAction(
      'cancel',
      () => {
        throw new InputError('job-id', 'b followed by 32 hexadecimal characters', 'x');
      },
      step,
    );
    expect(step).not.toHaveBeenCalled();
    expect(core.setFailed).toHaveBeenCalledTimes(1);
    expect(core.setFailed).toHaveBeenCalledWith(
      "Input 'job-id': expected b followed by 32 hexadecimal characters, got 'x'.",
    );
  });

  it('names the job the step recorded in the annotation of its error', async () => {
    await runAction(
      'wait',
      () => COMMON_SETTINGS,
      async (_settings, deps) => {
        new JobRecord(deps.state).job(JOB);
        throw new ApiError(
          403,
          'AccessDenied',
          'no permission',
          'r-1',
          undefined,
          undefined,
          `GET /inventorytriggerjob/${JOB}`,
        );
      },
    );
    expect(core.setFailed).toHaveBeenCalledTimes(1);
    expect(core.setFailed.mock.calls[0]?.[0]).toMatch(
      new RegExp(`^Job ${JOB}: GET /inventorytriggerjob/${JOB}: the CI API answered AccessDenied`),
    );
  });

  it("aborts the step's signal on SIGINT, and says the run was cancelled", async () => {
    await runAction(
      'wait',
      () => COMMON_SETTINGS,
      async (_settings, deps) => {
        const aborted = new Promise((resolve) => deps.signal?.addEventListener('abort', resolve));
        // The handler runAction added: called as the runner's SIGINT would call it.
        const onSignal = process.listeners('SIGINT').at(-1) as (signal: NodeJS.Signals) => void;
        onSignal('SIGINT');
        await aborted;
        throw new AbortedError();
      },
    );
    expect(core.info).toHaveBeenCalledWith('Received SIGINT: the workflow run is being cancelled');
    expect(core.setFailed).toHaveBeenCalledWith('stopped: the workflow run was cancelled.');
  });
});

// The runner cancels a step with SIGINT then SIGTERM, and on Windows with Ctrl+C then Ctrl+Break,
// which Node raises as SIGINT and SIGBREAK: each of them must reach the one cancel path.
/** Runs a step that receives `signal` while it works, and tells whether the step saw its waits aborted. */
async function stepAbortedBy(signal: NodeJS.Signals): Promise<boolean | undefined> {
  let aborted: boolean | undefined;
  await runAction(
    'cancel',
    () => COMMON_SETTINGS,
    async (_settings, deps) => {
      process.emit(signal, signal);
      aborted = deps.signal?.aborted;
    },
  );
  return aborted;
}

describe.each<NodeJS.Signals>(['SIGINT', 'SIGTERM', 'SIGBREAK'])('%s while a step runs', (signal) => {
  it('aborts the step’s waits and says that the workflow run is being cancelled', async () => {
    expect(await stepAbortedBy(signal)).toBe(true);
    expect(core.info).toHaveBeenCalledWith(`Received ${signal}: the workflow run is being cancelled`);
    expect(core.setFailed).not.toHaveBeenCalled();
  });
});

describe('outside a step', () => {
  it('nothing is aborted when no signal comes', async () => {
    let aborted: boolean | undefined;
    await runAction(
      'cancel',
      () => COMMON_SETTINGS,
      async (_settings, deps) => {
        aborted = deps.signal?.aborted;
      },
    );
    expect(aborted).toBe(false);
  });

  it('stops listening for the cancel signals once the step has ended', async () => {
    const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGBREAK'];
    const before = signals.map((signal) => process.listenerCount(signal));
    await stepAbortedBy('SIGBREAK');
    expect(signals.map((signal) => process.listenerCount(signal))).toEqual(before);
  });
});
