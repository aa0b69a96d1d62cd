import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { defineConfig } from 'vitest/config';
import base from './vitest.config.js';

// The tests Stryker runs against each mutant: the in-process ones. Tests that only drive the built bin in a
// child process (packaging, the tmux e2e, bin exit codes, the browser, the start-up caches) cannot see a
// mutant in src/ and would only slow every run that includes them. The lists replace the base config's
// rather than merging with it (mergeConfig concatenates arrays, which would put every test back).
/**
 * Quickest files first, in a fixed order. Stryker stops a mutant's run at the first failing test, so a
 * mutant that a small unit test kills should not wait for a property test to finish first (vitest's own
 * order runs the slowest first; the base config shuffles). Durations are those of the runs so far in this
 * process, else the file size.
 */
class QuickestFirst extends BaseSequencer {
  override sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const cost = (spec: TestSpecification): number => {
      const key = `${spec.project.name}:${relative(spec.project.config.root, spec.moduleId)}`;
      return this.ctx.cache.getFileTestResults(key)?.duration ?? this.ctx.cache.getFileStats(key)?.size ?? Infinity;
    };
    return Promise.resolve([...files].sort((a, b) => cost(a) - cost(b) || a.moduleId.localeCompare(b.moduleId)));
  }
}

export default defineConfig({
  ...base,
  test: {
    ...base.test,
    sequence: { shuffle: false, sequencer: QuickestFirst },
    // Fresh modules per test file, so a memo's cold path is credited to a test of each file that needs
    // it, not only to the first in the suite (the file says why).
    // Measured on eight scenario test files: 20.0 s against 19.9 s without it.
    setupFiles: ['test/helpers/fresh-modules.ts'],
    include: ['test/{unit,property,golden,ui,bad-input}/**/*.test.{ts,tsx}'],
    exclude: [
      '**/node_modules/**',
      '**/*-bin.test.ts',
      'test/unit/readme.test.ts',
      'test/bad-input/start-up-caches.test.ts',
    ],
  },
});
