import { describe, expect, it } from '@jest/globals';
import { asJobsDetail, asWorkflowExecution } from '../../src/report/api-json.js';
import { jobDetail } from '../../test-support/fake-ports.js';

describe('asJobsDetail', () => {
  it("names a job's fields as the API's JobsDetail does, leaving out what the answer did not have", () => {
    const job = asJobsDetail(jobDetail({ state: 'Failed', code: 'WorkflowFailed', message: 'node failed' }));
    expect(Object.keys(job)).toEqual([
      'Code',
      'Message',
      'JobId',
      'Name',
      'Type',
      'State',
      'CreationTime',
      'StartTime',
      'EndTime',
    ]);
    expect(job).toMatchObject({ Code: 'WorkflowFailed', Message: 'node failed', State: 'Failed' });
  });

  it('keeps Progress, Input and Operation when the answer had them, a half-open window with an empty end', () => {
    const job = jobDetail({
      progress: '50',
      input: { Prefix: 'videos/' },
      operation: { workflowIds: 'w1', timeInterval: { start: '2026-11-01T00:00:00+0800' } },
    });
    expect(asJobsDetail(job)).toMatchObject({
      Progress: '50',
      Input: { Prefix: 'videos/' },
      Operation: { WorkflowIds: 'w1', TimeInterval: { Start: '2026-11-01T00:00:00+0800', End: '' } },
    });
    expect(asJobsDetail(jobDetail({ operation: {} })).Operation).toEqual({ WorkflowIds: '' });
  });
});

describe('asWorkflowExecution', () => {
  const run = {
    runId: 'i' + '1'.repeat(32),
    workflowId: 'w1',
    name: 'transcode',
    object: 'videos/a.mp4',
    state: 'Success',
    createTime: '2026-11-30T12:00:00+0800',
  };

  it("names a run's fields as the API does, with Topology only when the answer had one", () => {
    expect(asWorkflowExecution(run)).toEqual({
      RunId: run.runId,
      WorkflowId: 'w1',
      Name: 'transcode',
      Object: 'videos/a.mp4',
      State: 'Success',
      CreateTime: '2026-11-30T12:00:00+0800',
    });
    expect(asWorkflowExecution({ ...run, topology: { Nodes: [] } }).Topology).toEqual({ Nodes: [] });
  });
});
