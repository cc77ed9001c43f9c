/**
 * Limits on inputs (issue 22, items 3, 7 and 8): every duration input within its bounds, read in
 * one place; no `user:password@` of an input echoed in its error, whether or not it parses as a URL.
 * Each is one error annotation naming the input and the bound, and no request.
 */
import { describe, expect, it } from '@jest/globals';
import { runStep } from '../../test-support/github-runner.js';
import {
  commonInputs,
  everythingShown,
  expectOneInputError,
  useEmulator,
  WORKFLOW_ID,
} from '../../test-support/e2e-fixtures.js';

const emulator = useEmulator();

const PASSWORD = 'hunter2-DO-NOT-PRINT';
const ROLE_INPUTS = {
  'secret-id': '',
  'secret-key': '',
  'role-arn': 'qcs::cam::uin/100000000001:roleName/media',
  'oidc-provider-id': 'github',
};
const TOKEN_ENV = {
  ACTIONS_ID_TOKEN_REQUEST_URL: 'http://127.0.0.1:9/token',
  ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'request-token',
};

/** What each action needs besides the common inputs. */
const ACTION_INPUTS: Record<string, Record<string, string>> = {
  '.': { 'workflow-id': WORKFLOW_ID, prefix: 'videos/' },
  wait: { 'job-id': 'b' + '0'.repeat(32) },
  'trigger-workflow': { 'workflow-id': WORKFLOW_ID, object: 'a.mp4' },
};

describe('durations out of bounds', () => {
  it.each([
    ['.', 'poll-interval', '1ms', 'a duration from 1s to 24h'],
    ['wait', 'poll-interval', '0.5', 'a duration from 1s to 24h'],
    ['trigger-workflow', 'poll-interval', '100ms', 'a duration from 1s to 24h'],
    ['.', 'timeout', '600h', 'at most 120h (5 days'],
    ['trigger-workflow', 'timeout', '999999h', 'at most 120h (5 days'],
  ])('%s/ %s: %s is refused, naming the bound', async (action, input, value, bound) => {
    const before = emulator().requests.length;
    const run = await runStep({
      action,
      inputs: {
        ...commonInputs(emulator()),
        ...ACTION_INPUTS[action],
        [input]: value,
      },
    });
    expectOneInputError(run, emulator().requests.length - before, input, bound);
    expect(run.errors[0]).toContain(`got '${value}'`);
  });

  it('takes poll-interval 1s and timeout 120h', async () => {
    const run = await runStep({
      inputs: {
        ...commonInputs(emulator()),
        'workflow-id': WORKFLOW_ID,
        prefix: 'videos/',
        'poll-interval': '1s',
        timeout: '120h',
        'object-failures': 'ignore',
      },
    });
    expect(run.errors).toEqual([]);
    expect(run.outputs.state).toBe('Success');
  });
});

describe('an input with a user:password@ part', () => {
  it.each([
    ['endpoint', `https://user:${PASSWORD}@ci.example.com:99999`, {}, {}],
    ['endpoint', `http://user:${PASSWORD}@ci.example.com`, {}, {}],
    ['sts-endpoint', `https://user:${PASSWORD}@sts.example.com:99999`, ROLE_INPUTS, TOKEN_ENV],
    ['endpoint', `https://user:${PASSWORD}@ci example.com`, {}, {}],
    ['sts-endpoint', `https://user:${PASSWORD}@sts example.com`, ROLE_INPUTS, TOKEN_ENV],
  ])('%s %p is refused without echoing the password', async (input, value, extra, env) => {
    const before = emulator().requests.length;
    const run = await runStep({
      inputs: {
        ...commonInputs(emulator()),
        'workflow-id': WORKFLOW_ID,
        prefix: 'videos/',
        ...extra,
        [input]: value,
      },
      env,
    });
    expectOneInputError(run, emulator().requests.length - before, input, 'an https:// base URL');
    expect(run.errors[0]).toContain('…@');
    expect(everythingShown(run)).not.toContain(PASSWORD);
  });
});
