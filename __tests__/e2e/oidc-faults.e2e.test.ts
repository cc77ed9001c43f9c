/**
 * Signing in under faults and cancellation (issue 22): GitHub's token request and the STS exchange
 * are requests like the others, with the step's abort signal, time limit and answer cap; cleanup
 * after a cancel signs in on its own; odd key lifetimes are read defensively.
 */
import { describe, expect, it } from '@jest/globals';
import type { ChildProcess } from 'node:child_process';
import {
  cancelLikeRunner,
  runStep,
  RUNNER_SIGTERM_AFTER_MS,
  type StepRun,
} from '../../test-support/github-runner.js';
import {
  everythingShown,
  expectOneInputError,
  jobById,
  schedulesByPrefix,
  sleep,
} from '../../test-support/e2e-fixtures.js';
import { useRoleEmulator } from '../../test-support/oidc-fixtures.js';

const { emulator, identity, nextRunId, roleInputs, oidcEnv, observed } = useRoleEmulator({
  scheduleFor: schedulesByPrefix({
    'endless/': { queuedMs: 100, runningMs: 120_000, final: 'Success' },
    'polled/': { queuedMs: 100, runningMs: 3500, final: 'Success' },
  }),
});

/** Waits for `condition`, failing after 15 s. */
async function until(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`${what} never happened`);
    await sleep(20);
  }
}

/** Starts a step; `stop()` cancels it as the runner does and says how long it took to exit. */
function startStep(inputs: Record<string, string>) {
  let child: ChildProcess | undefined;
  const run = nextRunId();
  const finished = runStep({
    inputs,
    env: { ...oidcEnv(), GITHUB_RUN_ID: run },
    onSpawn: (c) => (child = c),
  });
  return {
    run,
    async stop(): Promise<{ result: StepRun; exitedAfterMs: number }> {
      const cancelledAt = Date.now();
      cancelLikeRunner(child!);
      const result = await finished;
      return { result, exitedAfterMs: Date.now() - cancelledAt };
    },
  };
}

/** A step killed after `ms` if it is still running: a test of a hang fails rather than waits. */
const killedAfter = (ms: number) => (child: ChildProcess) => {
  const timer = setTimeout(() => child.kill('SIGKILL'), ms);
  child.once('exit', () => clearTimeout(timer));
};

const maskedTokens = (run: StepRun) =>
  run.stdout.split('\n').filter((line) => line.startsWith('::add-mask::eyJ'));

describe('a cancel stops the sign-in', () => {
  it('SIGINT during a first STS exchange that never answers ends the step at once, sending no create', async () => {
    identity().clearFaults();
    identity().addFault({ kind: 'hang' });
    const requestsBefore = emulator().requests.length;
    const exchangesBefore = identity().records.length;
    const step = startStep(roleInputs({ prefix: 'videos/', 'request-timeout': '20s' }));
    await until(
      () =>
        identity()
          .records.slice(exchangesBefore)
          .some((record) => record.endpoint === 'sts'),
      'the STS exchange',
    );
    const { result, exitedAfterMs } = await step.stop();

    expect(result.signal).toBeNull();
    expect(exitedAfterMs).toBeLessThan(3000);
    expect(result.code).toBe(1);
    expect(emulator().requests.slice(requestsBefore)).toEqual([]);
    expect(result.errors).toEqual([expect.stringContaining('the workflow run was cancelled')]);
    // No create was sent: none is said to be in flight, and post: has nothing to look for.
    expect(result.stdout).not.toContain('in flight');
    expect(result.stdout).toMatch(/cancelled before the create of job \S+ was sent/);
    expect(result.state.phase).toBe('stopped');
  });

  it('a cancel while the keys are being renewed still cancels the job, after a sign-in of its own', async () => {
    identity().clearFaults();
    identity().setKeyLifetime(3000);
    try {
      const exchangesBefore = identity().records.length;
      const step = startStep(
        roleInputs({ prefix: 'endless/', 'request-timeout': '20s', 'poll-interval': '1s' }),
      );
      let jobId: string | undefined;
      await until(() => {
        jobId = emulator()
          .jobs()
          .find((job) => job.name.includes(`-${step.run}-`))?.id;
        return jobId !== undefined;
      }, 'the create');
      // The renewal that the keys' expiry calls for never gets an answer.
      identity().addFault({ kind: 'hang' });
      await until(
        () =>
          identity()
            .records.slice(exchangesBefore)
            .some((record) => record.fault === 'hang'),
        'the renewal',
      );
      const { result, exitedAfterMs } = await step.stop();

      expect(result.signal).toBeNull();
      expect(exitedAfterMs).toBeLessThan(RUNNER_SIGTERM_AFTER_MS);
      expect(jobById(emulator(), jobId!)).toMatchObject({ state: 'Cancel', cancelled: true });
      expect(result.state).toMatchObject({ 'job-id': jobId, phase: 'cancelled' });
      expect(result.warnings.join('\n')).toContain(`cancelled job ${jobId}`);
      const afterHang = identity()
        .records.slice(exchangesBefore)
        .filter((record, index, all) => all.findIndex((r) => r.fault === 'hang') < index);
      expect(afterHang.map((record) => `${record.endpoint} ${record.status}`)).toEqual([
        'oidc-token 200',
        'sts 200',
      ]);
    } finally {
      identity().setKeyLifetime(undefined);
    }
  });
});

