/** Durations and times as users write them, and the API's `%Y-%m-%dT%H:%M:%S%z` time form. */

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const DURATION_EXPECTED =
  'expected a number of seconds (45, 1.5) or a duration like 750ms, 30s, 5m, 1h, 1h30m, 2h15m30s';
const TIME_EXPECTED =
  'expected ISO 8601 with Z or an offset (2026-11-01T00:00:00Z, 2026-11-01T08:00:00+08:00), ' +
  'the API form (2026-11-01T08:00:00+0800), a relative time before now (-24h, -7d, -90m, -1d12h) or now';

const BARE_SECONDS = /^\d+(?:\.\d+)?$/;
// Units at most once each and from largest to smallest, so that `30m1h` or `5m5m` is refused.
const UNIT_DURATION = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?(?:(\d+)ms)?$/;
const RELATIVE_TIME = /^-(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/;
const ABSOLUTE_TIME =
  /^(?<y>\d{4})-(?<mo>\d{2})-(?<d>\d{2})[Tt ](?<h>\d{2}):(?<mi>\d{2}):(?<s>\d{2})(?:\.(?<frac>\d+))?(?:(?<z>[Zz])|(?<sign>[+-])(?<oh>\d{2}):?(?<om>\d{2}))?$/;

/** Sums `groups` (digit strings or undefined) times `units`; undefined when no group matched. */
function sumUnits(groups: (string | undefined)[], units: number[]): number | undefined {
  if (groups.every((g) => g === undefined)) return undefined;
  return groups.reduce((total, g, i) => total + (g === undefined ? 0 : Number(g) * units[i]!), 0);
}

/** `750ms`, `30s`, `5m`, `1h30m`, `2h15m30s` or a bare number of seconds (`45`, `1.5`), in milliseconds. */
export function parseDuration(text: string): number {
  const trimmed = text.trim();
  let ms: number | undefined;
  if (BARE_SECONDS.test(trimmed)) {
    ms = Number(trimmed) * SECOND;
  } else {
    const match = UNIT_DURATION.exec(trimmed);
    if (match) ms = sumUnits(match.slice(1), [HOUR, MINUTE, SECOND, 1]);
  }
  if (ms === undefined || !Number.isSafeInteger(Math.round(ms))) {
    throw new Error(`Invalid duration '${text}': ${DURATION_EXPECTED}.`);
  }
  return Math.round(ms);
}

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

type AbsoluteParse = { date: Date } | { error: 'unparsable' | 'no-offset' | 'impossible' };

/** ISO 8601 / RFC 3339 date-time with `Z`, `+08:00` or `+0800`. */
function parseAbsolute(text: string): AbsoluteParse {
  const g = ABSOLUTE_TIME.exec(text)?.groups;
  if (!g) return { error: 'unparsable' };
  if (!g.z && !g.sign) return { error: 'no-offset' };
  const num = (digits: string | undefined): number => Number(digits ?? 0);
  const [year, month, day] = [num(g.y), num(g.mo), num(g.d)];
  const [hour, minute, second] = [num(g.h), num(g.mi), num(g.s)];
  const [offH, offM] = [num(g.oh), num(g.om)];
  const inRange = (value: number, low: number, high: number): boolean => value >= low && value <= high;
  if (
    !inRange(month, 1, 12) ||
    !inRange(day, 1, daysInMonth(year, month)) ||
    !inRange(hour, 0, 23) ||
    !inRange(minute, 0, 59) ||
    !inRange(second, 0, 59) ||
    !inRange(offH, 0, 23) ||
    !inRange(offM, 0, 59)
  ) {
    return { error: 'impossible' };
  }
  const millis = Number((g.frac ?? '').slice(0, 3).padEnd(3, '0'));
  const date = new Date(Date.UTC(2000, month - 1, day, hour, minute, second, millis));
  // Date.UTC maps years 0-99 to 1900-1999; the API's placeholders use year 1.
  date.setUTCFullYear(year);
  const offset = (g.sign === '-' ? -1 : 1) * (offH * HOUR + offM * MINUTE);
  return { date: new Date(date.getTime() - offset) };
}

/**
 * The times a job's window or a list filter can sensibly hold. Outside them a time is a typo
 * (`-99999999d`, year 20266), which the service would take silently: it filters nothing, or all.
 */
export const EARLIEST_TIME = new Date('2000-01-01T00:00:00Z');
export const LATEST_TIME = new Date('2100-01-01T00:00:00Z');

/** A time that reads well but falls outside EARLIEST_TIME to LATEST_TIME. */
export class TimeOutOfRangeError extends RangeError {
  override readonly name = 'TimeOutOfRangeError';
}

/**
 * An absolute time with `Z` or an offset, a relative time before `now` (`-24h`, `-1d12h`) or `now`,
 * from 2000 to 2100.
 */
export function parseTime(text: string, now: Date): Date {
  const date = parseAnyTime(text, now);
  if (date < EARLIEST_TIME || date > LATEST_TIME) {
    throw new TimeOutOfRangeError(
      `Invalid time '${text}': it is ${describeYear(date)}, not from 2000 to 2100.`,
    );
  }
  return date;
}

function describeYear(date: Date): string {
  return Number.isNaN(date.getTime()) ? 'out of range' : `in the year ${date.getUTCFullYear()}`;
}

function parseAnyTime(text: string, now: Date): Date {
  const trimmed = text.trim();
  if (trimmed.toLowerCase() === 'now') return new Date(now.getTime());
  const relative = RELATIVE_TIME.exec(trimmed);
  const ago = relative ? sumUnits(relative.slice(1), [DAY, HOUR, MINUTE, SECOND]) : undefined;
  if (ago !== undefined) {
    const date = new Date(now.getTime() - ago);
    if (Number.isNaN(date.getTime()))
      throw new TimeOutOfRangeError(`Invalid time '${text}': it is too far in the past.`);
    return date;
  }
  const absolute = parseAbsolute(trimmed);
  if ('date' in absolute) return absolute.date;
  if (absolute.error === 'no-offset') {
    throw new Error(
      `Invalid time '${text}': it has no offset, so it is ambiguous; add Z (UTC) or an offset like +08:00.`,
    );
  }
  if (absolute.error === 'impossible') {
    throw new Error(`Invalid time '${text}': no such date or time of day.`);
  }
  throw new Error(`Invalid time '${text}': ${TIME_EXPECTED}.`);
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** The service runs on Beijing time: its answers and every documented sample print `+0800`. */
const BEIJING_OFFSET_MS = 8 * HOUR;

/**
 * The API's `%Y-%m-%dT%H:%M:%S%z` form in Beijing time, as the service itself prints it:
 * `2026-11-01T08:00:00+0800`. The instant is the same in any offset; this is the one the service's
 * own parser is sure to have met.
 */
export function formatApiTime(date: Date): string {
  if (Number.isNaN(date.getTime())) throw new Error('Cannot format an invalid date.');
  const beijing = new Date(date.getTime() + BEIJING_OFFSET_MS);
  return (
    `${pad(beijing.getUTCFullYear(), 4)}-${pad(beijing.getUTCMonth() + 1)}-${pad(beijing.getUTCDate())}` +
    `T${pad(beijing.getUTCHours())}:${pad(beijing.getUTCMinutes())}:${pad(beijing.getUTCSeconds())}+0800`
  );
}

const EPOCH_YEAR = 1970;

/** A time as the API writes it; undefined for `-`, empty, unparsable, or a placeholder before 1970. */
export function parseApiTime(text: string | undefined): Date | undefined {
  if (text === undefined) return undefined;
  const parsed = parseAbsolute(text.trim());
  if (!('date' in parsed) || parsed.date.getUTCFullYear() < EPOCH_YEAR) return undefined;
  return parsed.date;
}

/** For logs and summaries: `850ms`, `12s`, `3m 05s`, `1h 02m`. */
export function formatDuration(ms: number): string {
  const total = Number.isFinite(ms) ? Math.max(0, Math.round(ms)) : 0;
  if (total < SECOND) return `${total}ms`;
  const seconds = Math.floor(total / SECOND);
  // Short spans keep their tenths: a 1.5 s timeout must not read as 1 s.
  if (seconds < 10) {
    const tenths = Math.floor(total / 100);
    return tenths % 10 === 0 ? `${tenths / 10}s` : `${(tenths / 10).toFixed(1)}s`;
  }
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m ${pad(seconds % 60)}s`;
  return `${Math.floor(minutes / 60)}h ${pad(minutes % 60)}m`;
}
