/** ESM through ts-jest: transpile only, `tsc --noEmit` does the type-checking. */
export default {
  preset: 'ts-jest/presets/default-esm',
  testEnvironment: 'node',
  roots: ['<rootDir>/__tests__'],
  testMatch: ['**/*.test.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, diagnostics: false }],
  },
  testTimeout: 60000,
  // The end-to-end suites mostly wait on the emulator's clock, not the CPU: two workers even on a
  // machine of two cores (jest would take one), so the three-minute throttling test runs beside the rest.
  maxWorkers: 2,
};
