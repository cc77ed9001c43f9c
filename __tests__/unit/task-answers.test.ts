import { describe, expect, it } from '@jest/globals';
import { elements, failedTaskOf, mediaJobsIn, tasksIn, toExecutionTask } from '../../src/ci/task-answers.js';
import type { ExecutionTask } from '../../src/ci/types.js';
import { parseExecutionResponse, parseMediaJobResponse } from '../../src/ci/xml-answers.js';

const WID = 'w7476ff3564ee45b7b490d64bccaba6cc';

describe('reading why a run failed', () => {
  it('reads the Tasks of a workflow execution as the documentation shows them', () => {
    const xml = `<Response><RequestId>r</RequestId><WorkflowExecution>
      <RunId>i37145b2919714156bd97f91dc03fa2b4</RunId><WorkflowId>${WID}</WorkflowId><State>Failed</State>
      <Object>a.mp4</Object><CreateTime>2026-11-30T12:00:00+08:00</CreateTime>
      <Tasks><Type>Start</Type><State>Success</State><JobId></JobId><Name>Start</Name></Tasks>
      <Tasks>
        <Type>Transcode</Type>
        <CreateTime>2026-11-30T12:00:01+0800</CreateTime>
        <EndTime>2026-11-30T12:00:09+0800</EndTime>
        <State>Failed</State>
        <JobId>j8d1f6b2c0a9e4f7b8c3d2e1f0a9b8c7d</JobId>
        <Name>Transcode_1581665960537</Name>
        <TemplateId>t0e09a9456d4124542b1f0e44d7b2d0a3</TemplateId>
        <TemplateName>HLS-720p</TemplateName>
      </Tasks>
    </WorkflowExecution></Response>`;
    expect(parseExecutionResponse(xml).execution?.tasks).toEqual([
      { type: 'Start', name: 'Start', state: 'Success', jobId: '', createTime: '', endTime: '' },
      {
        type: 'Transcode',
        name: 'Transcode_1581665960537',
        state: 'Failed',
        jobId: 'j8d1f6b2c0a9e4f7b8c3d2e1f0a9b8c7d',
        createTime: '2026-11-30T12:00:01+0800',
        endTime: '2026-11-30T12:00:09+0800',
      },
    ]);
  });

  it('reads a media job, an unknown id, and keeps hostile shapes out', () => {
    const known = parseMediaJobResponse(
      '<Response><JobsDetail><Code>InvalidInput</Code><Message>bad &lt;moov&gt;</Message>' +
        '<JobId>j1</JobId><Tag>Transcode</Tag><State>Failed</State><CreationTime>2026-11-30T12:00:01+0800</CreationTime>' +
        '<EndTime>-</EndTime><Input><Object>a.mp4</Object></Input></JobsDetail></Response>',
    );
    expect(known.jobs).toEqual([
      {
        jobId: 'j1',
        tag: 'Transcode',
        state: 'Failed',
        code: 'InvalidInput',
        message: 'bad <moov>',
        creationTime: '2026-11-30T12:00:01+0800',
        endTime: '-',
      },
    ]);
    expect(parseMediaJobResponse('<Response><NonExistJobIds>j2</NonExistJobIds></Response>')).toEqual({
      requestId: '',
      jobs: [],
      nonExistJobIds: ['j2'],
    });
    // A Message holding elements, a repeated Code: read as empty, never as an object.
    const hostile = parseMediaJobResponse(
      '<Response><JobsDetail><JobId>j3</JobId><Code>A</Code><Code>B</Code><Message><b>x</b></Message></JobsDetail></Response>',
    );
    expect(hostile.jobs).toEqual([expect.objectContaining({ jobId: 'j3', code: '', message: '' })]);
  });
});

describe('the plain tree of an answer, whichever reader produced it', () => {
  it('takes one element or many as a list, and drops text and other shapes', () => {
    expect(elements({ Name: 'a' })).toEqual([{ Name: 'a' }]);
    expect(elements([{ Name: 'a' }, 'text', ['nested'], null, { Name: 'b' }])).toEqual([
      { Name: 'a' },
      { Name: 'b' },
    ]);
    expect(elements(undefined)).toEqual([]);
  });

  it('reads a task field that repeats or holds elements as empty, and a run without Tasks as none', () => {
    const [task] = tasksIn({
      Tasks: { Type: 'Transcode', Name: ['a', 'b'], State: { x: 'y' }, JobId: 'j1' },
    });
    expect(task).toEqual({
      type: 'Transcode',
      name: '',
      state: '',
      jobId: 'j1',
      createTime: '',
      endTime: '',
    });
    expect(tasksIn({})).toEqual([]);
  });

  it('counts a JobsDetail without a JobId as no media job', () => {
    const jobs = mediaJobsIn({ JobsDetail: [{ Code: 'InvalidInput' }, { JobId: 'j2', State: 'Failed' }] });
    expect(jobs.map((job) => job.jobId)).toEqual(['j2']);
  });
});

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
