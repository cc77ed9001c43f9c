/**
 * Why a workflow run failed: DescribeWorkflowExecution gives the task that ended Failed or Cancel,
 * with its Code and Message when the task carries them, else DescribeMediaJob gives them (a call
 * that needs a permission of its own). Two calls per run at most, four at a
 * time at most. A run that cannot be explained keeps empty fields and costs nothing else: the
 * caller says once, from `missing`, why reasons are absent.
 */
import type { CiClient } from '../ci/client.js';
import { ApiError, errorMessage, TransportError } from '../ci/errors.js';
import { failedTaskOf } from '../ci/task-answers.js';
import { isTaskOrRunId } from '../ci/types.js';
import type { FailedRun } from './runs.js';

export type ReasonClient = Pick<CiClient, 'describeExecution' | 'describeMediaJob'>;

export interface ReasonOptions {
  /** Requests in flight at most. */
  concurrency: number;
  /** No request starts after this time (ms since the epoch; absent: no limit). */
  deadline?: number;
  now(): number;
  /** When aborted (the workflow run was cancelled), its error ends the step as it would anywhere. */
  signal?: AbortSignal;
}

export interface Explanation {
  /** Runs left without a code (or without any reason). */
  missing: number;
  /** Why, each kind of cause once (the first one met, with its request id), in order; at most three. */
  causes: string[];
}

const MAX_CAUSES = 3;
/** Long enough for any real error text; a hostile answer's is cut. */
const MAX_MESSAGE = 1000;

/** Why one run stays unexplained; any other error is not about the run. */
class Unexplained extends Error {
  /** Causes of one kind (the same call refused with the same code) are told once. */
  constructor(
    message: string,
    readonly kind: string,
  ) {
    super(message);
  }
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Fills in `task`, `code` and `message` of each run it can explain. */
export async function explainRuns(
  runs: readonly FailedRun[],
  client: ReasonClient,
  options: ReasonOptions,
): Promise<Explanation> {
  const explanation: Explanation = { missing: 0, causes: [] };
  const kinds = new Set<string>();
  const note = (cause: string, kind = cause) => {
    explanation.missing += 1;
    if (explanation.causes.length < MAX_CAUSES && !kinds.has(kind)) explanation.causes.push(cause);
    kinds.add(kind);
  };
  const timeLeft = () => options.deadline === undefined || options.now() < options.deadline;

  /** One run: a cause when it stays unexplained (or is explained only in part). */
  async function explainOne(run: FailedRun): Promise<string | undefined> {
    if (!isTaskOrRunId(run.runId)) return 'a run id in the list is not one the API gives';
    if (!timeLeft()) return 'the timeout passed before they were asked for';
    const execution = (await call('DescribeWorkflowExecution', () => client.describeExecution(run.runId)))
      .value;
    if (!execution) return 'DescribeWorkflowExecution did not find the run';
    const { task, own } = failedTaskOf(execution.tasks ?? []) ?? {};
    if (!task) return 'no task of the run ended Failed or Cancel';
    const name = clip(task.name || task.type, 200);
    if (own) {
      // The task says why itself: no DescribeMediaJob, which needs a permission of its own.
      Object.assign(run, { task: name, code: clip(own.code, 200), message: clip(own.message, MAX_MESSAGE) });
      return undefined;
    }
    if (!isTaskOrRunId(task.jobId)) {
      run.task = name;
      return 'the task that ended has no media job';
    }
    if (!timeLeft()) return 'the timeout passed before they were asked for';
    const media = (await call('DescribeMediaJob', () => client.describeMediaJob(task.jobId))).value;
    run.task = name;
    if (!media) return "DescribeMediaJob did not find the task's media job";
    // The docs: Code and Message mean something only when the media job Failed.
    if (media.state === 'Failed' || (media.code && media.code !== 'Success')) {
      run.code = clip(media.code, 200);
      run.message = clip(media.message, MAX_MESSAGE);
    }
    // A task cancelled with its run has no error to tell: the state says it all.
    return run.code || media.state === 'Cancel'
      ? undefined
      : `the media job of the task says no error code (state ${clip(media.state, 40)})`;
  }

  /** A failed call becomes the run's cause; only the workflow run's cancellation goes on up. */
  async function call<T>(name: string, send: () => Promise<T>): Promise<T> {
    try {
      return await send();
    } catch (error) {
      if (options.signal?.aborted) throw error;
      const text = errorMessage(error);
      const kind =
        error instanceof ApiError ? error.code : error instanceof TransportError ? error.kind : text;
      throw new Unexplained(`${name} failed: ${text}`, `${name} ${kind}`);
    }
  }

  let next = 0;
  const worker = async () => {
    while (next < runs.length) {
      const run = runs[next++]!;
      try {
        const cause = await explainOne(run);
        if (cause) note(cause);
      } catch (error) {
        if (!(error instanceof Unexplained)) throw error;
        note(error.message, error.kind);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency, runs.length) }, worker));
  return explanation;
}
