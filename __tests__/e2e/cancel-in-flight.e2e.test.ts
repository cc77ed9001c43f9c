/**
 * The workflow run is cancelled while a call is in flight, with the runner's timing (SIGINT, then
 * SIGTERM at 7.5 s and SIGKILL at 10 s): nothing is orphaned, nothing already known is lost.
 */
import { describe, expect, it } from '@jest/globals';
import type { ChildProcess } from 'node:child_process';
import type { Emulator, RequestRecord } from '../../emulator/index.js';
import {
  cancelLikeRunner,
  runStep,
  RUNNER_SIGTERM_AFTER_MS,
  type StepOptions,
} from '../../test-support/github-runner.js';
import { commonInputs, useEmulator, WORKFLOW_ID } from '../../test-support/e2e-fixtures.js';

let runId = 9_100_000;

function inputs(emulator: Emulator, extra: Record<string, string> = {}) {
  return {
    ...commonInputs(emulator),
    'workflow-id': WORKFLOW_ID,
    prefix: 'slow/',
    'poll-interval': '1s',
    ...extra,
  };
}

/** Runs the main step and cancels it as the runner does once the emulator has seen `when`. */
async function cancelWhen(
  emulator: Emulator,
  when: (request: RequestRecord) => boolean,
  options: StepOptions,
) {
  const run = String(runId++);
  let child: ChildProcess | undefined;
  const before = emulator.requests.length;
  const finished = runStep({
    ...options,
    env: { GITHUB_RUN_ID: run, ...options.env },
    onSpawn: (c) => (child = c),
  });
  const deadline = Date.now() + 15_000;
  while (!emulator.requests.slice(before).some(when)) {
    if (Date.now() > deadline) throw new Error('the awaited request never came');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const cancelledAt = Date.now();
  cancelLikeRunner(child!);
  const result = await finished;
  return { result, exitedAfterMs: Date.now() - cancelledAt, run };
}

const jobsOfRun = (emulator: Emulator, run: string) =>
  emulator.jobs().filter((job) => job.name.includes(`-${run}-`));

describe('cancelled while the create is in flight', () => {
  const emulator = useEmulator({ schedule: { queuedMs: 100, runningMs: 120_000, final: 'Success' } });

  it('gives the create up within the grace period, and post: finds the job made late and cancels it', async () => {
    emulator().clearFaults();
    emulator().addFault({ call: 'create', kind: 'slow', delayMs: 6000 });
    const { result, exitedAfterMs, run } = await cancelWhen(emulator(), (r) => r.call === 'create', {
      inputs: inputs(emulator()),
    });

    expect(result.signal).toBeNull();
    expect(exitedAfterMs).toBeLessThan(RUNNER_SIGTERM_AFTER_MS);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/The create of job \S+ is in flight: waiting up to 4s for its answer/);
    expect(result.warnings.join('\n')).toContain(
      'the post: step looks the job up by its name and cancels it',
    );
    expect(result.errors).toEqual([expect.stringContaining('the workflow run was cancelled')]);
    expect(result.state).toMatchObject({ phase: 'creating' });
    expect(result.state['job-id']).toBeUndefined();
    expect(jobsOfRun(emulator(), run)).toHaveLength(0); // not made yet: the service is slow

    const post = await runStep({ entry: 'post', inputs: inputs(emulator()), state: result.state });
    const jobs = jobsOfRun(emulator(), run);
    expect(jobs).toHaveLength(1);
    expect(jobs[0]).toMatchObject({ state: 'Cancel', cancelled: true });
    expect(post.code).toBe(0);
    expect(post.errors).toEqual([]);
    expect(post.stdout).toContain(`which the service made after all: cancelled job ${jobs[0]?.id}`);
  }, 60_000);

  it.each([
    ['waiting', 'true'],
    ['not waiting (wait: false)', 'false'],
  ])(
    'when %s, a create answered within the grace period is reported and its job cancelled at once',
    async (_how, wait) => {
      emulator().clearFaults();
      emulator().addFault({ call: 'create', kind: 'slow', delayMs: 1500 });
      const { result, exitedAfterMs, run } = await cancelWhen(emulator(), (r) => r.call === 'create', {
        inputs: inputs(emulator(), { wait }),
      });

      const jobs = jobsOfRun(emulator(), run);
      expect(jobs).toHaveLength(1);
      expect(exitedAfterMs).toBeLessThan(RUNNER_SIGTERM_AFTER_MS);
      expect(result.outputs['job-id']).toBe(jobs[0]?.id);
      expect(jobs[0]).toMatchObject({ state: 'Cancel', cancelled: true, cancelRequests: 1 });
      expect(result.state).toMatchObject({ 'job-id': jobs[0]?.id, phase: 'cancelled' });
      expect(result.code).toBe(1);
      expect(result.warnings.join('\n')).toContain(`cancelled job ${jobs[0]?.id}`);
    },
    30_000,
  );

  it('with cancel-on-abort: false, post: leaves a job made late alone', async () => {
    emulator().clearFaults();
    emulator().addFault({ call: 'create', kind: 'slow', delayMs: 5000 });
    const { result, run } = await cancelWhen(emulator(), (r) => r.call === 'create', {
      inputs: inputs(emulator(), { 'cancel-on-abort': 'false' }),
    });
    expect(result.warnings.join('\n')).toContain('it is left running (cancel-on-abort: false)');
    expect(result.state.phase).toBe('detached');
    await runStep({ entry: 'post', inputs: inputs(emulator()), state: result.state });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(jobsOfRun(emulator(), run)).toEqual([expect.objectContaining({ cancelRequests: 0 })]);
  }, 30_000);
});

