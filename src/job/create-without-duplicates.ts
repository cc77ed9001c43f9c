import type { CiClient } from '../ci/client.js';
import type { Logger } from '../ci/request.js';
import { retryableForIdempotentCall, retryableWhenNotProcessed } from '../ci/retry-rules.js';
import type { CreateJobRequest, JobDetail, WithRequestId } from '../ci/types.js';
import { formatApiTime } from '../time.js';
import { DEFAULT_RETRY_POLICY, retryWithBackoff, type RetryPolicy } from '../waiting/retry.js';
import { AbortedError, type Sleep } from '../waiting/sleep.js';

export interface CreateDeps {
  logger: Logger;
  now: () => number;
  sleep: Sleep;
  random?: () => number;
  retryPolicy?: RetryPolicy;
  signal?: AbortSignal;
}

export interface CreatedJob extends WithRequestId<JobDetail> {
  /** The create answer was lost and the job was found by its name instead. */
  adopted: boolean;
}

/**
 * Wide enough to cover a runner clock that is hours off: the name is unique per run attempt and
 * step, so a wide window cannot find someone else's job.
 */
const LOOKUP_WINDOW_MS = 24 * 60 * 60 * 1000;

/**
 * Creates the job, and after a failure that may have created it anyway (a reset after sending, no
 * answer, a 5xx, an unreadable answer) looks it up by name before sending the create again.
 */
export async function createJobWithoutDuplicates(
  client: CiClient,
  request: CreateJobRequest,
  deps: CreateDeps,
): Promise<CreatedJob> {
  const since = formatApiTime(new Date(deps.now() - LOOKUP_WINDOW_MS));
  let mayExist = false;
  const attempts = retryWithBackoff<CreatedJob>(
    async () => {
      if (mayExist) {
        const existing = await findByName(client, request.name, since);
        if (existing) {
          deps.logger.warning(
            `The answer to the create was lost, but job ${existing.value.jobId} named ${request.name} ` +
              'exists: using it instead of creating another.',
          );
          return { ...existing, adopted: true };
        }
      }
      try {
        return { ...(await client.createJob(request)), adopted: false };
      } catch (error) {
        mayExist = mayExist || retryableWhenNotProcessed(error) === false;
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
      onRetry: (error, attempt, delayMs) =>
        deps.logger.warning(
          `Creating the job failed (${error instanceof Error ? error.message : String(error)}); ` +
            `attempt ${attempt + 1} in ${(delayMs / 1000).toFixed(1)} s` +
            (mayExist ? ', after checking whether the job exists' : ''),
        ),
    },
  );
  try {
    return await attempts;
  } catch (error) {
    // Cancelled between attempts: stop creating, but a job an earlier attempt may have made is
    // looked up, so that it is reported (and cancelled by the caller) rather than lost.
    if (!(error instanceof AbortedError) || !mayExist) throw error;
    const existing = await findByName(client, request.name, since);
    if (!existing) throw error;
    return { ...existing, adopted: true };
  }
}

async function findByName(
  client: CiClient,
  name: string,
  since: string,
): Promise<WithRequestId<JobDetail> | undefined> {
  const page = await client.listJobs({ name, startCreationTime: since, size: 10, order: 'Desc' });
  const job = page.value.jobs.find((candidate) => candidate.name === name);
  return job ? { value: job, requestId: page.requestId } : undefined;
}
