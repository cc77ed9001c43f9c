/** Workflow runs: one per object of a job (from when it starts running) or per manual trigger. */
import { newRunId } from './ids.js';
import { cancelTimeOf, startOf, type JobRecord } from './jobs.js';
import type { EmulatedExecution, JobRequestView, ObjectRun, RunStateName } from './types.js';

export interface RunRecord {
  seq: number;
  runId: string;
  workflowId: string;
  name: string;
  object: string;
  createdAt: number;
  runMs: number;
  final: 'Success' | 'Failed';
  /** The job that started it: its cancel stops the run. */
  job?: JobRecord;
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

export class ExecutionStore {
  private readonly runs = new Map<string, RunRecord>();
  private seq = 0;

  private add(run: Omit<RunRecord, 'seq' | 'runId'>): RunRecord {
    this.seq += 1;
    const record: RunRecord = { ...run, seq: this.seq, runId: newRunId() };
    this.runs.set(record.runId, record);
    return record;
  }

  addForJob(job: JobRecord, objects: readonly ObjectRun[]): void {
    for (const o of objects) {
      this.add({
        workflowId: job.request.workflowId,
        name: job.request.name,
        object: o.key,
        createdAt: startOf(job),
        runMs: o.runMs,
        final: o.final,
        job,
      });
    }
  }

  addTriggered(workflowId: string, name: string, run: ObjectRun, now: number): RunRecord {
    return this.add({
      workflowId,
      name,
      object: run.key,
      createdAt: now,
      runMs: run.runMs,
      final: run.final,
    });
  }

  /** A job's runs exist once it has started, unless it was cancelled before that. */
  isVisible(run: RunRecord, now: number): boolean {
    const cancelAt = run.job && cancelTimeOf(run.job);
    return now >= run.createdAt && !(cancelAt !== undefined && cancelAt < run.createdAt);
  }

  get(runId: string, now: number): RunRecord | undefined {
    const run = this.runs.get(runId);
    return run && this.isVisible(run, now) ? run : undefined;
  }

  visible(now: number): RunRecord[] {
    return [...this.runs.values()].filter((r) => this.isVisible(r, now));
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
