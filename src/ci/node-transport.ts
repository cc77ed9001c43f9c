import type * as Http from 'node:http';
import type { Transport } from './transport.js';

type HttpModule = Pick<typeof Http, 'request'>;
const modules: Partial<Record<string, Promise<HttpModule>>> = {};

/** Loaded once, on the first request: https for the service, http for a local emulator. */
function moduleFor(protocol: string): Promise<HttpModule> {
  return (modules[protocol] ??= protocol === 'https:' ? import('node:https') : import('node:http'));
}

/**
 * A direct connection through Node's http or https module and its default agent, which keeps
 * connections alive between polls and closes them before the server's keep-alive hint runs out.
 */
export const nodeTransport: Transport = async ({ url, method, headers, body, signal }) => {
  const { request } = await moduleFor(url.protocol);
  return new Promise((resolve, reject) => {
    const outgoing = request(url, { method, headers, signal }, (incoming: Http.IncomingMessage) => {
      const chunks: Buffer[] = [];
      incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
      incoming.on('error', reject);
      incoming.on('end', () =>
        resolve({
          status: incoming.statusCode ?? 0,
          headers: incoming.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        }),
      );
    });
    outgoing.on('error', reject);
    outgoing.end(body);
  });
};
