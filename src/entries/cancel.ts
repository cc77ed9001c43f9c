import { runCancel } from '../main.js';

await runCancel();
