/**
 * The API's answers, read (see ../shared/ci-api.md). Loaded with the first answer: a dry run or a
 * step that fails on its inputs parses nothing.
 */
import { XmlShapeError } from './errors.js';
import { mediaJobsIn, tasksIn } from './task-answers.js';
import type { JobDetail, MediaJob, WorkflowExecution } from './types.js';
import { readXml, toPlain, type XmlElement } from './xml-reader.js';

function parseResponse(xml: string): XmlElement {
  const root = readXml(xml);
  if (root.name !== 'Response') throw new XmlShapeError(`expected a <Response> document, got <${root.name}>`);
  return root;
}

/** The one child of that name; undefined when it is missing or repeated. Allocates nothing: it runs per poll. */
function only(node: XmlElement | undefined, name: string): XmlElement | undefined {
  let found: XmlElement | undefined;
  for (const element of node?.children ?? []) {
    if (element.name !== name) continue;
    if (found) return undefined;
    found = element;
  }
  return found;
}

function has(node: XmlElement | undefined, name: string): boolean {
  return node?.children.some((element) => element.name === name) ?? false;
}

/** Every child of that name: the API repeats some (JobsDetail, NonExistJobIds, …). */
function list(node: XmlElement, name: string): XmlElement[] {
  return node.children.filter((element) => element.name === name);
}

/** The child's text; '' when it is missing, repeated, or holds other elements. */
function text(node: XmlElement | undefined, name: string): string {
  const element = only(node, name);
  return element ? textOf(element) : '';
}

function textOf(element: XmlElement): string {
  return element.children.length === 0 ? element.text : '';
}

function child(node: XmlElement | undefined, name: string): XmlElement | undefined {
  const element = only(node, name);
  return element && element.children.length > 0 ? element : undefined;
}

/** Each child's text by name; a name that repeats reads as '' (one pass: hostile input may be wide). */
function textRecord(node: XmlElement | undefined): Record<string, string> {
  const record: Record<string, string> = Object.create(null) as Record<string, string>;
  const seen = new Set<string>();
  for (const element of node?.children ?? []) {
    record[element.name] = seen.has(element.name) ? '' : textOf(element);
    seen.add(element.name);
  }
  return record;
}

function toJobDetail(node: XmlElement): JobDetail {
  const job: JobDetail = {
    jobId: text(node, 'JobId'),
    name: text(node, 'Name'),
    type: text(node, 'Type'),
    state: text(node, 'State'),
    code: text(node, 'Code'),
    message: text(node, 'Message'),
    creationTime: text(node, 'CreationTime'),
    startTime: text(node, 'StartTime'),
    endTime: text(node, 'EndTime'),
  };
  if (has(node, 'Progress')) job.progress = text(node, 'Progress');
  if (has(node, 'Input')) job.input = textRecord(child(node, 'Input'));
  const operation = child(node, 'Operation');
  // The PHP SDK's samples show WorkflowIds beside Operation rather than inside it.
  const holder = has(operation, 'WorkflowIds') ? operation : has(node, 'WorkflowIds') ? node : undefined;
  if (has(node, 'Operation') || holder) {
    job.operation = {};
    if (holder) job.operation.workflowIds = text(holder, 'WorkflowIds');
    const interval = child(operation, 'TimeInterval');
    if (interval) {
      job.operation.timeInterval = {};
      if (has(interval, 'Start')) job.operation.timeInterval.start = text(interval, 'Start');
      if (has(interval, 'End')) job.operation.timeInterval.end = text(interval, 'End');
    }
  }
  return job;
}

/** The answer of CreateInventoryTriggerJob, DescribeInventoryTriggerJob and DescribeInventoryTriggerJobs. */
export function parseJobResponse(xml: string): {
  requestId: string;
  jobs: JobDetail[];
  nonExistJobIds: string[];
  nextToken: string;
} {
  const response = parseResponse(xml);
  return {
    requestId: text(response, 'RequestId'),
    jobs: list(response, 'JobsDetail')
      .filter((node) => node.children.length > 0)
      .map(toJobDetail),
    nonExistJobIds: list(response, 'NonExistJobIds')
      .map(textOf)
      .filter((id) => id !== ''),
    nextToken: text(response, 'NextToken'),
  };
}

export function parseTriggerWorkflowResponse(xml: string): { requestId: string; instanceId: string } {
  const response = parseResponse(xml);
  return { requestId: text(response, 'RequestId'), instanceId: text(response, 'InstanceId') };
}

function toExecution(node: XmlElement): WorkflowExecution {
  const execution: WorkflowExecution = {
    runId: text(node, 'RunId'),
    workflowId: text(node, 'WorkflowId'),
    // ci-api.md writes Name; the DescribeWorkflowExecution page writes WorkflowName.
    name: text(node, 'Name') || text(node, 'WorkflowName'),
    object: text(node, 'Object'),
    state: text(node, 'State'),
    createTime: text(node, 'CreateTime'),
  };
  const topology = list(node, 'Topology');
  if (topology.length > 0)
    execution.topology = topology.length === 1 ? toPlain(topology[0]!) : topology.map(toPlain);
  const tasks = list(node, 'Tasks');
  if (tasks.length > 0) execution.tasks = tasksIn({ Tasks: tasks.map(toPlain) });
  return execution;
}

export function parseExecutionResponse(xml: string): {
  requestId: string;
  execution: WorkflowExecution | undefined;
} {
  const response = parseResponse(xml);
  const node = list(response, 'WorkflowExecution').find((element) => element.children.length > 0);
  return { requestId: text(response, 'RequestId'), execution: node && toExecution(node) };
}

export function parseExecutionsResponse(xml: string): {
  requestId: string;
  executions: WorkflowExecution[];
  nextToken: string;
} {
  const response = parseResponse(xml);
  return {
    requestId: text(response, 'RequestId'),
    executions: list(response, 'WorkflowExecutionList')
      .filter((node) => node.children.length > 0)
      .map(toExecution),
    nextToken: text(response, 'NextToken'),
  };
}

/** The answer of DescribeMediaJob (`GET /jobs/<JobId>`). */
export function parseMediaJobResponse(xml: string): {
  requestId: string;
  jobs: MediaJob[];
  nonExistJobIds: string[];
} {
  const response = parseResponse(xml);
  return {
    requestId: text(response, 'RequestId'),
    jobs: mediaJobsIn({ JobsDetail: list(response, 'JobsDetail').map(toPlain) }),
    nonExistJobIds: list(response, 'NonExistJobIds')
      .map(textOf)
      .filter((id) => id !== ''),
  };
}

/** The `<Error>` document of a failed call; undefined for any other body, well-formed or not. */
export function parseErrorBody(
  xml: string,
): { code: string; message: string; requestId: string } | undefined {
  let error: XmlElement;
  try {
    error = readXml(xml);
  } catch {
    return undefined;
  }
  if (error.name !== 'Error') return undefined;
  return { code: text(error, 'Code'), message: text(error, 'Message'), requestId: text(error, 'RequestId') };
}
