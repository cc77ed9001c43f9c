// Loaded with `node --import` before a bundle: at exit, writes the Node built-ins the process
// loaded (beyond those Node itself loads at start-up) to $LOADED_MODULES_FILE, one per line.
import { writeFileSync } from 'node:fs';

const atStart = new Set(process.moduleLoadList);
process.on('exit', () => {
  const loaded = process.moduleLoadList
    .filter((entry) => !atStart.has(entry) && entry.startsWith('NativeModule '))
    .map((entry) => entry.slice('NativeModule '.length));
  writeFileSync(process.env.LOADED_MODULES_FILE, loaded.join('\n'));
});
