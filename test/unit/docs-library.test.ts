/**
 * The public surface of `govsim` is deliberate: src/index.ts names every export (no `export *`), the
 * module exports exactly those values at run time (no internals leak), and docs/library.md documents
 * every one of them, values and types, and lists no function the package does not export.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/cli.js';

const barrel = readFileSync(join(REPO_ROOT, 'src/index.ts'), 'utf8');
const doc = readFileSync(join(REPO_ROOT, 'docs/library.md'), 'utf8');

/** Names exported by `export { … } from` and `export type { … } from` statements. */
function exportedNames(source: string): { values: string[]; types: string[] } {
  const values: string[] = [];
  const types: string[] = [];
  for (const match of source.matchAll(/export\s+(type\s+)?\{([^}]*)\}\s+from\s+'[^']+';/g)) {
    const typeOnly = match[1] !== undefined;
    for (const raw of match[2]!.split(',')) {
      const entry = raw.replace(/\/\/.*$/gm, '').trim();
      if (entry === '') continue;
      const isType = typeOnly || entry.startsWith('type ');
      const name = entry.replace(/^type\s+/, '').split(/\s+as\s+/).at(-1)!.trim();
      (isType ? types : values).push(name);
    }
  }
  return { values, types };
}

/** Names the doc shows in code spans, with or without a call or type arguments: `loadDataset(ref?)`, `StepInput<K>`. */
const documented = new Set([...doc.matchAll(/`([A-Za-z_$][\w$]*)(?:[(<][^`]*)?`/g)].map((match) => match[1]!));

const { values, types } = exportedNames(barrel);

describe('the govsim entry', () => {
  it('names every export explicitly', () => {
    expect(barrel).not.toMatch(/export\s+\*/);
    expect(values.length).toBeGreaterThan(50);
    expect(new Set([...values, ...types]).size, 'no name exported twice').toBe(values.length + types.length);
  });

  it('exports exactly the named values at run time, and no engine internals', async () => {
    const module = (await import('../../src/index.js')) as Record<string, unknown>;
    expect(Object.keys(module).sort()).toEqual([...values].sort());
    for (const internal of ['applyStep', 'modelCouncil', 'baseState', 'prepareCouncil', 'analyzeFast', 'banzhafSwings', 'STEP_SPECS', 'ScenarioShell', 'Xoshiro128StarStar']) {
      expect(module, internal).not.toHaveProperty(internal);
    }
  });

  it('keeps the vitest matchers out of it (vitest is an optional peer)', () => {
    expect(barrel).not.toMatch(/testing\//);
  });
});

describe('docs/library.md', () => {
  it('documents every exported value and type', () => {
    const missing = [...values, ...types].filter((name) => !documented.has(name));
    expect(missing, 'exports without documentation').toEqual([]);
  });

  it('lists no function the package does not export', () => {
    const listed = [...doc.matchAll(/^- `([a-z][\w$]*)\(/gm)].map((match) => match[1]!);
    expect(listed.length).toBeGreaterThan(20);
    expect(listed.filter((name) => !values.includes(name))).toEqual([]);
  });
});
