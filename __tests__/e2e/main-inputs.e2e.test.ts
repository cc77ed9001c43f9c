import { describe, expect, it } from '@jest/globals';
import { runStep } from '../../test-support/github-runner.js';
import {
  everythingShown,
  SECRET_ID,
  SECRET_KEY,
  SESSION_TOKEN,
  tokenInputs,
  useEmulator,
} from '../../test-support/e2e-fixtures.js';

const emulator = useEmulator({ sessionToken: SESSION_TOKEN });

function inputs(extra: Record<string, string>) {
  return {
    ...tokenInputs(emulator(), {}),
    prefix: 'videos/',
    'poll-interval': '1s',
    ...extra,
  };
}

describe('a wrong input', () => {
  it.each([
    ['bucket', { bucket: '' }, 'required'],
    ['bucket', { bucket: 'media' }, 'BucketName-APPID'],
    ['region', { region: '' }, 'TENCENTCLOUD_REGION'],
    ['region', { region: 'Guangzhou!' }, 'a region such as ap-guangzhou'],
    ['workflow-id', { 'workflow-id': '' }, 'required'],
    ['workflow-id', { 'workflow-id': 'w0123' }, 'w followed by 32 hexadecimal characters'],
    ['object', { prefix: '' }, 'exactly one of object, prefix, manifest, url-file; none was given'],
    ['object', { object: 'a.mp4', manifest: 'inv/manifest.json' }, 'exactly one of'],
    ['name', { name: 'nightly run' }, 'letters, digits'],
    ['name', { name: 'x'.repeat(129) }, 'at most 128'],
    ['start-time', { 'start-time': '2026-13-01T00:00:00Z' }, 'a time such as'],
    ['end-time', { 'end-time': 'tomorrow' }, 'a time such as'],
    [
      'start-time',
      { 'start-time': '-1h', 'end-time': '-2h' },
      "a time before end-time, but start-time '-1h' (",
    ],
    [
      'start-time',
      { 'start-time': '-99999999d' },
      'a time from 2000-01-01T00:00:00Z to 2100-01-01T00:00:00Z',
    ],
    ['end-time', { 'end-time': '2101-01-01T00:00:00Z' }, 'a time from 2000-01-01T00:00:00Z to 2100'],
    ['poll-interval', { 'poll-interval': 'often' }, 'a duration such as'],
    ['timeout', { timeout: '-5m' }, 'a duration such as'],
    ['wait', { wait: 'yes' }, '`true` or `false`'],
    ['dry-run', { 'dry-run': '1' }, '`true` or `false`'],
    ['fail-on', { 'fail-on': 'Failed,Exploded' }, 'a comma-separated list of'],
    ['object-failures', { 'object-failures': 'skip' }, 'one of fail, warn, ignore'],
    ['endpoint', { endpoint: 'http://ci.example.com:9000' }, 'http:// only to a loopback address'],
    ['endpoint', { endpoint: 'ftp://127.0.0.1' }, 'an https:// base URL'],
    ['secret-id', { 'secret-id': '' }, 'TENCENTCLOUD_SECRET_ID'],
    ['secret-key', { 'secret-key': '' }, 'TENCENTCLOUD_SECRET_KEY'],
  ])('%s (%j) gets one error that names it, exit 1, and no request', async (input, change, expected) => {
    const before = emulator().requests.length;
    const run = await runStep({ inputs: inputs(change) });
    expect(run.code).toBe(1);
    expect(run.errors).toHaveLength(1);
    expect(run.errors[0]).toContain(`Input '${input}'`);
    expect(run.errors[0]).toContain(expected);
    expect(emulator().requests.length).toBe(before);
    expect(run.stdout + run.stderr).not.toMatch(/\n\s+at |Error: /);
    expect(everythingShown(run)).not.toContain(SECRET_KEY);
    expect(everythingShown(run)).not.toContain(SESSION_TOKEN);
  });
});

