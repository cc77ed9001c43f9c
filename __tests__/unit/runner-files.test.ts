import { afterEach, describe, expect, it } from '@jest/globals';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { runnerTempPath } from '../../src/github/runner-files.js';

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
