/**
 * The role inputs of every step (`role-arn` and the five that go with it): signing in with the
 * workflow's GitHub OIDC token instead of keys. Read, defaulted and checked here, before any request.
 */
import { missingIdToken } from './id-token.js';
import { InputError } from './input-error.js';
import { HEADER_SAFE, readBaseUrl, readDuration, readOptional } from './input-readers.js';
import { DEFAULT_STS_ENDPOINT, type RoleSettings } from '../ci/credentials.js';

export const KEY_INPUTS = ['secret-id', 'secret-key', 'session-token'] as const;
const ROLE_ARN = /^qcs::cam::uin\/\d+:roleName\/[\w+=,.@-]{1,128}$/;
/** CAM's characters for names, which STS also takes for RoleSessionName. */
const CAM_NAME = /^[\w+=,.@-]+$/;
const MAX_SESSION_NAME = 64;

/** Where the run is: for the default session name. */
export interface RunIdentity {
  repository: string;
  runId: string | number;
}

/** `github-<repository>-<run id>`, other characters than `[\w+=,.@-]` as `-`, at most 64. */
export function defaultRoleSessionName(run: RunIdentity): string {
  return `github-${run.repository}-${run.runId}`.replace(/[^\w+=,.@-]/g, '-').slice(0, MAX_SESSION_NAME);
}

/**
 * Undefined without `role-arn`: the step signs with keys. With it, no key is read from inputs or the
 * environment, and a key input given as well is an error rather than a silent choice.
 */
export function readRoleSettings(
  run: RunIdentity,
  env: NodeJS.ProcessEnv = process.env,
): RoleSettings | undefined {
  const roleArn = readOptional('role-arn');
  if (roleArn === undefined) return undefined;
  const keys = KEY_INPUTS.filter((name) => readOptional(name) !== undefined);
  if (keys.length > 0) {
    // The key inputs' values are secrets: only their names are shown.
    throw new InputError('role-arn', 'either role-arn or keys, not both', `role-arn and ${keys.join(', ')}`);
  }
  if (!ROLE_ARN.test(roleArn)) {
    throw new InputError('role-arn', 'a CAM role as qcs::cam::uin/<uin>:roleName/<name>', roleArn);
  }
  const providerId = readOptional('oidc-provider-id');
  if (providerId === undefined) {
    throw new InputError(
      'oidc-provider-id',
      'required with role-arn: the CAM OIDC identity provider (STS ProviderId)',
    );
  }
  if (!CAM_NAME.test(providerId) || providerId.length > 128) {
    throw new InputError(
      'oidc-provider-id',
      'a CAM identity provider name (letters, digits, +=,.@_-)',
      providerId,
    );
  }
  const audience = readOptional('oidc-audience') ?? 'sts.tencentcloudapi.com';
  if (!HEADER_SAFE.test(audience)) {
    throw new InputError('oidc-audience', 'a client id of the OIDC provider, without spaces', audience);
  }
  const roleSessionName = readOptional('role-session-name') ?? defaultRoleSessionName(run);
  if (
    !CAM_NAME.test(roleSessionName) ||
    roleSessionName.length < 2 ||
    roleSessionName.length > MAX_SESSION_NAME
  ) {
    throw new InputError('role-session-name', '2 to 64 letters, digits or +=,.@_-', roleSessionName);
  }
  const durationMs = readDuration('role-duration', '1h');
  // Checked here so that the step fails before any request, saying what the workflow lacks.
  const noIdToken = missingIdToken(env);
  if (noIdToken) {
    throw new InputError('role-arn', `an OIDC token from GitHub, which this job does not get: ${noIdToken}`);
  }
  return {
    roleArn,
    providerId,
    audience,
    roleSessionName,
    durationSeconds: durationMs / 1000,
    stsEndpoint: readBaseUrl('sts-endpoint', DEFAULT_STS_ENDPOINT),
  };
}
