/**
 * What dist/index.js is made of: its bytes attributed to packages. ncc keeps the paths of the ES
 * modules it concatenates (`// CONCATENATED MODULE: ./node_modules/…`) but names no CommonJS
 * module; those are matched by their lines against the files of the packages in dist/licenses.txt.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface BundleSize {
  bytes: number;
  /** Bytes per package, largest first; `src` is this action's own code. */
  byPackage: [string, number][];
  /** The other .js files next to index.js: chunks that dynamic imports load when needed. */
  chunks: { file: string; bytes: number; byPackage: [string, number][] }[];
}

const SRC = 'src (this action)';
const BUILTINS = 'node built-ins (references)';
const UNKNOWN = 'webpack runtime and unattributed';

function packageOfPath(path: string): string {
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(?!.*node_modules\/)/.exec(path);
  if (match) return match[1] as string;
  if (path.startsWith('./src/')) return SRC;
  if (path.startsWith('external ')) return BUILTINS;
  return UNKNOWN;
}

/** Lines long enough to say where they come from. */
const telling = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length >= 30);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.[cm]?[jt]s$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}

/** Each telling line of the bundled packages' files, mapped to its package (when only one has it). */
function lineIndex(root: string, licenses: string): Map<string, string> {
  const index = new Map<string, string>();
  const packages = licenses
    .split('\n')
    .filter((line) => /^(?:@[\w.-]+\/)?[\w.-]+$/.test(line))
    .filter((name) => existsSync(join(root, 'node_modules', name, 'package.json')));
  const sources: [string, string][] = [...new Set(packages)].map((name) => [
    name,
    join(root, 'node_modules', name),
  ]);
  // A chunk that holds one module of ours is not labelled CONCATENATED MODULE either.
  sources.push([SRC, join(root, 'src')]);
  for (const [name, dir] of sources) {
    for (const file of sourceFiles(dir)) {
      for (const line of telling(readFileSync(file, 'utf8'))) {
        const known = index.get(line);
        index.set(line, known === undefined || known === name ? name : '');
      }
    }
  }
  return index;
}

function packageOfText(text: string, index: Map<string, string>): string {
  if (/__WEBPACK_EXTERNAL_createRequire\(import\.meta\.url\)\("[^"]+"\)/.test(text) && text.length < 300) {
    return BUILTINS;
  }
  const votes = new Map<string, number>();
  for (const line of telling(text)) {
    const name = index.get(line);
    if (name) votes.set(name, (votes.get(name) ?? 0) + 1);
  }
  return [...votes].sort((a, b) => b[1] - a[1])[0]?.[0] ?? UNKNOWN;
}

/** A file's bytes by package, from the module headers webpack writes. */
function attribute(bundle: string, index: Map<string, string>): [string, number][] {
  const sizes = new Map<string, number>();
  const add = (name: string, text: string) =>
    sizes.set(name, (sizes.get(name) ?? 0) + Buffer.byteLength(text));
  const headers = [...bundle.matchAll(/^\/\*\*\*\/ (\d+):$/gm)];
  add(UNKNOWN, bundle.slice(0, headers[0]?.index ?? bundle.length));
  headers.forEach((header, i) => {
    const text = bundle.slice(header.index, headers[i + 1]?.index ?? bundle.length);
    const parts = text.split(/^;\/\/ CONCATENATED MODULE: (.*)$/m);
    if (parts.length === 1) return add(packageOfText(text, index), text);
    add(UNKNOWN, parts[0] as string);
    for (let p = 1; p < parts.length; p += 2) add(packageOfPath(parts[p] as string), parts[p + 1] as string);
  });
  return [...sizes].sort((a, b) => b[1] - a[1]);
}

export function bundleSize(root: string): BundleSize {
  const dist = join(root, 'dist');
  const index = lineIndex(root, readFileSync(join(dist, 'licenses.txt'), 'utf8'));
  const read = (file: string) => readFileSync(join(dist, file), 'utf8');
  const bundle = read('index.js');
  const chunks = readdirSync(dist)
    .filter((file) => file.endsWith('.js') && file !== 'index.js')
    .map((file) => ({
      file,
      bytes: statSync(join(dist, file)).size,
      byPackage: attribute(read(file), index),
    }))
    .sort((a, b) => b.bytes - a.bytes);
  return { bytes: Buffer.byteLength(bundle), byPackage: attribute(bundle, index), chunks };
}

/** Builds `entry` with ncc into a new temporary folder; returns the folder. */
export function nccBuild(root: string, entry: string): string {
  const out = mkdtempSync(join(tmpdir(), 'bench-ncc-'));
  try {
    execFileSync(join(root, 'node_modules/.bin/ncc'), ['build', entry, '-o', out, '--quiet'], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
  } catch (error) {
    rmSync(out, { recursive: true, force: true });
    throw error;
  }
  return out;
}
