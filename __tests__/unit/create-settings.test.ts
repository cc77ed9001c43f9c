import { beforeEach, describe, expect, it, jest } from '@jest/globals';
import * as core from '../../__fixtures__/core.js';
import { BASE_INPUTS, resetInputs, inputError, WORKFLOW_ID } from '../../test-support/action-inputs.js';

jest.unstable_mockModule('@actions/core', () => core);
// @actions/github reads the run's context from the environment once, when it is imported.
Object.assign(process.env, {
  GITHUB_REPOSITORY: 'octo-org/media.site',
  GITHUB_RUN_ID: '42',
  GITHUB_RUN_ATTEMPT: '2',
  GITHUB_JOB: 'transcode',
});
const { readMainSettings: getMainSettings } = await import('../../src/actions/create/settings.js');
const { readTriggerSettings } = await import('../../src/actions/trigger-workflow/settings.js');

const NOW = new Date('2026-11-23T12:00:00Z');

beforeEach(resetInputs);

describe('main step settings', () => {
  it('reads every input into typed settings with the defaults of action.yml', () => {
    const settings = getMainSettings(NOW);
    expect(settings).toMatchObject({
      bucket: 'media-1250000000',
      region: 'ap-guangzhou',
      workflowId: WORKFLOW_ID,
      input: { kind: 'Prefix', value: 'videos/' },
      wait: true,
      pollIntervalMs: 10_000,
      timeoutMs: 3_600_000,
      cancelOnTimeout: false,
      cancelOnAbort: true,
      failOn: ['Failed', 'Cancel'],
      objectFailures: 'fail',
      dryRun: false,
    });
    expect(settings.endpoint.href).toBe('https://media-1250000000.ci.ap-guangzhou.myqcloud.com/');
  });

  it.each([
    ['workflow-id', { 'workflow-id': 'w123' }, '32 hexadecimal'],
    ['object', { prefix: '' }, 'exactly one of'],
    ['object', { object: 'a.mp4' }, 'exactly one of'],
    ['name', { name: 'has space' }, 'letters, digits'],
    ['name', { name: 'n'.repeat(129) }, 'at most 128'],
    ['start-time', { 'start-time': 'yesterday' }, 'a time such as'],
    ['start-time', { 'start-time': '-1h', 'end-time': '-2h' }, 'before end-time'],
    ['start-time', { 'start-time': '-99999999d' }, 'from 2000-01-01T00:00:00Z to 2100-01-01T00:00:00Z'],
    ['end-time', { 'end-time': '2999-01-01T00:00:00Z' }, 'from 2000-01-01T00:00:00Z to 2100'],
    ['timeout', { timeout: '5 minutes' }, 'a duration'],
    ['poll-interval', { 'poll-interval': '0' }, 'a duration from 1s to 24h'],
    ['poll-interval', { 'poll-interval': '1ms' }, 'a duration from 1s to 24h'],
    ['timeout', { timeout: '121h' }, 'at most 120h (5 days'],
    ['request-timeout', { 'request-timeout': '0' }, 'above zero and at most 24h'],
    ['wait', { wait: 'yes' }, '`true` or `false`'],
    ['fail-on', { 'fail-on': 'Failed,Broken' }, 'comma-separated list'],
    ['object-failures', { 'object-failures': 'skip' }, 'fail, warn, ignore'],
  ])('refuses a bad %s, saying what was expected', (input, change, expected) => {
    core.setInputs({ ...BASE_INPUTS, ...change });
    const error = inputError(() => getMainSettings(NOW));
    expect(error.input).toBe(input);
    expect(error.message).toContain(expected);
  });

  it('shows start-time and end-time in the same form, as given and as UTC, when they are the wrong way round', () => {
    core.setInputs({ ...BASE_INPUTS, 'start-time': '-1h', 'end-time': '2026-11-23T18:00:00+08:00' });
    expect(inputError(() => getMainSettings(NOW)).message).toBe(
      "Input 'start-time': expected a time before end-time, but start-time '-1h' (2026-11-23T11:00:00Z) " +
        "comes after end-time '2026-11-23T18:00:00+08:00' (2026-11-23T10:00:00Z).",
    );
  });

  it('says none was given when none of object, prefix, manifest and url-file is', () => {
    core.setInputs({ ...BASE_INPUTS, prefix: '' });
    const error = inputError(() => getMainSettings(NOW));
    expect(error.input).toBe('object');
    expect(error.message).toBe(
      "Input 'object': required: exactly one of object, prefix, manifest, url-file; none was given.",
    );
  });

  it.each([
    ['a start-time in the future', { 'start-time': '2099-01-01T00:00:00Z' }],
    [
      'a window wholly in the future',
      { 'start-time': '2099-01-01T00:00:00Z', 'end-time': '2099-02-01T00:00:00Z' },
    ],
  ])('warns, naming start-time, that %s matches no object uploaded yet', (_case, window) => {
    core.setInputs({ ...BASE_INPUTS, ...window });
    expect(getMainSettings(NOW).window.start?.toISOString()).toBe('2099-01-01T00:00:00.000Z');
    expect(core.warning).toHaveBeenCalledTimes(1);
    expect(core.warning.mock.calls[0]?.[0]).toBe(
      "Input 'start-time': start-time '2099-01-01T00:00:00Z' (2099-01-01T00:00:00Z) is in the future: " +
        'the job runs over the objects already uploaded, so it will match none.',
    );
  });

  it.each([
    ['a start-time in the past', { 'start-time': '-24h' }],
    ['start-time now', { 'start-time': 'now' }],
    ['only an end-time in the future', { 'end-time': '2099-01-01T00:00:00Z' }],
  ])('does not warn about %s', (_case, window) => {
    core.setInputs({ ...BASE_INPUTS, ...window });
    getMainSettings(NOW);
    expect(core.warning).not.toHaveBeenCalled();
  });

  it('sends the time window in the API form', () => {
    core.setInputs({ ...BASE_INPUTS, 'start-time': '-24h', 'end-time': '2026-11-23T08:00:00+08:00' });
    const { window } = getMainSettings(NOW);
    expect(window.start?.toISOString()).toBe('2026-11-22T12:00:00.000Z');
    expect(window.end?.toISOString()).toBe('2026-11-23T00:00:00.000Z');
  });

  it('derives a default name from the run context: repository, run, attempt, job and a random tail', () => {
    expect(getMainSettings(NOW).name).toMatch(/^octo-org-media-site-42-2-transcode-[0-9a-f]{6}$/);
  });

  it('takes object keys, prefixes and names as given, spaces and all', () => {
    core.setInputs({ ...BASE_INPUTS, prefix: '', object: '  clip.mp4  ' });
    expect(getMainSettings(NOW).input).toEqual({ kind: 'Object', value: '  clip.mp4  ' });
    core.setInputs({ ...BASE_INPUTS, prefix: ' videos/ ' });
    expect(getMainSettings(NOW).input.value).toBe(' videos/ ');
    core.setInputs({ ...BASE_INPUTS, name: ' nightly ' });
    expect(inputError(() => getMainSettings(NOW)).input).toBe('name');
    core.setInputs({ ...BASE_INPUTS, object: ' a b.mp4 ' });
    expect(readTriggerSettings().targets).toEqual({ kind: 'one', object: ' a b.mp4 ' });
  });

  it('refuses a poll-interval over 24h, which no timer could hold', () => {
    core.setInputs({ ...BASE_INPUTS, 'poll-interval': '25h' });
    expect(inputError(() => getMainSettings(NOW)).message).toContain('to 24h');
  });

  it('accepts fail-on none and states in any case', () => {
    core.setInputs({ ...BASE_INPUTS, 'fail-on': 'none' });
    expect(getMainSettings(NOW).failOn).toEqual([]);
    core.setInputs({ ...BASE_INPUTS, 'fail-on': 'failed, SUCCESS' });
    expect(getMainSettings(NOW).failOn).toEqual(['Failed', 'Success']);
  });
});
