import type { OutputName, Outputs } from '../actions/outputs.js';
import type { CiClient, ClockCorrection } from '../ci/client.js';
import type { Logger } from '../ci/request.js';
import type { Sleep } from '../waiting/sleep.js';

/** Where a step reports to: the runner's log, outputs and job summary, or a test's recorder. */
export interface Reporter extends Logger {
  info(message: string): void;
  /** An annotation the user should look at, without failing the step. */
  warning(message: string): void;
  /** Sets each output given; one its action does not declare is a bug, and throws. */
  setOutputs(outputs: Outputs): void;
  writeSummary(markdown: string): Promise<void>;
}

/** Values kept for the `post:` entry (`saveState`), behind an interface so that tests can swap it. */
export interface StateStore {
  save(key: string, value: string): void;
  get(key: string): string;
}

export interface StepDeps {
  reporter: Reporter;
  state: StateStore;
  /** A client whose requests and waits stop when the workflow run is cancelled. */
  client: () => CiClient;
  /**
   * For the create: its requests outlive the cancellation by CREATE_ANSWER_GRACE_MS, so that a
   * job the service made is known and can be cancelled, and no longer (the runner kills the step).
   */
  steadyClient: () => CiClient;
  /** A client that still works after the cancellation, with a short time limit: to cancel the job. */
  cleanupClient: () => CiClient;
  now: () => number;
  sleep: Sleep;
  /**
   * When the step's time ends (ms since the epoch), worked out once by runAction from the step's
   * start and its `timeout`: every wait, retry budget and client keeps to it. Absent: no limit.
   */
  deadline?: number;
  /** Aborted when the runner signals that the workflow run was cancelled. */
  signal?: AbortSignal;
  /** What the clients learned of the service's clock (shared by the step's clients). */
  clock?: ClockCorrection;
  /**
   * A new file under the runner's RUNNER_TEMP for the output that names it, `<stem>-<random>.<extension>`.
   * One that cannot be written is a warning, never the step's failure: its `path` is then ''.
   */
  stepFile(stem: string, extension: string, output: OutputName): Promise<StepFile>;
}

/** A file the step writes for an output (src/github/runner-files.ts). */
export interface StepFile {
  /** Its path, or '' when it could not be written. */
  readonly path: string;
  write(text: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * How long a create in flight when the workflow run is cancelled may still answer. The runner
 * sends SIGTERM 7.5 s and SIGKILL 10 s after SIGINT (on Windows Ctrl+Break 7.5 s after Ctrl+C,
 * then kills the process): this leaves time to cancel the job it made.
 */
export const CREATE_ANSWER_GRACE_MS = 4000;

/** The step ends as a failure with this message, after its outputs and summary are written. */
export class StepFailure extends Error {
  override readonly name = 'StepFailure';
}
