import * as actions from './workflow-commands.js';
import { InputError } from './input-error.js';
import {
  readBoolean,
  readChoice,
  readDuration,
  readList,
  readOptional,
  readPattern,
  readRequired,
  readTime,
} from './input-readers.js';
import { defaultJobName, JOB_NAME_PATTERN } from './job-name.js';
import type { Credentials } from '../ci/request.js';
import {
  EXECUTION_STATES,
  JOB_STATES,
  type ExecutionState,
  type JobInput,
  type JobState,
} from '../ci/types.js';

/** What every step needs to reach the API. */
export interface CommonSettings {
  credentials: Credentials;
  /** `BucketName-APPID`. */
  bucket: string;
  region: string;
  /** The API's base URL: the bucket's CI domain, or the `endpoint` override. */
  endpoint: URL;
  /** Time limit of one request, in ms. */
  requestTimeoutMs: number;
}

/** How a step waits for something to end. */
export interface WaitingSettings {
  /** Longest gap between two status checks, in ms. */
  pollIntervalMs: number;
  /** How long to wait in ms; 0 waits until the GitHub job's own limit. */
  timeoutMs: number;
  /** Cancel the job when the wait times out. */
  cancelOnTimeout: boolean;
  /** Cancel the job when the workflow run is cancelled while the step waits. */
  cancelOnAbort: boolean;
  /** Final states that fail the step. */
  failOn: JobState[];
  /** What to do about objects whose workflow runs failed. */
  objectFailures: 'fail' | 'warn' | 'ignore';
}

export interface MainSettings extends CommonSettings, WaitingSettings {
  workflowId: string;
  input: JobInput;
  /** Upload-time window. */
  window: { start?: Date; end?: Date };
  name: string;
  wait: boolean;
  dryRun: boolean;
}

export interface WaitSettings extends CommonSettings, WaitingSettings {
  jobId: string;
}

export interface CancelSettings extends CommonSettings {
  jobId: string;
}

export interface ListSettings extends CommonSettings {
  states: JobState[];
  workflowId?: string;
  name?: string;
  jobId?: string;
  /** Creation-time window. */
  since?: Date;
  until?: Date;
  order: 'Desc' | 'Asc';
  limit: number;
}

export interface TriggerSettings extends CommonSettings {
  workflowId: string;
  object: string;
  name?: string;
  wait: boolean;
  pollIntervalMs: number;
  timeoutMs: number;
  failOn: ExecutionState[];
}

const BUCKET = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?-\d+$/;
const REGION = /^[a-z]+(?:-[a-z0-9]+)+$/;
const WORKFLOW_ID = /^w[0-9a-f]{32}$/;
const JOB_ID = /^b[0-9a-f]{32}$/;
const HEADER_SAFE = /^[\x21-\x7e]+$/;
const LOOPBACK = /^(?:127(?:\.\d{1,3}){3}|localhost|\[::1\])$/;

export function getCommonSettings(env: NodeJS.ProcessEnv = process.env): CommonSettings {
  const credentials = readCredentials(env);
  const bucket = readPattern('bucket', BUCKET, 'a bucket as BucketName-APPID, e.g. media-1250000000', true);
  const region = readOptional('region') ?? env.TENCENTCLOUD_REGION?.trim();
  if (!region) {
    throw new InputError('region', 'required: set the input or the environment variable TENCENTCLOUD_REGION');
  }
  if (!REGION.test(region)) throw new InputError('region', 'a region such as ap-guangzhou', region);
  const requestTimeoutMs = readDuration('request-timeout', '30s');
  if (requestTimeoutMs <= 0) {
    throw new InputError('request-timeout', 'a duration above zero', readOptional('request-timeout'));
  }
  return { credentials, bucket, region, endpoint: readEndpoint(bucket, region), requestTimeoutMs };
}

export function getMainSettings(now = new Date()): MainSettings {
  const common = getCommonSettings();
  const workflowId = readWorkflowId();
  const input = readJobInput();
  const window = { start: readTime('start-time', now), end: readTime('end-time', now) };
  if (window.start && window.end && window.start > window.end) {
    throw new InputError(
      'start-time',
      `a time before end-time (${window.end.toISOString()})`,
      readOptional('start-time'),
    );
  }
  const name = readName() ?? defaultJobName(process.env);
  return {
    ...common,
    ...readWaiting(true),
    workflowId,
    input,
    window,
    name,
    wait: readBoolean('wait', true),
    dryRun: readBoolean('dry-run', false),
  };
}

export function getWaitSettings(): WaitSettings {
  return { ...getCommonSettings(), ...readWaiting(false), jobId: readJobId(true) };
}

export function getCancelSettings(): CancelSettings {
  return { ...getCommonSettings(), jobId: readJobId(true) };
}

export function getListSettings(now = new Date()): ListSettings {
  const common = getCommonSettings();
  const limitText = readOptional('limit') ?? '100';
  const limit = Number(limitText);
  if (!/^\d+$/.test(limitText) || limit < 1)
    throw new InputError('limit', 'a whole number of 1 or more', limitText);
  const since = readTime('since', now);
  const until = readTime('until', now);
  if (since && until && since > until) {
    throw new InputError('since', `a time before until (${until.toISOString()})`, readOptional('since'));
  }
  return {
    ...common,
    // `All` is the API's own word for no filter.
    states: /^all$/i.test(readOptional('states') ?? '') ? [] : readList('states', JOB_STATES, 'none'),
    workflowId: readPattern('workflow-id', WORKFLOW_ID, 'w followed by 32 hexadecimal characters', false),
    name: readOptional('name'),
    jobId: readJobId(false),
    since,
    until,
    order: readChoice('order', ['desc', 'asc'] as const, 'desc') === 'asc' ? 'Asc' : 'Desc',
    limit,
  };
}

