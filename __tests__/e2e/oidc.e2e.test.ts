/**
 * Signing in with GitHub OIDC (issue 16): the bundle under Node 24 gets its token from the
 * emulator's GitHub end, assumes the role at the emulator's STS, and signs every CI request with
 * the temporary keys, renewing them while it waits.
 */
import { describe, expect, it } from '@jest/globals';
import type { ChildProcess } from 'node:child_process';
import type { IssuedKeys, RequestRecord } from '../../emulator/index.js';
import { runStep } from '../../test-support/github-runner.js';
import { everythingShown, expectOneInputError } from '../../test-support/e2e-fixtures.js';
import { REQUEST_TOKEN, ROLE_ARN, useRoleEmulator } from '../../test-support/oidc-fixtures.js';

const { emulator, identity, nextRunId, roleInputs, oidcEnv, observed } = useRoleEmulator({
  scheduleFor: ({ input }) => {
    const key = Object.values(input)[0] ?? '';
    if (key.startsWith('long/')) return { queuedMs: 100, runningMs: 8000, final: 'Success' };
    if (key.startsWith('endless/')) return { queuedMs: 100, runningMs: 120_000, final: 'Success' };
    return undefined;
  },
});

const keyIdOf = (authorization: string | undefined) => /q-ak=([^&]+)/.exec(authorization ?? '')?.[1];

/** Every request signed with keys STS issued during the step, and sent with their token. */
function expectSignedWithIssuedKeys(requests: RequestRecord[], issued: IssuedKeys[]) {
  const tokens = new Map(issued.map((keys) => [keys.secretId, keys.token]));
  for (const request of requests) {
    const keyId = keyIdOf(request.headers.authorization);
    expect(tokens.has(keyId ?? '')).toBe(true);
    expect(request.headers['x-ci-security-token']).toBe(tokens.get(keyId ?? ''));
  }
}

