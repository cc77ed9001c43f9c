/**
 * Small Mermaid diagrams for the job summaries (GitHub renders ```mermaid blocks there): a Gantt of
 * a job's phases or a workflow run, and a pie of jobs per state. Pure text builders.
 */
import { FINAL_JOB_STATES, isJobState, JOB_STATES, type JobDetail } from '../ci/types.js';
import { formatDuration, parseApiTime } from '../time.js';
import { stateLabel } from './markdown.js';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Gantt `tickInterval`s, smallest first: the first that gives at most ten ticks is used. */
const TICKS: Array<[number, string]> = [
  [SECOND, '1second'],
  [2 * SECOND, '2second'],
  [5 * SECOND, '5second'],
  [10 * SECOND, '10second'],
  [15 * SECOND, '15second'],
  [30 * SECOND, '30second'],
  [MINUTE, '1minute'],
  [2 * MINUTE, '2minute'],
  [5 * MINUTE, '5minute'],
  [10 * MINUTE, '10minute'],
  [15 * MINUTE, '15minute'],
  [30 * MINUTE, '30minute'],
  [HOUR, '1hour'],
  [2 * HOUR, '2hour'],
  [3 * HOUR, '3hour'],
  [6 * HOUR, '6hour'],
  [12 * HOUR, '12hour'],
  [DAY, '1day'],
  [7 * DAY, '1week'],
];

/** A tick interval that labels a span of `ms` with at most ten ticks (d3's own choice repeats labels). */
export function tickInterval(ms: number): string {
  return (TICKS.find(([step]) => ms / step <= 10) ?? [0, '1month'])[1];
}

/** The gantt `dateFormat` (dayjs tokens) that `ganttDate` writes. */
export const GANTT_DATE_FORMAT = 'YYYY-MM-DD HH:mm:ss';

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/**
 * Text that Mermaid reads as a label: one line, and none of the characters that end a gantt task
 * name (`:`), a task's data (`#`, `;`) or that start an entity (`#...;`). Look-alikes keep it legible.
 */
