import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.js';

// The tests Stryker runs against each mutant: the in-process ones. Tests that only drive the built bin in a
// child process (packaging, the tmux e2e, bin exit codes, the browser) cannot see a mutant in src/ and would
// only slow the initial coverage run.
export default mergeConfig(
  base,
  defineConfig({
    test: {
      include: ['test/{unit,property,golden,ui,bad-input}/**/*.test.{ts,tsx}'],
      exclude: ['**/*-bin.test.ts', 'test/unit/readme.test.ts', 'test/unit/cached-script.test.ts'],
    },
  }),
);
