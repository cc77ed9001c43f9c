import { InputError } from '../../src/github/input-error.js';
import { defaultRoleSessionName, readRoleSettings } from '../../src/github/role-settings.js';

const ROLE_ARN = 'qcs::cam::uin/100000000001:roleName/media-reprocess';
const RUN = { repository: 'octo-org/media-site', runId: '1658821493' };
const OIDC_ENV = {
  ACTIONS_ID_TOKEN_REQUEST_URL: 'https://pipelines.example/idtoken?api-version=2.0',
  ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'request-token',
};
const INPUTS = [
  'role-arn',
  'oidc-provider-id',
  'oidc-audience',
  'role-session-name',
  'role-duration',
  'sts-endpoint',
  'secret-id',
  'secret-key',
  'session-token',
];

/** Inputs as the runner passes them: `INPUT_<NAME>` variables. */
function setInputs(inputs: Record<string, string>): void {
  for (const name of INPUTS) delete process.env[`INPUT_${name.toUpperCase()}`];
  for (const [name, value] of Object.entries(inputs)) process.env[`INPUT_${name.toUpperCase()}`] = value;
}
afterAll(() => setInputs({}));

function inputError(inputs: Record<string, string>, env: NodeJS.ProcessEnv = OIDC_ENV): InputError {
  setInputs(inputs);
  try {
    readRoleSettings(RUN, env);
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('no InputError thrown');
}

const role = { 'role-arn': ROLE_ARN, 'oidc-provider-id': 'github' };

describe('role settings', () => {
  it('are absent without role-arn: the step signs with keys', () => {
    setInputs({ 'secret-id': 'AKIDx', 'oidc-provider-id': 'github' });
    expect(readRoleSettings(RUN, OIDC_ENV)).toBeUndefined();
  });

  it('take the defaults the action.yml files give', () => {
    setInputs(role);
    const settings = readRoleSettings(RUN, OIDC_ENV);
    expect(settings).toEqual({
      roleArn: ROLE_ARN,
      providerId: 'github',
      audience: 'sts.tencentcloudapi.com',
      roleSessionName: 'github-octo-org-media-site-1658821493',
      durationSeconds: 3600,
      stsEndpoint: new URL('https://sts.tencentcloudapi.com'),
    });
  });

  it('read every input given', () => {
    setInputs({
      ...role,
      'oidc-audience': 'my-client-id',
      'role-session-name': 'nightly@media',
      'role-duration': '2h30m',
      'sts-endpoint': 'https://sts.intl.tencentcloudapi.com',
    });
    expect(readRoleSettings(RUN, OIDC_ENV)).toMatchObject({
      audience: 'my-client-id',
      roleSessionName: 'nightly@media',
      durationSeconds: 9000,
      stsEndpoint: new URL('https://sts.intl.tencentcloudapi.com'),
    });
  });

  it('default the session name to the repository and run, cleaned and cut to 64', () => {
    expect(defaultRoleSessionName({ repository: 'org/répo name', runId: 7 })).toBe('github-org-r-po-name-7');
    const long = defaultRoleSessionName({ repository: `org/${'x'.repeat(80)}`, runId: 1 });
    expect(long).toHaveLength(64);
    expect(long).toMatch(/^github-org-x+$/);
  });

  it('allow http:// to STS only on loopback', () => {
    setInputs({ ...role, 'sts-endpoint': 'http://127.0.0.1:9461' });
    expect(readRoleSettings(RUN, OIDC_ENV)?.stsEndpoint.href).toBe('http://127.0.0.1:9461/');
    const error = inputError({ ...role, 'sts-endpoint': 'http://sts.tencentcloudapi.com' });
    expect(error.message).toBe(
      "Input 'sts-endpoint': expected an https:// base URL with no path, query or credentials (http:// only to a loopback address such as 127.0.0.1), got 'http://sts.tencentcloudapi.com'.",
    );
  });

  it.each(['secret-id', 'secret-key', 'session-token'])(
    'refuse role-arn with %s, without showing its value',
    (key) => {
      const error = inputError({ ...role, [key]: 'do-not-show-me' });
      expect(error.message).toBe(
        `Input 'role-arn': expected either role-arn or keys, not both, got 'role-arn and ${key}'.`,
      );
      expect(error.message).not.toContain('do-not-show-me');
    },
  );

  it('ignore keys in the environment: with a role, none is read', () => {
    setInputs(role);
    const env = { ...OIDC_ENV, TENCENTCLOUD_SECRET_ID: 'AKIDenv', TENCENTCLOUD_SECRET_KEY: 'env-key' };
    expect(readRoleSettings(RUN, env)?.roleArn).toBe(ROLE_ARN);
  });

  it('say to add permissions: id-token: write when GitHub gives the job no OIDC token', () => {
    const error = inputError(role, {});
    expect(error.input).toBe('role-arn');
    expect(error.message).toContain('add `permissions: id-token: write`');
    expect(error.message).toContain('the job has no ACTIONS_ID_TOKEN_REQUEST_URL');
  });

  it('name only the variable the job lacks, never the token URL it has', () => {
    const error = inputError(role, { ACTIONS_ID_TOKEN_REQUEST_URL: OIDC_ENV.ACTIONS_ID_TOKEN_REQUEST_URL });
    expect(error.message).toContain('add `permissions: id-token: write`');
    expect(error.message).toContain('the job has no ACTIONS_ID_TOKEN_REQUEST_TOKEN');
    expect(error.message).not.toContain('ACTIONS_ID_TOKEN_REQUEST_URL');
    expect(error.message).not.toContain('pipelines.example');
  });

  it.each([
    [{ 'role-arn': 'arn:aws:iam::123:role/x', 'oidc-provider-id': 'github' }, 'role-arn'],
    [{ 'role-arn': ROLE_ARN }, 'oidc-provider-id'],
    [{ ...role, 'oidc-provider-id': 'git hub' }, 'oidc-provider-id'],
    [{ ...role, 'oidc-audience': 'a b' }, 'oidc-audience'],
    [{ ...role, 'role-session-name': 'a/b' }, 'role-session-name'],
    [{ ...role, 'role-session-name': 'x'.repeat(65) }, 'role-session-name'],
    [{ ...role, 'role-duration': '14m' }, 'role-duration'],
    [{ ...role, 'role-duration': '13h' }, 'role-duration'],
    [{ ...role, 'role-duration': '20m500ms' }, 'role-duration'],
    [{ ...role, 'role-duration': 'soon' }, 'role-duration'],
    [{ ...role, 'sts-endpoint': 'https://sts.tencentcloudapi.com/v3' }, 'sts-endpoint'],
  ])('refuse %j naming %s', (inputs, input) => {
    expect(inputError(inputs).input).toBe(input);
  });
});
