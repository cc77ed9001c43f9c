/**
 * What the user sees of the failed objects: the summary's "Objects" section, the annotations of
 * `object-failures: warn` and the failure message of `fail`. Every value from the service is
 * shown as code, so an object key or an error message cannot turn into markup.
 */
import type { Outputs } from '../actions/outputs.js';
import { clipToLine, literal, markdownTable, stateCell } from '../report/markdown.js';
import type { FailedObjects as ObjectsReport } from './collect.js';
import type { FailedRun, FailedRunsListing } from './runs.js';

export const SUMMARY_ROWS = 20;
/** GitHub shows ten annotations of a kind per step: nine objects and the count. */
export const OBJECT_WARNINGS = 9;
export const NAMED_IN_FAILURE = 3;

/** ` in task T with CODE: message`, or '' when nothing is known; plain text for annotations and messages. */
export function reasonPhrase(run: FailedRun, maxMessage = 300): string {
  if (!run.task) return '';
  const code = run.code ? ` with ${clipToLine(run.code, 100)}` : '';
  const message = run.code && run.message ? `: ${clipToLine(run.message, maxMessage)}` : '';
  return ` in task ${clipToLine(run.task, 100)}${code}${message}`;
}

const atLeast = (listing: FailedRunsListing) => (listing.incomplete ? ' or more' : '');

export function objectsSection(report: ObjectsReport): string {
  const { listing } = report;
  const lines = ['', '#### Objects', ''];
  if (listing.count === 0) {
    lines.push(
      listing.incomplete
        ? `No failed run was listed before the list stopped (${listing.incomplete}).`
        : 'Every workflow run of the job ended `Success`.',
    );
    return lines.join('\n') + '\n';
  }
  const more = atLeast(listing);
  lines.push(
    [...listing.byState].map(([state, count]) => `${stateCell(state)}: ${count}${more}`).join(' · ') +
      ' (every other run ended `Success`)',
    '',
    failedRunsTable(listing.first.slice(0, SUMMARY_ROWS)),
  );
  if (listing.count > SUMMARY_ROWS)
    lines.push('', moreRunsLine(`${listing.count - SUMMARY_ROWS}${more}`, report.file));
  const missing = missingReasons(report);
  if (missing) lines.push('', missing);
  if (listing.incomplete) {
    lines.push(
      '',
      `The list stopped early (${listing.incomplete}): at least ${listing.count} runs did not succeed.`,
    );
  }
  return lines.join('\n') + '\n';
}

/** A table of failed runs with their reasons; every value from the service as code. */
export function failedRunsTable(runs: readonly FailedRun[]): string {
  return markdownTable(
    ['Object', 'Run id', 'State', 'Task', 'Code', 'Message'],
    runs.map((run) => [
      literal(run.object, 200),
      literal(run.runId, 64),
      stateCell(run.state),
      literal(run.task, 100),
      literal(run.code, 100),
      literal(run.message, 200),
    ]),
  );
}

/** Below a table cut short: where the other runs are, or that their file could not be written. */
export function moreRunsLine(howMany: string, objectsFile: string): string {
  return (
    `… and ${howMany} more` +
    (objectsFile ? ': every run is in `objects-file`.' : ' (the objects file could not be written).')
  );
}

/** Why reasons are missing, once, when any are; '' when none is. */
export function missingReasons(report: Pick<ObjectsReport, 'explanation' | 'explained'>): string {
  const missing = report.explanation?.missing ?? 0;
  if (missing === 0) return '';
  const causes = report.explanation!.causes.map((cause) => literal(cause)).join('; ');
  return `Reasons are missing for ${missing} of the ${report.explained} runs looked up: ${causes}.`;
}

/** `failed-count`, `failed-objects` (the first runs, with their reasons where known) and `objects-file`. */
export function failedObjectsOutputs(report: ObjectsReport): Outputs {
  return {
    'failed-count': String(report.listing.count),
    'failed-objects': failedObjectsJson(report.listing.first),
    'objects-file': report.file,
  };
}

/** `failed-objects`: each run's key, id, state and reason, without `createTime`. */
export function failedObjectsJson(runs: readonly FailedRun[]): string {
  return JSON.stringify(
    runs.map(({ object, runId, state, task, code, message }) => ({
      object,
      runId,
      state,
      task,
      code,
      message,
    })),
  );
}

/** The one-line verdict: the count, the first objects with their reasons, and where the rest are. */
export function failedObjectsMessage(report: ObjectsReport): string {
  const { listing } = report;
  const more = atLeast(listing);
  const named = listing.first
    .slice(0, NAMED_IN_FAILURE)
    .map((run) => `${clipToLine(run.object, 200)} (${run.state}${reasonPhrase(run, 200)}, run ${run.runId})`)
    .join(', ');
  const rest = listing.count > NAMED_IN_FAILURE ? ` and ${listing.count - NAMED_IN_FAILURE}${more} more` : '';
  return (
    `${listing.count}${more} object(s) of ${report.label} failed processing: ${named}${rest}. ` +
    (report.file
      ? `Every one is listed in ${report.file} (output objects-file).`
      : 'The objects file could not be written (see the warning).')
  );
}

/** At most nine annotations, one per object with its reason, and a tenth with the count and the file. */
export function objectWarnings(report: ObjectsReport): string[] {
  const shown = report.listing.first.slice(0, OBJECT_WARNINGS);
  const perObject = shown.map(
    (run) =>
      `Object ${clipToLine(run.object, 300)}: workflow run ${run.runId} ended ${run.state}${reasonPhrase(run)}`,
  );
  const notShown = report.listing.count - shown.length;
  const { incomplete } = report.listing;
  const tail =
    (notShown > 0 ? ` ${notShown}${atLeast(report.listing)} of them are not annotated here.` : '') +
    (incomplete ? ` The list stopped early: ${incomplete}.` : '');
  return [...perObject, `${failedObjectsMessage(report)}${tail}`];
}
