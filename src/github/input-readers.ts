import * as core from '@actions/core';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { InputError } from './input-error.js';
import { parseDuration, parseTime, TimeOutOfRangeError } from '../time.js';

/** Settings are read trimmed; an input given as an empty string counts as not given. */
export function readOptional(name: string): string | undefined {
  const value = core.getInput(name);
  return value === '' ? undefined : value;
}

/**
 * Object keys, prefixes and names are taken as given: `" clip.mp4 "` is another object than
 * `clip.mp4`, and a trimmed key would run the workflow on the wrong one (or on none).
 */
export function readVerbatim(name: string): string | undefined {
  const value = core.getInput(name, { trimWhitespace: false });
  return value === '' ? undefined : value;
}

export function readRequired(name: string, expected: string): string {
  const value = readOptional(name);
  if (value === undefined) throw new InputError(name, `required: ${expected}`);
  return value;
}

/** YAML 1.2 core-schema booleans, as `@actions/core` getBooleanInput accepts, with our own error. */
export function readBoolean(name: string, fallback: boolean): boolean {
  const value = readOptional(name);
  if (value === undefined) return fallback;
  if (['true', 'True', 'TRUE'].includes(value)) return true;
  if (['false', 'False', 'FALSE'].includes(value)) return false;
  throw new InputError(name, '`true` or `false`', value);
}

const SECOND = 1000;
const HOUR = 3600 * SECOND;

interface DurationRange {
  /** Shortest, in ms (0 allowed only through `zero`). */
  min: number;
  max: number;
  /** What 0 means, where it is allowed. */
  zero?: string;
  /** Whole seconds only. */
  wholeSeconds?: boolean;
  /** The range as the error states it. */
  expected: string;
}

/**
 * Every duration input and its bounds, in one place. Each stays far inside what a Node timer
 * holds (2³¹ − 1 ms, about 24.8 days; past it a timer fires at once).
 */
const DURATION_RANGES = {
  // A request must have time to be answered; a longer wait than a day is no request.
  'request-timeout': { min: 1, max: 24 * HOUR, expected: 'a duration above zero and at most 24h' },
  // Faster than a check a second is load on the API, not news sooner.
  'poll-interval': { min: SECOND, max: 24 * HOUR, expected: 'a duration from 1s to 24h' },
  // GitHub's own limit for a job (and for a self-hosted runner's) is five days.
  timeout: {
    min: 0,
    max: 120 * HOUR,
    zero: 'no limit of its own',
    expected: '0 (no limit of its own) or a duration of at most 120h (5 days, GitHub’s limit for a job)',
  },
  // What STS takes as DurationSeconds.
  'role-duration': {
    min: 15 * 60 * SECOND,
    max: 12 * HOUR,
    wholeSeconds: true,
    expected: 'whole seconds from 15m to 12h',
  },
} satisfies Record<string, DurationRange>;

export type DurationInput = keyof typeof DURATION_RANGES;

/** A duration input, in ms, checked against its bounds (DURATION_RANGES). */
export function readDuration(name: DurationInput, fallback: string): number {
  const value = readOptional(name) ?? fallback;
  let ms: number;
  try {
    ms = parseDuration(value);
  } catch {
    throw new InputError(
      name,
      'a duration such as `750ms`, `30s`, `5m`, `1h30m` or a number of seconds',
      value,
    );
  }
  const range: DurationRange = DURATION_RANGES[name];
  const allowed =
    (ms === 0 && range.zero !== undefined) ||
    (ms >= Math.max(range.min, 1) && ms <= range.max && (!range.wholeSeconds || ms % SECOND === 0));
  if (!allowed) throw new InputError(name, range.expected, value);
  return ms;
}

export function readTime(name: string, now: Date): Date | undefined {
  const value = readOptional(name);
  if (value === undefined) return undefined;
  try {
    return parseTime(value, now);
  } catch (error) {
    if (error instanceof TimeOutOfRangeError) {
      throw new InputError(name, 'a time from 2000-01-01T00:00:00Z to 2100-01-01T00:00:00Z', value);
    }
    throw new InputError(
      name,
      'a time such as `2026-11-01T00:00:00Z`, `2026-11-01T08:00:00+08:00`, `2026-11-01T08:00:00+0800`, `-24h`, `-7d` or `now`',
      value,
    );
  }
}

