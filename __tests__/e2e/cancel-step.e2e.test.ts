import { describe, expect, it } from '@jest/globals';
import { runStep } from '../../test-support/github-runner.js';
import {
  accessDenied,
  jobById,
  sleep,
  commonInputs,
  createJobElsewhere,
  expectOneInputError,
  everythingShown,
  SECRET_ID,
  SECRET_KEY,
  SESSION_TOKEN,
  useEmulator,
} from '../../test-support/e2e-fixtures.js';

const API_TIME = /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d{4}/;

const emulator = useEmulator({
  sessionToken: SESSION_TOKEN,
  scheduleFor: ({ input }) => {
    const key = Object.values(input)[0] ?? '';
    if (key.startsWith('slow/')) return { queuedMs: 100, runningMs: 60_000, final: 'Success' };
    if (key.startsWith('queued/')) return { queuedMs: 60_000, runningMs: 1000, final: 'Success' };
    if (key.startsWith('quick/')) return { queuedMs: 0, runningMs: 50, final: 'Success' };
    if (key.startsWith('fails/'))
      return { queuedMs: 0, runningMs: 50, final: 'Failed', code: 'WorkflowFailed', message: 'broken' };
    return undefined;
  },
});

const createJob = (prefix: string, name = 'to-cancel') =>
  createJobElsewhere(emulator(), { prefix, name, sessionToken: SESSION_TOKEN });

const inputs = (extra: Record<string, string>) => ({
  ...commonInputs(emulator()),
  'session-token': SESSION_TOKEN,
  ...extra,
});
const jobOf = (id: string) => jobById(emulator(), id);

