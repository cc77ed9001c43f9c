import { afterEach, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { openRunnerFile, runnerTempPath } from '../../src/github/runner-files.js';

const runnerTemp = process.env.RUNNER_TEMP;
afterEach(() => {
  if (runnerTemp === undefined) delete process.env.RUNNER_TEMP;
  else process.env.RUNNER_TEMP = runnerTemp;
});

describe('runnerTempPath', () => {
  it("names a new file under the runner's RUNNER_TEMP, <stem>-<random>.<extension>, another on each call", () => {
    process.env.RUNNER_TEMP = join('/home/runner/work', '_temp');
    const first = runnerTempPath('cos-workflow-trigger-jobs', 'json');
    expect(first).toMatch(/^\/home\/runner\/work\/_temp\/cos-workflow-trigger-jobs-[0-9a-f]{8}\.json$/);
    expect(runnerTempPath('cos-workflow-trigger-jobs', 'json')).not.toBe(first);
  });

  it("uses the system's temporary folder outside a runner", () => {
    delete process.env.RUNNER_TEMP;
    expect(dirname(runnerTempPath('objects', 'jsonl'))).toBe(tmpdir());
    process.env.RUNNER_TEMP = '';
    expect(dirname(runnerTempPath('objects', 'jsonl'))).toBe(tmpdir());
  });
});

describe('openRunnerFile', () => {
  it('writes the file as it goes and gives its path', async () => {
    process.env.RUNNER_TEMP = mkdtempSync(join(tmpdir(), 'runner-temp-'));
    const warnings: string[] = [];
    const file = await openRunnerFile('objects', 'jsonl', 'objects-file', (m) => warnings.push(m));
    await file.write('{"a":1}\n');
    await file.write('{"a":2}\n');
    await file.close();
    expect(dirname(file.path)).toBe(process.env.RUNNER_TEMP);
    expect(readFileSync(file.path, 'utf8')).toBe('{"a":1}\n{"a":2}\n');
    expect(warnings).toEqual([]);
  });

  it.each([
    ['missing', () => join(tmpdir(), 'no-such-runner-temp', 'deeper')],
    [
      'a file',
      () => {
        const path = join(mkdtempSync(join(tmpdir(), 'runner-temp-')), 'file');
        writeFileSync(path, '');
        return path;
      },
    ],
  ])(
    'with RUNNER_TEMP %s: one warning naming the output, an empty path, and nothing thrown',
    async (_, folder) => {
      process.env.RUNNER_TEMP = folder();
      const warnings: string[] = [];
      const file = await openRunnerFile('jobs', 'json', 'jobs-file', (m) => warnings.push(m));
      await file.write('[]');
      await file.close();
      expect(file.path).toBe('');
      expect(warnings).toEqual([
        expect.stringMatching(/^The file for the jobs-file output could not be written \(E\w+/),
      ]);
      expect(warnings[0]).toContain("jobs-file is left empty. The step's result does not depend on it.");
    },
  );
});
