// ts-jest in ESM mode: the @actions/* packages are ESM-only.
export default {
  preset: 'ts-jest/presets/default-esm',
  testEnvironment: 'node',
  resolver: 'ts-jest-resolver',
  extensionsToTreatAsEsm: ['.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }]
  },
  testMatch: ['**/__tests__/**/*.test.ts'],
  globalSetup: './__tests__/harness/global-setup.mjs',
  testTimeout: 60000,
  // Tests run in a random order within each file (jest prints the seed; \`--seed N\` repeats an
  // order), so no test can come to depend on another having run first.
  randomize: true,
  maxWorkers: 2
}
