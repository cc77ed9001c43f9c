import { afterEach, describe, expect, it } from '@jest/globals';
import { XMLParser } from 'fast-xml-parser';
import { startEmulator, type AnswersOption, type Emulator, type ObjectRun } from '../../emulator/index.js';
import { sdkFetch, type SdkRequest } from '../../test-support/sdk-client.js';

const CREDS = { secretId: 'AKIDforms', secretKey: 'forms-secret-key' };
const WID = 'w7476ff3564ee45b7b490d64bccaba6cc';
const T0 = Date.UTC(2026, 0, 1, 4, 0, 0);
const parser = new XMLParser({
  parseTagValue: false,
  isArray: (name) => ['WorkflowExecutionList', 'Tasks', 'JobsDetail'].includes(name),
});

const objects: ObjectRun[] = [
  { key: 'p/ok.mp4', runMs: 800, final: 'Success' },
  {
    key: 'p/bad.mp4',
    runMs: 600,
    final: 'Failed',
    failure: { task: 'Snapshot_1', code: 'InvalidSnapshot', message: 'No frame at 5 s.' },
  },
];

let t = T0;
let emulator: Emulator;
async function start(answers?: AnswersOption) {
  t = T0;
  emulator = await startEmulator({
    ...CREDS,
    now: () => t,
    schedule: { queuedMs: 0, runningMs: 1000, final: 'Success' },
    objectsFor: () => objects,
    ...(answers ? { answers } : {}),
  });
}
afterEach(async () => emulator.close());

function call(request: Omit<SdkRequest, 'secretId' | 'secretKey'>) {
  const s = Math.floor(t / 1000);
  return sdkFetch(emulator.url, { ...CREDS, keyTime: `${s - 1};${s + 900}`, ...request });
}
const get = async (path: string, query: Record<string, string> = {}) => {
  const r = await call({ path, query });
  return { ...r, response: parser.parse(r.text).Response };
};

/** A job over `p/`, one second on: its two runs have ended. */
async function endedRuns() {
  const body = `<Request><Name>job</Name><Input><Prefix>p/</Prefix></Input><Operation><WorkflowIds>${WID}</WorkflowIds></Operation></Request>`;
  const created = await call({ method: 'POST', path: '/inventorytriggerjob', body });
  const jobId = /<JobId>(.*?)<\/JobId>/.exec(created.text)![1]!;
  t += 1000;
  const list = await get('/workflowexecution', { workflowId: WID, jobId });
  const runs = list.response.WorkflowExecutionList as Array<Record<string, string>>;
  const runOf = (key: string) => runs.find((run) => run.Object === key)!;
  const detail = async (key: string) =>
    (await get(`/workflowexecution/${runOf(key).RunId}`)).response.WorkflowExecution;
  return { jobId, list, runs, runOf, detail };
}

const names = (tasks: Array<Record<string, string>>) => tasks.map((task) => `${task.Name}:${task.State}`);

describe('answer forms: the docs (the default)', () => {
  it('lists runs with CreateTime, names the workflow WorkflowName, and lists Start to End in the order they ran', async () => {
    await start();
    const { runs, detail } = await endedRuns();
    expect(runs[0]).toHaveProperty('CreateTime');
    expect(runs[0]).not.toHaveProperty('CreationTime');
    const ok = await detail('p/ok.mp4');
    expect(ok).toHaveProperty('WorkflowName');
    expect(ok).not.toHaveProperty('Name');
    expect(names(ok.Tasks)).toEqual([
      'Start:Success',
      'Transcode_1:Success',
      'Snapshot_1:Success',
      'End:Success',
    ]);
    const bad = await detail('p/bad.mp4');
    expect(bad.Tasks.every((task: Record<string, string>) => !('Code' in task))).toBe(true);
  });

  it('leaves NonExistJobIds out when the job exists, and names an unknown one in it', async () => {
    await start();
    const { jobId } = await endedRuns();
    const known = await get(`/inventorytriggerjob/${jobId}`);
    expect(known.response.JobsDetail[0].JobId).toBe(jobId);
    expect(known.text).not.toContain('NonExistJobId');
    const unknown = await get('/inventorytriggerjob/b0000000000000000000000000000000f');
    expect(unknown.response.NonExistJobIds).toBe('b0000000000000000000000000000000f');
  });
});

