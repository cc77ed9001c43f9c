import { beforeEach, describe, expect, it, jest } from '@jest/globals';
import * as core from '../../__fixtures__/core.js';
import { inputError } from '../../test-support/action-inputs.js';

jest.unstable_mockModule('@actions/core', () => core);
const { readBaseUrl, readBoolean, readChoice, readList, readOptional, readPattern, readVerbatim } =
  await import('../../src/github/input-readers.js');

beforeEach(() => core.setInputs({}));

describe('input readers', () => {
  it('count an empty input as not given, trim settings and keep names and keys as given', () => {
    core.setInputs({ empty: '', timeout: '  5m ', object: '  clip.mp4 ' });
    expect(readOptional('empty')).toBeUndefined();
    expect(readOptional('timeout')).toBe('5m');
    expect(readVerbatim('object')).toBe('  clip.mp4 ');
    expect(readVerbatim('empty')).toBeUndefined();
  });

  it("read YAML's three spellings of each boolean, and refuse anything else", () => {
    core.setInputs({ a: 'True', b: 'FALSE', c: 'yes' });
    expect(readBoolean('a', false)).toBe(true);
    expect(readBoolean('b', true)).toBe(false);
    expect(readBoolean('missing', true)).toBe(true);
    expect(inputError(() => readBoolean('c', true)).message).toBe(
      "Input 'c': expected `true` or `false`, got 'yes'.",
    );
  });

  it('match choices and lists in any case, with none for an empty list', () => {
    core.setInputs({ order: 'ASC', states: 'failed, cancel,', none: 'None', bad: 'Failed,Broken' });
    expect(readChoice('order', ['desc', 'asc'] as const, 'desc')).toBe('asc');
    expect(readChoice('missing', ['desc', 'asc'] as const, 'desc')).toBe('desc');
    expect(readList('states', ['Failed', 'Cancel'] as const, 'none')).toEqual(['Failed', 'Cancel']);
    expect(readList('none', ['Failed'] as const, 'Failed')).toEqual([]);
    const error = inputError(() => readList('bad', ['Failed', 'Cancel'] as const, 'none'));
    expect(error).toMatchObject({ input: 'bad', given: 'Broken' });
    core.setInputs({ order: 'sideways' });
    expect(inputError(() => readChoice('order', ['desc', 'asc'] as const, 'desc')).message).toContain(
      'one of desc, asc',
    );
  });

  it('say a required input is required, and what a wrong one should have been', () => {
    core.setInputs({ id: 'x1' });
    expect(inputError(() => readPattern('missing', /^b/, 'a job id', true)).message).toBe(
      "Input 'missing': required: a job id.",
    );
    expect(readPattern('missing', /^b/, 'a job id', false)).toBeUndefined();
    expect(inputError(() => readPattern('id', /^b/, 'a job id', false)).given).toBe('x1');
  });

  it('take an https:// base URL, or http:// to loopback, without path, query or credentials, never echoing them', () => {
    const read = (text: string) => {
      core.setInputs({ endpoint: text });
      return readBaseUrl('endpoint', 'https://default.example.com');
    };
    expect(readBaseUrl('endpoint', 'https://default.example.com').href).toBe('https://default.example.com/');
    expect(read('https://ci.example.com').host).toBe('ci.example.com');
    expect(read('http://127.0.0.1:9460').port).toBe('9460');
    for (const bad of [
      'http://ci.example.com',
      'https://ci.example.com/x',
      'https://ci.example.com?a=1',
      'ftp://x',
    ]) {
      expect(inputError(() => read(bad)).input).toBe('endpoint');
    }
    const secret = inputError(() => read('https://user:hunter2@ci.example.com'));
    expect(secret.message).not.toContain('hunter2');
    expect(secret.given).toBe('https://…@ci.example.com');
  });
});
