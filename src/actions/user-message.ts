import { ApiError, errorMessage, isAbort, TransportError } from '../ci/errors.js';
import { defaultEndpoint } from '../ci/url.js';
import type { CommonSettings } from '../github/common-settings.js';
import { InputError } from '../github/input-error.js';
import { StepFailure } from '../job/ports.js';
import { sentence } from '../report/markdown.js';
import { SignInError } from '../ci/credentials.js';
import { isThrottled } from '../ci/retry-rules.js';
import { WaitStalledError } from '../waiting/waiter.js';

/** What to do about the API errors a user can meet; the README's troubleshooting says more. */
const ADVICE: Record<string, string> = {
  SignatureDoesNotMatch: 'check that secret-id and secret-key belong together and have no stray spaces',
  AccessDenied: 'check that the key may call this API on this bucket (see the CAM policy in the README)',
  ResourceAccessDenied:
    'check that the key may call this API on this bucket (see the CAM policy in the README)',
  CIRoleNotExist: 'the bucket has no CI service role: enable Cloud Infinite for the bucket in the console',
  InvalidArgument:
    'the API refused an input value: check the workflow id, the object or prefix and the times',
  RequestTimeTooSkewed: "the runner's clock is too far off: check its time synchronisation",
  NoSuchBucket: 'check the bucket (BucketName-APPID) and region inputs',
  ResourceNotFound: 'check the bucket, region and the id given',
  SlowDown: 'the API is throttling requests: run fewer jobs at once or retry later',
};

function adviceFor(error: ApiError): string {
  const known = ADVICE[error.code];
  if (known) return known;
  // A throttled answer by any code (429 TooManyRequests, 503) is the same advice as SlowDown.
  if (isThrottled(error)) return ADVICE.SlowDown!;
  return error.status >= 500 ? 'a fault of the service: retry later' : '';
}

/** Where the step sends its requests, for advice on a host that does not resolve. */
export type StepEndpoints = Pick<CommonSettings, 'endpoint' | 'bucket' | 'region' | 'signIn'>;

/**
 * One line for the error annotation: what happened and what to do, never a stack trace. With the
 * step's endpoints, a host that does not resolve says which input to check.
 */
export function userMessage(error: unknown, jobId?: string, endpoints?: StepEndpoints): string {
  const prefix = jobId ? `Job ${jobId}: ` : '';
  if (error instanceof InputError || error instanceof StepFailure) return error.message;
  if (error instanceof ApiError) {
    const advice = adviceFor(error);
    const call = error.where ? `${error.where}: ` : '';
    return sentence(`${prefix}${call}the CI API answered ${error.message}${advice ? `: ${advice}` : ''}`);
  }
  // A request cut short by the cancellation says no more than a wait cut short by it.
  if (isAbort(error)) return `${prefix}stopped: the workflow run was cancelled.`;
  if (error instanceof TransportError || error instanceof SignInError || error instanceof WaitStalledError) {
    const advice = endpoints ? unresolvedHostAdvice(error, endpoints) : '';
    return sentence(`${prefix}${error.message}${advice ? `: ${advice}` : ''}`);
  }
  return `${prefix}unexpected error: ${errorMessage(error)}`;
}

/**
 * A name that did not resolve is most often a typo in an input: in `region` or `bucket`, which
 * make the default endpoint, or in the `endpoint` or `sts-endpoint` given.
 */
function unresolvedHostAdvice(error: Error, endpoints: StepEndpoints): string {
  const cause = error instanceof SignInError ? error.cause : error;
  if (!(cause instanceof TransportError) || !cause.host) return '';
  const { endpoint, bucket, region, signIn } = endpoints;
  if (cause.host === endpoint.hostname) {
    return endpoint.href === defaultEndpoint(bucket, region).href
      ? `check the region and bucket inputs, which make the endpoint ${endpoint.hostname}`
      : 'check the endpoint input';
  }
  if (cause.host === signIn.role?.stsEndpoint.hostname) return 'check the sts-endpoint input';
  return '';
}
