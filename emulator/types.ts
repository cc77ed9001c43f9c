/** The emulator's public vocabulary (re-exported by index.ts). */
import type { AnswersOption } from './forms.js';
import type { IdentityEmulator, IdentityOptions } from './identity-types.js';

export type FinalState = 'Success' | 'Failed' | 'Cancel';

/** A job is Submitted for `queuedMs`, then Running for `runningMs`, then `final`. */
export interface JobSchedule {
  queuedMs: number;
  runningMs: number;
  final: FinalState;
  /** Code and Message of a Failed job (defaults: `WorkflowFailed` and a short text). */
  code?: string;
  message?: string;
}

/** One workflow run per object: it starts when the job starts running and ends after `runMs`. */
export interface ObjectRun {
  key: string;
  runMs: number;
  final: 'Success' | 'Failed';
  /** Where and why a `Failed` run fails; ignored for a run that succeeds. */
  failure?: TaskFailure;
}

/** A node of the workflow that runs a media job (Start and End run none). */
export interface TaskNode {
  /** `Transcode`, `Snapshot`, …: the media job's `Tag`. */
  type: string;
  /** The node's name in the topology, e.g. `Transcode_1581665960537`. */
  name: string;
}

/**
 * The task a failed run stops in, and what its media job says (DescribeMediaJob's Code and Message).
 * Defaults: the first task node, `InvalidInput`, a short text.
 */
export interface TaskFailure {
  /** The name of one of the workflow's task nodes. */
  task?: string;
  code?: string;
  message?: string;
}

/**
 * Many objects by rule, for jobs of 100,000 objects: object `index` is computed when a call asks
 * for it, so nothing is stored per object.
 */
export interface ObjectRange {
  count: number;
  objectAt(index: number): ObjectRun;
}

export type InputKind = 'Object' | 'Prefix' | 'Manifest' | 'UrlFile';

/** What a job (or a manual trigger) was asked to do, as scheduleFor/objectsFor see it. */
export interface JobRequestView {
  name: string;
  /** The one `<Input>` node, e.g. `{ Prefix: 'videos/' }`. */
  input: Record<string, string>;
  workflowId: string;
}

export interface EmulatorOptions {
  secretId: string;
  secretKey: string;
  /** When set, every request must carry it in `x-ci-security-token` (or `x-cos-security-token`). */
  sessionToken?: string;
  /** Default 0: an ephemeral port. */
  port?: number;
  /** Serve https:// with this key and certificate (PEM), as the real service does; default http://. */
  tls?: { key: string; cert: string };
  /** Default `{ queuedMs: 200, runningMs: 800, final: 'Success' }`. */
  schedule?: JobSchedule;
  scheduleFor?: (req: JobRequestView) => JobSchedule | undefined;
  objectsFor?: (req: JobRequestView) => ObjectRun[] | ObjectRange | undefined;
  /** The task nodes every workflow runs, in order (at most 15). Default: Transcode_1, then Snapshot_1. */
  workflowNodes?: TaskNode[];
  /** Calls this key may not make: 403 `AccessDenied` after the signature check, as CAM answers. */
  denied?: CallName[];
  /**
   * How answers are shaped where the docs and the official SDKs differ: `'docs'` (the default),
   * `'go-sdk'`, or single forms over the docs' (`{ errorBody: 'json' }`); see forms.ts.
   */
  answers?: AnswersOption;
  /** The emulator's clock is the real (or injected) clock plus this offset. */
  clockOffsetMs?: number;
  now?: () => number;
  /** Called once per API request, when it has been answered (or dropped, or left hanging). */
  onRequest?: (record: RequestRecord) => void;
  /**
   * Also play GitHub's OIDC token endpoint and Tencent STS, on a listener of their own; the CI side
   * then accepts the temporary keys STS issues, until they expire.
   */
  identity?: IdentityOptions;
  /** A quota shared by every client; none by default. */
  rateLimit?: RateLimit;
}

