/**
 * Workflow runs: one per object of a job (from when it starts running) or per manual trigger.
 * A job's runs are kept as one batch (its object list or rule) and each run is computed when a call
 * asks for it, so a job of 100,000 objects costs a few records, not 100,000.
 */
import { randomBytes } from 'node:crypto';
import { cancelTimeOf, startOf, type JobRecord } from './jobs.js';
import type { Sortable } from './paging.js';
import type {
  EmulatedExecution,
  JobRequestView,
  ObjectRange,
  ObjectRun,
  RunStateName,
  TaskFailure,
} from './types.js';

export interface RunRecord extends Sortable {
  runId: string;
  workflowId: string;
  name: string;
  object: string;
  runMs: number;
  final: 'Success' | 'Failed';
  failure?: TaskFailure;
  /** The job that started it: its cancel stops the run. */
  job?: JobRecord;
  batch: RunBatch;
  index: number;
}

/** The runs one job (or one manual trigger) started: all created at once, ids derived from `prefix`. */
export interface RunBatch {
  /** 20 hex digits shared by the ids of its runs and of their media jobs. */
  prefix: string;
  /** The run at index i has seq `firstSeq + i`. */
  firstSeq: number;
  count: number;
  objectAt(index: number): ObjectRun;
  workflowId: string;
  name: string;
  createdAt: number;
  job?: JobRecord;
}

/** Ids are `i` (run) or `j` (media job), the batch prefix, one hex digit (0: the run, n: its nth task), the index. */
const INDEX_DIGITS = 11;
export const MAX_OBJECTS = 16 ** INDEX_DIGITS;

export function idOf(letter: 'i' | 'j', batch: RunBatch, slot: number, index: number): string {
  return `${letter}${batch.prefix}${slot.toString(16)}${index.toString(16).padStart(INDEX_DIGITS, '0')}`;
}

/** Object → that key; a prefix → three keys under it; a manifest or URL file → three keys. */
export function defaultObjects(req: JobRequestView, runningMs: number): ObjectRun[] {
  const [kind, value] = Object.entries(req.input)[0] ?? ['Object', ''];
  const keys =
    kind === 'Object'
      ? [value]
      : kind === 'Prefix'
        ? ['a.mp4', 'b.mp4', 'c.mp4'].map((k) => value + k)
        : [1, 2, 3].map((n) => `listed/object-${n}.mp4`);
  // Staggered so that the last run ends when the job does.
  return keys.map((key, i) => ({
    key,
    runMs: Math.round((runningMs * (i + 1)) / keys.length),
    final: 'Success',
  }));
}

export const asRange = (objects: readonly ObjectRun[] | ObjectRange): ObjectRange =>
  'count' in objects && !Array.isArray(objects)
    ? objects
    : { count: objects.length, objectAt: (i) => (objects as readonly ObjectRun[])[i]! };

export function findObject(objects: readonly ObjectRun[] | ObjectRange, key: string): ObjectRun | undefined {
  const range = asRange(objects);
  for (let i = 0; i < range.count; i++) {
    const o = range.objectAt(i);
    if (o.key === key) return o;
  }
  return undefined;
}

/** Compares two runs in list order (creation time, then seq). */
export const compareRuns = (a: Sortable, b: Sortable): number => a.createdAt - b.createdAt || a.seq - b.seq;

export class ExecutionStore {
  private readonly batches: RunBatch[] = [];
  private readonly byPrefix = new Map<string, RunBatch>();
  private seq = 0;

  /** A manually triggered run is neither described nor listed until this long after its trigger. */
  constructor(private readonly hideNewRunsMs = 0) {}

  private add(batch: Omit<RunBatch, 'prefix' | 'firstSeq'>): RunBatch {
    if (!Number.isInteger(batch.count) || batch.count < 0 || batch.count > MAX_OBJECTS)
      throw new Error(`a job's object count must be an integer from 0 to ${MAX_OBJECTS}`);
    const full: RunBatch = { ...batch, prefix: randomBytes(10).toString('hex'), firstSeq: this.seq + 1 };
    this.seq += batch.count;
    this.batches.push(full);
    this.byPrefix.set(full.prefix, full);
    return full;
  }

  addForJob(job: JobRecord, objects: readonly ObjectRun[] | ObjectRange): void {
    const range = asRange(objects);
    this.add({
      count: range.count,
      objectAt: range.objectAt,
      workflowId: job.request.workflowId,
      name: job.request.name,
      createdAt: startOf(job),
      job,
    });
  }

  addTriggered(workflowId: string, name: string, run: ObjectRun, now: number): RunRecord {
    const batch = this.add({ count: 1, objectAt: () => run, workflowId, name, createdAt: now });
    return this.runAt(batch, 0);
  }

