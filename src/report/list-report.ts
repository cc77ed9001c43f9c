import type { JobDetail } from '../ci/types.js';
import { parseApiTime } from '../time.js';
import { literal, markdownTable, stateCell } from './markdown.js';
import { statePie } from './mermaid.js';

/** A summary stays readable, and far under GitHub's 1 MiB a step, whatever `limit` is. */
export const MAX_LIST_SUMMARY_ROWS = 100;

export function listSummary(jobs: JobDetail[], files: { inOutput: number; jobsFile: string }): string {
  const when = (text: string) => (parseApiTime(text) ? text : '');
  const lines = [`### CI inventory trigger jobs: ${jobs.length}`, ''];
  lines.push(
    jobs.length === 0
      ? 'No job matches the filters.'
      : markdownTable(
          ['Job id', 'Name', 'State', 'Created', 'Ended', 'Code'],
          jobs
            .slice(0, MAX_LIST_SUMMARY_ROWS)
            .map((job) => [
              literal(job.jobId),
              literal(job.name),
              stateCell(job.state),
              when(job.creationTime),
              when(job.endTime),
              job.state === 'Failed' ? literal(job.code) : '',
            ]),
        ),
  );
  if (jobs.length > MAX_LIST_SUMMARY_ROWS) {
    const where = files.jobsFile
      ? ': every job is in `jobs-file`.'
      : ' (the jobs file could not be written).';
    lines.push('', `… and ${jobs.length - MAX_LIST_SUMMARY_ROWS} more${where}`);
  }
  if (files.inOutput < jobs.length) {
    lines.push(
      '',
      `> [!WARNING]\n> The \`jobs\` output holds the first ${files.inOutput} jobs (GitHub limits an output's size).`,
    );
  }
  const pie = statePie(jobs.map((job) => job.state));
  if (pie) lines.push('', pie.trimEnd());
  return lines.join('\n') + '\n';
}
