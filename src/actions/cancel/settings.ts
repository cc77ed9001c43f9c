import { readCommonSettings, readJobId, type CommonSettings } from '../../github/common-settings.js';

export interface CancelSettings extends CommonSettings {
  jobId: string;
}

export function readCancelSettings(): CancelSettings {
  return { ...readCommonSettings(), jobId: readJobId(true) };
}
