import {
  formatApiTime,
  formatDuration,
  parseApiTime,
  parseDuration,
  parseTime,
  TimeOutOfRangeError,
} from '../../src/time.js';

describe('parseDuration', () => {
  it.each([
    ['750ms', 750],
    ['30s', 30_000],
    ['5m', 300_000],
    ['1h', 3_600_000],
    ['1h30m', 5_400_000],
    ['2h15m30s', 8_130_000],
    ['1m500ms', 60_500],
    ['45', 45_000],
    ['1.5', 1500],
    ['0', 0],
    ['0s', 0],
    [' 10s ', 10_000],
  ])('reads %p as %p milliseconds', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it.each([
    '',
    ' ',
    '-5',
    '-5s',
    '5x',
    '1.5.2',
    'm',
    '5 m',
    '1H',
    '30m1h',
    '5m5m',
    '1s1m',
    '.5',
    '1e3',
    'PT5M',
    '5min',
  ])('refuses %p and says what it expects', (text) => {
    expect(() => parseDuration(text)).toThrow(/expected a number of seconds .*750ms, 30s, 5m, 1h/);
  });
});

describe('parseTime', () => {
  const now = new Date('2026-11-01T12:00:00.000Z');

  it.each([
    ['2026-11-01T00:00:00Z', '2026-11-01T00:00:00.000Z'],
    ['2026-11-01T08:00:00+08:00', '2026-11-01T00:00:00.000Z'],
    ['2026-11-01T08:00:00+0800', '2026-11-01T00:00:00.000Z'],
    ['2026-10-31T19:30:00-04:30', '2026-11-01T00:00:00.000Z'],
    ['2026-11-01T00:00:00.5Z', '2026-11-01T00:00:00.500Z'],
    ['2026-11-01T00:00:00.123456+00:00', '2026-11-01T00:00:00.123Z'],
    ['2024-02-29T00:00:00Z', '2024-02-29T00:00:00.000Z'],
  ])('reads the absolute time %p', (text, iso) => {
    expect(parseTime(text, now).toISOString()).toBe(iso);
  });

  it.each([
    ['now', '2026-11-01T12:00:00.000Z'],
    ['-24h', '2026-10-31T12:00:00.000Z'],
    ['-7d', '2026-10-25T12:00:00.000Z'],
    ['-90m', '2026-11-01T10:30:00.000Z'],
    ['-30s', '2026-11-01T11:59:30.000Z'],
    ['-1h30m', '2026-11-01T10:30:00.000Z'],
    ['-1d12h', '2026-10-31T00:00:00.000Z'],
  ])('reads the relative time %p against now', (text, iso) => {
    expect(parseTime(text, now).toISOString()).toBe(iso);
  });

  it('does not change the now it was given', () => {
    const given = new Date(now.getTime());
    parseTime('-1h', given).setUTCFullYear(1999);
    expect(given.toISOString()).toBe(now.toISOString());
  });

  it.each([
    ['-99999999d', /year -2\d{5}/],
    ['-9999999999999d', /too far in the past/],
    ['1999-12-31T23:59:59Z', /year 1999, not from 2000 to 2100/],
    ['2100-01-01T00:00:01Z', /year 2100, not from 2000 to 2100/],
    ['9999-06-01T00:00:00+0800', /year 9999/],
  ])('refuses %p, outside 2000 to 2100', (text, reason) => {
    expect(() => parseTime(text, now)).toThrow(TimeOutOfRangeError);
    expect(() => parseTime(text, now)).toThrow(reason);
  });

  it('accepts the first and last instants of the range', () => {
    expect(parseTime('2000-01-01T08:00:00+08:00', now).toISOString()).toBe('2000-01-01T00:00:00.000Z');
    expect(parseTime('2100-01-01T00:00:00Z', now).toISOString()).toBe('2100-01-01T00:00:00.000Z');
  });

  it('refuses a time without an offset as ambiguous', () => {
    expect(() => parseTime('2026-11-01T08:00:00', now)).toThrow(/no offset.*Z.*\+08:00/);
  });

  it.each([
    '2026-02-30T00:00:00Z',
    '2025-02-29T00:00:00Z',
    '2026-13-01T00:00:00Z',
    '2026-11-01T24:00:00Z',
    '2026-11-01T00:60:00Z',
    '2026-11-01T00:00:60Z',
    '2026-11-01T00:00:00+24:00',
  ])('refuses the impossible time %p', (text) => {
    expect(() => parseTime(text, now)).toThrow(/no such date or time/);
  });

  it.each([
    '',
    'yesterday',
    '24h',
    '+24h',
    '-2w',
    '-1h1d',
    '-',
    '2026-11-01',
    '2026-11-01T08:00Z',
    '1730000000',
    '2026/11/01T00:00:00Z',
  ])('refuses %p and says what it expects', (text) => {
    expect(() => parseTime(text, now)).toThrow(/expected ISO 8601 .*-24h.* or now/);
  });
});

describe('formatApiTime', () => {
  it('writes Beijing time with a +0800 offset, the form the service prints', () => {
    expect(formatApiTime(new Date('2026-11-01T08:00:00+08:00'))).toBe('2026-11-01T08:00:00+0800');
    expect(formatApiTime(new Date('2026-01-02T03:04:05.999Z'))).toBe('2026-01-02T11:04:05+0800');
    // Past midnight in Beijing is the next day, month and year there.
    expect(formatApiTime(new Date('2026-12-31T16:30:00Z'))).toBe('2027-01-01T00:30:00+0800');
  });

  it('writes what parseTime and parseApiTime read back', () => {
    const date = new Date('2026-03-04T05:06:07Z');
    expect(parseApiTime(formatApiTime(date))?.getTime()).toBe(date.getTime());
    expect(parseTime(formatApiTime(date), new Date()).getTime()).toBe(date.getTime());
  });

  it('refuses an invalid date', () => {
    expect(() => formatApiTime(new Date(NaN))).toThrow();
  });
});

describe('parseApiTime', () => {
  it.each([
    ['2022-06-27T15:23:10+0800', '2022-06-27T07:23:10.000Z'],
    ['2022-06-15T15:17:23+08:00', '2022-06-15T07:17:23.000Z'],
    ['2026-11-01T00:00:00Z', '2026-11-01T00:00:00.000Z'],
  ])('reads %p', (text, iso) => {
    expect(parseApiTime(text)?.toISOString()).toBe(iso);
  });

  it.each([
    undefined,
    '',
    '-',
    '1-01-01T08:05:43+0805',
    '0001-01-01T00:00:00Z',
    '1969-12-31T23:59:59Z',
    'soon',
    '2022-06-27T15:23:10',
    '2022-02-30T00:00:00+0800',
  ])('treats %p as unknown', (text) => {
    expect(parseApiTime(text)).toBeUndefined();
  });
});

describe('formatDuration', () => {
  it.each([
    [0, '0ms'],
    [850, '850ms'],
    [999.6, '1s'],
    [1500, '1.5s'],
    [1999, '1.9s'],
    [2000, '2s'],
    [12_000, '12s'],
    [12_999, '12s'],
    [185_000, '3m 05s'],
    [3_720_000, '1h 02m'],
    [90_061_000, '25h 01m'],
    [-5, '0ms'],
  ])('writes %p ms as %p', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});
