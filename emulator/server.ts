/** HTTP: routing, faults, signature checks, XML answers, and the request log. */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { handleAdmin } from './admin.js';
import * as api from './api.js';
import { authenticate, type KeyLookup } from './auth.js';
import { newRequestId } from './ids.js';
import { parseQuery } from './query.js';
import { route } from './routes.js';
import { httpDate } from './times.js';
import type { FaultQueue } from './faults.js';
import { THROTTLED, type SharedRateLimit } from './rate-limit.js';
import type { CallName, Emulator, RequestRecord } from './types.js';
import { errorBody } from './forms.js';
import { buildXml } from './xml.js';

export interface ServerContext extends api.ApiState {
  clock(): number;
  /** The keys accepted: the emulator's own, and those its STS issued. */
  keys: KeyLookup;
  faults: FaultQueue;
  rateLimit: SharedRateLimit;
  requests: RequestRecord[];
  /** What the admin endpoints inspect and control. */
  admin: Emulator;
  /** Calls the key may not make. */
  denied(): readonly CallName[];
}

const HANDLERS: Record<CallName, (s: api.ApiState, ctx: api.CallContext) => api.Answer> = {
  create: api.create,
  describe: api.describe,
  list: api.list,
  cancel: api.cancel,
  trigger: api.trigger,
  execution: api.execution,
  executions: api.executions,
  'media-job': api.mediaJob,
};
const MAX_BODY = 1 << 20;
const PROXY_PAGE =
  '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';

/** The body, or undefined when it is too large to be a request of this API. */
async function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size <= MAX_BODY) chunks.push(chunk as Buffer);
  }
  return size <= MAX_BODY ? Buffer.concat(chunks) : undefined;
}

// An RST rather than a FIN: what a dropped connection looks like to the client.
const drop = (req: IncomingMessage): void => void req.socket.resetAndDestroy();

function headerRecord(req: IncomingMessage): Record<string, string> {
  return Object.fromEntries(
    Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : (v ?? '')]),
  );
}

