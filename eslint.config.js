// @ts-check
import { defineConfig } from 'eslint/config';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

/** Modules the pure domain core may never touch: no I/O, no UI, no CLI, no upward layers. */
export const modelBoundary = {
  paths: [
    { name: 'ink', message: 'src/model is pure: no UI imports.' },
    { name: 'react', message: 'src/model is pure: no UI imports.' },
    { name: '@inkjs/ui', message: 'src/model is pure: no UI imports.' },
    { name: 'commander', message: 'src/model is pure: no CLI imports.' },
    { name: 'fs', message: 'src/model is pure: no I/O.' },
    { name: 'node:fs', message: 'src/model is pure: no I/O.' },
    { name: 'fs/promises', message: 'src/model is pure: no I/O.' },
    { name: 'node:fs/promises', message: 'src/model is pure: no I/O.' },
    { name: 'process', message: 'src/model is pure: no process access.' },
    { name: 'node:process', message: 'src/model is pure: no process access.' },
    { name: 'immer', message: 'src/model hot paths stay immer-free; apply edits in src/scenarios.' },
    { name: 'mathjs', message: 'src/model is pure and fast: threshold formulas are evaluated in src/scenarios/expression.ts.' },
  ],
  patterns: [
    { group: ['**/ui/**', '**/ui', '**/cli/**', '**/cli', '**/scenarios/**', '**/scenarios', '**/testing/**'],
      message: 'src/model is the core: it never imports the layers built on it.' },
    { group: ['ink/*', 'react/*', 'react-dom', 'react-dom/*', 'node:child_process', 'child_process', 'node:worker_threads'],
      message: 'src/model is pure: no UI or process APIs.' },
  ],
};

/** The report renders run results into markup: it may read the engine, never the faces built on it. */
export const reportBoundary = {
  paths: [
    { name: 'ink', message: 'src/report renders HTML and SVG: no terminal UI.' },
    { name: 'react', message: 'src/report renders HTML and SVG: no terminal UI.' },
    { name: 'commander', message: 'src/report is called by the CLI, never the reverse.' },
  ],
  patterns: [
    { group: ['**/ui/**', '**/ui', '**/cli/**', '**/cli', '**/explorer/**', '**/explorer', '**/testing/**'],
      message: 'src/report may import model, dataset, scenarios and platform only.' },
  ],
};

export default defineConfig(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'test/fixtures/**', 'scripts/empty.js', 'bin/**', '.tmp/**'] },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ['*.js', 'scripts/*.mjs'] }, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/**/*.tsx', 'src/ui/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    files: ['src/model/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', modelBoundary],
      'no-restricted-globals': ['error', { name: 'process', message: 'src/model is pure: no process access.' }],
    },
  },
  {
    files: ['src/report/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', reportBoundary] },
  },
  {
    files: ['test/**', 'bench/**'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  { files: ['**/*.js', '**/*.mjs'], extends: [tseslint.configs.disableTypeChecked], languageOptions: { globals: { process: 'readonly', URL: 'readonly', console: 'readonly', Buffer: 'readonly' } } },
);
