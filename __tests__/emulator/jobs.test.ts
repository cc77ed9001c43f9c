import { XMLParser } from 'fast-xml-parser';
import { startEmulator, type Emulator, type EmulatorOptions } from '../../emulator/index.js';
import { sdkFetch, type SdkRequest } from '../../test-support/sdk-client.js';
import { callAt, CREDS, T0, WID } from '../../test-support/emulator-calls.js';

const parser = new XMLParser({ parseTagValue: false, isArray: (name) => name === 'JobsDetail' });

let t = T0;
let emulator: Emulator;
beforeEach(() => {
  t = T0;
});

async function start(options: Partial<EmulatorOptions> = {}): Promise<void> {
  emulator = await startEmulator({ ...CREDS, now: () => t, ...options });
}
afterEach(async () => emulator?.close());

/** Signs against the injected clock, as a client whose clock agrees with the service's. */
function call(r: Omit<SdkRequest, 'secretId' | 'secretKey'>) {
  return callAt(emulator.url, t, r);
}

const body = (input = '<Prefix>videos/</Prefix>', name = 'demo', extra = '') =>
  `<Request><Name>${name}</Name><Type>Workflow</Type><Input>${input}</Input>` +
  `<Operation>${extra}<WorkflowIds>${WID}</WorkflowIds></Operation></Request>`;

async function create(xml = body()) {
  const r = await call({
    method: 'POST',
    path: '/inventorytriggerjob',
    body: xml,
    headers: { 'content-type': 'application/xml' },
  });
  return { ...r, xml: parser.parse(r.text) };
}

const describeJob = async (id: string) =>
  parser.parse((await call({ path: `/inventorytriggerjob/${id}` })).text).Response;

describe('job lifecycle', () => {
  it('moves a created job from Submitted to Running to Success over its schedule', async () => {
    await start({ schedule: { queuedMs: 1000, runningMs: 5000, final: 'Success' } });
    const created = await create();
    expect(created.status).toBe(200);
    const detail = created.xml.Response.JobsDetail[0];
    expect(detail).toMatchObject({
      Code: 'Success',
      State: 'Submitted',
      Name: 'demo',
      Type: 'Workflow',
      StartTime: '-',
      EndTime: '-',
    });
    expect(detail.JobId).toMatch(/^b[0-9a-f]{32}$/);
    expect(detail.CreationTime).toBe('2026-01-01T12:00:00+0800');
    expect(detail.Operation.WorkflowIds).toBe(WID);
    expect(created.xml.Response.RequestId).toBe(created.headers.get('x-ci-request-id'));

    t += 1500;
    expect((await describeJob(detail.JobId)).JobsDetail[0]).toMatchObject({
      State: 'Running',
      StartTime: '2026-01-01T12:00:01+0800',
      EndTime: '-',
    });
    t += 5000;
    expect((await describeJob(detail.JobId)).JobsDetail[0]).toMatchObject({
      State: 'Success',
      EndTime: '2026-01-01T12:00:06+0800',
    });
  });

  it('ends a job on a Failed schedule with a code and message', async () => {
    await start({
      scheduleFor: () => ({
        queuedMs: 0,
        runningMs: 10,
        final: 'Failed',
        code: 'NoSuchWorkflow',
        message: 'gone',
      }),
    });
    const id = (await create()).xml.Response.JobsDetail[0].JobId;
    t += 20;
    expect((await describeJob(id)).JobsDetail[0]).toMatchObject({
      State: 'Failed',
      Code: 'NoSuchWorkflow',
      Message: 'gone',
    });
  });

  it('dates answers by its own clock, including the offset', async () => {
    await start({ clockOffsetMs: 3_600_000 });
    const s = Math.floor(t / 1000) + 3600;
    const r = await sdkFetch(emulator.url, {
      ...CREDS,
      path: '/inventorytriggerjob',
      keyTime: `${s};${s + 60}`,
    });
    expect(r.status).toBe(200);
    expect(r.headers.get('date')).toBe(new Date(t + 3_600_000).toUTCString());
  });

  it('echoes the time interval as sent', async () => {
    await start();
    const interval =
      '<TimeInterval><Start>2022-02-01T12:00:00+0800</Start><End>2022-05-01T12:00:00+0800</End></TimeInterval>';
    const detail = (await create(body(undefined, undefined, interval))).xml.Response.JobsDetail[0];
    expect(detail.Operation.TimeInterval).toEqual({
      Start: '2022-02-01T12:00:00+0800',
      End: '2022-05-01T12:00:00+0800',
    });
  });
});

