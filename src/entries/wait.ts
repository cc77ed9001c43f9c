import { runWait } from '../main.js';

await runWait();
