/** A role to assume at the emulator's STS, and a step run that signs in with GitHub OIDC. */
import type { EmulatorOptions, IdentityEmulator } from '../emulator/index.js';
import { runStep } from './github-runner.js';
import { BUCKET, useEmulator, WORKFLOW_ID } from './e2e-fixtures.js';

export const ROLE_ARN = 'qcs::cam::uin/100000000001:roleName/media-reprocess';
export const REQUEST_TOKEN = 'e2eIdTokenRequestToken-DO-NOT-PRINT-93c1';

/** One emulator per test file that plays GitHub's token endpoint and STS as well. */
export function useRoleEmulator(options: Partial<EmulatorOptions> = {}) {
  const emulator = useEmulator({
    identity: {
      requestToken: REQUEST_TOKEN,
      providerId: 'github-actions',
      clientIds: ['sts.tencentcloudapi.com'],
      roleArns: [ROLE_ARN],
    },
    ...options,
  });
  const identity = (): IdentityEmulator => emulator().identity!;
  let runId = 9_100_000;

  return {
    emulator,
    identity,
    nextRunId: () => String(runId++),
    roleInputs: (extra: Record<string, string> = {}): Record<string, string> => ({
      bucket: BUCKET,
      region: 'ap-guangzhou',
      endpoint: emulator().url,
      'role-arn': ROLE_ARN,
      'oidc-provider-id': 'github-actions',
      'sts-endpoint': identity().stsUrl,
      'workflow-id': WORKFLOW_ID,
      'poll-interval': '1s',
      ...extra,
    }),
    /** What `permissions: id-token: write` gives a job. */
    oidcEnv: () => ({
      ACTIONS_ID_TOKEN_REQUEST_URL: identity().tokenRequestUrl,
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: REQUEST_TOKEN,
    }),
    /** Runs a step and returns it with the CI requests and identity exchanges it caused. */
    async observed(options: Parameters<typeof runStep>[0]) {
      const requestsBefore = emulator().requests.length;
      const exchangesBefore = identity().records.length;
      const run = await runStep({ ...options, env: { GITHUB_RUN_ID: String(runId++), ...options?.env } });
      const requests = emulator().requests.slice(requestsBefore);
      const exchanges = identity().records.slice(exchangesBefore);
      const issued = exchanges.flatMap((record) => (record.issued ? [record.issued] : []));
      return { run, requests, exchanges, issued };
    },
  };
}
