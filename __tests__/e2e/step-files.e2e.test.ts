/**
 * A step's verdict is the job's, never a file's (issue 22, item 1): with RUNNER_TEMP missing or a
 * file, the files a step writes (objects-file, jobs-file) are a warning and an empty output; the
 * main step, wait/ and list/ still end as their job does, with their other outputs set.
 */
import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runStep, type StepRun } from '../../test-support/github-runner.js';
import {
  commonInputs,
  createJobElsewhere,
  schedulesByPrefix,
  useEmulator,
  WORKFLOW_ID,
} from '../../test-support/e2e-fixtures.js';

const emulator = useEmulator({ scheduleFor: schedulesByPrefix() });

const UNWRITABLE: Array<[string, () => string]> = [
  ['missing', () => join(tmpdir(), 'no-such-runner-temp-22', 'deeper')],
  [
    'a file',
    () => {
      const file = join(mkdtempSync(join(tmpdir(), 'runner-temp-')), 'not-a-folder');
      writeFileSync(file, '');
      return file;
    },
  ],
];

function expectFileWarning(run: StepRun, output: string) {
  expect(run.warnings).toEqual([
    expect.stringMatching(new RegExp(`^The file for the ${output} output could not be written \\(E[A-Z]+`)),
  ]);
  expect(run.warnings[0]).toContain(`${output} is left empty. The step's result does not depend on it.`);
  expect(run.outputs[output]).toBe('');
  expect(run.stdout).not.toContain('unexpected error');
}

describe.each(UNWRITABLE)('with RUNNER_TEMP %s', (_case, runnerTemp) => {
  it('the main step reports a job whose objects all succeeded as a success, objects-file empty', async () => {
    const run = await runStep({
      inputs: {
        ...commonInputs(emulator()),
        'workflow-id': WORKFLOW_ID,
        prefix: 'videos/',
        'poll-interval': '1s',
      },
      env: { RUNNER_TEMP: runnerTemp() },
    });
    expect(run.errors).toEqual([]);
    expect(run.code).toBe(0);
    expect(run.outputs).toMatchObject({ state: 'Success', 'failed-count': '0' });
    expect(run.outputs['job-id']).toMatch(/^b[0-9a-f]{32}$/);
    expectFileWarning(run, 'objects-file');
    expect(run.summary).toContain('Every workflow run of the job ended `Success`.');
  });

  it('wait/ does too, and still fails a job that failed, for the job', async () => {
    const ok = await createJobElsewhere(emulator(), { prefix: 'videos/', name: 'files-ok' });
    const failed = await createJobElsewhere(emulator(), { prefix: 'fails/', name: 'files-failed' });
    const [okRun, failedRun] = await Promise.all(
      [ok, failed].map((jobId) =>
        runStep({
          action: 'wait',
          inputs: { ...commonInputs(emulator()), 'job-id': jobId, 'poll-interval': '1s' },
          env: { RUNNER_TEMP: runnerTemp() },
        }),
      ),
    );
    expect(okRun!.errors).toEqual([]);
    expect(okRun!.code).toBe(0);
    expect(okRun!.outputs.state).toBe('Success');
    expectFileWarning(okRun!, 'objects-file');
    expect(failedRun!.code).toBe(1);
    expect(failedRun!.errors).toEqual([expect.stringContaining(`Job ${failed} ended Failed`)]);
  });

  it('list/ sets jobs and count, and leaves jobs-file empty', async () => {
    const run = await runStep({
      action: 'list',
      inputs: { ...commonInputs(emulator()), limit: '5' },
      env: { RUNNER_TEMP: runnerTemp() },
    });
    expect(run.errors).toEqual([]);
    expect(run.code).toBe(0);
    expect(Number(run.outputs.count)).toBeGreaterThan(0);
    expect(JSON.parse(run.outputs.jobs ?? '[]')).toHaveLength(Number(run.outputs.count));
    expectFileWarning(run, 'jobs-file');
  });
});
