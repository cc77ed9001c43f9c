import { describe, expect, it } from '@jest/globals';
import {
  describeInput,
  describeWindow,
  describeJobDuration,
  jobOutputs,
  jobSummary,
} from '../../src/report/job-report.js';
import { parseApiTime } from '../../src/time.js';
import { jobDetail } from '../../test-support/fake-ports.js';

const at = (text: string): number => parseApiTime(text)!.getTime();
/** A job that queued two seconds and ran five. */
const ended = jobDetail({
  state: 'Success',
  creationTime: '2026-11-22T08:00:00+0800',
  startTime: '2026-11-22T08:00:02+0800',
  endTime: '2026-11-22T08:00:07+0800',
});

describe('jobOutputs', () => {
  it('gives the times as the API wrote them, unknown ones empty, and the job in the API names', () => {
    const outputs = jobOutputs(
      jobDetail({ state: 'Running', startTime: '-', endTime: '1-01-01T08:05:43+0805' }),
    );
    expect(outputs).toMatchObject({
      state: 'Running',
      'creation-time': '2026-11-30T12:00:00+0800',
      'start-time': '',
      'end-time': '',
    });
    expect(JSON.parse(outputs.job ?? '')).toMatchObject({ State: 'Running', StartTime: '-' });
  });
});

describe('the input and the window, for the summary', () => {
  it('shows the input as code, and a window with its open end named', () => {
    expect(describeInput('Prefix', 'videos/')).toBe('Prefix `videos/`');
    expect(describeWindow({ start: '2026-11-01T00:00:00+0800' })).toBe(
      '2026-11-01T00:00:00+0800 to any time',
    );
    expect(describeWindow({ start: '', end: '' })).toBeUndefined();
    expect(describeWindow(undefined)).toBeUndefined();
  });
});

describe('jobSummary', () => {
  it('puts the gantt after the table', () => {
    const summary = jobSummary({
      job: ended,
      workflowId: 'w0123456789abcdef0123456789abcdef',
      input: 'Prefix `videos/`',
      now: at('2026-11-22T08:10:00+0800'),
    });
    expect(summary).toMatch(
      /\| Duration \| 7s from creation to end \(ran 5s\) \|\n\n```mermaid\n%%\{init[^\n]*\ngantt\n[^]*\n```\n$/,
    );
  });

  it('says what the step concluded above the table, and the request id of the create when it has one', () => {
    const outcome = 'Timed out after 1h; the job still runs (state Running).';
    const summary = jobSummary({
      job: jobDetail({ state: 'Running', creationTime: '-' }),
      workflowId: 'w1',
      input: 'Object `a.mp4`',
      requestId: 'r-1',
      outcome: () => outcome,
      now: 0,
    });
    expect(summary.split('\n').slice(0, 3)).toEqual([
      `### CI inventory trigger job \`${'b' + '0'.repeat(32)}\``,
      '',
      outcome,
    ]);
    expect(summary).toContain('| Request id | `r-1` |');
    expect(summary).toContain('| Upload window | all uploads |');
    expect(summary).not.toContain('```mermaid');
  });
});

const CREATED = '2026-11-22T08:00:00+0800';
describe('describeJobDuration', () => {
  it('counts from the creation, as the log does, with the run from the start beside it', () => {
    const job = jobDetail({
      creationTime: CREATED,
      startTime: '2026-11-22T08:00:03+0800',
      endTime: '2026-11-22T08:00:07+0800',
    });
    expect(describeJobDuration(job, at('2026-11-22T09:00:00+08:00'))).toBe(
      '7s from creation to end (ran 4s)',
    );
  });

  it('counts to now for a job still running, and says so', () => {
    const job = jobDetail({ creationTime: CREATED, startTime: '2026-11-22T08:00:30+0800', endTime: '-' });
    expect(describeJobDuration(job, at('2026-11-22T08:05:00+08:00'))).toBe(
      '5m 00s since creation, so far (running for 4m 30s)',
    );
  });

  it('leaves out the run of a job that never started, and is empty without a creation time', () => {
    const cancelled = jobDetail({
      creationTime: CREATED,
      startTime: '-',
      endTime: '2026-11-22T08:00:12+0800',
    });
    expect(describeJobDuration(cancelled, 0)).toBe('12s from creation to end');
    expect(describeJobDuration(jobDetail({ creationTime: '-' }), 0)).toBe('');
  });
});
