import type { StepDeps } from '../../job/ports.js';
import { waitForExistingJob } from '../../job/wait-existing.js';
import { runAction } from '../run-action.js';
import { readWaitSettings, type WaitSettings } from './settings.js';

/** `wait/`: wait for a job created elsewhere, exactly as the main step waits. */
export async function run(): Promise<void> {
  await runAction('wait', () => readWaitSettings(), waitForJob);
}

export function waitForJob(settings: WaitSettings, deps: StepDeps): Promise<void> {
  return waitForExistingJob(settings, deps);
}
