// The builder's scripts are plain ES modules, tested as they run (no transform).
export default {
  testEnvironment: 'node',
  roots: ['<rootDir>/scripts'],
  testMatch: ['**/__tests__/*.spec.mjs'],
  transform: {},
  reporters: ['default', '<rootDir>/../../scripts/jest-totals-reporter.cjs'],
};
