import { EXECUTION_STATES, type ExecutionState } from '../../ci/types.js';
import {
  readCommonSettings,
  readName,
  readPollInterval,
  readWorkflowId,
  type CommonSettings,
} from '../../github/common-settings.js';
import { InputError } from '../../github/input-error.js';
import {
  readBoolean,
  readDuration,
  readInputFile,
  readList,
  readOptional,
  readVerbatim,
} from '../../github/input-readers.js';
import { MAX_KEYS, readKeyList } from '../../objects/keys.js';

/** Room for 1,000 lines of the main step's objects file, reasons and all. */
export const MAX_OBJECTS_FILE_BYTES = 8 * 1024 * 1024;

/** `objects` or `objects-file`: any number of keys. */
export interface ManyTargets {
  kind: 'many';
  /** Distinct keys, as given, in their order. */
  keys: string[];
  /** The input they came from, for messages. */
  input: 'objects' | 'objects-file';
  /** Runs an objects file names: never taken for a run this step started. */
  earlierRunIds: Set<string>;
}

/** What the step runs on: `object`, one key; `objects` or `objects-file`, any number of keys. */
export type TriggerTargets = { kind: 'one'; object: string } | ManyTargets;

export interface TriggerSettings extends CommonSettings {
  workflowId: string;
  targets: TriggerTargets;
  name?: string;
  wait: boolean;
  pollIntervalMs: number;
  timeoutMs: number;
  failOn: ExecutionState[];
}

export function readTriggerSettings(): TriggerSettings {
  const common = readCommonSettings();
  const workflowId = readWorkflowId();
  return {
    ...common,
    workflowId,
    targets: readTargets(),
    name: readName(),
    wait: readBoolean('wait', true),
    pollIntervalMs: readPollInterval(),
    timeoutMs: readDuration('timeout', '1h'),
    failOn: readList('fail-on', EXECUTION_STATES, 'Failed,Cancel'),
  };
}

/** Exactly one of the three; keys taken as given, a key given twice kept once, at most MAX_KEYS. */
function readTargets(): TriggerTargets {
  const given = (['object', 'objects', 'objects-file'] as const).filter(
    (name) => (name === 'objects-file' ? readOptional(name) : readVerbatim(name)) !== undefined,
  );
  if (given.length !== 1) {
    throw new InputError(
      given[0] ?? 'object',
      'exactly one of object, objects, objects-file',
      given.length === 0 ? 'none' : given.join(' and '),
    );
  }
  const input = given[0]!;
  if (input === 'object') return { kind: 'one', object: readVerbatim('object')! };
  const text = input === 'objects' ? readVerbatim('objects')! : readInputFile(input, MAX_OBJECTS_FILE_BYTES)!;
  const list = readKeyList(text);
  if (list.keys.length === 0) {
    throw new InputError(input, 'at least one object key, one a line (blank lines are skipped)');
  }
  if (list.keys.length > MAX_KEYS) {
    throw new InputError(
      input,
      `at most ${MAX_KEYS.toLocaleString('en')} distinct object keys (${list.keys.length.toLocaleString('en')} given). ` +
        'For more, run the main step over them with `prefix`, `manifest` or `url-file`',
    );
  }
  return { kind: 'many', keys: list.keys, input, earlierRunIds: list.earlierRunIds };
}
