/** Query strings: strict decoding, and the filters of the two list calls. */
import { parseApiTime } from './times.js';

export type Pairs = Array<[string, string]>;

/**
 * Percent-decodes `k=v&…`, reading `+` as a space: the official Python and Go SDKs write a space
 * in a query value as `+` (and sign it as `%20`), and the service accepts them. A plus itself
 * comes as `%2B`.
 */
export function parseQuery(raw: string): { ok: true; pairs: Pairs } | { ok: false; message: string } {
  const pairs: Pairs = [];
  const seen = new Set<string>();
  for (const part of raw.split('&')) {
    if (!part) continue;
    const eq = part.indexOf('=');
    let key: string;
    let value: string;
    try {
      key = decodeFormComponent(eq < 0 ? part : part.slice(0, eq));
      value = eq < 0 ? '' : decodeFormComponent(part.slice(eq + 1));
    } catch {
      return { ok: false, message: `The query parameter "${part}" is not valid percent-encoding.` };
    }
    if (seen.has(key)) return { ok: false, message: `The query parameter "${key}" is given more than once.` };
    seen.add(key);
    pairs.push([key, value]);
  }
  return { ok: true, pairs };
}

const decodeFormComponent = (text: string): string => decodeURIComponent(text.replace(/\+/g, ' '));

export interface ListFilters {
  states?: string[];
  workflowId?: string;
  name?: string;
  jobId?: string;
  type?: string;
  start?: number;
  end?: number;
  order: 'Asc' | 'Desc';
  size: number;
  nextToken?: string;
}

export interface ListSpec {
  allowed: readonly string[];
  states: readonly string[];
  required?: readonly string[];
}

/**
 * A list parameter's name as the SDKs send it (lower camel case), also when it comes capitalised
 * as the English docs' table writes it (`States`); undefined for any other name or casing.
 */
function listParameter(key: string, allowed: readonly string[]): string | undefined {
  const name = key.charAt(0).toLowerCase() + key.slice(1);
  return allowed.includes(name) ? name : undefined;
}

/** The filters, or the message of a 400 InvalidArgument. Empty values count as absent. */
export function parseFilters(pairs: Pairs, spec: ListSpec): ListFilters | string {
  const named: Pairs = [];
  for (const [key, value] of pairs) {
    const name = listParameter(key, spec.allowed);
    if (!name) return `Unknown query parameter "${key}" (lower camel case, or capitalised).`;
    if (named.some(([seen]) => seen === name))
      return `The query parameter "${name}" is given more than once.`;
    named.push([name, value]);
  }
  const q = new Map(named.filter(([, v]) => v !== ''));
  for (const key of spec.required ?? []) if (!q.has(key)) return `The query parameter "${key}" is required.`;
  const filters: ListFilters = { order: 'Desc', size: 10 };
  const size = q.get('size');
  if (size !== undefined) {
    if (!/^\d{1,4}$/.test(size) || Number(size) < 1 || Number(size) > 100)
      return `size "${size}" is not 1 to 100.`;
    filters.size = Number(size);
  }
  const order = q.get('orderByTime');
  if (order !== undefined) {
    if (order !== 'Asc' && order !== 'Desc') return `orderByTime "${order}" is not Desc or Asc.`;
    filters.order = order;
  }
  const states = q.get('states');
  if (states !== undefined) {
    const list = states.split(',');
    const bad = list.find((s) => s !== 'All' && !spec.states.includes(s));
    if (bad !== undefined) return `states holds an unknown state "${bad}".`;
    if (!list.includes('All')) filters.states = list;
  }
  const type = q.get('type');
  if (type !== undefined && type !== 'Workflow' && type !== 'Job')
    return `type "${type}" is not Workflow or Job.`;
  if (type !== undefined) filters.type = type;
  for (const [key, field] of [
    ['startCreationTime', 'start'],
    ['endCreationTime', 'end'],
  ] as const) {
    const text = q.get(key);
    if (text === undefined) continue;
    const ms = parseApiTime(text);
    if (ms === undefined) return `${key} "${text}" is not in the form %Y-%m-%dT%H:%M:%S%z.`;
    filters[field] = ms;
  }
  for (const key of ['workflowId', 'name', 'jobId', 'nextToken'] as const) {
    const value = q.get(key);
    if (value !== undefined) filters[key] = value;
  }
  return filters;
}

/** Whether a creation time (printed to the second) falls inside the filters' window. */
export function inWindow(createdAt: number, filters: ListFilters): boolean {
  const second = Math.floor(createdAt / 1000) * 1000;
  return (
    (filters.start === undefined || second >= filters.start) &&
    (filters.end === undefined || second <= filters.end)
  );
}
