/**
 * What the user sees of a `trigger-workflow/` step over many keys: its outputs, its summary
 * (counts, a pie of final states, the failed keys with their reasons) and its verdict. Every value
 * from an answer or an input is shown as code in the summary and on one line in messages.
 */
import type { Outputs } from '../actions/outputs.js';
import { clipToLine, codeSpan, markdownTable, stateCell } from '../report/markdown.js';
import { statePie } from '../report/mermaid.js';
import { formatDuration } from '../time.js';
import type { Explanation } from './reasons.js';
import { failedObjectsJson, failedRunsTable, missingReasons, moreRunsLine, reasonPhrase } from './report.js';
import type { FailedRun } from './runs.js';
import { isFinalRunState, type WatchedRun } from './watch.js';

/** Failed keys shown in the summary and kept in `failed-objects`. */
export const SHOWN_FAILURES = 100;
/** Keys named in a failure message. */
const NAMED = 3;

export interface ManyOutcome {
  workflowId: string;
  /** Every distinct key, in the order given. */
  keys: readonly string[];
  /** The input the keys came from. */
  input: string;
  /** Each started run, by key (state and createTime as last listed). */
  runs: ReadonlyMap<string, WatchedRun>;
  waited: boolean;
  /** The failed and cancelled runs in key order; the first ones with their reasons. */
  failed: FailedRun[];
  explained: number;
  explanation?: Explanation;
  /** Paths of the files written; empty when one could not be. */
  objectsFile: string;
  runsFile: string;
}

const count = (n: number) => n.toLocaleString('en');

/** `Success` when every key's run succeeded, else the worst of Failed and Cancel, else the state of one still unfinished. */
export function overallState(outcome: ManyOutcome): string {
  const states = [...outcome.runs.values()].map((run) => run.state);
  if (states.includes('Failed')) return 'Failed';
  if (states.includes('Cancel')) return 'Cancel';
  const unfinished = states.find((state) => state !== '' && !isFinalRunState(state));
  if (unfinished) return unfinished;
  const all = states.length === outcome.keys.length && states.every((state) => state === 'Success');
  return all ? 'Success' : '';
}

/** One line per key: its run id and last state (both empty for a key not triggered). */
export function runsFileLines(outcome: Pick<ManyOutcome, 'keys' | 'runs'>): string {
  return outcome.keys
    .map((object) => {
      const run = outcome.runs.get(object);
      return `${JSON.stringify({ object, runId: run?.runId ?? '', state: run?.state ?? '' })}\n`;
    })
    .join('');
}

export function manyOutputs(outcome: ManyOutcome): Outputs {
  const outputs: Outputs = { count: String(outcome.keys.length), 'runs-file': outcome.runsFile };
  if (!outcome.waited) return outputs;
  const states = [...outcome.runs.values()].map((run) => run.state);
  return {
    ...outputs,
    state: overallState(outcome),
    'success-count': String(states.filter((state) => state === 'Success').length),
    'failed-count': String(outcome.failed.length),
    'failed-objects': failedObjectsJson(outcome.failed.slice(0, SHOWN_FAILURES)),
    'objects-file': outcome.objectsFile,
  };
}

/**
 * Keys in each state, as table cells: a state the service gave (a glyph, or code for one this
 * action does not know), or what this step knows of a key without one.
 */
function tally(outcome: ManyOutcome): Array<[string, number]> {
  const counts = new Map<string, { cell: string; n: number }>();
  const add = (key: string, cell: () => string) => {
    const entry = counts.get(key) ?? { cell: cell(), n: 0 };
    entry.n += 1;
    counts.set(key, entry);
  };
  for (const object of outcome.keys) {
    const run = outcome.runs.get(object);
    if (run?.state) add(`state ${run.state}`, () => stateCell(run.state));
    else {
      const own = !run
        ? 'not triggered'
        : run.lost
          ? 'not shown'
          : outcome.waited
            ? 'not shown yet'
            : 'triggered';
      add(own, () => own);
    }
  }
  return [...counts.values()].map(({ cell, n }) => [cell, n]);
}

export function manySummary(outcome: ManyOutcome, elapsedMs: number): string {
  const rows = [
    ['Objects', `${count(outcome.keys.length)} (from \`${outcome.input}\`)`],
    ...tally(outcome).map(([cell, n]) => [cell, count(n)]),
    ['Time', formatDuration(elapsedMs)],
  ];
  const parts = [
    `### CI workflow runs on ${count(outcome.keys.length)} objects\n\n` +
      markdownTable(['Workflow', codeSpan(outcome.workflowId)], rows) +
      '\n',
  ];
  if (outcome.waited) {
    const finalStates = [...outcome.runs.values()].map((run) => run.state).filter(isFinalRunState);
    if (finalStates.length > 0) parts.push(statePie(finalStates, 'Runs by final state'));
  }
  if (outcome.failed.length > 0) {
    const shown = outcome.failed.slice(0, SHOWN_FAILURES);
    const lines = ['#### Failed objects', '', failedRunsTable(shown)];
    if (outcome.failed.length > shown.length)
      lines.push('', moreRunsLine(count(outcome.failed.length - shown.length), outcome.objectsFile));
    const missing = missingReasons(outcome);
    if (missing) lines.push('', missing);
    parts.push(lines.join('\n') + '\n');
  }
  return parts.join('\n');
}

/** `a.mp4 (Failed in task Transcode_1 with InvalidInput: …, run i…), b.mp4 (…) and 5 more`. */
function named(runs: readonly WatchedRun[], failed: readonly FailedRun[]): string {
  const reasons = new Map(failed.map((run) => [run.runId, run]));
  const text = runs
    .slice(0, NAMED)
    .map((run) => {
      const reason = reasons.get(run.runId);
      const why = reason ? reasonPhrase(reason, 200) : '';
      return `${clipToLine(run.object, 200)} (${clipToLine(run.state || 'not shown', 40)}${why}, run ${run.runId})`;
    })
    .join(', ');
  return runs.length > NAMED ? `${text} and ${count(runs.length - NAMED)} more` : text;
}

/** The runs that fail the step: those that ended in a `fail-on` state, naming how many and the first keys. */
export function failOnMessage(outcome: ManyOutcome, failOn: readonly string[]): string | undefined {
  const ended = [...outcome.runs.values()].filter((run) => failOn.includes(run.state));
  if (ended.length === 0) return undefined;
  const states = [...new Set(ended.map((run) => run.state))].join(' or ');
  const file = outcome.objectsFile
    ? ` Failed and cancelled runs are listed in ${outcome.objectsFile} (output objects-file).`
    : '';
  return `${count(ended.length)} of ${count(outcome.keys.length)} workflow runs ended ${states}: ${named(ended, outcome.failed)}.${file}`;
}

/** Runs still unfinished at the timeout. */
export function timeoutMessage(outcome: ManyOutcome, timeoutMs: number): string {
  const running = [...outcome.runs.values()].filter((run) => !run.lost && !isFinalRunState(run.state));
  return (
    `Timed out after ${formatDuration(timeoutMs)}: ${count(running.length)} of ${count(outcome.keys.length)} ` +
    `workflow runs had not ended; they still run: ${named(running, [])}.`
  );
}

/** Runs the service had not shown a minute after their trigger. */
export function lostMessage(outcome: ManyOutcome): string | undefined {
  const lost = [...outcome.runs.values()].filter((run) => run.lost);
  if (lost.length === 0) return undefined;
  return (
    `${count(lost.length)} workflow run(s) had not shown in the list a minute after their trigger, ` +
    `so what became of them is not known: ${named(lost, [])}.`
  );
}
