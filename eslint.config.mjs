// One ESLint configuration for the whole workspace; packages run `eslint .` against it.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      '**/.turbo/**',
      '**/.astro/**',
      '**/.builds/**',
      '**/.render/**',
      '**/coverage/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: ['**/test/**', '**/__tests__/**', '**/bin/**', '**/bench/**', '**/scripts/**'],
    languageOptions: { globals: { ...globals.node, ...globals.jest } },
    rules: { 'no-console': 'off' },
  },
  {
    // Scripts the public sites send to browsers.
    files: ['**/public/**/*.js', 'apps/admin/test/**/*.mjs'],
    languageOptions: { globals: { ...globals.browser } },
  },
  prettier,
);
