/**
 * The parts of answers that say why a workflow run failed: a run's `Tasks` (the failed task and
 * its own Code/Message, chosen by state, not position) and a media job's `JobsDetail`
 * (docs/api-notes.md › Why a run failed). They read the plain
 * tree of an answer (text for a leaf, an object of children, an array where a name repeats, as
 * fast-xml-parser gives it), whichever reader produced it.
 */
import { parseApiTime } from '../time.js';
import type { ExecutionTask, MediaJob } from './types.js';

type Plain = Record<string, unknown>;

const isRecord = (value: unknown): value is Plain =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** One element or many, as a list of elements; text and other shapes are dropped. */
export function elements(value: unknown): Plain[] {
  return (Array.isArray(value) ? value : [value]).filter(isRecord);
}

/** A leaf's text; '' when missing, repeated or not a leaf (a hostile answer may be any shape). */
function text(node: Plain, name: string): string {
  const value = node[name];
  return typeof value === 'string' ? value : '';
}

/** One `<Tasks>` element: a node of the run's workflow that ran. */
export function toExecutionTask(node: Plain): ExecutionTask {
  const task: ExecutionTask = {
    type: text(node, 'Type'),
    name: text(node, 'Name'),
    state: text(node, 'State'),
    jobId: text(node, 'JobId'),
    createTime: text(node, 'CreateTime'),
    endTime: text(node, 'EndTime'),
  };
  if (Object.hasOwn(node, 'Code')) task.code = text(node, 'Code');
  if (Object.hasOwn(node, 'Message')) task.message = text(node, 'Message');
  return task;
}

/** The task a run ended in, and its error when the task itself says it. */
export interface FailedTask {
  task: ExecutionTask;
  /** The task's own `Code` and `Message`, when it carries an error code: no DescribeMediaJob needed. */
  own?: { code: string; message: string };
}

const rank = (task: ExecutionTask) => ['Failed', 'Cancel'].indexOf(task.state);
/** Tasks without a readable time go after those with one, in the order given. */
const startOf = (task: ExecutionTask) => parseApiTime(task.createTime)?.getTime() ?? Number.MAX_VALUE;

/**
 * The task a run failed in, chosen by state, not by position: a `Failed` task before a `Cancel`
 * one (a branch cancelled beside the one that failed says less), the earliest created among them.
 * The docs list Start first and in time order; the Go SDK's fixture has no Start or End task and
 * lists the others out of order, so neither the first nor the last task can be trusted to be it.
 */
export function failedTaskOf(tasks: readonly ExecutionTask[]): FailedTask | undefined {
  const ended = tasks.filter((task) => rank(task) >= 0);
  const [task] = ended.sort((a, b) => rank(a) - rank(b) || startOf(a) - startOf(b));
  if (!task) return undefined;
  const code = task.code ?? '';
  return code && code !== 'Success' ? { task, own: { code, message: task.message ?? '' } } : { task };
}

/** Every `<Tasks>` of a `<WorkflowExecution>`, in the order the answer gives them. */
export function tasksIn(execution: Plain): ExecutionTask[] {
  return elements(execution.Tasks).map(toExecutionTask);
}

/** One media job's `<JobsDetail>`; undefined for an empty node. */
export function toMediaJob(node: Plain): MediaJob | undefined {
  const jobId = text(node, 'JobId');
  if (!jobId) return undefined;
  return {
    jobId,
    tag: text(node, 'Tag'),
    state: text(node, 'State'),
    code: text(node, 'Code'),
    message: text(node, 'Message'),
    creationTime: text(node, 'CreationTime'),
    endTime: text(node, 'EndTime'),
  };
}

/** The media jobs of a DescribeMediaJob `<Response>` (the docs type `JobsDetail` as an array). */
export function mediaJobsIn(response: Plain): MediaJob[] {
  return elements(response.JobsDetail)
    .map(toMediaJob)
    .filter((job): job is MediaJob => job !== undefined);
}
