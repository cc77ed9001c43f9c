import { describe, expect, it } from '@jest/globals';
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Emulator, ObjectRun } from '../../emulator/index.js';
import { runStep, type StepRun } from '../../test-support/github-runner.js';
import {
  commonInputs,
  everythingShown,
  expectOneInputError,
  SECRET_KEY,
  useEmulator,
  WORKFLOW_ID,
} from '../../test-support/e2e-fixtures.js';

/** Keys under `broken/` fail in their run; the jobs of a prefix `retry/` run three objects, two of which fail. */
function objectsFor({ input }: { input: Record<string, string> }): ObjectRun[] | undefined {
  const key = input.Object ?? '';
  if (key.startsWith('broken/')) return [{ key, runMs: 200, final: 'Failed' }];
  const prefix = input.Prefix ?? '';
  if (prefix.startsWith('retry/')) {
    return ['a', 'b', 'c'].map((name, i) => ({
      key: `${prefix}${name} clip.mp4`,
      runMs: 100 * (i + 1),
      final: i === 1 ? 'Success' : 'Failed',
    }));
  }
  return undefined;
}

const emulator = useEmulator({ objectsFor });

function trigger(em: Emulator, extra: Record<string, string>): Promise<StepRun> {
  return runStep({
    action: 'trigger-workflow',
    inputs: { ...commonInputs(em), 'workflow-id': WORKFLOW_ID, 'poll-interval': '1s', ...extra },
  });
}

/** The manual runs the emulator made since `from` (an index into its executions), by object. */
function runsByObject(em: Emulator, from: number): Map<string, string[]> {
  const byObject = new Map<string, string[]>();
  for (const run of em.executions().slice(from)) {
    if (run.jobId) continue;
    byObject.set(run.object, [...(byObject.get(run.object) ?? []), run.runId]);
  }
  return byObject;
}

const jsonLines = (path: string) =>
  readFileSync(path, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, string>);

function scratchFile(name: string, text: string): string {
  const path = join(tmpdir(), `trigger-many-${process.pid}-${name}`);
  writeFileSync(path, text);
  return path;
}

