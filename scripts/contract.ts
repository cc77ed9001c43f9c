// `npm run contract`: sends each call of the API once, with the action's own client (so exactly what
// the action sends), and keeps every answer, keys and account ids replaced, under
// __fixtures__/recorded/<date>/ for the tests to replay. README › "Pointing it at the real service".
// It creates a one-object job on a scratch object and cancels it at the end; the workflow runs on
// that object twice (the job's run and a manual trigger), so pick one whose processing is harmless.
import { existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { CiClient } from '../src/ci/client.js';
import { errorMessage } from '../src/ci/errors.js';
import { transportFromEnvironment } from '../src/ci/transport.js';
import { failedTaskOf } from '../src/ci/task-answers.js';
import { isTaskOrRunId, type WorkflowExecution } from '../src/ci/types.js';
import { formatApiTime } from '../src/time.js';
import { Recorder, writeRecordedSet, type Exchange } from './contract-recording.js';

const ROOT = resolve(fileURLToPath(import.meta.url), '../..');
const NEEDED: Array<[string, string]> = [
  ['CONTRACT_SECRET_ID', 'an API key id with the permissions in README › Least privilege'],
  ['CONTRACT_SECRET_KEY', 'its secret key'],
  ['CONTRACT_BUCKET', 'a bucket bound to CI, as BucketName-APPID'],
  ['CONTRACT_REGION', 'its region, e.g. ap-guangzhou'],
  ['CONTRACT_WORKFLOW_ID', 'a workflow of that bucket (w + 32 hex characters)'],
  ['CONTRACT_OBJECT', 'a scratch object the workflow may process twice'],
];
const OPTIONAL = `Optional:
  CONTRACT_SESSION_TOKEN   the token of temporary keys
  CONTRACT_ENDPOINT        another base URL (https://, or http:// to a loopback address: an emulator)
  CONTRACT_OUT             where to write (default __fixtures__/recorded/<date>)
  CONTRACT_RUN_WAIT        seconds to wait for the triggered run to end (default 120)`;
const LOOPBACK = /^(?:127(?:\.\d{1,3}){3}|localhost|\[::1\])$/;
const NO_RETRIES = { maxAttempts: 1, maxElapsedMs: 0, baseDelayMs: 0, maxDelayMs: 0, throttleBudgetMs: 0 };

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

function readSettings(env: NodeJS.ProcessEnv) {
  const missing = NEEDED.filter(([name]) => !env[name]);
  if (missing.length > 0) {
    fail(
      `npm run contract records the API's answers with real keys; it needs:\n` +
        NEEDED.map(
          ([name, what]) =>
            `  ${name.padEnd(24)} ${what}${missing.some(([m]) => m === name) ? '   (missing)' : ''}`,
        ).join('\n') +
        `\n${OPTIONAL}\nNothing was sent.`,
    );
  }
  const value = (name: string) => env[name]!;
  const bucket = value('CONTRACT_BUCKET');
  if (!/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?-\d+$/.test(bucket))
    fail(`CONTRACT_BUCKET: expected BucketName-APPID, got '${bucket}'.`);
  const region = value('CONTRACT_REGION');
  if (!/^[a-z]+(?:-[a-z0-9]+)+$/.test(region))
    fail(`CONTRACT_REGION: expected a region such as ap-guangzhou, got '${region}'.`);
  const workflowId = value('CONTRACT_WORKFLOW_ID');
  if (!/^w[0-9a-f]{32}$/.test(workflowId))
    fail(`CONTRACT_WORKFLOW_ID: expected w + 32 hex characters, got '${workflowId}'.`);
  let endpoint = new URL(`https://${bucket}.ci.${region}.myqcloud.com`);
  if (env.CONTRACT_ENDPOINT) {
    try {
      endpoint = new URL(env.CONTRACT_ENDPOINT);
    } catch {
      fail('CONTRACT_ENDPOINT: not a URL.');
    }
    const secure =
      endpoint.protocol === 'https:' || (endpoint.protocol === 'http:' && LOOPBACK.test(endpoint.hostname));
    if (!secure || endpoint.pathname !== '/' || endpoint.search || endpoint.username || endpoint.password)
      fail(
        'CONTRACT_ENDPOINT: expected an https:// base URL with no path (http:// only to a loopback address).',
      );
  }
  const runWait = Number(env.CONTRACT_RUN_WAIT ?? '120');
  if (!Number.isFinite(runWait) || runWait < 0 || runWait > 3600)
    fail('CONTRACT_RUN_WAIT: expected seconds from 0 to 3600.');
  const now = new Date();
  const out = resolve(
    env.CONTRACT_OUT || join(ROOT, '__fixtures__/recorded', now.toISOString().slice(0, 10)),
  );
  if (existsSync(join(out, 'index.json')))
    fail(`${out} already holds a recorded set: set CONTRACT_OUT to another folder.`);
  const source = !env.CONTRACT_ENDPOINT
    ? `Recorded from the real service (the bucket's CI domain in ${region})`
    : LOOPBACK.test(endpoint.hostname)
      ? "Recorded from the project's emulator, not the real service"
      : 'Recorded from the endpoint CONTRACT_ENDPOINT named (not the default CI domain)';
  return {
    keys: {
      secretId: value('CONTRACT_SECRET_ID'),
      secretKey: value('CONTRACT_SECRET_KEY'),
      ...(env.CONTRACT_SESSION_TOKEN ? { sessionToken: env.CONTRACT_SESSION_TOKEN } : {}),
    },
    bucket,
    workflowId,
    object: value('CONTRACT_OBJECT'),
    endpoint,
    runWaitMs: runWait * 1000,
    out,
    now,
    source,
  };
}

const ENDED = 'DescribeWorkflowExecution (ended)';
const isEnded = (run: WorkflowExecution | undefined) =>
  run !== undefined && run.state !== 'Running' && run.state !== '';

async function record(settings: ReturnType<typeof readSettings>): Promise<Exchange[]> {
  const recorder = new Recorder(transportFromEnvironment());
  const client = new CiClient({
    endpoint: settings.endpoint,
    credentials: settings.keys,
    logger: { debug: () => {}, warning: (message) => console.warn(message) },
    transport: recorder.transport,
    retryPolicy: NO_RETRIES,
  });
  // Each call's failure is recorded with its answer; what depends on it is skipped.
  const attempt = async <T>(call: string, send: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await recorder.as(call, send);
    } catch (error) {
      console.warn(`${call}: ${errorMessage(error)}`);
      return undefined;
    }
  };
  const { workflowId, object } = settings;
  // contract-20261207-171532: no run of digits long enough to pass for an account id.
  const name = `contract-${settings.now
    .toISOString()
    .slice(0, 19)
    .replace(/\D/g, '')
    .replace(/^(\d{8})/, '$1-')}`;
  const since = formatApiTime(new Date(settings.now.getTime() - 60_000));

  const created = await attempt('CreateInventoryTriggerJob', () =>
    client.createJob({ name, workflowId, input: { kind: 'Object', value: object } }),
  );
  const jobId = created?.value.jobId;
  if (jobId) await attempt('DescribeInventoryTriggerJob', () => client.describeJob(jobId));
  await attempt('DescribeInventoryTriggerJobs', () =>
    client.listJobs({ workflowId, name, startCreationTime: since, size: 10 }),
  );
  const runId = (await attempt('TriggerWorkflow', () => client.triggerWorkflow({ workflowId, object })))
    ?.value;
  let run: WorkflowExecution | undefined;
  if (runId) {
    // At once, as the action asks: whether a run just triggered can be described yet is not documented.
    run = (await attempt('DescribeWorkflowExecution', () => client.describeExecution(runId)))?.value;
    const until = Date.now() + settings.runWaitMs;
    for (let pause = 1000; !isEnded(run) && Date.now() < until; pause = Math.min(pause * 2, 10_000)) {
      await sleep(Math.min(pause, Math.max(0, until - Date.now())));
      // Of the looks while it runs, the last one is kept.
      recorder.forget(ENDED);
      run = (await attempt(ENDED, () => client.describeExecution(runId)))?.value;
    }
  }
  await attempt('DescribeWorkflowExecutions', () =>
    client.listExecutions({ workflowId, name: object, size: 10 }),
  );
  // The task the action would ask about when the run failed; else any task that ran a media job.
  const tasks = run?.tasks ?? [];
  const task =
    failedTaskOf(tasks)?.task ??
    tasks.find((t) => isTaskOrRunId(t.jobId) && !['Start', 'End'].includes(t.type));
  if (task && isTaskOrRunId(task.jobId))
    await attempt('DescribeMediaJob', () => client.describeMediaJob(task.jobId));
  if (jobId) await attempt('CancelInventoryTriggerJob', () => client.cancelJob(jobId));
  return recorder.exchanges;
}

const settings = readSettings(process.env);
const exchanges = await record(settings);
const set = writeRecordedSet(
  settings.out,
  exchanges,
  { bucket: settings.bucket, ...settings.keys },
  {
    source: settings.source,
    recordedAt: settings.now,
  },
);
for (const call of set.calls)
  console.log(`${call.call.padEnd(36)} ${call.status ?? `no answer: ${call.error}`}`);
console.log(`\n${set.calls.length} answers in ${relative(process.cwd(), settings.out) || '.'}`);
if (set.calls.some((call) => call.status === undefined)) process.exit(1);
