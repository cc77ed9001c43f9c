import { pages } from '../../ci/pages.js';
import type { JobDetail } from '../../ci/types.js';
import type { StepDeps } from '../../job/ports.js';
import { asJobsDetail } from '../../report/api-json.js';
import { listSummary } from '../../report/list-report.js';
import { formatApiTime } from '../../time.js';
import { runAction } from '../run-action.js';
import { readListSettings, type ListSettings } from './settings.js';

const PAGE_SIZE = 100;
/** Half of GitHub's 1 MB an output: room for the workflow's other outputs and expressions. */
export const MAX_JOBS_OUTPUT_BYTES = 512 * 1024;

/** `list/`: the jobs that match the filters. */
export async function run(): Promise<void> {
  await runAction('list', () => readListSettings(), listJobs);
}

/**
 * Follows `nextToken` until `limit`, the last page, an empty page or a repeated token. Every job
 * goes to `jobs-file`; the `jobs` output keeps the first that fit in 512 KB.
 */
export async function listJobs(settings: ListSettings, deps: StepDeps): Promise<void> {
  const client = deps.client();
  const jobs: JobDetail[] = [];
  const fetchPage = async (nextToken: string) => {
    const page = await client.listJobs({
      states: settings.states.length > 0 ? settings.states : undefined,
      workflowId: settings.workflowId,
      name: settings.name,
      jobId: settings.jobId,
      startCreationTime: settings.since && formatApiTime(settings.since),
      endCreationTime: settings.until && formatApiTime(settings.until),
      order: settings.order,
      size: PAGE_SIZE,
      nextToken,
    });
    return { items: page.value.jobs, nextToken: page.value.nextToken };
  };
  const onRepeatedToken = () =>
    deps.reporter.warning('The API handed out a page cursor it had given before; listing stopped there.');
  for await (const page of pages(fetchPage, onRepeatedToken)) {
    for (const job of page.slice(0, settings.limit - jobs.length)) jobs.push(job);
    if (jobs.length >= settings.limit) break;
  }

  const all = jobs.map(asJobsDetail);
  const file = await deps.stepFile('cos-workflow-trigger-jobs', 'json', 'jobs-file');
  await file.write(JSON.stringify(all, null, 2) + '\n');
  await file.close();
  const jobsFile = file.path;
  const kept = firstThatFit(all, MAX_JOBS_OUTPUT_BYTES);
  if (kept.length < all.length) {
    deps.reporter.warning(
      `The jobs output holds the first ${kept.length} of ${all.length} jobs (GitHub limits an output's ` +
        `size)${jobsFile ? `; jobs-file (${jobsFile}) has them all` : ''}.`,
    );
  }
  deps.reporter.setOutputs({ jobs: JSON.stringify(kept), count: String(all.length), 'jobs-file': jobsFile });
  deps.reporter.info(`${all.length} job(s) match`);
  await deps.reporter.writeSummary(listSummary(jobs, { inOutput: kept.length, jobsFile }));
}

/** The longest start of `items` whose JSON array stays within `maxBytes`. */
function firstThatFit(items: unknown[], maxBytes: number): unknown[] {
  let bytes = 2; // []
  let count = 0;
  for (const item of items) {
    const size = Buffer.byteLength(JSON.stringify(item)) + (count > 0 ? 1 : 0);
    if (bytes + size > maxBytes) break;
    bytes += size;
    count++;
  }
  return items.slice(0, count);
}
