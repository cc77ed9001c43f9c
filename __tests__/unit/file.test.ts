import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createObjectsFile } from '../../src/objects/file.js';

const folder = () => mkdtempSync(join(tmpdir(), 'objects-file-'));

describe('createObjectsFile', () => {
  it('creates the file and appends each page as it is written', async () => {
    const path = join(folder(), 'failed.jsonl');
    const file = await createObjectsFile(path);
    await file.write('{"object":"a.mp4"}\n');
    await file.write('');
    await file.write('{"object":"b.mp4"}\n');
    await file.close();
    expect(file.path).toBe(path);
    expect(readFileSync(path, 'utf8')).toBe('{"object":"a.mp4"}\n{"object":"b.mp4"}\n');
  });

  it('refuses a file that exists, or a link in its place, leaving what is there alone', async () => {
    const dir = folder();
    const existing = join(dir, 'existing.jsonl');
    writeFileSync(existing, 'kept\n');
    await expect(createObjectsFile(existing)).rejects.toMatchObject({ code: 'EEXIST' });
    const link = join(dir, 'link.jsonl');
    symlinkSync(existing, link);
    await expect(createObjectsFile(link)).rejects.toMatchObject({ code: 'EEXIST' });
    expect(readFileSync(existing, 'utf8')).toBe('kept\n');
  });
});
