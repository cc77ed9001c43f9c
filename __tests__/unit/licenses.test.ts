/**
 * `npm run licenses` (licensee, with the allow-list in .licensee.json) run on small package trees
 * made here: it fails on a runtime dependency whose license is not on the list, at any depth, and
 * leaves the development tools alone (they are not shipped in dist/).
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../../test-support/github-runner.js';

const LICENSEE = join(ROOT, 'node_modules/licensee/licensee');
const SCRIPT = (
  JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
).scripts.licenses as string;

interface Installed {
  license?: string;
  dependencies?: Record<string, string>;
}

/** A project with .licensee.json, these dependencies, and `installed` in its node_modules. */
function project(
  dependencies: Record<string, string>,
  devDependencies: Record<string, string>,
  installed: Record<string, Installed>,
): string {
  const dir = mkdtempSync(join(tmpdir(), 'licenses-'));
  copyFileSync(join(ROOT, '.licensee.json'), join(dir, '.licensee.json'));
  const manifest = { name: 'fixture', version: '1.0.0', private: true, dependencies, devDependencies };
  writeFileSync(join(dir, 'package.json'), JSON.stringify(manifest));
  for (const [name, { license, dependencies: deps }] of Object.entries(installed)) {
    mkdirSync(join(dir, 'node_modules', name), { recursive: true });
    const pkg = { name, version: '1.0.0', ...(license ? { license } : {}), dependencies: deps ?? {} };
    writeFileSync(join(dir, 'node_modules', name, 'package.json'), JSON.stringify(pkg));
  }
  return dir;
}

/** The package script, run in `dir` as `npm run licenses` runs it in the repository. */
function checkLicenses(dir: string): { code: number | null; output: string } {
  const [command, ...args] = SCRIPT.split(' ');
  expect(command).toBe('licensee');
  const run = spawnSync(process.execPath, [LICENSEE, ...args], { cwd: dir, encoding: 'utf8' });
  return { code: run.status, output: run.stdout + run.stderr };
}

it('passes when every runtime dependency has a license on the list', () => {
  const dir = project({ xml: '1.0.0' }, {}, { xml: { license: 'MIT' } });
  expect(checkLicenses(dir)).toEqual({ code: 0, output: '' });
});

it('fails on a runtime dependency under the GPL, and names it', () => {
  const dir = project(
    { xml: '1.0.0', copyleft: '1.0.0' },
    {},
    {
      xml: { license: 'MIT' },
      copyleft: { license: 'GPL-3.0-only' },
    },
  );
  const { code, output } = checkLicenses(dir);
  expect(code).toBe(1);
  expect(output).toContain('copyleft@1.0.0');
  expect(output).toContain('GPL-3.0-only');
  expect(output).not.toContain('xml@');
});

it('fails on such a license deeper in the tree, and on a package that states none', () => {
  const dir = project(
    { xml: '1.0.0' },
    {},
    {
      xml: { license: 'MIT', dependencies: { copyleft: '1.0.0', unstated: '1.0.0' } },
      copyleft: { license: 'AGPL-3.0-or-later' },
      unstated: {},
    },
  );
  const { code, output } = checkLicenses(dir);
  expect(code).toBe(1);
  expect(output).toContain('copyleft@1.0.0');
  expect(output).toContain('unstated@1.0.0');
});

it('leaves a development tool under the GPL alone: it is not shipped', () => {
  const dir = project(
    { xml: '1.0.0' },
    { linter: '1.0.0' },
    {
      xml: { license: 'MIT' },
      linter: { license: 'GPL-3.0-only' },
    },
  );
  expect(checkLicenses(dir)).toEqual({ code: 0, output: '' });
});
