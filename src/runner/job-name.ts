/** What the API accepts as a job name. */
export const JOB_NAME_PATTERN = /^[A-Za-z0-9_\-\u4e00-\u9fff]{1,128}$/u;

const MAX_LENGTH = 128;

/**
 * A name unique per repository, run, attempt and step execution: what lets a lost create be found
 * again by name without any risk of adopting another job. Matrix jobs share every variable the
 * runner sets (GITHUB_ACTION included), so a random tail tells them apart; the look-up by name only
 * happens inside the step that chose it.
 */
export function defaultJobName(env: NodeJS.ProcessEnv, random: () => string = randomTail): string {
  const clean = (text: string) => text.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '');
  const repository = clean(env.GITHUB_REPOSITORY ?? 'local');
  const run = clean(env.GITHUB_RUN_ID ?? String(Date.now()));
  const attempt = clean(env.GITHUB_RUN_ATTEMPT ?? '1');
  const step = clean(env.GITHUB_ACTION ?? 'step');
  const unique = `-${run}-${attempt}-${step}-${random()}`.slice(-MAX_LENGTH + 1);
  return `${repository.slice(0, MAX_LENGTH - unique.length) || 'gh'}${unique}`;
}

/** Web Crypto, which is global: node:crypto would cost a dry run ~5 ms of start-up. */
function randomTail(): string {
  return globalThis.crypto.randomUUID().slice(-6);
}
