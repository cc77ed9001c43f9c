/** Every package whose code the bundles carry has its notice in the licenses.txt beside them. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../test-support/github-runner.js';

const DIST = join(ROOT, 'dist');
const dirs = [
  DIST,
  ...readdirSync(DIST, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => join(DIST, e.name)),
];

describe('dist licenses', () => {
  it.each(dirs.map((dir) => [dir.slice(DIST.length) || '/', dir]))(
    '%s: every bundled package is named',
    (_name, dir) => {
      const notices = readFileSync(join(dir, 'licenses.txt'), 'utf8').split('\n');
      const code = readdirSync(dir)
        .filter((file) => file.endsWith('.js'))
        .map((file) => readFileSync(join(dir, file), 'utf8'))
        .join('\n');
      const bundled = new Set(
        [
          ...code.matchAll(
            /CONCATENATED MODULE: \.\/node_modules\/(?:.*\/node_modules\/)?((?:@[^/]+\/)?[^/]+)\//g,
          ),
        ].map((match) => match[1]!),
      );
      // undici is CommonJS: webpack names none of its modules, but its chunk says where it is.
      if (code.includes('Undici contributors') || code.includes("require('./lib/dispatcher/client')"))
        bundled.add('undici');
      expect(bundled.size).toBeGreaterThan(3);
      for (const name of bundled)
        expect({ name, noticed: notices.includes(name) }).toEqual({ name, noticed: true });
    },
  );
});
