/** Time forms of the API. The service runs on Beijing time, so answers print `+0800`. */

const BEIJING_MS = 8 * 3600_000;
const API_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})([+-])(\d{2})(\d{2})$/;

function beijingClock(ms: number): string {
  return new Date(ms + BEIJING_MS).toISOString().slice(0, 19);
}

/** `2022-02-01T12:00:00+0800`: the form of jobs' times. */
export function formatApiTime(ms: number): string {
  return `${beijingClock(ms)}+0800`;
}

/** `2022-02-01T12:00:00+08:00`: the form of workflow executions' times. */
export function formatExecutionTime(ms: number): string {
  return `${beijingClock(ms)}+08:00`;
}

/**
 * Parses `%Y-%m-%dT%H:%M:%S%z` strictly: `Z` and `+08:00` are refused, as are impossible dates
 * (the real parser is strptime, which accepts neither).
 */
export function parseApiTime(text: string): number | undefined {
  const m = API_TIME.exec(text);
  if (!m) return undefined;
  const [y, mo, d, h, mi, s, sign, oh, om] = m.slice(1).map((p, i) => (i === 6 ? p : Number(p))) as [
    number,
    number,
    number,
    number,
    number,
    number,
    string,
    number,
    number,
  ];
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 59 || oh > 14 || om > 59) return undefined;
  const local = Date.UTC(y, mo - 1, d, h, mi, s);
  if (new Date(local).getUTCDate() !== d) return undefined;
  const offset = (sign === '-' ? -1 : 1) * (oh * 60 + om) * 60_000;
  return local - offset;
}

/** RFC 1123, for the `Date` header. */
export function httpDate(ms: number): string {
  return new Date(ms).toUTCString();
}
