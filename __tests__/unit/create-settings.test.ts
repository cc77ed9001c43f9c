import { beforeEach, describe, expect, it, jest } from '@jest/globals';
import * as core from '../../__fixtures__/core.js';

jest.unstable_mockModule('@actions/core', () => core);
// @actions/github reads the run's context from the environment once, when it is imported.
Object.assign(process.env, {
  GITHUB_REPOSITORY: 'octo-org/media.site',
  GITHUB_RUN_ID: '42',
  GITHUB_RUN_ATTEMPT: '2',
  GITHUB_JOB: 'transcode',
});
const { readMainSettings: getMainSettings } = await import('../../src/actions/create/settings.js');
const { readListSettings: getListSettings } = await import('../../src/actions/list/settings.js');
const { readTriggerSettings } = await import('../../src/actions/trigger-workflow/settings.js');
const { readCommonSettings: getCommonSettings } = await import('../../src/github/common-settings.js');
const { InputError } = await import('../../src/github/input-error.js');

const WORKFLOW = 'w' + 'a1'.repeat(16);
const base = {
  'secret-id': 'AKIDexample',
  'secret-key': 'very-secret-key',
  bucket: 'media-1250000000',
  region: 'ap-guangzhou',
  'workflow-id': WORKFLOW,
  prefix: 'videos/',
};
const NOW = new Date('2026-11-23T12:00:00Z');

