// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: ['node_modules/', 'dist/', '.wiki/', 'test-artifacts/', 'coverage/'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      eqeqeq: ['error', 'always'],
      'no-console': 'off',
    },
  },
  {
    // The pure core must not touch the wiki, the DOM or I/O: enforce it.
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['mwn', 'vue', '@wikimedia/*', 'fs', 'node:*', 'path', 'child_process'],
              message: 'shared/ is the pure core: no I/O, no mwn, no DOM.',
            },
            {
              group: ['../bot/*', '../gadget/*', '../scripts/*'],
              message: 'shared/ must not depend on adapters.',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'mw', 'window', 'document', '$', 'process'],
    },
  },
  {
    files: ['gadget/**/*.{ts,tsx}', 'test/gadget/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, mw: 'readonly', $: 'readonly' } },
  },
  {
    // A view's bundle gets the kit and the API from the core module at run time (see
    // scripts/gadget/build.ts): only through their indexes, or it would bundle a second copy.
    files: ['gadget/views/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/kit/*', '**/api/*'],
              message: "Import the kit from '../../kit' and the API from '../../api' (their indexes).",
            },
          ],
        },
      ],
    },
  },
  {
    // ResourceLoader module files for the local wiki: CommonJS in the browser, with `mw`.
    files: ['scripts/wiki/rl/*.js'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { ...globals.browser, ...globals.commonjs, mw: 'readonly' },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['bot/bin/*.js', 'jest.config.js'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
