import { beforeEach, describe, expect, it, jest } from '@jest/globals';
import * as core from '../../__fixtures__/core.js';
import { BASE_INPUTS, inputError, resetInputs, WORKFLOW_ID } from '../../test-support/action-inputs.js';

jest.unstable_mockModule('@actions/core', () => core);
const { readTriggerSettings } = await import('../../src/actions/trigger-workflow/settings.js');

const { prefix: _prefix, ...triggerInputs } = BASE_INPUTS;
beforeEach(() => {
  resetInputs();
  core.setInputs({ ...triggerInputs, object: 'videos/a.mp4' });
});

describe('trigger-workflow settings', () => {
  it('read the workflow and the object, with the defaults of trigger-workflow/action.yml', () => {
    expect(readTriggerSettings()).toMatchObject({
      workflowId: WORKFLOW_ID,
      object: 'videos/a.mp4',
      name: undefined,
      wait: true,
      pollIntervalMs: 10_000,
      timeoutMs: 3_600_000,
      failOn: ['Failed', 'Cancel'],
    });
  });

  it('require the object', () => {
    core.setInputs(triggerInputs);
    const error = inputError(() => readTriggerSettings());
    expect(error.input).toBe('object');
    expect(error.message).toContain('required');
  });

  it("take fail-on among a run's states, which have no Pause", () => {
    core.setInputs({ ...triggerInputs, object: 'a.mp4', 'fail-on': 'failed' });
    expect(readTriggerSettings().failOn).toEqual(['Failed']);
    core.setInputs({ ...triggerInputs, object: 'a.mp4', 'fail-on': 'Failed,Pause' });
    expect(inputError(() => readTriggerSettings())).toMatchObject({ input: 'fail-on', given: 'Pause' });
  });
});
