import { describe, expect, it } from '@jest/globals';
import { OUTPUTS } from '../../src/actions/outputs.js';
import type { ListExecutionsQuery, WorkflowExecution } from '../../src/ci/types.js';
import { checkObjectFailures } from '../../src/objects/check.js';
import { fakeClock } from '../../test-support/fake-clock.js';
import { scriptedClient, stepDeps } from '../../test-support/fake-ports.js';

const JOB = 'b' + 'c'.repeat(32);
const run = (n: number, state: string): WorkflowExecution => ({
  runId: `i${n.toString(16).padStart(32, '0')}`,
  workflowId: 'w1',
  name: 'transcode',
  object: `videos/${n}.mp4`,
  state,
  createTime: '2026-11-30T12:00:00+0800',
});

/** Runs still run for the first `runningChecks` checks; then `failed` runs have failed. */
function service(runningChecks: number, failed: number, deadlineInMs = 3_600_000) {
  let checks = 0;
  const client = scriptedClient({
    listExecutions: async (query: ListExecutionsQuery) => {
      const running = query.states?.includes('Running');
      const executions = running
        ? checks++ < runningChecks
          ? [run(0, 'Running')]
          : []
        : Array.from({ length: failed }, (_, i) => run(i + 1, 'Failed'));
      return { value: { executions, nextToken: '' }, requestId: 'r' };
    },
    describeExecution: async (runId: string) => ({
      value: { ...run(0, 'Failed'), runId, tasks: [] },
      requestId: 'r',
    }),
  });
  const clock = fakeClock();
  const deps = { ...stepDeps(client, clock, undefined, OUTPUTS.wait), deadline: clock.now() + deadlineInMs };
  return { deps, checks: () => checks };
}
const settings = (objectFailures: 'fail' | 'warn', timeoutMs = 3_600_000) => ({
  pollIntervalMs: 1000,
  timeoutMs,
  objectFailures,
});
const context = { jobId: JOB, workflowId: 'w1' };

describe('checkObjectFailures', () => {
  it('waits until no run runs, then fails naming the failed objects, with their outputs and section', async () => {
    const { deps, checks } = service(3, 2);
    const check = await checkObjectFailures(settings('fail'), context, deps);
    expect(checks()).toBe(4);
    expect(deps.infos[0]).toBe(`Waiting for the workflow runs of job ${JOB} to end`);
    expect(check.failure).toMatch(
      new RegExp(`^2 object\\(s\\) of job ${JOB} failed processing: videos/1.mp4`),
    );
    expect(check.summary).toContain('#### Objects');
    expect(deps.outputs['failed-count']).toBe('2');
    expect(JSON.parse(deps.outputs['failed-objects'] ?? '')).toHaveLength(2);
    expect(deps.outputs['objects-file']).toMatch(
      new RegExp(`cos-workflow-trigger-failed-objects-${JOB}-\\w+\\.jsonl$`),
    );
  });

  it('with object-failures: warn, annotates each failed object and the count instead of failing', async () => {
    const { deps } = service(0, 2);
    const check = await checkObjectFailures(settings('warn'), context, deps);
    expect(check.failure).toBeUndefined();
    expect(deps.warnings).toHaveLength(3);
    expect(deps.warnings[0]).toMatch(/^Object videos\/1.mp4: workflow run i0+1 ended Failed/);
  });

  it('says so when every run succeeded', async () => {
    const { deps } = service(0, 0);
    expect((await checkObjectFailures(settings('fail'), context, deps)).failure).toBeUndefined();
    expect(deps.infos).toContain(`Every object's workflow run of job ${JOB} succeeded`);
    expect(deps.outputs['failed-count']).toBe('0');
  });

  it("fails at the step's deadline while runs still run, listing nothing", async () => {
    const { deps } = service(Infinity, 2, 30_000);
    const check = await checkObjectFailures(settings('fail', 30_000), context, deps);
    expect(check.failure).toContain('were still Running when the timeout (30s) passed');
    expect(deps.outputs['failed-count']).toBeUndefined();
  });
});
