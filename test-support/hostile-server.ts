/**
 * A loopback server that answers as a test tells it to, for answers no honest service (nor the
 * emulator) gives: values holding workflow commands, cursors that never end, pages of any size.
 * It checks no signature and keeps no state of its own.
 */
import { once } from 'node:events';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface HostileRequest {
  method: string;
  /** Decoded. */
  path: string;
  query: URLSearchParams;
}

export interface HostileAnswer {
  status?: number;
  body: string;
  headers?: Record<string, string>;
}

export interface HostileServer {
  url: string;
  requests: HostileRequest[];
  close(): Promise<void>;
}

export async function startHostileServer(
  answer: (request: HostileRequest) => HostileAnswer,
): Promise<HostileServer> {
  const requests: HostileRequest[] = [];
  const server = createServer((req: IncomingMessage, res) => {
    req.resume();
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const request = {
      method: req.method ?? 'GET',
      path: decodeURIComponent(url.pathname),
      query: url.searchParams,
    };
    requests.push(request);
    const { status = 200, body, headers = {} } = answer(request);
    res.writeHead(status, {
      'Content-Type': 'application/xml',
      'Content-Length': Buffer.byteLength(body),
      ...headers,
    });
    res.end(body);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/** A `<JobsDetail>` element from the given fields, in the API's order, text escaped. */
export function jobsDetailXml(fields: Record<string, string>): string {
  const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const inner = Object.entries(fields)
    .map(([name, value]) => `<${name}>${escape(value)}</${name}>`)
    .join('');
  return `<JobsDetail>${inner}</JobsDetail>`;
}
