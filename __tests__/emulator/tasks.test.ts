import { XMLParser } from 'fast-xml-parser';
import { startEmulator, type Emulator, type EmulatorOptions, type ObjectRun } from '../../emulator/index.js';
import { sdkFetch } from '../../test-support/sdk-client.js';
import { callsAt, CREDS, T0, WID } from '../../test-support/emulator-calls.js';

const parser = new XMLParser({
  parseTagValue: false,
  isArray: (name) => ['WorkflowExecutionList', 'Tasks', 'JobsDetail'].includes(name),
});

let t = T0;
let emulator: Emulator;
async function start(options: Partial<EmulatorOptions> = {}) {
  t = T0;
  emulator = await startEmulator({
    ...CREDS,
    now: () => t,
    schedule: { queuedMs: 0, runningMs: 1000, final: 'Success' },
    ...options,
  });
}
afterEach(async () => emulator.close());

const call = callsAt(
  () => emulator,
  () => t,
);

async function createJob(prefix: string): Promise<string> {
  const body = `<Request><Name>job</Name><Input><Prefix>${prefix}</Prefix></Input><Operation><WorkflowIds>${WID}</WorkflowIds></Operation></Request>`;
  const r = await call('POST', '/inventorytriggerjob', {}, body);
  return /<JobId>(.*?)<\/JobId>/.exec(r.text)![1]!;
}

interface Task {
  Type: string;
  Name: string;
  State: string;
  JobId: string;
  CreateTime: string;
  EndTime: string;
  TemplateId?: string;
}

async function runsOf(jobId: string, query: Record<string, string> = {}) {
  const r = await call('GET', '/workflowexecution', { workflowId: WID, jobId, ...query });
  expect(r.status).toBe(200);
  const response = parser.parse(r.text).Response;
  const list = (response.WorkflowExecutionList ?? []) as Array<{
    RunId: string;
    Object: string;
    State: string;
  }>;
  return { list, nextToken: response.NextToken as string };
}

async function tasksOf(runId: string): Promise<Task[]> {
  const r = await call('GET', `/workflowexecution/${runId}`);
  expect(r.status).toBe(200);
  return parser.parse(r.text).Response.WorkflowExecution.Tasks as Task[];
}

async function mediaJob(jobId: string) {
  const r = await call('GET', `/jobs/${jobId}`);
  return { status: r.status, text: r.text, response: parser.parse(r.text).Response };
}

const summary = (tasks: Task[]) => tasks.map((task) => `${task.Name}:${task.Type}:${task.State}`);

const objects: ObjectRun[] = [
  { key: 'p/ok.mp4', runMs: 800, final: 'Success' },
  {
    key: 'p/bad-frame.mp4',
    runMs: 600,
    final: 'Failed',
    failure: { task: 'Snapshot_1', code: 'InvalidSnapshot', message: 'No frame at 5 s.' },
  },
  { key: 'p/bad-input.mp4', runMs: 400, final: 'Failed' },
];