async function serve(s: ServerContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = req.url ?? '/';
  const q = url.indexOf('?');
  const rawPath = q < 0 ? url : url.slice(0, q);
  const rawQuery = q < 0 ? '' : url.slice(q + 1);
  const method = req.method ?? 'GET';
  if (rawPath.startsWith('/_emulator/')) {
    return handleAdmin(s.admin, req, res, (await readBody(req))?.toString('utf8') ?? '');
  }

  const now = s.clock();
  const requestId = newRequestId(now);
  const headers = headerRecord(req);
  const record: RequestRecord = {
    method,
    path: rawPath,
    query: {},
    status: 0,
    call: 'unknown',
    requestId,
    headers,
    connection: req.socket.remotePort ?? 0,
    time: now,
  };
  s.requests.push(record);
  const resource = `${headers.host ?? ''}${rawPath}`;
  const reply = (
    status: number,
    body: string | Buffer,
    type = 'application/xml',
    extra: Record<string, string> = {},
  ): void => {
    record.status = status;
    res.writeHead(status, {
      'Content-Type': type,
      'Content-Length': Buffer.byteLength(body),
      Date: httpDate(now),
      Server: 'tencent-ci',
      // A proxy's page carries no request id; the service's answers do, XML or JSON.
      ...(type === 'text/html' ? {} : { 'x-ci-request-id': requestId }),
      ...extra,
    });
    res.end(body);
    s.options.onRequest?.(record);
  };
  const fail = (
    status: number,
    code: string,
    message: string,
    detail?: string,
    extra?: Record<string, string>,
  ): void => {
    record.code = code;
    if (detail !== undefined) record.detail = detail;
    const error = errorBody(s.forms(), { code, message, requestId, resource });
    reply(status, error.body, error.type, extra);
  };

  const found = route(method, rawPath);
  if (found.ok) record.call = found.call;
  // The gateway's quota comes first: a throttled request reaches nothing else, not even a fault.
  const limit = s.rateLimit.throttle(now);
  if (limit) {
    record.fault = 'rate-limit';
    const extra: Record<string, string> =
      limit.retryAfterSeconds === undefined ? {} : { 'Retry-After': String(limit.retryAfterSeconds) };
    return fail(
      THROTTLED.status,
      THROTTLED.code,
      THROTTLED.message,
      `over ${limit.perSecond} requests/s`,
      extra,
    );
  }
  const fault = found.ok ? s.faults.take(found.call) : undefined;
  if (fault) record.fault = fault.kind;
  switch (fault?.kind) {
    case 'reset':
      drop(req);
      return s.options.onRequest?.(record);
    case 'hang':
      // Never answered: close() destroys every connection.
      return s.options.onRequest?.(record);
    case 'html':
      return reply(fault.status ?? 502, PROXY_PAGE, 'text/html');
    case 'status': {
      const extra: Record<string, string> =
        fault.retryAfterSeconds === undefined ? {} : { 'Retry-After': String(fault.retryAfterSeconds) };
      return fail(
        fault.status,
        fault.code,
        fault.message ?? `Injected ${fault.code}.`,
        'injected fault',
        extra,
      );
    }
  }

  const body = await readBody(req);
  const query = parseQuery(rawQuery);
  if (!query.ok) return fail(400, 'InvalidArgument', query.message);
  record.query = Object.fromEntries(query.pairs);
  let path: string;
  try {
    path = decodeURIComponent(rawPath);
  } catch {
    return fail(400, 'InvalidArgument', 'The path is not valid percent-encoding.');
  }
  const auth = authenticate({ method, path, query: query.pairs, headers }, s.keys, now);
  if (!auth.ok) return fail(403, auth.code, auth.message, auth.detail);
  if (!found.ok) return fail(found.status, found.code, found.message);
  if (s.denied().includes(found.call))
    return fail(403, 'AccessDenied', 'Access Denied. The key has no permission for this action.', 'denied');
  if (body === undefined) return fail(400, 'InvalidArgument', 'The request body is larger than 1 MiB.');
  const md5 = headers['content-md5'];
  if (md5 !== undefined && md5 !== createHash('md5').update(body).digest('base64')) {
    return fail(400, 'InvalidDigest', 'The Content-MD5 you specified does not match the body.');
  }

  let workedAt = now;
  if (fault?.kind === 'slow') {
    // A slow service acts late: the work is done then, whether or not the client still waits.
    await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
    workedAt = s.clock();
    if (req.socket.destroyed) record.detail = `done after ${fault.delayMs} ms; the client had gone`;
  }
  const context: api.CallContext = { now: workedAt, pairs: query.pairs, body: body.toString('utf8') };
  if (found.id !== undefined) context.id = found.id;
  const answer = HANDLERS[found.call](s, context);
  let text: string;
  let type = 'application/xml';
  if ('code' in answer) {
    record.code = answer.code;
    ({ body: text, type } = errorBody(s.forms(), { ...answer, requestId, resource }));
  } else {
    text = answer.response ? buildXml({ Response: { RequestId: requestId, ...answer.response } }) : '';
  }
  if (fault?.kind === 'lost-answer') {
    record.detail = `the work was done; the ${answer.status} answer was dropped`;
    drop(req);
    return s.options.onRequest?.(record);
  }
  if (fault?.kind === 'truncated') {
    const bytes = Buffer.from(text);
    return reply(answer.status, bytes.subarray(0, Math.floor(bytes.length / 2)), type);
  }
  reply(answer.status, text, type);
}

export function createEmulatorServer(s: ServerContext): Server {
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    serve(s, req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' }).end('emulator error');
      process.emitWarning(`CI emulator: ${(error as Error).stack ?? String(error)}`);
    });
  };
  return s.options.tls ? createHttpsServer(s.options.tls, handler) : createServer(handler);
}
