/**
 * How the requests of a sign-in (GitHub's OIDC token, the STS exchange) go out: like every request
 * of the step, through its transport (time limit, answer cap, proxy), its pacer and its abort
 * signal, retried as far as their own rules allow and no later than the sign-in's deadline.
 */
import { errorMessage, TransportError } from './errors.js';
import type { HttpAnswer, HttpRequest, Transport } from './http.js';
import type { Logger } from './request.js';
import { transportFromEnvironment } from './transport.js';
import type { RequestPacer } from '../waiting/pacing.js';
import {
  DEFAULT_RETRY_POLICY,
  retryWithBackoff,
  type RetryHint,
  type RetryPolicy,
} from '../waiting/retry.js';
import { realSleep, type Sleep } from '../waiting/sleep.js';

/** What bounds one sign-in: set by the client that needs the keys (the step's, or the cleanup's). */
export interface SignInLimits {
  /** The caller's: the workflow run was cancelled. Absent for the cleanup, which runs after it. */
  signal?: AbortSignal;
  /** Time limit of one request (`request-timeout`, or the cleanup's shorter one). */
  timeoutMs: number;
  /** Retries of each request; its `maxElapsedMs` also bounds the whole sign-in. */
  retryPolicy?: RetryPolicy;
  /** When the whole sign-in must be over, in ms since the epoch. */
  deadline?: number;
}

export interface SignInRequestOptions extends Partial<SignInLimits> {
  logger: Logger;
  /** The step's transport; by default one of its own. */
  transport?: Transport;
  /** The step's pacing, which every request of the step waits for and tells. */
  pacer?: RequestPacer;
  now?: () => number;
  sleep?: Sleep;
  random?: () => number;
}

export interface SignInCall<T> {
  /** How messages name it: `STS AssumeRoleWithWebIdentity`. */
  name: string;
  /** The request of one attempt (a timestamp header is set per attempt). */
  request: (now: number) => Omit<HttpRequest, 'timeoutMs' | 'signal' | 'name'>;
  /** What the answer (to the request sent at `sentAt`) gives, or throws for one that gives nothing. */
  read: (answer: HttpAnswer, sentAt: number) => T;
  retryable: (error: unknown) => RetryHint | false;
  /** An error that says the service shed load: the step's pace slows down. */
  throttled: (error: unknown) => boolean;
}

let defaultTransport: Transport | undefined;

export async function sendSignInRequest<T>(call: SignInCall<T>, options: SignInRequestOptions): Promise<T> {
  const now = options.now ?? Date.now;
  const transport = options.transport ?? (defaultTransport ??= transportFromEnvironment());
  const { signal, pacer, deadline } = options;
  const once = async (): Promise<T> => {
    await pacer?.acquire(signal);
    const timeoutMs = Math.min(options.timeoutMs ?? 30_000, (deadline ?? Infinity) - now());
    if (timeoutMs <= 0) throw new TransportError(`${call.name}: no time was left for it`, 'timeout');
    try {
      const sentAt = now();
      const answer = await transport({ ...call.request(sentAt), timeoutMs, signal, name: call.name });
      const value = call.read(answer, sentAt);
      pacer?.record(false);
      return value;
    } catch (error) {
      pacer?.record(call.throttled(error));
      throw error;
    }
  };
  return retryWithBackoff(once, call.retryable, options.retryPolicy ?? DEFAULT_RETRY_POLICY, {
    sleep: options.sleep ?? realSleep,
    now,
    random: options.random ?? Math.random,
    signal,
    deadline,
    onRetry: (error, attempt, delayMs) =>
      options.logger.warning(`${errorMessage(error)}; retry ${attempt} in ${(delayMs / 1000).toFixed(1)} s`),
  });
}
