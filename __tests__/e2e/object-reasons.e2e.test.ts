import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname } from 'node:path';
import type { ObjectRun } from '../../emulator/index.js';
import { runStep } from '../../test-support/github-runner.js';
import { commonInputs, useEmulator, WORKFLOW_ID } from '../../test-support/e2e-fixtures.js';

const HOSTILE_MESSAGE = 'No frame at 5 s <img src=x onerror=alert(1)> | **bold**\n::error::injected';

const emulator = useEmulator({
  objectsFor: ({ input }) => {
    const prefix = input.Prefix ?? '';
    if (prefix.startsWith('two-types/') || prefix.startsWith('refused/')) {
      return [
        { key: `${prefix}ok.mp4`, runMs: 100, final: 'Success' },
        {
          key: `${prefix}no-moov.mp4`,
          runMs: 150,
          final: 'Failed',
          failure: { task: 'Transcode_1', code: 'InvalidInput', message: 'moov atom not found' },
        },
        {
          key: `${prefix}black.mp4`,
          runMs: 200,
          final: 'Failed',
          failure: { task: 'Snapshot_1', code: 'SnapshotFailed', message: HOSTILE_MESSAGE },
        },
      ] satisfies ObjectRun[];
    }
    if (prefix.startsWith('unreadable/')) {
      return Array.from({ length: 25 }, (_, i) => ({
        key: `${prefix}${i}.mp4`,
        runMs: 100,
        final: 'Failed',
        failure: { task: 'Snapshot_1' },
      })) satisfies ObjectRun[];
    }
    if (prefix.startsWith('huge/')) {
      // 100,000 objects, every 20th failing in its snapshot: 5,000 failed runs.
      return {
        count: 100_000,
        objectAt: (i: number): ObjectRun =>
          i % 20 === 19
            ? { key: `${prefix}${i}.mp4`, runMs: 100, final: 'Failed', failure: { task: 'Snapshot_1' } }
            : { key: `${prefix}${i}.mp4`, runMs: 100, final: 'Success' },
      };
    }
    return undefined;
  },
});

function inputs(extra: Record<string, string>) {
  return { ...commonInputs(emulator()), 'workflow-id': WORKFLOW_ID, 'poll-interval': '1s', ...extra };
}

const callsFor = (from: number, call: string) =>
  emulator()
    .requests.slice(from)
    .filter((r) => r.call === call);

interface Line {
  object: string;
  runId: string;
  state: string;
  task: string;
  code: string;
  message: string;
  createTime: string;
}
const readLines = (path: string): Line[] =>
  readFileSync(path, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Line);

