/**
 * The JSON Lines file of every failed or cancelled run (`objects-file`), for
 * actions/upload-artifact: written page by page, never held whole in memory.
 */
import { mkdtemp, open } from 'node:fs/promises';
import { join } from 'node:path';

export interface ObjectsFile {
  path: string;
  write(text: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * A new file in a folder of its own under `dir` (the runner's RUNNER_TEMP): two steps that check
 * the same job never write to one file.
 */
export async function createObjectsFile(dir: string, jobId: string): Promise<ObjectsFile> {
  const folder = await mkdtemp(join(dir, 'cos-workflow-trigger-'));
  const path = join(folder, `failed-objects-${jobId}.jsonl`);
  const handle = await open(path, 'wx');
  return {
    path,
    write: async (text) => {
      if (text) await handle.write(text);
    },
    close: () => handle.close(),
  };
}
