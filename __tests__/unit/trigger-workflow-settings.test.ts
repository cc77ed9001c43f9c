import { beforeEach, describe, expect, it, jest } from '@jest/globals';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as core from '../../__fixtures__/core.js';
import { BASE_INPUTS, inputError, resetInputs, WORKFLOW_ID } from '../../test-support/action-inputs.js';

jest.unstable_mockModule('@actions/core', () => core);
const { readTriggerSettings, MAX_OBJECTS_FILE_BYTES } =
  await import('../../src/actions/trigger-workflow/settings.js');

const { prefix: _prefix, ...triggerInputs } = BASE_INPUTS;
const dir = mkdtempSync(join(tmpdir(), 'trigger-settings-'));
function file(name: string, content: string): string {
  writeFileSync(join(dir, name), content);
  return join(dir, name);
}
const keys = (count: number, prefix = 'k/') => Array.from({ length: count }, (_, i) => `${prefix}${i}.mp4`);

beforeEach(() => {
  resetInputs();
  core.setInputs({ ...triggerInputs, object: 'videos/a.mp4' });
});

describe('trigger-workflow settings', () => {
  it('read the workflow and the object, with the defaults of trigger-workflow/action.yml', () => {
    expect(readTriggerSettings()).toMatchObject({
      workflowId: WORKFLOW_ID,
      targets: { kind: 'one', object: 'videos/a.mp4' },
      name: undefined,
      wait: true,
      pollIntervalMs: 10_000,
      timeoutMs: 3_600_000,
      failOn: ['Failed', 'Cancel'],
    });
  });

  it('take exactly one of object, objects and objects-file', () => {
    core.setInputs(triggerInputs);
    expect(inputError(() => readTriggerSettings())).toMatchObject({
      input: 'object',
      expected: 'exactly one of object, objects, objects-file',
      given: 'none',
    });
    core.setInputs({ ...triggerInputs, objects: 'a.mp4', 'objects-file': 'keys.txt' });
    expect(inputError(() => readTriggerSettings())).toMatchObject({
      input: 'objects',
      given: 'objects and objects-file',
    });
  });

  it('read objects one key a line, as given, once each', () => {
    core.setInputs({ ...triggerInputs, objects: ' a b.mp4\nc+d.mp4\n\n视频.mp4\nc+d.mp4\n' });
    expect(readTriggerSettings().targets).toEqual({
      kind: 'many',
      keys: [' a b.mp4', 'c+d.mp4', '视频.mp4'],
      input: 'objects',
      earlierRunIds: new Set(),
    });
  });

  it("read an objects-file in the main step's JSON Lines, or in plain lines", () => {
    const jsonl = file(
      'failed.jsonl',
      `${JSON.stringify({ object: 'x/1.mp4', runId: 'i1', state: 'Failed' })}\n` +
        `${JSON.stringify({ object: 'x/2.mp4', runId: 'i2', state: 'Cancel' })}\n`,
    );
    core.setInputs({ ...triggerInputs, 'objects-file': jsonl });
    expect(readTriggerSettings().targets).toEqual({
      kind: 'many',
      keys: ['x/1.mp4', 'x/2.mp4'],
      input: 'objects-file',
      earlierRunIds: new Set(['i1', 'i2']),
    });
    core.setInputs({ ...triggerInputs, 'objects-file': file('keys.txt', 'p/1.mp4\r\np/2.mp4\r\n') });
    expect(readTriggerSettings().targets).toMatchObject({ keys: ['p/1.mp4', 'p/2.mp4'] });
  });

  it('take 1,000 distinct keys, given any number of times, and refuse 1,001, pointing to the main step', () => {
    core.setInputs({ ...triggerInputs, objects: [...keys(1000), ...keys(1000)].join('\n') });
    expect(readTriggerSettings().targets).toMatchObject({ kind: 'many', keys: keys(1000) });
    core.setInputs({ ...triggerInputs, 'objects-file': file('1001.txt', keys(1001).join('\n')) });
    const error = inputError(() => readTriggerSettings());
    expect(error.input).toBe('objects-file');
    expect(error.message).toContain('at most 1,000 distinct object keys (1,001 given)');
    expect(error.message).toContain('`prefix`, `manifest` or `url-file`');
  });

  it('refuse a list with no key, and a file too large or missing, naming the input', () => {
    core.setInputs({ ...triggerInputs, objects: '\n \n' });
    expect(inputError(() => readTriggerSettings())).toMatchObject({ input: 'objects' });
    core.setInputs({
      ...triggerInputs,
      'objects-file': file('huge.txt', 'x'.repeat(MAX_OBJECTS_FILE_BYTES + 1)),
    });
    expect(inputError(() => readTriggerSettings()).message).toContain('(larger)');
    core.setInputs({ ...triggerInputs, 'objects-file': join(dir, 'missing.txt') });
    expect(inputError(() => readTriggerSettings())).toMatchObject({ input: 'objects-file' });
  });

  it("take fail-on among a run's states, which have no Pause", () => {
    core.setInputs({ ...triggerInputs, object: 'a.mp4', 'fail-on': 'failed' });
    expect(readTriggerSettings().failOn).toEqual(['Failed']);
    core.setInputs({ ...triggerInputs, object: 'a.mp4', 'fail-on': 'Failed,Pause' });
    expect(inputError(() => readTriggerSettings())).toMatchObject({ input: 'fail-on', given: 'Pause' });
  });
});