export function sanitizeLabel(text: string): string {
  return text
    .replace(/[\u0000-\u001f\u007f]+/g, ' ')
    .replace(/:/g, '꞉')
    .replace(/#/g, '♯')
    .replace(/;/g, ',')
    .replace(/%%/g, '%')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A label inside double quotes (pie slices): sanitized, and without quotes or backslashes. */
function quotedLabel(text: string): string {
  return `"${sanitizeLabel(text).replace(/"/g, "'").replace(/\\/g, '/')}"`;
}

/** The UTC offset an API time is written in (`+0800` → 480), or undefined without one. */
export function apiOffsetMinutes(text: string | undefined): number | undefined {
  const match = /(?:([Zz])|([+-])(\d{2}):?(\d{2}))$/.exec(text?.trim() ?? '');
  if (!match) return undefined;
  if (match[1]) return 0;
  return (match[2] === '-' ? -1 : 1) * (Number(match[3]) * 60 + Number(match[4]));
}

/** `UTC+0800`, `UTC-0530`, `UTC+0000`. */
export function offsetName(offsetMinutes: number): string {
  const abs = Math.abs(offsetMinutes);
  return `UTC${offsetMinutes < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}${pad(abs % 60)}`;
}

/**
 * A time in `GANTT_DATE_FORMAT`, as the wall clock at `offsetMinutes` shows it (whole seconds). The
 * browser reads and draws it as local time, so the axis shows the same clock as the summary's table.
 */
export function ganttDate(ms: number, offsetMinutes: number): string {
  const d = new Date(Math.floor(ms / SECOND) * SECOND + offsetMinutes * MINUTE);
  return (
    `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ` +
    `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`
  );
}

/** GitHub's (Primer) colours: what a state looks like everywhere else on GitHub. */
const COLOURS = {
  green: ['#4ac26b', '#1a7f37'],
  red: ['#ff8182', '#cf222e'],
  amber: ['#eac54f', '#9a6700'],
  gray: ['#d0d7de', '#6e7781'],
} as const;
const TEXT = '#1f2328';

/** Slice colours per state; other states get blue. */
const PIE_COLOURS: Record<string, string> = {
  Submitted: '#fae17d',
  Running: '#d4a72c',
  Success: '#4ac26b',
  Failed: '#ff8182',
  Pause: '#c297ff',
  Cancel: '#afb8c1',
};
const OTHER_PIE_COLOUR = '#54aeff';
const UNKNOWN_SLICE = 'unknown state';

/** A `%%{init}%%` directive that sets theme variables (GitHub keeps its light or dark theme). */
export function themeDirective(variables: Record<string, string>): string {
  return `%%{init: ${JSON.stringify({ themeVariables: variables })}}%%`;
}

/**
 * Gantt bars: untagged (queued, cancelled) grey, `done` (succeeded) green, `crit` (failed) red,
 * `active` (still going) amber; dark text on all of them.
 */
const GANTT_THEME = themeDirective({
  taskBkgColor: COLOURS.gray[0],
  taskBorderColor: COLOURS.gray[1],
  doneTaskBkgColor: COLOURS.green[0],
  doneTaskBorderColor: COLOURS.green[1],
  critBkgColor: COLOURS.red[0],
  critBorderColor: COLOURS.red[1],
  activeTaskBkgColor: COLOURS.amber[0],
  activeTaskBorderColor: COLOURS.amber[1],
  taskTextColor: TEXT,
  taskTextDarkColor: TEXT,
});

/** A fenced block GitHub renders as a diagram. */
export function mermaidBlock(lines: string[]): string {
  return ['```mermaid', ...lines, '```'].join('\n') + '\n';
}

interface Bar {
  label: string;
  tags: string[];
  id: string;
  from: number;
  /** Omitted for a milestone. */
  to?: number;
}

function gantt(title: string, section: string, offsetMinutes: number, bars: Bar[]): string {
  const first = Math.min(...bars.map((bar) => bar.from));
  const last = Math.max(...bars.map((bar) => bar.to ?? bar.from));
  const date = (ms: number) => ganttDate(ms, offsetMinutes);
  return mermaidBlock([
    GANTT_THEME,
    'gantt',
    `  title ${sanitizeLabel(`${title}, times ${offsetName(offsetMinutes)}`)}`,
    `  dateFormat ${GANTT_DATE_FORMAT}`,
    `  axisFormat ${last - first < DAY ? '%H:%M:%S' : '%m-%d %H:%M'}`,
    `  tickInterval ${tickInterval(last - first)}`,
    '  todayMarker off',
    `  section ${sanitizeLabel(section)}`,
    ...bars.map(
      (bar) =>
        `  ${sanitizeLabel(bar.label)} :${[...bar.tags, bar.id, date(bar.from), bar.to === undefined ? '0s' : date(bar.to)].join(', ')}`,
    ),
  ]);
}

const isFinalState = (state: string): boolean => (FINAL_JOB_STATES as readonly string[]).includes(state);

/** Whole seconds: the API's times have no finer grain, so "now" is cut to match. */
const toSecond = (ms: number): number => Math.floor(ms / SECOND) * SECOND;

/** A duration between whole seconds: `0s`, `5s`, `3m 05s`. */
const span = (ms: number): string => (ms < SECOND ? '0s' : formatDuration(ms));

/** The tags that colour how a thing ended: green for Success, red for Failed, grey otherwise. */
const endTags = (state: string): string[] =>
  state === 'Success' ? ['done'] : state === 'Failed' ? ['crit'] : [];

/**
 * A Gantt of a job's phases: queued (creation to start), running (start to end) and the end as a
 * milestone labelled with the final state. A job that has not ended is drawn up to `now`. Empty
 * when the job has no known creation time.
 */
export function jobGantt(job: JobDetail, now: number): string {
  const created = parseApiTime(job.creationTime)?.getTime();
  if (created === undefined) return '';
  const offset = apiOffsetMinutes(job.creationTime) ?? 0;
  const started = parseApiTime(job.startTime)?.getTime();
  const final = isFinalState(job.state);
  const endTime = final ? parseApiTime(job.endTime)?.getTime() : undefined;
  // A final job without an end time ended by the time the step looked; say so rather than guess.
  const endSeen = final && endTime === undefined;
  const suffix = !final ? ' so far' : endSeen ? ' until seen' : '';
  // Clocks differ (the service's and the runner's): never draw a phase that ends before it begins.
  const until = (from: number) => Math.max(from, endTime ?? toSecond(now));
  const bars: Bar[] = [];

  if (started === undefined) {
    const to = until(created);
    bars.push({
      label: `Queued ${span(to - created)}${suffix}`,
      tags: final ? [] : ['active'],
      id: 'queued',
      from: created,
      to,
    });
  } else {
    const start = Math.max(created, started);
    bars.push({
      label: `Queued ${span(start - created)}`,
      tags: [],
      id: 'queued',
      from: created,
      to: start,
    });
    const to = until(start);
    const current = final || job.state === 'Running' ? '' : `, ${stateLabel(job.state)} now`;
    bars.push({
      label: `Running ${span(to - start)}${suffix}${current}`,
      tags: final ? endTags(job.state) : ['active'],
      id: 'running',
      from: start,
      to,
    });
  }
  if (final) {
    bars.push({
      label: `${stateLabel(job.state)}${endSeen ? ' seen' : ''}`,
      tags: ['milestone', ...endTags(job.state)],
      id: 'ended',
      from: bars[bars.length - 1]!.to!,
    });
  }
  return gantt('Job phases', 'Job', offset, bars);
}

export interface RunTimes {
  /** When the step asked for the run: stands in for an unknown `createTime`. */
  triggeredAt: number;
  /** When the step last looked at the run (and, for an ended run, saw it ended). */
  seenAt: number;
}

/**
 * A Gantt of a workflow run. The API gives a run only its creation time, so the bar ends when the
 * step saw the run's final state (or last looked, for a run that still runs), and says so.
 */
export function runGantt(run: { state: string; createTime: string }, times: RunTimes): string {
  const created = parseApiTime(run.createTime)?.getTime() ?? toSecond(times.triggeredAt);
  const offset = apiOffsetMinutes(parseApiTime(run.createTime) ? run.createTime : undefined) ?? 0;
  const seen = Math.max(created, toSecond(times.seenAt));
  const ended = isFinalState(run.state);
  const bars: Bar[] = [
    {
      label: ended
        ? `Run, seen ended after ${span(seen - created)}`
        : `Running ${span(seen - created)} so far`,
      tags: ended ? endTags(run.state) : ['active'],
      id: 'run',
      from: created,
      to: seen,
    },
  ];
  if (ended) {
    bars.push({
      label: `${stateLabel(run.state)} seen`,
      tags: ['milestone', ...endTags(run.state)],
      id: 'seen',
      from: seen,
    });
  }
  return (
    gantt('Workflow run', 'Run', offset, bars) +
    '\nThe API gives a workflow run no end time: the bar ends when this step ' +
    (ended ? 'saw the run ended.' : 'last looked at the run.') +
    '\n'
  );
}

/**
 * A pie of how many jobs (or runs) are in each state, in the API's order of states; empty for none.
 * Every state this action does not know is one slice, "unknown state": the table beside it names each.
 */
export function statePie(states: string[], title = 'Jobs by state'): string {
  if (states.length === 0) return '';
  const counts = new Map<string, number>();
  for (const state of states) {
    const slice = isJobState(state) ? state : UNKNOWN_SLICE;
    counts.set(slice, (counts.get(slice) ?? 0) + 1);
  }
  const order = (slice: string) => (isJobState(slice) ? JOB_STATES.indexOf(slice) : JOB_STATES.length);
  const sorted = [...counts].sort(([a], [b]) => order(a) - order(b));
  const colours = Object.fromEntries(
    sorted.map(([slice], i) => [`pie${i + 1}`, PIE_COLOURS[slice] ?? OTHER_PIE_COLOUR]),
  );
  return mermaidBlock([
    themeDirective({ ...colours, pieOpacity: '1', pieStrokeColor: '#ffffff', pieSectionTextColor: TEXT }),
    'pie showData',
    `  title ${sanitizeLabel(title)}`,
    ...sorted.map(
      ([slice, count]) => `  ${quotedLabel(slice === UNKNOWN_SLICE ? slice : stateLabel(slice))} : ${count}`,
    ),
  ]);
}
