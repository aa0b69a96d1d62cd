/**
 * Setup file of mutation runs (vitest.mutate.config.ts): every test file imports src/ afresh. Stryker's
 * test runner keeps one worker across mutants, and src/ keeps per-process memos (the bundled dataset,
 * base scenario states, step transitions, evaluated formulas, power-index tables). Shared across runs,
 * a memo filled under one mutant answers for the next: a mutant hides behind values the original computed,
 * or a value a mutant corrupted fails the next mutant's tests and credits it with a kill it did not earn.
 */
import { vi } from 'vitest';

vi.resetModules();
