// Loaded into the step with `node --import` by the bench, never by the action: every 500 ms it
// collects garbage and appends "<epoch ms> <live heap bytes>" to $HEAP_PROBE_FILE. What stays after
// a full collection is what the step holds on to; a leak grows it call after call.
import { appendFileSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc');
const file = process.env.HEAP_PROBE_FILE;
setInterval(() => {
  gc();
  appendFileSync(file, `${Date.now()} ${process.memoryUsage().heapUsed}\n`);
}, 500).unref();
