import { describe, expect, it } from '@jest/globals';
import { listSummary, MAX_LIST_SUMMARY_ROWS } from '../../src/report/list-report.js';
import { jobDetail } from '../../test-support/fake-ports.js';

const jobs = (count: number) =>
  Array.from({ length: count }, (_, i) => jobDetail({ jobId: 'b' + i.toString(16).padStart(32, '0') }));
/** The table's data rows: the lines that start a cell, after the header and its rule. */
const rows = (markdown: string) =>
  markdown
    .split('\n')
    .filter((line) => line.startsWith('| '))
    .slice(2);

describe('listSummary', () => {
  it('says that no job matches, with neither table nor chart', () => {
    const summary = listSummary([], { inOutput: 0, jobsFile: '/tmp/jobs.json' });
    expect(summary).toContain('No job matches the filters.');
    expect(summary).not.toContain('| ');
    expect(summary).not.toContain('```mermaid');
  });

  it(`shows at most ${MAX_LIST_SUMMARY_ROWS} rows, says how many more are in jobs-file, and charts them all`, () => {
    const summary = listSummary(jobs(MAX_LIST_SUMMARY_ROWS + 5), {
      inOutput: 105,
      jobsFile: '/tmp/jobs.json',
    });
    expect(summary).toContain(`### CI inventory trigger jobs: ${MAX_LIST_SUMMARY_ROWS + 5}`);
    expect(rows(summary)).toHaveLength(MAX_LIST_SUMMARY_ROWS);
    expect(summary).toContain('… and 5 more');
    expect(summary).toContain('jobs-file');
    expect(summary).toMatch(new RegExp(`Running" : ${MAX_LIST_SUMMARY_ROWS + 5}\n`));
    expect(summary).not.toContain('[!WARNING]');
  });

  it('warns when the jobs output holds fewer jobs than matched', () => {
    const summary = listSummary(jobs(3), { inOutput: 2, jobsFile: '/tmp/jobs.json' });
    expect(rows(summary)).toHaveLength(3);
    expect(summary).toContain('> [!WARNING]');
    expect(summary).toContain('holds the first 2 jobs');
  });

  it('shows a code only for a failed job, and no time the API left unknown', () => {
    const [row] = rows(
      listSummary([jobDetail({ state: 'Success', code: 'Success', endTime: '-' })], {
        inOutput: 1,
        jobsFile: '',
      }),
    );
    const [failed] = rows(
      listSummary([jobDetail({ state: 'Failed', code: 'WorkflowFailed' })], { inOutput: 1, jobsFile: '' }),
    );
    expect(row?.split('|').at(-2)?.trim()).toBe('');
    expect(row).not.toContain('| - |');
    expect(failed?.split('|').at(-2)?.trim()).toBe('`WorkflowFailed`');
  });
});
