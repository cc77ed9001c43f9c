import { XMLParser } from 'fast-xml-parser';
import { startEmulator, type Emulator, type EmulatorOptions } from '../../emulator/index.js';
import { sdkAuthorization, sdkFetch } from '../../test-support/sdk-client.js';
import { callsAt, CREDS, T0, WID } from '../../test-support/emulator-calls.js';

const parser = new XMLParser({ parseTagValue: false, isArray: (name) => name === 'WorkflowExecutionList' });

let t = T0;
let emulator: Emulator;
async function start(options: Partial<EmulatorOptions> = {}) {
  t = T0;
  emulator = await startEmulator({ ...CREDS, now: () => t, ...options });
}
afterEach(async () => emulator.close());

const call = callsAt(
  () => emulator,
  () => t,
);

async function createJob(input: string): Promise<string> {
  const body = `<Request><Name>job</Name><Input>${input}</Input><Operation><WorkflowIds>${WID}</WorkflowIds></Operation></Request>`;
  const r = await call('POST', '/inventorytriggerjob', {}, body);
  return /<JobId>(.*?)<\/JobId>/.exec(r.text)![1]!;
}

async function runs(query: Record<string, string>) {
  const r = await call('GET', '/workflowexecution', { workflowId: WID, ...query });
  const response = parser.parse(r.text).Response;
  const list = (response?.WorkflowExecutionList ?? []) as Array<{
    Object: string;
    State: string;
    RunId: string;
    CreateTime: string;
  }>;
  return { status: r.status, text: r.text, list, nextToken: response?.NextToken as string };
}

const byObject = (list: Array<{ Object: string; State: string }>) =>
  Object.fromEntries(list.map((r) => [r.Object, r.State]));

describe('TriggerWorkflow', () => {
  const key = "dir/新 文件 a+b&c=d%20e~!*()'#?.mp4";

  it('round-trips an object key full of special characters to the execution exactly', async () => {
    await start({ schedule: { queuedMs: 0, runningMs: 2000, final: 'Success' } });
    const r = await call('POST', '/triggerworkflow', { workflowId: WID, object: key, name: 'manual_1' });
    expect(r.status).toBe(200);
    const instance = parser.parse(r.text).Response.InstanceId as string;
    expect(instance).toMatch(/^i[0-9a-f]{32}$/);

    const running = parser.parse((await call('GET', `/workflowexecution/${instance}`)).text).Response
      .WorkflowExecution;
    expect(running).toMatchObject({
      RunId: instance,
      WorkflowId: WID,
      Object: key,
      State: 'Running',
      WorkflowName: 'manual_1',
    });
    expect(running.CreateTime).toBe('2026-01-01T12:00:00+08:00');
    expect(running.Topology.Dependencies.Start).toBeDefined();
    t += 2000;
    const done = parser.parse((await call('GET', `/workflowexecution/${instance}`)).text).Response
      .WorkflowExecution;
    expect(done.State).toBe('Success');
    expect(byObject((await runs({})).list)).toEqual({ [key]: 'Success' });
  });

  it('reads + in a query value as a space and %2B as a plus, as the Python and Go SDKs send them', async () => {
    await start();
    const object = 'clips/a b+c.mp4';
    const s = Math.floor(t / 1000);
    // Signed over the decoded value (a space is %20 there), sent with the space as `+`.
    const authorization = sdkAuthorization(emulator.url, {
      ...CREDS,
      method: 'POST',
      path: '/triggerworkflow',
      query: { workflowId: WID, object },
      keyTime: `${s - 1};${s + 900}`,
    });
    const r = await fetch(`${emulator.url}/triggerworkflow?workflowId=${WID}&object=clips%2Fa+b%2Bc.mp4`, {
      method: 'POST',
      headers: { authorization },
    });
    expect(r.status).toBe(200);
    expect(emulator.requests.at(-1)?.query.object).toBe(object);
    expect(emulator.executions().map((run) => run.object)).toEqual([object]);
  });

  it('lets objectsFor fail a manual run', async () => {
    await start({ objectsFor: (req) => [{ key: req.input.Object!, runMs: 10, final: 'Failed' }] });
    const r = await call('POST', '/triggerworkflow', { workflowId: WID, object: 'bad.mp4' });
    t += 20;
    const instance = parser.parse(r.text).Response.InstanceId as string;
    expect(
      parser.parse((await call('GET', `/workflowexecution/${instance}`)).text).Response.WorkflowExecution
        .State,
    ).toBe('Failed');
  });

  it.each([
    ['no object', { workflowId: WID }],
    ['an empty object', { workflowId: WID, object: '' }],
    ['no workflow id', { object: 'a.mp4' }],
    ['a malformed workflow id', { workflowId: 'w123', object: 'a.mp4' }],
    ['a parameter in the wrong case', { workflowId: WID, Object: 'a.mp4' }],
  ])('refuses %s with 400 InvalidArgument', async (_label, query) => {
    await start();
    const r = await call('POST', '/triggerworkflow', query as Record<string, string>);
    expect(r.status).toBe(400);
    expect(r.text).toContain('<Code>InvalidArgument</Code>');
  });

  it('answers 400 ResourceNotFound for an unknown run, as the docs list it', async () => {
    await start();
    const r = await call('GET', '/workflowexecution/i00000000000000000000000000000000');
    expect(r.status).toBe(400);
    expect(r.text).toContain('<Code>ResourceNotFound</Code>');
  });
});

