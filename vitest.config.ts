import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    environment: 'node',
    pool: 'forks',
    // The model is pure and immutable, so sharing the module graph per worker is safe and saves
    // re-importing ink/mathjs in every file.
    isolate: false,
    testTimeout: 20_000,
    hookTimeout: 60_000,
    typecheck: { include: ['test/**/*.test-d.ts'] },
  },
});
