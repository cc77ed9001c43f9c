/**
 * The steps, bundled, against answers in the forms the official SDKs show where the docs are
 * silent or differ (emulator/README.md › Answer forms): the Go SDK's tasks that carry their own
 * error and its `CreationTime`, and error bodies in JSON.
 */
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import type { ObjectRun } from '../../emulator/index.js';
import { runStep } from '../../test-support/github-runner.js';
import { commonInputs, useEmulator, WORKFLOW_ID } from '../../test-support/e2e-fixtures.js';

const readLines = (path: string) =>
  readFileSync(path, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, string>);

describe("the Go SDK's forms", () => {
  const emulator = useEmulator({
    answers: 'go-sdk',
    // DescribeMediaJob needs ci:DescribeMediaJob, which this key lacks.
    denied: ['media-job'],
    objectsFor: ({ input }) =>
      [
        { key: `${input.Prefix}ok.mp4`, runMs: 100, final: 'Success' },
        {
          key: `${input.Prefix}no-moov.mp4`,
          runMs: 150,
          final: 'Failed',
          failure: { task: 'Snapshot_1', code: 'InvalidInput', message: 'moov atom not found' },
        },
      ] satisfies ObjectRun[],
  });

  it("gives a failed task's own reason though DescribeMediaJob is refused, and keeps CreationTime as createTime", async () => {
    const from = emulator().requests.length;
    const run = await runStep({
      inputs: {
        ...commonInputs(emulator()),
        'workflow-id': WORKFLOW_ID,
        prefix: 'go/',
        'poll-interval': '1s',
        'object-failures': 'warn',
      },
    });
    expect(run.errors).toEqual([]);
    expect(run.code).toBe(0);
    expect(run.outputs['failed-count']).toBe('1');

    const reason = {
      object: 'go/no-moov.mp4',
      task: 'Snapshot_1',
      code: 'InvalidInput',
      message: 'moov atom not found',
    };
    expect(JSON.parse(run.outputs['failed-objects'] as string)).toEqual([expect.objectContaining(reason)]);
    const [line] = readLines(run.outputs['objects-file'] as string);
    expect(line).toMatchObject(reason);
    // The list's time, sent as CreationTime, in the file as the run's createTime.
    const listed = emulator()
      .executions()
      .find((execution) => execution.object === 'go/no-moov.mp4')!;
    const beijing = new Date(listed.createdAt + 8 * 3600_000).toISOString().slice(0, 19);
    expect(line!.createTime).toBe(`${beijing}+08:00`);
    expect(run.summary).toContain('| `Snapshot_1` | `InvalidInput` | `moov atom not found` |');
    expect(run.summary).not.toContain('Reasons are missing');
    expect(run.warnings).toContain(
      `Object go/no-moov.mp4: workflow run ${line!.runId} ended Failed in task Snapshot_1 with InvalidInput: moov atom not found`,
    );
    // The task said why: DescribeMediaJob, refused to this key, is never asked.
    const calls = emulator().requests.slice(from);
    expect(calls.filter((r) => r.call === 'execution')).toHaveLength(1);
    expect(calls.filter((r) => r.call === 'media-job')).toEqual([]);
  });
});

describe('JSON error bodies', () => {
  const emulator = useEmulator({ answers: { errorBody: 'json' } });

  it('fail the step once, with the code, message and request id, not retried as a proxy fault', async () => {
    emulator().addFault({
      call: 'list',
      kind: 'status',
      status: 403,
      code: 'AccessDenied',
      message: 'no permission for ci:DescribeInventoryTriggerJobs',
    });
    const from = emulator().requests.length;
    const run = await runStep({ action: 'list', inputs: commonInputs(emulator()) });
    const calls = emulator().requests.slice(from);
    expect(calls.map((r) => `${r.call} ${r.status}`)).toEqual(['list 403']);
    expect(run.code).toBe(1);
    expect(run.errors).toHaveLength(1);
    expect(run.errors[0]).toContain('AccessDenied');
    expect(run.errors[0]).toContain('no permission for ci:DescribeInventoryTriggerJobs');
    expect(run.errors[0]).toContain(calls[0]!.requestId);
    expect(run.errors[0]).not.toMatch(/proxy|gateway/i);
    expect(run.warnings.filter((w) => w.includes('retry'))).toEqual([]);
  });
});
