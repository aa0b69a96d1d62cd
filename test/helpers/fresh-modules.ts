/**
 * Setup file of mutation runs (vitest.mutate.config.ts): every test file imports src/ afresh. Stryker
 * runs each mutant only against the tests its dry run saw reach that mutant, and the dry run is one
 * vitest run in one worker. src/ keeps per-process memos (the bundled dataset, base scenario states,
 * step transitions, evaluated formulas, power-index tables), so with shared modules a memo's cold path
 * is reached, and credited, only by the first test in the whole suite that needs the value: every
 * later test that would catch a mutant there is never run against it. With fresh modules the first
 * test of each file that needs the value reaches it.
 */
import { vi } from 'vitest';

vi.resetModules();
