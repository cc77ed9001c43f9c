import { afterAll, beforeAll, expect } from '@jest/globals';
import {
  startEmulator,
  type CallName,
  type Emulator,
  type EmulatorOptions,
  type Fault,
  type JobSchedule,
} from '../emulator/index.js';
import type { StepRun } from './github-runner.js';
import { sdkFetch } from './sdk-client.js';

export const SECRET_ID = 'AKIDe2eKeyId0000000000';
export const SECRET_KEY = 'e2eSecretKey-DO-NOT-PRINT-7f3a9c';
export const SESSION_TOKEN = 'e2eSessionToken-DO-NOT-PRINT-41bd';
export const WORKFLOW_ID = 'w0123456789abcdef0123456789abcdef';
export const BUCKET = 'media-1250000000';

/** One emulator per test file, with short job schedules unless the test says otherwise. */
export function useEmulator(options: Partial<EmulatorOptions> = {}): () => Emulator {
  let emulator: Emulator | undefined;
  beforeAll(async () => {
    emulator = await startEmulator({
      secretId: SECRET_ID,
      secretKey: SECRET_KEY,
      schedule: { queuedMs: 100, runningMs: 400, final: 'Success' },
      ...options,
    });
  });
  afterAll(async () => emulator?.close());
  return () => {
    if (!emulator) throw new Error('the emulator has not started');
    return emulator;
  };
}

/** The inputs every step needs, pointed at the emulator (or a hostile server of the test's own). */
export function commonInputs(service: Pick<Emulator, 'url'>): Record<string, string> {
  return {
    'secret-id': SECRET_ID,
    'secret-key': SECRET_KEY,
    bucket: BUCKET,
    region: 'ap-guangzhou',
    endpoint: service.url,
  };
}

/**
 * Jobs whose input starts with `fails/` end Failed (code WorkflowFailed), `cancelled/` end Cancel and
 * `slow/` run for a minute; `more` adds a test file's own prefixes, looked at first.
 */
export function schedulesByPrefix(
  more: Record<string, JobSchedule> = {},
): NonNullable<EmulatorOptions['scheduleFor']> {
  const schedules: Record<string, JobSchedule> = {
    ...more,
    'fails/': {
      queuedMs: 100,
      runningMs: 300,
      final: 'Failed',
      code: 'WorkflowFailed',
      message: 'node Transcode_1 failed',
    },
    'cancelled/': { queuedMs: 100, runningMs: 300, final: 'Cancel' },
    'slow/': { queuedMs: 100, runningMs: 60_000, final: 'Success' },
  };
  return ({ input }) => {
    const key = Object.values(input)[0] ?? '';
    return Object.entries(schedules).find(([prefix]) => key.startsWith(prefix))?.[1];
  };
}

/** The common inputs with a session token, for an emulator started with `sessionToken: SESSION_TOKEN`. */
export function tokenInputs(emulator: Emulator, extra: Record<string, string>): Record<string, string> {
  return { ...commonInputs(emulator), 'session-token': SESSION_TOKEN, 'workflow-id': WORKFLOW_ID, ...extra };
}

/** The API refusing `call` with 403 AccessDenied, as for keys without the permission `message` names. */
export function accessDenied(call: CallName, message: string, times?: number): Fault {
  return { call, kind: 'status', status: 403, code: 'AccessDenied', message, ...(times ? { times } : {}) };
}

/** The emulator's record of job `id`, if it made one. */
export function jobById(emulator: Emulator, id: string) {
  return emulator.jobs().find((job) => job.id === id);
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Everything a user could see: log, error stream, outputs, state and summary. */
export function everythingShown(run: StepRun): string {
  // The runner consumes ::add-mask:: itself and never shows it; it is how secrets get masked.
  const log = run.stdout
    .split('\n')
    .filter((line) => !line.startsWith('::add-mask::'))
    .join('\n');
  return [log, run.stderr, JSON.stringify(run.outputs), JSON.stringify(run.state), run.summary].join('\n');
}

/** Requests made by the step since `from` (an index into emulator.requests). */
export function requestsSince(emulator: Emulator, from: number) {
  return emulator.requests.slice(from);
}

/** A time as the API writes it, `2026-11-23T08:00:00+0800`. */
export const API_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d{4}$/;

/** Creates a job straight at the emulator, signed by the official SDK, as another workflow would. */
export async function createJobElsewhere(
  emulator: Emulator,
  job: {
    prefix: string;
    name: string;
    workflowId?: string;
    sessionToken?: string;
    /** Signed for this time (ms) rather than now: for an emulator whose clock was moved. */
    signedAt?: number;
  },
): Promise<string> {
  const body =
    `<Request><Name>${job.name}</Name><Type>Workflow</Type><Input><Prefix>${job.prefix}</Prefix></Input>` +
    `<Operation><WorkflowIds>${job.workflowId ?? WORKFLOW_ID}</WorkflowIds></Operation></Request>`;
  const answer = await sdkFetch(emulator.url, {
    secretId: SECRET_ID,
    secretKey: SECRET_KEY,
    method: 'POST',
    path: '/inventorytriggerjob',
    body,
    ...(job.signedAt === undefined
      ? {}
      : { keyTime: `${Math.floor(job.signedAt / 1000) - 1};${Math.floor(job.signedAt / 1000) + 900}` }),
    headers: {
      'content-type': 'application/xml',
      ...(job.sessionToken ? { 'x-ci-security-token': job.sessionToken } : {}),
    },
  });
  const id = /<JobId>(b[0-9a-f]{32})<\/JobId>/.exec(answer.text)?.[1];
  if (answer.status !== 200 || !id) throw new Error(`create failed: ${answer.status} ${answer.text}`);
  return id;
}

/** What the contract (CONTRIBUTING.md) promises a wrong input: one annotation naming it, exit 1, no request sent. */
export function expectOneInputError(
  run: StepRun,
  requestsSent: number,
  input: string,
  expected: string,
): void {
  expect(run.code).toBe(1);
  expect(run.errors).toHaveLength(1);
  expect(run.errors[0]).toContain(`Input '${input}'`);
  expect(run.errors[0]).toContain(expected);
  expect(requestsSent).toBe(0);
}
