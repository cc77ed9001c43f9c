import { describe, expect, it } from '@jest/globals';
import { runStep } from '../../test-support/github-runner.js';
import {
  commonInputs,
  everythingShown,
  expectOneInputError,
  SECRET_KEY,
  useEmulator,
  WORKFLOW_ID,
} from '../../test-support/e2e-fixtures.js';

/** Every character that a half-done encoding gets wrong, and a literal `%2F` that must not become `/`. */
const AWKWARD_KEY = 'in put/a+b&c=d/100%/lit%2Fnot-a-slash/#1?x=y;z!(1)*~ 视频 🎬.mp4';

const emulator = useEmulator({
  objectsFor: ({ input }) => {
    const key = input.Object ?? '';
    if (key.startsWith('broken/')) return [{ key, runMs: 200, final: 'Failed' }];
    if (key.startsWith('slow/')) return [{ key, runMs: 60_000, final: 'Success' }];
    return undefined;
  },
});

const inputs = (extra: Record<string, string>) => ({
  ...commonInputs(emulator()),
  'workflow-id': WORKFLOW_ID,
  'poll-interval': '1s',
  ...extra,
});
const trigger = (extra: Record<string, string>) =>
  runStep({ action: 'trigger-workflow', inputs: inputs(extra) });
const executionOf = (runId: string | undefined) =>
  emulator()
    .executions()
    .find((e) => e.runId === runId);

async function expectInputError(
  input: string,
  change: Record<string, string>,
  expected: string,
): Promise<void> {
  const before = emulator().requests.length;
  const run = await trigger({ object: 'videos/h.mp4', ...change });
  expectOneInputError(run, emulator().requests.length - before, input, expected);
}

