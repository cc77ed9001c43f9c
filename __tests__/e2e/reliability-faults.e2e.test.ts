import { describe, expect, it } from '@jest/globals';
import type { Fault } from '../../emulator/index.js';
import { runStep, type StepRun } from '../../test-support/github-runner.js';
import {
  accessDenied,
  commonInputs,
  everythingShown,
  SECRET_KEY,
  useEmulator,
  WORKFLOW_ID,
} from '../../test-support/e2e-fixtures.js';

const emulator = useEmulator();

function inputs(extra: Record<string, string> = {}) {
  return {
    ...commonInputs(emulator()),
    'workflow-id': WORKFLOW_ID,
    prefix: 'videos/',
    'poll-interval': '1s',
    'request-timeout': '2s',
    'object-failures': 'ignore',
    ...extra,
  };
}

let runId = 7_000_000;

/**
 * Runs the main step after queueing a fault; returns the run and what the emulator saw. Each run
 * has its own run id, so its default job name is its own, as on a real runner.
 */
async function withFault(fault: Fault, extra: Record<string, string> = {}) {
  emulator().clearFaults();
  emulator().addFault(fault);
  const before = emulator().requests.length;
  const jobsBefore = emulator().jobs().length;
  const run = await runStep({
    inputs: inputs(extra),
    env: { RUNNER_DEBUG: '1', GITHUB_RUN_ID: String(runId++) },
  });
  const seen = emulator().requests.slice(before);
  const created = emulator().jobs().slice(jobsBefore);
  return { run, seen, created };
}

