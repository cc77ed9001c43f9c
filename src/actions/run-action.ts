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
 * How the runner stops a step when the workflow run is cancelled: SIGINT, then SIGTERM 7.5 s later.
 * On Windows it sends Ctrl+C, then Ctrl+Break 7.5 s later, which Node raises as SIGINT and SIGBREAK
 * (elsewhere SIGBREAK is never sent, and listening for it is harmless).
 */
const CANCEL_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGBREAK'] as const;

/**
 * Runs one action: reads its settings, hands the step a client and a reporter, and turns any error
 * into one error annotation. Any of the runner's cancel signals aborts the step's waits.
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
  for (const signal of CANCEL_SIGNALS) process.on(signal, onSignal);
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
    for (const signal of CANCEL_SIGNALS) process.off(signal, onSignal);
  }
}
