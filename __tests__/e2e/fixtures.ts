import { afterAll, beforeAll } from '@jest/globals';
import { startEmulator, type Emulator, type EmulatorOptions } from '../../emulator/index.js';
import type { StepRun } from '../../emulator/github-runner.js';

export const SECRET_ID = 'AKIDe2eKeyId0000000000';
export const SECRET_KEY = 'e2eSecretKey-DO-NOT-PRINT-7f3a9c';
export const SESSION_TOKEN = 'e2eSessionToken-DO-NOT-PRINT-41bd';
export const WORKFLOW_ID = 'w0123456789abcdef0123456789abcdef';
export const BUCKET = 'media-1250000000';

/** One emulator per test file, with short job schedules unless the test says otherwise. */
export function useEmulator(options: Partial<EmulatorOptions> = {}): () => Emulator {
  let emulator: Emulator | undefined;
  beforeAll(async () => {
    emulator = await startEmulator({
      secretId: SECRET_ID,
      secretKey: SECRET_KEY,
      schedule: { queuedMs: 100, runningMs: 400, final: 'Success' },
      ...options,
    });
  });
  afterAll(async () => emulator?.close());
  return () => {
    if (!emulator) throw new Error('the emulator has not started');
    return emulator;
  };
}

export function commonInputs(emulator: Emulator): Record<string, string> {
  return {
    'secret-id': SECRET_ID,
    'secret-key': SECRET_KEY,
    bucket: BUCKET,
    region: 'ap-guangzhou',
    endpoint: emulator.url,
  };
}

/** Everything a user could see: log, error stream, outputs, state and summary. */
export function everythingShown(run: StepRun): string {
  // The runner consumes ::add-mask:: itself and never shows it; it is how secrets get masked.
  const log = run.stdout
    .split('\n')
    .filter((line) => !line.startsWith('::add-mask::'))
    .join('\n');
  return [log, run.stderr, JSON.stringify(run.outputs), JSON.stringify(run.state), run.summary].join('\n');
}

/** Requests made by the step since `from` (an index into emulator.requests). */
export function requestsSince(emulator: Emulator, from: number) {
  return emulator.requests.slice(from);
}
