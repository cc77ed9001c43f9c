/**
 * Triggers the workflow on many keys, a few at a time, through the step's one request pacing (the
 * clients share it): a step of 1,000 keys on a shared quota slows down rather than fails.
 */
import { errorMessage } from '../ci/errors.js';
import { AbortedError } from '../waiting/sleep.js';
import { triggerWithoutDuplicates, type StartedRun, type TriggerDeps } from './trigger.js';

/** Triggers in flight at most. */
export const TRIGGER_CONCURRENCY = 8;
const PROGRESS_EVERY = 100;

export interface TriggerManyResult {
  /** Runs started (or found after a lost answer), by key. */
  started: Map<string, StartedRun>;
  /** Why triggering stopped before every key had a run: an error, the cancellation, or the timeout. */
  stopped?: { error?: unknown; reason: string };
}

export interface TriggerManyDeps extends Omit<TriggerDeps, 'isTaken'> {
  /** Runs named by the keys' objects file: never taken for a run this step started. */
  earlierRunIds: ReadonlySet<string>;
}

/**
 * Sends one trigger per key, at most TRIGGER_CONCURRENCY at once, in the order given. The first
 * error, the cancellation or the step's deadline stops new triggers; those in flight finish.
 */
export async function triggerMany(
  keys: readonly string[],
  request: { workflowId: string; name?: string },
  deps: TriggerManyDeps,
): Promise<TriggerManyResult> {
  const started = new Map<string, StartedRun>();
  const taken = new Set<string>(deps.earlierRunIds);
  const triggerDeps: TriggerDeps = { ...deps, isTaken: (runId) => taken.has(runId) };
  let stopped: TriggerManyResult['stopped'];
  let next = 0;
  const worker = async () => {
    while (next < keys.length && !stopped) {
      // The sender outlives the cancellation briefly, for the triggers in flight: none starts after it.
      if (deps.signal?.aborted) {
        stopped = { error: new AbortedError(), reason: 'the workflow run was cancelled' };
        return;
      }
      if (deps.deadline !== undefined && deps.now() >= deps.deadline) {
        stopped = { reason: 'the timeout passed before every key was triggered' };
        return;
      }
      const object = keys[next++]!;
      try {
        const run = await triggerWithoutDuplicates({ ...request, object }, triggerDeps);
        taken.add(run.runId);
        started.set(object, run);
        if (started.size % PROGRESS_EVERY === 0) deps.log(`Triggered ${started.size} of ${keys.length} runs`);
      } catch (error) {
        stopped ??= { error, reason: `triggering ${object} failed: ${errorMessage(error)}` };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(TRIGGER_CONCURRENCY, keys.length) }, worker));
  return { started, ...(stopped ? { stopped } : {}) };
}
