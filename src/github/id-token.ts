/**
 * GitHub's OIDC token for the workflow run. Asked as `@actions/core`'s `getIDToken` asks it (the
 * runner's `ACTIONS_ID_TOKEN_REQUEST_URL` with `&audience=`, the job's bearer token), but through
 * the step's transport: `getIDToken` takes no abort signal or time limit (its client waits three
 * minutes for a silent endpoint, and a request given up on still holds the process) and reads an
 * answer of any size whole, then masks it itself. README › Reliability says what the step keeps to.
 */
import { TransportError } from '../ci/errors.js';
import type { HttpAnswer } from '../ci/http.js';
import { sendSignInRequest, type SignInRequestOptions } from '../ci/sign-in-request.js';
import type { RetryHint } from '../waiting/retry.js';

export const ID_TOKEN_CALL = "GitHub's OIDC token request";
/** Of an error answer's message, what is quoted. */
const QUOTED_CHARS = 200;

/** GitHub gave no token: the message says what to change in the workflow, or what GitHub answered. */
export class IdTokenError extends Error {
  override readonly name = 'IdTokenError';
  constructor(
    message: string,
    /** GitHub's HTTP status, when it answered one. */
    readonly status?: number,
  ) {
    super(message);
  }
}

/**
 * What the job lacks to ask for a token, and what to do about it: `undefined` when it lacks
 * nothing. Only the variable's name is said; the other's value (a URL) is not repeated.
 */
export function missingIdToken(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const missing = !env.ACTIONS_ID_TOKEN_REQUEST_URL
    ? 'ACTIONS_ID_TOKEN_REQUEST_URL'
    : !env.ACTIONS_ID_TOKEN_REQUEST_TOKEN
      ? 'ACTIONS_ID_TOKEN_REQUEST_TOKEN'
      : undefined;
  return (
    missing && `add \`permissions: id-token: write\` to the workflow or the job (the job has no ${missing})`
  );
}

/**
 * The token for `audience`, fresh on every call: GitHub's tokens last minutes, and each renewal of
 * the role's keys needs one. Not masked here: the caller masks it once, before anything else.
 */
export async function githubIdToken(
  audience: string,
  options: SignInRequestOptions,
  env: NodeJS.ProcessEnv = process.env,
): Promise<string> {
  const missing = missingIdToken(env);
  if (missing) throw new IdTokenError(`GitHub gives this job no OIDC token: ${missing}`);
  const url = tokenUrl(env.ACTIONS_ID_TOKEN_REQUEST_URL!, audience);
  return sendSignInRequest(
    {
      name: ID_TOKEN_CALL,
      request: () => ({
        url,
        method: 'GET',
        headers: {
          authorization: `Bearer ${env.ACTIONS_ID_TOKEN_REQUEST_TOKEN}`,
          accept: 'application/json',
        },
      }),
      read: (answer) => readToken(answer, audience),
      retryable: retryableTokenRequest,
      throttled: (error) => error instanceof IdTokenError && error.status === 429,
    },
    options,
  );
}

function tokenUrl(base: string, audience: string): URL {
  try {
    return new URL(`${base}&audience=${encodeURIComponent(audience)}`);
  } catch {
    throw new IdTokenError('ACTIONS_ID_TOKEN_REQUEST_URL, set by the runner, is not a URL');
  }
}

function readToken(answer: HttpAnswer, audience: string): string {
  const parsed = parseJson(answer.body);
  if (answer.status !== 200) {
    const message = typeof parsed?.message === 'string' ? parsed.message.slice(0, QUOTED_CHARS) : '';
    throw new IdTokenError(
      `${ID_TOKEN_CALL} for audience '${audience}' answered HTTP ${answer.status}` +
        (message ? `: ${message}` : ''),
      answer.status,
    );
  }
  if (typeof parsed?.value !== 'string' || parsed.value === '') {
    throw new TransportError(
      `${ID_TOKEN_CALL} got an answer without a token (HTTP 200, ${answer.body.length} characters)`,
      'unparsable',
      200,
    );
  }
  return parsed.value;
}

function parseJson(text: string): { value?: unknown; message?: unknown } | undefined {
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/**
 * GitHub's own faults and a connection that failed are worth another try; a refusal is not, nor a
 * time-out: an endpoint silent for `request-timeout` holds the step that long, not several times.
 */
function retryableTokenRequest(error: unknown): RetryHint | false {
  if (error instanceof IdTokenError) {
    if (error.status === 429) return { throttled: true };
    return error.status !== undefined && error.status >= 500 ? {} : false;
  }
  if (error instanceof TransportError) return ['connect', 'dns', 'reset'].includes(error.kind) ? {} : false;
  return false;
}
