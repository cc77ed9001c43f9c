import { EnvHttpProxyAgent, getGlobalDispatcher, type Dispatcher } from 'undici';

/**
 * Runners behind a proxy set HTTPS_PROXY / HTTP_PROXY / NO_PROXY (either case); undici's own
 * agent reads them, NO_PROXY included. Without them, the plain global agent.
 */
export function dispatcherFromEnvironment(env: NodeJS.ProcessEnv = process.env): Dispatcher {
  const proxied = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy'].some((name) => env[name]);
  return proxied ? new EnvHttpProxyAgent() : getGlobalDispatcher();
}