  runAt(batch: RunBatch, index: number): RunRecord {
    const o = batch.objectAt(index);
    const run: RunRecord = {
      seq: batch.firstSeq + index,
      createdAt: batch.createdAt,
      runId: idOf('i', batch, 0, index),
      workflowId: batch.workflowId,
      name: batch.name,
      object: o.key,
      runMs: o.runMs,
      final: o.final,
      batch,
      index,
    };
    if (o.failure) run.failure = o.failure;
    if (batch.job) run.job = batch.job;
    return run;
  }

  /** A job's runs exist once it has started, unless it was cancelled before that. */
  exists(batch: RunBatch, now: number): boolean {
    const cancelAt = batch.job && cancelTimeOf(batch.job);
    return now >= batch.createdAt && !(cancelAt !== undefined && cancelAt < batch.createdAt);
  }

  /** What the API shows: runs that exist, a manual trigger's only once `hideNewRunsMs` has passed. */
  isVisible(batch: RunBatch, now: number): boolean {
    const hidden = !batch.job && now < batch.createdAt + this.hideNewRunsMs;
    return this.exists(batch, now) && !hidden;
  }

  /** The batch and index an id of `letter` names, when it is visible; `slot` is the hex digit after the prefix. */
  locate(
    id: string,
    letter: 'i' | 'j',
    now: number,
  ): { batch: RunBatch; slot: number; index: number } | undefined {
    const m = new RegExp(`^${letter}([0-9a-f]{20})([0-9a-f])([0-9a-f]{${INDEX_DIGITS}})$`).exec(id);
    const batch = m && this.byPrefix.get(m[1]!);
    if (!m || !batch || !this.isVisible(batch, now)) return undefined;
    const index = parseInt(m[3]!, 16);
    return index < batch.count ? { batch, slot: parseInt(m[2]!, 16), index } : undefined;
  }

  get(runId: string, now: number): RunRecord | undefined {
    const at = this.locate(runId, 'i', now);
    return at && at.slot === 0 ? this.runAt(at.batch, at.index) : undefined;
  }

  /**
   * Visible runs in list order, from just after `after`, computed one at a time: a caller that stops
   * after a page never touches the rest.
   */
  *inOrder(
    order: 'Asc' | 'Desc',
    now: number,
    include: (batch: RunBatch) => boolean,
    after?: Sortable,
    shown: (batch: RunBatch, now: number) => boolean = (b, at) => this.isVisible(b, at),
  ): Generator<RunRecord> {
    const sign = order === 'Asc' ? 1 : -1;
    const first = (b: RunBatch): Sortable => ({ createdAt: b.createdAt, seq: b.firstSeq });
    const batches = this.batches
      .filter((b) => b.count > 0 && shown(b, now) && include(b))
      .sort((a, b) => sign * compareRuns(first(a), first(b)));
    for (const batch of batches) {
      let from = order === 'Asc' ? 0 : batch.count - 1;
      if (after && batch.createdAt === after.createdAt) {
        // Seqs of a batch are contiguous and no other batch's fall inside them.
        const at = after.seq - batch.firstSeq;
        from = order === 'Asc' ? Math.max(0, at + 1) : Math.min(batch.count - 1, at - 1);
      } else if (after && sign * (batch.createdAt - after.createdAt) < 0) {
        continue;
      }
      for (let i = from; i >= 0 && i < batch.count; i += sign) yield this.runAt(batch, i);
    }
  }

  /** Every run that exists, hidden ones too: what the admin view shows. */
  all(now: number): RunRecord[] {
    return [
      ...this.inOrder(
        'Asc',
        now,
        () => true,
        undefined,
        (b, at) => this.exists(b, at),
      ),
    ];
  }

  stateOf(run: RunRecord, now: number): { state: RunStateName; endedAt?: number } {
    const end = run.createdAt + run.runMs;
    const cancelAt = run.job && cancelTimeOf(run.job);
    if (cancelAt !== undefined && cancelAt < end && now >= cancelAt)
      return { state: 'Cancel', endedAt: cancelAt };
    if (now < end) return { state: 'Running' };
    return { state: run.final, endedAt: end };
  }

  view(run: RunRecord, now: number): EmulatedExecution {
    const s = this.stateOf(run, now);
    const view: EmulatedExecution = {
      runId: run.runId,
      workflowId: run.workflowId,
      name: run.name,
      object: run.object,
      state: s.state,
      createdAt: run.createdAt,
    };
    if (run.job) view.jobId = run.job.id;
    if (s.endedAt !== undefined) view.endedAt = s.endedAt;
    return view;
  }
}
