import { describe, expect, it } from '@jest/globals';
import { runStep } from '../../test-support/github-runner.js';
import {
  commonInputs,
  schedulesByPrefix,
  useEmulator,
  WORKFLOW_ID,
} from '../../test-support/e2e-fixtures.js';

const emulator = useEmulator({
  scheduleFor: schedulesByPrefix(),
});

function inputs(extra: Record<string, string>) {
  return { ...commonInputs(emulator()), 'workflow-id': WORKFLOW_ID, 'poll-interval': '1s', ...extra };
}

describe('main step', () => {
  it('creates a prefix job, waits for Success, and reports it in outputs, state and summary', async () => {
    const run = await runStep({ inputs: inputs({ prefix: 'videos/' }) });
    expect(run.errors).toEqual([]);
    expect(run.code).toBe(0);
    const jobId = run.outputs['job-id'] as string;
    const job = emulator()
      .jobs()
      .find((candidate) => candidate.id === jobId);
    expect(job?.request.input).toEqual({ kind: 'Prefix', value: 'videos/' });
    expect(job?.request.name).toMatch(/^octo-org-media-site-1658821493-1-reprocess-[0-9a-f]{6}$/);
    expect(run.outputs.name).toBe(job?.request.name);
    expect(run.outputs).toMatchObject({
      state: 'Success',
      code: 'Success',
      'failed-count': '0',
      'failed-objects': '[]',
    });
    const create = emulator()
      .requests.filter((r) => r.call === 'create' && r.status === 200)
      .at(-1);
    expect(run.outputs['request-id']).toBe(create?.requestId);
    for (const time of ['creation-time', 'start-time', 'end-time']) {
      expect(run.outputs[time]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d{4}$/);
    }
    expect(JSON.parse(run.outputs.job as string)).toMatchObject({
      JobId: jobId,
      State: 'Success',
      Input: { Prefix: 'videos/' },
    });
    expect(run.state).toEqual({
      'job-id': jobId,
      name: run.outputs.name,
      phase: 'ended',
      // What was sent, saved before sending: post: looks the job up by it if no answer comes.
      create: expect.stringContaining(`"name":"${run.outputs.name}"`),
    });
    expect(run.summary).toContain(`| Job id | \`${jobId}\` |`);
    expect(run.summary).toContain(
      '[Workflow run](https://github.com/octo-org/media-site/actions/runs/1658821493)',
    );
    expect(run.summary).toContain('| State | ✅ Success |');
    expect(run.summary).toContain('| Input | Prefix `videos/` |');
    expect(run.summary).toMatch(/\| Duration \| \S+ from creation to end \(ran \S+\) \|/);
  });

  it("logs each state change once, with the time since the job's creation, not every poll", async () => {
    emulator().setSchedule({ queuedMs: 100, runningMs: 2500, final: 'Success' });
    const run = await runStep({ inputs: inputs({ object: 'logs/one.mp4', 'poll-interval': '1s' }) });
    emulator().setSchedule({ queuedMs: 100, runningMs: 400, final: 'Success' });
    const jobId = run.outputs['job-id'] as string;
    const polls = emulator().requests.filter((r) => r.call === 'describe' && r.path.endsWith(jobId)).length;
    const lines = run.stdout.split('\n').filter((line) => line.startsWith(`Job ${jobId} is `));
    expect(lines.map((line) => line.split(' ')[3])).toEqual(['Running', 'Success']);
    expect(polls).toBeGreaterThan(lines.length);
    expect(lines[1]).toMatch(/is Success \((\d+ms|\d+(\.\d)?s|\d+m \d\ds) after its creation\)$/);
  });

  it('checks about a second after creation, then backs off toward poll-interval', async () => {
    emulator().setSchedule({ queuedMs: 100, runningMs: 4500, final: 'Success' });
    const before = emulator().requests.length;
    const run = await runStep({ inputs: { ...inputs({ prefix: 'paced/' }), 'poll-interval': '10s' } });
    emulator().setSchedule({ queuedMs: 100, runningMs: 400, final: 'Success' });
    expect(run.outputs.state).toBe('Success');
    const seen = emulator().requests.slice(before);
    const created = seen.find((r) => r.call === 'create')?.time ?? 0;
    const checks = seen.filter((r) => r.call === 'describe').map((r) => (r.time - created) / 1000);
    // The schedule is 1, 1, 2, 3 s between checks: at about 1, 2, 4 and 7 s after the create.
    expect(checks).toHaveLength(4);
    [1, 2, 4, 7].forEach((at, i) => expect(Math.abs((checks[i] ?? 0) - at)).toBeLessThan(0.5));
  });

  it('fails the step when the job ends Failed, naming the job, its code and message', async () => {
    const run = await runStep({ inputs: inputs({ prefix: 'fails/' }) });
    expect(run.code).toBe(1);
    const jobId = run.outputs['job-id'] as string;
    expect(jobId).toMatch(/^b[0-9a-f]{32}$/);
    expect(run.errors).toHaveLength(1);
    expect(run.errors[0]).toContain(
      `Job ${jobId} ended Failed with code WorkflowFailed: node Transcode_1 failed`,
    );
    expect(run.outputs).toMatchObject({
      state: 'Failed',
      code: 'WorkflowFailed',
      message: 'node Transcode_1 failed',
    });
    expect(run.summary).toContain('❌ Failed');
  });

  it('fails the step when the job ends Cancel', async () => {
    const run = await runStep({ inputs: inputs({ prefix: 'cancelled/' }) });
    expect(run.code).toBe(1);
    expect(run.errors[0]).toContain('ended Cancel');
    expect(run.outputs.state).toBe('Cancel');
  });

  it('passes a Failed job with fail-on none, and fails a Success job with fail-on Success', async () => {
    const tolerant = await runStep({ inputs: inputs({ prefix: 'fails/', 'fail-on': 'none' }) });
    expect(tolerant.code).toBe(0);
    expect(tolerant.outputs.state).toBe('Failed');
    const strict = await runStep({ inputs: inputs({ prefix: 'ok/', 'fail-on': 'Success' }) });
    expect(strict.code).toBe(1);
    expect(strict.errors[0]).toContain('ended Success');
  });

  it('with wait: false reports the created job at once and makes no status call', async () => {
    const before = emulator().requests.length;
    const run = await runStep({ inputs: inputs({ prefix: 'slow/', wait: 'false' }) });
    expect(run.code).toBe(0);
    expect(
      emulator()
        .requests.slice(before)
        .map((r) => r.call),
    ).toEqual(['create']);
    expect(run.outputs).toMatchObject({ state: 'Submitted' });
    expect(run.outputs['job-id']).toMatch(/^b/);
    expect(run.state.phase).toBe('detached');
    expect(run.summary).toContain('Not waited for');
  });

  it('with dry-run prints the request without credentials and sends nothing', async () => {
    const before = emulator().requests.length;
    const run = await runStep({
      inputs: inputs({ object: 'a&b<c>.mp4', 'dry-run': 'true', 'start-time': '2026-11-01T00:00:00Z' }),
    });
    expect(run.code).toBe(0);
    expect(emulator().requests.length).toBe(before);
    expect(run.stdout).toContain(`POST ${emulator().url}/inventorytriggerjob`);
    expect(run.stdout).toContain('<Object>a&amp;b&lt;c&gt;.mp4</Object>');
    expect(run.stdout).toContain('<Start>2026-11-01T08:00:00+0800</Start>');
    expect(run.stdout).not.toMatch(/authorization|q-signature|AKID/i);
    expect(run.outputs['job-id']).toBeUndefined();
    expect(run.summary).toContain('dry run');
  });

  it('with timeout 0 waits without a limit of its own, until the job ends', async () => {
    emulator().setSchedule({ queuedMs: 100, runningMs: 2500, final: 'Success' });
    const run = await runStep({ inputs: inputs({ prefix: 'unbounded/', timeout: '0' }) });
    emulator().setSchedule({ queuedMs: 100, runningMs: 400, final: 'Success' });
    expect(run.errors).toEqual([]);
    expect(run.outputs.state).toBe('Success');
  });

  it('times out, failing with a message that says the job still runs', async () => {
    const run = await runStep({ inputs: inputs({ prefix: 'slow/', timeout: '2s' }) });
    expect(run.code).toBe(1);
    const jobId = run.outputs['job-id'] as string;
    expect(run.errors[0]).toMatch(
      new RegExp(`Job ${jobId}: Timed out after 2s; the job still runs \\(state Running\\)`),
    );
    expect(
      emulator()
        .jobs()
        .find((job) => job.id === jobId)?.cancelRequests,
    ).toBe(0);
    expect(run.state.phase).toBe('timed-out');
  });

  it('with cancel-on-timeout cancels the job when the wait times out, and says so', async () => {
    const run = await runStep({
      inputs: inputs({ prefix: 'slow/', timeout: '2s', 'cancel-on-timeout': 'true' }),
    });
    expect(run.code).toBe(1);
    const jobId = run.outputs['job-id'] as string;
    expect(run.errors[0]).toContain('the job was cancelled (state Cancel)');
    expect(
      emulator()
        .jobs()
        .find((job) => job.id === jobId),
    ).toMatchObject({ state: 'Cancel', cancelled: true });
    expect(run.outputs.state).toBe('Cancel');
  });
});
