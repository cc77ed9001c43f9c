/** The XML shapes of the answers, as plain objects for the builder (element order as the docs show). */
import type { RunRecord } from './executions.js';
import { timeline, type JobRecord } from './jobs.js';
import { formatApiTime, formatExecutionTime } from './times.js';
import type { RunStateName } from './types.js';

export function jobsDetail(job: JobRecord, now: number): Record<string, unknown> {
  const t = timeline(job, now);
  const failed = t.state === 'Failed';
  const { request } = job;
  const operation: Record<string, unknown> = {};
  if (request.timeInterval) {
    const { start, end } = request.timeInterval;
    operation.TimeInterval = start === undefined && end === undefined ? '' : { Start: start, End: end };
  }
  operation.WorkflowIds = request.workflowId;
  return {
    Code: failed ? (job.schedule.code ?? 'WorkflowFailed') : 'Success',
    Message: failed ? (job.schedule.message ?? 'The workflow failed on some objects.') : '',
    Type: request.type ?? 'Workflow',
    Name: request.name,
    JobId: job.id,
    State: t.state,
    CreationTime: formatApiTime(job.createdAt),
    StartTime: t.startedAt === undefined ? '-' : formatApiTime(t.startedAt),
    EndTime: t.endedAt === undefined ? '-' : formatApiTime(t.endedAt),
    Input: { [request.input.kind]: request.input.value },
    Operation: operation,
  };
}

export function executionSummary(run: RunRecord, state: RunStateName): Record<string, unknown> {
  return {
    RunId: run.runId,
    WorkflowId: run.workflowId,
    Object: run.object,
    CreateTime: formatExecutionTime(run.createdAt),
    State: state,
  };
}

/** One run in detail: a minimal Start → Transcode → End topology whose middle node is the run. */
export function executionDetail(
  run: RunRecord,
  state: RunStateName,
  endedAt: number | undefined,
): Record<string, unknown> {
  const created = formatExecutionTime(run.createdAt);
  const ended = endedAt === undefined ? '' : formatExecutionTime(endedAt);
  const task = (type: string, name: string, taskState: string, end: string): Record<string, unknown> => ({
    Type: type,
    CreateTime: created,
    EndTime: end,
    State: taskState,
    JobId: '',
    Name: name,
  });
  return {
    WorkflowId: run.workflowId,
    Name: run.name,
    RunId: run.runId,
    CreateTime: created,
    Object: run.object,
    State: state,
    Topology: {
      Dependencies: { Start: 'Transcode_1', Transcode_1: 'End' },
      Nodes: { Start: { Type: 'Start' }, Transcode_1: { Type: 'Transcode' }, End: { Type: 'End' } },
    },
    Tasks: [
      task('Start', 'Start', 'Success', created),
      task('Transcode', 'Transcode_1', state, ended),
      task('End', 'End', state, ended),
    ],
  };
}
