import { describe, expect, it } from '@jest/globals';
import { runStep, type StepRun } from '../../test-support/github-runner.js';
import {
  accessDenied,
  jobById,
  sleep,
  API_TIME,
  commonInputs,
  createJobElsewhere,
  expectOneInputError,
  everythingShown,
  schedulesByPrefix,
  SECRET_KEY,
  useEmulator,
  WORKFLOW_ID,
} from '../../test-support/e2e-fixtures.js';

const emulator = useEmulator({
  scheduleFor: schedulesByPrefix({
    'ok/': { queuedMs: 100, runningMs: 3000, final: 'Success' },
    'quick/': { queuedMs: 0, runningMs: 50, final: 'Success' },
  }),
  objectsFor: ({ input }) =>
    input.Prefix === 'objfail/'
      ? [
          { key: 'objfail/a.mp4', runMs: 100, final: 'Success' },
          { key: 'objfail/b.mp4', runMs: 200, final: 'Failed' },
        ]
      : undefined,
});

const createJob = (prefix: string, name = 'made-elsewhere') =>
  createJobElsewhere(emulator(), { prefix, name });

const inputs = (extra: Record<string, string>) => ({
  ...commonInputs(emulator()),
  'poll-interval': '1s',
  ...extra,
});
const jobOf = (id: string) => jobById(emulator(), id);

/** Runs wait/ on job `jobId`, with these inputs besides the common ones. */
const waitFor = (jobId: string, extra: Record<string, string> = {}) =>
  runStep({ action: 'wait', inputs: inputs({ 'job-id': jobId, ...extra }) });

/** Runs wait/'s post entry on job `jobId`, with the state its main entry saved. */
const waitPost = (jobId: string, state: StepRun['state']) =>
  runStep({ action: 'wait', entry: 'post', inputs: inputs({ 'job-id': jobId }), state });

/** Runs wait/ and sends the step SIGINT (the workflow run is cancelled) after `afterMs`. */
function abortedWait(jobId: string, extra: Record<string, string>, afterMs = 1500): Promise<StepRun> {
  return runStep({
    action: 'wait',
    inputs: inputs({ 'job-id': jobId, ...extra }),
    onSpawn: (child) => void setTimeout(() => child.kill('SIGINT'), afterMs),
  });
}