describe('DescribeWorkflowExecution: Tasks', () => {
  it('shows each node that ran, stopping at the failing one, and the media job says why', async () => {
    await start({ objectsFor: () => objects });
    const job = await createJob('p/');
    t += 1000;
    const runs = Object.fromEntries((await runsOf(job)).list.map((r) => [r.Object, r]));

    const ok = await tasksOf(runs['p/ok.mp4']!.RunId);
    expect(summary(ok)).toEqual([
      'Start:Start:Success',
      'Transcode_1:Transcode:Success',
      'Snapshot_1:Snapshot:Success',
      'End:End:Success',
    ]);
    expect(ok[0]!.JobId).toBe('');
    expect(ok[1]!.JobId).toMatch(/^j[0-9a-f]{32}$/);
    expect(ok[1]!.TemplateId).toMatch(/^t[0-9a-f]{32}$/);
    // The run's 800 ms are shared by its two tasks; the documentation's sample prints +0800.
    expect([ok[1]!.CreateTime, ok[1]!.EndTime, ok[2]!.EndTime]).toEqual([
      '2026-01-01T12:00:00+0800',
      '2026-01-01T12:00:00+0800',
      '2026-01-01T12:00:00+0800',
    ]);

    const badFrame = await tasksOf(runs['p/bad-frame.mp4']!.RunId);
    expect(summary(badFrame)).toEqual([
      'Start:Start:Success',
      'Transcode_1:Transcode:Success',
      'Snapshot_1:Snapshot:Failed',
    ]);
    const snapshot = await mediaJob(badFrame[2]!.JobId);
    expect(snapshot.status).toBe(200);
    expect(snapshot.text).not.toContain('NonExistJobIds');
    expect(snapshot.response.JobsDetail[0]).toMatchObject({
      Code: 'InvalidSnapshot',
      Message: 'No frame at 5 s.',
      JobId: badFrame[2]!.JobId,
      Tag: 'Snapshot',
      State: 'Failed',
      Input: { Object: 'p/bad-frame.mp4' },
      Workflow: { RunId: runs['p/bad-frame.mp4']!.RunId, WorkflowId: WID, Name: 'Snapshot_1' },
    });
    const transcode = (await mediaJob(badFrame[1]!.JobId)).response.JobsDetail[0];
    expect([transcode.Code, transcode.State, transcode.Tag]).toEqual(['Success', 'Success', 'Transcode']);

    // No failure given: the first task fails with InvalidInput.
    const badInput = await tasksOf(runs['p/bad-input.mp4']!.RunId);
    expect(summary(badInput)).toEqual(['Start:Start:Success', 'Transcode_1:Transcode:Failed']);
    expect((await mediaJob(badInput[1]!.JobId)).response.JobsDetail[0]).toMatchObject({
      Code: 'InvalidInput',
      State: 'Failed',
    });
  });

  it('shows a running run up to the task it is in, and a cancelled run stopped in it', async () => {
    await start({
      schedule: { queuedMs: 0, runningMs: 20_000, final: 'Success' },
      objectsFor: () => [{ key: 'p/long.mp4', runMs: 10_000, final: 'Success' }],
      workflowNodes: [
        { type: 'Transcode', name: 'Transcode_hls' },
        { type: 'Watermark', name: 'Watermark_1' },
        { type: 'Snapshot', name: 'Snapshot_cover' },
      ],
    });
    const job = await createJob('p/');
    t += 5000;
    const [run] = (await runsOf(job)).list;
    const running = await tasksOf(run!.RunId);
    expect(summary(running)).toEqual([
      'Start:Start:Success',
      'Transcode_hls:Transcode:Success',
      'Watermark_1:Watermark:Running',
    ]);
    expect(running[2]!.EndTime).toBe('');
    const watermark = (await mediaJob(running[2]!.JobId)).response.JobsDetail[0];
    expect([watermark.State, watermark.EndTime, watermark.Code]).toEqual(['Running', '-', 'Success']);

    await call('PUT', `/inventorytriggerjob/${job}`, { cancel: '' });
    t += 10_000;
    expect(summary(await tasksOf(run!.RunId))).toEqual([
      'Start:Start:Success',
      'Transcode_hls:Transcode:Success',
      'Watermark_1:Watermark:Cancel',
    ]);
    expect((await mediaJob(running[2]!.JobId)).response.JobsDetail[0].State).toBe('Cancel');
  });
});

describe('DescribeMediaJob (GET /jobs/<JobId>)', () => {
  it('names an unknown id in NonExistJobIds, and refuses a query parameter', async () => {
    await start({ objectsFor: () => objects });
    const job = await createJob('p/');
    t += 1000;
    const [run] = (await runsOf(job)).list;
    for (const id of ['j00000000000000000000000000000000', run!.RunId, 'not-an-id']) {
      const answer = await mediaJob(id);
      expect(answer.status).toBe(200);
      expect(answer.response.NonExistJobIds).toBe(id);
      expect(answer.response.JobsDetail).toBeUndefined();
    }
    const task = (await tasksOf(run!.RunId))[1]!;
    const withQuery = await call('GET', `/jobs/${task.JobId}`, { detail: '1' });
    expect(withQuery.status).toBe(400);
    expect(withQuery.text).toContain('<Code>InvalidArgument</Code>');
    expect((await call('POST', `/jobs/${task.JobId}`)).status).toBe(405);
  });

  it('answers 403 AccessDenied to a key denied the call, after checking its signature, and only for that call', async () => {
    await start({ objectsFor: () => objects, denied: ['media-job'] });
    const job = await createJob('p/');
    t += 1000;
    const [run] = (await runsOf(job)).list;
    const task = (await tasksOf(run!.RunId))[1]!;
    const refused = await mediaJob(task.JobId);
    expect(refused.status).toBe(403);
    expect(refused.text).toContain('<Code>AccessDenied</Code>');
    expect(emulator.requests.at(-1)).toMatchObject({ call: 'media-job', status: 403, detail: 'denied' });

    const s = Math.floor(t / 1000);
    const badlySigned = await sdkFetch(emulator.url, {
      ...CREDS,
      secretKey: 'wrong',
      path: `/jobs/${task.JobId}`,
      keyTime: `${s - 1};${s + 900}`,
    });
    expect(badlySigned.text).toContain('<Code>SignatureDoesNotMatch</Code>');

    emulator.setDenied([]);
    expect((await mediaJob(task.JobId)).status).toBe(200);
  });

  it('takes faults aimed at it', async () => {
    await start();
    emulator.addFault({ call: 'media-job', kind: 'status', status: 503, code: 'SlowDown' });
    expect((await mediaJob('j00000000000000000000000000000000')).status).toBe(503);
    expect((await mediaJob('j00000000000000000000000000000000')).status).toBe(200);
  });
});

