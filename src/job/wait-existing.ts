import { describeInput, describeWindow } from '../report/job-report.js';
import { parseApiTime } from '../time.js';
import { literal } from '../report/markdown.js';
import { describeJobOrFail } from './lookup.js';
import { JobRecord } from './post-state.js';
import type { StepDeps } from './ports.js';
import type { WaitingSettings } from './wait-context.js';
import { waitForJobAndReport } from './wait.js';

/** Waits for a job created elsewhere (`wait/`), exactly as the main step waits for its own. */
export async function waitForExistingJob(
  settings: WaitingSettings & { jobId: string },
  deps: StepDeps,
): Promise<void> {
  const record = new JobRecord(deps.state);
  // Saved first: an error from the very first call is then reported as `Job <id>: …`.
  record.job(settings.jobId);
  const { value: job } = await describeJobOrFail(deps.client(), settings.jobId);
  record.phase(settings.cancelOnAbort ? 'waiting' : 'detached');
  deps.reporter.setOutputs({ 'job-id': job.jobId, name: job.name });
  deps.reporter.info(`Job ${job.jobId} (${job.name}) is ${job.state}`);
  const [kind, value] = Object.entries(job.input ?? {})[0] ?? [];
  // Times in the log count from the job's creation, as the main step's do; a service clock ahead
  // of this runner's must not put it in the future.
  const startedAt = Math.min(deps.now(), parseApiTime(job.creationTime)?.getTime() ?? Infinity);
  await waitForJobAndReport(
    settings,
    {
      jobId: job.jobId,
      workflowId: job.operation?.workflowIds ?? '',
      input: kind ? describeInput(kind, value ?? '') : '',
      window: describeWindow(job.operation?.timeInterval, literal),
      initial: job,
      startedAt,
    },
    { ...deps, record },
  );
}
