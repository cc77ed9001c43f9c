/**
 * The runner cancels a step with SIGINT then SIGTERM, and on Windows with Ctrl+C then Ctrl+Break,
 * which Node raises as SIGINT and SIGBREAK: each of them must reach the one cancel path.
 */
import { beforeEach, describe, expect, it, jest } from '@jest/globals';
import * as core from '../../__fixtures__/core.js';
import type { CommonSettings } from '../../src/github/common-settings.js';

jest.unstable_mockModule('@actions/core', () => core);
const { runAction } = await import('../../src/actions/run-action.js');

const SETTINGS: CommonSettings = {
  signIn: { keys: { secretId: 'AKIDEXAMPLE', secretKey: 'example-key' } },
  bucket: 'media-1250000000',
  region: 'ap-guangzhou',
  endpoint: new URL('http://127.0.0.1:9'),
  requestTimeoutMs: 1000,
};

/** Runs a step that receives `signal` while it works, and tells whether the step saw its waits aborted. */
async function stepAbortedBy(signal: NodeJS.Signals): Promise<boolean | undefined> {
  let aborted: boolean | undefined;
  await runAction(
    'cancel',
    () => SETTINGS,
    async (_settings, deps) => {
      process.emit(signal, signal);
      aborted = deps.signal?.aborted;
    },
  );
  return aborted;
}

beforeEach(() => {
  jest.clearAllMocks();
});

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
      () => SETTINGS,
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
