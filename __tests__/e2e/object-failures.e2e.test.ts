import { describe, expect, it } from '@jest/globals';
import type { ObjectRun } from '../../emulator/index.js';
import { runStep } from '../../test-support/github-runner.js';
import { commonInputs, useEmulator, WORKFLOW_ID } from '../../test-support/e2e-fixtures.js';

const keys = (prefix: string, count: number) =>
  Array.from({ length: count }, (_, i) => `${prefix}object-${String(i + 1).padStart(3, '0')}.mp4`);

/** Jobs run 400ms (endless/: 1.5s); each prefix gives its objects their own run times and final states. */
const emulator = useEmulator({
  scheduleFor: ({ input }) =>
    input.Prefix?.startsWith('endless/') ? { queuedMs: 100, runningMs: 1500, final: 'Success' } : undefined,
  objectsFor: ({ input }): ObjectRun[] | undefined => {
    const prefix = input.Prefix ?? '';
    const run = (key: string, runMs: number, final: ObjectRun['final'] = 'Success'): ObjectRun => ({
      key,
      runMs,
      final,
    });
    if (prefix.startsWith('all-ok/') || prefix.startsWith('two-fail/')) {
      // object-002 and object-004 fail under two-fail/.
      return keys(prefix, 5).map((key, i) =>
        run(key, 80 * (i + 1), prefix.startsWith('two-fail/') && i % 2 === 1 ? 'Failed' : 'Success'),
      );
    }
    // One run outlives its job by two seconds and then fails.
    if (prefix.startsWith('outlives/'))
      return [run(`${prefix}quick.mp4`, 200), run(`${prefix}long.mp4`, 2400, 'Failed')];
    if (prefix.startsWith('many/')) return keys(prefix, 150).map((key) => run(key, 100, 'Failed'));
    if (prefix.startsWith('endless/'))
      return [run(`${prefix}quick.mp4`, 200), run(`${prefix}endless.mp4`, 600_000)];
    return undefined;
  },
});

function inputs(extra: Record<string, string>) {
  return { ...commonInputs(emulator()), 'workflow-id': WORKFLOW_ID, 'poll-interval': '1s', ...extra };
}

/** The DescribeWorkflowExecutions requests the step made for one job. */
const executionCalls = (jobId: string) =>
  emulator().requests.filter((r) => r.call === 'executions' && r.query.jobId === jobId);

/** What the emulator's media jobs say of a run that fails without a failure of its own. */
const DEFAULT_REASON = {
  task: 'Transcode_1',
  code: 'InvalidInput',
  message: 'The input file is not a valid media file.',
};
const REASON_TEXT = `in task Transcode_1 with InvalidInput: ${DEFAULT_REASON.message}`;

const runsOf = (jobId: string) =>
  emulator()
    .executions()
    .filter((run) => run.jobId === jobId);

