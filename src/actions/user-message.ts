import { ApiError, errorMessage, isAbort, TransportError } from '../ci/errors.js';
import { InputError } from '../github/input-error.js';
import { StepFailure } from '../job/ports.js';
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

/** One line for the error annotation: what happened and what to do, never a stack trace. */
export function userMessage(error: unknown, jobId?: string): string {
  const prefix = jobId ? `Job ${jobId}: ` : '';
  if (error instanceof InputError || error instanceof StepFailure) return error.message;
  if (error instanceof ApiError) {
    const advice = adviceFor(error);
    const call = error.where ? `${error.where}: ` : '';
    return `${prefix}${call}the CI API answered ${error.message}${advice ? `: ${advice}` : ''}.`;
  }
  // A request cut short by the cancellation says no more than a wait cut short by it.
  if (isAbort(error)) return `${prefix}stopped: the workflow run was cancelled.`;
  if (error instanceof TransportError || error instanceof SignInError || error instanceof WaitStalledError)
    return `${prefix}${error.message}.`;
  return `${prefix}unexpected error: ${errorMessage(error)}`;
}
