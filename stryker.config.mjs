// Mutation testing (docs/quality.md). `npm run mutate` runs this and summarises the JSON report it writes.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutate.config.ts' },
  // Mutants that do not compile are dropped before any test runs (they are not "killed" by the type checker).
  checkers: ['typescript'],
  // Only src/: type-checking the tests and benchmarks for every mutant quadrupled the checker's time.
  tsconfigFile: 'tsconfig.mutate.json',
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  coverageAnalysis: 'perTest',
  // Static mutants (module-level constants and tables, evaluated once at import) cannot be traced to the
  // tests that use them, so each one runs the whole suite: in our runs 19 % of the mutants took 99 % of the
  // time. They are left out of the score; the constants they change are pinned by golden and
  // reference-vector tests (generator constants, published power indices, the dataset's totals).
  ignoreStatic: true,
  // The domain core, the dataset and scenario engine, and the vitest matchers. src/platform (worker
  // threads, the package root, atomic writes) lies outside these folders, and the Monte Carlo worker's
  // entry runs only in a worker thread, where no mutant is visible; both are left out rather than
  // counted as "no coverage".
  mutate: [
    'src/model/**/*.ts',
    'src/scenarios/**/*.ts',
    'src/dataset/**/*.ts',
    'src/testing/**/*.ts',
    // Index files only re-export (test/unit/mutation-scope.test.ts checks it), so they hold no mutant.
    '!src/**/index.ts',
    '!src/scenarios/simulate-worker.ts',
  ],
  // Results of the previous run are reused for every mutant whose code and covering tests did not change.
  // The files are committed (mutation/, one per scope, see scripts/mutate.mjs): the whole scope takes hours
  // on two cores, so without them every fresh clone would start from zero and no clone could ever hold a
  // whole-scope measurement. They are also the record `npm run mutate -- --report` summarises.
  incremental: true,
  incrementalFile: 'mutation/incremental-all.json',
  reporters: ['json', 'html', 'progress'],
  // scripts/mutate.mjs names the report after the folders it ran on, so a narrow run keeps the full one.
  jsonReporter: { fileName: process.env.GOVSIM_MUTATION_REPORT ?? 'reports/mutation/mutation.json' },
  htmlReporter: { fileName: (process.env.GOVSIM_MUTATION_REPORT ?? 'reports/mutation/mutation.json').replace(/\.json$/, '.html') },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
  ignorePatterns: ['dist', 'coverage', 'reports', 'mutation', '.tmp', 'bench', '*.tgz'],
  concurrency: 2,
  timeoutMS: 10000,
};
