/**
 * A step's inputs for unit tests of the settings readers, which read them through
 * `__fixtures__/core.ts` (`beforeEach(resetInputs)`).
 */
import { jest } from '@jest/globals';
import * as core from '../__fixtures__/core.js';
import { InputError } from '../src/github/input-error.js';

export const WORKFLOW_ID = 'w' + 'a1'.repeat(16);

/** A valid main step: keys, bucket, region, workflow and a prefix. */
export const BASE_INPUTS: Readonly<Record<string, string>> = {
  'secret-id': 'AKIDexample',
  'secret-key': 'very-secret-key',
  bucket: 'media-1250000000',
  region: 'ap-guangzhou',
  'workflow-id': WORKFLOW_ID,
  prefix: 'videos/',
};

/** The InputError `read` throws; any other outcome fails the test. */
export function inputError(read: () => unknown): InputError {
  try {
    read();
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('no InputError thrown');
}

/**
 * Before each test: BASE_INPUTS, no recorded calls, and none of the TENCENTCLOUD_* variables the
 * settings fall back on, so that only the inputs count.
 */
export function resetInputs(): void {
  core.setInputs(BASE_INPUTS);
  jest.clearAllMocks();
  for (const name of ['SECRET_ID', 'SECRET_KEY', 'TOKEN', 'SECURITY_TOKEN', 'REGION']) {
    delete process.env[`TENCENTCLOUD_${name}`];
  }
}
