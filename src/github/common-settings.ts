import * as core from '@actions/core';
import { InputError } from './input-error.js';
import {
  HEADER_SAFE,
  readBaseUrl,
  readDuration,
  readOptional,
  readPattern,
  readVerbatim,
} from './input-readers.js';
import { JOB_NAME_PATTERN } from './run-context.js';
import type { RoleSettings } from '../ci/credentials.js';
import type { Credentials } from '../ci/request.js';
import { JOB_ID_PATTERN } from '../ci/types.js';
import { defaultEndpoint } from '../ci/url.js';
import { readRoleSettings } from './role-settings.js';
import { runContext } from './run-context.js';

/** How a step signs its requests: with keys, or with a role it assumes with GitHub's OIDC token. */
export type SignIn = { keys: Credentials; role?: undefined } | { role: RoleSettings; keys?: undefined };

/** What every step needs to reach the API. */
export interface CommonSettings {
  signIn: SignIn;
  /** `BucketName-APPID`. */
  bucket: string;
  region: string;
  /** The API's base URL: the bucket's CI domain, or the `endpoint` override. */
  endpoint: URL;
  /** Time limit of one request, in ms. */
  requestTimeoutMs: number;
}

const BUCKET = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?-\d+$/;
const REGION = /^[a-z]+(?:-[a-z0-9]+)+$/;
const WORKFLOW_ID = /^w[0-9a-f]{32}$/;

export function readCommonSettings(env: NodeJS.ProcessEnv = process.env): CommonSettings {
  const role = readRoleSettings(runContext(), env);
  const signIn: SignIn = role ? { role } : { keys: readCredentials(env) };
  const bucket = readPattern('bucket', BUCKET, 'a bucket as BucketName-APPID, e.g. media-1250000000', true);
  const region = readOptional('region') ?? env.TENCENTCLOUD_REGION?.trim();
  if (!region) {
    throw new InputError('region', 'required: set the input or the environment variable TENCENTCLOUD_REGION');
  }
  if (!REGION.test(region)) throw new InputError('region', 'a region such as ap-guangzhou', region);
  const requestTimeoutMs = readDuration('request-timeout', '30s');
  return { signIn, bucket, region, endpoint: readEndpoint(bucket, region), requestTimeoutMs };
}

function readCredentials(env: NodeJS.ProcessEnv): Credentials {
  // Masked before anything else can print them.
  const keyInput = readOptional('secret-key');
  const secretKey = keyInput ?? env.TENCENTCLOUD_SECRET_KEY?.trim();
  if (secretKey) core.setSecret(secretKey);
  const idInput = readOptional('secret-id');
  // Keys given as inputs win as a set: a token an earlier step exported belongs to other keys.
  const tokenFromEnv = idInput === undefined && keyInput === undefined;
  const sessionToken =
    readOptional('session-token') ??
    (tokenFromEnv
      ? env.TENCENTCLOUD_TOKEN?.trim() || env.TENCENTCLOUD_SECURITY_TOKEN?.trim() || undefined
      : undefined);
  if (sessionToken) core.setSecret(sessionToken);
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
  return readBaseUrl('endpoint', defaultEndpoint(bucket, region).href);
}

/**
 * Refused rather than altered, and not trimmed: a name changed behind the user's back could not be
 * found again.
 */
export function readName(): string | undefined {
  const name = readVerbatim('name');
  if (name !== undefined && !JOB_NAME_PATTERN.test(name)) {
    throw new InputError(
      'name',
      'at most 128 letters, digits, Chinese characters, `-` or `_` (other characters are refused, not replaced)',
      name,
    );
  }
  return name;
}

export function readWorkflowId(): string;
export function readWorkflowId(required: false): string | undefined;
export function readWorkflowId(required = true): string | undefined {
  const expected = 'w followed by 32 hexadecimal characters';
  return required
    ? readPattern('workflow-id', WORKFLOW_ID, expected, true)
    : readPattern('workflow-id', WORKFLOW_ID, expected, false);
}

export function readJobId(required: boolean): string {
  const expected = 'a job id: b followed by 32 hexadecimal characters';
  return (
    (required
      ? readPattern('job-id', JOB_ID_PATTERN, expected, true)
      : readPattern('job-id', JOB_ID_PATTERN, expected, false)) ?? ''
  );
}

export function readPollInterval(): number {
  return readDuration('poll-interval', '10s');
}