describe('answer forms: the Go SDK', () => {
  it('lists runs with CreationTime and names the workflow Name', async () => {
    await start('go-sdk');
    const { runs, detail } = await endedRuns();
    expect(runs[0]!.CreationTime).toBe('2026-01-01T12:00:00+08:00');
    expect(runs[0]).not.toHaveProperty('CreateTime');
    const ok = await detail('p/ok.mp4');
    expect(ok).toHaveProperty('Name');
    expect(ok).not.toHaveProperty('WorkflowName');
  });

  it('gives each ended task its own Code and Message, without Start and End, the last task first', async () => {
    await start('go-sdk');
    const { detail } = await endedRuns();
    const ok = await detail('p/ok.mp4');
    expect(names(ok.Tasks)).toEqual(['Snapshot_1:Success', 'Transcode_1:Success']);
    expect(ok.Tasks.map((task: Record<string, string>) => task.Code)).toEqual(['Success', 'Success']);

    const bad = await detail('p/bad.mp4');
    expect(names(bad.Tasks)).toEqual(['Snapshot_1:Failed', 'Transcode_1:Success']);
    expect(bad.Tasks[0]).toMatchObject({
      Code: 'InvalidSnapshot',
      Message: 'No frame at 5 s.',
      StartTime: bad.Tasks[0].CreateTime,
    });
    expect(bad.Tasks[0].JobId).toMatch(/^j[0-9a-f]{32}$/);
  });

  it('gives a task still running no Code yet', async () => {
    await start('go-sdk');
    const { runOf } = await endedRuns();
    t -= 600; // back to when the failing run was in its second task, 300 ms of its 600
    const running = (await get(`/workflowexecution/${runOf('p/bad.mp4').RunId}`)).response.WorkflowExecution;
    expect(names(running.Tasks)).toEqual(['Snapshot_1:Running', 'Transcode_1:Success']);
    expect(running.Tasks[0]).not.toHaveProperty('Code');
    expect(running.Tasks[1].Code).toBe('Success');
  });

  it('spells the unknown ids NonExistJobId, in a job describe and in a media job describe', async () => {
    await start('go-sdk');
    const job = await get('/inventorytriggerjob/b0000000000000000000000000000000f');
    expect(job.response.NonExistJobId).toBe('b0000000000000000000000000000000f');
    expect(job.text).not.toContain('NonExistJobIds');
    const media = await get('/jobs/j00000000000000000000000000000000');
    expect(media.response.NonExistJobId).toBe('j00000000000000000000000000000000');
  });

  it('takes single forms over the docs, and setAnswers changes them on a running emulator', async () => {
    await start({ runListTime: 'CreationTime' });
    const { jobId } = await endedRuns();
    const list = async () =>
      (await get('/workflowexecution', { workflowId: WID, jobId })).response.WorkflowExecutionList[0];
    expect(await list()).toHaveProperty('CreationTime');
    expect(
      (await get(`/workflowexecution/${(await list()).RunId}`)).response.WorkflowExecution,
    ).toHaveProperty('WorkflowName');
    emulator.setAnswers('docs');
    expect(await list()).toHaveProperty('CreateTime');
    expect(() => emulator.setAnswers('go' as AnswersOption)).toThrow('answers must be docs or go-sdk');
  });
});

describe('error bodies', () => {
  it('names the resource in XML errors, so that the Python SDK reads their code', async () => {
    await start();
    const r = await call({ method: 'PUT', path: '/inventorytriggerjob/bnope', query: { cancel: '' } });
    expect(r.status).toBe(400);
    const error = parser.parse(r.text).Error;
    expect(error).toMatchObject({
      Code: 'ResourceNotFound',
      Resource: `${new URL(emulator.url).host}/inventorytriggerjob/bnope`,
      RequestId: r.headers.get('x-ci-request-id'),
    });
    // What the Python SDK needs: Code, Message, Resource and RequestId, each with text.
    for (const name of ['Code', 'Message', 'Resource', 'RequestId']) expect(error[name]).not.toBe('');
    expect((await call({ path: '/nothing-here' })).status).toBe(404);
  });

  it('answers errors as JSON with the errorBody form: code, message and request id, the header too', async () => {
    await start({ errorBody: 'json' });
    const unknown = await call({ path: '/workflowexecution/i00000000000000000000000000000000' });
    expect(unknown.status).toBe(400);
    expect(unknown.headers.get('content-type')).toBe('application/json');
    const body = JSON.parse(unknown.text) as Record<string, string>;
    expect(body).toEqual({
      code: 'ResourceNotFound',
      message: expect.stringContaining('does not exist'),
      request_id: unknown.headers.get('x-ci-request-id'),
    });

    emulator.addFault({ call: 'list', kind: 'status', status: 403, code: 'AccessDenied' });
    const refused = await call({ path: '/inventorytriggerjob' });
    expect([refused.status, JSON.parse(refused.text).code]).toEqual([403, 'AccessDenied']);
    const unsigned = await call({ path: '/inventorytriggerjob', authorization: null });
    expect([unsigned.status, JSON.parse(unsigned.text).code]).toEqual([403, 'AccessDenied']);
  });
});
