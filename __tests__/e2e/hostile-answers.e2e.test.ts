/**
 * Answers no honest service gives, from a small server of the test's own on loopback: values that
 * hold workflow commands, job ids that are paths, cursors that never end, more jobs than an output
 * holds (issue 13, items 2, 5, 6).
 */
import { afterEach, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { runStep, type StepOptions, type StepRun } from '../../test-support/github-runner.js';
import {
  jobsDetailXml,
  startHostileServer,
  type HostileRequest,
  type HostileServer,
} from '../../test-support/hostile-server.js';
import { commonInputs, WORKFLOW_ID } from '../../test-support/e2e-fixtures.js';

const JOB = 'b' + '5'.repeat(32);
/** The main step on one job, waiting a second at most and leaving its objects unchecked. */
const MAIN_STEP_INPUTS = {
  'workflow-id': WORKFLOW_ID,
  prefix: 'videos/',
  timeout: '1s',
  'poll-interval': '1s',
  'object-failures': 'ignore',
};
const PAYLOAD = '\n::error::injected\r\n::add-mask::injected\n::stop-commands::injected\n::warning::injected';

let server: HostileServer | undefined;
afterEach(async () => server?.close());

async function serve(answer: (request: HostileRequest) => string) {
  server = await startHostileServer((request) => ({ body: answer(request) }));
  return server;
}

function step(options: StepOptions & { inputs: Record<string, string> }) {
  return runStep({ ...options, inputs: { ...commonInputs(server!), ...options.inputs } });
}

const response = (inner: string, requestId = 'req-1') =>
  `<Response><RequestId>${requestId}</RequestId>${inner}</Response>`;

/** Lines the runner would read as a workflow command carrying the payload. */
function injectedCommands(run: StepRun): string[] {
  return run.stdout
    .split(/\r?\n|\r/)
    .filter((line) => /^\s*::[a-z-]+::injected/.test(line) || /^\s*::stop-commands::/.test(line));
}

describe('values from answers that hold workflow commands', () => {
  const job = (state: string) =>
    jobsDetailXml({
      Code: `E${PAYLOAD}`,
      Message: `broken${PAYLOAD}`,
      Type: 'Workflow',
      Name: `nightly${PAYLOAD}`,
      JobId: JOB,
      State: state,
      CreationTime: '2026-11-30T12:00:00+0800',
      StartTime: '-',
      EndTime: '-',
    });
  const hostile = (request: HostileRequest): string => {
    const requestId = `req${PAYLOAD}`;
    if (request.method === 'PUT') return '';
    // An InstanceId of another form is refused (hostile-summary.e2e); the request id carries the payload.
    if (request.path === '/triggerworkflow')
      return response(`<InstanceId>i${'0'.repeat(32)}</InstanceId>`, requestId);
    return response(job(`Running${PAYLOAD}`), requestId);
  };

  it.each<[string, StepOptions & { inputs: Record<string, string> }]>([
    ['the main step', { inputs: MAIN_STEP_INPUTS }],
    ['wait/', { action: 'wait', inputs: { 'job-id': JOB, timeout: '1s', 'poll-interval': '1s' } }],
    ['cancel/', { action: 'cancel', inputs: { 'job-id': JOB } }],
    ['list/', { action: 'list', inputs: {} }],
    [
      'trigger-workflow/',
      { action: 'trigger-workflow', inputs: { 'workflow-id': WORKFLOW_ID, object: 'a.mp4', wait: 'false' } },
    ],
  ])('%s prints them escaped: no line becomes a command', async (_step, options) => {
    await serve(hostile);
    const run = await step({ ...options, env: { RUNNER_DEBUG: '1' } });
    expect(injectedCommands(run)).toEqual([]);
    // The values did pass through (the log, or list/'s outputs), only never as a command.
    expect(run.stdout + JSON.stringify(run.outputs)).toContain('::error::injected');
  });

  it('names the unknown state on one line while it waits', async () => {
    await serve(hostile);
    const run = await step({ inputs: MAIN_STEP_INPUTS });
    expect(run.stdout).toContain(`Created job ${JOB} (octo-org-media-site-`);
    // The request id is read from the XML, where a CR LF is a line break like LF (XML 1.0 § 2.11).
    expect(run.stdout).toContain('request id req\\n::error::injected\\n::add-mask::injected');
    expect(run.errors).toHaveLength(1);
    expect(run.errors[0]).toContain('a state this action does not know');
  });
});

describe('a job id in an answer that is not b + 32 hex characters', () => {
  it('is refused in a create answer and a describe answer, naming the call, and never sent in a path', async () => {
    await serve((request) =>
      request.path === '/inventorytriggerjob' && request.method === 'GET'
        ? response('')
        : response(jobsDetailXml({ JobId: '../../x', Name: 'n', State: 'Running' })),
    );
    const [created, waited] = await Promise.all([
      step({ inputs: { 'workflow-id': WORKFLOW_ID, prefix: 'videos/', name: 'n' } }),
      step({ action: 'wait', inputs: { 'job-id': JOB } }),
    ]);
    expect(created.code).toBe(1);
    expect(created.errors).toEqual([
      expect.stringContaining('POST /inventorytriggerjob got a JobId that is not b + 32 hex characters'),
    ]);
    expect(waited.code).toBe(1);
    expect(waited.errors).toEqual([
      expect.stringContaining(`GET /inventorytriggerjob/${JOB} got an answer about another JobId`),
    ]);
    const paths = new Set(server!.requests.map((request) => request.path));
    expect([...paths].sort()).toEqual(['/inventorytriggerjob', `/inventorytriggerjob/${JOB}`]);
  }, 120_000);
});

describe('list/ against hostile paging', () => {
  const jobXml = (n: number, message = '') =>
    jobsDetailXml({
      Code: 'Success',
      Message: message,
      Type: 'Workflow',
      Name: `job-${n}`,
      JobId: 'b' + n.toString(16).padStart(32, '0'),
      State: 'Success',
      CreationTime: '2026-11-30T12:00:00+0800',
      StartTime: '2026-11-30T12:00:01+0800',
      EndTime: '2026-11-30T12:00:09+0800',
    });
  const listCalls = () => server!.requests.filter((request) => request.path === '/inventorytriggerjob');

  it('stops on a cursor handed out twice, and warns', async () => {
    await serve(() => response(`${jobXml(1)}<NextToken>again</NextToken>`));
    const run = await step({ action: 'list', inputs: {} });
    expect(run.code).toBe(0);
    expect(listCalls()).toHaveLength(2);
    expect(run.warnings).toEqual([expect.stringContaining('a page cursor it had given before')]);
  });

  it('follows an endless run of new cursors only as far as limit', async () => {
    let page = 0;
    await serve(() => {
      page++;
      return response(`${jobXml(page)}<NextToken>t${page}</NextToken>`);
    });
    const run = await step({ action: 'list', inputs: { limit: '5' } });
    expect(run.code).toBe(0);
    expect(listCalls()).toHaveLength(5);
    expect(run.outputs.count).toBe('5');
  });

  it('stops on an empty page that still hands out a cursor', async () => {
    await serve((request) =>
      request.query.get('nextToken')
        ? response('<NextToken>more</NextToken>')
        : response(`${jobXml(1)}<NextToken>p1</NextToken>`),
    );
    const run = await step({ action: 'list', inputs: {} });
    expect(run.code).toBe(0);
    expect(listCalls()).toHaveLength(2);
    expect(run.outputs.count).toBe('1');
  });

  it('of 10,000 jobs keeps the jobs output under 512 KB with a warning, every job up to limit in jobs-file, 100 summary rows', async () => {
    const message = 'm'.repeat(600);
    await serve((request) => {
      const page = Number((request.query.get('nextToken') ?? 'p0').slice(1));
      const jobs = Array.from({ length: 100 }, (_, i) => jobXml(page * 100 + i, message)).join('');
      return response(`${jobs}<NextToken>${page < 99 ? `p${page + 1}` : ''}</NextToken>`);
    });
    const run = await step({ action: 'list', inputs: { limit: '1000' } });

    expect(run.code).toBe(0);
    expect(listCalls()).toHaveLength(10);
    expect(run.outputs.count).toBe('1000');
    const output = run.outputs.jobs ?? '';
    expect(Buffer.byteLength(output)).toBeLessThan(512 * 1024);
    const kept = JSON.parse(output) as Array<{ JobId: string }>;
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.length).toBeLessThan(1000);
    expect(run.warnings).toEqual([expect.stringContaining(`holds the first ${kept.length} of 1000 jobs`)]);
    const file = JSON.parse(readFileSync(run.outputs['jobs-file'] ?? '', 'utf8')) as Array<{ JobId: string }>;
    expect(file).toHaveLength(1000);
    expect(file.slice(0, kept.length).map((j) => j.JobId)).toEqual(kept.map((j) => j.JobId));
    expect(run.summary.split('\n').filter((line) => line.startsWith('| `b'))).toHaveLength(100);
    expect(run.summary).toContain('… and 900 more: every job is in `jobs-file`.');
    expect(Buffer.byteLength(run.summary)).toBeLessThan(64 * 1024);
  }, 60_000);
});
