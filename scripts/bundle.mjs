// Bundles each entry with ncc: the main step at dist/index.js (where action.yml expects it), the
// other entries at dist/<entry>/index.js. Output is deterministic, so CI can compare it with git.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const entries = readdirSync('src/entries')
  .filter((file) => file.endsWith('.ts'))
  .map((file) => file.replace(/\.ts$/, ''));
rmSync('dist', { recursive: true, force: true });
for (const entry of entries) {
  const out = mkdtempSync(join(tmpdir(), `ncc-${entry}-`));
  execFileSync(
    'npx',
    ['ncc', 'build', `src/entries/${entry}.ts`, '-o', out, '--license', 'licenses.txt', '--quiet'],
    { stdio: 'inherit' },
  );
  cpSync(out, entry === 'main' ? 'dist' : join('dist', entry), { recursive: true });
  rmSync(out, { recursive: true, force: true });
}
console.log(`bundled ${entries.join(', ')} into dist/`);
