import { defineConfig } from 'vitest/config';
import base from './vitest.config.js';

// The tests Stryker runs against each mutant: the in-process ones. Tests that only drive the built bin in a
// child process (packaging, the tmux e2e, bin exit codes, the browser, the start-up caches) cannot see a
// mutant in src/ and would only slow every run that includes them. The lists replace the base config's
// rather than merging with it (mergeConfig concatenates arrays, which would put every test back).
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: ['test/{unit,property,golden,ui,bad-input}/**/*.test.{ts,tsx}'],
    exclude: [
      '**/node_modules/**',
      '**/*-bin.test.ts',
      'test/unit/readme.test.ts',
      'test/bad-input/start-up-caches.test.ts',
    ],
  },
});
