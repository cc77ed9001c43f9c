import type { Transport } from './http.js';

/**
 * One undici dispatcher for the step, which keeps connections alive between polls and goes
 * through the proxy the environment names (HTTPS_PROXY / HTTP_PROXY / NO_PROXY, either case).
 * undici loads with the first request, so a dry run or a step that fails on its inputs loads none.
 */
export function transportFromEnvironment(): Transport {
  let loaded: Promise<Transport> | undefined;
  return async (request) => {
    loaded ??= import('./undici-transport.js').then((module) => module.undiciTransport());
    return (await loaded)(request);
  };
}
