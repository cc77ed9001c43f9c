import { getMainSettings } from './runner/inputs.js';
import { runStep } from './runner/run-step.js';
import { createJob } from './steps/create-job.js';

/** The main step: create an inventory trigger job, wait for it, report it. */
export async function run(): Promise<void> {
  await runStep(() => getMainSettings(), createJob);
}
