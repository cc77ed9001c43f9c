import {
  isCredentialsProvider,
  refusedAsExpired,
  staticCredentials,
  type CredentialsProvider,
} from './credentials.js';
import type { CallBudget } from './call-budget.js';
import { errorMessage, isResourceNotFound, TransportError, XmlShapeError } from './errors.js';
import type { Credentials, Logger, RawAnswer } from './request.js';
import type { SignInLimits } from './sign-in-request.js';
import type { RequestSpec } from './url.js';
import type { Transport } from './http.js';
import { transportFromEnvironment } from './transport.js';
import {
  clockOffsetFrom,
  isThrottled,
  retryableForIdempotentCall,
  retryableWhenNotProcessed,
} from './retry-rules.js';
import type {
  CreateJobRequest,
  ExecutionsPage,
  JobDetail,
  JobsPage,
  ListExecutionsQuery,
  ListJobsQuery,
  MediaJob,
  WithRequestId,
  WorkflowExecution,
} from './types.js';
import { JOB_ID, RUN_ID, type IdForm } from './types.js';
import { buildCreateJobBody } from './xml-body.js';
import {
  DEFAULT_RETRY_POLICY,
  retryWithBackoff,
  type RetryHint,
  type RetryPolicy,
} from '../waiting/retry.js';
import type { RequestPacer } from '../waiting/pacing.js';
import { AbortedError, realSleep, type Sleep } from '../waiting/sleep.js';

export interface ClientOptions {
  /** Base URL, e.g. `https://media-1250000000.ci.ap-guangzhou.myqcloud.com`. */
  endpoint: URL;
  /** Keys, or a provider asked before each request (an assumed role renews its keys). */
  credentials: Credentials | CredentialsProvider;
  logger: Logger;
  /** Time limit of one request. */
  timeoutMs?: number;
  retryPolicy?: RetryPolicy;
  now?: () => number;
  sleep?: Sleep;
  random?: () => number;
  /** How requests go out; by default as the environment says (transport.ts). */
  transport?: Transport;
  /** Aborts requests, retry waits and sign-ins (the workflow run was cancelled). */
  signal?: AbortSignal;
  /**
   * After `signal`, how long the client still works: a request in flight may answer, a look-up may
   * go out (a job the create made should be known). A call that creates something (a job, a
   * workflow run) is never sent after `signal`, nor signed in for.
   */
  answerGraceMs?: number;
  /**
   * How far the service's clock is ahead of ours, learned from a rejected signature. Clients of one
   * step share it, so that the correction is learned once.
   */
  clock?: ClockCorrection;
  /** The step's request pacing, shared by its clients: every request waits for it, every answer tells it. */
  pacer?: RequestPacer;
  /** When the step's time ends (ms since the epoch): throttled answers are retried until then, no later. */
  deadline?: number;
  /** Every request sent, retries included, takes a call from it; none is sent once it is spent. */
  callBudget?: CallBudget;
}

export interface ClockCorrection {
  /** What requests are signed with: changed only when the service rejects a signature's time. */
  offsetMs: number;
  /**
   * The service's clock less ours as the last answer's `Date` showed it, to the second (it may
   * read up to a second and a round trip low); absent until an answer carried one.
   */
  answeredOffsetMs?: number;
}

type Retryable = (error: unknown) => RetryHint | false;
type AnswerParsers = typeof import('./xml-answers.js');
/**
 * What a call makes of its answer, with the `<RequestId>` of the XML: answers normally carry the
 * id in a header, and the XML's own covers those that do not.
 */
type AnswerReader<T> = (answer: RawAnswer, xml: AnswerParsers) => { value: T; requestId?: string };

interface CallOptions {
  /** The call makes something: not sent once the workflow run is cancelled. */
  creates?: boolean;
  /** Told as the request goes out (after the sign-in and the pacing). */
  onSend?: () => void;
}

/** Signing, HTTP and XML reading load with the first request: a dry run loads none of them. */
let wire: Promise<[typeof import('./request.js'), AnswerParsers]> | undefined;
// One after the other: request.js loads xml-answers.js itself, and two imports of one module graph
// at once trip jest's ESM linker (a test-only fault; Node and the bundle do not care).
const loadWire = () =>
  (wire ??= import('./request.js').then(async (request) => [request, await import('./xml-answers.js')]));
