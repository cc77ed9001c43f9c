/** The `post:` entry of the main step and wait/, against the emulator, with the state the step saved. */
import { afterAll, beforeAll, beforeEach, describe, expect, it, jest } from '@jest/globals';
import * as core from '../../__fixtures__/core.js';
import { startEmulator, type Emulator } from '../../emulator/index.js';
import { BASE_INPUTS, resetInputs } from '../../test-support/action-inputs.js';

jest.unstable_mockModule('@actions/core', () => core);
const { run } = await import('../../src/actions/post/main.js');
const { CiClient } = await import('../../src/ci/client.js');

const KEYS = { 'secret-id': 'AKIDpost', 'secret-key': 'post-secret-key' };
const UNKNOWN_JOB = 'b' + 'f'.repeat(32);
let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator({
    secretId: KEYS['secret-id'],
    secretKey: KEYS['secret-key'],
    schedule: { queuedMs: 0, runningMs: 600_000, final: 'Success' },
  });
});
afterAll(async () => emulator.close());

/** The state the step saved, as core.getState gives it to post:. */
function saved(state: Record<string, string>) {
  core.getState.mockImplementation((name) => state[name] ?? '');
}

async function runningJob(): Promise<string> {
  const client = new CiClient({
    endpoint: new URL(emulator.url),
    credentials: { secretId: KEYS['secret-id'], secretKey: KEYS['secret-key'] },
    logger: { debug: () => undefined, warning: () => undefined },
  });
  const created = await client.createJob({
    name: 'post-test',
    workflowId: BASE_INPUTS['workflow-id']!,
    input: { kind: 'Prefix', value: 'videos/' },
  });
  return created.value.jobId;
}

beforeEach(() => {
  resetInputs();
  core.setInputs({ ...BASE_INPUTS, ...KEYS, endpoint: emulator.url });
});

describe('post:', () => {
  it('cancels a job the step was still waiting for when it was stopped', async () => {
    const jobId = await runningJob();
    saved({ 'job-id': jobId, phase: 'waiting' });
    await run();
    expect(emulator.jobs().find((job) => job.id === jobId)?.state).toBe('Cancel');
    expect(core.info).toHaveBeenCalledWith(
      `The step never saw job ${jobId} end: cancelled it (state now Cancel).`,
    );
    expect(core.setFailed).not.toHaveBeenCalled();
  });

  it.each(['ended', 'detached', 'timed-out', 'stopped', ''])(
    'leaves the job alone in phase %p, sending nothing',
    async (phase) => {
      const jobId = await runningJob();
      const before = emulator.requests.length;
      saved({ 'job-id': jobId, phase });
      await run();
      expect(emulator.requests.length).toBe(before);
      expect(emulator.jobs().find((job) => job.id === jobId)?.state).not.toBe('Cancel');
    },
  );

  it('warns, and fails nothing, when the job cannot be cancelled', async () => {
    saved({ 'job-id': UNKNOWN_JOB, phase: 'waiting' });
    await run();
    expect(core.warning).toHaveBeenCalledTimes(1);
    expect(core.warning.mock.calls[0]?.[0]).toMatch(
      `Could not cancel job ${UNKNOWN_JOB} after the workflow run was cancelled`,
    );
    expect(core.setFailed).not.toHaveBeenCalled();
  });
});
