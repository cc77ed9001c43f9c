import { describe, expect, it } from '@jest/globals';
import { ApiError } from '../../src/ci/errors.js';
import type { ExecutionTask, MediaJob, WorkflowExecution } from '../../src/ci/types.js';
import type { FailedRun } from '../../src/objects/runs.js';
import { explainRuns, type ReasonClient } from '../../src/objects/reasons.js';

const hex = (n: number) => n.toString(16).padStart(32, '0');
const failedRun = (n: number): FailedRun => ({
  object: `videos/${n}.mp4`,
  runId: `i${hex(n)}`,
  state: 'Failed',
  task: '',
  code: '',
  message: '',
  createTime: '',
});
const task = (name: string, state: string, jobId = ''): ExecutionTask => ({
  type: name.split('_')[0]!,
  name,
  state,
  jobId,
  createTime: '',
  endTime: '',
});

/** A fake API: each run's tasks; media jobs by id; every call recorded, with how many were in flight. */
function fakeApi(
  tasksOf: (runId: string) => ExecutionTask[] | undefined,
  mediaJob: (jobId: string) => MediaJob | undefined | Error,
) {
  const calls: string[] = [];
  let inFlight = 0;
  let most = 0;
  const track = async <T>(name: string, answer: () => T): Promise<{ value: T; requestId: string }> => {
    calls.push(name);
    inFlight++;
    most = Math.max(most, inFlight);
    await new Promise((done) => setTimeout(done, 2));
    inFlight--;
    return { value: answer(), requestId: 'r' };
  };
  const client: ReasonClient = {
    describeExecution: (runId) =>
      track(`execution ${runId}`, () => {
        const tasks = tasksOf(runId);
        return tasks && ({ runId, tasks } as WorkflowExecution);
      }),
    describeMediaJob: (jobId) =>
      track(`media ${jobId}`, () => {
        const answer = mediaJob(jobId);
        if (answer instanceof Error) throw answer;
        return answer;
      }),
  };
  return { client, calls, most: () => most };
}

const media = (jobId: string, code: string, message: string, state = 'Failed'): MediaJob => ({
  jobId,
  tag: 'Transcode',
  state,
  code,
  message,
  creationTime: '',
  endTime: '',
});
const options = { concurrency: 4, now: () => 0 };

describe('explainRuns', () => {
  it('explains 20 runs with two calls each, four at a time, from the first task that ended Failed or Cancel', async () => {
    const runs = Array.from({ length: 20 }, (_, i) => failedRun(i));
    const api = fakeApi(
      (runId) => [
        task('Start', 'Success'),
        task('Transcode_1', 'Success', `j1${runId.slice(2)}`),
        task('Snapshot_1', 'Failed', `j2${runId.slice(2)}`),
        task('Watermark_1', 'Failed', `j3${runId.slice(2)}`),
      ],
      (jobId) => media(jobId, 'InvalidSnapshot', `no frame in ${jobId}`),
    );
    const explanation = await explainRuns(runs, api.client, options);
    expect(explanation).toEqual({ missing: 0, causes: [] });
    expect(api.calls).toHaveLength(40);
    expect(api.most()).toBe(4);
    expect(runs[7]).toMatchObject({
      task: 'Snapshot_1',
      code: 'InvalidSnapshot',
      message: `no frame in j2${runs[7]!.runId.slice(2)}`,
    });
    expect(api.calls.filter((c) => c.startsWith('media j1') || c.startsWith('media j3'))).toEqual([]);
  });

  it('leaves every field empty when DescribeMediaJob is refused, and says why once', async () => {
    const runs = Array.from({ length: 6 }, (_, i) => failedRun(i));
    const api = fakeApi(
      (runId) => [task('Transcode_1', 'Failed', `j${runId.slice(1)}`)],
      (jobId) => new ApiError(403, 'AccessDenied', 'Access Denied.', `req-${jobId}`),
    );
    const explanation = await explainRuns(runs, api.client, options);
    expect(runs.every((r) => r.task === '' && r.code === '' && r.message === '')).toBe(true);
    expect(explanation.missing).toBe(6);
    // Each refusal has its own request id; the cause is told once, with the first one's.
    expect(explanation.causes).toHaveLength(1);
    expect(explanation.causes[0]).toMatch(
      /^DescribeMediaJob failed: AccessDenied: Access Denied\. \(HTTP 403, request id req-j0{31}\d\)$/,
    );
  });

  it('keeps a run without a failed task, an unknown run or a malformed id unexplained, at no other cost', async () => {
    const runs = [
      failedRun(1),
      failedRun(2),
      { ...failedRun(3), runId: '../x?y' },
      failedRun(4),
      failedRun(5),
    ];
    const api = fakeApi(
      (runId) =>
        runId === runs[0]!.runId
          ? [task('Start', 'Success'), task('Transcode_1', 'Success', 'j1')]
          : runId === runs[1]!.runId
            ? undefined
            : runId === runs[3]!.runId
              ? [task('Transcode_1', 'Failed', '../jobs')]
              : [task('Transcode_1', 'Cancel', 'j5')],
      (jobId) => media(jobId, 'Success', '', 'Cancel'),
    );
    // One at a time: causes in the order of the runs, the first three kept.
    const explanation = await explainRuns(runs, api.client, { ...options, concurrency: 1 });
    expect(api.calls).not.toContain('execution ../x?y');
    expect(api.calls.filter((c) => c.startsWith('media'))).toEqual(['media j5']);
    expect(runs.map((r) => [r.task, r.code])).toEqual([
      ['', ''],
      ['', ''],
      ['', ''],
      ['Transcode_1', ''],
      // Cancelled with its run: the task says where, and no cause is missing.
      ['Transcode_1', ''],
    ]);
    expect(explanation.missing).toBe(4);
    expect(explanation.causes).toEqual([
      'no task of the run ended Failed or Cancel',
      'DescribeWorkflowExecution did not find the run',
      'a run id in the list is not one the API gives',
    ]);
  });

  it('sends nothing once the deadline has passed', async () => {
    const api = fakeApi(
      () => [task('Transcode_1', 'Failed', 'j1')],
      (jobId) => media(jobId, 'InvalidInput', 'bad'),
    );
    const explanation = await explainRuns([failedRun(1), failedRun(2)], api.client, {
      ...options,
      deadline: 100,
      now: () => 100,
    });
    expect(api.calls).toEqual([]);
    expect(explanation).toEqual({ missing: 2, causes: ['the timeout passed before they were asked for'] });
  });

  it("lets the workflow run's cancellation through", async () => {
    const abort = new AbortController();
    const api = fakeApi(
      () => {
        abort.abort();
        throw new Error('aborted');
      },
      () => undefined,
    );
    await expect(
      explainRuns([failedRun(1)], api.client, { ...options, signal: abort.signal }),
    ).rejects.toThrow('aborted');
  });
});
