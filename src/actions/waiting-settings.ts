import { readPollInterval } from '../github/common-settings.js';
import { readBoolean, readChoice, readDuration, readList } from '../github/input-readers.js';
import { JOB_STATES } from '../ci/types.js';
import type { WaitingSettings } from '../job/wait-context.js';

/** The inputs the main step and `wait/` share; `cancel-on-abort` defaults differ between them. */
export function readWaitingSettings(cancelOnAbortByDefault: boolean): WaitingSettings {
  return {
    pollIntervalMs: readPollInterval(),
    timeoutMs: readDuration('timeout', '1h'),
    cancelOnTimeout: readBoolean('cancel-on-timeout', false),
    cancelOnAbort: readBoolean('cancel-on-abort', cancelOnAbortByDefault),
    failOn: readList('fail-on', JOB_STATES, 'Failed,Cancel'),
    objectFailures: readChoice('object-failures', ['fail', 'warn', 'ignore'] as const, 'fail'),
  };
}
