/**
 * The JSON Lines file of every failed or cancelled run (`objects-file`), for
 * actions/upload-artifact: written page by page, never held whole in memory.
 */
import { open } from 'node:fs/promises';

export interface ObjectsFile {
  path: string;
  write(text: string): Promise<void>;
  close(): Promise<void>;
}

/** Creates the file; one that exists already is an error, never overwritten or followed. */
export async function createObjectsFile(path: string): Promise<ObjectsFile> {
  const handle = await open(path, 'wx');
  return {
    path,
    write: async (text) => {
      if (text) await handle.write(text);
    },
    close: () => handle.close(),
  };
}