describe('create validation', () => {
  const cases: Array<[string, string]> = [
    ['malformed XML', '<Request><Name>demo</Request>'],
    ['an empty body', ''],
    ['a root other than Request', body().replace(/Request>/g, 'Req>')],
    ['a missing Name', body().replace('<Name>demo</Name>', '')],
    ['an empty Name', body(undefined, '')],
    ['a Name of 129 characters', body(undefined, 'a'.repeat(129))],
    ['a Name with a space', body(undefined, 'my job')],
    ['a Name with a dot', body(undefined, 'job.1')],
    ['a Type other than Workflow', body().replace('<Type>Workflow</Type>', '<Type>Job</Type>')],
    ['no input', body('')],
    ['two inputs', body('<Prefix>a/</Prefix><Object>b.mp4</Object>')],
    ['an unknown input', body('<Bucket>x</Bucket>')],
    ['an empty Object', body('<Object></Object>')],
    ['a missing WorkflowIds', body().replace(`<WorkflowIds>${WID}</WorkflowIds>`, '')],
    ['an upper-case workflow id', body().replace(WID, WID.toUpperCase().replace(/^W/, 'w'))],
    ['a workflow id of 31 hex', body().replace(WID, WID.slice(0, -1))],
    [
      'a Start with Z',
      body(undefined, undefined, '<TimeInterval><Start>2022-02-01T12:00:00Z</Start></TimeInterval>'),
    ],
    [
      'a Start with +08:00',
      body(undefined, undefined, '<TimeInterval><Start>2022-02-01T12:00:00+08:00</Start></TimeInterval>'),
    ],
    [
      'an impossible date',
      body(undefined, undefined, '<TimeInterval><End>2022-02-30T12:00:00+0800</End></TimeInterval>'),
    ],
    [
      'Start after End',
      body(
        undefined,
        undefined,
        '<TimeInterval><Start>2022-05-01T12:00:00+0800</Start><End>2022-02-01T12:00:00+0800</End></TimeInterval>',
      ),
    ],
    ['two Names', body().replace('<Name>demo</Name>', '<Name>a</Name><Name>b</Name>')],
    ['an HTML entity', body(undefined, 'a&nbsp;b')],
  ];

  it.each(cases)('refuses %s with 400 InvalidArgument', async (_label, xml) => {
    await start();
    const r = await create(xml);
    expect(r.status).toBe(400);
    expect(r.xml.Error).toMatchObject({
      Code: 'InvalidArgument',
      RequestId: r.headers.get('x-ci-request-id'),
    });
    expect(emulator.jobs()).toHaveLength(0);
  });

  it('accepts a Chinese name of 128 characters, escaped keys and no Type', async () => {
    await start();
    const xml = body('<Object>a &amp; b &lt;c&gt;.mp4</Object>', '任务'.repeat(64)).replace(
      '<Type>Workflow</Type>',
      '',
    );
    const r = await create(xml);
    expect(r.status).toBe(200);
    expect(r.xml.Response.JobsDetail[0].Input.Object).toBe('a & b <c>.mp4');
    expect(emulator.jobs()[0]!.request.type).toBeUndefined();
  });
});

describe('describe', () => {
  it('names an unknown job id in NonExistJobIds with a 200', async () => {
    await start();
    const r = await call({ path: '/inventorytriggerjob/b0000000000000000000000000000000f' });
    expect(r.status).toBe(200);
    const response = parser.parse(r.text).Response;
    expect(response.NonExistJobIds).toBe('b0000000000000000000000000000000f');
    expect(response.JobsDetail).toEqual(['']);
  });
});

describe('cancel', () => {
  it('moves a running job to Cancel and records the call', async () => {
    await start({ schedule: { queuedMs: 100, runningMs: 10_000, final: 'Success' } });
    const id = (await create()).xml.Response.JobsDetail[0].JobId;
    t += 1000;
    const r = await call({ method: 'PUT', path: `/inventorytriggerjob/${id}`, query: { cancel: '' } });
    expect(r).toMatchObject({ status: 200, text: '' });
    expect(r.headers.get('x-ci-request-id')).toBeTruthy();
    expect((await describeJob(id)).JobsDetail[0]).toMatchObject({
      State: 'Cancel',
      EndTime: '2026-01-01T12:00:01+0800',
    });
    expect(emulator.jobs()[0]).toMatchObject({ state: 'Cancel', cancelled: true, cancelRequests: 1 });
  });

  it('leaves an ended job as it is and still answers 200, also with an unsigned ?cancel', async () => {
    await start({ schedule: { queuedMs: 0, runningMs: 10, final: 'Success' } });
    const id = (await create()).xml.Response.JobsDetail[0].JobId;
    t += 100;
    const r = await call({
      method: 'PUT',
      path: `/inventorytriggerjob/${id}`,
      unsignedQuery: { cancel: '' },
    });
    expect(r.status).toBe(200);
    expect(emulator.jobs()[0]).toMatchObject({ state: 'Success', cancelled: false, cancelRequests: 1 });
  });

  it('needs the cancel sub-resource and a known job', async () => {
    await start();
    const id = (await create()).xml.Response.JobsDetail[0].JobId;
    const bare = await call({ method: 'PUT', path: `/inventorytriggerjob/${id}` });
    expect(bare.status).toBe(400);
    expect(bare.text).toContain('<Code>InvalidArgument</Code>');
    const unknown = await call({ method: 'PUT', path: '/inventorytriggerjob/bnope', query: { cancel: '' } });
    expect(unknown.status).toBe(400);
    expect(unknown.text).toContain('<Code>ResourceNotFound</Code>');
  });
});
