/**
 * The official Node SDK as a client of the emulator: each call it can make to the batch-trigger API,
 * sent on its default configuration the way its documentation and demo send CI calls (`request`
 * with the call's `Url`), is accepted. Where the SDK signs or sends something the emulator refused,
 * the emulator was wrong: the real service takes what the SDK sends.
 */
import { describe, expect, it } from '@jest/globals';
import COS from 'cos-nodejs-sdk-v5';
import { BUCKET, SECRET_ID, SECRET_KEY, useEmulator, WORKFLOW_ID } from '../../test-support/e2e-fixtures.js';

const emulator = useEmulator({ schedule: { queuedMs: 0, runningMs: 60_000, final: 'Success' } });

/** What the SDK's docs pass; the emulator's URL stands in for `https://<bucket>.ci.<region>.myqcloud.com`. */
function send(cos: COS, call: { Method: string; Key: string } & Partial<COS.RequestParams>) {
  return cos.request({
    Bucket: BUCKET,
    Region: 'ap-guangzhou',
    Url: `${emulator().url}/${call.Key}`,
    ...call,
  });
}

describe('the official Node SDK (cos-nodejs-sdk-v5) against the emulator', () => {
  it('sends the five inventory-trigger-job calls and the two workflow-execution calls, and each is accepted', async () => {
    const cos = new COS({ SecretId: SECRET_ID, SecretKey: SECRET_KEY });
    const from = emulator().requests.length;
    const xml = { 'content-type': 'application/xml' };

    const created = await send(cos, {
      Method: 'POST',
      Key: 'inventorytriggerjob',
      Headers: xml,
      Body:
        '<Request><Name>sdk-job</Name><Type>Workflow</Type><Input><Prefix>sdk/</Prefix></Input>' +
        `<Operation><TimeInterval><Start>2026-01-01T00:00:00+0800</Start></TimeInterval>` +
        `<WorkflowIds>${WORKFLOW_ID}</WorkflowIds></Operation></Request>`,
    });
    const jobId = created.Response.JobsDetail.JobId as string;
    expect(jobId).toMatch(/^b[0-9a-f]{32}$/);

    const described = await send(cos, { Method: 'GET', Key: `inventorytriggerjob/${jobId}` });
    expect(described.Response.JobsDetail.Name).toBe('sdk-job');

    const listed = await send(cos, {
      Method: 'GET',
      Key: 'inventorytriggerjob',
      Query: { states: 'Submitted,Running', workflowId: WORKFLOW_ID, name: 'sdk-job', size: '10' },
    });
    expect(listed.Response.JobsDetail.JobId).toBe(jobId);

    const triggered = await send(cos, {
      Method: 'POST',
      Key: 'triggerworkflow',
      Headers: xml,
      Query: { workflowId: WORKFLOW_ID, object: 'sdk/新 视频 (1)+2.mp4', name: 'sdk_run' },
    });
    const runId = triggered.Response.InstanceId as string;
    expect(runId).toMatch(/^i[0-9a-f]{32}$/);

    const execution = await send(cos, { Method: 'GET', Key: `workflowexecution/${runId}` });
    expect(execution.Response.WorkflowExecution).toMatchObject({
      RunId: runId,
      Object: 'sdk/新 视频 (1)+2.mp4',
    });

    const executions = await send(cos, {
      Method: 'GET',
      Key: 'workflowexecution',
      Query: { workflowId: WORKFLOW_ID, name: 'sdk/新 视频 (1)+2.mp4', states: 'Running', size: '3' },
    });
    expect(executions.Response.WorkflowExecutionList.RunId).toBe(runId);

    // The SDK's cancel is the bare `?cancel` sub-resource, as an Action.
    const cancelled = await send(cos, {
      Method: 'PUT',
      Key: `inventorytriggerjob/${jobId}`,
      Action: 'cancel',
    });
    expect(cancelled.statusCode).toBe(200);
    expect(
      emulator()
        .jobs()
        .find((job) => job.id === jobId),
    ).toMatchObject({ cancelled: true });

    const seen = emulator().requests.slice(from);
    expect(seen.map((r) => `${r.call} ${r.status}`)).toEqual([
      'create 200',
      'describe 200',
      'list 200',
      'trigger 200',
      'execution 200',
      'executions 200',
      'cancel 200',
    ]);
    // Its default configuration: its own User-Agent, the host signed with the port the URL names.
    expect(seen[0]!.headers['user-agent']).toMatch(/^cos-nodejs-sdk-v5-/);
    expect(seen[0]!.headers.authorization).toContain('q-header-list=content-length;content-type;host');
  });

  it("reads the emulator's error answers as the API's: code, message, resource and request id", async () => {
    const cos = new COS({ SecretId: SECRET_ID, SecretKey: SECRET_KEY });
    const unknown = 'i00000000000000000000000000000000';
    const error = await send(cos, { Method: 'GET', Key: `workflowexecution/${unknown}` }).then(
      () => undefined,
      (refused: COS.CosError & { error: Record<string, string>; headers: Record<string, string> }) => refused,
    );
    expect(error).toMatchObject({ statusCode: 400, code: 'ResourceNotFound' });
    expect(error!.error.Resource).toBe(`${new URL(emulator().url).host}/workflowexecution/${unknown}`);
    expect(error!.error.RequestId).toBe(error!.headers['x-ci-request-id']);
  });
});