describe('a start-time in the future', () => {
  it('gets a warning naming start-time; the job is still made', async () => {
    const run = await runStep({ inputs: inputs({ 'start-time': '2099-01-01T00:00:00Z', wait: 'false' }) });
    expect(run.code).toBe(0);
    expect(run.warnings).toEqual([
      "Input 'start-time': start-time '2099-01-01T00:00:00Z' (2099-01-01T00:00:00Z) is in the future: " +
        'the job runs over the objects already uploaded, so it will match none.',
    ]);
    expect(run.outputs['job-id']).toMatch(/^b/);
  });
});

describe('credentials', () => {
  it('come from the TENCENTCLOUD_* variables when the inputs are empty, the token as x-ci-security-token', async () => {
    const before = emulator().requests.length;
    const run = await runStep({
      inputs: inputs({ 'secret-id': '', 'secret-key': '', 'session-token': '', region: '', wait: 'false' }),
      env: {
        TENCENTCLOUD_SECRET_ID: SECRET_ID,
        TENCENTCLOUD_SECRET_KEY: SECRET_KEY,
        TENCENTCLOUD_SECURITY_TOKEN: SESSION_TOKEN,
        TENCENTCLOUD_REGION: 'ap-guangzhou',
      },
    });
    expect(run.errors).toEqual([]);
    expect(run.outputs['job-id']).toMatch(/^b/);
    const [create] = emulator().requests.slice(before);
    expect(create?.headers['x-ci-security-token']).toBe(SESSION_TOKEN);
  });

  it('prefer TENCENTCLOUD_TOKEN to TENCENTCLOUD_SECURITY_TOKEN, and keys given as inputs to both', async () => {
    const keysFromEnv = { TENCENTCLOUD_SECRET_ID: SECRET_ID, TENCENTCLOUD_SECRET_KEY: SECRET_KEY };
    const viaToken = await runStep({
      inputs: inputs({ 'secret-id': '', 'secret-key': '', 'session-token': '', wait: 'false' }),
      env: { ...keysFromEnv, TENCENTCLOUD_TOKEN: SESSION_TOKEN, TENCENTCLOUD_SECURITY_TOKEN: 'stale-token' },
    });
    expect(viaToken.errors).toEqual([]);
    const inputWins = await runStep({
      inputs: inputs({ wait: 'false' }),
      env: { TENCENTCLOUD_TOKEN: 'stale-token', TENCENTCLOUD_SECRET_KEY: 'wrong-key' },
    });
    expect(inputWins.errors).toEqual([]);
  });

  it('without the session token the service refuses, and the error carries its code and request id', async () => {
    const before = emulator().requests.length;
    const run = await runStep({ inputs: inputs({ 'session-token': '' }) });
    expect(run.code).toBe(1);
    const refused = emulator().requests.slice(before);
    expect(refused).toHaveLength(1);
    expect(run.errors).toHaveLength(1);
    expect(run.errors[0]).toContain('AccessDenied');
    expect(run.errors[0]).toContain(refused[0]?.requestId);
    expect(run.outputs['job-id']).toBeUndefined();
  });

  it('a wrong key fails once with SignatureDoesNotMatch and its request id, and is never printed', async () => {
    const before = emulator().requests.length;
    const wrongKey = 'wrong-secret-key-NOT-TO-BE-SHOWN';
    const run = await runStep({ inputs: inputs({ 'secret-key': wrongKey }), env: { RUNNER_DEBUG: '1' } });
    expect(run.code).toBe(1);
    const refused = emulator().requests.slice(before);
    expect(refused.map((r) => r.code)).toEqual(['SignatureDoesNotMatch']);
    expect(run.errors).toEqual([expect.stringContaining(`SignatureDoesNotMatch`)]);
    expect(run.errors[0]).toContain(refused[0]?.requestId);
    expect(run.errors[0]).toContain('check that secret-id and secret-key belong together');
    expect(everythingShown(run)).not.toContain(wrongKey);
  });
});
