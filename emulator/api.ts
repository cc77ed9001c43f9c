/** The seven calls: validate, act on the stores, and shape the answer (errors are returned, not thrown). */
import { executionDetail, executionSummary, jobsDetail, mediaJobDetail } from './answers.js';
import {
  defaultObjects,
  findObject,
  type ExecutionStore,
  type RunBatch,
  type RunRecord,
} from './executions.js';
import { timeline, type JobStore } from './jobs.js';
import type { Pager } from './paging.js';
import { inWindow, parseFilters, type Pairs } from './query.js';
import { DEFAULT_NODES, findMediaJob, tasksOf } from './tasks.js';
import type { AnswerForms } from './forms.js';
import type { EmulatorOptions, JobRequestView, JobSchedule, RunStateName } from './types.js';
import { validateCreate, WORKFLOW_ID } from './validate.js';

export interface CallContext {
  now: number;
  pairs: Pairs;
  body: string;
  /** The decoded id in the path, for the calls that take one. */
  id?: string;
}

export type Answer =
  | { status: number; response: Record<string, unknown> | null }
  | { status: number; code: string; message: string };

const invalid = (message: string): Answer => ({ status: 400, code: 'InvalidArgument', message });
// The docs list ResourceNotFound among the 400s; an unknown path is a 404 (routes.ts).
const notFound = (what: string): Answer => ({
  status: 400,
  code: 'ResourceNotFound',
  message: `${what} does not exist.`,
});
const ok = (response: Record<string, unknown> | null): Answer => ({ status: 200, response });

const JOB_STATES = ['Submitted', 'Running', 'Success', 'Failed', 'Pause', 'Cancel'];
const RUN_STATES = ['Success', 'Failed', 'Running', 'Cancel'];
const JOB_LIST = [
  'nextToken',
  'size',
  'type',
  'orderByTime',
  'states',
  'startCreationTime',
  'endCreationTime',
  'workflowId',
  'jobId',
  'name',
];
const RUN_LIST = [
  'workflowId',
  'name',
  'orderByTime',
  'size',
  'states',
  'startCreationTime',
  'endCreationTime',
  'nextToken',
  'jobId',
];
const TRIGGER_NAME = /^[A-Za-z0-9_\-\u4e00-\u9fff]{1,128}$/;

export interface ApiState {
  jobs: JobStore;
  runs: ExecutionStore;
  pager: Pager;
  options: EmulatorOptions;
  schedule(): JobSchedule;
  forms(): AnswerForms;
}

function noParams(ctx: CallContext): Answer | undefined {
  const extra = ctx.pairs[0];
  return extra ? invalid(`Unknown query parameter "${extra[0]}".`) : undefined;
}

export function create(s: ApiState, ctx: CallContext): Answer {
  const refused = noParams(ctx);
  if (refused) return refused;
  const checked = validateCreate(ctx.body);
  if (!checked.ok) return invalid(checked.message);
  const req = checked.request;
  const view: JobRequestView = {
    name: req.name,
    input: { [req.input.kind]: req.input.value },
    workflowId: req.workflowId,
  };
  const schedule = s.options.scheduleFor?.(view) ?? s.schedule();
  const job = s.jobs.create(req, schedule, ctx.now);
  s.runs.addForJob(job, s.options.objectsFor?.(view) ?? defaultObjects(view, schedule.runningMs));
  return ok({ JobsDetail: jobsDetail(job, ctx.now) });
}

export function describe(s: ApiState, ctx: CallContext): Answer {
  const refused = noParams(ctx);
  if (refused) return refused;
  const job = s.jobs.get(ctx.id!);
  // The real service answers 200 for an unknown id and names it in NonExistJobIds, a node the docs
  // leave out when every id exists.
  if (!job) return ok({ JobsDetail: '', [s.forms().nonExistJobIds]: ctx.id });
  return ok({ JobsDetail: jobsDetail(job, ctx.now) });
}

export function list(s: ApiState, ctx: CallContext): Answer {
  const f = parseFilters(ctx.pairs, { allowed: JOB_LIST, states: JOB_STATES });
  if (typeof f === 'string') return invalid(f);
  const matching = s.jobs.all().filter((job) => {
    const state = timeline(job, ctx.now).state;
    return (
      (!f.states || f.states.includes(state)) &&
      (!f.workflowId || job.request.workflowId === f.workflowId) &&
      (!f.name || job.request.name === f.name) &&
      (!f.jobId || job.id === f.jobId) &&
      (!f.type || f.type === 'Workflow') &&
      inWindow(job.createdAt, f)
    );
  });
  const page = s.pager.page('jobs', matching, f.order, f.size, f.nextToken);
  if (!page) return invalid('nextToken is not valid.');
  return ok({ JobsDetail: page.items.map((job) => jobsDetail(job, ctx.now)), NextToken: page.nextToken });
}

