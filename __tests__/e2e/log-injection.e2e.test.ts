/**
 * A value from an input or an answer that holds a line break must not start a log line of its
 * own: the runner would read `::error::`, `::add-mask::` or `::stop-commands::` there as a workflow
 * command (and `stop-commands` would hide the action's own error). Object keys often come from
 * uploads, so no hostile server is needed for this.
 */
import { describe, expect, it } from '@jest/globals';
import { runStep, type StepRun } from '../../test-support/github-runner.js';
import { commonInputs, useEmulator, WORKFLOW_ID } from '../../test-support/e2e-fixtures.js';

const HOSTILE =
  'uploads/a.mp4\n::error::injected\r\n::add-mask::uploads\n::stop-commands::injected\n##[error]injected';

const emulator = useEmulator();

/** Lines the runner would read as a command that carries the hostile value. */
function injectedCommands(run: StepRun): string[] {
  return run.stdout
    .split(/\r?\n|\r/)
    .filter((line) => (/^\s*::/.test(line) || line.includes('##[')) && line.includes('injected'));
}

describe('values with line breaks in the log', () => {
  it('the dry run prints a key with line breaks as one line of the request, escaped', async () => {
    const run = await runStep({
      inputs: { ...commonInputs(emulator()), 'workflow-id': WORKFLOW_ID, object: HOSTILE, 'dry-run': 'true' },
    });
    expect(run.code).toBe(0);
    expect(run.errors).toEqual([]);
    expect(injectedCommands(run)).toEqual([]);
    expect(run.stdout).toContain('<Object>uploads/a.mp4&#10;::error::injected&#13;&#10;::add-mask::uploads');
  });

  it('trigger-workflow runs on the key as given and logs it on one line', async () => {
    const run = await runStep({
      action: 'trigger-workflow',
      inputs: { ...commonInputs(emulator()), 'workflow-id': WORKFLOW_ID, object: HOSTILE, wait: 'false' },
    });
    expect(run.errors).toEqual([]);
    expect(injectedCommands(run)).toEqual([]);
    const execution = emulator()
      .executions()
      .find((candidate) => candidate.runId === run.outputs['instance-id']);
    expect(execution?.object).toBe(HOSTILE);
    expect(run.stdout).toContain('on uploads/a.mp4\\n::error::injected\\r\\n::add-mask::uploads');
  });
});
