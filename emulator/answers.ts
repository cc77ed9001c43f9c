/** The XML shapes of the answers, as plain objects for the builder (element order as the docs show). */
import { createHash } from 'node:crypto';
import type { RunRecord } from './executions.js';
import type { AnswerForms } from './forms.js';
import { timeline, type JobRecord } from './jobs.js';
import type { TaskView } from './tasks.js';
import { formatApiTime, formatExecutionTime } from './times.js';
import type { RunStateName, TaskNode } from './types.js';

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

export function executionSummary(
  run: RunRecord,
  state: RunStateName,
  forms: AnswerForms,
): Record<string, unknown> {
  return {
    RunId: run.runId,
    WorkflowId: run.workflowId,
    Object: run.object,
    [forms.runListTime]: formatExecutionTime(run.createdAt),
    State: state,
  };
}

/** A task's own error, as the Go SDK's fixture shows it; a task still running has none yet. */
function taskError(task: TaskView): Record<string, unknown> {
  if (task.endedAt === undefined) return {};
  const failed = task.state === 'Failed';
  return {
    StartTime: formatApiTime(task.startedAt),
    Code: failed ? task.code : 'Success',
    Message: failed ? task.message : '',
  };
}

/** A template id per node name, shaped like real ones (`t` + 32 hex), the same in every answer. */
const templateIdOf = (node: TaskNode): string => `t${createHash('md5').update(node.name).digest('hex')}`;

/**
 * One run in detail: its workflow's topology, and one `Tasks` element per node that ran (in order,
 * Start and End included, unless the forms say otherwise).
 */
export function executionDetail(
  run: RunRecord,
  state: RunStateName,
  tasks: readonly TaskView[],
  nodes: readonly TaskNode[],
  forms: AnswerForms,
): Record<string, unknown> {
  const chain = ['Start', ...nodes.map((n) => n.name), 'End'];
  const dependencies: Record<string, string> = {};
  for (let i = 0; i + 1 < chain.length; i++) dependencies[chain[i]!] = chain[i + 1]!;
  const topologyNodes: Record<string, unknown> = { Start: { Type: 'Start' } };
  for (const n of nodes) topologyNodes[n.name] = { Type: n.type, Operation: { TemplateId: templateIdOf(n) } };
  topologyNodes.End = { Type: 'End' };
  const shown = forms.edgeTasks ? tasks : tasks.filter((t) => t.slot > 0);
  return {
    WorkflowId: run.workflowId,
    [forms.runName]: run.name,
    RunId: run.runId,
    CreateTime: formatExecutionTime(run.createdAt),
    Object: run.object,
    State: state,
    Topology: { Dependencies: dependencies, Nodes: topologyNodes },
    // The documentation's sample prints the tasks' times in the jobs' form (+0800).
    Tasks: (forms.taskOrder === 'ran' ? shown : [...shown].reverse()).map((t) => ({
      Type: t.node.type,
      CreateTime: formatApiTime(t.startedAt),
      EndTime: t.endedAt === undefined ? '' : formatApiTime(t.endedAt),
      State: t.state,
      JobId: t.jobId,
      Name: t.node.name,
      ...(t.slot > 0 ? { TemplateId: templateIdOf(t.node), TemplateName: `${t.node.type}-template` } : {}),
      ...(forms.taskErrors && t.slot > 0 ? taskError(t) : {}),
    })),
  };
}

/** DescribeMediaJob's `JobsDetail` for the media job of one task (the fields of 436/47214). */
export function mediaJobDetail(run: RunRecord, task: TaskView): Record<string, unknown> {
  const failed = task.state === 'Failed';
  return {
    Code: failed ? task.code : 'Success',
    Message: failed ? task.message : '',
    JobId: task.jobId,
    Tag: task.node.type,
    State: task.state,
    CreationTime: formatApiTime(task.startedAt),
    StartTime: formatApiTime(task.startedAt),
    EndTime: task.endedAt === undefined ? '-' : formatApiTime(task.endedAt),
    QueueId: `p${run.batch.prefix}${'0'.repeat(12)}`,
    Input: { Object: run.object },
    Operation: { TemplateId: templateIdOf(task.node), TemplateName: `${task.node.type}-template` },
    Workflow: { RunId: run.runId, WorkflowId: run.workflowId, WorkflowName: run.name, Name: task.node.name },
  };
}