const NEVER_RETRY: Retryable = () => false;

/** The filters and paging that listing jobs and listing executions share, as query parameters. */
function listQuery(query: ListExecutionsQuery): Record<string, string | undefined> {
  return {
    workflowId: query.workflowId,
    jobId: query.jobId,
    states: query.states?.join(','),
    name: query.name,
    startCreationTime: query.startCreationTime,
    endCreationTime: query.endCreationTime,
    orderByTime: query.order,
    size: query.size === undefined ? undefined : String(query.size),
    nextToken: query.nextToken || undefined,
  };
}

/**
 * A describe of an id the service does not know: the docs name it in `NonExistJobIds` with a 200,
 * but a `ResourceNotFound` (with whatever status) says the same.
 */
async function unknownAsUndefined<T>(
  answer: Promise<WithRequestId<T | undefined>>,
): Promise<WithRequestId<T | undefined>> {
  try {
    return await answer;
  } catch (error) {
    if (isResourceNotFound(error)) return { value: undefined, requestId: error.requestId };
    throw error;
  }
}

/** The CI batch-trigger API. Each call signs, sends, parses, and retries as far as it is safe to. */
export class CiClient {
  private readonly clock: ClockCorrection;
  private readonly now: () => number;
  private readonly transport: Transport;
  private readonly credentials: CredentialsProvider;
  /** `signal`, or for a client with an answer grace, aborted that long after it. */
  private readonly graceSignal: AbortSignal | undefined;

  constructor(private readonly options: ClientOptions) {
    this.now = options.now ?? Date.now;
    this.credentials = isCredentialsProvider(options.credentials)
      ? options.credentials
      : staticCredentials(options.credentials);
    this.transport = options.transport ?? transportFromEnvironment();
    this.clock = options.clock ?? { offsetMs: 0 };
    this.graceSignal =
      options.signal && options.answerGraceMs
        ? abortedLater(options.signal, options.answerGraceMs)
        : options.signal;
  }

  /** The same client (keys, clock, pace, connections), whose requests count against `budget`. */
  withCallBudget(budget: CallBudget): CiClient {
    return new CiClient({
      ...this.options,
      credentials: this.credentials,
      transport: this.transport,
      clock: this.clock,
      callBudget: budget,
    });
  }

  /**
   * Not retried here: a repeated create may make a second job (see createJobWithoutDuplicates).
   * `onSend` is told when the request goes out: until then, no job can come of it.
   */
  async createJob(request: CreateJobRequest, onSend?: () => void): Promise<WithRequestId<JobDetail>> {
    return this.call(
      { method: 'POST', path: '/inventorytriggerjob', body: buildCreateJobBody(request) },
      NEVER_RETRY,
      (answer, xml) => {
        const { jobs, requestId } = xml.parseJobResponse(answer.body);
        const job = jobs[0];
        if (!job?.jobId) throw this.unexpected(answer, 'a create answer without a JobId');
        this.checkId(answer, 'a JobId', job.jobId, JOB_ID);
        return { value: job, requestId };
      },
      { creates: true, onSend },
    );
  }

  /** Undefined when the service does not know the id (`NonExistJobIds`, or `ResourceNotFound`). */
  async describeJob(jobId: string): Promise<WithRequestId<JobDetail | undefined>> {
    return unknownAsUndefined(
      this.call(
        { method: 'GET', path: idPath('/inventorytriggerjob', jobId, JOB_ID) },
        retryableForIdempotentCall,
        (answer, xml) => {
          const { jobs, requestId } = xml.parseJobResponse(answer.body);
          const job = jobs.find((candidate) => candidate.jobId === jobId);
          if (!job && jobs.length > 0) throw this.unexpected(answer, 'an answer about another JobId');
          return { value: job, requestId };
        },
      ),
    );
  }

