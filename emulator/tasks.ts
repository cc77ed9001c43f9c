/**
 * What a workflow run did, node by node, computed from its schedule when asked: the `Tasks` of
 * DescribeWorkflowExecution and the media jobs DescribeMediaJob answers for them.
 *
 * The workflow is a chain Start → task nodes → End. A run's time is shared evenly among the task
 * nodes it reaches: all of them when it succeeds, up to the failing one when it fails. A cancel
 * stops the node running at that moment (state `Cancel`); nodes not reached have no task.
 */
import { idOf, type ExecutionStore, type RunRecord } from './executions.js';
import type { RunStateName, TaskNode } from './types.js';

export const DEFAULT_NODES: readonly TaskNode[] = [
  { type: 'Transcode', name: 'Transcode_1' },
  { type: 'Snapshot', name: 'Snapshot_1' },
];
/** One hex digit of the media job id says which node: 1 to 15. */
export const MAX_NODES = 15;
export const DEFAULT_FAILURE = { code: 'InvalidInput', message: 'The input file is not a valid media file.' };

export interface TaskView {
  node: TaskNode;
  /** 1-based position among the task nodes; 0 for Start and End, which run no media job. */
  slot: number;
  state: RunStateName;
  startedAt: number;
  endedAt?: number;
  /** Empty for Start and End. */
  jobId: string;
  /** For a Failed task: its media job's error. */
  code?: string;
  message?: string;
}

export function checkNodes(nodes: readonly TaskNode[]): readonly TaskNode[] {
  if (nodes.length < 1 || nodes.length > MAX_NODES)
    throw new Error(`workflowNodes must hold 1 to ${MAX_NODES} task nodes`);
  return nodes;
}

/** Index of the node a failed run stops in; throws when the schedule names a node the workflow lacks. */
function failingIndex(run: RunRecord, nodes: readonly TaskNode[]): number {
  const name = run.failure?.task;
  if (name === undefined) return 0;
  const index = nodes.findIndex((n) => n.name === name);
  if (index < 0) throw new Error(`object ${run.object} fails in task "${name}", which the workflow lacks`);
  return index;
}

/** The tasks of a run as they stand at `now`, in the order they ran. */
export function tasksOf(
  runs: ExecutionStore,
  run: RunRecord,
  nodes: readonly TaskNode[],
  now: number,
): TaskView[] {
  const { state: runState, endedAt: runEnd } = runs.stateOf(run, now);
  const edge = (name: 'Start' | 'End', at: number): TaskView => ({
    node: { type: name, name },
    slot: 0,
    state: 'Success',
    startedAt: at,
    endedAt: at,
    jobId: '',
  });
  const tasks: TaskView[] = [edge('Start', run.createdAt)];
  const failAt = run.final === 'Failed' ? failingIndex(run, nodes) : -1;
  const reached = failAt >= 0 ? failAt + 1 : nodes.length;
  const stoppedAt = runState === 'Cancel' ? runEnd! : Infinity;
  for (let i = 0; i < reached; i++) {
    const from = run.createdAt + Math.floor((run.runMs * i) / reached);
    const to = run.createdAt + Math.floor((run.runMs * (i + 1)) / reached);
    if (from > now || from > stoppedAt || (from === stoppedAt && i > 0)) break;
    const task: TaskView = {
      node: nodes[i]!,
      slot: i + 1,
      state: 'Running',
      startedAt: from,
      jobId: idOf('j', run.batch, i + 1, run.index),
    };
    if (stoppedAt < to) {
      task.state = 'Cancel';
      task.endedAt = stoppedAt;
    } else if (now >= to) {
      task.state = i === failAt ? 'Failed' : 'Success';
      task.endedAt = to;
      if (i === failAt) {
        task.code = run.failure?.code ?? DEFAULT_FAILURE.code;
        task.message = run.failure?.message ?? DEFAULT_FAILURE.message;
      }
    }
    tasks.push(task);
    if (task.state !== 'Success') break;
  }
  if (runState === 'Success') tasks.push(edge('End', runEnd!));
  return tasks;
}

/** The run and task a media job id names, when that task has started by `now`. */
export function findMediaJob(
  runs: ExecutionStore,
  jobId: string,
  nodes: readonly TaskNode[],
  now: number,
): { run: RunRecord; task: TaskView } | undefined {
  const at = runs.locate(jobId, 'j', now);
  if (!at || at.slot < 1 || at.slot > nodes.length) return undefined;
  const run = runs.runAt(at.batch, at.index);
  const task = tasksOf(runs, run, nodes, now).find((t) => t.slot === at.slot);
  return task && { run, task };
}
