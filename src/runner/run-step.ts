import * as core from '@actions/core';
import { CiClient } from '../ci/client.js';
import { dispatcherFromEnvironment } from '../ci/dispatcher.js';
import { StateKey, type StepDeps } from '../steps/ports.js';
import { realSleep } from '../waiting/sleep.js';
import { ActionsStateStore, githubReporter } from './github-reporter.js';
import type { CommonSettings } from './inputs.js';
import { userMessage } from './user-message.js';

/** Cancelling on abort must fit in the runner's 7.5 s between SIGINT and SIGTERM. */
const CLEANUP_TIMEOUT_MS = 5000;
const CLEANUP_RETRIES = { maxAttempts: 2, maxElapsedMs: 6000, baseDelayMs: 250, maxDelayMs: 1000 };

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
    core.info(`Received ${signal}: the workflow run is being cancelled`);
    abort.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const state = new ActionsStateStore();
  try {
    const settings = readSettings();
    const dispatcher = dispatcherFromEnvironment();
    const clientWith = (options: Partial<ConstructorParameters<typeof CiClient>[0]>) => {
      let client: CiClient | undefined;
      return () =>
        (client ??= new CiClient({
          endpoint: settings.endpoint,
          credentials: settings.credentials,
          logger: githubReporter,
          dispatcher,
          timeoutMs: settings.requestTimeoutMs,
          ...options,
        }));
    };
    await step(settings, {
      reporter: githubReporter,
      state,
      client: clientWith({ signal: abort.signal }),
      cleanupClient: clientWith({
        timeoutMs: Math.min(CLEANUP_TIMEOUT_MS, settings.requestTimeoutMs),
        retryPolicy: CLEANUP_RETRIES,
      }),
      now: Date.now,
      sleep: realSleep,
      signal: abort.signal,
    });
  } catch (error) {
    core.setFailed(userMessage(error, state.get(StateKey.JobId) || undefined));
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}
