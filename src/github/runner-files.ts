import { open, type FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { errorMessage } from '../ci/errors.js';

/**
 * A new file's path under `RUNNER_TEMP` (the runner empties it after each job; outside a runner, the
 * system's temporary folder), unique per call: two steps of one job never share a file.
 */
export function runnerTempPath(stem: string, extension: string): string {
  const folder = process.env.RUNNER_TEMP || tmpdir();
  return join(folder, `${stem}-${globalThis.crypto.randomUUID().slice(0, 8)}.${extension}`);
}

/**
 * A file a step writes for the output that names it (`objects-file`, `jobs-file`), written as it
 * goes, never held whole in memory.
 */
export interface RunnerFile {
  /** Its path, or '' when it could not be written: the output that names it is then left empty. */
  readonly path: string;
  write(text: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * The one place a step writes files, under RUNNER_TEMP. The step's verdict never depends on them:
 * a file that cannot be created or written (RUNNER_TEMP missing, read-only or a file, a full disk)
 * is one warning, its output is left empty, and the step goes on to report the job. A file that
 * exists already is never overwritten or followed (`wx`).
 */
export async function openRunnerFile(
  stem: string,
  extension: string,
  output: string,
  warn: (message: string) => void,
): Promise<RunnerFile> {
  const path = runnerTempPath(stem, extension);
  let handle: FileHandle | undefined;
  let failed = false;
  const fail = async (error: unknown) => {
    failed = true;
    warn(
      `The file for the ${output} output could not be written (${errorMessage(error)}): ${output} is ` +
        "left empty. The step's result does not depend on it.",
    );
    await handle?.close().catch(() => undefined);
    handle = undefined;
  };
  try {
    handle = await open(path, 'wx');
  } catch (error) {
    await fail(error);
  }
  return {
    get path() {
      return failed ? '' : path;
    },
    async write(text) {
      if (!handle || !text) return;
      try {
        await handle.write(text);
      } catch (error) {
        await fail(error);
      }
    },
    async close() {
      const open = handle;
      handle = undefined;
      try {
        await open?.close();
      } catch (error) {
        await fail(error);
      }
    },
  };
}