describe('cancel/', () => {
  it('cancels a running job: the emulator shows it cancelled, the output state is Cancel, the summary says so', async () => {
    const jobId = await createJob('slow/');
    await sleep(150);
    expect(jobOf(jobId)?.state).toBe('Running');
    const before = emulator().requests.length;
    const run = await runStep({ action: 'cancel', inputs: inputs({ 'job-id': jobId }) });
    expect(run.errors).toEqual([]);
    expect(run.code).toBe(0);
    const calls = emulator().requests.slice(before);
    expect(calls.map((r) => `${r.method} ${r.path} ${JSON.stringify(r.query)} ${r.status}`)).toEqual([
      `PUT /inventorytriggerjob/${jobId} {"cancel":""} 200`,
      `GET /inventorytriggerjob/${jobId} {} 200`,
    ]);
    expect(jobOf(jobId)).toMatchObject({ state: 'Cancel', cancelled: true, cancelRequests: 1 });
    expect(run.outputs).toEqual({ state: 'Cancel' });
    expect(run.stdout).toContain(`Cancelled job ${jobId}; it is now Cancel`);
    expect(run.summary).toContain(`### Cancel CI inventory trigger job \`${jobId}\``);
    expect(run.summary).toContain('| Job id | Name | State | Ended | Request id |');
    const row = run.summary.split('\n').find((line) => line.startsWith(`| \`${jobId}\``)) ?? '';
    expect(row).toContain('| `to-cancel` | ⏹ Cancel |');
    expect(row).toMatch(API_TIME);
    expect(row).toContain(`\`${calls[1]?.requestId}\``);
  });

  it('cancels a job still Submitted', async () => {
    const jobId = await createJob('queued/');
    const run = await runStep({ action: 'cancel', inputs: inputs({ 'job-id': jobId }) });
    expect(run.code).toBe(0);
    expect(run.outputs.state).toBe('Cancel');
    expect(jobOf(jobId)).toMatchObject({ state: 'Cancel', cancelled: true });
  });

  it('does not fail on a job that has already ended Success: it reports that final state', async () => {
    const jobId = await createJob('quick/');
    await sleep(100);
    const run = await runStep({ action: 'cancel', inputs: inputs({ 'job-id': jobId }) });
    expect(run.errors).toEqual([]);
    expect(run.code).toBe(0);
    expect(run.outputs).toEqual({ state: 'Success' });
    expect(jobOf(jobId)).toMatchObject({ state: 'Success', cancelled: false, cancelRequests: 1 });
    expect(run.stdout).toContain(`Job ${jobId} had already ended Success; nothing to cancel`);
    expect(run.summary).toContain('| `to-cancel` | ✅ Success |');
  });

  it('does not fail on a job that has already ended Failed either', async () => {
    const jobId = await createJob('fails/');
    await sleep(100);
    const run = await runStep({ action: 'cancel', inputs: inputs({ 'job-id': jobId }) });
    expect(run.errors).toEqual([]);
    expect(run.code).toBe(0);
    expect(run.outputs.state).toBe('Failed');
    expect(run.summary).toContain('❌ Failed');
  });

  it('treats a cancel the API refuses for an ended job as nothing to cancel, but fails on one refused for a running job', async () => {
    const ended = await createJob('quick/');
    await sleep(100);
    emulator().addFault({
      call: 'cancel',
      kind: 'status',
      status: 400,
      code: 'InvalidArgument',
      message: 'job is finished',
      times: 1,
    });
    const ok = await runStep({ action: 'cancel', inputs: inputs({ 'job-id': ended }) });
    expect(ok.errors).toEqual([]);
    expect(ok.outputs.state).toBe('Success');
    expect(ok.stdout).toContain(`Job ${ended} had already ended Success; nothing to cancel`);
    const running = await createJob('slow/');
    emulator().addFault(accessDenied('cancel', 'no ci:CancelInventoryTriggerJob', 1));
    const refused = await runStep({ action: 'cancel', inputs: inputs({ 'job-id': running }) });
    expect(refused.code).toBe(1);
    expect(refused.errors).toHaveLength(1);
    expect(refused.errors[0]).toContain('AccessDenied');
    expect(refused.errors[0]).toMatch(
      new RegExp(`^Job ${running}: PUT /inventorytriggerjob/${running}: the CI API answered AccessDenied`),
    );
    expect(refused.outputs.state).toBeUndefined();
    // Still queued or running (the step may finish within the job's 100 ms in the queue), not cancelled.
    expect(jobOf(running)).toMatchObject({ cancelled: false });
    expect(['Submitted', 'Running']).toContain(jobOf(running)?.state);
  });

  it('fails with one clear error naming a well-formed job id the service does not know', async () => {
    const unknown = 'bfedcba9876543210fedcba9876543210';
    const before = emulator().requests.length;
    const run = await runStep({ action: 'cancel', inputs: inputs({ 'job-id': unknown }) });
    expect(run.code).toBe(1);
    expect(run.errors).toHaveLength(1);
    expect(run.errors[0]).toContain(`Job ${unknown} does not exist in this bucket and region`);
    expect(run.errors[0]).toContain('Check the job-id, bucket and region inputs.');
    expect(
      emulator()
        .requests.slice(before)
        .map((r) => `${r.call} ${r.status}`),
    ).toEqual(['cancel 400', 'describe 200']);
    expect(run.outputs.state).toBeUndefined();
    expect(run.stdout + run.stderr).not.toMatch(/\n\s+at /);
  });

  it('takes the credentials and token from the TENCENTCLOUD_* variables, and never shows them', async () => {
    const jobId = await createJob('slow/');
    const before = emulator().requests.length;
    const run = await runStep({
      action: 'cancel',
      inputs: inputs({ 'job-id': jobId, 'secret-id': '', 'secret-key': '', 'session-token': '', region: '' }),
      env: {
        TENCENTCLOUD_SECRET_ID: SECRET_ID,
        TENCENTCLOUD_SECRET_KEY: SECRET_KEY,
        TENCENTCLOUD_TOKEN: SESSION_TOKEN,
        TENCENTCLOUD_REGION: 'ap-guangzhou',
        RUNNER_DEBUG: '1',
      },
    });
    expect(run.errors).toEqual([]);
    expect(run.outputs.state).toBe('Cancel');
    const calls = emulator().requests.slice(before);
    expect(calls.every((r) => r.headers['x-ci-security-token'] === SESSION_TOKEN)).toBe(true);
    for (const secret of [SECRET_KEY, SESSION_TOKEN, 'q-signature'])
      expect(everythingShown(run)).not.toContain(secret);
  });

  it.each([
    ['job-id', { 'job-id': '' }, 'required'],
    ['job-id', { 'job-id': 'b0123456789ABCDEF0123456789ABCDEF' }, 'b followed by 32 hexadecimal characters'],
    ['job-id', { 'job-id': ' b0123' }, 'b followed by 32 hexadecimal characters'],
    ['bucket', { bucket: 'media' }, 'BucketName-APPID'],
  ])('%s (%j) gets one input error naming it, exit 1, and no request', async (input, change, expected) => {
    const before = emulator().requests.length;
    const run = await runStep({
      action: 'cancel',
      inputs: inputs({ 'job-id': 'b0123456789abcdef0123456789abcdef', ...change }),
    });
    expectOneInputError(run, emulator().requests.length - before, input, expected);
  });
});
