import * as actions from './workflow-commands.js';
import { StateKey, type StepDeps } from '../steps/ports.js';
import { realSleep } from '../waiting/sleep.js';
import { clientsFor } from './clients.js';
import { ActionsStateStore, githubReporter } from './github-reporter.js';
import type { CommonSettings } from './inputs.js';
import { userMessage } from './user-message.js';

/**
 * Runs one step: reads its settings, hands it a client and a reporter, and turns any error into
 * one error annotation. SIGINT/SIGTERM (the workflow run was cancelled) abort the step's waits.
 */
export async function runStep<S extends CommonSettings>(
  readSettings: () => S,
  step: (settings: S, deps: StepDeps) => Promise<void>,
): Promise<void> {
  const abort = new AbortController();
  const onSignal = (signal: NodeJS.Signals) => {
    actions.info(`Received ${signal}: the workflow run is being cancelled`);
    abort.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const state = new ActionsStateStore();
  try {
    const settings = readSettings();
    await step(settings, {
      reporter: githubReporter,
      state,
      ...clientsFor(settings, abort.signal),
      now: Date.now,
      sleep: realSleep,
      signal: abort.signal,
    });
  } catch (error) {
    actions.setFailed(userMessage(error, state.get(StateKey.JobId) || undefined));
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}
