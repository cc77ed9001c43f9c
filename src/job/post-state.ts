import type { StateStore } from './ports.js';

/**
 * Where a job's life stands, for the `post:` entry:
 * - `creating`: the create was sent and no answer was seen; `post:` looks the job up by its name;
 * - `waiting`: the step waits with cancel-on-abort and has not seen the job end; `post:` cancels it
 *   (the step was killed mid-wait);
 * - every other phase leaves the job alone: `ended`, `detached` (not waited for, or cancel-on-abort
 *   is off), `cancelled`, `timed-out`, `stopped` (the wait ended on an error of its own, which is no
 *   reason to cancel).
 */
export type JobPhase = 'creating' | 'waiting' | 'ended' | 'detached' | 'cancelled' | 'timed-out' | 'stopped';

const PHASES: readonly JobPhase[] = [
  'creating',
  'waiting',
  'ended',
  'detached',
  'cancelled',
  'timed-out',
  'stopped',
];

/** The state keys, in one place: the main entry writes them, `post:` reads them. */
enum StateKey {
  JobId = 'job-id',
  Name = 'name',
  Phase = 'phase',
}

/** The one writer of what `post:` reads about a job. */
export class JobRecord {
  constructor(private readonly store: StateStore) {}

  /** Before the create goes out: a job whose answer never arrives can still be found by name. */
  creating(name: string): void {
    this.store.save(StateKey.Name, name);
    this.store.save(StateKey.Phase, 'creating');
  }

  /** The job this step is about; saved before anything else can fail, so errors name it. */
  job(jobId: string): void {
    this.store.save(StateKey.JobId, jobId);
  }

  phase(phase: JobPhase): void {
    this.store.save(StateKey.Phase, phase);
  }

  get jobId(): string {
    return this.store.get(StateKey.JobId);
  }

  get name(): string {
    return this.store.get(StateKey.Name);
  }

  /** Undefined when nothing (or something this version does not write) was saved. */
  get savedPhase(): JobPhase | undefined {
    const text = this.store.get(StateKey.Phase);
    return PHASES.find((phase) => phase === text);
  }
}
