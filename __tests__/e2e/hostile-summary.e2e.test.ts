/**
 * Nothing from an answer renders, and nothing from an answer is kept unbounded (issue 22, items 9,
 * 11, 12 and 14), against a small server of the test's own on loopback: markup in a job's message,
 * name, code and state; a message of a megabyte; a state with a trailing space; a backtick in a
 * code; an InstanceId that is a path.
 */
import { afterEach, describe, expect, it } from '@jest/globals';
import { marked } from 'marked';
import { runStep, type StepOptions, type StepRun } from '../../test-support/github-runner.js';
import {
  jobsDetailXml,
  startHostileServer,
  type HostileRequest,
  type HostileServer,
} from '../../test-support/hostile-server.js';
import { commonInputs, WORKFLOW_ID } from '../../test-support/e2e-fixtures.js';

const JOB = 'b' + '7'.repeat(32);
const MARKUP = '<img src=x onerror=alert(1)> [text](https://evil.example/x) </details> **bold**';

let server: HostileServer | undefined;
afterEach(async () => server?.close());

const response = (inner: string) => `<Response><RequestId>req-22</RequestId>${inner}</Response>`;

const job = (fields: Record<string, string> = {}) =>
  jobsDetailXml({
    Code: 'Success',
    Message: '',
    Type: 'Workflow',
    Name: 'nightly',
    JobId: JOB,
    State: 'Success',
    CreationTime: '2026-11-30T12:00:00+0800',
    StartTime: '2026-11-30T12:00:02+0800',
    EndTime: '2026-11-30T12:00:09+0800',
    ...fields,
  });

async function serve(answer: (request: HostileRequest) => string) {
  server = await startHostileServer((request) => ({ body: answer(request) }));
}

function step(options: StepOptions & { inputs: Record<string, string> }) {
  return runStep({ ...options, inputs: { ...commonInputs(server!), ...options.inputs } });
}

const waitStep = () =>
  step({ action: 'wait', inputs: { 'job-id': JOB, 'poll-interval': '1s', 'object-failures': 'ignore' } });

/** The summary as GitHub would show it (GitHub-flavoured Markdown). */
const rendered = (run: StepRun) => marked.parse(run.summary, { async: false });

function expectNoMarkupFromAnswers(html: string) {
  expect(html).not.toMatch(/<img|<\/details>|<strong>|<h1/);
  expect(html).not.toContain('href="https://evil.example');
}

describe("a job's message in the summary and the log", () => {
  it('wait/: markup in the message, name and code shows as text, in one table row each', async () => {
    await serve(() =>
      response(job({ State: 'Failed', Code: 'E`1', Name: `n${MARKUP}`, Message: `${MARKUP}\r# Heading` })),
    );
    const run = await waitStep();
    expect(run.code).toBe(1);
    const html = rendered(run);
    expectNoMarkupFromAnswers(html);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    // A backtick in Code is the backtick it is.
    expect(html).toContain('<td><code>E`1</code></td>');
    // The message's CR did not end its row: the table still has every row down to the duration.
    expect(html).toMatch(/<td>Message<\/td>\s*<td><code>[^<]*# Heading<\/code><\/td>/);
    expect(html).toMatch(/<td>Duration<\/td>/);
  });

  it('wait/: a message of a megabyte is one bounded error line, and the summary keeps the times and chart', async () => {
    const message = `broken ${'0123456789%\n'.repeat(84_000)}`;
    await serve(() => response(job({ State: 'Failed', Code: 'E1', Message: message })));
    const run = await waitStep();
    expect(run.code).toBe(1);
    for (const line of run.stdout.split('\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(64 * 1024);
    expect(run.errors).toEqual([
      expect.stringMatching(new RegExp(`^Job ${JOB} ended Failed with code E1: broken `)),
    ]);
    expect(run.summary).toContain('| Created | 2026-11-30T12:00:00+0800 |');
    expect(run.summary).toContain('| Ended | 2026-11-30T12:00:09+0800 |');
    expect(run.summary).toContain('```mermaid');
    const messageRow = run.summary.split('\n').find((line) => line.startsWith('| Message |')) ?? '';
    expect(messageRow.length).toBeLessThan(400);
    expect(messageRow).toContain('broken 0123456789%');
    expect(Buffer.byteLength(run.summary)).toBeLessThan(16 * 1024);
  });
});

describe('list/ columns from answers', () => {
  const jobs = [
    job({ JobId: 'b' + '1'.repeat(32), Name: `[text](https://evil.example/x)`, State: 'Success' }),
    job({ JobId: 'b' + '2'.repeat(32), Name: 'a\r# Heading', State: 'Success ' }),
    job({ JobId: 'b' + '3'.repeat(32), Name: 'n', State: 'Failed', Code: `E\`1${MARKUP}` }),
    job({ JobId: 'b' + '4'.repeat(32), Name: 'odd', State: `${MARKUP}\r</details>` }),
  ];

  it('Name, Code and State show as text, each job one row; a state with a trailing space is that state', async () => {
    await serve(() => response(jobs.join('')));
    const run = await step({ action: 'list', inputs: {} });
    expect(run.errors).toEqual([]);
    expect(run.code).toBe(0);
    const html = rendered(run);
    expectNoMarkupFromAnswers(html);
    expect(html.match(/<tr>/g)).toHaveLength(5);
    expect(html).toContain('<code>E`1&lt;img');
    // One Success slice of two jobs, and the unknown state in a slice of its own, not named after it.
    const pie = run.summary.slice(run.summary.lastIndexOf('```mermaid'));
    expect(pie).toContain('"✅ Success" : 2');
    expect(pie).toContain('"unknown state" : 1');
    expect(pie.match(/" : \d+/g)).toHaveLength(3);
    expect((JSON.parse(run.outputs.jobs ?? '[]') as Array<{ State: string }>)[1]?.State).toBe('Success');
  });
});

describe('an id from an answer that goes into a path', () => {
  it('trigger-workflow/: an InstanceId that is a path is refused as an answer of the trigger call, never followed', async () => {
    const hostileId = `../../inventorytriggerjob/${JOB}`;
    await serve((request) =>
      request.path === '/triggerworkflow'
        ? response(`<InstanceId>${hostileId}</InstanceId>`)
        : response(job()),
    );
    const run = await step({
      action: 'trigger-workflow',
      inputs: { 'workflow-id': WORKFLOW_ID, object: 'a.mp4', 'poll-interval': '1s', timeout: '3s' },
    });
    expect(run.code).toBe(1);
    expect(run.errors).toEqual([
      expect.stringContaining('POST /triggerworkflow got an InstanceId that is not letters and digits'),
    ]);
    // The id never reaches a path. The service may have started the run all the same, so the
    // step looks for it in the run list (no id in that path) and never triggers a second time.
    const sent = server!.requests.map((request) => `${request.method} ${request.path}`);
    expect(sent.filter((line) => line === 'POST /triggerworkflow')).toHaveLength(1);
    expect(sent.every((line) => line === 'POST /triggerworkflow' || line === 'GET /workflowexecution')).toBe(
      true,
    );
    expect(run.outputs['instance-id'] ?? '').toBe('');
  });
});
