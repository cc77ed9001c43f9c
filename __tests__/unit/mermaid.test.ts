import type { JobDetail } from '../../src/ci/types.js';
import {
  apiOffsetMinutes,
  ganttDate,
  jobGantt,
  mermaidBlock,
  offsetName,
  runGantt,
  sanitizeLabel,
  statePie,
  tickInterval,
} from '../../src/report/mermaid.js';
import { parseApiTime } from '../../src/time.js';

const at = (text: string): number => parseApiTime(text)!.getTime();

function job(fields: Partial<JobDetail>): JobDetail {
  return {
    jobId: 'b0123456789abcdef0123456789abcdef',
    name: 'demo',
    type: 'Job',
    state: 'Success',
    code: 'Success',
    message: '',
    creationTime: '2026-11-22T08:00:00+0800',
    startTime: '2026-11-22T08:00:02+0800',
    endTime: '2026-11-22T08:00:07+0800',
    ...fields,
  };
}

const GANTT_THEME =
  '%%{init: {"themeVariables":{"taskBkgColor":"#d0d7de","taskBorderColor":"#6e7781",' +
  '"doneTaskBkgColor":"#4ac26b","doneTaskBorderColor":"#1a7f37","critBkgColor":"#ff8182",' +
  '"critBorderColor":"#cf222e","activeTaskBkgColor":"#eac54f","activeTaskBorderColor":"#9a6700",' +
  '"taskTextColor":"#1f2328","taskTextDarkColor":"#1f2328"}}}%%';

const HEADER = [
  '```mermaid',
  GANTT_THEME,
  'gantt',
  '  title Job phases, times UTC+0800',
  '  dateFormat YYYY-MM-DD HH:mm:ss',
  '  axisFormat %H:%M:%S',
  '  tickInterval 1second',
  '  todayMarker off',
  '  section Job',
];

describe('sanitizeLabel', () => {
  it('replaces what ends a gantt task name or data, or starts an entity, with look-alikes', () => {
    expect(sanitizeLabel('a:b#c;d')).toBe('a꞉b♯c,d');
    expect(sanitizeLabel('#35; x')).toBe('♯35, x');
  });

  it('keeps one line, without control characters or runs of spaces', () => {
    expect(sanitizeLabel('  one\ntwo\r\n\tthree  ')).toBe('one two three');
  });

  it('leaves glyphs and ordinary text alone', () => {
    expect(sanitizeLabel('✅ Success (3m 05s), ok-1_2')).toBe('✅ Success (3m 05s), ok-1_2');
  });
});

describe('times for the gantt', () => {
  it('reads the offset an API time is written in', () => {
    expect(apiOffsetMinutes('2026-11-22T08:00:00+0800')).toBe(480);
    expect(apiOffsetMinutes('2026-11-22T08:00:00-05:30')).toBe(-330);
    expect(apiOffsetMinutes('2026-11-22T08:00:00Z')).toBe(0);
    expect(apiOffsetMinutes('-')).toBeUndefined();
    expect(apiOffsetMinutes(undefined)).toBeUndefined();
  });

  it('names offsets without a colon (a gantt title may not hold one)', () => {
    expect(offsetName(480)).toBe('UTC+0800');
    expect(offsetName(-330)).toBe('UTC-0530');
    expect(offsetName(0)).toBe('UTC+0000');
  });

  it('writes the wall clock at the offset, in the dateFormat, cut to whole seconds', () => {
    const ms = at('2026-11-22T00:00:05Z') + 999;
    expect(ganttDate(ms, 0)).toBe('2026-11-22 00:00:05');
    expect(ganttDate(ms, 480)).toBe('2026-11-22 08:00:05');
    expect(ganttDate(ms, -60)).toBe('2026-11-21 23:00:05');
  });

  it('picks a tick interval that labels the span with at most ten ticks', () => {
    expect(tickInterval(0)).toBe('1second');
    expect(tickInterval(7_000)).toBe('1second');
    expect(tickInterval(12_000)).toBe('2second');
    expect(tickInterval(10 * 60_000)).toBe('1minute');
    expect(tickInterval(3 * 3_600_000)).toBe('30minute');
    expect(tickInterval(30 * 3_600_000)).toBe('3hour');
    expect(tickInterval(31 * 3_600_000)).toBe('6hour');
    expect(tickInterval(400 * 86_400_000)).toBe('1month');
  });

  it('fences a block', () => {
    expect(mermaidBlock(['pie', '  "a" : 1'])).toBe('```mermaid\npie\n  "a" : 1\n```\n');
  });
});

