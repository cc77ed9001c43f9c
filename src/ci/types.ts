/** The vocabulary of the CI batch-trigger API, as the action uses it (docs/api-notes.md). */

export const JOB_STATES = ['Submitted', 'Running', 'Success', 'Failed', 'Pause', 'Cancel'] as const;
export type JobState = (typeof JOB_STATES)[number];

/** States after which a job never moves again. `Pause` is not one: it may be resumed. */
export const FINAL_JOB_STATES: readonly JobState[] = ['Success', 'Failed', 'Cancel'];

export const isFinalJobState = (state: string): boolean => FINAL_JOB_STATES.includes(state as JobState);

export const isJobState = (text: string): text is JobState =>
  (JOB_STATES as readonly string[]).includes(text);

/**
 * A state as read from an answer, the one place states are normalised: a known state with stray
 * white space around it (`Success `) is that state; any other text is kept as sent, and shown
 * and waited on as a state this action does not know. Runs, tasks and media jobs use the same
 * words as jobs.
 */
export function readState(text: string): string {
  const trimmed = text.trim();
  return isJobState(trimmed) ? trimmed : text;
}

export const EXECUTION_STATES = ['Running', 'Success', 'Failed', 'Cancel'] as const;
export type ExecutionState = (typeof EXECUTION_STATES)[number];

/** What a job runs over: exactly one of these nodes is sent in `<Input>`. */
export type JobInput =
  | { kind: 'Object'; value: string }
  | { kind: 'Prefix'; value: string }
  | { kind: 'Manifest'; value: string }
  | { kind: 'UrlFile'; value: string };

export interface CreateJobRequest {
  name: string;
  workflowId: string;
  input: JobInput;
  /** Upload-time window, already in the API's `%Y-%m-%dT%H:%M:%S%z` form. */
  timeInterval?: { start?: string; end?: string };
}

/**
 * `b` + 32 hex characters. A job id from an answer goes into the next request's path, so anything
 * else (`../../x`) is refused rather than sent.
 */
export const JOB_ID_PATTERN = /^b[0-9a-f]{32}$/;
export const isJobId = (text: string): boolean => JOB_ID_PATTERN.test(text);

/** The form of an id that goes into a path, as an error names it. */
export interface IdForm {
  test(id: string): boolean;
  /** `b + 32 hex characters`. */
  form: string;
}
export const JOB_ID: IdForm = { test: isJobId, form: 'b + 32 hex characters' };

/** One `<JobsDetail>` node. Times are kept as the API wrote them; `-` or empty means unknown. */
export interface JobDetail {
  jobId: string;
  name: string;
  type: string;
  state: string;
  code: string;
  message: string;
  creationTime: string;
  startTime: string;
  endTime: string;
  progress?: string;
  input?: Record<string, string>;
  operation?: { workflowIds?: string; timeInterval?: { start?: string; end?: string } };
}

export interface ListJobsQuery {
  states?: string[];
  workflowId?: string;
  name?: string;
  jobId?: string;
  /** API time form. */
  startCreationTime?: string;
  endCreationTime?: string;
  order?: 'Desc' | 'Asc';
  size?: number;
  nextToken?: string;
}

export interface JobsPage {
  jobs: JobDetail[];
  nextToken: string;
}

export interface WorkflowExecution {
  runId: string;
  workflowId: string;
  name: string;
  object: string;
  state: string;
  createTime: string;
  /** Per-node detail, passed through as parsed. */
  topology?: unknown;
  /** The nodes that ran, in order (DescribeWorkflowExecution only). */
  tasks?: ExecutionTask[];
}

/** A node of a run's workflow that ran: one `<Tasks>` of DescribeWorkflowExecution. */
export interface ExecutionTask {
  /** `Transcode`, `Snapshot`, …; `Start` and `End` run no media job. */
  type: string;
  name: string;
  state: string;
  /** The task's media job, for DescribeMediaJob; empty for Start and End. */
  jobId: string;
  createTime: string;
  endTime: string;
  /**
   * The task's own error, present when the answer carries it (the Go SDK's fixture does, `Success`
   * on the tasks that did not fail); without it, only DescribeMediaJob can say.
   */
  code?: string;
  message?: string;
}

/** DescribeMediaJob's `<JobsDetail>`: how a task's media job ended. */
export interface MediaJob {
  jobId: string;
  /** The job type (`Transcode`, `Snapshot`, …). */
  tag: string;
  state: string;
  /** `Success`, or an error code such as `InvalidInput`; meaningful only when `state` is `Failed`. */
  code: string;
  message: string;
  creationTime: string;
  endTime: string;
}

/**
 * Run and media job ids as the API gives them (`i`/`j` + 32 hex; letters and digits in every
 * sample). Ids read from answers go into a path: anything else is not sent.
 */
export const isTaskOrRunId = (id: string): boolean => /^[A-Za-z0-9]{1,64}$/.test(id);
export const RUN_ID: IdForm = { test: isTaskOrRunId, form: 'letters and digits (1 to 64)' };

export interface ListExecutionsQuery {
  workflowId?: string;
  jobId?: string;
  states?: string[];
  /** Runs of this object only (the API names the object filter `name`). */
  name?: string;
  /** Created in this window (API time form, to the second, both ends included). */
  startCreationTime?: string;
  endCreationTime?: string;
  order?: 'Desc' | 'Asc';
  size?: number;
  nextToken?: string;
}

export interface ExecutionsPage {
  executions: WorkflowExecution[];
  nextToken: string;
}

/** Every answer carries the request id the service gave it, for error reports and outputs. */
export interface WithRequestId<T> {
  value: T;
  requestId: string;
}