  async listJobs(query: ListJobsQuery): Promise<WithRequestId<JobsPage>> {
    return this.call(
      {
        method: 'GET',
        path: '/inventorytriggerjob',
        query: { type: 'Workflow', ...listQuery(query) },
      },
      retryableForIdempotentCall,
      (answer, xml) => {
        const { jobs, nextToken, requestId } = xml.parseJobResponse(answer.body);
        return { value: { jobs, nextToken }, requestId };
      },
    );
  }

  async cancelJob(jobId: string): Promise<WithRequestId<void>> {
    return this.call(
      { method: 'PUT', path: idPath('/inventorytriggerjob', jobId, JOB_ID), query: { cancel: '' } },
      retryableForIdempotentCall,
      () => ({ value: undefined }),
    );
  }

  /** Retried only when the service cannot have started a run: a second run is not harmless. */
  async triggerWorkflow(request: {
    workflowId: string;
    object: string;
    name?: string;
  }): Promise<WithRequestId<string>> {
    return this.call(
      {
        method: 'POST',
        path: '/triggerworkflow',
        query: { workflowId: request.workflowId, object: request.object, name: request.name || undefined },
      },
      retryableWhenNotProcessed,
      (answer, xml) => {
        const { instanceId, requestId } = xml.parseTriggerWorkflowResponse(answer.body);
        if (!instanceId) throw this.unexpected(answer, 'a trigger answer without an InstanceId');
        this.checkId(answer, 'an InstanceId', instanceId, RUN_ID);
        return { value: instanceId, requestId };
      },
      { creates: true },
    );
  }

  async describeExecution(runId: string): Promise<WithRequestId<WorkflowExecution | undefined>> {
    return this.call(
      { method: 'GET', path: idPath('/workflowexecution', runId, RUN_ID) },
      retryableForIdempotentCall,
      (answer, xml) => {
        const { execution, requestId } = xml.parseExecutionResponse(answer.body);
        return { value: execution, requestId };
      },
    );
  }

  /**
   * A task's media job (DescribeMediaJob, `GET /jobs/<JobId>`), for its Code and Message;
   * undefined when the service does not know the id.
   */
  async describeMediaJob(jobId: string): Promise<WithRequestId<MediaJob | undefined>> {
    const path = idPath('/jobs', jobId, RUN_ID);
    return unknownAsUndefined(
      this.call({ method: 'GET', path }, retryableForIdempotentCall, (answer, xml) => {
        const { jobs, requestId } = xml.parseMediaJobResponse(answer.body);
        return { value: jobs.find((job) => job.jobId === jobId), requestId };
      }),
    );
  }

  async listExecutions(query: ListExecutionsQuery): Promise<WithRequestId<ExecutionsPage>> {
    return this.call(
      {
        method: 'GET',
        path: '/workflowexecution',
        query: listQuery(query),
      },
      retryableForIdempotentCall,
      (answer, xml) => {
        const { executions, nextToken, requestId } = xml.parseExecutionsResponse(answer.body);
        return { value: { executions, nextToken }, requestId };
      },
    );
  }

