import type { Outputs } from '../actions/outputs.js';
import type { JobDetail } from '../ci/types.js';
import { asJobsDetail } from './api-json.js';
import { formatDuration, parseApiTime } from '../time.js';
import { literal, markdownTable, stateCell } from './markdown.js';
import { jobGantt } from './mermaid.js';

/** The outputs that describe a job, as the contract (CONTRIBUTING.md) names them. Unknown times are empty. */
export function jobOutputs(job: JobDetail): Outputs {
  return {
    state: job.state,
    code: job.code,
    message: job.message,
    'creation-time': knownTime(job.creationTime),
    'start-time': knownTime(job.startTime),
    'end-time': knownTime(job.endTime),
    job: JSON.stringify(asJobsDetail(job)),
  };
}

function knownTime(text: string): string {
  return parseApiTime(text) ? text : '';
}

/**
 * How long the job took, counted from its creation as the log's times are, to its end (or now so
 * far); and beside it how long it ran, from its start: `7s from creation to end (ran 4s)`.
 */
export function describeJobDuration(job: JobDetail, now: number): string {
  const created = parseApiTime(job.creationTime)?.getTime();
  if (created === undefined) return '';
  const ended = parseApiTime(job.endTime)?.getTime();
  const to = ended ?? now;
  const started = parseApiTime(job.startTime)?.getTime();
  const ran =
    started === undefined ? '' : ` (${ended ? 'ran' : 'running for'} ${formatDuration(to - started)})`;
  const total = formatDuration(to - created);
  return ended ? `${total} from creation to end${ran}` : `${total} since creation, so far${ran}`;
}

/** How a value from an answer is shown: as it is in a log line, or `literal` in the summary. */
export type Show = (text: string) => string;
export const asText: Show = (text) => text;

/**
 * What the step concluded ("timed out after 1h; the job still runs"), written once for both the
 * annotation and the summary: the values from answers it holds (a state, an error message) go
 * through `show`.
 */
export type Outcome = (show: Show) => string;

export interface JobSummaryContext {
  job: JobDetail;
  workflowId: string;
  /** What the job runs over, e.g. `Prefix videos/`. */
  input: string;
  window?: string;
  requestId?: string;
  outcome?: Outcome;
  now: number;
}

export function jobSummary(context: JobSummaryContext): string {
  const { job } = context;
  const rows: Array<[string, string]> = [
    ['Name', literal(job.name)],
    ['Workflow', literal(context.workflowId)],
    ['Input', context.input],
    ['Upload window', context.window ?? 'all uploads'],
    ['State', stateCell(job.state)],
    ['Code', literal(job.code)],
    ['Message', literal(job.message)],
    ['Created', knownTime(job.creationTime)],
    ['Started', knownTime(job.startTime)],
    ['Ended', knownTime(job.endTime)],
    ['Duration', describeJobDuration(job, context.now)],
  ];
  if (context.requestId) rows.push(['Request id', literal(context.requestId)]);
  const lines = [`### CI inventory trigger job ${literal(job.jobId)}`, ''];
  if (context.outcome) lines.push(context.outcome(literal), '');
  // The first pair is the header row: an empty one would show as a blank line above the table.
  lines.push(markdownTable(['Job id', literal(job.jobId)], rows));
  const gantt = jobGantt(job, context.now);
  if (gantt) lines.push('', gantt.trimEnd());
  return lines.join('\n') + '\n';
}

const INPUT_KINDS = ['Object', 'Prefix', 'Manifest', 'UrlFile'];

/** What a job runs over, for the summary: `Prefix \`videos/\``. */
export function describeInput(kind: string, value: string): string {
  return `${INPUT_KINDS.includes(kind) ? kind : literal(kind, 40)} ${literal(value)}`;
}

/** An upload-time window in the API's form, or undefined for none (all uploads); `literal` for the summary. */
export function describeWindow(
  window: { start?: string; end?: string } | undefined,
  show: Show = asText,
): string | undefined {
  if (!window?.start && !window?.end) return undefined;
  return `${window.start ? show(window.start) : 'any time'} to ${window.end ? show(window.end) : 'any time'}`;
}
