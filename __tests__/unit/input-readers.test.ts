import { beforeEach, describe, expect, it, jest } from '@jest/globals';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as core from '../../__fixtures__/core.js';
import { inputError } from '../../test-support/action-inputs.js';

jest.unstable_mockModule('@actions/core', () => core);
const {
  readBaseUrl,
  readBoolean,
  readChoice,
  readInputFile,
  readList,
  readOptional,
  readPattern,
  readVerbatim,
} = await import('../../src/github/input-readers.js');

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

  it('read a file an input names, whole, up to its limit, as UTF-8; anything else names the input', () => {
    const dir = mkdtempSync(join(tmpdir(), 'input-file-'));
    const file = (name: string, content: string | Buffer) => {
      writeFileSync(join(dir, name), content);
      return join(dir, name);
    };
    core.setInputs({
      keys: ` ${file('keys.txt', 'a.mp4\n视频.mp4\n')} `,
      big: file('big.txt', 'x'.repeat(1025)),
      exact: file('exact.txt', 'y'.repeat(1024)),
      latin1: file('latin1.txt', Buffer.from([0x63, 0x61, 0x66, 0xe9])),
      missing: join(dir, 'none.txt'),
      folder: dir,
    });
    expect(readInputFile('keys', 1024)).toBe('a.mp4\n视频.mp4\n');
    expect(readInputFile('exact', 1024)).toHaveLength(1024);
    expect(readInputFile('not-given', 1024)).toBeUndefined();
    for (const [name, why] of [
      ['big', 'larger'],
      ['latin1', 'not UTF-8'],
      ['missing', 'ENOENT'],
      ['folder', 'not a file'],
    ]) {
      const error = inputError(() => readInputFile(name!, 1024));
      expect(error.input).toBe(name);
      expect(error.message).toContain('the path of a readable file of at most');
      expect(error.given).toContain(`(${why})`);
    }
  });
});