export function getTriggerSettings(): TriggerSettings {
  const common = getCommonSettings();
  return {
    ...common,
    workflowId: readWorkflowId(),
    object: readRequired('object', 'the key of the object to process'),
    name: readName(),
    wait: readBoolean('wait', true),
    pollIntervalMs: readPollInterval(),
    timeoutMs: readDuration('timeout', '1h'),
    failOn: readList('fail-on', EXECUTION_STATES, 'Failed,Cancel'),
  };
}

function readCredentials(env: NodeJS.ProcessEnv): Credentials {
  // Masked before anything else can print them.
  const keyInput = readOptional('secret-key');
  const secretKey = keyInput ?? env.TENCENTCLOUD_SECRET_KEY?.trim();
  if (secretKey) actions.setSecret(secretKey);
  const idInput = readOptional('secret-id');
  // Keys given as inputs win as a set: a token an earlier step exported belongs to other keys.
  const tokenFromEnv = idInput === undefined && keyInput === undefined;
  const sessionToken =
    readOptional('session-token') ??
    (tokenFromEnv
      ? env.TENCENTCLOUD_TOKEN?.trim() || env.TENCENTCLOUD_SECURITY_TOKEN?.trim() || undefined
      : undefined);
  if (sessionToken) actions.setSecret(sessionToken);
  const secretId = idInput ?? env.TENCENTCLOUD_SECRET_ID?.trim();
  if (!secretId) {
    throw new InputError(
      'secret-id',
      'required: set the input or the environment variable TENCENTCLOUD_SECRET_ID',
    );
  }
  if (!secretKey) {
    throw new InputError(
      'secret-key',
      'required: set the input or the environment variable TENCENTCLOUD_SECRET_KEY',
    );
  }
  // Sent in a header: anything else would fail every request instead of naming the input.
  if (sessionToken && !HEADER_SAFE.test(sessionToken)) {
    throw new InputError(
      'session-token',
      'printable ASCII characters without spaces (the value is not shown)',
    );
  }
  if (!HEADER_SAFE.test(secretId)) {
    throw new InputError('secret-id', 'printable ASCII characters without spaces', secretId);
  }
  return { secretId, secretKey, sessionToken };
}

function readEndpoint(bucket: string, region: string): URL {
  const text = readOptional('endpoint');
  if (text === undefined) return new URL(`https://${bucket}.ci.${region}.myqcloud.com`);
  const expected =
    'an https:// base URL with no path, query or credentials (http:// only to a loopback address such as 127.0.0.1)';
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new InputError('endpoint', expected, text);
  }
  // Credentials in the URL are not echoed back.
  const shown = url.username || url.password ? `${url.protocol}//…@${url.host}${url.pathname}` : text;
  const secure = url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.test(url.hostname));
  const bare = url.pathname === '/' && !url.search && !url.hash && !url.username && !url.password;
  if (!secure || !bare) throw new InputError('endpoint', expected, shown);
  return url;
}

/** Refused rather than altered: a name changed behind the user's back could not be found again. */
function readName(): string | undefined {
  return readPattern(
    'name',
    JOB_NAME_PATTERN,
    'at most 128 letters, digits, Chinese characters, `-` or `_` (other characters are refused, not replaced)',
    false,
  );
}

function readWorkflowId(): string {
  return readPattern('workflow-id', WORKFLOW_ID, 'w followed by 32 hexadecimal characters', true);
}

function readJobId(required: boolean): string {
  const expected = 'a job id: b followed by 32 hexadecimal characters';
  return (
    (required
      ? readPattern('job-id', JOB_ID, expected, true)
      : readPattern('job-id', JOB_ID, expected, false)) ?? ''
  );
}

function readJobInput(): JobInput {
  const given = (
    [
      ['object', 'Object'],
      ['prefix', 'Prefix'],
      ['manifest', 'Manifest'],
      ['url-file', 'UrlFile'],
    ] as const
  )
    .map(([name, kind]) => ({ name, kind, value: readOptional(name) }))
    .filter((entry) => entry.value !== undefined);
  if (given.length !== 1 || !given[0]) {
    throw new InputError(
      given[0]?.name ?? 'object',
      'exactly one of object, prefix, manifest, url-file',
      given.length === 0 ? 'none' : given.map((entry) => entry.name).join(' and '),
    );
  }
  return { kind: given[0].kind, value: given[0].value as string };
}

function readPollInterval(): number {
  const ms = readDuration('poll-interval', '10s');
  if (ms <= 0) throw new InputError('poll-interval', 'a duration above zero', readOptional('poll-interval'));
  return ms;
}

function readWaiting(cancelOnAbortByDefault: boolean): WaitingSettings {
  return {
    pollIntervalMs: readPollInterval(),
    timeoutMs: readDuration('timeout', '1h'),
    cancelOnTimeout: readBoolean('cancel-on-timeout', false),
    cancelOnAbort: readBoolean('cancel-on-abort', cancelOnAbortByDefault),
    failOn: readList('fail-on', JOB_STATES, 'Failed,Cancel'),
    objectFailures: readChoice('object-failures', ['fail', 'warn', 'ignore'] as const, 'fail'),
  };
}