describe('trigger-workflow/ on many objects', () => {
  it('runs three keys with a space, a + and non-ASCII characters, each exactly as given, once', async () => {
    const keys = ['in put/a b.mp4', 'c+d=e&f.mp4', '视频/🎬 clip.mp4'];
    const from = emulator().executions().length;
    const before = emulator().requests.length;
    const run = await trigger(emulator(), { objects: `${keys.join('\n')}\n` });
    expect(run.errors).toEqual([]);
    expect(run.code).toBe(0);
    const triggers = emulator()
      .requests.slice(before)
      .filter((r) => r.call === 'trigger');
    expect(triggers.map((r) => r.query.object).sort()).toEqual([...keys].sort());
    const byObject = runsByObject(emulator(), from);
    expect([...byObject.keys()].sort()).toEqual([...keys].sort());
    for (const ids of byObject.values()) expect(ids).toHaveLength(1);
    expect(run.outputs).toMatchObject({
      state: 'Success',
      count: '3',
      'success-count': '3',
      'failed-count': '0',
      'failed-objects': '[]',
    });
    expect(jsonLines(run.outputs['runs-file']!)).toEqual(
      keys.map((object) => ({ object, runId: byObject.get(object)![0], state: 'Success' })),
    );
    expect(jsonLines(run.outputs['objects-file']!)).toEqual([]);
    // Waiting cost list calls, never a describe per run.
    const calls = emulator().requests.slice(before);
    expect(calls.filter((r) => r.call === 'execution')).toEqual([]);
    expect(calls.filter((r) => r.call === 'executions').length).toBeGreaterThan(0);
    expect(run.summary).toContain('### CI workflow runs on 3 objects');
    expect(run.summary).toContain('| ✅ Success | 3 |');
    expect(run.summary).toContain('pie showData');
    expect(everythingShown(run)).not.toContain(SECRET_KEY);
  });

  it('takes the objects-file of a main step whose objects failed straight in, and runs those keys again', async () => {
    const main = await runStep({
      inputs: {
        ...commonInputs(emulator()),
        'workflow-id': WORKFLOW_ID,
        prefix: 'retry/',
        'poll-interval': '1s',
        'object-failures': 'warn',
      },
    });
    expect(main.code).toBe(0);
    expect(main.outputs['failed-count']).toBe('2');
    const earlier = jsonLines(main.outputs['objects-file']!);
    const from = emulator().executions().length;
    const run = await trigger(emulator(), { 'objects-file': main.outputs['objects-file']! });
    expect(run.errors).toEqual([]);
    expect(run.code).toBe(0);
    const byObject = runsByObject(emulator(), from);
    expect([...byObject.keys()].sort()).toEqual(['retry/a clip.mp4', 'retry/c clip.mp4']);
    const runs = jsonLines(run.outputs['runs-file']!);
    expect(runs.map((line) => line.object)).toEqual(earlier.map((line) => line.object));
    for (const line of runs) {
      expect(line.state).toBe('Success');
      expect(line.runId).toBe(byObject.get(line.object!)![0]);
      expect(earlier.map((failed) => failed.runId)).not.toContain(line.runId);
    }
    expect(run.outputs).toMatchObject({ count: '2', 'success-count': '2', 'failed-count': '0' });
    expect(run.summary).toContain('(from `objects-file`)');
  });

  it('reads a plain file of keys, one a line, blank lines skipped and a key given twice run once', async () => {
    const path = scratchFile(
      'plain.txt',
      ' lead space.mp4\r\nplain/one.mp4\n\nplain/one.mp4\n  \nplain/two.mp4',
    );
    const from = emulator().executions().length;
    const run = await trigger(emulator(), { 'objects-file': path });
    expect(run.errors).toEqual([]);
    expect(run.outputs.count).toBe('3');
    const byObject = runsByObject(emulator(), from);
    expect([...byObject.keys()].sort()).toEqual([' lead space.mp4', 'plain/one.mp4', 'plain/two.mp4']);
    for (const ids of byObject.values()) expect(ids).toHaveLength(1);
  });

  it('refuses 1,001 distinct keys with one input error that points to the main step, sending nothing', async () => {
    const before = emulator().requests.length;
    const objects = Array.from({ length: 1001 }, (_, i) => `many/${i}.mp4`).join('\n');
    const run = await trigger(emulator(), { objects });
    expectOneInputError(
      run,
      emulator().requests.length - before,
      'objects',
      'at most 1,000 distinct object keys',
    );
    expect(run.errors[0]).toContain('1,001 given');
    expect(run.errors[0]).toMatch(/`prefix`, `manifest` or `url-file`/);
  });

  it('fails when one key of three fails, naming it with its reason, and lists it in objects-file', async () => {
    const keys = ['ok/1.mp4', 'broken/2.mp4', 'ok/3.mp4'];
    const run = await trigger(emulator(), { objects: keys.join('\n') });
    expect(run.code).toBe(1);
    expect(run.errors).toHaveLength(1);
    const failed = JSON.parse(run.outputs['failed-objects']!) as Array<Record<string, string>>;
    expect(failed).toEqual([
      {
        object: 'broken/2.mp4',
        runId: expect.stringMatching(/^i[0-9a-f]{32}$/),
        state: 'Failed',
        task: 'Transcode_1',
        code: 'InvalidInput',
        message: 'The input file is not a valid media file.',
      },
    ]);
    expect(run.errors[0]).toContain(
      `1 of 3 workflow runs ended Failed: broken/2.mp4 (Failed in task Transcode_1 with InvalidInput: ` +
        `The input file is not a valid media file., run ${failed[0]!.runId})`,
    );
    expect(run.outputs).toMatchObject({
      state: 'Failed',
      count: '3',
      'success-count': '2',
      'failed-count': '1',
    });
    expect(jsonLines(run.outputs['objects-file']!)).toEqual([
      { ...failed[0], createTime: expect.stringMatching(/\+08:00$/) },
    ]);
    expect(run.summary).toContain('#### Failed objects');
    expect(run.summary).toContain('| `broken/2.mp4` |');
    expect(run.summary).toContain('| ❌ Failed | 1 |');
  });

  it('after a lost trigger answer finds the run it started, and runs no key twice', async () => {
    emulator().addFault({ call: 'trigger', kind: 'lost-answer' });
    const keys = ['lost/1.mp4', 'lost/2.mp4', 'lost/3.mp4'];
    const from = emulator().executions().length;
    const before = emulator().requests.length;
    const run = await trigger(emulator(), { objects: keys.join('\n') });
    expect(run.errors).toEqual([]);
    expect(run.code).toBe(0);
    const calls = emulator().requests.slice(before);
    expect(calls.filter((r) => r.call === 'trigger')).toHaveLength(3);
    expect(calls.filter((r) => r.fault === 'lost-answer')).toHaveLength(1);
    const lostKey = calls.find((r) => r.fault === 'lost-answer')!.query.object;
    expect(calls.some((r) => r.call === 'executions' && r.query.name === lostKey)).toBe(true);
    const byObject = runsByObject(emulator(), from);
    expect([...byObject.keys()].sort()).toEqual(keys);
    for (const ids of byObject.values()) expect(ids).toHaveLength(1);
    const runs = jsonLines(run.outputs['runs-file']!);
    expect(runs.find((line) => line.object === lostKey)?.runId).toBe(byObject.get(lostKey!)![0]);
    expect(run.stdout).toContain(`The answer to the trigger of ${lostKey} was lost`);
  });

  it('with wait: false triggers every key and sets count and runs-file only', async () => {
    const before = emulator().requests.length;
    const run = await trigger(emulator(), { objects: 'nowait/1.mp4\nnowait/2.mp4', wait: 'false' });
    expect(run.code).toBe(0);
    expect(Object.keys(run.outputs).sort()).toEqual(['count', 'runs-file']);
    expect(jsonLines(run.outputs['runs-file']!)).toEqual([
      { object: 'nowait/1.mp4', runId: expect.stringMatching(/^i/), state: '' },
      { object: 'nowait/2.mp4', runId: expect.stringMatching(/^i/), state: '' },
    ]);
    expect(
      emulator()
        .requests.slice(before)
        .map((r) => r.call),
    ).toEqual(['trigger', 'trigger']);
  });

  it.each([
    ['object', { objects: 'a.mp4', object: 'b.mp4' }, 'exactly one of object, objects, objects-file'],
    ['object', {}, 'exactly one of object, objects, objects-file'],
    ['objects', { objects: '\n  \n' }, 'at least one object key'],
    ['objects-file', { 'objects-file': '/nonexistent/keys.txt' }, 'ENOENT'],
  ])('%s (%j) gets one input error naming it, and no request', async (input, change, expected) => {
    const before = emulator().requests.length;
    const run = await trigger(emulator(), change);
    expectOneInputError(run, emulator().requests.length - before, input, expected);
  });
});

