import { log } from '../github/log.js';
import { ActionsStateStore, githubReporter } from '../github/reporter.js';
import { openRunnerFile } from '../github/runner-files.js';
import type { CommonSettings } from '../github/common-settings.js';
import { JobRecord } from '../job/post-state.js';
import type { StepDeps } from '../job/ports.js';
import { realSleep } from '../waiting/sleep.js';
import { clientsFor } from './clients.js';
import { OUTPUTS, type ActionName } from './outputs.js';
import { userMessage } from './user-message.js';

/** What sets a step's time limit: its `timeout` (0: none), when it waits. */
export interface TimeLimitSettings {
  timeoutMs?: number;
  wait?: boolean;
}

/** The step's deadline (see StepDeps), the one place it is worked out. */
export function stepDeadline(settings: TimeLimitSettings, startedAt: number): number | undefined {
  return settings.timeoutMs && settings.wait !== false ? startedAt + settings.timeoutMs : undefined;
}

/**
 * Runs one action: reads its settings, hands the step a client and a reporter, and turns any error
 * into one error annotation. SIGINT/SIGTERM (the workflow run was cancelled) abort the step's waits.
 */
export async function runAction<S extends CommonSettings & TimeLimitSettings>(
  action: ActionName,
  readSettings: () => S,
  step: (settings: S, deps: StepDeps & { printBlock: typeof log.block }) => Promise<void>,
): Promise<void> {
  const abort = new AbortController();
  const onSignal = (signal: NodeJS.Signals) => {
    log.info(`Received ${signal}: the workflow run is being cancelled`);
    abort.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const state = new ActionsStateStore();
  let settings: S | undefined;
  try {
    settings = readSettings();
    const deadline = stepDeadline(settings, Date.now());
    const reporter = githubReporter(OUTPUTS[action]);
    await step(settings, {
      reporter,
      state,
      ...clientsFor(settings, abort.signal, deadline),
      now: Date.now,
      deadline,
      sleep: realSleep,
      signal: abort.signal,
      stepFile: (stem, extension, output) => openRunnerFile(stem, extension, output, reporter.warning),
      printBlock: log.block,
    });
  } catch (error) {
    log.fail(userMessage(error, new JobRecord(state).jobId || undefined, settings));
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}
