import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    environment: 'node',
    pool: 'forks',
    // The model is pure and immutable, so sharing the module graph per worker is safe and saves
    // re-importing ink/mathjs in every file.
    isolate: false,
    // Files and tests run in a random order (the seed is printed), so a module-level memo that leaks
    // from one test to the next shows up as a failure here, not as an order that happens to pass.
    // Every remaining module-level cache is keyed so that it cannot leak: see docs/architecture.md.
    sequence: { shuffle: true },
    testTimeout: 20_000,
    hookTimeout: 60_000,
    typecheck: { include: ['test/**/*.test-d.ts'] },
  },
});
