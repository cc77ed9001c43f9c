import { beforeEach, describe, expect, it, jest } from '@jest/globals';
import * as core from '../../__fixtures__/core.js';
import { BASE_INPUTS, resetInputs, inputError } from '../../test-support/action-inputs.js';

jest.unstable_mockModule('@actions/core', () => core);
const { readCommonSettings: getCommonSettings } = await import('../../src/github/common-settings.js');

beforeEach(resetInputs);

describe('common settings', () => {
  it.each([
    ['bucket', { bucket: 'Media_1250000000' }, 'BucketName-APPID'],
    ['region', { region: 'guangzhou' }, 'ap-guangzhou'],
    ['endpoint', { endpoint: 'http://ci.example.com' }, 'loopback'],
    ['endpoint', { endpoint: 'not a url' }, 'https://'],
    ['endpoint', { endpoint: 'https://ci.example.com/base' }, 'no path'],
    ['session-token', { 'session-token': 'line\nbreak' }, 'printable ASCII'],
  ])('refuses a bad %s, saying what was expected', (input, change, expected) => {
    core.setInputs({ ...BASE_INPUTS, ...change });
    const error = inputError(() => getCommonSettings());
    expect(error.input).toBe(input);
    expect(error.message).toContain(expected);
  });

  it('masks the secret key and the session token as soon as they are read', () => {
    core.setInputs({ ...BASE_INPUTS, 'session-token': 'token-123' });
    getCommonSettings();
    expect(core.setSecret).toHaveBeenCalledWith('very-secret-key');
    expect(core.setSecret).toHaveBeenCalledWith('token-123');
  });

  it('takes credentials and region from the TENCENTCLOUD_* variables, inputs winning', () => {
    core.setInputs({ ...BASE_INPUTS, 'secret-id': '', 'secret-key': '', region: '' });
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
    core.setInputs({ ...BASE_INPUTS, 'secret-key': '' });
    expect(getCommonSettings().signIn.keys?.secretId).toBe('AKIDexample');
  });

  it('names both the input and the variable when a credential is missing, never echoing a secret', () => {
    core.setInputs({ ...BASE_INPUTS, 'secret-key': '' });
    const error = inputError(() => getCommonSettings());
    expect(error.input).toBe('secret-key');
    expect(error.message).toContain('TENCENTCLOUD_SECRET_KEY');
  });

  it('accepts http:// only to loopback addresses', () => {
    for (const endpoint of ['http://127.0.0.1:9000', 'http://localhost:1', 'http://[::1]:8080']) {
      core.setInputs({ ...BASE_INPUTS, endpoint });
      expect(getCommonSettings().endpoint.protocol).toBe('http:');
    }
  });

  it.each(['600h', '25h'])('refuses a request-timeout of %s (over 24h, past what a timer holds)', (value) => {
    core.setInputs({ ...BASE_INPUTS, 'request-timeout': value });
    const error = inputError(() => getCommonSettings());
    expect(error.input).toBe('request-timeout');
    expect(error.message).toContain('at most 24h');
  });

  it('accepts a request-timeout of exactly 24h', () => {
    core.setInputs({ ...BASE_INPUTS, 'request-timeout': '24h' });
    expect(getCommonSettings().requestTimeoutMs).toBe(86_400_000);
  });
});

describe('signing in', () => {
  const role = {
    'role-arn': 'qcs::cam::uin/100000000001:roleName/media',
    'oidc-provider-id': 'github',
  };

  it('with role-arn, signs in with the role and reads no key, not even from the environment', () => {
    const { 'secret-id': _id, 'secret-key': _key, ...noKeys } = BASE_INPUTS;
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
    core.setInputs({ ...BASE_INPUTS, ...role });
    const error = inputError(() => getCommonSettings());
    expect(error.input).toBe('role-arn');
    expect(error.message).toContain('secret-id, secret-key');
    expect(error.message).not.toContain('very-secret-key');
  });
});

describe('credential hygiene', () => {
  it('does not echo credentials embedded in an endpoint', () => {
    core.setInputs({ ...BASE_INPUTS, endpoint: 'https://user:hunter2@proxy.example.com/x' });
    const error = inputError(() => getCommonSettings());
    expect(error.input).toBe('endpoint');
    expect(error.message).not.toContain('hunter2');
  });

  it('never echoes a session token it refuses', () => {
    core.setInputs({ ...BASE_INPUTS, 'session-token': 'tok en-SECRET' });
    expect(inputError(() => getCommonSettings()).message).not.toContain('SECRET');
  });

  it('does not pair keys given as inputs with a token an earlier step exported', () => {
    process.env.TENCENTCLOUD_TOKEN = 'stale-token';
    expect(getCommonSettings().signIn.keys?.sessionToken).toBeUndefined();
    core.setInputs({ ...BASE_INPUTS, 'secret-id': '', 'secret-key': '' });
    Object.assign(process.env, { TENCENTCLOUD_SECRET_ID: 'AKIDenv', TENCENTCLOUD_SECRET_KEY: 'env-key' });
    expect(getCommonSettings().signIn.keys?.sessionToken).toBe('stale-token');
  });
});
