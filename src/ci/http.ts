/** One exchange as the client needs it: the request whole, the answer's body read to the end. */
export interface HttpRequest {
  url: URL;
  method: 'GET' | 'POST' | 'PUT';
  headers: Record<string, string>;
  body?: string;
  /** The whole exchange, connecting included, must end within this. */
  timeoutMs: number;
  /** The step's own: the workflow run was cancelled. */
  signal?: AbortSignal;
  /** How messages name the call; by default `METHOD /path`. */
  name?: string;
}

export interface HttpAnswer {
  status: number;
  /** Names in lower case. */
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** Sends one request; fails with a `TransportError` that names the call and says what went wrong. */
export type Transport = (request: HttpRequest) => Promise<HttpAnswer>;

/**
 * The most of an answer that is read. The largest the API sends, a page of 100 jobs, is some
 * 150 KB; anything past 1 MiB is not an answer to act on, and reading it all could exhaust memory.
 */
export const MAX_ANSWER_BYTES = 1024 * 1024;

/** How messages name a request: `GET /inventorytriggerjob/<id>`. */
export function callName(method: string, url: URL): string {
  return `${method} ${url.pathname}`;
}
