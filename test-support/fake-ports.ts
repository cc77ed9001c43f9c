/**
 * In-memory ports for unit tests of the job layer and the actions: a reporter that records, a state
 * store, and a client made of the calls a test scripts.
 */
import type { CiClient } from '../src/ci/client.js';
import { openRunnerFile } from '../src/github/runner-files.js';
import type { JobDetail } from '../src/ci/types.js';
import type { Reporter, StateStore, StepDeps } from '../src/job/ports.js';
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

/** A client whose calls are the given functions; any other call fails the test loudly. */
export function scriptedClient(
  calls: Partial<Record<keyof CiClient, (...args: never[]) => unknown>>,
): CiClient {
  return new Proxy({} as CiClient, {
    get: (_target, name: string) => {
      const call = calls[name as keyof CiClient];
      if (!call) throw new Error(`unexpected client call ${name}`);
      return call;
    },
  });
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
