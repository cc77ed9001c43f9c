import type { JobDetail } from '../ci/types.js';
import { asJobsDetail } from '../report/api-json.js';
import type { ListSettings } from '../runner/inputs.js';
import { markdownTable, stateLabel } from '../report/markdown.js';
import { statePie } from '../report/mermaid.js';
import { formatApiTime, parseApiTime } from '../time.js';
import type { StepDeps } from './ports.js';

const PAGE_SIZE = 100;

/** `list/`: the jobs that match the filters, following `nextToken` until `limit` or the last page. */
export async function listJobs(settings: ListSettings, deps: StepDeps): Promise<void> {
  const client = deps.client();
  const jobs: JobDetail[] = [];
  let nextToken = '';
  do {
    const page = await client.listJobs({
      states: settings.states.length > 0 ? settings.states : undefined,
      workflowId: settings.workflowId,
      name: settings.name,
      jobId: settings.jobId || undefined,
      startCreationTime: settings.since && formatApiTime(settings.since),
      endCreationTime: settings.until && formatApiTime(settings.until),
      order: settings.order,
      size: PAGE_SIZE,
      nextToken,
    });
    jobs.push(...page.value.jobs);
    nextToken = page.value.nextToken;
  } while (nextToken && jobs.length < settings.limit);
  const listed = jobs.slice(0, settings.limit);

  deps.reporter.setOutput('jobs', JSON.stringify(listed.map(asJobsDetail)));
  deps.reporter.setOutput('count', String(listed.length));
  deps.reporter.info(`${listed.length} job(s) match`);
  await deps.reporter.writeSummary(listSummary(listed));
}

function listSummary(jobs: JobDetail[]): string {
  const when = (text: string) => (parseApiTime(text) ? text : '');
  const lines = [`### CI inventory trigger jobs: ${jobs.length}`, ''];
  lines.push(
    jobs.length === 0
      ? 'No job matches the filters.'
      : markdownTable(
          ['Job id', 'Name', 'State', 'Created', 'Ended', 'Code'],
          jobs.map((job) => [
            `\`${job.jobId}\``,
            job.name,
            stateLabel(job.state),
            when(job.creationTime),
            when(job.endTime),
            job.state === 'Failed' ? job.code : '',
          ]),
        ),
  );
  const pie = statePie(jobs.map((job) => job.state));
  if (pie) lines.push('', pie.trimEnd());
  return lines.join('\n') + '\n';
}
