import { createJobWithoutDuplicates } from '../ci/create-without-duplicates.js';
import { requestUrl } from '../ci/url.js';
import type { CreateJobRequest } from '../ci/types.js';
import { buildCreateJobBody } from '../ci/xml-body.js';
import type { MainSettings } from '../runner/inputs.js';
import { describeInput, describeWindow, jobOutputs, jobSummary } from '../report/job-report.js';
import { formatApiTime } from '../time.js';
import { StateKey, type StepDeps } from './ports.js';
import { waitForJobAndReport } from './job-wait.js';

/** The main step: create an inventory trigger job, then (by default) wait for it and report it. */
export async function createJob(settings: MainSettings, deps: StepDeps): Promise<void> {
  const { reporter, state } = deps;
  const request = createRequest(settings);
  reporter.setOutput('name', request.name);
  if (settings.dryRun) return printDryRun(settings, request, deps);

  const startedAt = deps.now();
  const created = await createJobWithoutDuplicates(deps.steadyClient(), request, {
    logger: reporter,
    now: deps.now,
    sleep: deps.sleep,
    signal: deps.signal,
  });
  const job = created.value;
  // Saved before anything else can fail: a job that exists is always reported.
  state.save(StateKey.JobId, job.jobId);
  state.save(StateKey.Phase, settings.wait && settings.cancelOnAbort ? 'waiting' : 'detached');
  reporter.setOutput('job-id', job.jobId);
  reporter.setOutput('request-id', created.requestId);
  reporter.info(
    `${created.adopted ? 'Found' : 'Created'} job ${job.jobId} (${request.name}), state ${job.state}, ` +
      `request id ${created.requestId}`,
  );

  const context = {
    jobId: job.jobId,
    workflowId: settings.workflowId,
    input: describeInput(settings.input.kind, settings.input.value),
    window: describeWindow(request.timeInterval?.start, request.timeInterval?.end),
    requestId: created.requestId,
    initial: job,
    startedAt,
  };
  if (settings.wait) return waitForJobAndReport(settings, context, deps);

  for (const [name, value] of Object.entries(jobOutputs(job))) reporter.setOutput(name, value);
  await reporter.writeSummary(
    jobSummary({ ...context, job, outcome: 'Not waited for (`wait: false`).', now: deps.now() }),
  );
}

export function createRequest(settings: MainSettings): CreateJobRequest {
  const { start, end } = settings.window;
  return {
    name: settings.name,
    workflowId: settings.workflowId,
    input: settings.input,
    timeInterval:
      start || end ? { start: start && formatApiTime(start), end: end && formatApiTime(end) } : undefined,
  };
}

async function printDryRun(settings: MainSettings, request: CreateJobRequest, deps: StepDeps): Promise<void> {
  const url = requestUrl(settings.endpoint, { method: 'POST', path: '/inventorytriggerjob' });
  const body = buildCreateJobBody(request);
  deps.reporter.info(
    `Dry run: nothing is sent. The request would be:\nPOST ${url.href}\ncontent-type: application/xml\n\n${body}`,
  );
  await deps.reporter.writeSummary(
    `### CI inventory trigger job (dry run)\n\nNothing was sent. The request would be:\n\n` +
      `\`\`\`http\nPOST ${url.href}\ncontent-type: application/xml\n\n${body}\n\`\`\`\n`,
  );
}
