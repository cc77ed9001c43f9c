import { CiClient, type ClockCorrection } from '../ci/client.js';
import { assumedRoleCredentials } from '../ci/credentials.js';
import { githubIdToken } from '../github/id-token.js';
import { transportFromEnvironment } from '../ci/transport.js';
import { RequestPacer } from '../waiting/pacing.js';
import type { RetryPolicy } from '../waiting/retry.js';
import type { CommonSettings } from '../github/common-settings.js';
import { log } from '../github/log.js';
import { CREATE_ANSWER_GRACE_MS } from '../job/ports.js';
import { realSleep } from '../waiting/sleep.js';

/**
 * Cancelling after the workflow run was cancelled must fit in the runner's 7.5 s between SIGINT
 * and SIGTERM (on Windows between Ctrl+C and Ctrl+Break, which Node raises as SIGINT and
 * SIGBREAK), and a post: step should not hold the run up: short time limit, one retry.
 */
const CLEANUP_TIMEOUT_MS = 5000;
const CLEANUP_RETRIES: RetryPolicy = {
  maxAttempts: 2,
  maxElapsedMs: 6000,
  baseDelayMs: 250,
  maxDelayMs: 1000,
  throttleBudgetMs: 6000,
};

/**
 * Clients made on first use, so that a step that fails on its inputs loads and sends nothing. The
 * step's deadline (see StepDeps) bounds the retries of throttled calls, except the cleanup's.
 */
export function clientsFor(settings: CommonSettings, signal?: AbortSignal, deadline?: number) {
  const clock: ClockCorrection = { offsetMs: 0 };
  const transport = transportFromEnvironment();
  // One pace for every request of the step, whichever client sends it, signing in included.
  const pacer = new RequestPacer({ now: Date.now, sleep: realSleep });
  // One set of keys for the step: renewed once for all its clients, whichever needs it first, within
  // the signal and time limit of the client that needs them (see CiClient).
  const credentials = settings.signIn.role
    ? assumedRoleCredentials(settings.signIn.role, {
        getIdToken: (audience, limits) =>
          githubIdToken(audience, { ...limits, transport, pacer, logger: log }),
        mask: log.mask,
        logger: log,
        region: settings.region,
        sts: { transport, pacer },
      })
    : settings.signIn.keys;
  const make = (options: Partial<ConstructorParameters<typeof CiClient>[0]>) => {
    let client: CiClient | undefined;
    return () =>
      (client ??= new CiClient({
        endpoint: settings.endpoint,
        credentials,
        logger: log,
        transport,
        timeoutMs: settings.requestTimeoutMs,
        clock,
        pacer,
        ...options,
      }));
  };
  return {
    /** The service's clock as the step's clients learn it. */
    clock,
    /** Its requests and retry waits stop when the workflow run is cancelled. */
    client: make({ signal, deadline }),
    /** Its requests outlive the cancellation briefly: a create the service acted on should be known. */
    steadyClient: make({ signal, answerGraceMs: CREATE_ANSWER_GRACE_MS, deadline }),
    /** Still works after the cancellation, briefly, signing in on its own if it must: to cancel the job. */
    cleanupClient: make({
      timeoutMs: Math.min(CLEANUP_TIMEOUT_MS, settings.requestTimeoutMs),
      retryPolicy: CLEANUP_RETRIES,
    }),
  };
}
