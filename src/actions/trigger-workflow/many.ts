/**
 * `trigger-workflow/` over many keys: triggers them a few at a time, waits for their runs by
 * listing, explains the first failures as the main step does, and reports once: outputs, the runs
 * and objects files, the summary and the verdict.
 */
import { isAbort } from '../../ci/errors.js';
import { StepFailure, type StepDeps } from '../../job/ports.js';
import type { OutputName } from '../outputs.js';
import { EXPLAIN_CONCURRENCY, EXPLAINED_RUNS } from '../../objects/collect.js';
import {
  failOnMessage,
  lostMessage,
  manyOutputs,
  manySummary,
  runsFileLines,
  timeoutMessage,
  type ManyOutcome,
} from '../../objects/many-report.js';
import { explainRuns, type Explanation } from '../../objects/reasons.js';
import { jsonLine, type FailedRun } from '../../objects/runs.js';
import { TRIGGER_CONCURRENCY, triggerMany } from '../../objects/trigger-many.js';
import { watchRuns, type WatchedRun } from '../../objects/watch.js';
import type { ManyTargets, TriggerSettings } from './settings.js';
import { triggerDeps } from './trigger-deps.js';

export async function triggerOnMany(
  settings: TriggerSettings,
  targets: ManyTargets,
  deps: StepDeps,
): Promise<void> {
  const { reporter } = deps;
  const startedAt = deps.now();
  const { keys } = targets;
  reporter.info(
    `Triggering workflow ${settings.workflowId} on ${keys.length} object(s) from ${targets.input}, ` +
      `${TRIGGER_CONCURRENCY} at a time`,
  );
  const common = triggerDeps(settings, deps);
  const { started, stopped } = await triggerMany(
    keys,
    { workflowId: settings.workflowId, name: settings.name },
    { ...common, earlierRunIds: targets.earlierRunIds },
  );
  const runs = new Map<string, WatchedRun>();
  for (const object of keys) {
    const run = started.get(object);
    if (run) runs.set(object, { object, runId: run.runId, sentAt: run.sentAt, state: '', createTime: '' });
  }
  reporter.info(`Triggered ${runs.size} of ${keys.length} run(s)`);
  const aborted = stopped?.error !== undefined && isAbort(stopped.error);

  let timedOut = false;
  let waitError: unknown;
  let failed: FailedRun[] = [];
  let explanation: Explanation | undefined;
  if (settings.wait && runs.size > 0 && !aborted) {
    try {
      ({ timedOut } = await watchRuns([...runs.values()], { ...common, workflowId: settings.workflowId }));
      failed = failedRuns(runs);
      explanation = await explainRuns(failed.slice(0, EXPLAINED_RUNS), deps.client(), {
        concurrency: EXPLAIN_CONCURRENCY,
        deadline: deps.deadline,
        now: deps.now,
        signal: deps.signal,
      });
    } catch (error) {
      waitError = error;
      failed = failedRuns(runs);
    }
  }

  const waited = settings.wait && !aborted;
  const outcome: ManyOutcome = {
    workflowId: settings.workflowId,
    keys,
    input: targets.input,
    runs,
    waited,
    failed,
    explained: Math.min(failed.length, EXPLAINED_RUNS),
    explanation,
    runsFile: await writeLines(deps, 'cos-workflow-trigger-runs', 'runs-file', runsFileLines({ keys, runs })),
    objectsFile: waited
      ? await writeLines(
          deps,
          'cos-workflow-trigger-failed-objects',
          'objects-file',
          failed.map(jsonLine).join(''),
        )
      : '',
  };
  reporter.setOutputs(manyOutputs(outcome));
  await reporter.writeSummary(manySummary(outcome, deps.now() - startedAt));

  // Nothing started, or the run cancelled: the error says it all, as it would for one object.
  if (stopped?.error !== undefined && (aborted || runs.size === 0)) throw stopped.error;
  if (waitError !== undefined) throw waitError;
  const failures = [
    stopped &&
      `Triggering stopped (${stopped.reason}): ${keys.length - runs.size} of ${keys.length} object(s) ` +
        'were not triggered (runs-file lists every key, with an empty runId for those).',
    timedOut && timeoutMessage(outcome, settings.timeoutMs),
    waited && lostMessage(outcome),
    waited && failOnMessage(outcome, settings.failOn),
  ].filter((text): text is string => Boolean(text));
  if (failures.length > 0) throw new StepFailure(failures.join(' '));
}

/** The runs that ended Failed or Cancel, in the order of their keys, as the objects file lists them. */
function failedRuns(runs: ReadonlyMap<string, WatchedRun>): FailedRun[] {
  return [...runs.values()]
    .filter((run) => run.state === 'Failed' || run.state === 'Cancel')
    .map(({ object, runId, state, createTime }) => ({
      object,
      runId,
      state,
      createTime,
      task: '',
      code: '',
      message: '',
    }));
}

/** A JSON Lines file for `output` (src/github/runner-files.ts): its path, or '' when it could not be written. */
async function writeLines(deps: StepDeps, stem: string, output: OutputName, text: string): Promise<string> {
  const file = await deps.stepFile(stem, 'jsonl', output);
  await file.write(text);
  await file.close();
  return file.path;
}
