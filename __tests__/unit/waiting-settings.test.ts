import { beforeEach, describe, expect, it, jest } from '@jest/globals';
import * as core from '../../__fixtures__/core.js';
import { BASE_INPUTS, inputError, resetInputs } from '../../test-support/action-inputs.js';

jest.unstable_mockModule('@actions/core', () => core);
const { readWaitingSettings } = await import('../../src/actions/waiting-settings.js');

beforeEach(resetInputs);

describe('waiting settings', () => {
  it('default as both action.yml files say, cancel-on-abort as the step says', () => {
    const defaults = {
      pollIntervalMs: 10_000,
      timeoutMs: 3_600_000,
      cancelOnTimeout: false,
      failOn: ['Failed', 'Cancel'],
      objectFailures: 'fail',
    };
    expect(readWaitingSettings(true)).toEqual({ ...defaults, cancelOnAbort: true });
    expect(readWaitingSettings(false)).toEqual({ ...defaults, cancelOnAbort: false });
  });

  it('read every input given, a timeout of 0 as no limit of its own', () => {
    core.setInputs({
      ...BASE_INPUTS,
      'poll-interval': '2s',
      timeout: '0',
      'cancel-on-timeout': 'true',
      'cancel-on-abort': 'false',
      'fail-on': 'none',
      'object-failures': 'WARN',
    });
    expect(readWaitingSettings(true)).toEqual({
      pollIntervalMs: 2000,
      timeoutMs: 0,
      cancelOnTimeout: true,
      cancelOnAbort: false,
      failOn: [],
      objectFailures: 'warn',
    });
  });

  it('refuse a fail-on state the API does not have', () => {
    core.setInputs({ ...BASE_INPUTS, 'fail-on': 'Failed,Timeout' });
    expect(inputError(() => readWaitingSettings(true))).toMatchObject({ input: 'fail-on', given: 'Timeout' });
  });
});
