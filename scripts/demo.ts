// `npm run demo`: start the CI emulator on loopback, then run the committed dist/index.js exactly
// as the GitHub runner does (Node 24, INPUT_* with the action.yml defaults, the runner's files) for
// a prefix job that reaches Success. Prints the step's log, its outputs and its summary.
// `npm run demo -- --oidc`: the same step signs in with a role instead of keys: the emulator plays
// GitHub's OIDC token endpoint and STS, with keys that last 3 s so that the renewals show (each
// renewal is a line of the step's log).
import { writeFileSync } from 'node:fs';
import { runStep } from '../test-support/github-runner.js';
import { startEmulator } from '../emulator/index.js';

const oidc = process.argv.includes('--oidc');
const ROLE_ARN = 'qcs::cam::uin/100000000001:roleName/media-reprocess';
const REQUEST_TOKEN = 'demo-id-token-request-token';
const credentials = { secretId: 'AKIDdemo0000000000000000', secretKey: 'demo-secret-key' };
const emulator = await startEmulator({
  ...credentials,
  schedule: { queuedMs: 1500, runningMs: oidc ? 8000 : 4000, final: 'Success' },
  ...(oidc
    ? {
        identity: {
          requestToken: REQUEST_TOKEN,
          providerId: 'github',
          clientIds: ['sts.tencentcloudapi.com'],
          roleArns: [ROLE_ARN],
          keyLifetimeMs: 3000,
        },
      }
    : {}),
});
const signIn: Record<string, string> = emulator.identity
  ? { 'role-arn': ROLE_ARN, 'oidc-provider-id': 'github', 'sts-endpoint': emulator.identity.stsUrl }
  : { 'secret-id': credentials.secretId, 'secret-key': credentials.secretKey };
// What `permissions: id-token: write` gives a job.
const env = emulator.identity
  ? {
      ACTIONS_ID_TOKEN_REQUEST_URL: emulator.identity.tokenRequestUrl,
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: REQUEST_TOKEN,
    }
  : {};
// Bold headers on a terminal only: in a pipe or a file the escape codes would be noise, and
// NO_COLOR (https://no-color.org) turns them off anywhere.
const bold =
  process.stdout.isTTY && !process.env.NO_COLOR
    ? (text: string) => `\x1b[1m${text}\x1b[0m`
    : (text: string) => text;
const section = (title: string) =>
  console.log(`\n${bold(`── ${title} ${'─'.repeat(Math.max(0, 60 - title.length))}`)}`);

try {
  section(
    `CI emulator at ${emulator.url}${emulator.identity ? `, STS at ${emulator.identity.stsUrl}` : ''}; ` +
      'running dist/index.js under Node 24',
  );
  const run = await runStep({
    env,
    inputs: {
      ...signIn,
      bucket: 'media-1250000000',
      region: 'ap-guangzhou',
      endpoint: emulator.url,
      'workflow-id': 'w5f3e9a0c1b2d4e6f8a9b0c1d2e3f4a5b',
      prefix: 'uploads/2026-11-22/',
      'start-time': '-24h',
    },
  });
  section('step log (as the runner shows it; DEMO_DEBUG=1 for the debug lines too)');
  const shown = run.stdout
    .split('\n')
    .filter(
      (line) => !line.startsWith('::add-mask::') && (process.env.DEMO_DEBUG || !line.startsWith('::debug::')),
    );
  console.log(shown.join('\n'));
  section('outputs (GITHUB_OUTPUT)');
  for (const [name, value] of Object.entries(run.outputs)) console.log(`${name}=${value}`);
  section('job summary (GITHUB_STEP_SUMMARY)');
  console.log(run.summary);
  if (process.env.DEMO_SUMMARY_FILE) writeFileSync(process.env.DEMO_SUMMARY_FILE, run.summary);
  if (emulator.identity) {
    section("sign-in (the emulator's records)");
    const sets = emulator.identity.records.filter((record) => record.issued).length;
    const keyIds = new Set(
      emulator.requests.map((r) => /q-ak=([^&]+)/.exec(r.headers.authorization ?? '')?.[1]),
    );
    console.log(
      `GitHub OIDC tokens: ${emulator.identity.records.filter((r) => r.endpoint === 'oidc-token').length}`,
    );
    console.log(
      `STS key sets issued: ${sets}; CI requests: ${emulator.requests.length}, signed with ${keyIds.size} of them`,
    );
    console.log(`CI requests refused: ${emulator.requests.filter((r) => r.status !== 200).length}`);
  }
  section(`exit code ${run.code}`);
  process.exitCode = run.code === 0 && run.outputs.state === 'Success' ? 0 : 1;
} finally {
  await emulator.close();
}
