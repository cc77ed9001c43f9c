/** Which call a method and path name. Paths are matched raw; ids are percent-decoded. */
import type { CallName } from './types.js';

export type Route =
  { ok: true; call: CallName; id?: string } | { ok: false; status: number; code: string; message: string };

const TABLE: ReadonlyArray<{ path: RegExp; methods: Partial<Record<string, CallName>> }> = [
  { path: /^\/inventorytriggerjob$/, methods: { POST: 'create', GET: 'list' } },
  { path: /^\/inventorytriggerjob\/([^/]+)$/, methods: { GET: 'describe', PUT: 'cancel' } },
  { path: /^\/triggerworkflow$/, methods: { POST: 'trigger' } },
  { path: /^\/workflowexecution$/, methods: { GET: 'executions' } },
  { path: /^\/workflowexecution\/([^/]+)$/, methods: { GET: 'execution' } },
  { path: /^\/jobs\/([^/]+)$/, methods: { GET: 'media-job' } },
];

export function route(method: string, rawPath: string): Route {
  for (const entry of TABLE) {
    const m = entry.path.exec(rawPath);
    if (!m) continue;
    const call = entry.methods[method];
    if (!call) {
      return {
        ok: false,
        status: 405,
        code: 'MethodNotAllowed',
        message: `${method} is not allowed on ${rawPath}.`,
      };
    }
    if (m[1] === undefined) return { ok: true, call };
    try {
      return { ok: true, call, id: decodeURIComponent(m[1]) };
    } catch {
      return {
        ok: false,
        status: 400,
        code: 'InvalidArgument',
        message: 'The path is not valid percent-encoding.',
      };
    }
  }
  return { ok: false, status: 404, code: 'ResourceNotFound', message: `No API at ${rawPath}.` };
}
