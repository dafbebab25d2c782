// ESM TypeScript under jest: ts-jest transpiles, `tsc --noEmit` type-checks (isolatedModules).
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }]
  },
  testMatch: ['**/__tests__/**/*.test.ts'],
  setupFiles: ['<rootDir>/__tests__/helpers/no-proxy-env.ts'],
  // Coverage of src/ by the in-process tests (the end-to-end tests run dist/, which is not counted;
  // undici-on-demand runs only in the bundle, where the end-to-end tests cover it).
  collectCoverage: true,
  collectCoverageFrom: ['src/**/*.ts', '!src/index.ts', '!src/github/undici-on-demand.ts'],
  coverageReporters: ['text-summary'],
  coverageThreshold: { global: { lines: 90, branches: 90, functions: 90, statements: 90 } },
  testTimeout: 30000
}