/**
 * A window of two times, each read as readTime reads it, whose start may not come after its end.
 * The refusal shows both as given and as the UTC times they stand for, side by side.
 */
export function readTimeWindow(startName: string, endName: string, now: Date): { start?: Date; end?: Date } {
  const start = readTime(startName, now);
  const end = readTime(endName, now);
  if (start && end && start > end) {
    throw new InputError(
      startName,
      `expected a time before ${endName}, but ${describeTimeInput(startName, start)} comes after ` +
        describeTimeInput(endName, end),
    );
  }
  return { start, end };
}

/** A time input as given and as the instant it stands for: `start-time '-1h' (2026-12-07T12:23:07Z)`. */
export function describeTimeInput(name: string, time: Date): string {
  return `${name} '${readOptional(name)}' (${time.toISOString().replace('.000Z', 'Z')})`;
}

export function readChoice<T extends string>(name: string, choices: readonly T[], fallback: T): T {
  const value = readOptional(name) ?? fallback;
  const match = choices.find((choice) => choice.toLowerCase() === value.toLowerCase());
  if (match === undefined) throw new InputError(name, `one of ${choices.join(', ')}`, value);
  return match;
}

/** A comma-separated list of names from a fixed set, matched without regard to case; `none` is empty. */
export function readList<T extends string>(name: string, choices: readonly T[], fallback: string): T[] {
  const value = readOptional(name) ?? fallback;
  if (value.toLowerCase() === 'none') return [];
  return value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '')
    .map((item) => {
      const match = choices.find((choice) => choice.toLowerCase() === item.toLowerCase());
      if (match === undefined) {
        throw new InputError(name, `a comma-separated list of ${choices.join(', ')} (or none)`, item);
      }
      return match;
    });
}

export function readPattern(name: string, pattern: RegExp, expected: string, required: true): string;
export function readPattern(
  name: string,
  pattern: RegExp,
  expected: string,
  required: false,
): string | undefined;
export function readPattern(
  name: string,
  pattern: RegExp,
  expected: string,
  required: boolean,
): string | undefined {
  const value = required ? readRequired(name, expected) : readOptional(name);
  if (value !== undefined && !pattern.test(value)) throw new InputError(name, expected, value);
  return value;
}

/** What a header value may hold: printable ASCII without spaces. */
export const HEADER_SAFE = /^[\x21-\x7e]+$/;
const LOOPBACK = /^(?:127(?:\.\d{1,3}){3}|localhost|\[::1\])$/;

/**
 * A service's base URL: `https://`, or `http://` to a loopback address only (an emulator), with no
 * path, query or credentials. Credentials in a refused URL are not echoed back (InputError).
 */
export function readBaseUrl(name: string, fallback: string): URL {
  const text = readOptional(name);
  if (text === undefined) return new URL(fallback);
  const expected =
    'an https:// base URL with no path, query or credentials (http:// only to a loopback address such as 127.0.0.1)';
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new InputError(name, expected, text);
  }
  const secure = url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.test(url.hostname));
  const bare = url.pathname === '/' && !url.search && !url.hash && !url.username && !url.password;
  if (!secure || !bare) throw new InputError(name, expected, text);
  return url;
}

/**
 * The text of a file an input names (a path, relative to the working directory), read only when it
 * is at most `maxBytes` and valid UTF-8; undefined when the input is not given.
 */
export function readInputFile(name: string, maxBytes: number): string | undefined {
  const path = readOptional(name);
  if (path === undefined) return undefined;
  const expected = `the path of a readable file of at most ${maxBytes / 1024 / 1024} MiB of UTF-8 text`;
  let bytes: Buffer;
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    if (!fstatSync(fd).isFile()) throw new InputError(name, expected, `${path} (not a file)`);
    // One byte more than allowed says that the file is too large, however it grew since.
    const buffer = Buffer.alloc(maxBytes + 1);
    let length = 0;
    for (let read = 1; read > 0 && length < buffer.length; length += read) {
      read = readSync(fd, buffer, length, buffer.length - length, null);
    }
    bytes = buffer.subarray(0, length);
  } catch (error) {
    if (error instanceof InputError) throw error;
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new InputError(name, expected, `${path} (${code})`);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  if (bytes.length > maxBytes) throw new InputError(name, expected, `${path} (larger)`);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new InputError(name, expected, `${path} (not UTF-8)`);
  }
}
