import * as core from '@actions/core';
import type { Outputs } from '../actions/outputs.js';
import { errorMessage } from '../ci/errors.js';
import { log } from './log.js';
import { runContext, runUrl } from './run-context.js';

/** GitHub's limits: 1 MB an output, 1 MiB of summary a step. Kept under both with room to spare. */
export const MAX_OUTPUT_BYTES = 1_000_000;
export const MAX_SUMMARY_BYTES = 1_000_000;

/**
 * The runner's log, outputs and job summary, through `@actions/core`. Knows which outputs its action
 * declares: setting another is a bug, and fails loudly in every test that reaches it.
 */
export function githubReporter(declaredOutputs: readonly string[]) {
  let summaryBytes = 0;
  let saidNoSummary = false;
  return {
    debug: log.debug,
    info: log.info,
    warning: log.warning,
    setOutputs(outputs: Outputs) {
      for (const [name, given] of Object.entries(outputs)) {
        if (!declaredOutputs.includes(name)) {
          throw new Error(`Output '${name}' is not declared in this action's action.yml`);
        }
        let value = given ?? '';
        if (Buffer.byteLength(value) > MAX_OUTPUT_BYTES) {
          core.warning(`Output '${name}' is over GitHub's 1 MB limit for an output; it is left empty.`);
          value = '';
        }
        core.setOutput(name, value);
      }
    },
    async writeSummary(markdown: string) {
      // Outside a runner (a local run) there may be no summary file: said once, so that a summary
      // that goes nowhere does not go silently.
      if (!process.env.GITHUB_STEP_SUMMARY) {
        if (!saidNoSummary) core.info('GITHUB_STEP_SUMMARY is not set: the job summary is not written.');
        saidNoSummary = true;
        return;
      }
      const link = runUrl(runContext());
      let text = link ? `${markdown}\n<sub>[Workflow run](${link})</sub>\n` : markdown;
      if (summaryBytes + Buffer.byteLength(text) > MAX_SUMMARY_BYTES) {
        core.warning("The job summary was cut at GitHub's limit of 1 MiB for a step.");
        text =
          cutAtLine(text, MAX_SUMMARY_BYTES - summaryBytes - 200) + '\n\n*(cut at GitHub’s 1 MiB limit)*\n';
      }
      // The summary is a report, not the result: a file that cannot be written must not fail the step.
      try {
        await core.summary.addRaw(text).write();
        summaryBytes += Buffer.byteLength(text);
      } catch (error) {
        core.warning(`The job summary could not be written: ${errorMessage(error)}`);
      } finally {
        core.summary.emptyBuffer();
      }
    },
  };
}

/**
 * Saved state goes to the `post:` entry; a copy stays here, for this process's own messages. A
 * state file that cannot be written costs the cleanup in `post:`, never the step's own report.
 */
export class ActionsStateStore {
  private readonly saved = new Map<string, string>();
  private warned = false;
  save(key: string, value: string): void {
    this.saved.set(key, value);
    try {
      core.saveState(key, value);
    } catch (error) {
      if (this.warned) return;
      this.warned = true;
      core.warning(
        `The step's state could not be saved (${errorMessage(error)}): the post: step will not ` +
          'be able to cancel the job if this step is stopped.',
      );
    }
  }
  get(key: string): string {
    return this.saved.get(key) ?? core.getState(key);
  }
}

/** The longest start of `text` that ends at a line break and fits in `bytes`. */
function cutAtLine(text: string, bytes: number): string {
  const start = Buffer.from(text).subarray(0, Math.max(0, bytes)).toString('utf8');
  const lastBreak = start.lastIndexOf('\n');
  return lastBreak > 0 ? start.slice(0, lastBreak) : '';
}
