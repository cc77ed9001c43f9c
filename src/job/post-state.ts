import type { SentCreate } from './own-job.js';
import type { StateStore } from './ports.js';

/**
 * Where a job's life stands, for the `post:` entry:
 * - `creating`: the create was sent and no answer was seen; `post:` looks the job up by its name
 *   (and what was sent) and cancels it;
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
  Create = 'create',
}

/** The one writer of what `post:` reads about a job. */
export class JobRecord {
  constructor(private readonly store: StateStore) {}

  /**
   * Before the create goes out: a job whose answer never arrives can still be found by its name
   * and what was sent. With cancel-on-abort off, `post:` has nothing to do for it.
   */
  creating(sent: SentCreate, cancelOnAbort: boolean): void {
    this.store.save(StateKey.Name, sent.request.name);
    this.store.save(StateKey.Create, JSON.stringify(sent));
    this.store.save(StateKey.Phase, cancelOnAbort ? 'creating' : 'detached');
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

  /** The create saved by `creating`; undefined when none was (or it cannot be read). */
  get sentCreate(): SentCreate | undefined {
    try {
      const sent = JSON.parse(this.store.get(StateKey.Create) || 'null') as SentCreate | null;
      return sent && typeof sent.sentAt === 'number' && sent.request?.name ? sent : undefined;
    } catch {
      return undefined;
    }
  }

  /** Undefined when nothing (or something this version does not write) was saved. */
  get savedPhase(): JobPhase | undefined {
    const text = this.store.get(StateKey.Phase);
    return PHASES.find((phase) => phase === text);
  }
}
