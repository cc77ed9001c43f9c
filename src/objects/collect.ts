/**
 * The failed objects of a set of workflow runs, all of them: lists every failed or cancelled run
 * into the objects file and explains the first ones. The runs are an inventory job's (the main
 * step, `wait/`) or any others the list can select; the caller turns the result into outputs and a
 * report (./report.ts).
 */
import { CallBudget } from '../ci/call-budget.js';
import type { CiClient } from '../ci/client.js';
import type { ListExecutionsQuery } from '../ci/types.js';
import type { StepFile } from '../job/ports.js';
import { explainRuns, type Explanation } from './reasons.js';
import { listFailedRuns, type FailedRunsListing } from './runs.js';

/** Runs looked up for a reason: two calls each, four at a time. */
export const EXPLAINED_RUNS = 20;
export const EXPLAIN_CONCURRENCY = 4;
/** Every call made for the reasons, retries included: what the README promises. */
export const EXPLAIN_CALLS = 2 * EXPLAINED_RUNS;
/** Runs kept for `failed-objects`. */
export const KEPT_RUNS = 100;
const PAGE_SIZE = 100;
const PROGRESS_EVERY = 1000;

/** Which runs: the list's filters (a job id, a workflow id); states, size and page token are set here. */
export type RunsQuery = Omit<ListExecutionsQuery, 'states' | 'size' | 'nextToken'>;

export interface RunsSource {
  /** How the log and the report name whose runs these are: `job b…`. */
  label: string;
  query: RunsQuery;
}

export interface FailedObjects {
  /** Whose runs these are, as the report names them: `job b…`. */
  label: string;
  listing: FailedRunsListing;
  /** Runs looked up for a reason, and what came of it. */
  explained: number;
  explanation?: Explanation;
  /** The objects file's path; '' when it could not be written. */
  file: string;
}

export interface CollectOptions {
  /** The objects file (JSON Lines), written page by page and closed here. */
  file: StepFile;
  /** Nothing new starts after this time (ms since the epoch; absent: no limit). */
  deadline?: number;
  now(): number;
  signal?: AbortSignal;
  /** Progress, every thousand runs. */
  log(message: string): void;
}

export type CollectClient = Pick<
  CiClient,
  'listExecutions' | 'describeExecution' | 'describeMediaJob' | 'withCallBudget'
>;

export async function collectFailedObjects(
  client: CollectClient,
  source: RunsSource,
  options: CollectOptions,
): Promise<FailedObjects> {
  const { file } = options;
  let explained = 0;
  let explanation: Explanation | undefined;
  let listing: FailedRunsListing;
  try {
    listing = await listFailedRuns({
      page: async (nextToken) =>
        (
          await client.listExecutions({
            ...source.query,
            states: ['Failed', 'Cancel'],
            size: PAGE_SIZE,
            nextToken,
          })
        ).value,
      explain: async (runs) => {
        explained = runs.length;
        const reasonsClient = client.withCallBudget(new CallBudget(EXPLAIN_CALLS, 'reasons'));
        explanation = await explainRuns(runs, reasonsClient, {
          concurrency: EXPLAIN_CONCURRENCY,
          deadline: options.deadline,
          now: options.now,
          signal: options.signal,
        });
      },
      explainFirst: EXPLAINED_RUNS,
      keepFirst: KEPT_RUNS,
      write: file.write,
      deadline: options.deadline,
      now: options.now,
      progress: (count) => options.log(`Listed ${count} failed or cancelled runs of ${source.label}`),
      progressEvery: PROGRESS_EVERY,
    });
  } finally {
    await file.close();
  }
  return { label: source.label, listing, explained, explanation, file: file.path };
}
