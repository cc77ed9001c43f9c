import { EXECUTION_STATES, type ExecutionState } from '../../ci/types.js';
import {
  readCommonSettings,
  readName,
  readPollInterval,
  readWorkflowId,
  type CommonSettings,
} from '../../github/common-settings.js';
import { InputError } from '../../github/input-error.js';
import { readBoolean, readDuration, readList, readVerbatim } from '../../github/input-readers.js';

export interface TriggerSettings extends CommonSettings {
  workflowId: string;
  /** The object's key, as given. */
  object: string;
  name?: string;
  wait: boolean;
  pollIntervalMs: number;
  timeoutMs: number;
  failOn: ExecutionState[];
}

export function readTriggerSettings(): TriggerSettings {
  const common = readCommonSettings();
  const workflowId = readWorkflowId();
  const object = readVerbatim('object');
  if (object === undefined) throw new InputError('object', 'required: the key of the object to process');
  return {
    ...common,
    workflowId,
    object,
    name: readName(),
    wait: readBoolean('wait', true),
    pollIntervalMs: readPollInterval(),
    timeoutMs: readDuration('timeout', '1h'),
    failOn: readList('fail-on', EXECUTION_STATES, 'Failed,Cancel'),
  };
}
