import { describe, expect, it } from '@jest/globals';
import type { ObjectRun } from '../../emulator/index.js';
import { runStep } from '../../test-support/github-runner.js';
import { commonInputs, useEmulator, WORKFLOW_ID } from '../../test-support/e2e-fixtures.js';

const keys = (prefix: string, count: number) =>
  Array.from({ length: count }, (_, i) => `${prefix}object-${String(i + 1).padStart(2, '0')}.mp4`);
const run = (key: string, runMs: number, final: ObjectRun['final'] = 'Success'): ObjectRun => ({
  key,
  runMs,
  final,
});

const emulator = useEmulator({
  scheduleFor: ({ input }) => {
    const prefix = input.Prefix ?? '';
    // Ends Cancel: runs still going when it ends are cancelled with it.
    if (prefix.startsWith('mixed/')) return { queuedMs: 100, runningMs: 400, final: 'Cancel' };
    // Long enough to be still running when a wait/ step starts.
    if (prefix.startsWith('existing/')) return { queuedMs: 100, runningMs: 1500, final: 'Success' };
    return undefined;
  },
  objectsFor: ({ input }) => {
    const prefix = input.Prefix ?? '';
    if (prefix.startsWith('mixed/')) {
      const [ok1, ok2, ...rest] = keys(prefix, 27);
      const failed = rest.slice(0, 22).map((key) => run(key, 100, 'Failed'));
      const cancelled = rest.slice(22).map((key) => run(key, 60_000));
      return [run(ok1!, 100), run(ok2!, 150), ...failed, ...cancelled];
    }
    if (prefix.startsWith('existing/')) {
      return [
        run(`${prefix}a.mp4`, 300),
        run(`${prefix}b.mp4`, 600, 'Failed'),
        run(`${prefix}c.mp4`, 4000, 'Failed'),
      ];
    }
    return undefined;
  },
});

function inputs(extra: Record<string, string>) {
  return { ...commonInputs(emulator()), 'poll-interval': '1s', ...extra };
}

const executionCalls = (jobId: string) =>
  emulator().requests.filter((r) => r.call === 'executions' && r.query.jobId === jobId);
const runsOf = (jobId: string) =>
  emulator()
    .executions()
    .filter((r) => r.jobId === jobId);

describe('the summary\'s "Objects" section', () => {
  it('counts the failed runs by state and lists at most 20 of them with their run ids', async () => {
    const step = await runStep({
      inputs: inputs({ 'workflow-id': WORKFLOW_ID, prefix: 'mixed/', 'fail-on': 'none' }),
    });
    expect(step.code).toBe(1);
    const jobId = step.outputs['job-id'] as string;
    expect(step.outputs.state).toBe('Cancel');
    const runs = runsOf(jobId);
    const notSuccess = runs.filter((r) => r.state !== 'Success');
    expect(runs.filter((r) => r.state === 'Failed')).toHaveLength(22);
    expect(runs.filter((r) => r.state === 'Cancel')).toHaveLength(3);
    expect(step.outputs['failed-count']).toBe('25');
    const listed = JSON.parse(step.outputs['failed-objects'] as string) as Array<{
      runId: string;
      state: string;
    }>;
    expect(listed.map((entry) => entry.runId).sort()).toEqual(notSuccess.map((r) => r.runId).sort());
    expect(listed.filter((entry) => entry.state === 'Cancel')).toHaveLength(3);

    const section = step.summary.slice(step.summary.indexOf('#### Objects'));
    expect(step.summary).toContain('#### Objects');
    expect(section).toContain('❌ Failed: 22');
    expect(section).toContain('⏹ Cancel: 3');
    expect(section).toContain('(every other run ended `Success`)');
    expect(section).toContain('| Object | Run id | State | Task | Code | Message |');
    const rows = section.split('\n').filter((line) => /^\| `mixed\//.test(line));
    expect(rows).toHaveLength(20);
    const byRunId = new Map(notSuccess.map((r) => [r.runId, r]));
    for (const row of rows) {
      const [, object, runId, state, task, code] =
        /^\| `([^`]+)` \| `([^`]+)` \| (?:❌|⏹) (\w+) \| `(\w+)` \| (`\w+`)? \|/.exec(row) ?? [];
      expect(byRunId.get(runId as string)).toMatchObject({ object, state });
      expect(task).toBe('Transcode_1');
      // A run cancelled with its job has no error code; a failed one has its media job's.
      expect(code).toBe(state === 'Failed' ? '`InvalidInput`' : undefined);
    }
    expect(new Set(rows).size).toBe(20);
    expect(section).toContain('… and 5 more: every run is in `objects-file`.');
    expect(section).not.toContain('mixed/object-01.mp4');
  });
});

describe('wait/ step: what happened to each object', () => {
  it('checks the runs of an existing job like the main step: waits for them, then lists the failed ones', async () => {
    const created = await runStep({
      inputs: inputs({ 'workflow-id': WORKFLOW_ID, prefix: 'existing/', wait: 'false' }),
    });
    expect(created.code).toBe(0);
    const jobId = created.outputs['job-id'] as string;
    expect(executionCalls(jobId)).toEqual([]);

    const step = await runStep({ action: 'wait', inputs: inputs({ 'job-id': jobId }) });
    expect(step.code).toBe(1);
    expect(step.outputs).toMatchObject({ 'job-id': jobId, state: 'Success', 'failed-count': '2' });
    const failed = runsOf(jobId).filter((r) => r.state === 'Failed');
    expect(failed.map((r) => r.object).sort()).toEqual(['existing/b.mp4', 'existing/c.mp4']);
    expect(JSON.parse(step.outputs['failed-objects'] as string)).toEqual(
      expect.arrayContaining(
        failed.map((r) => expect.objectContaining({ object: r.object, runId: r.runId, state: 'Failed' })),
      ),
    );
    expect(step.errors).toHaveLength(1);
    expect(step.errors[0]).toContain(`2 object(s) of job ${jobId} failed processing`);
    for (const r of failed)
      expect(step.errors[0]).toContain(`${r.object} (Failed in task Transcode_1 with InvalidInput`);
    expect(step.stdout).toContain(`Waiting for the workflow runs of job ${jobId} to end`);

    const calls = executionCalls(jobId);
    expect(calls.every((r) => r.query.workflowId === WORKFLOW_ID && r.status === 200)).toBe(true);
    const polls = calls.filter((r) => r.query.states === 'Running');
    expect(polls.length).toBeGreaterThanOrEqual(2);
    expect(polls.every((r) => r.query.size === '1')).toBe(true);
    expect(calls.at(-1)?.query).toMatchObject({ states: 'Failed,Cancel', size: '100' });
    expect(step.summary).toContain('#### Objects');
    expect(step.summary).toContain('❌ Failed: 2');
  });
});