describe('a job of 100,000 objects', () => {
  it('pages its 5,000 failed runs, computing only the runs each page needs', async () => {
    let computed = 0;
    await start({
      objectsFor: () => ({
        count: 100_000,
        objectAt: (i) => {
          computed++;
          return i % 20 === 7
            ? { key: `big/${i}.mp4`, runMs: 500, final: 'Failed', failure: { task: 'Snapshot_1' } }
            : { key: `big/${i}.mp4`, runMs: 500, final: 'Success' };
        },
      }),
    });
    const job = await createJob('big/');
    t += 1000;
    const seen = new Set<string>();
    let token = '';
    let pages = 0;
    do {
      const page = await runsOf(job, {
        states: 'Failed,Cancel',
        size: '100',
        ...(token ? { nextToken: token } : {}),
      });
      for (const run of page.list) {
        expect(run.State).toBe('Failed');
        seen.add(run.RunId);
      }
      token = page.nextToken;
      pages++;
      // A page of failures reads about 20 × 100 runs, never the whole job.
      if (pages === 1) expect(computed).toBeLessThan(2_200);
    } while (token);
    expect(pages).toBe(50);
    expect(seen.size).toBe(5_000);
    // Paging resumes where the last page stopped: the whole listing reads each run about once,
    // not the job again for every page (which would be some 2.5 million runs).
    expect(computed).toBeLessThan(150_000);

    // Any run can be described by its id, down to the failing task's media job.
    const last = [...seen].at(-1)!;
    const tasks = await tasksOf(last);
    expect(summary(tasks).at(-1)).toBe('Snapshot_1:Snapshot:Failed');
    expect((await mediaJob(tasks.at(-1)!.JobId)).response.JobsDetail[0].Code).toBe('InvalidInput');
  });

  it('pages runs of two jobs in both orders without losing or repeating one', async () => {
    await start({
      objectsFor: ({ input }) =>
        Array.from({ length: 15 }, (_, i) => ({
          key: `${input.Prefix}${i}`,
          runMs: 10,
          final: i % 3 ? ('Success' as const) : ('Failed' as const),
        })),
    });
    const first = await createJob('one/');
    t += 1000;
    await createJob('two/');
    t += 1000;
    for (const order of ['Asc', 'Desc']) {
      for (const states of ['All', 'Failed']) {
        const objectsSeen: string[] = [];
        let token = '';
        do {
          const r = await call('GET', '/workflowexecution', {
            workflowId: WID,
            orderByTime: order,
            states,
            size: '4',
            ...(token ? { nextToken: token } : {}),
          });
          const response = parser.parse(r.text).Response;
          objectsSeen.push(
            ...(response.WorkflowExecutionList ?? []).map((x: { Object: string }) => x.Object),
          );
          token = response.NextToken;
        } while (token);
        const all = ['one/', 'two/'].flatMap((p) =>
          Array.from({ length: 15 }, (_, i) => i)
            .filter((i) => states === 'All' || i % 3 === 0)
            .map((i) => `${p}${i}`),
        );
        expect(objectsSeen).toEqual(order === 'Asc' ? all : all.reverse());
      }
    }
    expect((await runsOf(first, { states: 'Failed' })).list).toHaveLength(5);
  });
});
