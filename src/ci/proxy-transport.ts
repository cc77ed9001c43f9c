import { EnvHttpProxyAgent, request } from 'undici';
import type { Transport } from './transport.js';

/** Through the proxy the runner's environment names, NO_PROXY included, by undici's own agent. */
export function proxyTransport(): Transport {
  const dispatcher = new EnvHttpProxyAgent();
  return async ({ url, method, headers, body, signal }) => {
    const answer = await request(url, { method, headers, body, signal, dispatcher });
    return { status: answer.statusCode, headers: answer.headers, body: await answer.body.text() };
  };
}
