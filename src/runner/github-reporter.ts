import * as core from '@actions/core';
import type { Reporter, StateKey, StateStore } from '../steps/ports.js';

export const githubReporter: Reporter = {
  debug: (message) => core.debug(message),
  info: (message) => core.info(message),
  warning: (message) => core.warning(message),
  setOutput: (name, value) => core.setOutput(name, value),
  async writeSummary(markdown) {
    // Outside a runner (a local run) there is no summary file; the log already says it all.
    if (!process.env.GITHUB_STEP_SUMMARY) return core.debug('No GITHUB_STEP_SUMMARY: summary not written');
    // The summary is a report, not the result: a file that cannot be written must not fail the step.
    try {
      await core.summary.addRaw(markdown).write();
    } catch (error) {
      core.warning(`The job summary could not be written: ${(error as Error).message}`);
    }
  },
};

/** Saved state goes to the `post:` entry; a copy stays here, for this process's own error messages. */
export class ActionsStateStore implements StateStore {
  private readonly saved = new Map<StateKey, string>();
  save(key: StateKey, value: string): void {
    this.saved.set(key, value);
    core.saveState(key, value);
  }
  get(key: StateKey): string {
    return this.saved.get(key) ?? core.getState(key);
  }
}