describe("GitHub's token request", () => {
  it('a token endpoint that never answers fails the step after request-timeout, naming the call', async () => {
    identity().clearFaults();
    identity().addFault({ endpoint: 'oidc-token', kind: 'hang', times: 10 });
    const started = Date.now();
    const { run, requests, exchanges } = await observed({
      inputs: roleInputs({ prefix: 'videos/', 'request-timeout': '2s' }),
      env: oidcEnv(),
      onSpawn: killedAfter(20_000),
    });
    identity().clearFaults();

    expect(run.signal).toBeNull();
    expect(Date.now() - started).toBeLessThan(8000);
    expect(run.code).toBe(1);
    expect(run.errors).toEqual([
      expect.stringContaining("GitHub's OIDC token request got no answer within 2 s"),
    ]);
    expect(run.errors[0]).not.toContain('undefined');
    expect(exchanges.map((record) => record.endpoint)).toEqual(['oidc-token']);
    expect(requests).toEqual([]);
  });

  it('with the token URL but no request token, says to add permissions: id-token: write without naming the URL', async () => {
    const url = `${identity().tokenRequestUrl}&tenant=do-not-echo-this`;
    const { run, requests, exchanges } = await observed({
      inputs: roleInputs({ prefix: 'videos/' }),
      env: { ACTIONS_ID_TOKEN_REQUEST_URL: url },
    });
    expectOneInputError(run, requests.length, 'role-arn', 'add `permissions: id-token: write`');
    expect(run.errors[0]).toContain('ACTIONS_ID_TOKEN_REQUEST_TOKEN');
    expect(run.errors[0]).not.toContain('ACTIONS_ID_TOKEN_REQUEST_URL');
    expect(everythingShown(run)).not.toContain('do-not-echo-this');
    expect(exchanges).toEqual([]);
  });

  it('a 10 MB token answer is cut off at 1 MiB, named, and never masked or logged', async () => {
    identity().clearFaults();
    identity().addFault({ endpoint: 'oidc-token', kind: 'huge', bytes: 10_000_000 });
    const { run, requests, exchanges } = await observed({
      inputs: roleInputs({ prefix: 'videos/' }),
      env: oidcEnv(),
    });
    expect(run.code).toBe(1);
    expect(run.errors).toEqual([
      expect.stringContaining("GitHub's OIDC token request answered more than 1 MiB"),
    ]);
    expect(run.stdout.length).toBeLessThan(64 * 1024);
    expect(maskedTokens(run)).toEqual([]);
    expect(exchanges.map((record) => record.endpoint)).toEqual(['oidc-token']);
    expect(requests).toEqual([]);
  });

  it('masks each token it gets once', async () => {
    identity().clearFaults();
    const { run, exchanges } = await observed({
      inputs: roleInputs({ prefix: 'videos/' }),
      env: oidcEnv(),
    });
    expect(run.code).toBe(0);
    const tokens = exchanges.filter((record) => record.endpoint === 'oidc-token');
    expect(tokens).toHaveLength(1);
    expect(maskedTokens(run)).toHaveLength(1);
  });
});

describe('key lifetimes read defensively', () => {
  it('an ExpiredTime in the past is a warning and a short reuse of the keys, not a sign-in per request', async () => {
    identity().clearFaults();
    identity().addFault({ kind: 'expired-time', as: 'past', times: 20 });
    const { run, requests, exchanges } = await observed({
      inputs: roleInputs({ prefix: 'polled/', 'poll-interval': '1s' }),
      env: oidcEnv(),
    });
    identity().clearFaults();
    expect(run.code).toBe(0);
    expect(run.outputs.state).toBe('Success');
    expect(requests.length).toBeGreaterThanOrEqual(4);
    expect(requests.every((request) => request.status === 200)).toBe(true);
    expect(exchanges.filter((record) => record.endpoint === 'sts')).toHaveLength(1);
    expect(run.warnings).toEqual([expect.stringMatching(/keys .*expired.*reused for 30 s/)]);
  });

  it('an ExpiredTime sent as a numeric string is read as the number', async () => {
    identity().clearFaults();
    identity().addFault({ kind: 'expired-time', as: 'string' });
    const { run, requests, exchanges } = await observed({
      inputs: roleInputs({ prefix: 'polled/', 'poll-interval': '1s' }),
      env: oidcEnv(),
    });
    expect(run.errors).toEqual([]);
    expect(run.warnings).toEqual([]);
    expect(run.code).toBe(0);
    expect(requests.every((request) => request.status === 200)).toBe(true);
    expect(exchanges.filter((record) => record.endpoint === 'sts')).toHaveLength(1);
  });
});
