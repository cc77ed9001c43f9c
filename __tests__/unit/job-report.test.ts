import { describe, expect, it } from '@jest/globals';
import { describeJobDuration } from '../../src/report/job-report.js';
import { jobDetail } from '../../test-support/fake-ports.js';

const CREATED = '2026-11-22T08:00:00+0800';
const at = (text: string) => Date.parse(text);

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
