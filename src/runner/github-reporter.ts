import * as actions from './workflow-commands.js';
import type { Reporter, StateKey, StateStore } from '../steps/ports.js';

export const githubReporter: Reporter = {
  debug: (message) => actions.debug(message),
  info: (message) => actions.info(message),
  warning: (message) => actions.warning(message),
  setOutput: (name, value) => actions.setOutput(name, value),
  async writeSummary(markdown) {
    // Outside a runner (a local run) there is no summary file; the log already says it all.
    if (!process.env.GITHUB_STEP_SUMMARY) return actions.debug('No GITHUB_STEP_SUMMARY: summary not written');
    // The summary is a report, not the result: a file that cannot be written must not fail the step.
    try {
      actions.appendSummary(markdown);
    } catch (error) {
      actions.warning(`The job summary could not be written: ${(error as Error).message}`);
    }
  },
};

/** Saved state goes to the `post:` entry; a copy stays here, for this process's own error messages. */
export class ActionsStateStore implements StateStore {
  private readonly saved = new Map<StateKey, string>();
  save(key: StateKey, value: string): void {
    this.saved.set(key, value);
    actions.saveState(key, value);
  }
  get(key: StateKey): string {
    return this.saved.get(key) ?? actions.getState(key);
  }
}
