/** trigger-workflow/ over many keys (triggerOnMany) through its ports, its outputs held to those it declares. */
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { OUTPUTS } from '../../src/actions/outputs.js';
import { triggerOnMany } from '../../src/actions/trigger-workflow/many.js';
import type { ManyTargets, TriggerSettings } from '../../src/actions/trigger-workflow/settings.js';
import { ApiError } from '../../src/ci/errors.js';
import type { WorkflowExecution } from '../../src/ci/types.js';
import { StepFailure } from '../../src/job/ports.js';
import { scriptedClient, stepDeps } from '../../test-support/fake-ports.js';
import { formatApiTime } from '../../src/time.js';
import { fakeClock } from '../../test-support/fake-clock.js';

const WORKFLOW_ID = `w${'0'.repeat(32)}`;
const keys = (count: number) => Array.from({ length: count }, (_, i) => `k/${i}.mp4`);
const targets = (list: string[]): ManyTargets => ({
  kind: 'many',
  keys: list,
  input: 'objects',
  earlierRunIds: new Set(),
});
const settings = (count: number): TriggerSettings & { targets: ManyTargets } => ({
  signIn: { keys: { secretId: 'AKID', secretKey: 'k' } },
  bucket: 'm-1',
  region: 'ap-guangzhou',
  endpoint: new URL('https://x.example.com'),
  requestTimeoutMs: 30_000,
  workflowId: WORKFLOW_ID,
  targets: targets(keys(count)),
  wait: true,
  pollIntervalMs: 10_000,
  timeoutMs: 3_600_000,
  failOn: ['Failed', 'Cancel'],
});

/** A service whose runs succeed at once; `refuse` refuses the trigger of that key. */
function service(refuse?: string) {
  const clock = fakeClock();
  const runs: WorkflowExecution[] = [];
  const client = scriptedClient({
    triggerWorkflow: async ({ object }: { object: string }) => {
      if (object === refuse) throw new ApiError(403, 'AccessDenied', 'not this one', 'r9');
      const runId = `i${runs.length}`;
      runs.push({
        runId,
        workflowId: WORKFLOW_ID,
        name: '',
        object,
        state: 'Success',
        createTime: formatApiTime(new Date(clock.now())),
      });
      return { value: runId, requestId: `req-${runId}` };
    },
    listExecutions: async () => ({ value: { executions: runs, nextToken: '' }, requestId: 'l' }),
  });
  return { clock, client, runs };
}

const lines = (path: string) =>
  readFileSync(path, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, string>);

describe('trigger-workflow/ over many keys', () => {
  it('reports the runs started when a later trigger is refused, and fails saying how many keys were not triggered', async () => {
    const s = service('k/3.mp4');
    const deps = stepDeps(s.client, s.clock, undefined, OUTPUTS['trigger-workflow']);
    const error = await triggerOnMany(settings(5), settings(5).targets, deps).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StepFailure);
    const notSent = 5 - s.runs.length;
    expect((error as Error).message).toBe(
      `Triggering stopped (triggering k/3.mp4 failed: AccessDenied: not this one (HTTP 403, request id r9)): ` +
        `${notSent} of 5 object(s) were not triggered (runs-file lists every key, with an empty runId for those).`,
    );
    const runsFile = lines(deps.outputs['runs-file']!);
    expect(runsFile.find((line) => line.object === 'k/3.mp4')).toEqual({
      object: 'k/3.mp4',
      runId: '',
      state: '',
    });
    expect(runsFile.filter((line) => line.state === 'Success')).toHaveLength(s.runs.length);
    expect(deps.outputs).toMatchObject({
      count: '5',
      'success-count': String(s.runs.length),
      'failed-count': '0',
    });
    expect(deps.summaries[0]).toContain(`| not triggered | ${notSent} |`);
  });

  it('fails with the API error itself when the first trigger is refused and nothing started', async () => {
    const s = service('k/0.mp4');
    const deps = stepDeps(s.client, s.clock, undefined, OUTPUTS['trigger-workflow']);
    const one = { ...settings(1), targets: targets(['k/0.mp4']) };
    await expect(triggerOnMany(one, one.targets, deps)).rejects.toBeInstanceOf(ApiError);
    expect(deps.outputs.count).toBe('1');
  });

  it('leaves a file output empty with a warning when RUNNER_TEMP cannot be written, and still succeeds', async () => {
    const s = service();
    const deps = stepDeps(s.client, s.clock, undefined, OUTPUTS['trigger-workflow']);
    const saved = process.env.RUNNER_TEMP;
    process.env.RUNNER_TEMP = '/nonexistent-runner-temp';
    try {
      await triggerOnMany(settings(2), settings(2).targets, deps);
    } finally {
      if (saved === undefined) delete process.env.RUNNER_TEMP;
      else process.env.RUNNER_TEMP = saved;
    }
    expect(deps.outputs).toMatchObject({
      state: 'Success',
      'runs-file': '',
      'objects-file': '',
      'success-count': '2',
    });
    expect(deps.warnings).toHaveLength(2);
    expect(deps.warnings[0]).toContain('could not be written');
  });
});
