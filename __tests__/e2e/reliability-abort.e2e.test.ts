import { describe, expect, it } from '@jest/globals';
import type { ChildProcess } from 'node:child_process';
import { runStep } from '../../test-support/github-runner.js';
import { commonInputs, useEmulator, WORKFLOW_ID } from '../../test-support/e2e-fixtures.js';

const emulator = useEmulator({ schedule: { queuedMs: 100, runningMs: 120_000, final: 'Success' } });
let runId = 8_000_000;

function inputs(extra: Record<string, string> = {}) {
  return {
    ...commonInputs(emulator()),
    'workflow-id': WORKFLOW_ID,
    prefix: 'long/',
    'poll-interval': '1s',
    ...extra,
  };
}

/**
 * Runs the main step and, once its job is Running, treats it as the runner treats a cancelled
 * workflow run: `signal`, or SIGKILL when the process outlived the runner's grace period.
 */
async function runAndInterrupt(extra: Record<string, string>, signal: NodeJS.Signals, action = '.') {
  const run = String(runId++);
  let child: ChildProcess | undefined;
  const finished = runStep({
    action,
    inputs: extra,
    env: { GITHUB_RUN_ID: run },
    onSpawn: (spawned) => (child = spawned),
  });
  const deadline = Date.now() + 15_000;
  for (;;) {
    const job = emulator()
      .jobs()
      .find((candidate) => candidate.name.includes(`-${run}-`) || extra['job-id'] === candidate.id);
    if (job?.state === 'Running' && Date.now() > (job.startedAt ?? 0) + 600) break;
    if (Date.now() > deadline) throw new Error('the job never ran');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  child?.kill(signal);
  return finished;
}

const jobOf = (id: string | undefined) =>
  emulator()
    .jobs()
    .find((job) => job.id === id);

describe('the workflow run is cancelled while the step waits', () => {
  it('SIGINT cancels the job within the runner grace period, and post does not cancel it again', async () => {
    const started = Date.now();
    const run = await runAndInterrupt(inputs(), 'SIGINT');
    const jobId = run.outputs['job-id'];
    expect(jobOf(jobId)).toMatchObject({ state: 'Cancel', cancelled: true, cancelRequests: 1 });
    expect(run.code).toBe(1);
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(run.state).toMatchObject({ 'job-id': jobId, phase: 'cancelled' });
    expect(run.warnings.join('\n')).toContain(`cancelled job ${jobId}`);
    expect(run.errors).toEqual([expect.stringContaining('the workflow run was cancelled')]);
    expect(run.summary).toContain('The wait stopped: the workflow run was cancelled.');

    const post = await runStep({ entry: 'post', inputs: inputs(), state: run.state });
    expect(post.code).toBe(0);
    expect(jobOf(jobId)?.cancelRequests).toBe(1);
  });

  it('when the main step is killed before it can cancel, the post: entry cancels the job from the saved state', async () => {
    const run = await runAndInterrupt(inputs(), 'SIGKILL');
    const jobId = run.outputs['job-id'];
    expect(run.signal).toBe('SIGKILL');
    expect(run.state).toMatchObject({ 'job-id': jobId, phase: 'waiting' });
    expect(jobOf(jobId)?.state).toBe('Running');

    const post = await runStep({ entry: 'post', inputs: inputs(), state: run.state });
    expect(post.code).toBe(0);
    expect(post.errors).toEqual([]);
    expect(post.stdout).toContain(`cancelled it (state now Cancel)`);
    expect(jobOf(jobId)).toMatchObject({ state: 'Cancel', cancelRequests: 1 });
  });

  it('a wait that stops on an error of its own leaves the job running, also after post', async () => {
    emulator().clearFaults();
    emulator().addFault({ call: 'describe', kind: 'status', status: 403, code: 'AccessDenied', times: 1 });
    const run = await runStep({ inputs: inputs(), env: { GITHUB_RUN_ID: String(runId++) } });
    const jobId = run.outputs['job-id'];
    expect(run.code).toBe(1);
    expect(run.state).toMatchObject({ 'job-id': jobId, phase: 'stopped' });
    expect(run.outputs.state).toBe('Submitted');
    const post = await runStep({ entry: 'post', inputs: inputs(), state: run.state });
    expect(post.code).toBe(0);
    expect(jobOf(jobId)).toMatchObject({ cancelled: false, cancelRequests: 0 });
  });

  it('with cancel-on-abort: false, neither the signal nor post cancels the job', async () => {
    const run = await runAndInterrupt(inputs({ 'cancel-on-abort': 'false' }), 'SIGINT');
    const jobId = run.outputs['job-id'];
    expect(run.state.phase).toBe('detached');
    expect(run.warnings.join('\n')).toContain('left running (cancel-on-abort: false)');
    await runStep({ entry: 'post', inputs: inputs({ 'cancel-on-abort': 'false' }), state: run.state });
    expect(jobOf(jobId)).toMatchObject({ state: 'Running', cancelRequests: 0 });
  });

  it('with wait: false the job is never cancelled, even by post after a kill', async () => {
    const run = await runStep({ inputs: inputs({ wait: 'false' }), env: { GITHUB_RUN_ID: String(runId++) } });
    const jobId = run.outputs['job-id'];
    expect(run.state).toMatchObject({ 'job-id': jobId, phase: 'detached' });
    const post = await runStep({ entry: 'post', inputs: inputs({ wait: 'false' }), state: run.state });
    expect(post.code).toBe(0);
    expect(jobOf(jobId)).toMatchObject({ cancelled: false, cancelRequests: 0 });
    expect(jobOf(jobId)?.state).not.toBe('Cancel');
  });

  it('a post: that cannot reach the service warns and does not fail', async () => {
    const run = await runAndInterrupt(inputs(), 'SIGKILL');
    const post = await runStep({
      entry: 'post',
      inputs: inputs({ endpoint: 'http://127.0.0.1:9', 'request-timeout': '1s' }),
      state: run.state,
    });
    expect(post.code).toBe(0);
    expect(post.errors).toEqual([]);
    expect(post.warnings.at(-1)).toContain(`Could not cancel job ${run.outputs['job-id']}`);
    expect(post.warnings.length).toBeLessThanOrEqual(2);
  });

  it('a cancellation right after a create whose answer was unreadable still reports and cancels that job', async () => {
    emulator().clearFaults();
    emulator().addFault({ call: 'create', kind: 'truncated' });
    const before = emulator().requests.length;
    const run = String(runId++);
    let child: ChildProcess | undefined;
    const finished = runStep({ inputs: inputs(), env: { GITHUB_RUN_ID: run }, onSpawn: (c) => (child = c) });
    const deadline = Date.now() + 10_000;
    while (
      !emulator()
        .requests.slice(before)
        .some((r) => r.call === 'create' && r.fault === 'truncated')
    ) {
      if (Date.now() > deadline) throw new Error('the create never came');
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    child?.kill('SIGINT');
    const result = await finished;
    const jobs = emulator()
      .jobs()
      .filter((job) => job.name.includes(`-${run}-`));
    expect(jobs).toHaveLength(1);
    expect(result.outputs['job-id']).toBe(jobs[0]?.id);
    expect(jobs[0]).toMatchObject({ state: 'Cancel', cancelled: true });
    expect(result.code).toBe(1);
  });

  it('wait/ leaves the job alone on SIGINT by default (the job was started elsewhere)', async () => {
    const created = await runStep({
      inputs: inputs({ wait: 'false' }),
      env: { GITHUB_RUN_ID: String(runId++) },
    });
    const jobId = created.outputs['job-id'] as string;
    const { prefix: _prefix, 'workflow-id': _workflow, ...common } = inputs();
    const run = await runAndInterrupt({ ...common, 'job-id': jobId }, 'SIGINT', 'wait');
    expect(run.state.phase).toBe('detached');
    await runStep({
      action: 'wait',
      entry: 'post',
      inputs: { ...common, 'job-id': jobId },
      state: run.state,
    });
    expect(jobOf(jobId)).toMatchObject({ state: 'Running', cancelRequests: 0 });
  });
});
