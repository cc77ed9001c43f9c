import type { JobDetail, JobState } from '../ci/types.js';

/** How a step waits for a job to end: the inputs the main step and `wait/` share. */
export interface WaitingSettings {
  /** Longest gap between two status checks, in ms. */
  pollIntervalMs: number;
  /** How long to wait in ms; 0 waits until the GitHub job's own limit. */
  timeoutMs: number;
  /** Cancel the job when the wait times out. */
  cancelOnTimeout: boolean;
  /** Cancel the job when the workflow run is cancelled while the step waits. */
  cancelOnAbort: boolean;
  /** Final states that fail the step. */
  failOn: JobState[];
  /** What to do about objects whose workflow runs failed. */
  objectFailures: 'fail' | 'warn' | 'ignore';
}

export interface JobWaitContext {
  jobId: string;
  workflowId: string;
  /** What the job runs over, for the summary. */
  input: string;
  window?: string;
  /** The create call's request id, when this step created the job. */
  requestId?: string;
  /** The create answer, so that the first state is not announced twice. */
  initial?: JobDetail;
  /**
   * When the job was created, on this runner's clock (when its create was sent, or the creation
   * time the service reports, never after now): the poll schedule and the log's times count from it.
   */
  startedAt: number;
}