  /**
   * The one way a request goes out. A clock the service rejects is corrected once and kept for
   * the rest of the step; keys refused as expired are renewed once and the request sent again;
   * other failures go through the call's own retry rule. The sign-in is part of the request: it
   * keeps to the client's signal, time limit, retries and deadline.
   */
  private async call<T>(
    spec: RequestSpec,
    retryable: Retryable,
    read: AnswerReader<T>,
    { creates = false, onSend }: CallOptions = {},
  ): Promise<WithRequestId<T>> {
    const { options } = this;
    const [{ sendSigned }, xml] = await loadWire();
    const timeoutMs = options.timeoutMs ?? 30_000;
    // What stops the waits before a request goes out; once out, it may answer within the grace.
    const signal = creates ? options.signal : this.graceSignal;
    const context = {
      endpoint: options.endpoint,
      timeoutMs,
      now: this.now,
      logger: options.logger,
      transport: this.transport,
      signal: this.graceSignal,
    };
    const limits: SignInLimits = {
      signal,
      timeoutMs,
      retryPolicy: options.retryPolicy,
      deadline: options.deadline,
    };
    let renewedAfterRefusal = false;
    const paced = async (credentials: Credentials): Promise<RawAnswer> => {
      options.callBudget?.take();
      await options.pacer?.acquire(signal);
      if (creates && options.signal?.aborted) throw new AbortedError();
      onSend?.();
      try {
        const answer = await sendSigned({ ...context, credentials }, spec, this.clock.offsetMs);
        options.pacer?.record(false);
        return answer;
      } catch (error) {
        options.pacer?.record(isThrottled(error));
        throw error;
      }
    };
    const send = async (): Promise<RawAnswer> => {
      let credentials = await this.credentials.current(limits);
      const sendWithKeys = () => paced(credentials);
      try {
        return await sendWithKeys();
      } catch (error) {
        if (refusedAsExpired(error) && !renewedAfterRefusal) {
          renewedAfterRefusal = true;
          if (await this.credentials.renewAfterRefusal(credentials, limits)) {
            credentials = await this.credentials.current(limits);
            return await sendWithKeys();
          }
        }
        const offset = clockOffsetFrom(error, this.now());
        if (offset === undefined) throw error;
        this.clock.offsetMs = offset;
        options.logger.warning(
          `The service says this runner's clock is off by ${Math.round(offset / 1000)} s; ` +
            'signing with the service time from now on.',
        );
        return await sendWithKeys();
      }
    };
    // An answer that cannot be read is retried like a lost one, so reading is part of the attempt.
    const once = async (): Promise<WithRequestId<T>> => {
      const answer = await send();
      const serviceTime = Date.parse(answer.date);
      if (!Number.isNaN(serviceTime)) this.clock.answeredOffsetMs = serviceTime - this.now();
      try {
        const { value, requestId } = read(answer, xml);
        return { value, requestId: answer.requestId || requestId || '' };
      } catch (error) {
        if (error instanceof XmlShapeError)
          throw this.unexpected(answer, 'an answer that is not the API XML');
        throw error;
      }
    };
    // No retry is waited for that the budget has no call left to make.
    const budget = options.callBudget;
    const retryableWithin = budget ? (error: unknown) => budget.left > 0 && retryable(error) : retryable;
    return retryWithBackoff(once, retryableWithin, options.retryPolicy ?? DEFAULT_RETRY_POLICY, {
      sleep: options.sleep ?? realSleep,
      now: this.now,
      random: options.random ?? Math.random,
      signal,
      deadline: options.deadline,
      onRetry: (error, attempt, delayMs) =>
        options.logger.warning(
          // Transport errors already say which request failed; API errors say only what the service said.
          `${error instanceof TransportError ? error.message : `${spec.method} ${spec.path}: ${errorMessage(error)}`}` +
            `; retry ${attempt} in ${(delayMs / 1000).toFixed(1)} s`,
        ),
    });
  }

  /** An id from an answer that the step goes on to use in a path: of its form, or the answer is refused. */
  private checkId(answer: RawAnswer, what: string, id: string, form: IdForm): void {
    if (!form.test(id)) throw this.unexpected(answer, `${what} that is not ${form.form}`);
  }

  private unexpected(answer: RawAnswer, what: string): TransportError {
    return new TransportError(
      `${answer.where} got ${what} (HTTP ${answer.status}, ${answer.body.length} characters)` +
        `${answer.requestId ? `; request id ${answer.requestId}` : ''}`,
      'unparsable',
      answer.status,
      answer.requestId,
    );
  }
}

/**
 * Every id that goes into a path goes through here: one of another form (`../../x`) is never
 * sent. Ids from answers are checked where they are read (checkId), so this refusing one is a bug.
 */
function idPath(base: string, id: string, form: IdForm): string {
  if (!form.test(id))
    throw new TypeError(`${base}/…: the id "${id.slice(0, 80)}" is not ${form.form}; not sent`);
  return `${base}/${id}`;
}

/** Aborted `ms` after `signal` is. */
function abortedLater(signal: AbortSignal, ms: number): AbortSignal {
  const later = new AbortController();
  // Unref'd: a step that is done by then must not stay alive for it.
  const abort = () => setTimeout(() => later.abort(), ms).unref();
  if (signal.aborted) abort();
  else signal.addEventListener('abort', abort, { once: true });
  return later.signal;
}