describe('trigger-workflow/', () => {
  it.each([[AWKWARD_KEY], ['%41%20is not "A "'], ['videos/2026/clip.mp4']])(
    'sends the object key %j percent-encoded completely: it arrives exactly',
    async (key) => {
      const before = emulator().requests.length;
      const run = await trigger({ object: key });
      expect(run.errors).toEqual([]);
      expect(run.code).toBe(0);
      const calls = emulator().requests.slice(before);
      const sent = calls.find((r) => r.call === 'trigger');
      expect(sent?.status).toBe(200);
      expect(sent?.query).toEqual({ workflowId: WORKFLOW_ID, object: key });
      expect(executionOf(run.outputs['instance-id'])?.object).toBe(key);
      expect(JSON.parse(run.outputs.execution as string).Object).toBe(key);
    },
  );

  it('waits for the run to end and reports instance-id, request-id, state, execution and a summary', async () => {
    const before = emulator().requests.length;
    const run = await trigger({ object: 'videos/a.mp4' });
    expect(run.code).toBe(0);
    const calls = emulator().requests.slice(before);
    const runId = run.outputs['instance-id'] as string;
    expect(runId).toMatch(/^i[0-9a-f]{32}$/);
    expect(calls[0]?.call).toBe('trigger');
    expect(run.outputs['request-id']).toBe(calls[0]?.requestId);
    expect(
      calls.filter((r) => r.call === 'execution' && r.path === `/workflowexecution/${runId}`).length,
    ).toBeGreaterThan(1);
    expect(run.outputs.state).toBe('Success');
    expect(executionOf(runId)).toMatchObject({
      state: 'Success',
      workflowId: WORKFLOW_ID,
      object: 'videos/a.mp4',
    });
    expect(JSON.parse(run.outputs.execution as string)).toMatchObject({
      RunId: runId,
      WorkflowId: WORKFLOW_ID,
      Object: 'videos/a.mp4',
      State: 'Success',
      CreateTime: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/),
    });
    expect(run.summary).toContain(`### CI workflow run \`${runId}\``);
    expect(run.summary).toContain(`| Run id | \`${runId}\` |`);
    expect(run.summary).toContain(`| Workflow | \`${WORKFLOW_ID}\` |`);
    expect(run.summary).toContain('| Object | `videos/a.mp4` |');
    expect(run.summary).toContain('| State | ✅ Success |');
    expect(run.summary).toContain(`| Request id | \`${calls[0]?.requestId}\` |`);
    expect(everythingShown(run)).not.toContain(SECRET_KEY);
  });

  it('sends the name and the run carries it', async () => {
    const before = emulator().requests.length;
    const run = await trigger({ object: 'videos/b.mp4', name: 'nightly_转码-1' });
    expect(run.code).toBe(0);
    expect(
      emulator()
        .requests.slice(before)
        .find((r) => r.call === 'trigger')?.query.name,
    ).toBe('nightly_转码-1');
    expect(executionOf(run.outputs['instance-id'])?.name).toBe('nightly_转码-1');
  });

  it('with wait: false reports the run as it is at once, with a single status call', async () => {
    const before = emulator().requests.length;
    const run = await trigger({ object: 'slow/c.mp4', wait: 'false' });
    expect(run.errors).toEqual([]);
    expect(run.code).toBe(0);
    expect(
      emulator()
        .requests.slice(before)
        .map((r) => r.call),
    ).toEqual(['trigger', 'execution']);
    expect(run.outputs.state).toBe('Running');
    expect(JSON.parse(run.outputs.execution as string)).toMatchObject({
      State: 'Running',
      Object: 'slow/c.mp4',
    });
    expect(executionOf(run.outputs['instance-id'])?.state).toBe('Running');
  });

  it('fails when the run ends Failed, naming the run and the object', async () => {
    const run = await trigger({ object: 'broken/d.mp4' });
    expect(run.code).toBe(1);
    const runId = run.outputs['instance-id'];
    expect(run.errors).toEqual([
      `Workflow run ${runId} on broken/d.mp4 ended Failed. Check it in the CI console.`,
    ]);
    expect(run.outputs.state).toBe('Failed');
    expect(JSON.parse(run.outputs.execution as string).State).toBe('Failed');
    expect(executionOf(runId)?.state).toBe('Failed');
    expect(run.summary).toContain('| State | ❌ Failed |');
  });

  it('passes a Failed run with fail-on none, and fails a Success run with fail-on Success', async () => {
    const tolerant = await trigger({ object: 'broken/e.mp4', 'fail-on': 'none' });
    expect(tolerant.errors).toEqual([]);
    expect(tolerant.code).toBe(0);
    expect(tolerant.outputs.state).toBe('Failed');
    const strict = await trigger({ object: 'videos/f.mp4', 'fail-on': 'Success' });
    expect(strict.code).toBe(1);
    expect(strict.errors).toHaveLength(1);
    expect(strict.errors[0]).toContain('ended Success');
  });

  it('times out, failing with a message that says the run still runs', async () => {
    const run = await trigger({ object: 'slow/g.mp4', timeout: '2s' });
    expect(run.code).toBe(1);
    const runId = run.outputs['instance-id'];
    expect(run.errors).toEqual([`Workflow run ${runId}: timed out after 2s; it still runs (state Running).`]);
    expect(run.outputs.state).toBe('Running');
    expect(executionOf(runId)?.state).toBe('Running');
  });

  it.each([
    ['workflow-id', { 'workflow-id': '' }, 'required'],
    ['workflow-id', { 'workflow-id': 'w12' }, 'w followed by 32 hexadecimal characters'],
    ['object', { object: '' }, 'exactly one of object, objects, objects-file'],
    ['wait', { wait: 'yes' }, '`true` or `false`'],
    ['poll-interval', { 'poll-interval': '0' }, 'a duration from 1s to 24h'],
    ['timeout', { timeout: 'later' }, 'a duration such as'],
    ['fail-on', { 'fail-on': 'Submitted' }, 'a comma-separated list of'],
  ])('%s (%j) gets one input error naming it, exit 1, and no request', async (input, change, expected) => {
    await expectInputError(input, change, expected);
  });

  it.each([
    ['name', { name: 'nightly run' }, 'letters, digits'],
    ['name', { name: 'x'.repeat(129) }, 'at most 128'],
  ])('%s (%j) gets one input error naming it, exit 1, and no request', async (input, change, expected) => {
    await expectInputError(input, change, expected);
  });
});
