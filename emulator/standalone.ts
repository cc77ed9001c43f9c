/** Flags and environment of the standalone emulator (see cli.ts). */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ANSWER_VARIANTS, type AnswerVariant } from './forms.js';
import { DEFAULT_SCHEDULE, startEmulator } from './index.js';
import type { EmulatorOptions, FinalState } from './types.js';

/** A documented test pair: the emulator is never a place for real credentials. */
export const DEFAULT_SECRET_ID = 'AKIDEMULATOR';
export const DEFAULT_SECRET_KEY = 'emulator-secret-key';
/** 460 is the CI API's documentation product number; easy to remember, rarely taken. */
export const DEFAULT_PORT = 9460;
/** The identity end (GitHub's OIDC token endpoint and STS), when `--role-arn` asks for it. */
export const DEFAULT_STS_PORT = 9461;
export const DEFAULT_OIDC_REQUEST_TOKEN = 'emulator-oidc-request-token';

const FLAGS = {
  port: { type: 'string', env: 'CI_EMULATOR_PORT' },
  'secret-id': { type: 'string', env: 'CI_EMULATOR_SECRET_ID' },
  'secret-key': { type: 'string', env: 'CI_EMULATOR_SECRET_KEY' },
  'session-token': { type: 'string', env: 'CI_EMULATOR_SESSION_TOKEN' },
  'queued-ms': { type: 'string', env: 'CI_EMULATOR_QUEUED_MS' },
  'running-ms': { type: 'string', env: 'CI_EMULATOR_RUNNING_MS' },
  final: { type: 'string', env: 'CI_EMULATOR_FINAL' },
  'clock-offset-ms': { type: 'string', env: 'CI_EMULATOR_CLOCK_OFFSET_MS' },
  'rate-limit': { type: 'string', env: 'CI_EMULATOR_RATE_LIMIT' },
  'rate-limit-retry-after': { type: 'string', env: 'CI_EMULATOR_RATE_LIMIT_RETRY_AFTER' },
  answers: { type: 'string', env: 'CI_EMULATOR_ANSWERS' },
  'port-file': { type: 'string', env: 'CI_EMULATOR_PORT_FILE' },
  quiet: { type: 'boolean', env: 'CI_EMULATOR_QUIET' },
  'role-arn': { type: 'string', env: 'CI_EMULATOR_ROLE_ARN' },
  'oidc-provider-id': { type: 'string', env: 'CI_EMULATOR_OIDC_PROVIDER_ID' },
  'oidc-client-id': { type: 'string', env: 'CI_EMULATOR_OIDC_CLIENT_ID' },
  'oidc-request-token': { type: 'string', env: 'CI_EMULATOR_OIDC_REQUEST_TOKEN' },
  'sts-port': { type: 'string', env: 'CI_EMULATOR_STS_PORT' },
  'key-lifetime-ms': { type: 'string', env: 'CI_EMULATOR_KEY_LIFETIME_MS' },
  help: { type: 'boolean', env: '' },
} as const;

export const USAGE = `Usage: npm run emulator -- [flags]   (each flag also reads the environment variable shown)
  --port N              listen on 127.0.0.1:N; 0 picks a free port   CI_EMULATOR_PORT (default ${DEFAULT_PORT})
  --secret-id ID        accepted SecretId       CI_EMULATOR_SECRET_ID (default ${DEFAULT_SECRET_ID})
  --secret-key KEY      its SecretKey           CI_EMULATOR_SECRET_KEY (default ${DEFAULT_SECRET_KEY})
  --session-token T     require this x-ci-security-token            CI_EMULATOR_SESSION_TOKEN
  --queued-ms N         time a job stays Submitted                  CI_EMULATOR_QUEUED_MS (default ${DEFAULT_SCHEDULE.queuedMs})
  --running-ms N        time a job stays Running                    CI_EMULATOR_RUNNING_MS (default ${DEFAULT_SCHEDULE.runningMs})
  --final STATE         Success, Failed or Cancel                   CI_EMULATOR_FINAL (default Success)
  --clock-offset-ms N   the emulator's clock runs this far ahead    CI_EMULATOR_CLOCK_OFFSET_MS
  --rate-limit N        N requests/s for all clients, then SlowDown CI_EMULATOR_RATE_LIMIT
  --rate-limit-retry-after S   those answers say Retry-After: S     CI_EMULATOR_RATE_LIMIT_RETRY_AFTER
  --answers FORMS       docs or go-sdk: how answers are shaped where they differ   CI_EMULATOR_ANSWERS (default docs)
  --port-file FILE      write the port there once listening         CI_EMULATOR_PORT_FILE
  --quiet               do not print a line per request             CI_EMULATOR_QUIET=1
 GitHub OIDC and STS (on a listener of their own, only with --role-arn):
  --role-arn ARN        a role STS lets the provider assume         CI_EMULATOR_ROLE_ARN
  --oidc-provider-id ID the CAM OIDC provider (STS ProviderId)      CI_EMULATOR_OIDC_PROVIDER_ID (default github)
  --oidc-client-id ID   its client id: the token audience accepted  CI_EMULATOR_OIDC_CLIENT_ID (default sts.tencentcloudapi.com)
  --oidc-request-token T  ACTIONS_ID_TOKEN_REQUEST_TOKEN accepted   CI_EMULATOR_OIDC_REQUEST_TOKEN (default ${DEFAULT_OIDC_REQUEST_TOKEN})
  --sts-port N          the identity listener's port; 0 picks one   CI_EMULATOR_STS_PORT (default ${DEFAULT_STS_PORT})
  --key-lifetime-ms N   temporary keys expire after N ms, whatever DurationSeconds asked   CI_EMULATOR_KEY_LIFETIME_MS`;

