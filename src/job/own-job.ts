import type { CiClient } from '../ci/client.js';
import { pages } from '../ci/pages.js';
import { isJobId, type CreateJobRequest, type JobDetail, type WithRequestId } from '../ci/types.js';
import { describeWindow } from '../report/job-report.js';
import { formatApiTime, parseApiTime } from '../time.js';

/** A create this step sent: what a look-up by name needs to tell this step's job from another. */
export interface SentCreate {
  request: CreateJobRequest;
  /** When the create was first sent, by this runner's clock (ms since the epoch). */
  sentAt: number;
  /** When it was last sent (a retry): how long `post:` keeps looking counts from here. */
  lastSentAt?: number;
}

/**
 * How much earlier than the create was sent a job of this step may say it was created: its
 * CreationTime is cut to the second, and a runner clock a little off goes unnoticed by the service
 * (a signature is valid from a minute before its time). Far less than the hour between two runs
 * of a job with a reused name.
 */
export const CREATION_MARGIN_MS = 60_000;
/** Jobs of that name created this long before the create are listed too, to say what was found. */
const LOOKUP_WINDOW_MS = 24 * 60 * 60 * 1000;
const PAGE_SIZE = 100;
const MAX_PAGES = 10;

export interface OtherJob {
  job: JobDetail;
  /** Why it is not this step's job: `its input is Prefix 'a/', not Prefix 'b/'`. */
  why: string;
}

export interface NameLookup {
  /** A job that matches what this step sent, created after it was sent. */
  own?: WithRequestId<JobDetail>;
  /** Jobs of that name that are not this step's, newest first. */
  others: OtherJob[];
}

/**
 * Lists the jobs named as the create was, newest first, and picks the one this step made: its
 * input, workflow and time window are the ones sent, and it was created after the create went out
 * (on the service's clock: `clockOffsetMs` is what the client learned of it).
 */
export async function findOwnJob(
  client: CiClient,
  sent: SentCreate,
  clockOffsetMs: () => number,
): Promise<NameLookup> {
  const { name } = sent.request;
  const since = formatApiTime(new Date(sent.sentAt + clockOffsetMs() - LOOKUP_WINDOW_MS));
  const others: OtherJob[] = [];
  let pageCount = 0;
  let requestId = '';
  const fetchPage = async (nextToken: string) => {
    const page = await client.listJobs({
      name,
      startCreationTime: since,
      order: 'Desc',
      size: PAGE_SIZE,
      nextToken,
    });
    requestId = page.requestId;
    return { items: page.value.jobs, nextToken: page.value.nextToken };
  };
  for await (const page of pages(fetchPage)) {
    let older = false;
    for (const job of page) {
      if (job.name !== name) continue;
      const why = whyNotOurs(job, sent, clockOffsetMs());
      if (why === undefined) return { own: { value: job, requestId }, others };
      others.push({ job, why });
      older ||= createdBefore(job, sent, clockOffsetMs());
    }
    // Newest first: once a page reaches jobs older than the create, no later page holds ours.
    if (older || ++pageCount >= MAX_PAGES) break;
  }
  return { others };
}

/** Undefined when the job is the one this step's create made; otherwise why it is not. */
export function whyNotOurs(job: JobDetail, sent: SentCreate, clockOffsetMs: number): string | undefined {
  const { request } = sent;
  if (!isJobId(job.jobId)) return 'its JobId is not b + 32 hex characters';
  const inputs = Object.entries(job.input ?? {}).filter(([, value]) => value !== '');
  const [kind, value] = inputs[0] ?? [];
  if (inputs.length !== 1 || kind !== request.input.kind || value !== request.input.value) {
    const found = inputs.length === 0 ? 'not given' : inputs.map(([k, v]) => `${k} '${v}'`).join(' and ');
    return `its input is ${found}, not ${request.input.kind} '${request.input.value}'`;
  }
  const workflow = job.operation?.workflowIds ?? '';
  if (workflow !== request.workflowId) {
    return `its workflow is ${workflow || 'not given'}, not ${request.workflowId}`;
  }
  const window = job.operation?.timeInterval;
  const sentWindow = request.timeInterval;
  if (!sameTime(window?.start, sentWindow?.start) || !sameTime(window?.end, sentWindow?.end)) {
    return `its time window is ${describeWindow(window) ?? 'none'}, not ${describeWindow(sentWindow) ?? 'none'}`;
  }
  if (!parseApiTime(job.creationTime)) return `its CreationTime '${job.creationTime}' cannot be read`;
  if (createdBefore(job, sent, clockOffsetMs)) {
    return (
      `it was created at ${job.creationTime}, before this step sent its create ` +
      `(${formatApiTime(new Date(sent.sentAt + clockOffsetMs))})`
    );
  }
  return undefined;
}

function createdBefore(job: JobDetail, sent: SentCreate, clockOffsetMs: number): boolean {
  const created = parseApiTime(job.creationTime);
  return created !== undefined && created.getTime() < sent.sentAt + clockOffsetMs - CREATION_MARGIN_MS;
}

/** The same instant, whatever offset each is written in; unset, empty and `-` are all "none". */
function sameTime(a: string | undefined, b: string | undefined): boolean {
  const instant = (text: string | undefined) =>
    !text || text === '-' ? undefined : (parseApiTime(text)?.getTime() ?? text);
  return instant(a) === instant(b);
}
