import { JOB_STATES, type JobState } from '../../ci/types.js';
import {
  readCommonSettings,
  readJobId,
  readWorkflowId,
  type CommonSettings,
} from '../../github/common-settings.js';
import { InputError } from '../../github/input-error.js';
import {
  readChoice,
  readList,
  readOptional,
  readTimeWindow,
  readVerbatim,
} from '../../github/input-readers.js';

export interface ListSettings extends CommonSettings {
  states: JobState[];
  workflowId?: string;
  name?: string;
  jobId?: string;
  /** Creation-time window. */
  since?: Date;
  until?: Date;
  order: 'Desc' | 'Asc';
  /** 1 to 1000. */
  limit: number;
}

export const MAX_LIMIT = 1000;

export function readListSettings(now = new Date()): ListSettings {
  const common = readCommonSettings();
  const limitText = readOptional('limit') ?? '100';
  const limit = Number(limitText);
  if (!/^\d+$/.test(limitText) || limit < 1 || limit > MAX_LIMIT)
    throw new InputError('limit', `a whole number from 1 to ${MAX_LIMIT}`, limitText);
  const { start: since, end: until } = readTimeWindow('since', 'until', now);
  return {
    ...common,
    // `All` is the API's own word for no filter.
    states: /^all$/i.test(readOptional('states') ?? '') ? [] : readList('states', JOB_STATES, 'none'),
    workflowId: readWorkflowId(false),
    name: readVerbatim('name'),
    jobId: readJobId(false) || undefined,
    since,
    until,
    order: readChoice('order', ['desc', 'asc'] as const, 'desc') === 'asc' ? 'Asc' : 'Desc',
    limit,
  };
}