function integer(name: string, text: string | undefined, fallback: number, min: number): number {
  if (text === undefined || text === '') return fallback;
  if (!/^-?\d+$/.test(text) || Number(text) < min)
    throw new Error(`--${name} must be an integer ≥ ${min}, got "${text}"`);
  return Number(text);
}

export function parseCli(
  argv: string[],
  env: NodeJS.ProcessEnv,
): { options: EmulatorOptions; portFile?: string; quiet: boolean; help: boolean } {
  const { values } = parseArgs({
    args: argv,
    options: Object.fromEntries(Object.entries(FLAGS).map(([k, v]) => [k, { type: v.type }])),
    strict: true,
  });
  const get = (name: keyof typeof FLAGS): string | undefined => {
    const v = values[name];
    return typeof v === 'string' ? v : FLAGS[name].env ? env[FLAGS[name].env] : undefined;
  };
  const flag = (name: 'quiet' | 'help'): boolean =>
    values[name] === true || (FLAGS[name].env !== '' && ['1', 'true'].includes(env[FLAGS[name].env] ?? ''));
  const final = (get('final') ?? DEFAULT_SCHEDULE.final) as FinalState;
  if (!['Success', 'Failed', 'Cancel'].includes(final))
    throw new Error(`--final must be Success, Failed or Cancel, got "${final}"`);
  const options: EmulatorOptions = {
    secretId: get('secret-id') || DEFAULT_SECRET_ID,
    secretKey: get('secret-key') || DEFAULT_SECRET_KEY,
    port: integer('port', get('port'), DEFAULT_PORT, 0),
    schedule: {
      queuedMs: integer('queued-ms', get('queued-ms'), DEFAULT_SCHEDULE.queuedMs, 0),
      runningMs: integer('running-ms', get('running-ms'), DEFAULT_SCHEDULE.runningMs, 0),
      final,
    },
    clockOffsetMs: integer('clock-offset-ms', get('clock-offset-ms'), 0, -Infinity),
  };
  const perSecond = get('rate-limit');
  const retryAfter = get('rate-limit-retry-after');
  if (perSecond) {
    options.rateLimit = { perSecond: integer('rate-limit', perSecond, 0, 0) };
    if (retryAfter) options.rateLimit.retryAfterSeconds = integer('rate-limit-retry-after', retryAfter, 0, 0);
  } else if (retryAfter) {
    throw new Error('--rate-limit-retry-after needs --rate-limit');
  }
  const answers = get('answers');
  if (answers) {
    if (!Object.hasOwn(ANSWER_VARIANTS, answers))
      throw new Error(`--answers must be ${Object.keys(ANSWER_VARIANTS).join(' or ')}, got "${answers}"`);
    options.answers = answers as AnswerVariant;
  }
  const token = get('session-token');
  if (token) options.sessionToken = token;
  const roleArn = get('role-arn');
  if (roleArn) {
    const lifetime = get('key-lifetime-ms');
    options.identity = {
      roleArns: [roleArn],
      providerId: get('oidc-provider-id') || 'github',
      clientIds: [get('oidc-client-id') || 'sts.tencentcloudapi.com'],
      requestToken: get('oidc-request-token') || DEFAULT_OIDC_REQUEST_TOKEN,
      port: integer('sts-port', get('sts-port'), DEFAULT_STS_PORT, 0),
      ...(lifetime ? { keyLifetimeMs: integer('key-lifetime-ms', lifetime, 0, 1000) } : {}),
    };
  }
  const portFile = get('port-file');
  return { options, ...(portFile ? { portFile } : {}), quiet: flag('quiet'), help: flag('help') };
}

export async function main(argv: string[], env: NodeJS.ProcessEnv): Promise<void> {
  let parsed;
  try {
    parsed = parseCli(argv, env);
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    process.exit(2);
  }
  if (parsed.help) return console.log(USAGE);
  const { options, quiet } = parsed;
  if (!quiet) {
    options.onRequest = (r) =>
      console.log(
        `${r.method} ${r.path} ${r.call} → ${r.status || 'no answer'}` +
          `${r.code ? ` ${r.code}` : ''}${r.fault ? ` (fault ${r.fault})` : ''}`,
      );
  }
  const emulator = await startEmulator(options);
  const port = new URL(emulator.url).port;
  if (parsed.portFile) writeFileSync(parsed.portFile, `${port}\n`);
  // The secret key and the token are never printed, only the id they go with.
  console.log(`CI emulator listening on ${emulator.url}`);
  console.log(`  secret id ${options.secretId}${options.sessionToken ? ' (session token required)' : ''}`);
  if (options.rateLimit) {
    const { perSecond, retryAfterSeconds } = options.rateLimit;
    console.log(
      `  rate limit ${perSecond} requests/s${retryAfterSeconds === undefined ? '' : `, Retry-After: ${retryAfterSeconds}`}`,
    );
  }
  const { identity } = emulator;
  if (identity) {
    // The request token is not printed either: it is whatever --oidc-request-token says.
    console.log(`STS emulator listening on ${identity.stsUrl} (sts-endpoint)`);
    console.log(`  ACTIONS_ID_TOKEN_REQUEST_URL=${identity.tokenRequestUrl}`);
    console.log(`  role ${options.identity?.roleArns.join(', ')}, provider ${options.identity?.providerId}`);
  }
  const stop = (): void => {
    void emulator.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
