// The documentation site's tests: plain ES modules against the built site (dist), in a real browser.
export default {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.spec.mjs'],
  transform: {},
  testTimeout: 60_000,
  reporters: ['default', '<rootDir>/../../scripts/jest-totals-reporter.cjs'],
};
