/**
 * The failed objects of a job, all of them: lists every failed or cancelled run into the objects
 * file and explains the first ones. The caller turns the result into outputs and a report.
 */
import type { CiClient } from '../ci/client.js';
import { listFailedRuns, type FailedRunsListing } from './failed-runs.js';
import { explainRuns, type Explanation } from './failure-reasons.js';
import { createObjectsFile } from './objects-file.js';

/** Runs looked up for a reason: two calls each, four at a time. */
export const EXPLAINED_RUNS = 20;
export const EXPLAIN_CONCURRENCY = 4;
/** Runs kept for `failed-objects`. */
export const KEPT_RUNS = 100;
const PAGE_SIZE = 100;
const PROGRESS_EVERY = 1000;

export interface FailedObjects {
  jobId: string;
  listing: FailedRunsListing;
  /** Runs looked up for a reason, and what came of it. */
  explained: number;
  explanation?: Explanation;
  /** The objects file's path. */
  file: string;
}

export interface FailedObjectsOptions {
  /** The objects file to create (under RUNNER_TEMP). */
  path: string;
  /** Nothing new starts after this time (0: no limit). */
  deadline: number;
  now(): number;
  signal?: AbortSignal;
  /** Progress, every thousand runs. */
  log(message: string): void;
}

export async function findFailedObjects(
  client: Pick<CiClient, 'listExecutions' | 'describeExecution' | 'describeMediaJob'>,
  scope: { jobId: string; workflowId?: string },
  options: FailedObjectsOptions,
): Promise<FailedObjects> {
  const file = await createObjectsFile(options.path);
  let explained = 0;
  let explanation: Explanation | undefined;
  try {
    const listing = await listFailedRuns({
      page: async (nextToken) =>
        (await client.listExecutions({ ...scope, states: ['Failed', 'Cancel'], size: PAGE_SIZE, nextToken }))
          .value,
      explain: async (runs) => {
        explained = runs.length;
        explanation = await explainRuns(runs, client, {
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
      progress: (count) => options.log(`Listed ${count} failed or cancelled runs of job ${scope.jobId}`),
      progressEvery: PROGRESS_EVERY,
    });
    return { jobId: scope.jobId, listing, explained, explanation, file: file.path };
  } finally {
    await file.close();
  }
}
