/** The XML bodies of the CI API, both ways (see ../shared/ci-api.md). */
import { XMLBuilder, XMLParser, XMLValidator } from 'fast-xml-parser';
import type { CreateJobRequest, JobDetail, WorkflowExecution } from './types.js';

/**
 * The text was not the XML the API sends: not well-formed (a truncated answer) or another document
 * (a proxy's HTML page, an `<Error>` where a `<Response>` was expected).
 */
export class XmlShapeError extends Error {
  override readonly name = 'XmlShapeError';
}

type XmlNode = Record<string, unknown>;

const parser = new XMLParser({
  // Everything stays text: job ids like `123e4` and names like `007` must not become numbers.
  parseTagValue: false,
  // Object keys may begin or end with spaces; whitespace between elements is dropped in `tidy`.
  trimValues: false,
  // The only option that decodes numeric references (`&#20013;`) besides the XML named entities.
  htmlEntities: true,
  ignoreAttributes: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
});

const builder = new XMLBuilder({ ignoreAttributes: true, suppressEmptyNode: false });

export function buildCreateJobBody(request: CreateJobRequest): string {
  const { start, end } = request.timeInterval ?? {};
  const timeInterval =
    start || end ? { TimeInterval: { Start: start || undefined, End: end || undefined } } : {};
  return builder.build({
    Request: {
      Name: request.name,
      Type: 'Workflow',
      Input: { [request.input.kind]: request.input.value },
      Operation: { ...timeInterval, WorkflowIds: request.workflowId },
    },
  });
}

/** Drops the whitespace-only text that indentation leaves between elements. */
function tidy(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(tidy);
  if (!isNode(value)) return value;
  const out: XmlNode = {};
  for (const [key, child] of Object.entries(value)) {
    if (key === '#text' && typeof child === 'string' && child.trim() === '') continue;
    out[key] = tidy(child);
  }
  return out;
}

function isNode(value: unknown): value is XmlNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Parses a well-formed document and returns its root element's name and content. */
function parseDocument(xml: string): { root: string; content: unknown } {
  const text = xml.replace(/^\uFEFF/, '');
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    throw new XmlShapeError(`not well-formed XML: ${valid.err.msg} (line ${valid.err.line})`);
  }
  const document = tidy(parser.parse(text)) as XmlNode;
  const roots = Object.keys(document).filter((key) => !key.startsWith('#') && !key.startsWith('?'));
  if (roots.length !== 1) throw new XmlShapeError('XML without a single root element');
  const root = roots[0]!;
  return { root, content: document[root] };
}

function parseResponse(xml: string): XmlNode {
  const { root, content } = parseDocument(xml);
  if (root !== 'Response') throw new XmlShapeError(`expected a <Response> document, got <${root}>`);
  return isNode(content) ? content : {};
}

/** A node's text; '' when it is missing or is a container. */
function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (isNode(value) && typeof value['#text'] === 'string') return value['#text'];
  return '';
}

function text(node: XmlNode, key: string): string {
  return textOf(node[key]);
}

function child(node: XmlNode, key: string): XmlNode | undefined {
  const value = node[key];
  return isNode(value) ? value : undefined;
}

/** A node the API may repeat (JobsDetail, NonExistJobIds, …), as an array whether it came once or more. */
function list(node: XmlNode, key: string): unknown[] {
  const value = node[key];
  return Array.isArray(value) ? value : value === undefined ? [] : [value];
}

function textRecord(node: XmlNode): Record<string, string> {
  const record: Record<string, string> = {};
  for (const key of Object.keys(node)) if (!key.startsWith('#')) record[key] = text(node, key);
  return record;
}

function toJobDetail(node: XmlNode): JobDetail {
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
  if ('Progress' in node) job.progress = text(node, 'Progress');
  if ('Input' in node) job.input = textRecord(child(node, 'Input') ?? {});
  const operation = child(node, 'Operation') ?? {};
  // The PHP SDK's samples show WorkflowIds beside Operation rather than inside it.
  const holder = 'WorkflowIds' in operation ? operation : 'WorkflowIds' in node ? node : undefined;
  if ('Operation' in node || holder) {
    job.operation = {};
    if (holder) job.operation.workflowIds = text(holder, 'WorkflowIds');
    const interval = child(operation, 'TimeInterval');
    if (interval) {
      job.operation.timeInterval = {};
      if ('Start' in interval) job.operation.timeInterval.start = text(interval, 'Start');
      if ('End' in interval) job.operation.timeInterval.end = text(interval, 'End');
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
    jobs: list(response, 'JobsDetail').filter(isNode).map(toJobDetail),
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

function toExecution(node: XmlNode): WorkflowExecution {
  const execution: WorkflowExecution = {
    runId: text(node, 'RunId'),
    workflowId: text(node, 'WorkflowId'),
    // ci-api.md writes Name; the DescribeWorkflowExecution page writes WorkflowName.
    name: text(node, 'Name') || text(node, 'WorkflowName'),
    object: text(node, 'Object'),
    state: text(node, 'State'),
    createTime: text(node, 'CreateTime'),
  };
  if ('Topology' in node) execution.topology = node.Topology;
  return execution;
}

export function parseExecutionResponse(xml: string): {
  requestId: string;
  execution: WorkflowExecution | undefined;
} {
  const response = parseResponse(xml);
  const node = list(response, 'WorkflowExecution').find(isNode);
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
    executions: list(response, 'WorkflowExecutionList').filter(isNode).map(toExecution),
    nextToken: text(response, 'NextToken'),
  };
}

/** The `<Error>` document of a failed call; undefined for any other body, well-formed or not. */
export function parseErrorBody(
  xml: string,
): { code: string; message: string; requestId: string } | undefined {
  let document: { root: string; content: unknown };
  try {
    document = parseDocument(xml);
  } catch {
    return undefined;
  }
  if (document.root !== 'Error') return undefined;
  const error = isNode(document.content) ? document.content : {};
  return { code: text(error, 'Code'), message: text(error, 'Message'), requestId: text(error, 'RequestId') };
}
