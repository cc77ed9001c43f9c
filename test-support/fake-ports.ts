/**
 * In-memory ports for unit tests of the job layer and the actions: a reporter that records, a state
 * store, a client made of the calls a test scripts, and the settings a step is handed.
 */
import type { CiClient } from '../src/ci/client.js';
import { openRunnerFile } from '../src/github/runner-files.js';
import type { JobDetail } from '../src/ci/types.js';
import type { CommonSettings } from '../src/github/common-settings.js';
import type { Reporter, StateStore, StepDeps } from '../src/job/ports.js';
import type { WaitingSettings } from '../src/job/wait-context.js';
import type { Sleep } from '../src/waiting/sleep.js';

/** Records what a step reports; given its action's declared outputs, refuses any other name, as the real reporter does. */
export function recordingReporter(declared?: readonly string[]) {
  const outputs: Record<string, string> = {};
  const infos: string[] = [];
  const warnings: string[] = [];
  const summaries: string[] = [];
  const reporter: Reporter = {
    debug: () => undefined,
    info: (message) => void infos.push(message),
    warning: (message) => void warnings.push(message),
    setOutputs: (given) => {
      for (const [name, value] of Object.entries(given)) {
        if (declared && !declared.includes(name)) throw new Error(`Output '${name}' is not declared`);
        outputs[name] = value ?? '';
      }
    },
    writeSummary: async (markdown) => void summaries.push(markdown),
  };
  return { reporter, outputs, infos, warnings, summaries };
}

export function memoryState(): StateStore & { saved: Array<[string, string]> } {
  const values = new Map<string, string>();
  const saved: Array<[string, string]> = [];
  return {
    saved,
    save: (key, value) => {
      values.set(key, value);
      saved.push([key, value]);
    },
    get: (key) => values.get(key) ?? '',
  };
}

export function jobDetail(overrides: Partial<JobDetail> = {}): JobDetail {
  return {
    jobId: 'b' + '0'.repeat(32),
    name: 'nightly',
    type: 'Workflow',
    state: 'Running',
    code: 'Success',
    message: '',
    creationTime: '2026-11-30T12:00:00+0800',
    startTime: '-',
    endTime: '-',
    ...overrides,
  };
}

/**
 * A client whose calls are the given functions; any other call fails the test loudly. A call
 * budget (withCallBudget) is no call: unless scripted, it gives the same client back.
 */
export function scriptedClient(
  calls: Partial<Record<keyof CiClient, (...args: never[]) => unknown>>,
): CiClient {
  const client: CiClient = new Proxy({} as CiClient, {
    get: (_target, name: string) => {
      const call = calls[name as keyof CiClient] ?? (name === 'withCallBudget' ? () => client : undefined);
      if (!call) throw new Error(`unexpected client call ${name}`);
      return call;
    },
  });
  return client;
}

export function stepDeps(
  client: CiClient,
  clock: { now: () => number; sleep: Sleep },
  signal?: AbortSignal,
  declaredOutputs?: readonly string[],
): StepDeps & ReturnType<typeof recordingReporter> & { state: ReturnType<typeof memoryState> } {
  const recorder = recordingReporter(declaredOutputs);
  return {
    ...recorder,
    state: memoryState(),
    client: () => client,
    steadyClient: () => client,
    cleanupClient: () => client,
    now: clock.now,
    sleep: clock.sleep,
    signal,
    // The real files, under the system's temporary folder (no RUNNER_TEMP in a unit test).
    stepFile: (stem, extension, output) => openRunnerFile(stem, extension, output, recorder.reporter.warning),
  };
}

/** What every step is handed from its common inputs: keys, a bucket, a region, an endpoint. */
export const COMMON_SETTINGS: CommonSettings = {
  signIn: { keys: { secretId: 'AKID', secretKey: 'k' } },
  bucket: 'm-1',
  region: 'ap-guangzhou',
  endpoint: new URL('https://x.example.com'),
  requestTimeoutMs: 30_000,
};

/** How the main step and wait/ wait, on a fake clock: a second between checks, a minute in all. */
export const WAITING_SETTINGS: WaitingSettings = {
  pollIntervalMs: 1000,
  timeoutMs: 60_000,
  cancelOnTimeout: false,
  cancelOnAbort: true,
  failOn: ['Failed', 'Cancel'],
  objectFailures: 'ignore',
};
