import type { CiClient } from '../ci/client.js';
import { errorMessage } from '../ci/errors.js';
import type { Logger } from '../ci/request.js';
import { retryableForIdempotentCall, retryableWhenNotProcessed } from '../ci/retry-rules.js';
import type { CreateJobRequest, JobDetail, WithRequestId } from '../ci/types.js';
import { DEFAULT_RETRY_POLICY, retryWithBackoff, type RetryPolicy } from '../waiting/retry.js';
import { AbortedError, type Sleep } from '../waiting/sleep.js';
import { formatDuration } from '../time.js';
import { findOwnJob, type OtherJob, type SentCreate } from './own-job.js';
import { StepFailure } from './ports.js';

export interface CreateDeps {
  logger: Logger;
  now: () => number;
  sleep: Sleep;
  random?: () => number;
  retryPolicy?: RetryPolicy;
  signal?: AbortSignal;
  /** When the step's time ends (ms since the epoch): throttled creates are retried until then, no later. */
  deadline?: number;
  /** When the create was first sent, by this runner's clock; default: now. */
  sentAt?: number;
  /** How far the service's clock is ahead of ours, as the client learned it; default 0. */
  clockOffsetMs?: () => number;
  /** Called as each create goes out (signed in and paced), with when. */
  onSend?: (at: number) => void;
}

export interface CreatedJob extends WithRequestId<JobDetail> {
  /** The create answer was lost and the job was found by its name instead. */
  adopted: boolean;
}

/**
 * Creates the job, and after a failure that may have created it anyway (a reset after sending, no
 * answer, a 5xx, an unreadable answer) looks it up by name before sending the create again. Only
 * a job that matches what was sent, created after it was sent, is taken; when the name belongs to
 * another job only, no second create is sent (see findOwnJob).
 */
export async function createJobWithoutDuplicates(
  client: CiClient,
  request: CreateJobRequest,
  deps: CreateDeps,
): Promise<CreatedJob> {
  const sent: SentCreate = { request, sentAt: deps.sentAt ?? deps.now() };
  const clockOffsetMs = deps.clockOffsetMs ?? (() => 0);
  const adoptOwn = async (): Promise<CreatedJob | undefined> => {
    const { own, others } = await findOwnJob(client, sent, clockOffsetMs);
    if (own) {
      deps.logger.warning(
        `The answer to the create was lost, but job ${own.value.jobId} named ${request.name} exists ` +
          'and matches what this step sent: using it instead of creating another.',
      );
      return { ...own, adopted: true };
    }
    if (others.length > 0) throw notThisStepsJob(request.name, others);
    return undefined;
  };
  let mayExist = false;
  const attempts = retryWithBackoff<CreatedJob>(
    async () => {
      const existing = mayExist ? await adoptOwn() : undefined;
      if (existing) return existing;
      try {
        return { ...(await client.createJob(request, () => deps.onSend?.(deps.now()))), adopted: false };
      } catch (error) {
        // An AbortedError is a create the client never sent (cancelled while signing in or paced).
        mayExist =
          mayExist || (!(error instanceof AbortedError) && retryableWhenNotProcessed(error) === false);
        throw error;
      }
    },
    retryableForIdempotentCall,
    deps.retryPolicy ?? DEFAULT_RETRY_POLICY,
    {
      sleep: deps.sleep,
      now: deps.now,
      random: deps.random ?? Math.random,
      signal: deps.signal,
      deadline: deps.deadline,
      onRetry: (error, attempt, delayMs) =>
        deps.logger.warning(
          `Creating the job failed (${errorMessage(error)}); ` +
            `attempt ${attempt + 1} in ${(delayMs / 1000).toFixed(1)} s` +
            (mayExist ? ', after checking whether the job exists' : ''),
        ),
      onOutOfTime: (error, askedMs, leftMs) =>
        deps.logger.warning(
          `Creating the job was throttled (${errorMessage(error)}), and the service asks for ` +
            `${formatDuration(askedMs)} before another try, more than the step's timeout leaves ` +
            `(${formatDuration(leftMs)}): the create is not sent again, so that no job is made that ` +
            'this step has no time to follow.',
        ),
    },
  );
  try {
    return await attempts;
  } catch (error) {
    // Cancelled between attempts: stop creating, but a job an earlier attempt may have made is
    // looked up, so that it is reported (and cancelled by the caller) rather than lost.
    if (!(error instanceof AbortedError) || !mayExist) throw error;
    const existing = await adoptOwn();
    if (!existing) throw error;
    return existing;
  }
}

/** Named as the create was, but not what it sent: taking it could report another run's result. */
function notThisStepsJob(name: string, others: OtherJob[]): StepFailure {
  const [first] = others;
  const more = others.length > 1 ? ` (and ${others.length - 1} more of that name)` : '';
  return new StepFailure(
    `The answer to the create was lost, and no job of this step was found: job ${first?.job.jobId} ` +
      `named ${name} exists, but ${first?.why}${more}. No second job was created, so that the ` +
      'workflow does not run twice: check the jobs of that name in the CI console (or with list/), ' +
      'and give each step a name of its own.',
  );
}
