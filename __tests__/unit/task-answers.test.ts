import { elements, mediaJobsIn, tasksIn } from '../../src/ci/task-answers.js';
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
