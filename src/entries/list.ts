import { runList } from '../main.js';

await runList();
