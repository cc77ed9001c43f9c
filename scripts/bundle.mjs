// Bundles each action's src/actions/<action>/index.ts with ncc: the main step (create) at
// dist/index.js, where action.yml expects it, the others at dist/<action>/index.js. Output is
// deterministic, so CI can compare it with git.
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const entries = readdirSync('src/actions', { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(join('src/actions', entry.name, 'index.ts')))
  .map((entry) => entry.name)
  .sort();
rmSync('dist', { recursive: true, force: true });
// ncc type-checks as it bundles, which takes most of its time: two at a time use both cores.
const build = async (entry) => {
  const out = mkdtempSync(join(tmpdir(), `ncc-${entry}-`));
  await promisify(execFile)(
    'npx',
    ['ncc', 'build', `src/actions/${entry}/index.ts`, '-o', out, '--license', 'licenses.txt', '--quiet'],
    { maxBuffer: 64 * 1024 * 1024 },
  );
  return out;
};
const queue = [...entries];
const outs = new Map();
await Promise.all(
  [1, 2].map(async () => {
    for (let entry = queue.shift(); entry; entry = queue.shift()) outs.set(entry, await build(entry));
  }),
);
for (const entry of entries) {
  cpSync(outs.get(entry), entry === 'create' ? 'dist' : join('dist', entry), { recursive: true });
  rmSync(outs.get(entry), { recursive: true, force: true });
}

// ncc's --license file is written once per chunk, so the last chunk's packages overwrite the
// others'. The notices are therefore those of every runtime package in the lockfile: what the
// bundles can contain (all of it, or less), in the plugin's format.
const lock = JSON.parse(readFileSync('package-lock.json', 'utf8'));
const notices = Object.entries(lock.packages)
  .filter(([path, entry]) => path.startsWith('node_modules/') && !entry.dev && !entry.optional)
  .map(([path]) => {
    const manifest = JSON.parse(readFileSync(join(path, 'package.json'), 'utf8'));
    const file = readdirSync(path).find((name) => /^licen[cs]e/i.test(name));
    const text = file ? readFileSync(join(path, file), 'utf8').trim() : '';
    return `${manifest.name}\n${manifest.license ?? ''}\n${text}\n`;
  })
  .sort()
  .join('\n');
for (const dir of [
  'dist',
  ...entries.filter((entry) => entry !== 'create').map((entry) => join('dist', entry)),
]) {
  if (existsSync(join(dir, 'licenses.txt'))) writeFileSync(join(dir, 'licenses.txt'), notices);
}
console.log(`bundled ${entries.join(', ')} into dist/`);
