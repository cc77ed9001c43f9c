import type { JobInput } from '../../ci/types.js';
import {
  readCommonSettings,
  readName,
  readWorkflowId,
  type CommonSettings,
} from '../../github/common-settings.js';
import { InputError } from '../../github/input-error.js';
import { describeTimeInput, readBoolean, readTimeWindow, readVerbatim } from '../../github/input-readers.js';
import { log } from '../../github/log.js';
import { defaultJobName, runContext } from '../../github/run-context.js';
import type { CreateSettings } from '../../job/create.js';
import { readWaitingSettings } from '../waiting-settings.js';

export type MainSettings = CommonSettings & CreateSettings;

/** The main step's inputs, read, checked and normalised in one place. */
export function readMainSettings(now = new Date()): MainSettings {
  const common = readCommonSettings();
  const workflowId = readWorkflowId();
  const input = readJobInput();
  const window = readTimeWindow('start-time', 'end-time', now);
  // The job runs over the objects there are when it is made: a window that opens later matches none.
  if (window.start && window.start > now) {
    log.warning(
      `Input 'start-time': ${describeTimeInput('start-time', window.start)} is in the future: the job ` +
        'runs over the objects already uploaded, so it will match none.',
    );
  }
  return {
    ...common,
    ...readWaitingSettings(true),
    workflowId,
    input,
    window,
    name: readName() ?? defaultJobName(runContext()),
    wait: readBoolean('wait', true),
    dryRun: readBoolean('dry-run', false),
  };
}

/** Exactly one of the four, taken as given: a key with spaces around it is another key. */
function readJobInput(): JobInput {
  const given = (
    [
      ['object', 'Object'],
      ['prefix', 'Prefix'],
      ['manifest', 'Manifest'],
      ['url-file', 'UrlFile'],
    ] as const
  )
    .map(([name, kind]) => ({ name, kind, value: readVerbatim(name) }))
    .filter((entry) => entry.value !== undefined);
  const expected = 'exactly one of object, prefix, manifest, url-file';
  const [first] = given;
  if (!first) throw new InputError('object', `required: ${expected}; none was given`);
  if (given.length > 1)
    throw new InputError(first.name, expected, given.map((entry) => entry.name).join(' and '));
  return { kind: first.kind, value: first.value as string };
}