describe('jobGantt', () => {
  const now = at('2026-11-22T08:10:00+0800');

  it('draws queued (grey), running (green) and the end as a milestone, with durations and the state word', () => {
    expect(jobGantt(job({}), now)).toBe(
      [
        ...HEADER,
        '  Queued 2s :queued, 2026-11-22 08:00:00, 2026-11-22 08:00:02',
        '  Running 5s :done, running, 2026-11-22 08:00:02, 2026-11-22 08:00:07',
        '  ✅ Success :milestone, done, ended, 2026-11-22 08:00:07, 0s',
        '```',
        '',
      ].join('\n'),
    );
  });

  it('marks a failed job critical', () => {
    const text = jobGantt(job({ state: 'Failed' }), now);
    expect(text).toContain('  Running 5s :crit, running, 2026-11-22 08:00:02, 2026-11-22 08:00:07\n');
    expect(text).toContain('  ❌ Failed :milestone, crit, ended, 2026-11-22 08:00:07, 0s\n');
  });

  it('draws a running job up to now, active, without a milestone', () => {
    const text = jobGantt(job({ state: 'Running', endTime: '-' }), now + 400);
    expect(text).toContain(
      '  Running 9m 58s so far :active, running, 2026-11-22 08:00:02, 2026-11-22 08:10:00\n',
    );
    expect(text).not.toContain('milestone');
  });

  it('names a state other than Running on the open bar', () => {
    const text = jobGantt(job({ state: 'Pause', endTime: '-' }), now);
    expect(text).toContain('  Running 9m 58s so far, ⏸ Pause now :active, running,');
  });

  it('draws a job not yet started as queued up to now', () => {
    const text = jobGantt(job({ state: 'Submitted', startTime: '-', endTime: '-' }), now);
    expect(text).toContain(
      '  Queued 10m 00s so far :active, queued, 2026-11-22 08:00:00, 2026-11-22 08:10:00\n',
    );
    expect(text).not.toContain('running');
  });

  it('draws a job cancelled before it started as queued, then the end, both grey', () => {
    const text = jobGantt(job({ state: 'Cancel', startTime: '-', endTime: '2026-11-22T08:00:04+0800' }), now);
    expect(text).toContain('  Queued 4s :queued, 2026-11-22 08:00:00, 2026-11-22 08:00:04\n');
    expect(text).toContain('  ⏹ Cancel :milestone, ended, 2026-11-22 08:00:04, 0s\n');
  });

  it('says "seen" for a final job with no end time instead of inventing one', () => {
    const text = jobGantt(job({ endTime: '-' }), now);
    expect(text).toContain(
      '  Running 9m 58s until seen :done, running, 2026-11-22 08:00:02, 2026-11-22 08:10:00\n',
    );
    expect(text).toContain('  ✅ Success seen :milestone, done, ended, 2026-11-22 08:10:00, 0s\n');
  });

  it('never draws a phase ending before it begins when the runner clock lags', () => {
    const text = jobGantt(job({ state: 'Running', endTime: '-' }), at('2026-11-22T07:59:00+0800'));
    expect(text).toContain(
      '  Running 0s so far :active, running, 2026-11-22 08:00:02, 2026-11-22 08:00:02\n',
    );
  });

  it('uses the offset of the creation time, and a day-aware axis for long jobs', () => {
    const text = jobGantt(
      job({
        creationTime: '2026-11-22T00:00:00Z',
        startTime: '2026-11-22T00:00:01Z',
        endTime: '2026-11-23T06:00:00Z',
      }),
      now,
    );
    expect(text).toContain('  title Job phases, times UTC+0000\n');
    expect(text).toContain('  axisFormat %m-%d %H:%M\n  tickInterval 3hour\n');
    expect(text).toContain('  Running 29h 59m :done, running, 2026-11-22 00:00:01, 2026-11-23 06:00:00\n');
  });

  it('is empty without a creation time', () => {
    expect(jobGantt(job({ creationTime: '-' }), now)).toBe('');
  });

  it('sanitizes a state the API may add', () => {
    expect(jobGantt(job({ state: 'Odd:#;' }), now)).toContain('  Running 9m 58s so far, Odd꞉♯, now :active,');
  });
});

