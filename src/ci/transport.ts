/** One exchange as the client needs it: the request whole, the answer's body read to the end. */
export interface HttpRequest {
  url: URL;
  method: string;
  headers: Record<string, string>;
  body?: string;
  signal: AbortSignal;
}

export interface HttpAnswer {
  status: number;
  /** Names in lower case. */
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export type Transport = (request: HttpRequest) => Promise<HttpAnswer>;

/**
 * The most of an answer that is read. The largest the API sends, a page of 100 jobs, is some
 * 150 KB; anything past 1 MiB is not an answer to act on, and reading it all could exhaust memory.
 */
export const MAX_ANSWER_BYTES = 1024 * 1024;

const PROXY_VARIABLES = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy'];

/**
 * Runners behind a proxy set HTTPS_PROXY / HTTP_PROXY / NO_PROXY (either case): undici's own proxy
 * agent reads them all. Without them, Node's own http/https, which a step loads in a fraction of
 * undici's time and memory (README › Performance). Each is loaded on the first request, so a step
 * that fails on its inputs, or a dry run, loads no HTTP code at all.
 */
export function transportFromEnvironment(env: NodeJS.ProcessEnv = process.env): Transport {
  const proxied = PROXY_VARIABLES.some((name) => env[name]);
  let loaded: Promise<Transport> | undefined;
  return async (request) => {
    loaded ??= proxied
      ? import('./proxy-transport.js').then((module) => module.proxyTransport())
      : import('./node-transport.js').then((module) => module.nodeTransport);
    return (await loaded)(request);
  };
}
