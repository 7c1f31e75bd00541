// Unit tests of the admin's form logic beside the code (src/**/__tests__, TypeScript), and end-to-end tests
// in test/ (plain ES modules: real processes and a real browser).
const swc = [
  '@swc/jest',
  { jsc: { parser: { syntax: 'typescript' }, target: 'es2023' }, module: { type: 'commonjs' } },
];

export default {
  testEnvironment: 'node',
  roots: ['<rootDir>/src', '<rootDir>/test'],
  testMatch: ['**/*.spec.mjs', '**/__tests__/*.spec.ts'],
  transform: { '^.+\\.ts$': swc },
  testTimeout: 60_000,
  reporters: ['default', '<rootDir>/../../scripts/jest-totals-reporter.cjs'],
};
