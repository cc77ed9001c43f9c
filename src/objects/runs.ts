/**
 * Every failed or cancelled workflow run of a job, at any count: pages through the list, writes
 * each page to the objects file as it arrives, and keeps only counts and the first runs (for the
 * outputs and the summary), so memory stays flat whether 3 or 100,000 runs failed.
 */
import { pages } from '../ci/pages.js';
import type { ExecutionsPage, WorkflowExecution } from '../ci/types.js';

/** One failed or cancelled run, as the outputs and the objects file give it. */
export interface FailedRun {
  object: string;
  runId: string;
  state: string;
  /** The task it failed in (its `Name`, or its `Type`), where known. */
  task: string;
  /** The media job's error code and text, where known. */
  code: string;
  message: string;
  createTime: string;
}

export interface FailedRunsListing {
  /** Runs listed: every failed or cancelled run unless `incomplete` says why not. */
  count: number;
  /** Runs by state, in the order states were first seen. */
  byState: Map<string, number>;
  /** The first runs in list order (at most `keepFirst`); the first `explainFirst` with reasons where known. */
  first: FailedRun[];
  /** Why the list stopped before its end, when it did. */
  incomplete?: string;
}

export interface ListingOptions {
  /** One page of failed and cancelled runs; `''` asks for the first. */
  page(nextToken: string): Promise<ExecutionsPage>;
  /** Fills in the reasons of the first runs listed, before they are written. */
  explain(runs: FailedRun[]): Promise<void>;
  explainFirst: number;
  keepFirst: number;
  /** Appends to the objects file. */
  write(text: string): Promise<void>;
  /** No page is asked for after this time (ms since the epoch; absent: no limit). The first one always is. */
  deadline?: number;
  now(): number;
  /** Told the count each time it passes a multiple of `progressEvery`. */
  progress(count: number): void;
  progressEvery: number;
}

const toFailedRun = (run: WorkflowExecution): FailedRun => ({
  object: run.object,
  runId: run.runId,
  state: run.state,
  task: '',
  code: '',
  message: '',
  createTime: run.createTime,
});

/** One JSON Lines line of the objects file (JSON escapes every line break a value holds). */
export function jsonLine(run: FailedRun): string {
  const { object, runId, state, task, code, message, createTime } = run;
  return `${JSON.stringify({ object, runId, state, task, code, message, createTime })}\n`;
}

/**
 * Lists until a page comes back empty or without a next token (src/ci/pages.ts). A token seen
 * before (the service going round in circles) or the deadline stops it early, and `incomplete`
 * says so.
 */
export async function listFailedRuns(options: ListingOptions): Promise<FailedRunsListing> {
  const listing: FailedRunsListing = { count: 0, byState: new Map(), first: [] };
  // The first runs wait here until they are explained, so that their lines carry the reasons.
  let held: FailedRun[] | undefined = [];
  const release = async () => {
    if (!held) return;
    const runs = held;
    held = undefined;
    if (runs.length > 0) await options.explain(runs.slice(0, options.explainFirst));
    await options.write(runs.map(jsonLine).join(''));
  };

  let nextToken = '';
  const fetchPage = async (token: string) => {
    const page = await options.page(token);
    nextToken = page.nextToken;
    return { items: page.executions, nextToken: page.nextToken };
  };
  const onRepeatedToken = () => (listing.incomplete = 'the service gave the same page token twice');
  for await (const executions of pages(fetchPage, onRepeatedToken)) {
    const runs = executions.map(toFailedRun);
    const before = listing.count;
    for (const run of runs) {
      listing.count += 1;
      listing.byState.set(run.state, (listing.byState.get(run.state) ?? 0) + 1);
      if (listing.first.length < options.keepFirst) listing.first.push(run);
    }
    if (held) {
      held.push(...runs);
      if (held.length >= options.explainFirst) await release();
    } else {
      await options.write(runs.map(jsonLine).join(''));
    }
    if (Math.floor(listing.count / options.progressEvery) > Math.floor(before / options.progressEvery))
      options.progress(listing.count);
    if (nextToken && options.deadline !== undefined && options.now() >= options.deadline) {
      listing.incomplete = 'the timeout passed';
      break;
    }
  }
  await release();
  return listing;
}
