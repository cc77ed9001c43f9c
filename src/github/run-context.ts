import { context } from '@actions/github';

/** What the API accepts as a job name. */
export const JOB_NAME_PATTERN = /^[A-Za-z0-9_\-\u4e00-\u9fff]{1,128}$/u;

const MAX_LENGTH = 128;

/** The workflow run a step belongs to, as `@actions/github`'s context reads it from the runner. */
export interface RunContext {
  /** `owner/repo`; empty outside a runner. */
  repository: string;
  runId: number;
  runAttempt: number;
  /** The job's id in the workflow file (`jobs.<id>`). */
  job: string;
  serverUrl: string;
}

export function runContext(): RunContext {
  // context.repo throws outside a runner; a local run still gets a name and no link.
  const repository = process.env.GITHUB_REPOSITORY ? `${context.repo.owner}/${context.repo.repo}` : '';
  return {
    repository,
    runId: context.runId,
    runAttempt: context.runAttempt,
    job: context.job ?? '',
    serverUrl: context.serverUrl,
  };
}

/** The link to the workflow run (its attempt), for summaries; undefined outside a runner. */
export function runUrl(run: RunContext): string | undefined {
  if (!run.repository || !Number.isFinite(run.runId)) return undefined;
  const attempt = Number.isFinite(run.runAttempt) && run.runAttempt > 1 ? `/attempts/${run.runAttempt}` : '';
  return `${run.serverUrl}/${run.repository}/actions/runs/${run.runId}${attempt}`;
}

/**
 * A name unique per repository, run, attempt and job: what lets a lost create be found again by
 * name. Matrix jobs and two steps of one job share every one of those, so a random tail tells them
 * apart; the look-up by name only happens inside the step that chose it.
 */
export function defaultJobName(run: RunContext, random: () => string = randomTail): string {
  const clean = (text: string) => text.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '');
  const repository = clean(run.repository) || 'local';
  const id = Number.isFinite(run.runId) ? String(run.runId) : String(Date.now());
  const attempt = Number.isFinite(run.runAttempt) ? String(run.runAttempt) : '1';
  const job = clean(run.job) || 'job';
  const unique = `-${id}-${attempt}-${job}-${random()}`.slice(-MAX_LENGTH + 1);
  return `${repository.slice(0, MAX_LENGTH - unique.length) || 'gh'}${unique}`;
}

function randomTail(): string {
  return globalThis.crypto.randomUUID().slice(-6);
}