describe('cancelled while a manual trigger is in flight', () => {
  const emulator = useEmulator();

  it('gives the trigger up within the grace period, saying the run may have started', async () => {
    emulator().addFault({ call: 'trigger', kind: 'slow', delayMs: 6000 });
    const { prefix: _prefix, ...common } = inputs(emulator());
    const { result, exitedAfterMs } = await cancelWhen(emulator(), (r) => r.call === 'trigger', {
      action: 'trigger-workflow',
      inputs: { ...common, object: 'clips/a.mp4' },
    });
    expect(exitedAfterMs).toBeLessThan(RUNNER_SIGTERM_AFTER_MS);
    expect(result.code).toBe(1);
    expect(result.errors).toEqual([
      expect.stringContaining('POST /triggerworkflow was aborted. The trigger was not sent again'),
    ]);
  }, 30_000);
});

describe('cancelled during the object check', () => {
  const emulator = useEmulator({
    schedule: { queuedMs: 100, runningMs: 300, final: 'Success' },
    objectsFor: () => [{ key: 'slow/late.mp4', runMs: 120_000, final: 'Success' }],
  });

  it("keeps the job's summary and outputs", async () => {
    const { result, exitedAfterMs } = await cancelWhen(emulator(), (r) => r.call === 'executions', {
      inputs: inputs(emulator(), { 'object-failures': 'fail' }),
    });
    expect(exitedAfterMs).toBeLessThan(RUNNER_SIGTERM_AFTER_MS);
    expect(result.code).toBe(1);
    expect(result.outputs).toMatchObject({
      state: 'Success',
      'job-id': expect.stringMatching(/^b[0-9a-f]{32}$/),
    });
    expect(result.outputs.job).toContain('"State":"Success"');
    expect(result.summary).toContain(`| Job id | \`${result.outputs['job-id']}\` |`);
    expect(result.summary).toContain(
      "The check of the objects' workflow runs stopped: the workflow run was cancelled",
    );
    expect(result.errors).toEqual([expect.stringContaining('the workflow run was cancelled')]);
  }, 30_000);
});

describe('a runner whose GITHUB_STATE file is missing', () => {
  const emulator = useEmulator();

  it('still reports the job: job-id output, Success, and a warning', async () => {
    const result = await runStep({
      inputs: inputs(emulator(), { 'object-failures': 'ignore' }),
      env: { GITHUB_STATE: '/nonexistent/dir/state', GITHUB_RUN_ID: String(runId++) },
    });
    const job = emulator().jobs().at(-1);
    expect(result.code).toBe(0);
    expect(result.outputs['job-id']).toBe(job?.id);
    expect(result.outputs.state).toBe('Success');
    expect(result.warnings.join('\n')).toContain("The step's state could not be saved");
  });
});