describe('why each object failed', () => {
  it('gives task, code and message of failures in two task types in outputs, file, summary and annotations', async () => {
    const from = emulator().requests.length;
    const run = await runStep({ inputs: inputs({ prefix: 'two-types/', 'object-failures': 'warn' }) });
    expect(run.errors).toEqual([]);
    expect(run.code).toBe(0);
    expect(run.outputs['failed-count']).toBe('2');

    const listed = JSON.parse(run.outputs['failed-objects'] as string) as Line[];
    const byObject = Object.fromEntries(listed.map((entry) => [entry.object, entry]));
    expect(byObject['two-types/no-moov.mp4']).toMatchObject({
      state: 'Failed',
      task: 'Transcode_1',
      code: 'InvalidInput',
      message: 'moov atom not found',
    });
    expect(byObject['two-types/black.mp4']).toMatchObject({
      task: 'Snapshot_1',
      code: 'SnapshotFailed',
      message: HOSTILE_MESSAGE,
    });

    const file = run.outputs['objects-file'] as string;
    // Under RUNNER_TEMP (the harness makes it a fresh step-* folder), a name of its own.
    expect([dirname(dirname(file)), basename(dirname(file)).slice(0, 5)]).toEqual([tmpdir(), 'step-']);
    expect(basename(file)).toMatch(
      new RegExp(`^cos-workflow-trigger-failed-objects-${run.outputs['job-id']}-[0-9a-f]{8}\\.jsonl$`),
    );
    const lines = readLines(file);
    expect(lines.map(({ createTime: _, ...rest }) => rest)).toEqual(listed);
    expect(lines.every((line) => /^\d{4}-\d\d-\d\dT/.test(line.createTime))).toBe(true);

    // One annotation per object with its reason; the hostile message's line break cannot start a command.
    expect(run.warnings).toHaveLength(3);
    expect(run.warnings).toContain(
      `Object two-types/no-moov.mp4: workflow run ${byObject['two-types/no-moov.mp4']!.runId} ended Failed ` +
        'in task Transcode_1 with InvalidInput: moov atom not found',
    );
    expect(
      run.warnings.some((w) => w.includes('in task Snapshot_1 with SnapshotFailed: No frame at 5 s')),
    ).toBe(true);
    expect(run.stdout).not.toMatch(/^::error::injected/m);
    expect(run.warnings.at(-1)).toContain(file);

    const section = run.summary.slice(run.summary.indexOf('#### Objects'));
    expect(section).toContain('| `two-types/no-moov.mp4` |');
    expect(section).toContain('| `Transcode_1` | `InvalidInput` | `moov atom not found` |');
    expect(section).toContain(
      '| `Snapshot_1` | `SnapshotFailed` | `No frame at 5 s <img src=x onerror=alert(1)> \\| **bold** ::error::injected` |',
    );
    expect(section).not.toContain('Reasons are missing');

    // Two calls per failed run: its execution, then its failed task's media job.
    expect(callsFor(from, 'execution')).toHaveLength(2);
    expect(callsFor(from, 'media-job')).toHaveLength(2);
    expect(callsFor(from, 'media-job').every((r) => r.status === 200)).toBe(true);
  });

  it('with fail, names the objects with their reasons in the failure message', async () => {
    const run = await runStep({ inputs: inputs({ prefix: 'two-types/fail/' }) });
    expect(run.code).toBe(1);
    expect(run.errors).toHaveLength(1);
    expect(run.errors[0]).toMatch(/^2 object\(s\) of job b[0-9a-f]{32} failed processing: /);
    expect(run.errors[0]).toContain(
      'two-types/fail/no-moov.mp4 (Failed in task Transcode_1 with InvalidInput: moov atom not found, run i',
    );
    expect(run.errors[0]).toContain(
      'two-types/fail/black.mp4 (Failed in task Snapshot_1 with SnapshotFailed: No frame',
    );
    expect(run.errors[0]).toContain(run.outputs['objects-file']);
  });

  it('keeps the reason fields empty, and says why once, when the key may not call DescribeMediaJob', async () => {
    const from = emulator().requests.length;
    emulator().setDenied(['media-job']);
    let run;
    try {
      run = await runStep({ inputs: inputs({ prefix: 'refused/', 'object-failures': 'warn' }) });
    } finally {
      emulator().setDenied([]);
    }
    expect(run.code).toBe(0);
    expect(run.errors).toEqual([]);
    expect(run.outputs['failed-count']).toBe('2');
    const listed = JSON.parse(run.outputs['failed-objects'] as string) as Line[];
    expect(listed).toHaveLength(2);
    for (const entry of listed) expect([entry.task, entry.code, entry.message]).toEqual(['', '', '']);
    expect(readLines(run.outputs['objects-file'] as string).map((l) => l.code)).toEqual(['', '']);
    // Refused once per run, not retried; the runs' warnings carry no reason and no other warning appears.
    const refused = callsFor(from, 'media-job');
    expect(refused.map((r) => [r.status, r.code])).toEqual([
      [403, 'AccessDenied'],
      [403, 'AccessDenied'],
    ]);
    expect(run.warnings).toHaveLength(3);
    for (const entry of listed)
      expect(run.warnings).toContain(`Object ${entry.object}: workflow run ${entry.runId} ended Failed`);
    const missing = run.summary.match(
      /Reasons are missing for 2 of the 2 runs looked up: `DescribeMediaJob failed: AccessDenied[^`]*request id [^`]+`\./g,
    );
    expect(missing).toHaveLength(1);
  });

  it('lists all 5,000 failed runs of a 100,000-object job: exact count, a 5,000-line file, a small summary', async () => {
    const from = emulator().requests.length;
    const run = await runStep({ inputs: inputs({ prefix: 'huge/', 'object-failures': 'warn' }) });
    expect(run.errors).toEqual([]);
    expect(run.code).toBe(0);
    expect(run.outputs['failed-count']).toBe('5000');
    const lines = readLines(run.outputs['objects-file'] as string);
    expect(lines).toHaveLength(5000);
    expect(new Set(lines.map((l) => l.runId)).size).toBe(5000);
    expect(lines.every((l) => l.state === 'Failed' && /^huge\/\d+9\.mp4$/.test(l.object))).toBe(true);
    expect(lines.slice(0, 20).every((l) => l.task === 'Snapshot_1' && l.code === 'InvalidInput')).toBe(true);
    expect(lines.slice(20).every((l) => l.task === '')).toBe(true);
    expect(JSON.parse(run.outputs['failed-objects'] as string)).toHaveLength(100);

    expect(Buffer.byteLength(run.summary)).toBeLessThan(64 * 1024);
    expect(run.summary).toContain('❌ Failed: 5000');
    expect(run.summary).toContain('… and 4980 more');
    expect(run.warnings).toHaveLength(10);
    expect(run.warnings.at(-1)).toContain('5000 object(s)');
    expect(run.warnings.at(-1)).toContain('4991 of them are not annotated here.');
    for (const count of [1000, 2000, 3000, 4000, 5000])
      expect(run.stdout).toContain(
        `Listed ${count} failed or cancelled runs of job ${run.outputs['job-id']}`,
      );

    const pages = callsFor(from, 'executions').filter((r) => r.query.states === 'Failed,Cancel');
    expect(pages).toHaveLength(50);
    expect(callsFor(from, 'execution')).toHaveLength(20);
    expect(callsFor(from, 'media-job')).toHaveLength(20);
  });

  it('makes at most 40 calls for the reasons of 20 runs when every DescribeMediaJob answer is unreadable, retries included', async () => {
    const from = emulator().requests.length;
    emulator().addFault({ call: 'media-job', kind: 'truncated', forMs: 300_000 });
    let run;
    try {
      run = await runStep({ inputs: inputs({ prefix: 'unreadable/', 'object-failures': 'warn' }) });
    } finally {
      emulator().clearFaults();
    }
    expect(run.errors).toEqual([]);
    expect(run.code).toBe(0);
    expect(run.outputs['failed-count']).toBe('25');
    const reasonCalls = [...callsFor(from, 'execution'), ...callsFor(from, 'media-job')];
    expect(reasonCalls.length).toBeLessThanOrEqual(40);
    // Unreadable answers are still retried, within the budget.
    const media = callsFor(from, 'media-job');
    expect(new Set(media.map((r) => r.path)).size).toBeLessThan(media.length);
    expect(run.summary).toContain('Reasons are missing for 20 of the 20 runs looked up: ');
    expect(run.summary).toContain('not sent: the 40 calls set aside for reasons are spent');
  }, 240_000);
});
