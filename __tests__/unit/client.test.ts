/**
 * CiClient: it asks its credentials provider before each request (the emulator plays CI, GitHub and
 * STS), and reads why a run failed (DescribeWorkflowExecution, DescribeMediaJob) with its retry rules.
 */
import { startEmulator, type Emulator } from '../../emulator/index.js';
import { CiClient, type ClientOptions, type ClockCorrection } from '../../src/ci/client.js';
import {
  assumedRoleCredentials,
  SignInError,
  type AssumedRoleDeps,
  type CredentialsProvider,
  type RoleSettings,
} from '../../src/ci/credentials.js';
import { CallBudget } from '../../src/ci/call-budget.js';
import { ApiError } from '../../src/ci/errors.js';
import type { TemporaryCredentials } from '../../src/ci/sts.js';
import { AbortedError } from '../../src/waiting/sleep.js';

const ROLE_ARN = 'qcs::cam::uin/100000000001:roleName/media';
const START = Date.now();

let now = START;
let emulator: Emulator;

const logger = { debug: () => {}, info: () => {}, warning: () => {} };

function role(): RoleSettings {
  return {
    roleArn: ROLE_ARN,
    providerId: 'github',
    audience: 'sts.tencentcloudapi.com',
    roleSessionName: 'unit-test',
    durationSeconds: 3600,
    stsEndpoint: new URL(emulator.identity!.stsUrl),
  };
}

/** GitHub's token endpoint, called as core.getIDToken calls it. */
async function getIdToken(audience: string): Promise<string> {
  const url = `${emulator.identity!.tokenRequestUrl}&audience=${encodeURIComponent(audience)}`;
  const answer = await fetch(url, { headers: { authorization: 'Bearer request-token' } });
  return ((await answer.json()) as { value: string }).value;
}

function client(credentials: ClientOptions['credentials']) {
  return new CiClient({
    endpoint: new URL(emulator.url),
    credentials,
    logger,
    now: () => now,
    sleep: async () => {},
  });
}

/** The role's keys as the action's provider gets them, on the test's clock; `deps` replaces the defaults. */
function roleCredentials(settings = role(), deps: Partial<AssumedRoleDeps> = {}): CredentialsProvider {
  return assumedRoleCredentials(settings, {
    getIdToken,
    mask: () => {},
    logger,
    region: 'ap-guangzhou',
    now: () => now,
    ...deps,
  });
}

const ciRequests = () =>
  emulator.requests.map((r) => `${r.status} ${r.headers.authorization?.match(/q-ak=([^&]+)/)?.[1]}`);
const issued = () => emulator.identity!.records.flatMap((r) => (r.issued ? [r.issued] : []));

describe('a client signing in with a role', () => {
  beforeEach(async () => {
    now = START;
    emulator = await startEmulator({
      secretId: 'AKIDstatic',
      secretKey: 'static-key',
      sessionToken: 'static-token',
      now: () => now,
      identity: {
        requestToken: 'request-token',
        providerId: 'github',
        clientIds: ['sts.tencentcloudapi.com'],
        roleArns: [ROLE_ARN],
        // Ten minutes: keys said to last under a minute are reused for a fixed while instead.
        keyLifetimeMs: 600_000,
      },
    });
  });
  afterEach(async () => emulator.close());

  it('signs every request with the current temporary keys and their token, renewing them before they expire', async () => {
    const credentials = roleCredentials();
    const ci = client(credentials);
    await ci.listJobs({});
    now += 200_000;
    await ci.listJobs({});
    now += 150_000; // Less than five minutes left of the ten: renewed before the request.
    await ci.listJobs({});
    const keys = issued();
    expect(keys).toHaveLength(2);
    expect(ciRequests()).toEqual([
      `200 ${keys[0]!.secretId}`,
      `200 ${keys[0]!.secretId}`,
      `200 ${keys[1]!.secretId}`,
    ]);
    expect(emulator.requests.map((r) => r.headers['x-ci-security-token'])).toEqual([
      keys[0]!.token,
      keys[0]!.token,
      keys[1]!.token,
    ]);
  });

  it('renews once and sends the request again when the API refuses the keys as expired', async () => {
    // Keys that look like they last an hour, so that only the refusal can trigger a renewal.
    const credentials = roleCredentials(role(), {
      assume: async (request) => {
        const { assumeRoleWithWebIdentity } = await import('../../src/ci/sts.js');
        const keys: TemporaryCredentials = await assumeRoleWithWebIdentity(request, {
          endpoint: role().stsEndpoint,
          region: 'ap-guangzhou',
          logger,
          now: () => now,
        });
        return { ...keys, lifetimeMs: 3600_000 };
      },
    });
    const ci = client(credentials);
    await ci.describeJob(`b${'0'.repeat(32)}`);
    now += 601_000;
    const { value } = await ci.describeJob(`b${'0'.repeat(32)}`);
    expect(value).toBeUndefined();
    const keys = issued();
    expect(ciRequests()).toEqual([
      `200 ${keys[0]!.secretId}`,
      `403 ${keys[0]!.secretId}`,
      `200 ${keys[1]!.secretId}`,
    ]);
    expect(emulator.requests[1]?.code).toBe('AccessDenied');
  });

  it('sends no request, and leaves the retries to the provider, when the role cannot be assumed', async () => {
    let tokens = 0;
    const credentials = roleCredentials(
      { ...role(), stsEndpoint: new URL('http://127.0.0.1:9') },
      {
        getIdToken: async (audience) => (tokens++, getIdToken(audience)),
        sts: { sleep: async () => {} },
      },
    );
    const error = await client(credentials)
      .describeJob(`b${'0'.repeat(32)}`)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SignInError);
    expect((error as Error).message).toContain(
      'STS AssumeRoleWithWebIdentity: connection refused by 127.0.0.1:9',
    );
    expect(tokens).toBe(1);
    expect(emulator.requests).toEqual([]);
  });

  it('sends a refused request again only once, however often the provider offers keys', async () => {
    const stale = { secretId: 'AKIDstatic', secretKey: 'static-key', sessionToken: 'wrong-token' };
    let offered = 0;
    const stubborn: CredentialsProvider = {
      current: async () => stale,
      renewAfterRefusal: async () => (++offered, true),
    };
    const error = await client(stubborn)
      .listJobs({})
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).apiMessage).toMatch(/^InvalidToken/);
    expect(offered).toBe(1);
    expect(emulator.requests).toHaveLength(2);
  });

  it('does not send again with static keys, which cannot be renewed', async () => {
    const error = await client({
      secretId: 'AKIDstatic',
      secretKey: 'static-key',
      sessionToken: 'wrong-token',
    })
      .listJobs({})
      .catch((e: unknown) => e);
    expect((error as ApiError).apiMessage).toMatch(/^InvalidToken/);
    expect(emulator.requests).toHaveLength(1);
  });
});