describe('DescribeWorkflowExecutions for a job', () => {
  const objects = [
    { key: 'p/ok.mp4', runMs: 500, final: 'Success' as const },
    { key: 'p/broken.mp4', runMs: 800, final: 'Failed' as const },
    { key: 'p/slow.mp4', runMs: 5000, final: 'Success' as const },
  ];

  it('lists one run per object from when the job runs, with failures and a run outliving the job', async () => {
    await start({
      schedule: { queuedMs: 100, runningMs: 1000, final: 'Success' },
      objectsFor: () => objects,
    });
    const job = await createJob('<Prefix>p/</Prefix>');
    expect((await runs({ jobId: job })).list).toEqual([]);

    t += 100;
    expect(byObject((await runs({ jobId: job })).list)).toEqual({
      'p/ok.mp4': 'Running',
      'p/broken.mp4': 'Running',
      'p/slow.mp4': 'Running',
    });

    t += 1000; // the job has ended; one run has not
    expect(emulator.jobs()[0]!.state).toBe('Success');
    expect(byObject((await runs({ jobId: job })).list)).toEqual({
      'p/ok.mp4': 'Success',
      'p/broken.mp4': 'Failed',
      'p/slow.mp4': 'Running',
    });
    expect((await runs({ jobId: job, states: 'Failed' })).list.map((r) => r.Object)).toEqual([
      'p/broken.mp4',
    ]);
    expect((await runs({ jobId: job, states: 'Running' })).list.map((r) => r.Object)).toEqual(['p/slow.mp4']);
    expect((await runs({ jobId: job, name: 'p/ok.mp4' })).list).toHaveLength(1);

    t += 5000;
    expect(byObject((await runs({ jobId: job })).list)['p/slow.mp4']).toBe('Success');
  });

  it('uses one run per default object: three under a prefix, each succeeding', async () => {
    await start({ schedule: { queuedMs: 0, runningMs: 300, final: 'Failed' } });
    const job = await createJob('<Prefix>in/</Prefix>');
    t += 300;
    expect(byObject((await runs({ jobId: job })).list)).toEqual({
      'in/a.mp4': 'Success',
      'in/b.mp4': 'Success',
      'in/c.mp4': 'Success',
    });
  });

  it('cancels the running runs of a cancelled job and never starts those of a job cancelled while queued', async () => {
    await start({
      schedule: { queuedMs: 100, runningMs: 1000, final: 'Success' },
      objectsFor: () => objects,
    });
    const running = await createJob('<Prefix>p/</Prefix>');
    t += 600;
    await call('PUT', `/inventorytriggerjob/${running}`, { cancel: '' });
    expect(byObject((await runs({ jobId: running })).list)).toEqual({
      'p/ok.mp4': 'Success',
      'p/broken.mp4': 'Cancel',
      'p/slow.mp4': 'Cancel',
    });

    const queued = await createJob('<Object>q.mp4</Object>');
    t += 50;
    await call('PUT', `/inventorytriggerjob/${queued}`, { cancel: '' });
    t += 10_000;
    expect((await runs({ jobId: queued })).list).toEqual([]);
  });

  it('pages runs through nextToken and requires the workflow id', async () => {
    await start({
      objectsFor: () =>
        Array.from({ length: 15 }, (_, i) => ({ key: `k${i}`, runMs: 10, final: 'Success' as const })),
    });
    const job = await createJob('<Manifest>m.json</Manifest>');
    t += 1000;
    const first = await runs({ jobId: job });
    expect(first.list).toHaveLength(10);
    const second = await runs({ jobId: job, nextToken: first.nextToken });
    expect(second.list).toHaveLength(5);
    expect(second.nextToken).toBe('');
    expect(new Set([...first.list, ...second.list].map((r) => r.RunId)).size).toBe(15);

    const noWorkflow = await sdkFetch(emulator.url, {
      ...CREDS,
      path: '/workflowexecution',
      query: { jobId: job },
      keyTime: `${Math.floor(t / 1000)};${Math.floor(t / 1000) + 60}`,
    });
    expect(noWorkflow.status).toBe(400);
    expect((await runs({ states: 'Pause' })).status).toBe(400);
    expect((await runs({ size: '101' })).status).toBe(400);
  });
});
