import { isAbort } from '../ci/errors.js';
import { requestUrl } from '../ci/url.js';
import { mayHaveBeenProcessed } from '../ci/retry-rules.js';
import type { CreateJobRequest, JobInput } from '../ci/types.js';
import { buildCreateJobBody } from '../ci/xml-body.js';
import { describeInput, describeWindow, jobOutputs, jobSummary } from '../report/job-report.js';
import { literal } from '../report/markdown.js';
import { formatApiTime, formatDuration } from '../time.js';
import { AbortedError } from '../waiting/sleep.js';
import { createJobWithoutDuplicates, type CreatedJob } from './create-without-duplicates.js';
import { JobRecord } from './post-state.js';
import { CREATE_ANSWER_GRACE_MS, type StepDeps } from './ports.js';
import type { WaitingSettings } from './wait-context.js';
import { cancelOnAbort, waitForJobAndReport } from './wait.js';

/** What the main step asks for. */
export interface CreateSettings extends WaitingSettings {
  workflowId: string;
  input: JobInput;
  /** Upload-time window. */
  window: { start?: Date; end?: Date };
  name: string;
  wait: boolean;
  dryRun: boolean;
  /** The API's base URL, for the dry run's printout. */
  endpoint: URL;
}

export interface CreateDeps extends StepDeps {
  /** Prints a block of lines as they are (each escaped): the dry run's request. */
  printBlock(title: string, lines: string[]): void;
}

/** The main step: create an inventory trigger job, then (by default) wait for it and report it. */
export async function createAndWait(settings: CreateSettings, deps: CreateDeps): Promise<void> {
  const { reporter } = deps;
  const record = new JobRecord(deps.state);
  const request = createRequest(settings);
  reporter.setOutputs({ name: request.name });
  if (settings.dryRun) return printDryRun(settings, request, deps);

  const startedAt = deps.now();
  record.creating({ request, sentAt: startedAt }, settings.cancelOnAbort);
  const created = await sendCreate(settings, request, startedAt, record, deps);
  const job = created.value;
  const cancelled = deps.signal?.aborted === true;
  // Saved before anything else can fail: a job that exists is always reported.
  record.job(job.jobId);
  record.phase(settings.cancelOnAbort && (settings.wait || cancelled) ? 'waiting' : 'detached');
  reporter.setOutputs({ 'job-id': job.jobId, 'request-id': created.requestId });
  reporter.info(
    `${created.adopted ? 'Found' : 'Created'} job ${job.jobId} (${request.name}), state ${job.state}, ` +
      `request id ${created.requestId}`,
  );

  const context = {
    jobId: job.jobId,
    workflowId: settings.workflowId,
    input: describeInput(settings.input.kind, settings.input.value),
    window: describeWindow(request.timeInterval, literal),
    requestId: created.requestId,
    initial: job,
    startedAt,
  };
  // A cancellation during the create reaches the wait at once, which cancels the job.
  if (settings.wait) return waitForJobAndReport(settings, context, { ...deps, record });

  if (cancelled) await cancelOnAbort(settings, job.jobId, { ...deps, record });
  reporter.setOutputs(jobOutputs(job));
  const outcome = cancelled
    ? () => 'The workflow run was cancelled while the create was in flight.'
    : () => 'Not waited for (`wait: false`).';
  await reporter.writeSummary(jobSummary({ ...context, job, outcome, now: deps.now() }));
  if (cancelled) throw new AbortedError();
}

/**
 * The create, which a cancelled workflow run gives CREATE_ANSWER_GRACE_MS to answer (the steady
 * client's limit): the log says whether a create was in flight, and what becomes of its job. One
 * not sent yet (signing in, paced) is not sent at all.
 */
async function sendCreate(
  settings: CreateSettings,
  request: CreateJobRequest,
  sentAt: number,
  record: JobRecord,
  deps: CreateDeps,
): Promise<CreatedJob> {
  const { reporter, signal } = deps;
  const grace = formatDuration(CREATE_ANSWER_GRACE_MS);
  let sent = false;
  const onCancel = () =>
    reporter.info(
      sent
        ? `The create of job ${request.name} is in flight: waiting up to ${grace} for its answer.`
        : `The workflow run was cancelled before the create of job ${request.name} was sent: ` +
            'none is sent, so no job is made.',
    );
  signal?.addEventListener('abort', onCancel, { once: true });
  try {
    return await createJobWithoutDuplicates(deps.steadyClient(), request, {
      logger: reporter,
      now: deps.now,
      sleep: deps.sleep,
      signal,
      // Throttled creates are retried within the step's time.
      deadline: deps.deadline,
      sentAt,
      clockOffsetMs: () => deps.clock?.offsetMs ?? 0,
      onSend: (at) => {
        sent = true;
        record.creating({ request, sentAt, lastSentAt: at }, settings.cancelOnAbort);
      },
    });
  } catch (error) {
    if (!signal?.aborted || !isAbort(error)) {
      // No job can have come of it (a refusal, a failed sign-in): post: has nothing to look for.
      if (!mayHaveBeenProcessed(error)) record.phase('stopped');
      throw error;
    }
    // Cancelled before anything went out: post: has nothing to look for either.
    if (!sent) {
      record.phase('stopped');
      throw new AbortedError();
    }
    reporter.warning(
      `The workflow run was cancelled while the create of job ${request.name} was in flight, and no ` +
        `answer came within ${grace}: ` +
        (settings.cancelOnAbort
          ? 'the post: step looks the job up by its name and cancels it if it was made.'
          : 'if the service made the job, it is left running (cancel-on-abort: false).'),
    );
    throw new AbortedError();
  } finally {
    signal?.removeEventListener('abort', onCancel);
  }
}

export function createRequest(settings: CreateSettings): CreateJobRequest {
  const { start, end } = settings.window;
  return {
    name: settings.name,
    workflowId: settings.workflowId,
    input: settings.input,
    timeInterval:
      start || end ? { start: start && formatApiTime(start), end: end && formatApiTime(end) } : undefined,
  };
}

async function printDryRun(
  settings: CreateSettings,
  request: CreateJobRequest,
  deps: CreateDeps,
): Promise<void> {
  const url = requestUrl(settings.endpoint, { method: 'POST', path: '/inventorytriggerjob' });
  const body = bodyForDisplay(request);
  const head = [`POST ${url.href}`, 'content-type: application/xml', ''];
  deps.printBlock('Dry run: nothing is sent. The request would be:', [...head, ...body.split('\n')]);
  // A fence longer than any run of backticks in the body: an object key cannot close it.
  const longestRun = [...body.matchAll(/`+/g)].reduce((longest, run) => Math.max(longest, run[0].length), 0);
  const fence = '`'.repeat(Math.max(3, longestRun + 1));
  await deps.reporter.writeSummary(
    `### CI inventory trigger job (dry run)\n\nNothing was sent. The request would be:\n\n` +
      `${fence}http\n${head.join('\n')}\n${body}\n${fence}\n`,
  );
}

/**
 * The body, with line breaks inside values written as XML character references: the same request,
 * and one whose printed lines a key cannot add to (a line break followed by `::error::` would
 * otherwise be read by the runner as a workflow command).
 */
function bodyForDisplay(request: CreateJobRequest): string {
  const mark = (text: string) => text.replace(/\n/g, '\uE00A').replace(/\r/g, '\uE00D');
  const marked = { ...request, input: { ...request.input, value: mark(request.input.value) } };
  return buildCreateJobBody(marked)
    .replace(/\uE00A/g, '&#10;')
    .replace(/\uE00D/g, '&#13;');
}