export function cancel(s: ApiState, ctx: CallContext): Answer {
  const extra = ctx.pairs.find(([k]) => k !== 'cancel');
  if (extra) return invalid(`Unknown query parameter "${extra[0]}".`);
  const sub = ctx.pairs.find(([k]) => k === 'cancel');
  if (!sub) return invalid('PUT /inventorytriggerjob/<JobId> needs the ?cancel sub-resource.');
  if (sub[1] !== '') return invalid('The cancel sub-resource takes no value.');
  const job = s.jobs.get(ctx.id!);
  if (!job) return notFound(`Job ${ctx.id}`);
  s.jobs.cancel(job, ctx.now);
  return ok(null);
}

export function trigger(s: ApiState, ctx: CallContext): Answer {
  const extra = ctx.pairs.find(([k]) => !['workflowId', 'object', 'name'].includes(k));
  if (extra) return invalid(`Unknown query parameter "${extra[0]}" (names are case-sensitive).`);
  const q = new Map(ctx.pairs);
  const workflowId = q.get('workflowId');
  if (!workflowId) return invalid('The query parameter "workflowId" is required.');
  if (!WORKFLOW_ID.test(workflowId)) return invalid(`workflowId "${workflowId}" is not a workflow id.`);
  const object = q.get('object');
  if (!object) return invalid('The query parameter "object" is required.');
  const name = q.get('name') ?? '';
  if (name && !TRIGGER_NAME.test(name)) return invalid(`name "${name}" is not a valid name.`);
  const view: JobRequestView = { name, input: { Object: object }, workflowId };
  const listed = s.options.objectsFor?.(view);
  const run = (listed && findObject(listed, object)) ?? {
    key: object,
    runMs: s.schedule().runningMs,
    final: 'Success' as const,
  };
  const record = s.runs.addTriggered(workflowId, name, run, ctx.now);
  return ok({ InstanceId: record.runId });
}

const nodesOf = (s: ApiState) => s.options.workflowNodes ?? DEFAULT_NODES;

export function execution(s: ApiState, ctx: CallContext): Answer {
  const refused = noParams(ctx);
  if (refused) return refused;
  const run = s.runs.get(ctx.id!, ctx.now);
  if (!run) return notFound(`Workflow execution ${ctx.id}`);
  const { state } = s.runs.stateOf(run, ctx.now);
  const tasks = tasksOf(s.runs, run, nodesOf(s), ctx.now);
  return ok({ WorkflowExecution: executionDetail(run, state, tasks, nodesOf(s), s.forms()) });
}

/** Pages are computed run by run from the cursor on: listing the failures of 100,000 runs stays cheap. */
export function executions(s: ApiState, ctx: CallContext): Answer {
  const f = parseFilters(ctx.pairs, { allowed: RUN_LIST, states: RUN_STATES, required: ['workflowId'] });
  if (typeof f === 'string') return invalid(f);
  if (!WORKFLOW_ID.test(f.workflowId!)) return invalid(`workflowId "${f.workflowId}" is not a workflow id.`);
  let after;
  if (f.nextToken !== undefined) {
    after = s.pager.resume('executions', f.order, f.nextToken);
    if (!after) return invalid('nextToken is not valid.');
  }
  const include = (batch: RunBatch) =>
    batch.workflowId === f.workflowId &&
    (!f.jobId || batch.job?.id === f.jobId) &&
    inWindow(batch.createdAt, f);
  const found: Array<{ run: RunRecord; state: RunStateName }> = [];
  // One more than a page: whether there is a next page.
  for (const run of s.runs.inOrder(f.order, ctx.now, include, after)) {
    if (f.name && run.object !== f.name) continue;
    const { state } = s.runs.stateOf(run, ctx.now);
    if (f.states && !f.states.includes(state)) continue;
    found.push({ run, state });
    if (found.length > f.size) break;
  }
  const page = found.slice(0, f.size);
  const nextToken = found.length > f.size ? s.pager.issue('executions', f.order, page.at(-1)!.run) : '';
  const items = page.map(({ run, state }) => executionSummary(run, state, s.forms()));
  return ok({ WorkflowExecutionList: items, NextToken: nextToken });
}

/** DescribeMediaJob: the media job of one task of a workflow run. */
export function mediaJob(s: ApiState, ctx: CallContext): Answer {
  const refused = noParams(ctx);
  if (refused) return refused;
  const found = findMediaJob(s.runs, ctx.id!, nodesOf(s), ctx.now);
  // As DescribeInventoryTriggerJob: 200, the unknown id in NonExistJobIds; that node only when one is unknown.
  if (!found) return ok({ [s.forms().nonExistJobIds]: ctx.id });
  return ok({ JobsDetail: mediaJobDetail(found.run, found.task) });
}
