import type { JobInput } from '../../ci/types.js';
import {
  readCommonSettings,
  readName,
  readWorkflowId,
  type CommonSettings,
} from '../../github/common-settings.js';
import { InputError } from '../../github/input-error.js';
import { readBoolean, readOptional, readTime, readVerbatim } from '../../github/input-readers.js';
import { defaultJobName, runContext } from '../../github/run-context.js';
import type { CreateSettings } from '../../job/create.js';
import { readWaitingSettings } from '../waiting-settings.js';

export type MainSettings = CommonSettings & CreateSettings;

/** The main step's inputs, read, checked and normalised in one place. */
export function readMainSettings(now = new Date()): MainSettings {
  const common = readCommonSettings();
  const workflowId = readWorkflowId();
  const input = readJobInput();
  const window = { start: readTime('start-time', now), end: readTime('end-time', now) };
  if (window.start && window.end && window.start > window.end) {
    throw new InputError(
      'start-time',
      `a time before end-time (${window.end.toISOString()})`,
      readOptional('start-time'),
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
  if (given.length !== 1 || !given[0]) {
    throw new InputError(
      given[0]?.name ?? 'object',
      'exactly one of object, prefix, manifest, url-file',
      given.length === 0 ? 'none' : given.map((entry) => entry.name).join(' and '),
    );
  }
  return { kind: given[0].kind, value: given[0].value as string };
}
