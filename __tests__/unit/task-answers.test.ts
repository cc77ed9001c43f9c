import { describe, expect, it } from '@jest/globals';
import { failedTaskOf, toExecutionTask } from '../../src/ci/task-answers.js';
import type { ExecutionTask } from '../../src/ci/types.js';

const task = (name: string, state: string, createTime: string, own?: [string, string]): ExecutionTask => ({
  type: name.split('_')[0]!,
  name,
  state,
  jobId: `j${name.length.toString(16).padStart(32, '0')}`,
  createTime,
  endTime: '',
  ...(own ? { code: own[0], message: own[1] } : {}),
});

describe('toExecutionTask', () => {
  it("reads a task's own Code and Message when it carries them, and leaves them out when it does not", () => {
    const go = toExecutionTask({
      Type: 'Snapshot',
      Name: 'Snapshot_1',
      State: 'Failed',
      JobId: 'j23c11e1e17b011edaab4ab15ec33d076',
      CreateTime: '2022-08-09T14:54:40+08:00',
      StartTime: '2022-08-09T14:54:40+08:00',
      EndTime: '2022-08-09T14:54:42+08:00',
      Code: 'InvalidInput',
      Message: 'no frame',
    });
    expect(go).toMatchObject({
      name: 'Snapshot_1',
      state: 'Failed',
      code: 'InvalidInput',
      message: 'no frame',
    });
    const docs = toExecutionTask({ Type: 'Transcode', Name: 'Transcode_1', State: 'Failed', JobId: 'j1' });
    expect(docs).not.toHaveProperty('code');
    expect(docs).not.toHaveProperty('message');
    // An empty <Message/> parses as '': still the task's own.
    expect(toExecutionTask({ Code: 'Success', Message: '' })).toMatchObject({ code: 'Success', message: '' });
  });
});

describe('failedTaskOf', () => {
  it('finds the failed task whatever its position: no Start or End, the last one first', () => {
    // The Go SDK's fixture order: the later task first.
    const tasks = [
      task('Snapshot_1', 'Success', '2022-08-09T14:54:40+08:00'),
      task('Transcode_1', 'Failed', '2022-08-09T14:54:18+08:00'),
    ];
    expect(failedTaskOf(tasks)?.task.name).toBe('Transcode_1');
    expect(failedTaskOf([...tasks].reverse())?.task.name).toBe('Transcode_1');
  });

  it('prefers a Failed task to a Cancel one listed before it, and the earliest created of two failed', () => {
    const cancelled = task('Animation_1', 'Cancel', '2026-11-30T12:00:01+0800');
    const later = task('Snapshot_2', 'Failed', '2026-11-30T12:00:05+0800');
    const earlier = task('Snapshot_1', 'Failed', '2026-11-30T12:00:02+08:00');
    expect(failedTaskOf([cancelled, later, earlier])?.task.name).toBe('Snapshot_1');
    expect(failedTaskOf([cancelled])?.task.name).toBe('Animation_1');
    // An unreadable time goes after readable ones; two unreadable keep the order given.
    const undated = task('Watermark_1', 'Failed', '-');
    expect(failedTaskOf([undated, later])?.task.name).toBe('Snapshot_2');
    expect(failedTaskOf([undated, task('Watermark_2', 'Failed', '')])?.task.name).toBe('Watermark_1');
  });

  it("gives the task's own code and message only when it carries an error code", () => {
    const own = failedTaskOf([task('Transcode_1', 'Failed', '', ['InvalidInput', 'moov atom not found'])]);
    expect(own?.own).toEqual({ code: 'InvalidInput', message: 'moov atom not found' });
    expect(failedTaskOf([task('Transcode_1', 'Failed', '', ['InvalidInput', ''])])?.own).toEqual({
      code: 'InvalidInput',
      message: '',
    });
    for (const none of [undefined, ['Success', ''], ['', 'text']] as const)
      expect(
        failedTaskOf([task('Transcode_1', 'Cancel', '', none as [string, string] | undefined)])?.own,
      ).toBe(undefined);
  });

  it('finds nothing in a run whose tasks all succeeded or still run, or that has none', () => {
    expect(failedTaskOf([])).toBeUndefined();
    expect(
      failedTaskOf([
        task('Start', 'Success', ''),
        task('Transcode_1', 'Running', ''),
        task('x', 'Failed ', ''),
      ]),
    ).toBeUndefined();
  });
});
