import {
  getCancelSettings,
  getListSettings,
  getMainSettings,
  getTriggerSettings,
  getWaitSettings,
} from './runner/inputs.js';
import { runStep } from './runner/run-step.js';
import { cancelJob } from './steps/cancel-job.js';
import { createJob } from './steps/create-job.js';
import { listJobs } from './steps/list-jobs.js';
import { triggerWorkflow } from './steps/trigger-workflow.js';
import { waitForJob } from './steps/wait-job.js';

/** The main step: create an inventory trigger job, wait for it, report it. */
export async function run(): Promise<void> {
  await runStep(() => getMainSettings(), createJob);
}

export async function runWait(): Promise<void> {
  await runStep(() => getWaitSettings(), waitForJob);
}

export async function runCancel(): Promise<void> {
  await runStep(() => getCancelSettings(), cancelJob);
}

export async function runList(): Promise<void> {
  await runStep(() => getListSettings(), listJobs);
}

export async function runTriggerWorkflow(): Promise<void> {
  await runStep(() => getTriggerSettings(), triggerWorkflow);
}