describe('trigger-workflow/ on 200 keys under a shared quota of 12 requests/s', () => {
  const limited = useEmulator({
    schedule: { queuedMs: 0, runningMs: 200, final: 'Success' },
    rateLimit: { perSecond: 12 },
  });

  it('runs each key once, and all succeed', async () => {
    const keys = Array.from({ length: 200 }, (_, i) => `quota/${String(i).padStart(3, '0')}.mp4`);
    const run = await trigger(limited(), { objects: keys.join('\n'), 'poll-interval': '2s' });
    expect(run.errors).toEqual([]);
    expect(run.code).toBe(0);
    expect(run.outputs).toMatchObject({ state: 'Success', count: '200', 'success-count': '200' });
    const byObject = runsByObject(limited(), 0);
    expect([...byObject.keys()].sort()).toEqual(keys);
    for (const ids of byObject.values()) expect(ids).toHaveLength(1);
    const accepted = limited().requests.filter((r) => r.fault !== 'rate-limit');
    expect(accepted.filter((r) => r.call === 'trigger')).toHaveLength(200);
    expect(limited().requests.some((r) => r.fault === 'rate-limit')).toBe(true);
  }, 90_000);
});

describe('a run the service does not show for 3 s after its trigger', () => {
  const hiding = useEmulator({ hideNewRunsMs: 3000 });

  it('ends the step Success, for one object', async () => {
    const run = await trigger(hiding(), { object: 'hidden/one.mp4' });
    expect(run.errors).toEqual([]);
    expect(run.code).toBe(0);
    expect(run.outputs.state).toBe('Success');
    const notFound = hiding().requests.filter((r) => r.call === 'execution' && r.code === 'ResourceNotFound');
    expect(notFound.length).toBeGreaterThan(0);
  });

  it('ends the step Success, for many', async () => {
    const run = await trigger(hiding(), { objects: 'hidden/a.mp4\nhidden/b.mp4' });
    expect(run.errors).toEqual([]);
    expect(run.outputs).toMatchObject({ state: 'Success', 'success-count': '2' });
    expect(run.stdout).toContain('2 not shown yet');
  });
});
