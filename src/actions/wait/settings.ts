import { readCommonSettings, readJobId, type CommonSettings } from '../../github/common-settings.js';
import type { WaitingSettings } from '../../job/wait-context.js';
import { readWaitingSettings } from '../waiting-settings.js';

export interface WaitSettings extends CommonSettings, WaitingSettings {
  jobId: string;
}

/** `cancel-on-abort` is off by default here: the job was started elsewhere. */
export function readWaitSettings(): WaitSettings {
  return { ...readCommonSettings(), ...readWaitingSettings(false), jobId: readJobId(true) };
}
