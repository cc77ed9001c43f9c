import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A new file's path under `RUNNER_TEMP` (the runner empties it after each job; outside a runner, the
 * system's temporary folder), unique per call: two steps of one job never share a file.
 */
export function runnerTempPath(stem: string, extension: string): string {
  const folder = process.env.RUNNER_TEMP || tmpdir();
  return join(folder, `${stem}-${globalThis.crypto.randomUUID().slice(0, 8)}.${extension}`);
}
