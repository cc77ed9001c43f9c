/**
 * The client reads every form the docs and the official SDKs show (the emulator's answer forms),
 * and takes error answers by their code: ResourceNotFound with any status, JSON error bodies.
 */
import { afterEach, describe, expect, it } from '@jest/globals';
import { CiClient } from '../../src/ci/client.js';
import { ApiError } from '../../src/ci/errors.js';
import { startEmulator, type AnswersOption, type Emulator } from '../../emulator/index.js';

const CREDS = { secretId: 'AKIDforms', secretKey: 'forms-secret-key' };
const WID = 'w7476ff3564ee45b7b490d64bccaba6cc';
const UNKNOWN_JOB = 'b0000000000000000000000000000000f';
const UNKNOWN_MEDIA_JOB = 'j00000000000000000000000000000000';

let emulator: Emulator;
let client: CiClient;
const warnings: string[] = [];
async function start(answers: AnswersOption) {
  emulator = await startEmulator({
    ...CREDS,
    answers,
    schedule: { queuedMs: 0, runningMs: 50, final: 'Success' },
    objectsFor: () => [
      { key: 'in/ok.mp4', runMs: 10, final: 'Success' },
      {
        key: 'in/broken.mp4',
        runMs: 20,
        final: 'Failed',
        failure: { task: 'Snapshot_1', code: 'InvalidSnapshot', message: 'No frame at 5 s.' },
      },
    ],
  });
  warnings.length = 0;
  client = new CiClient({
    endpoint: new URL(emulator.url),
    credentials: CREDS,
    logger: { debug: () => {}, warning: (m) => warnings.push(m) },
    sleep: async () => {},
  });
}
afterEach(async () => emulator.close());

const callsOf = (call: string) => emulator.requests.filter((r) => r.call === call);

async function endedJob(): Promise<string> {
  const job = await client.createJob({
    name: 'forms',
    workflowId: WID,
    input: { kind: 'Prefix', value: 'in/' },
  });
  await new Promise((done) => setTimeout(done, 80));
  return job.value.jobId;
}

describe.each(['docs', 'go-sdk'] as const)('the %s forms', (variant) => {
  it("reads the runs' times, the run's name and its failed task, and unknown ids", async () => {
    await start(variant);
    const jobId = await endedJob();
    const { executions } = (await client.listExecutions({ workflowId: WID, jobId, size: 10 })).value;
    expect(executions).toHaveLength(2);
    for (const run of executions) expect(run.createTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/);

    const broken = executions.find((run) => run.object === 'in/broken.mp4')!;
    const execution = (await client.describeExecution(broken.runId)).value!;
    expect(execution.name).not.toBe('');
    const failed = execution.tasks!.find((task) => task.state === 'Failed')!;
    expect(failed.name).toBe('Snapshot_1');
    if (variant === 'go-sdk')
      expect([failed.code, failed.message]).toEqual(['InvalidSnapshot', 'No frame at 5 s.']);
    else expect(failed).not.toHaveProperty('code');

    expect((await client.describeJob(jobId)).value?.jobId).toBe(jobId);
    expect((await client.describeJob(UNKNOWN_JOB)).value).toBeUndefined();
    expect((await client.describeMediaJob(UNKNOWN_MEDIA_JOB)).value).toBeUndefined();
  });
});

describe('ResourceNotFound', () => {
  it.each([400, 404])(
    'with HTTP %i, is an unknown id to the describes, with its request id',
    async (status) => {
      await start('docs');
      for (const call of ['describe', 'media-job'] as const)
        emulator.addFault({ call, kind: 'status', status, code: 'ResourceNotFound' });
      const job = await client.describeJob(UNKNOWN_JOB);
      expect(job.value).toBeUndefined();
      expect(job.requestId).toBe(callsOf('describe')[0]!.requestId);
      expect((await client.describeMediaJob(UNKNOWN_MEDIA_JOB)).value).toBeUndefined();
      expect([callsOf('describe'), callsOf('media-job')].map((calls) => calls.length)).toEqual([1, 1]);
    },
  );

  it('stays an error for a call about something other than an id', async () => {
    await start('docs');
    emulator.addFault({ call: 'list', kind: 'status', status: 400, code: 'ResourceNotFound' });
    await expect(client.listJobs({})).rejects.toMatchObject({ code: 'ResourceNotFound', status: 400 });
  });
});

describe('JSON error bodies', () => {
  it('are API errors with their code, message and request id: not retried as a proxy fault would be', async () => {
    await start({ errorBody: 'json' });
    emulator.addFault({
      call: 'list',
      kind: 'status',
      status: 403,
      code: 'AccessDenied',
      message: 'no ci:Describe',
    });
    const refused = await client.listJobs({}).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ApiError);
    expect(refused).toMatchObject({
      status: 403,
      code: 'AccessDenied',
      apiMessage: 'no ci:Describe',
      requestId: callsOf('list')[0]!.requestId,
      where: 'GET /inventorytriggerjob',
    });
    expect(callsOf('list')).toHaveLength(1);
    expect(warnings).toEqual([]);
  });

  it('are retried as throttled when their code says the service shed load', async () => {
    await start({ errorBody: 'json' });
    emulator.addFault({ call: 'list', kind: 'status', status: 503, code: 'SlowDown', message: 'busy' });
    expect((await client.listJobs({})).value.jobs).toEqual([]);
    expect(callsOf('list').map((r) => r.status)).toEqual([503, 200]);
    expect(warnings).toEqual([expect.stringContaining('GET /inventorytriggerjob: SlowDown: busy (HTTP 503')]);
  });
});

describe('RequestLimitExceeded', () => {
  it("is throttling, as SlowDown is, whatever the status: Tencent Cloud API's name for it", async () => {
    await start('docs');
    emulator.addFault({ call: 'list', kind: 'status', status: 400, code: 'RequestLimitExceeded' });
    expect((await client.listJobs({})).value.jobs).toEqual([]);
    expect(callsOf('list').map((r) => r.status)).toEqual([400, 200]);
  });
});
