/** The job store and the job clock: a job's state is computed from its schedule when asked. */
import { newJobId } from './ids.js';
import type { CreateRequest, EmulatedJob, JobSchedule, JobStateName } from './types.js';

export interface JobRecord {
  seq: number;
  id: string;
  request: CreateRequest;
  createdAt: number;
  schedule: JobSchedule;
  cancelledAt?: number;
  cancelRequests: number;
}

export interface JobTimeline {
  state: JobStateName;
  startedAt?: number;
  endedAt?: number;
}

export const startOf = (job: JobRecord): number => job.createdAt + job.schedule.queuedMs;
export const scheduledEndOf = (job: JobRecord): number => startOf(job) + job.schedule.runningMs;

/** When the job stopped its runs early: a cancel call, or a schedule that ends in Cancel. */
export function cancelTimeOf(job: JobRecord): number | undefined {
  if (job.cancelledAt !== undefined) return job.cancelledAt;
  return job.schedule.final === 'Cancel' ? scheduledEndOf(job) : undefined;
}

export function timeline(job: JobRecord, now: number): JobTimeline {
  const start = startOf(job);
  if (job.cancelledAt !== undefined) {
    const at = job.cancelledAt;
    return start <= at
      ? { state: 'Cancel', startedAt: start, endedAt: at }
      : { state: 'Cancel', endedAt: at };
  }
  if (now < start) return { state: 'Submitted' };
  const end = scheduledEndOf(job);
  if (now < end) return { state: 'Running', startedAt: start };
  return { state: job.schedule.final, startedAt: start, endedAt: end };
}

export const isInProgress = (state: JobStateName): boolean => state === 'Submitted' || state === 'Running';

export class JobStore {
  private readonly byId = new Map<string, JobRecord>();
  private seq = 0;

  create(request: CreateRequest, schedule: JobSchedule, now: number): JobRecord {
    this.seq += 1;
    const job: JobRecord = {
      seq: this.seq,
      id: newJobId(),
      request,
      createdAt: now,
      schedule,
      cancelRequests: 0,
    };
    this.byId.set(job.id, job);
    return job;
  }

  get(id: string): JobRecord | undefined {
    return this.byId.get(id);
  }

  all(): JobRecord[] {
    return [...this.byId.values()];
  }

  /** A job in progress moves to Cancel; one that has ended stays as it is. */
  cancel(job: JobRecord, now: number): void {
    job.cancelRequests += 1;
    if (job.cancelledAt === undefined && isInProgress(timeline(job, now).state)) job.cancelledAt = now;
  }

  view(job: JobRecord, now: number): EmulatedJob {
    const t = timeline(job, now);
    const view: EmulatedJob = {
      id: job.id,
      name: job.request.name,
      workflowId: job.request.workflowId,
      input: job.request.input,
      state: t.state,
      createdAt: job.createdAt,
      request: job.request,
      schedule: job.schedule,
      cancelled: job.cancelledAt !== undefined,
      cancelRequests: job.cancelRequests,
    };
    if (t.startedAt !== undefined) view.startedAt = t.startedAt;
    if (t.endedAt !== undefined) view.endedAt = t.endedAt;
    return view;
  }
}