describe('main step: what happened to each object', () => {
  it('reports no failed objects when every run succeeds', async () => {
    const run = await runStep({ inputs: inputs({ prefix: 'all-ok/' }) });
    expect(run.errors).toEqual([]);
    expect(run.warnings).toEqual([]);
    expect(run.code).toBe(0);
    const jobId = run.outputs['job-id'] as string;
    expect(runsOf(jobId).map((r) => r.state)).toEqual(Array(5).fill('Success'));
    expect(run.outputs).toMatchObject({ state: 'Success', 'failed-count': '0', 'failed-objects': '[]' });
    expect(run.summary).toContain('#### Objects');
    expect(run.summary).toContain('Every workflow run of the job ended `Success`.');
    const calls = executionCalls(jobId);
    expect(calls.every((r) => r.status === 200 && r.query.workflowId === WORKFLOW_ID)).toBe(true);
    expect(calls.map((r) => [r.query.states, r.query.size])).toEqual([
      ['Running', '1'],
      ['Failed,Cancel', '100'],
    ]);
  });

  it('fails the step when two of five objects fail (object-failures: fail), naming them', async () => {
    const run = await runStep({ inputs: inputs({ prefix: 'two-fail/' }) });
    expect(run.code).toBe(1);
    const jobId = run.outputs['job-id'] as string;
    const failedRuns = runsOf(jobId).filter((r) => r.state === 'Failed');
    expect(failedRuns.map((r) => r.object).sort()).toEqual([
      'two-fail/object-002.mp4',
      'two-fail/object-004.mp4',
    ]);
    expect(run.outputs.state).toBe('Success');
    expect(run.outputs['failed-count']).toBe('2');
    const listed = JSON.parse(run.outputs['failed-objects'] as string) as unknown[];
    expect(listed).toHaveLength(2);
    expect(listed).toEqual(
      expect.arrayContaining(
        failedRuns.map((r) => ({ object: r.object, runId: r.runId, state: 'Failed', ...DEFAULT_REASON })),
      ),
    );
    expect(run.errors).toHaveLength(1);
    expect(run.errors[0]).toContain(`2 object(s) of job ${jobId} failed processing`);
    for (const r of failedRuns)
      expect(run.errors[0]).toContain(`${r.object} (Failed ${REASON_TEXT}, run ${r.runId})`);
  });

  it('with object-failures: warn succeeds, with one warning per failed object and a count warning', async () => {
    const run = await runStep({ inputs: inputs({ prefix: 'two-fail/warn/', 'object-failures': 'warn' }) });
    expect(run.errors).toEqual([]);
    expect(run.code).toBe(0);
    const jobId = run.outputs['job-id'] as string;
    const failedRuns = runsOf(jobId).filter((r) => r.state === 'Failed');
    expect(failedRuns).toHaveLength(2);
    expect(run.outputs['failed-count']).toBe('2');
    expect(JSON.parse(run.outputs['failed-objects'] as string)).toHaveLength(2);
    expect(run.warnings).toHaveLength(3);
    for (const r of failedRuns) {
      expect(run.warnings).toContain(
        `Object ${r.object}: workflow run ${r.runId} ended Failed ${REASON_TEXT}`,
      );
    }
    expect(
      run.warnings.filter((w) => w.includes(`2 object(s) of job ${jobId} failed processing`)),
    ).toHaveLength(1);
  });

  it('with object-failures: ignore makes no DescribeWorkflowExecutions call and sets no object outputs', async () => {
    const before = emulator().requests.length;
    const run = await runStep({
      inputs: inputs({ prefix: 'two-fail/ignore/', 'object-failures': 'ignore' }),
    });
    expect(run.errors).toEqual([]);
    expect(run.warnings).toEqual([]);
    expect(run.code).toBe(0);
    expect(runsOf(run.outputs['job-id'] as string).filter((r) => r.state === 'Failed')).toHaveLength(2);
    expect(
      emulator()
        .requests.slice(before)
        .filter((r) => r.call === 'executions'),
    ).toEqual([]);
    expect(run.outputs.state).toBe('Success');
    expect(run.outputs).not.toHaveProperty('failed-count');
    expect(run.outputs).not.toHaveProperty('failed-objects');
    expect(run.summary).not.toContain('#### Objects');
  });

  it('waits for runs still Running when the job ends, and reports their final state', async () => {
    const run = await runStep({ inputs: inputs({ prefix: 'outlives/' }) });
    expect(run.code).toBe(1);
    const jobId = run.outputs['job-id'] as string;
    expect(run.outputs.state).toBe('Success');
    expect(run.stdout).toContain(`Waiting for the workflow runs of job ${jobId} to end`);
    const long = runsOf(jobId).find((r) => r.object === 'outlives/long.mp4');
    expect(long?.state).toBe('Failed');
    expect(run.outputs['failed-count']).toBe('1');
    expect(JSON.parse(run.outputs['failed-objects'] as string)).toEqual([
      { object: 'outlives/long.mp4', runId: long?.runId, state: 'Failed', ...DEFAULT_REASON },
    ]);
    const calls = executionCalls(jobId);
    const polls = calls.filter((r) => r.query.states === 'Running');
    // The long run ends about two seconds after the job: a check a second sees it run at least twice.
    expect(polls.length).toBeGreaterThanOrEqual(2);
    expect(polls.every((r) => r.query.size === '1')).toBe(true);
    // The failed runs are listed once, after the last poll.
    expect(calls.at(-1)?.query.states).toBe('Failed,Cancel');
    expect(calls.filter((r) => r.query.states !== 'Running')).toHaveLength(1);
    expect(calls.at(-1)!.time).toBeGreaterThanOrEqual(long!.endedAt!);
  });

  it('follows nextToken over more than one page of failed runs and caps failed-objects at 100', async () => {
    const run = await runStep({ inputs: inputs({ prefix: 'many/' }) });
    expect(run.code).toBe(1);
    const jobId = run.outputs['job-id'] as string;
    expect(run.outputs['failed-count']).toBe('150');
    const listed = JSON.parse(run.outputs['failed-objects'] as string) as Array<{
      object: string;
      runId: string;
      state: string;
    }>;
    expect(listed).toHaveLength(100);
    expect(new Set(listed.map((entry) => entry.runId)).size).toBe(100);
    expect(listed.every((entry) => entry.object.startsWith('many/') && entry.state === 'Failed')).toBe(true);
    const pages = executionCalls(jobId).filter((r) => r.query.states === 'Failed,Cancel');
    expect(pages).toHaveLength(2);
    expect(pages[0]?.query.nextToken).toBeUndefined();
    expect(pages[1]?.query.nextToken).toMatch(/.+/);
    expect(pages.every((r) => r.query.size === '100' && r.status === 200)).toBe(true);
    expect(run.errors[0]).toMatch(
      new RegExp(`^150 object\\(s\\) of job ${jobId} failed processing: .* and 147 more\\.`),
    );
  });

  it('fails on the timeout when runs are still Running, saying so', async () => {
    const run = await runStep({ inputs: inputs({ prefix: 'endless/', timeout: '3s' }) });
    expect(run.code).toBe(1);
    const jobId = run.outputs['job-id'] as string;
    expect(run.outputs.state).toBe('Success');
    expect(runsOf(jobId).find((r) => r.object === 'endless/endless.mp4')?.state).toBe('Running');
    expect(run.errors).toHaveLength(1);
    expect(run.errors[0]).toContain(
      `Job ${jobId} ended, but some of its objects' workflow runs were still Running`,
    );
    expect(run.errors[0]).toContain('timeout (3s)');
    expect(run.summary).toContain('Some workflow runs were still running when the wait timed out.');
    // The runs' wait keeps to the step's timeout counted from the job's creation (3s), not from the
    // job's end (1.6s after creation).
    const create = emulator().requests.find(
      (r) => r.call === 'create' && r.requestId === run.outputs['request-id'],
    );
    const lastPoll = executionCalls(jobId).at(-1)!;
    expect(lastPoll.query.states).toBe('Running');
    expect(lastPoll.time - create!.time).toBeGreaterThanOrEqual(2_900);
    expect(lastPoll.time - create!.time).toBeLessThan(4_200);
  });
});
