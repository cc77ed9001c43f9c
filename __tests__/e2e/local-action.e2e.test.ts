/**
 * GitHub's own local runner, `@github/local-action`, imports an action's `main.ts`, calls its exported
 * `run()` and stubs `@actions/core` to see what it does. Run here as a new user would (`npx
 * local-action run`), under Node 24, against the emulator.
 */
import { describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { NODE24, ROOT } from '../../test-support/github-runner.js';
import { commonInputs, useEmulator, WORKFLOW_ID } from '../../test-support/e2e-fixtures.js';

const emulator = useEmulator();

async function localAction(action: string, entry: string, inputs: Record<string, string>) {
  const envFile = join(mkdtempSync(join(tmpdir(), 'local-action-')), '.env');
  writeFileSync(
    envFile,
    Object.entries(inputs)
      .map(([name, value]) => `INPUT_${name.toUpperCase()}=${value}`)
      .join('\n') + '\n',
  );
  const { stdout } = await promisify(execFile)('npx', ['local-action', 'run', action, entry, envFile], {
    cwd: ROOT,
    env: { ...process.env, PATH: `${dirname(NODE24)}:${process.env.PATH}`, NODE_OPTIONS: '' },
    timeout: 90_000,
    maxBuffer: 16 * 1024 * 1024,
  });
  // The stubbed core prints each output as the old workflow command; the last value of a name wins.
  const outputs: Record<string, string> = {};
  for (const [, name, value] of stdout.matchAll(/^::set-output name=([^:]+)::(.*)$/gm)) {
    outputs[name as string] = value as string;
  }
  return { stdout, outputs };
}

describe('@github/local-action', () => {
  it('runs the main action from src/ and sees its outputs', async () => {
    const { outputs } = await localAction('.', 'src/actions/create/main.ts', {
      ...commonInputs(emulator()),
      'workflow-id': WORKFLOW_ID,
      prefix: 'local/',
      'poll-interval': '1s',
    });
    const job = emulator()
      .jobs()
      .find((candidate) => candidate.id === outputs['job-id']);
    expect(job?.request.input).toEqual({ kind: 'Prefix', value: 'local/' });
    expect(outputs).toMatchObject({ state: 'Success', 'failed-count': '0', name: job?.request.name });
    expect(JSON.parse(outputs.job as string)).toMatchObject({ JobId: job?.id, State: 'Success' });
  });

  it('runs wait/ from src/ on a job made elsewhere', async () => {
    const made = await localAction('.', 'src/actions/create/main.ts', {
      ...commonInputs(emulator()),
      'workflow-id': WORKFLOW_ID,
      object: 'local/one.mp4',
      wait: 'false',
    });
    const jobId = made.outputs['job-id'] as string;
    expect(jobId).toMatch(/^b[0-9a-f]{32}$/);
    const { outputs } = await localAction('wait', '../src/actions/wait/main.ts', {
      ...commonInputs(emulator()),
      'job-id': jobId,
      'poll-interval': '1s',
    });
    expect(outputs).toMatchObject({ 'job-id': jobId, state: 'Success', 'failed-count': '0' });
  });
});
