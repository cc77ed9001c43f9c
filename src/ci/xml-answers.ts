/**
 * The API's answers, read with fast-xml-parser (docs/api-notes.md › Answers). Loaded with the first
 * answer: a dry run or a step that fails on its inputs parses nothing.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { errorMessage, XmlShapeError } from './errors.js';
import { mediaJobsIn, tasksIn } from './task-answers.js';
import { MAX_ANSWER_BYTES } from './http.js';
import { readState, type JobDetail, type MediaJob, type WorkflowExecution } from './types.js';

/** The elements the API repeats: read as a list even when an answer holds one. */
const REPEATED = new Set(['JobsDetail', 'WorkflowExecutionList', 'NonExistJobIds', 'NonExistJobId', 'Tasks']);
/** The API nests a few levels; a document far deeper is not an answer. */
const MAX_DEPTH = 100;

const parser = new XMLParser({
  ignoreAttributes: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  // Values stay the strings sent: a JobId `123e4`, a Code `0x1F`, a NextToken `0010`.
  parseTagValue: false,
  // An object key's leading and trailing spaces are part of it.
  trimValues: false,
  // The switch that also decodes numeric character references (`&#34;`, which Go's encoding/xml
  // writes). Entities a DOCTYPE would declare never get this far: a DOCTYPE is refused below.
  htmlEntities: true,
  // Counted as the elements around the deepest one.
  maxNestedTags: MAX_DEPTH - 1,
  isArray: (name) => REPEATED.has(name),
});

/** An element with children, as parsed: a child's name to its text, its element, or its list. */
type XmlNode = { [name: string]: unknown };

/**
 * The one root element of a well-formed answer, checked before it is parsed: fast-xml-parser
 * reads past a missing closing tag, and would expand the entities a DOCTYPE declares.
 */
function readDocument(xml: string): { name: string; root: XmlNode } {
  if (Buffer.byteLength(xml) > MAX_ANSWER_BYTES)
    throw new XmlShapeError(`an answer over ${MAX_ANSWER_BYTES / 1024 / 1024} MiB`);
  if (xml.includes('<!DOCTYPE')) throw new XmlShapeError('XML with a DOCTYPE, which the API never sends');
  const valid = XMLValidator.validate(xml);
  if (valid !== true)
    throw new XmlShapeError(`not well-formed XML: ${valid.err.msg} (line ${valid.err.line}, cut off?)`);
  let document: XmlNode;
  try {
    document = parser.parse(xml) as XmlNode;
  } catch (error) {
    throw new XmlShapeError(`unreadable XML: ${errorMessage(error)}`);
  }
  const names = Object.keys(document).filter((name) => name !== '#text');
  const name = names[0];
  // Two roots of one name parse as a list.
  if (names.length !== 1 || name === undefined || Array.isArray(document[name]))
    throw new XmlShapeError('XML without exactly one root element');
  return { name, root: asNode(document[name]) ?? {} };
}

function parseResponse(xml: string): XmlNode {
  const { name, root } = readDocument(xml);
  if (name !== 'Response') throw new XmlShapeError(`expected a <Response> document, got <${name}>`);
  return root;
}

/** An element with children; undefined for a leaf's text, a list, or nothing. */
function asNode(value: unknown): XmlNode | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as XmlNode)
    : undefined;
}

function has(node: XmlNode | undefined, name: string): boolean {
  return node !== undefined && Object.hasOwn(node, name);
}

/** The child's text; '' when it is missing, repeated, or holds other elements. */
function text(node: XmlNode | undefined, name: string): string {
  const value = has(node, name) ? node![name] : undefined;
  return typeof value === 'string' ? value : '';
}

function child(node: XmlNode | undefined, name: string): XmlNode | undefined {
  return has(node, name) ? asNode(node![name]) : undefined;
}

/** Every element of a repeated name that has children (an empty `<JobsDetail/>` is no job). */
function nodes(node: XmlNode, name: string): XmlNode[] {
  const value = node[name];
  const list: unknown[] = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return list.map(asNode).filter((element) => element !== undefined);
}

/** Each child's text by name; a name that repeats or holds elements reads as ''. */
function textRecord(node: XmlNode | undefined): Record<string, string> {
  const record: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const name of Object.keys(node ?? {})) if (name !== '#text') record[name] = text(node, name);
  return record;
}

/** A subtree passed through as parsed, without the indentation between its elements. */
function withoutIndentation(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutIndentation);
  const node = asNode(value);
  if (!node) return value;
  return Object.fromEntries(
    Object.entries(node)
      .filter(([name]) => name !== '#text')
      .map(([name, inner]) => [name, withoutIndentation(inner)]),
  );
}

function toJobDetail(node: XmlNode): JobDetail {
  const job: JobDetail = {
    jobId: text(node, 'JobId'),
    name: text(node, 'Name'),
    type: text(node, 'Type'),
    state: readState(text(node, 'State')),
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

/**
 * The ids a describe names as unknown, one `<NonExistJobIds>` each (the Go SDK spells it
 * `NonExistJobId`); empty nodes are none, and the docs leave the node out when every id exists.
 */
function nonExistJobIds(response: XmlNode): string[] {
  const ids = ['NonExistJobIds', 'NonExistJobId'].flatMap((name) => (response[name] as unknown[]) ?? []);
  return ids.filter((id): id is string => typeof id === 'string' && id !== '');
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
    jobs: nodes(response, 'JobsDetail').map(toJobDetail),
    nonExistJobIds: nonExistJobIds(response),
    nextToken: text(response, 'NextToken'),
  };
}

export function parseTriggerWorkflowResponse(xml: string): { requestId: string; instanceId: string } {
  const response = parseResponse(xml);
  return { requestId: text(response, 'RequestId'), instanceId: text(response, 'InstanceId') };
}

function toExecution(node: XmlNode): WorkflowExecution {
  const execution: WorkflowExecution = {
    runId: text(node, 'RunId'),
    workflowId: text(node, 'WorkflowId'),
    // The DescribeWorkflowExecution page writes WorkflowName; the Go SDK's fixture, Name.
    name: text(node, 'Name') || text(node, 'WorkflowName'),
    object: text(node, 'Object'),
    state: readState(text(node, 'State')),
    // The docs write CreateTime; the Go SDK reads the run list's time as CreationTime.
    createTime: text(node, 'CreateTime') || text(node, 'CreationTime'),
  };
  if (has(node, 'Topology')) execution.topology = withoutIndentation(node['Topology']);
  if (has(node, 'Tasks')) execution.tasks = tasksIn(node);
  return execution;
}

export function parseExecutionResponse(xml: string): {
  requestId: string;
  execution: WorkflowExecution | undefined;
} {
  const response = parseResponse(xml);
  const [node] = nodes(response, 'WorkflowExecution');
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
    executions: nodes(response, 'WorkflowExecutionList').map(toExecution),
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
    jobs: mediaJobsIn(response),
    nonExistJobIds: nonExistJobIds(response),
  };
}

/** The `<Error>` document of a failed call; undefined for any other body, well-formed or not. */
export function parseErrorBody(
  xml: string,
): { code: string; message: string; requestId: string } | undefined {
  let document: { name: string; root: XmlNode };
  try {
    document = readDocument(xml);
  } catch {
    return undefined;
  }
  if (document.name !== 'Error') return undefined;
  const error = document.root;
  return { code: text(error, 'Code'), message: text(error, 'Message'), requestId: text(error, 'RequestId') };
}