describe('wait/', () => {
  it('waits for a job created elsewhere to end, with the outputs of the main step and no request-id', async () => {
    const jobId = await createJob('ok/');
    const before = emulator().requests.length;
    const run = await waitFor(jobId);
    expect(run.errors).toEqual([]);
    expect(run.code).toBe(0);
    const calls = emulator().requests.slice(before);
    expect(
      calls.filter((r) => r.call === 'describe' && r.path === `/inventorytriggerjob/${jobId}`).length,
    ).toBeGreaterThan(2);
    expect(calls.some((r) => r.call === 'create' || r.call === 'cancel')).toBe(false);
    expect(run.stdout).toMatch(new RegExp(`Job ${jobId} is Success \\(`));
    expect(run.outputs).toMatchObject({
      'job-id': jobId,
      name: 'made-elsewhere',
      state: 'Success',
      code: 'Success',
      message: '',
      'failed-count': '0',
      'failed-objects': '[]',
    });
    expect(run.outputs['request-id']).toBeUndefined();
    for (const time of ['creation-time', 'start-time', 'end-time'])
      expect(run.outputs[time]).toMatch(API_TIME);
    expect(JSON.parse(run.outputs.job as string)).toMatchObject({
      JobId: jobId,
      Name: 'made-elsewhere',
      State: 'Success',
    });
    expect(run.state).toEqual({ 'job-id': jobId, phase: 'ended' });
    expect(run.summary).toContain(`| Job id | \`${jobId}\` |`);
    expect(run.summary).toContain(`| Workflow | \`${WORKFLOW_ID}\` |`);
    expect(run.summary).toContain('| Input | Prefix `ok/` |');
    expect(run.summary).toContain('| State | ✅ Success |');
    expect(run.summary).not.toContain('Request id');
    expect(everythingShown(run)).not.toContain(SECRET_KEY);
  });

  it('reports a job that has already ended at once: one status call, no polling', async () => {
    const jobId = await createJob('quick/');
    await sleep(200);
    const before = emulator().requests.length;
    const run = await waitFor(jobId);
    expect(run.code).toBe(0);
    expect(
      emulator()
        .requests.slice(before)
        .filter((r) => r.call === 'describe'),
    ).toHaveLength(1);
    expect(run.outputs).toMatchObject({ 'job-id': jobId, state: 'Success' });
    expect(run.outputs['end-time']).toMatch(API_TIME);
  });

  it('fails when the job ends Failed, naming the job, code and message; fail-on none passes it', async () => {
    const jobId = await createJob('fails/');
    const run = await waitFor(jobId);
    expect(run.code).toBe(1);
    expect(run.errors).toEqual([
      `Job ${jobId} ended Failed with code WorkflowFailed: node Transcode_1 failed. Check the workflow and its input objects in the CI console.`,
    ]);
    expect(run.outputs).toMatchObject({
      'job-id': jobId,
      state: 'Failed',
      code: 'WorkflowFailed',
      message: 'node Transcode_1 failed',
    });
    expect(run.summary).toContain('| State | ❌ Failed |');
    const tolerant = await waitFor(jobId, { 'fail-on': 'none' });
    expect(tolerant.errors).toEqual([]);
    expect(tolerant.code).toBe(0);
    expect(tolerant.outputs.state).toBe('Failed');
  });

  it('fails on Cancel by default, and on Success when fail-on says Success', async () => {
    const cancelled = await waitFor(await createJob('cancelled/'));
    expect(cancelled.code).toBe(1);
    expect(cancelled.errors).toHaveLength(1);
    expect(cancelled.errors[0]).toContain('ended Cancel');
    const strict = await waitFor(await createJob('quick/'), { 'fail-on': 'Success' });
    expect(strict.code).toBe(1);
    expect(strict.errors).toHaveLength(1);
    expect(strict.errors[0]).toContain('ended Success');
  });

  it('checks the objects: fail names the failed run, warn only annotates, ignore leaves failed-count empty', async () => {
    const jobId = await createJob('objfail/');
    const failing = await waitFor(jobId);
    expect(failing.code).toBe(1);
    expect(failing.errors).toHaveLength(1);
    const run = emulator()
      .executions()
      .find((e) => e.jobId === jobId && e.object === 'objfail/b.mp4');
    expect(failing.errors[0]).toContain(
      `1 object(s) of job ${jobId} failed processing: objfail/b.mp4 (Failed in task Transcode_1 with ` +
        `InvalidInput: The input file is not a valid media file., run ${run?.runId})`,
    );
    expect(failing.outputs['failed-count']).toBe('1');
    expect(JSON.parse(failing.outputs['failed-objects'] as string)).toEqual([
      {
        object: 'objfail/b.mp4',
        runId: run?.runId,
        state: 'Failed',
        task: 'Transcode_1',
        code: 'InvalidInput',
        message: 'The input file is not a valid media file.',
      },
    ]);
    expect(failing.summary).toContain('#### Objects');
    const warned = await waitFor(jobId, { 'object-failures': 'warn' });
    expect(warned.code).toBe(0);
    expect(warned.errors).toEqual([]);
    expect(warned.warnings.some((w) => w.includes('objfail/b.mp4'))).toBe(true);
    const ignored = await waitFor(jobId, { 'object-failures': 'ignore' });
    expect(ignored.code).toBe(0);
    expect(ignored.outputs['failed-count'] ?? '').toBe('');
    expect(ignored.outputs['objects-file'] ?? '').toBe('');
    expect(ignored.outputs.state).toBe('Success');
  });

  it('times out, saying the job still runs, polling no less often than poll-interval and never cancelling', async () => {
    const jobId = await createJob('slow/');
    const run = await waitFor(jobId, { timeout: '2s', 'poll-interval': '1s' });
    expect(run.code).toBe(1);
    expect(run.errors).toEqual([`Job ${jobId}: Timed out after 2s; the job still runs (state Running).`]);
    const polls = emulator()
      .requests.filter((r) => r.call === 'describe' && r.path.endsWith(jobId))
      .map((r) => r.time);
    const gaps = polls.slice(1).map((time, i) => time - (polls[i] as number));
    expect(Math.max(...gaps)).toBeLessThan(1500);
    expect(jobOf(jobId)).toMatchObject({ state: 'Running', cancelRequests: 0 });
    expect(run.outputs).toMatchObject({ 'job-id': jobId, state: 'Running', 'end-time': '' });
    expect(run.state.phase).toBe('timed-out');
    expect(run.summary).toContain('the job still runs');
  });

  it('with cancel-on-timeout cancels the job when the wait times out, and says so', async () => {
    const jobId = await createJob('slow/');
    const run = await waitFor(jobId, { timeout: '2s', 'cancel-on-timeout': 'true' });
    expect(run.code).toBe(1);
    expect(run.errors).toEqual([`Job ${jobId}: Timed out after 2s; the job was cancelled (state Cancel).`]);
    expect(jobOf(jobId)).toMatchObject({ state: 'Cancel', cancelled: true, cancelRequests: 1 });
    expect(run.outputs.state).toBe('Cancel');
    expect(run.state.phase).toBe('cancelled');
  });

  it('leaves the job running when the workflow run is cancelled (cancel-on-abort defaults to false), also in post', async () => {
    const jobId = await createJob('slow/');
    const run = await abortedWait(jobId, {});
    expect(run.code).toBe(1);
    expect(run.errors).toHaveLength(1);
    expect(run.errors[0]).toContain('the workflow run was cancelled');
    expect(
      run.warnings.some((w) => w.includes(`job ${jobId} is left running (cancel-on-abort: false)`)),
    ).toBe(true);
    expect(run.state).toEqual({ 'job-id': jobId, phase: 'detached' });
    const before = emulator().requests.length;
    const post = await waitPost(jobId, run.state);
    expect(post.code).toBe(0);
    expect(emulator().requests.length).toBe(before);
    expect(jobOf(jobId)).toMatchObject({ state: 'Running', cancelRequests: 0 });
  });

  it('with cancel-on-abort: true cancels the job when the workflow run is cancelled', async () => {
    const jobId = await createJob('slow/');
    const run = await abortedWait(jobId, { 'cancel-on-abort': 'true' });
    expect(run.code).toBe(1);
    expect(run.state).toEqual({ 'job-id': jobId, phase: 'cancelled' });
    expect(run.warnings.some((w) => w.includes(`cancelled job ${jobId}`))).toBe(true);
    expect(jobOf(jobId)).toMatchObject({ state: 'Cancel', cancelled: true });
  });

  it('leaves phase waiting with cancel-on-abort: true, so that the post entry cancels a job the step never saw end', async () => {
    const jobId = await createJob('slow/');
    const killed = await runStep({
      action: 'wait',
      inputs: inputs({ 'job-id': jobId, 'cancel-on-abort': 'true' }),
      onSpawn: (child) => void setTimeout(() => child.kill('SIGKILL'), 1000),
    });
    expect(killed.signal).toBe('SIGKILL');
    expect(killed.state).toEqual({ 'job-id': jobId, phase: 'waiting' });
    const post = await waitPost(jobId, killed.state);
    expect(post.code).toBe(0);
    expect(post.warnings).toEqual([]);
    expect(jobOf(jobId)).toMatchObject({ state: 'Cancel', cancelled: true });
  });

  it('fails with one clear error naming a well-formed job id the service does not know', async () => {
    const unknown = 'b0123456789abcdef0123456789abcdef';
    const before = emulator().requests.length;
    const run = await waitFor(unknown);
    expect(run.code).toBe(1);
    expect(run.errors).toHaveLength(1);
    expect(run.errors[0]).toContain(`Job ${unknown} does not exist in this bucket and region`);
    expect(
      emulator()
        .requests.slice(before)
        .map((r) => r.call),
    ).toEqual(['describe']);
    expect(run.outputs['job-id']).toBeUndefined();
  });

  it('names the job id when the API refuses the first status call', async () => {
    const jobId = await createJob('slow/');
    emulator().addFault(accessDenied('describe', 'no ci:Describe', 1));
    const run = await waitFor(jobId);
    expect(run.code).toBe(1);
    expect(run.errors).toHaveLength(1);
    expect(run.errors[0]).toMatch(
      new RegExp(
        `^Job ${jobId}: GET /inventorytriggerjob/${jobId}: the CI API answered AccessDenied: no ci:Describe \\(HTTP 403, request id \\S+\\)`,
      ),
    );
  });

  it.each([
    ['job-id', { 'job-id': '' }, 'required'],
    ['job-id', { 'job-id': 'b0123' }, 'b followed by 32 hexadecimal characters'],
    ['job-id', { 'job-id': 'i0123456789abcdef0123456789abcdef' }, 'b followed by 32 hexadecimal characters'],
    ['poll-interval', { 'poll-interval': '0' }, 'a duration from 1s to 24h'],
    ['timeout', { timeout: 'soon' }, 'a duration such as'],
    ['cancel-on-timeout', { 'cancel-on-timeout': 'on' }, '`true` or `false`'],
    ['cancel-on-abort', { 'cancel-on-abort': 'yes' }, '`true` or `false`'],
    ['fail-on', { 'fail-on': 'Failed,Exploded' }, 'a comma-separated list of'],
    ['object-failures', { 'object-failures': 'skip' }, 'one of fail, warn, ignore'],
  ])('%s (%j) gets one input error naming it, exit 1, and no request', async (input, change, expected) => {
    const before = emulator().requests.length;
    const run = await runStep({
      action: 'wait',
      inputs: inputs({ 'job-id': 'b0123456789abcdef0123456789abcdef', ...change }),
    });
    expectOneInputError(run, emulator().requests.length - before, input, expected);
  });
});