function inputError(fn: () => unknown): InstanceType<typeof InputError> {
  try {
    fn();
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('no InputError thrown');
}

beforeEach(() => {
  core.setInputs(base);
  jest.clearAllMocks();
  delete process.env.TENCENTCLOUD_SECRET_ID;
  delete process.env.TENCENTCLOUD_SECRET_KEY;
  delete process.env.TENCENTCLOUD_TOKEN;
  delete process.env.TENCENTCLOUD_SECURITY_TOKEN;
  delete process.env.TENCENTCLOUD_REGION;
});

describe('main step settings', () => {
  it('reads every input into typed settings with the contract defaults', () => {
    const settings = getMainSettings(NOW);
    expect(settings).toMatchObject({
      bucket: 'media-1250000000',
      region: 'ap-guangzhou',
      workflowId: WORKFLOW,
      input: { kind: 'Prefix', value: 'videos/' },
      wait: true,
      pollIntervalMs: 10_000,
      timeoutMs: 3_600_000,
      cancelOnTimeout: false,
      cancelOnAbort: true,
      failOn: ['Failed', 'Cancel'],
      objectFailures: 'fail',
      dryRun: false,
    });
    expect(settings.endpoint.href).toBe('https://media-1250000000.ci.ap-guangzhou.myqcloud.com/');
  });

  it('masks the secret key and the session token as soon as they are read', () => {
    core.setInputs({ ...base, 'session-token': 'token-123' });
    getMainSettings(NOW);
    expect(core.setSecret).toHaveBeenCalledWith('very-secret-key');
    expect(core.setSecret).toHaveBeenCalledWith('token-123');
  });

  it('takes credentials and region from the TENCENTCLOUD_* variables, inputs winning', () => {
    core.setInputs({ ...base, 'secret-id': '', 'secret-key': '', region: '' });
    Object.assign(process.env, {
      TENCENTCLOUD_SECRET_ID: 'AKIDenv',
      TENCENTCLOUD_SECRET_KEY: 'env-key',
      TENCENTCLOUD_SECURITY_TOKEN: 'env-token',
      TENCENTCLOUD_REGION: 'ap-beijing',
    });
    expect(getCommonSettings()).toMatchObject({
      signIn: { keys: { secretId: 'AKIDenv', secretKey: 'env-key', sessionToken: 'env-token' } },
      region: 'ap-beijing',
    });
    core.setInputs({ ...base, 'secret-key': '' });
    expect(getCommonSettings().signIn.keys?.secretId).toBe('AKIDexample');
  });

  it('names both the input and the variable when a credential is missing, never echoing a secret', () => {
    core.setInputs({ ...base, 'secret-key': '' });
    const error = inputError(() => getMainSettings(NOW));
    expect(error.input).toBe('secret-key');
    expect(error.message).toContain('TENCENTCLOUD_SECRET_KEY');
  });

  it.each([
    ['bucket', { bucket: 'Media_1250000000' }, 'BucketName-APPID'],
    ['region', { region: 'guangzhou' }, 'ap-guangzhou'],
    ['workflow-id', { 'workflow-id': 'w123' }, '32 hexadecimal'],
    ['object', { prefix: '' }, 'exactly one of'],
    ['object', { object: 'a.mp4' }, 'exactly one of'],
    ['name', { name: 'has space' }, 'letters, digits'],
    ['name', { name: 'n'.repeat(129) }, 'at most 128'],
    ['start-time', { 'start-time': 'yesterday' }, 'a time such as'],
    ['start-time', { 'start-time': '-1h', 'end-time': '-2h' }, 'before end-time'],
    ['start-time', { 'start-time': '-99999999d' }, 'from 2000-01-01T00:00:00Z to 2100-01-01T00:00:00Z'],
    ['end-time', { 'end-time': '2999-01-01T00:00:00Z' }, 'from 2000-01-01T00:00:00Z to 2100'],
    ['timeout', { timeout: '5 minutes' }, 'a duration'],
    ['poll-interval', { 'poll-interval': '0' }, 'above zero'],
    ['wait', { wait: 'yes' }, '`true` or `false`'],
    ['fail-on', { 'fail-on': 'Failed,Broken' }, 'comma-separated list'],
    ['object-failures', { 'object-failures': 'skip' }, 'fail, warn, ignore'],
    ['endpoint', { endpoint: 'http://ci.example.com' }, 'loopback'],
    ['endpoint', { endpoint: 'not a url' }, 'https://'],
    ['endpoint', { endpoint: 'https://ci.example.com/base' }, 'no path'],
    ['session-token', { 'session-token': 'line\nbreak' }, 'printable ASCII'],
  ])('refuses a bad %s, saying what was expected', (input, change, expected) => {
    core.setInputs({ ...base, ...change });
    const error = inputError(() => getMainSettings(NOW));
    expect(error.input).toBe(input);
    expect(error.message).toContain(expected);
  });

  it('accepts http:// only to loopback addresses', () => {
    for (const endpoint of ['http://127.0.0.1:9000', 'http://localhost:1', 'http://[::1]:8080']) {
      core.setInputs({ ...base, endpoint });
      expect(getMainSettings(NOW).endpoint.protocol).toBe('http:');
    }
  });

  it('sends the time window in the API form', () => {
    core.setInputs({ ...base, 'start-time': '-24h', 'end-time': '2026-11-23T08:00:00+08:00' });
    const { window } = getMainSettings(NOW);
    expect(window.start?.toISOString()).toBe('2026-11-22T12:00:00.000Z');
    expect(window.end?.toISOString()).toBe('2026-11-23T00:00:00.000Z');
  });

  it('derives a default name from the run context: repository, run, attempt, job and a random tail', () => {
    expect(getMainSettings(NOW).name).toMatch(/^octo-org-media-site-42-2-transcode-[0-9a-f]{6}$/);
  });

  it('takes object keys, prefixes and names as given, spaces and all', () => {
    core.setInputs({ ...base, prefix: '', object: '  clip.mp4  ' });
    expect(getMainSettings(NOW).input).toEqual({ kind: 'Object', value: '  clip.mp4  ' });
    core.setInputs({ ...base, prefix: ' videos/ ' });
    expect(getMainSettings(NOW).input.value).toBe(' videos/ ');
    core.setInputs({ ...base, name: ' nightly ' });
    expect(inputError(() => getMainSettings(NOW)).input).toBe('name');
    core.setInputs({ ...base, object: ' a b.mp4 ' });
    expect(readTriggerSettings().object).toBe(' a b.mp4 ');
  });

  it.each(['600h', '25h'])('refuses a request-timeout of %s (over 24h, past what a timer holds)', (value) => {
    core.setInputs({ ...base, 'request-timeout': value });
    const error = inputError(() => getMainSettings(NOW));
    expect(error.input).toBe('request-timeout');
    expect(error.message).toContain('at most 24h');
  });

  it('refuses a poll-interval over 24h, which no timer could hold', () => {
    core.setInputs({ ...base, 'poll-interval': '25h' });
    expect(inputError(() => getMainSettings(NOW)).message).toContain('at most 24h');
  });

  it('accepts a request-timeout of exactly 24h', () => {
    core.setInputs({ ...base, 'request-timeout': '24h' });
    expect(getCommonSettings().requestTimeoutMs).toBe(86_400_000);
  });

  it('accepts fail-on none and states in any case', () => {
    core.setInputs({ ...base, 'fail-on': 'none' });
    expect(getMainSettings(NOW).failOn).toEqual([]);
    core.setInputs({ ...base, 'fail-on': 'failed, SUCCESS' });
    expect(getMainSettings(NOW).failOn).toEqual(['Failed', 'Success']);
  });
});

describe('list settings', () => {
  it.each(['10.5', '0', '1001'])('refuses a limit of %s: a whole number from 1 to 1000', (limit) => {
    core.setInputs({ ...base, limit });
    const error = inputError(() => getListSettings(NOW));
    expect(error.input).toBe('limit');
    expect(error.message).toContain('from 1 to 1000');
  });

  it('refuses a since before 2000, naming the input and the range', () => {
    core.setInputs({ ...base, since: '-99999999d' });
    const error = inputError(() => getListSettings(NOW));
    expect(error.input).toBe('since');
    expect(error.message).toBe(
      "Input 'since': expected a time from 2000-01-01T00:00:00Z to 2100-01-01T00:00:00Z, got '-99999999d'.",
    );
  });

  it('maps order to the API words', () => {
    core.setInputs({ ...base, order: 'asc' });
    expect(getListSettings(NOW).order).toBe('Asc');
  });
});

describe('signing in', () => {
  const role = {
    'role-arn': 'qcs::cam::uin/100000000001:roleName/media',
    'oidc-provider-id': 'github',
  };

  it('with role-arn, signs in with the role and reads no key, not even from the environment', () => {
    const { 'secret-id': _id, 'secret-key': _key, ...noKeys } = base;
    core.setInputs({ ...noKeys, ...role });
    Object.assign(process.env, {
      TENCENTCLOUD_SECRET_ID: 'AKIDenv',
      TENCENTCLOUD_SECRET_KEY: 'env-key',
      ACTIONS_ID_TOKEN_REQUEST_URL: 'http://127.0.0.1:1/token',
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'bearer',
    });
    const { signIn } = getCommonSettings();
    expect(signIn.keys).toBeUndefined();
    expect(signIn.role).toMatchObject({
      roleArn: role['role-arn'],
      providerId: 'github',
      durationSeconds: 3600,
    });
    expect(core.setSecret).not.toHaveBeenCalledWith('env-key');
  });

  it('refuses role-arn given with a key, naming only the inputs', () => {
    core.setInputs({ ...base, ...role });
    const error = inputError(() => getCommonSettings());
    expect(error.input).toBe('role-arn');
    expect(error.message).toContain('secret-id, secret-key');
    expect(error.message).not.toContain('very-secret-key');
  });
});

describe('credential hygiene', () => {
  it('does not echo credentials embedded in an endpoint', () => {
    core.setInputs({ ...base, endpoint: 'https://user:hunter2@proxy.example.com/x' });
    const error = inputError(() => getMainSettings(NOW));
    expect(error.input).toBe('endpoint');
    expect(error.message).not.toContain('hunter2');
  });

  it('never echoes a session token it refuses', () => {
    core.setInputs({ ...base, 'session-token': 'tok en-SECRET' });
    expect(inputError(() => getMainSettings(NOW)).message).not.toContain('SECRET');
  });

  it('does not pair keys given as inputs with a token an earlier step exported', () => {
    process.env.TENCENTCLOUD_TOKEN = 'stale-token';
    expect(getCommonSettings().signIn.keys?.sessionToken).toBeUndefined();
    core.setInputs({ ...base, 'secret-id': '', 'secret-key': '' });
    Object.assign(process.env, { TENCENTCLOUD_SECRET_ID: 'AKIDenv', TENCENTCLOUD_SECRET_KEY: 'env-key' });
    expect(getCommonSettings().signIn.keys?.sessionToken).toBe('stale-token');
  });
});
