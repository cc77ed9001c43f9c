import { parseApiTime } from './times.js';
import type { CreateRequest, InputKind } from './types.js';
import { parseDocument, type XmlElement, type XmlValue } from './xml.js';

export const WORKFLOW_ID = /^w[0-9a-f]{32}$/;
// Letters, digits, `-`, `_` and CJK Unified Ideographs: what "中文、英文、数字、—和_" allows.
const NAME = /^[A-Za-z0-9_\-\u4e00-\u9fff]+$/;
const INPUT_KINDS: readonly InputKind[] = ['Manifest', 'UrlFile', 'Prefix', 'Object'];

export class Invalid extends Error {}

type Child = XmlValue | XmlValue[] | undefined;

function container(value: Child, path: string, allowed: readonly string[]): XmlElement {
  if (Array.isArray(value)) throw new Invalid(`${path} appears more than once.`);
  if (value === undefined) throw new Invalid(`${path} is required.`);
  if (typeof value === 'string') {
    if (value.trim()) throw new Invalid(`${path} must hold elements, not text.`);
    return {};
  }
  for (const [key, child] of Object.entries(value)) {
    if (key === '#text') {
      if (typeof child !== 'string' || child.trim())
        throw new Invalid(`${path} must hold elements, not text.`);
    } else if (!allowed.includes(key)) {
      throw new Invalid(`Unknown element ${path}.${key}.`);
    }
  }
  return value;
}

function text(parent: XmlElement, name: string, path: string): string | undefined {
  const value = parent[name];
  if (value === undefined) return undefined;
  if (Array.isArray(value)) throw new Invalid(`${path}.${name} appears more than once.`);
  if (typeof value !== 'string') throw new Invalid(`${path}.${name} must be text.`);
  return value;
}

function time(parent: XmlElement, name: 'Start' | 'End'): string | undefined {
  const value = text(parent, name, 'Request.Operation.TimeInterval');
  if (value !== undefined && parseApiTime(value) === undefined) {
    throw new Invalid(
      `Request.Operation.TimeInterval.${name} "${value}" is not in the form %Y-%m-%dT%H:%M:%S%z.`,
    );
  }
  return value;
}

function parseBody(body: string): CreateRequest {
  const doc = parseDocument(body);
  if (!doc.ok) throw new Invalid(doc.message);
  if (doc.root !== 'Request') throw new Invalid(`The root element must be Request, not ${doc.root}.`);
  const request = container(doc.value, 'Request', ['Name', 'Type', 'Input', 'Operation']);

  const name = text(request, 'Name', 'Request');
  if (!name) throw new Invalid('Request.Name is required.');
  if ([...name].length > 128) throw new Invalid('Request.Name is longer than 128 characters.');
  if (!NAME.test(name)) {
    throw new Invalid('Request.Name may hold only Chinese characters, letters, digits, "-" and "_".');
  }
  const type = text(request, 'Type', 'Request');
  if (type !== undefined && type !== 'Workflow')
    throw new Invalid(`Request.Type "${type}" is not supported.`);

  const inputNode = container(request.Input, 'Request.Input', INPUT_KINDS);
  const kinds = INPUT_KINDS.filter((k) => inputNode[k] !== undefined);
  if (kinds.length !== 1) {
    throw new Invalid('Request.Input must hold exactly one of Manifest, UrlFile, Prefix, Object.');
  }
  const kind = kinds[0]!;
  const value = text(inputNode, kind, 'Request.Input');
  if (!value) throw new Invalid(`Request.Input.${kind} is empty.`);

  const operation = container(request.Operation, 'Request.Operation', ['WorkflowIds', 'TimeInterval']);
  const workflowId = text(operation, 'WorkflowIds', 'Request.Operation');
  if (!workflowId) throw new Invalid('Request.Operation.WorkflowIds is required.');
  if (!WORKFLOW_ID.test(workflowId)) throw new Invalid(`WorkflowIds "${workflowId}" is not a workflow id.`);

  const result: CreateRequest = { name, input: { kind, value }, workflowId };
  if (type !== undefined) result.type = type;
  if (operation.TimeInterval !== undefined) {
    const interval = container(operation.TimeInterval, 'Request.Operation.TimeInterval', ['Start', 'End']);
    const start = time(interval, 'Start');
    const end = time(interval, 'End');
    if (start !== undefined && end !== undefined && parseApiTime(start)! > parseApiTime(end)!) {
      throw new Invalid('Request.Operation.TimeInterval.Start is after End.');
    }
    result.timeInterval = {};
    if (start !== undefined) result.timeInterval.start = start;
    if (end !== undefined) result.timeInterval.end = end;
  }
  return result;
}

/** The request, or why it is refused (the message of a 400 InvalidArgument). */
export function validateCreate(
  body: string,
): { ok: true; request: CreateRequest } | { ok: false; message: string } {
  try {
    return { ok: true, request: parseBody(body) };
  } catch (error) {
    if (error instanceof Invalid) return { ok: false, message: error.message };
    throw error;
  }
}
