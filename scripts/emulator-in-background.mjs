/**
 * Starts the standalone emulator (emulator/cli.ts) for the later steps of a job, and returns once
 * it listens: ci.yml's `action` job on Linux, macOS and Windows.
 *
 *   node scripts/emulator-in-background.mjs LOG_FILE [emulator flags…]
 *
 * A shell's `cmd &` is not enough everywhere: the runner ends a step whose output pipes stay open
 * after its script ends (it kills the process tree 5 s later), and on Windows a shell's children
 * may hold them. Node gives the emulator its log file as its only output, and on Windows starts it
 * detached, since libuv otherwise ends a child together with its parent there.
 */
import { spawn } from 'node:child_process';
import { openSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const READY = /CI emulator listening on (\S+)/;
const START_LIMIT_MS = 60_000;

const [logFile, ...flags] = process.argv.slice(2);
if (!logFile) {
  console.error('usage: node scripts/emulator-in-background.mjs LOG_FILE [emulator flags…]');
  process.exit(2);
}

const output = openSync(logFile, 'w');
const emulator = spawn(process.execPath, ['--import', 'tsx', 'emulator/cli.ts', ...flags], {
  cwd: fileURLToPath(new URL('..', import.meta.url)),
  detached: process.platform === 'win32',
  stdio: ['ignore', output, output],
  windowsHide: true,
});
let exitCode;
emulator.on('exit', (code, signal) => (exitCode = code ?? signal));

const log = () => readFileSync(logFile, 'utf8');
const deadline = Date.now() + START_LIMIT_MS;
while (!READY.test(log())) {
  if (exitCode !== undefined || Date.now() > deadline) {
    const why =
      exitCode === undefined ? `did not listen within ${START_LIMIT_MS / 1000} s` : `exited (${exitCode})`;
    console.log(`::error::The emulator ${why}; its log follows`);
    console.log(log());
    if (exitCode === undefined) emulator.kill();
    process.exit(1);
  }
  await new Promise((resolve) => setTimeout(resolve, 250));
}
console.log(log());
emulator.unref();