/**
 * At most `perSecond` API requests in any one second, across all clients; the others are answered
 * 503 `SlowDown` (with `Retry-After` when `retryAfterSeconds` is set) before any other check.
 */
export interface RateLimit {
  perSecond: number;
  retryAfterSeconds?: number;
}

export type CallName =
  'create' | 'describe' | 'list' | 'cancel' | 'trigger' | 'execution' | 'executions' | 'media-job';

/**
 * `times` (default 1): the next requests it applies to. `forMs`: instead, every request it
 * applies to until this long after it was queued (e.g. 503s for the next three minutes).
 */
export type Fault = { call?: CallName; times?: number; forMs?: number } & (
  | { kind: 'status'; status: number; code: string; message?: string; retryAfterSeconds?: number }
  | { kind: 'reset' }
  | { kind: 'hang' }
  | { kind: 'html'; status?: number }
  | { kind: 'truncated' }
  | { kind: 'lost-answer' }
  /** Does the work `delayMs` after the request came, then answers (also when the client has gone). */
  | { kind: 'slow'; delayMs: number }
);

export type JobStateName = 'Submitted' | 'Running' | 'Success' | 'Failed' | 'Cancel';
export type RunStateName = 'Running' | 'Success' | 'Failed' | 'Cancel';

/** The validated body of a CreateInventoryTriggerJob request. */
export interface CreateRequest {
  name: string;
  /** As sent; absent when the request had no `<Type>`. */
  type?: string;
  input: { kind: InputKind; value: string };
  workflowId: string;
  /** Present when the request had `<TimeInterval>`, with what it held. */
  timeInterval?: { start?: string; end?: string };
}

export interface EmulatedJob {
  id: string;
  name: string;
  workflowId: string;
  input: { kind: InputKind; value: string };
  /** Computed from the job clock at the time of the call. */
  state: JobStateName;
  createdAt: number;
  startedAt?: number;
  endedAt?: number;
  request: CreateRequest;
  schedule: JobSchedule;
  /** True when a cancel call moved it to Cancel. */
  cancelled: boolean;
  /** Cancel calls received for it, also those that found it already ended. */
  cancelRequests: number;
}

export interface EmulatedExecution {
  runId: string;
  workflowId: string;
  name: string;
  object: string;
  /** The inventory trigger job that started it; absent for a manual trigger. */
  jobId?: string;
  state: RunStateName;
  createdAt: number;
  endedAt?: number;
}

export interface RequestRecord {
  method: string;
  /** The raw path, without the query. */
  path: string;
  /** Decoded query parameters. */
  query: Record<string, string>;
  /** 0 when no answer was sent (reset, hang, lost answer). */
  status: number;
  code?: string;
  call: CallName | 'unknown';
  requestId: string;
  /** Lower-case names. */
  headers: Record<string, string>;
  /** The injected fault, or `rate-limit` for a request past the shared quota. */
  fault?: Fault['kind'] | 'rate-limit';
  /** The client's port: requests with the same one came over the same kept-alive connection. */
  connection: number;
  /** Why a request was refused (for signature errors: the string the emulator signed). */
  detail?: string;
  time: number;
}

export interface Emulator {
  url: string;
  close(): Promise<void>;
  jobs(): EmulatedJob[];
  executions(): EmulatedExecution[];
  requests: RequestRecord[];
  addFault(fault: Fault): void;
  /** Drops the faults not yet used. */
  clearFaults(): void;
  setSchedule(s: JobSchedule): void;
  /** Present when started with `identity`. */
  identity?: IdentityEmulator;
  /** Replaces the calls this key may not make (see `EmulatorOptions.denied`). */
  setDenied(calls: CallName[]): void;
  /** Replaces the answer forms (see `EmulatorOptions.answers`). */
  setAnswers(answers: AnswersOption): void;
  /** Sets the shared quota; undefined lifts it. */
  setRateLimit(limit: RateLimit | undefined): void;
}
