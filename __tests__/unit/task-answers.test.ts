import { CiClient } from '../../src/ci/client.js';
import { ApiError } from '../../src/ci/errors.js';
import { parseExecutionResponse, parseMediaJobResponse } from '../../src/ci/xml-answers.js';
import { startEmulator, type Emulator } from '../../emulator/index.js';

const CREDS = { secretId: 'AKIDclient', secretKey: 'client-secret-key' };
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

describe('CiClient: describeExecution and describeMediaJob against the emulator', () => {
  let emulator: Emulator;
  let client: CiClient;
  const warnings: string[] = [];
  beforeEach(async () => {
    emulator = await startEmulator({
      ...CREDS,
      schedule: { queuedMs: 0, runningMs: 50, final: 'Success' },
      objectsFor: () => [
        {
          key: 'in/broken.mp4',
          runMs: 20,
          final: 'Failed',
          failure: { task: 'Snapshot_1', code: 'InvalidSnapshot', message: 'No frame at 5 s.' },
        },
      ],
    });
    client = new CiClient({
      endpoint: new URL(emulator.url),
      credentials: CREDS,
      logger: { debug: () => {}, warning: (m) => warnings.push(m) },
      sleep: async () => {},
    });
  });
  afterEach(async () => emulator.close());

  async function failedRunId(): Promise<string> {
    const job = await client.createJob({
      name: 'why',
      workflowId: WID,
      input: { kind: 'Prefix', value: 'in/' },
    });
    await new Promise((done) => setTimeout(done, 80));
    const page = await client.listExecutions({ workflowId: WID, jobId: job.value.jobId, states: ['Failed'] });
    return page.value.executions[0]!.runId;
  }

  it("returns the run's tasks, and the failing task's media job with its code and message", async () => {
    const runId = await failedRunId();
    const execution = (await client.describeExecution(runId)).value!;
    const failed = execution.tasks!.find((task) => task.state === 'Failed')!;
    expect([failed.type, failed.name]).toEqual(['Snapshot', 'Snapshot_1']);
    const media = await client.describeMediaJob(failed.jobId);
    expect(media.requestId).not.toBe('');
    expect(media.value).toMatchObject({
      code: 'InvalidSnapshot',
      message: 'No frame at 5 s.',
      state: 'Failed',
    });
    expect((await client.describeMediaJob('j00000000000000000000000000000000')).value).toBeUndefined();
  });

  it('retries DescribeMediaJob after a 503 and not after AccessDenied', async () => {
    const runId = await failedRunId();
    const jobId = (await client.describeExecution(runId)).value!.tasks!.find(
      (t) => t.state === 'Failed',
    )!.jobId;
    emulator.addFault({ call: 'media-job', kind: 'status', status: 503, code: 'SlowDown' });
    expect((await client.describeMediaJob(jobId)).value?.code).toBe('InvalidSnapshot');
    expect(emulator.requests.filter((r) => r.call === 'media-job').map((r) => r.status)).toEqual([503, 200]);

    emulator.setDenied(['media-job']);
    const refused = await client.describeMediaJob(jobId).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ApiError);
    expect(refused).toMatchObject({ status: 403, code: 'AccessDenied' });
    expect(emulator.requests.filter((r) => r.call === 'media-job')).toHaveLength(3);
  });

  it('sends nothing for an id that is not one path segment of letters and digits', async () => {
    const before = emulator.requests.length;
    await expect(client.describeMediaJob('../inventorytriggerjob/b1?cancel')).rejects.toThrow(
      'is not a media job id',
    );
    await expect(client.describeMediaJob('')).rejects.toThrow('is not a media job id');
    expect(emulator.requests.length).toBe(before);
  });
});