describe('runGantt', () => {
  const created = '2026-11-22T08:00:00+0800';
  const triggeredAt = at('2026-11-22T08:00:00+0800') - 300;

  it('draws the run from its creation to when the step saw it end, and says so', () => {
    const seenAt = at('2026-11-22T08:00:12+0800') + 250;
    expect(runGantt({ state: 'Success', createTime: created }, { triggeredAt, seenAt })).toBe(
      [
        '```mermaid',
        GANTT_THEME,
        'gantt',
        '  title Workflow run, times UTC+0800',
        '  dateFormat YYYY-MM-DD HH:mm:ss',
        '  axisFormat %H:%M:%S',
        '  tickInterval 2second',
        '  todayMarker off',
        '  section Run',
        '  Run, seen ended after 12s :done, run, 2026-11-22 08:00:00, 2026-11-22 08:00:12',
        '  ✅ Success seen :milestone, done, seen, 2026-11-22 08:00:12, 0s',
        '```',
        '',
        'The API gives a workflow run no end time: the bar ends when this step saw the run ended.',
        '',
      ].join('\n'),
    );
  });

  it('draws a run that still runs up to the last look, active', () => {
    const seenAt = at('2026-11-22T08:01:00+0800');
    const text = runGantt({ state: 'Running', createTime: created }, { triggeredAt, seenAt });
    expect(text).toContain(
      '  Running 1m 00s so far :active, run, 2026-11-22 08:00:00, 2026-11-22 08:01:00\n',
    );
    expect(text).not.toContain('milestone');
    expect(text).toContain('the bar ends when this step last looked at the run.');
  });

  it('marks a failed run critical', () => {
    const seenAt = at('2026-11-22T08:00:03+0800');
    const text = runGantt({ state: 'Failed', createTime: created }, { triggeredAt, seenAt });
    expect(text).toContain('  Run, seen ended after 3s :crit, run,');
    expect(text).toContain('  ❌ Failed seen :milestone, crit, seen, 2026-11-22 08:00:03, 0s\n');
  });

  it('starts at the trigger call, in UTC, when the API gave no creation time', () => {
    const seenAt = at('2026-11-22T00:00:04Z');
    const text = runGantt(
      { state: 'Success', createTime: '' },
      { triggeredAt: at('2026-11-22T00:00:01Z') + 700, seenAt },
    );
    expect(text).toContain('  title Workflow run, times UTC+0000\n');
    expect(text).toContain(
      '  Run, seen ended after 3s :done, run, 2026-11-22 00:00:01, 2026-11-22 00:00:04\n',
    );
  });
});

describe('statePie', () => {
  it('counts jobs per state in the API order of states, with glyph, word and the state colour', () => {
    expect(statePie(['Failed', 'Success', 'Running', 'Success', 'Cancel', 'Submitted'])).toBe(
      [
        '```mermaid',
        '%%{init: {"themeVariables":{"pie1":"#fae17d","pie2":"#d4a72c","pie3":"#4ac26b","pie4":"#ff8182",' +
          '"pie5":"#afb8c1","pieOpacity":"1","pieStrokeColor":"#ffffff","pieSectionTextColor":"#1f2328"}}}%%',
        'pie showData',
        '  title Jobs by state',
        '  "⏳ Submitted" : 1',
        '  "⏳ Running" : 1',
        '  "✅ Success" : 2',
        '  "❌ Failed" : 1',
        '  "⏹ Cancel" : 1',
        '```',
        '',
      ].join('\n'),
    );
  });

  it('counts every state it does not know in one slice, last, in blue: no label from the answer', () => {
    expect(statePie(['Success', 'We"ird:#;\\', '', 'Success '])).toBe(
      [
        '```mermaid',
        '%%{init: {"themeVariables":{"pie1":"#4ac26b","pie2":"#54aeff","pieOpacity":"1",' +
          '"pieStrokeColor":"#ffffff","pieSectionTextColor":"#1f2328"}}}%%',
        'pie showData',
        '  title Jobs by state',
        '  "✅ Success" : 1',
        '  "unknown state" : 3',
        '```',
        '',
      ].join('\n'),
    );
  });

  it('is empty for no jobs', () => {
    expect(statePie([])).toBe('');
  });
});
