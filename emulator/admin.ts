/** Unsigned JSON control endpoints under /_emulator/, for out-of-process tests and the CLI. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parseFault } from './faults.js';
import { checkRateLimit } from './rate-limit.js';
import type { Emulator, JobSchedule } from './types.js';

function json(res: ServerResponse, status: number, value: unknown): void {
  if (status === 204) {
    res.writeHead(204).end();
    return;
  }
  const body = value === undefined ? '' : JSON.stringify(value);
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}

export function parseSchedule(value: unknown): JobSchedule {
  const s = value as Partial<JobSchedule> | null;
  const okMs = (n: unknown): boolean => typeof n === 'number' && Number.isFinite(n) && n >= 0;
  if (
    !s ||
    !okMs(s.queuedMs) ||
    !okMs(s.runningMs) ||
    !['Success', 'Failed', 'Cancel'].includes(s.final as string)
  ) {
    throw new Error(
      'a schedule is { queuedMs: number ≥ 0, runningMs: number ≥ 0, final: Success|Failed|Cancel }',
    );
  }
  return s as JobSchedule;
}

export function handleAdmin(target: Emulator, req: IncomingMessage, res: ServerResponse, body: string): void {
  const path = (req.url ?? '').split('?')[0];
  const route = `${req.method} ${path}`;
  try {
    switch (route) {
      case 'GET /_emulator/jobs':
        return json(res, 200, target.jobs());
      case 'GET /_emulator/executions':
        return json(res, 200, target.executions());
      case 'GET /_emulator/requests':
        return json(res, 200, target.requests);
      case 'POST /_emulator/faults':
        target.addFault(parseFault(JSON.parse(body)));
        return json(res, 204, undefined);
      case 'DELETE /_emulator/faults':
        target.clearFaults();
        return json(res, 204, undefined);
      case 'POST /_emulator/rate-limit':
        target.setRateLimit(checkRateLimit(JSON.parse(body)));
        return json(res, 204, undefined);
      case 'DELETE /_emulator/rate-limit':
        target.setRateLimit(undefined);
        return json(res, 204, undefined);
      case 'POST /_emulator/schedule':
        target.setSchedule(parseSchedule(JSON.parse(body)));
        return json(res, 204, undefined);
      default:
        return json(res, 404, { error: `no admin endpoint ${route}` });
    }
  } catch (error) {
    return json(res, 400, { error: (error as Error).message });
  }
}
