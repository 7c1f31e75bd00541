// End-to-end tests of the admin app: plain ES modules (no transform), real processes and a real browser.
export default {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.spec.mjs'],
  transform: {},
  testTimeout: 60_000,
  reporters: ['default', '<rootDir>/../../scripts/jest-totals-reporter.cjs'],
};