const RUN_CREDS = { secretId: 'AKIDclient', secretKey: 'client-secret-key' };
const RUN_WID = 'w7476ff3564ee45b7b490d64bccaba6cc';

describe('CiClient: describeExecution and describeMediaJob against the emulator', () => {
  let ci: CiClient;
  const warnings: string[] = [];
  beforeEach(async () => {
    emulator = await startEmulator({
      ...RUN_CREDS,
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
    ci = new CiClient({
      endpoint: new URL(emulator.url),
      credentials: RUN_CREDS,
      logger: { debug: () => {}, warning: (m) => warnings.push(m) },
      sleep: async () => {},
    });
  });
  afterEach(async () => emulator.close());

  async function failedRunId(): Promise<string> {
    const job = await ci.createJob({
      name: 'why',
      workflowId: RUN_WID,
      input: { kind: 'Prefix', value: 'in/' },
    });
    await new Promise((done) => setTimeout(done, 80));
    const page = await ci.listExecutions({ workflowId: RUN_WID, jobId: job.value.jobId, states: ['Failed'] });
    return page.value.executions[0]!.runId;
  }

  it("returns the run's tasks, and the failing task's media job with its code and message", async () => {
    const runId = await failedRunId();
    const execution = (await ci.describeExecution(runId)).value!;
    const failed = execution.tasks!.find((task) => task.state === 'Failed')!;
    expect([failed.type, failed.name]).toEqual(['Snapshot', 'Snapshot_1']);
    const media = await ci.describeMediaJob(failed.jobId);
    expect(media.requestId).not.toBe('');
    expect(media.value).toMatchObject({
      code: 'InvalidSnapshot',
      message: 'No frame at 5 s.',
      state: 'Failed',
    });
    expect((await ci.describeMediaJob('j00000000000000000000000000000000')).value).toBeUndefined();
  });

  it('counts every request against a call budget, retries included, and sends none once it is spent', async () => {
    const runId = await failedRunId();
    const jobId = (await ci.describeExecution(runId)).value!.tasks!.find((t) => t.state === 'Failed')!.jobId;
    const from = emulator.requests.length;
    emulator.addFault({ call: 'media-job', kind: 'truncated', times: 100 });
    const budgeted = ci.withCallBudget(new CallBudget(4, 'reasons'));
    await expect(budgeted.describeMediaJob(jobId)).rejects.toThrow('not the API XML');
    await expect(budgeted.describeMediaJob(jobId)).rejects.toThrow(
      'not sent: the 4 calls set aside for reasons are spent',
    );
    expect(emulator.requests.slice(from).filter((r) => r.call === 'media-job')).toHaveLength(4);
    // The client it came from keeps no count.
    emulator.clearFaults();
    expect((await ci.describeMediaJob(jobId)).value?.code).toBe('InvalidSnapshot');
  });

  it('retries DescribeMediaJob after a 503 and not after AccessDenied', async () => {
    const runId = await failedRunId();
    const jobId = (await ci.describeExecution(runId)).value!.tasks!.find((t) => t.state === 'Failed')!.jobId;
    emulator.addFault({ call: 'media-job', kind: 'status', status: 503, code: 'SlowDown' });
    expect((await ci.describeMediaJob(jobId)).value?.code).toBe('InvalidSnapshot');
    expect(emulator.requests.filter((r) => r.call === 'media-job').map((r) => r.status)).toEqual([503, 200]);

    emulator.setDenied(['media-job']);
    const refused = await ci.describeMediaJob(jobId).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ApiError);
    expect(refused).toMatchObject({ status: 403, code: 'AccessDenied' });
    expect(emulator.requests.filter((r) => r.call === 'media-job')).toHaveLength(3);
  });

  it('sends nothing for an id that is not one path segment of letters and digits', async () => {
    const before = emulator.requests.length;
    await expect(ci.describeMediaJob('../inventorytriggerjob/b1?cancel')).rejects.toThrow(
      'is not letters and digits (1 to 64); not sent',
    );
    await expect(ci.describeMediaJob('')).rejects.toThrow('is not letters and digits');
    await expect(ci.describeExecution('../x')).rejects.toThrow('/workflowexecution/…: the id "../x"');
    await expect(ci.describeJob('b1')).rejects.toThrow('is not b + 32 hex characters; not sent');
    await expect(ci.cancelJob(`${'b'.padEnd(33, '0')}/x`)).rejects.toThrow('is not b + 32 hex characters');
    expect(emulator.requests.length).toBe(before);
  });
});

describe('CiClient after the workflow run is cancelled (the steady client: an answer grace)', () => {
  beforeEach(async () => {
    emulator = await startEmulator({
      ...RUN_CREDS,
      schedule: { queuedMs: 0, runningMs: 50, final: 'Success' },
    });
  });
  afterEach(async () => emulator.close());

  const steady = (signal: AbortSignal, credentials: ClientOptions['credentials'] = RUN_CREDS) =>
    new CiClient({ endpoint: new URL(emulator.url), credentials, logger, signal, answerGraceMs: 2000 });
  const create = { name: 'late', workflowId: RUN_WID, input: { kind: 'Prefix', value: 'in/' } } as const;

  it('sends no create once cancelled, and says nothing went out; a look-up still goes out', async () => {
    const cancel = new AbortController();
    cancel.abort();
    let sent = 0;
    const client = steady(cancel.signal);
    await expect(client.createJob(create, () => sent++)).rejects.toBeInstanceOf(AbortedError);
    expect(sent).toBe(0);
    expect(emulator.requests).toEqual([]);
    await client.listJobs({});
    expect(emulator.requests.map((r) => r.call)).toEqual(['list']);
  });

  it('stops the sign-in of a create at the cancel, rather than send the create after it', async () => {
    const cancel = new AbortController();
    const signingIn: CredentialsProvider = {
      current: (limits) =>
        new Promise((_resolve, reject) =>
          limits?.signal?.addEventListener('abort', () => reject(new AbortedError())),
        ),
      renewAfterRefusal: async () => false,
    };
    const pending = steady(cancel.signal, signingIn).createJob(create);
    setTimeout(() => cancel.abort(), 20);
    await expect(pending).rejects.toBeInstanceOf(AbortedError);
    expect(emulator.requests).toEqual([]);
  });

  it('lets a create sent before the cancel answer within the grace', async () => {
    emulator.addFault({ call: 'create', kind: 'slow', delayMs: 300 });
    const cancel = new AbortController();
    let sent = 0;
    const pending = steady(cancel.signal).createJob(create, () => sent++);
    setTimeout(() => cancel.abort(), 100);
    expect((await pending).value.jobId).toMatch(/^b[0-9a-f]{32}$/);
    expect(sent).toBe(1);
  });
});

describe("CiClient: the runs of a workflow since a time, and the service's clock from its answers", () => {
  afterEach(async () => emulator.close());

  it('lists runs created in a window, and learns from each answer how far ahead the service clock is', async () => {
    // The service's clock two minutes ahead of ours; our clock is the real one here.
    emulator = await startEmulator({ ...RUN_CREDS, clockOffsetMs: 120_000 });
    const clock: ClockCorrection = { offsetMs: 0 };
    const ci = new CiClient({ endpoint: new URL(emulator.url), credentials: RUN_CREDS, logger, clock });
    expect(clock).toEqual({ offsetMs: 0 });
    const before = Date.now();
    await ci.triggerWorkflow({ workflowId: RUN_WID, object: 'a.mp4' });
    const page = await ci.listExecutions({
      workflowId: RUN_WID,
      startCreationTime: '2026-01-01T12:00:00+0800',
      endCreationTime: '2100-01-01T12:00:00+0800',
      order: 'Asc',
    });
    expect(page.value.executions.map((run) => run.object)).toEqual(['a.mp4']);
    expect(emulator.requests.at(-1)?.query).toMatchObject({
      startCreationTime: '2026-01-01T12:00:00+0800',
      endCreationTime: '2100-01-01T12:00:00+0800',
    });
    // The Date header is to the second and a round trip late: up to a second and a bit low, never high.
    expect(clock.answeredOffsetMs).toBeLessThanOrEqual(120_000 + 1);
    expect(clock.answeredOffsetMs).toBeGreaterThan(120_000 - 1000 - (Date.now() - before));
    // Signing keeps to its own correction, learned only from a refused signature.
    expect(clock.offsetMs).toBe(0);
  });
});