function expectNoStackOrSecret(run: StepRun) {
  expect(run.stdout + run.stderr).not.toMatch(/\n\s+at \S+ \(|node:internal|\.js:\d+:\d+/);
  expect(everythingShown(run)).not.toContain(SECRET_KEY);
}

describe('a fault on the create', () => {
  const resent = ['create', 'create'];
  const lookedUpThenResent = ['create', 'list', 'create'];
  const lookedUpAndAdopted = ['create', 'list'];
  it.each<[string, Fault, string[]]>([
    ['a 503 SlowDown', { call: 'create', kind: 'status', status: 503, code: 'SlowDown' }, resent],
    [
      'a 429 with Retry-After',
      { call: 'create', kind: 'status', status: 429, code: 'TooManyRequests', retryAfterSeconds: 1 },
      resent,
    ],
    [
      'a 500 InternalError',
      { call: 'create', kind: 'status', status: 500, code: 'InternalError' },
      lookedUpThenResent,
    ],
    ['a reset before the work', { call: 'create', kind: 'reset' }, lookedUpThenResent],
    ["a proxy's HTML page", { call: 'create', kind: 'html', status: 502 }, lookedUpThenResent],
    ['no answer at all', { call: 'create', kind: 'hang' }, lookedUpThenResent],
    ['a truncated answer (the job was made)', { call: 'create', kind: 'truncated' }, lookedUpAndAdopted],
  ])('%s is retried: exactly one job, reported, and a warning', async (_name, fault, calls) => {
    const { run, seen, created } = await withFault(fault);
    expect(run.errors).toEqual([]);
    expect(run.code).toBe(0);
    expect(created).toHaveLength(1);
    expect(run.outputs['job-id']).toBe(created[0]?.id);
    expect(run.outputs.state).toBe('Success');
    expect(run.warnings.some((w) => w.includes('Creating the job failed'))).toBe(true);
    // Only a create that cannot have been processed is sent again without looking the job up first.
    expect(seen.map((r) => r.call).filter((call) => call === 'create' || call === 'list')).toEqual(calls);
    if (calls.includes('list')) expect(seen[1]?.query.name).toBe(created[0]?.name);
    expectNoStackOrSecret(run);
  });

  it('a lost answer (the job was made, the answer dropped) adopts that job: exactly one job, its id reported', async () => {
    const { run, seen, created } = await withFault({ call: 'create', kind: 'lost-answer' });
    expect(run.code).toBe(0);
    expect(created).toHaveLength(1);
    expect(seen.filter((r) => r.call === 'create')).toHaveLength(1);
    expect(run.outputs['job-id']).toBe(created[0]?.id);
    expect(run.warnings.join('\n')).toContain(`job ${created[0]?.id} named ${created[0]?.name} exists`);
    expectNoStackOrSecret(run);
  });

  it('a 400 InvalidArgument is not retried, and the error carries the code and request id', async () => {
    const { run, seen, created } = await withFault({
      call: 'create',
      kind: 'status',
      status: 400,
      code: 'InvalidArgument',
      message: 'The workflow does not exist.',
    });
    expect(run.code).toBe(1);
    expect(created).toHaveLength(0);
    expect(seen.map((r) => r.call)).toEqual(['create']);
    expect(run.errors).toEqual([expect.stringContaining('InvalidArgument: The workflow does not exist.')]);
    expect(run.errors[0]).toContain(`request id ${seen[0]?.requestId}`);
    expectNoStackOrSecret(run);
  });

  it('gives up after repeated 500s, saying what failed, with no stack trace', async () => {
    const { run, created } = await withFault(
      { call: 'create', kind: 'status', status: 500, code: 'InternalError', times: 50 },
      { 'request-timeout': '1s' },
    );
    expect(run.code).toBe(1);
    expect(created).toHaveLength(0);
    expect(run.errors).toHaveLength(1);
    expect(run.errors[0]).toMatch(/InternalError.*request id .*a fault of the service: retry later/);
    expectNoStackOrSecret(run);
  }, 120_000);
});

describe('a fault on a status check', () => {
  it.each<[string, Fault]>([
    ['a 503 SlowDown', { call: 'describe', kind: 'status', status: 503, code: 'SlowDown' }],
    ['a 500', { call: 'describe', kind: 'status', status: 500, code: 'InternalError' }],
    ['a reset', { call: 'describe', kind: 'reset' }],
    ["a proxy's HTML page", { call: 'describe', kind: 'html' }],
    ['a truncated answer', { call: 'describe', kind: 'truncated' }],
    ['a hung call (no answer within request-timeout)', { call: 'describe', kind: 'hang' }],
  ])('%s is retried with a warning, and the job is still followed to Success', async (_name, fault) => {
    const { run, seen, created } = await withFault({ ...fault, times: 2 });
    expect(run.errors).toEqual([]);
    expect(run.outputs.state).toBe('Success');
    expect(created).toHaveLength(1);
    expect(seen.filter((r) => r.call === 'describe' && r.fault).length).toBe(2);
    const retries = run.warnings.filter(
      (w) => w.startsWith(`GET /inventorytriggerjob/${created[0]?.id}`) && /; retry \d in /.test(w),
    );
    expect(retries).toHaveLength(2);
    expectNoStackOrSecret(run);
  });

  it('a 403 AccessDenied is not retried and names the job, the code and the request id', async () => {
    const { run, seen, created } = await withFault(accessDenied('describe', 'Access Denied.'));
    expect(run.code).toBe(1);
    const denied = seen.find((r) => r.call === 'describe');
    expect(seen.filter((r) => r.call === 'describe')).toHaveLength(1);
    expect(run.outputs['job-id']).toBe(created[0]?.id);
    expect(run.errors).toEqual([
      expect.stringContaining(
        `Job ${created[0]?.id}: GET /inventorytriggerjob/${created[0]?.id}: the CI API answered AccessDenied: Access Denied. (HTTP 403, request id ${denied?.requestId})`,
      ),
    ]);
    expect(run.summary).toContain(`| Job id | \`${created[0]?.id}\` |`);
    expect(run.summary).toContain('The wait stopped: an error (see the annotation).');
    expectNoStackOrSecret(run);
  });
});

describe('a fault on the object check', () => {
  it('a 403 on listing the workflow runs names that call in the final annotation', async () => {
    const { run, created } = await withFault(accessDenied('executions', 'no ci:Describe'), {
      'object-failures': 'fail',
    });
    expect(run.code).toBe(1);
    expect(run.outputs.state).toBe('Success');
    expect(run.errors).toEqual([
      expect.stringMatching(
        new RegExp(
          `^Job ${created[0]?.id}: GET /workflowexecution: the CI API answered AccessDenied: no ci:Describe`,
        ),
      ),
    ]);
    expectNoStackOrSecret(run);
  });
});

describe('a fault on a manual trigger (trigger-workflow/)', () => {
  let keys = 0;
  /** A key of its own per test: a run of the same object a moment before is another step's. */
  async function trigger(fault: Fault, extra: Record<string, string> = {}) {
    emulator().clearFaults();
    emulator().addFault(fault);
    const runsBefore = emulator().executions().length;
    const before = emulator().requests.length;
    const { prefix: _prefix, 'object-failures': _ignored, ...common } = inputs();
    const run = await runStep({
      action: 'trigger-workflow',
      inputs: { ...common, object: `clips/a b+c ${++keys}.mp4`, ...extra },
    });
    const seen = emulator().requests.slice(before);
    const triggers = seen.filter((r) => r.call === 'trigger');
    return { run, seen, triggers, runs: emulator().executions().slice(runsBefore) };
  }

  it('is sent again after a 503, which cannot have started a run', async () => {
    const { run, triggers, runs } = await trigger({
      call: 'trigger',
      kind: 'status',
      status: 503,
      code: 'SlowDown',
    });
    expect(run.errors).toEqual([]);
    expect(triggers).toHaveLength(2);
    expect(runs).toHaveLength(1);
    expect(run.outputs['instance-id']).toBe(runs[0]?.runId);
  });

  it('after a lost answer is not sent again: the run it started is looked up and reported', async () => {
    const { run, seen, triggers, runs } = await trigger({ call: 'trigger', kind: 'lost-answer' });
    expect(run.errors).toEqual([]);
    expect(run.code).toBe(0);
    expect(triggers).toHaveLength(1);
    expect(runs).toHaveLength(1);
    expect(run.outputs).toMatchObject({ 'instance-id': runs[0]?.runId, 'request-id': '', state: 'Success' });
    const lookup = seen.find((r) => r.call === 'executions');
    expect(lookup?.query).toMatchObject({ workflowId: WORKFLOW_ID, name: runs[0]?.object });
    expectNoStackOrSecret(run);
  });

  it.each<[string, Fault]>([
    ['a 500', { call: 'trigger', kind: 'status', status: 500, code: 'InternalError' }],
    ['an unreadable answer', { call: 'trigger', kind: 'html' }],
  ])(
    'after %s with no run to show for it is not sent again before the timeout, and the error says why',
    async (_name, fault) => {
      const { run, seen, triggers, runs } = await trigger(fault, { timeout: '3s' });
      expect(run.code).toBe(1);
      expect(triggers).toHaveLength(1);
      expect(runs).toHaveLength(0);
      // Looked for more than once: a new run may take a while to show.
      expect(seen.filter((r) => r.call === 'executions').length).toBeGreaterThan(1);
      expect(run.errors).toEqual([
        expect.stringContaining(
          'no run of it had shown up when the timeout passed: it was not sent again, since the service may still show one.',
        ),
      ]);
      expectNoStackOrSecret(run);
    },
  );
});
