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
    await core.summary.addRaw(markdown).write();
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
