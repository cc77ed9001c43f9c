import { runTriggerWorkflow } from '../main.js';

await runTriggerWorkflow();
