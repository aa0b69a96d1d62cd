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
    { group: ['**/ui/**', '**/ui', '**/cli/**', '**/cli', '**/scenarios/**', '**/scenarios', '**/testing/**', '**/dataset/**', '**/dataset', '**/platform/**', '**/platform', '**/report/**', '**/report', '**/explorer/**', '**/explorer', '**/node_modules/**', '**/api.js'],
      message: 'src/model is the core: it never imports the layers built on it.' },
    { group: ['ink/*', 'react/*', 'react-dom', 'react-dom/*', 'node:child_process', 'child_process', 'node:worker_threads'],
      message: 'src/model is pure: no UI or process APIs.' },
  ],
};

/**
 * The layers of src/, lowest first. A folder imports only from the folders before it (and itself);
 * docs/architecture.md draws the same map. `api.ts` and `index.ts` (the library entry) sit above
 * report and beside explorer: they never import explorer, ui or cli.
 */
export const LAYERS = ['model', 'platform', 'dataset', 'scenarios', 'report', 'explorer', 'testing', 'ui', 'cli'];

/** What a folder may not import: every layer above it, and (outside ui/cli) Ink, React and commander. */
const ABOVE = {
  model: ['platform', 'dataset', 'scenarios', 'report', 'explorer', 'testing', 'ui', 'cli'],
  platform: ['dataset', 'scenarios', 'report', 'explorer', 'testing', 'ui', 'cli'],
  dataset: ['scenarios', 'report', 'explorer', 'testing', 'ui', 'cli'],
  scenarios: ['report', 'explorer', 'testing', 'ui', 'cli'],
  // The report renders run results as HTML and SVG: it reads the engine, never the faces built on it.
  report: ['explorer', 'testing', 'ui', 'cli'],
  explorer: ['testing', 'ui', 'cli'],
  testing: ['explorer', 'ui', 'cli'],
  ui: ['testing', 'cli'],
  cli: ['testing'],
};
const UI_PACKAGES = ['ink', 'react', '@inkjs/ui', 'react-dom', 'ink-testing-library'];

/**
 * The one file allowed to import a module by node_modules path, and why: Ink's exports map has no
 * subpath for its Output class, whose `get` src/ui/ink-output-cache.ts replaces (measured there).
 */
export const NODE_MODULES_PATH_EXCEPTION = { file: 'src/ui/ink-output-cache.ts', imports: '../../node_modules/ink/build/output.js' };

/** A `no-restricted-imports` option for the folder `layer` (`nodeModulesPaths`: the one exception above). */
export function layerBoundary(layer, { nodeModulesPaths = false } = {}) {
  const above = ABOVE[layer];
  const patterns = [
    { group: above.flatMap((name) => [`**/${name}/**`, `**/${name}`]),
      message: `src/${layer} sits below ${above.map((name) => `src/${name}`).join(', ')}: imports only go downward (docs/architecture.md).` },
  ];
  if (!nodeModulesPaths) patterns.push({ group: ['**/node_modules/**'], message: 'import a package by its name (and its exports map), never by a node_modules file path.' });
  // The library entry (src/api.ts, src/index.ts) is above every layer but explorer, ui and cli.
  if (layer !== 'cli') patterns.push({ group: ['**/api.js'], message: 'src/api.ts is the library entry: layers never import it.' });
  const paths = [];
  if (layer !== 'ui' && layer !== 'cli') {
    for (const name of UI_PACKAGES) paths.push({ name, message: `src/${layer} is UI-free: Ink and React live in src/ui.` });
    patterns.push({ group: ['ink/*', 'react/*', 'react-dom/*'], message: `src/${layer} is UI-free: Ink and React live in src/ui.` });
  }
  if (layer !== 'cli') paths.push({ name: 'commander', message: `src/${layer} has no command line: commander lives in src/cli.` });
  return { paths, patterns };
}

export default defineConfig(
  { ignores: ['eslint.config.d.ts', 'dist/**', 'node_modules/**', 'coverage/**', 'test/fixtures/**', 'scripts/empty.js', 'bin/**', '.tmp/**', '.stryker-tmp/**', 'reports/**', 'mutation/**'] },
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
  ...LAYERS.filter((layer) => layer !== 'model').map((layer) => ({
    files: [`src/${layer}/**/*.ts`, `src/${layer}/**/*.tsx`],
    rules: { 'no-restricted-imports': ['error', layerBoundary(layer)] },
  })),
  { files: [NODE_MODULES_PATH_EXCEPTION.file], rules: { 'no-restricted-imports': ['error', layerBoundary('ui', { nodeModulesPaths: true })] } },
  {
    files: ['src/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['**/explorer/**', '**/ui/**', '**/cli/**', '**/testing/**', '**/node_modules/**'], message: 'the library entry never imports the explorer, the UI, the CLI or the vitest matchers.' }] }] },
  },
  {
    files: ['src/model/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', modelBoundary],
      'no-restricted-globals': ['error', { name: 'process', message: 'src/model is pure: no process access.' }],
    },
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