describe('signing in with GitHub OIDC', () => {
  it('a main step assumes the role, signs every request with its keys and reaches Success', async () => {
    const { run, requests, exchanges, issued } = await observed({
      inputs: roleInputs({ prefix: 'videos/' }),
      env: { ...oidcEnv(), GITHUB_RUN_ID: '4242' },
    });
    expect(run.errors).toEqual([]);
    expect(run.code).toBe(0);
    expect(run.outputs.state).toBe('Success');
    expect(exchanges.map((record) => `${record.endpoint} ${record.status}`)).toEqual([
      'oidc-token 200',
      'sts 200',
    ]);
    expect(exchanges[0]?.audience).toBe('sts.tencentcloudapi.com');
    expect(exchanges[1]?.params).toEqual({
      ProviderId: 'github-actions',
      RoleArn: ROLE_ARN,
      RoleSessionName: 'github-octo-org-media-site-4242',
      DurationSeconds: 3600,
    });
    expect(requests.length).toBeGreaterThan(1);
    expect(requests.every((request) => request.status === 200)).toBe(true);
    expectSignedWithIssuedKeys(requests, issued);
  });

  it('a wait that outlives several three-second key sets: told once, each set renewed when refused, no key shown', async () => {
    identity().setKeyLifetime(3000);
    try {
      const { run, requests, exchanges, issued } = await observed({
        inputs: roleInputs({ prefix: 'long/' }),
        env: { ...oidcEnv(), RUNNER_DEBUG: '1' },
      });
      expect(run.errors).toEqual([]);
      // Keys said to last under a minute are odd (STS gives 15 minutes at least): they are reused
      // for 30 s rather than renewed per request, and renewed at once when the API refuses them.
      expect(run.warnings).toEqual([expect.stringMatching(/keys that last 3 s .*reused for 30 s/)]);
      expect(run.code).toBe(0);
      expect(run.outputs.state).toBe('Success');
      // Each renewal is an exchange with GitHub and one with STS.
      expect(issued.length).toBeGreaterThanOrEqual(3);
      expect(exchanges.filter((record) => record.endpoint === 'oidc-token')).toHaveLength(issued.length);
      expectSignedWithIssuedKeys(requests, issued);
      // A refused request is sent again at once with the fresh keys; nothing else fails.
      requests.forEach((request, index) => {
        if (request.status === 200) return;
        expect([request.status, request.code]).toEqual([403, 'AccessDenied']);
        const again = requests[index + 1];
        expect([again?.call, again?.status]).toEqual([request.call, 200]);
        expect(keyIdOf(again?.headers.authorization)).not.toBe(keyIdOf(request.headers.authorization));
      });
      const used = new Set(requests.map((request) => keyIdOf(request.headers.authorization)));
      expect(used.size).toBe(issued.length);

      const shown = everythingShown(run);
      for (const keys of issued) {
        for (const secret of [keys.secretId, keys.secretKey, keys.token]) {
          expect(run.stdout).toContain(`::add-mask::${secret}`);
          expect(shown).not.toContain(secret);
        }
      }
      expect(shown).not.toContain(REQUEST_TOKEN);
      expect(shown).not.toMatch(/eyJ[\w-]+\.[\w-]+\.[\w-]+/);
    } finally {
      identity().setKeyLifetime(undefined);
    }
  });

  it('post: assumes the role again to cancel the job after the main step was killed', async () => {
    const run = nextRunId();
    let child: ChildProcess | undefined;
    const finished = runStep({
      inputs: roleInputs({ prefix: 'endless/' }),
      env: { ...oidcEnv(), GITHUB_RUN_ID: run },
      onSpawn: (spawned) => (child = spawned),
    });
    const deadline = Date.now() + 15_000;
    for (;;) {
      const job = emulator()
        .jobs()
        .find((candidate) => candidate.name.includes(`-${run}-`));
      if (job?.state === 'Running' && Date.now() > (job.startedAt ?? 0) + 600) break;
      if (Date.now() > deadline) throw new Error('the job never ran');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    child?.kill('SIGKILL');
    const main = await finished;
    const jobId = main.state['job-id'];
    expect(main.state.phase).toBe('waiting');

    const {
      run: post,
      requests,
      issued,
    } = await observed({
      entry: 'post',
      inputs: roleInputs({ prefix: 'endless/' }),
      env: oidcEnv(),
      state: main.state,
    });
    expect(post.code).toBe(0);
    expect(post.warnings).toEqual([]);
    expect(issued).toHaveLength(1);
    expect(requests.find((request) => request.call === 'cancel')).toBeDefined();
    expectSignedWithIssuedKeys(requests, issued);
    expect(
      emulator()
        .jobs()
        .find((job) => job.id === jobId),
    ).toMatchObject({ state: 'Cancel', cancelRequests: 1 });
  });

  it('without permissions: id-token: write, says so and sends nothing', async () => {
    const { run, requests, exchanges } = await observed({ inputs: roleInputs({ prefix: 'videos/' }) });
    expectOneInputError(run, requests.length, 'role-arn', 'add `permissions: id-token: write`');
    expect(exchanges).toEqual([]);
  });

  it('when STS refuses, names its code, message and request id, and sends no CI request', async () => {
    identity().addFault({
      kind: 'error',
      code: 'InvalidParameter.WebIdentityTokenError',
      message: 'the audience is not a client id of the provider',
    });
    const { run, requests, exchanges } = await observed({
      inputs: roleInputs({ prefix: 'videos/' }),
      env: oidcEnv(),
    });
    expect(run.code).toBe(1);
    expect(requests).toEqual([]);
    const sts = exchanges.filter((record) => record.endpoint === 'sts');
    expect(sts).toHaveLength(1);
    expect(run.errors).toHaveLength(1);
    expect(run.errors[0]).toContain('InvalidParameter.WebIdentityTokenError');
    expect(run.errors[0]).toContain('the audience is not a client id of the provider');
    expect(run.errors[0]).toContain(`request id ${sts[0]?.requestId}`);
    expect(run.errors[0]).not.toMatch(/\n\s+at /);
  });

  it('role-arn with secret-id is an input error, and nothing is sent', async () => {
    const { run, requests, exchanges } = await observed({
      inputs: roleInputs({ prefix: 'videos/', 'secret-id': 'AKIDshouldNotBeShown' }),
      env: oidcEnv(),
    });
    expectOneInputError(run, requests.length, 'role-arn', 'either role-arn or keys');
    expect(run.errors[0]).not.toContain('AKIDshouldNotBeShown');
    expect(exchanges).toEqual([]);
  });
});
