/**
 * The mutation run (stryker.config.mjs) leaves out every `index.ts` under src/ because a barrel has no
 * behaviour to mutate. That is only true while each index file holds nothing but re-exports and comments:
 * code placed in one would never be measured.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/cli.js';

function indexFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return indexFiles(path);
    return entry.name === 'index.ts' ? [path] : [];
  });
}

/** The statements of a file, comments removed, split at semicolons. */
function statements(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  return code
    .split(';')
    .map((s) => s.replace(/\s+/g, ' ').trim())
    .filter((s) => s !== '');
}

const REEXPORT = /^export (type )?(\* |\{[^}]*\} )from '[^']+'$/;

describe('the index files the mutation run leaves out', () => {
  const scope = ['model', 'scenarios', 'dataset', 'testing'].flatMap((folder) => indexFiles(join(REPO_ROOT, 'src', folder)));

  it('are found in the mutation scope', () => {
    expect(scope.map((f) => relative(REPO_ROOT, f))).toContain('src/scenarios/steps/index.ts');
  });

  it.each(scope.map((f) => [relative(REPO_ROOT, f), f]))('%s only re-exports', (_name, file) => {
    const other = statements(readFileSync(file, 'utf8')).filter((s) => !REEXPORT.test(s));
    expect(other).toEqual([]);
  });

  it('the check tells code from a re-export', () => {
    const source = "// note\nexport { a, type B } from './a.js';\nexport * from './b.js';\nconst x = 1;\nexport function f() {}\n";
    expect(statements(source).filter((s) => !REEXPORT.test(s))).toEqual(['const x = 1', 'export function f() {}']);
  });
});

describe("the config's exclusions", () => {
  // scripts/mutate.mjs passes them to Stryker's --mutate, which splits at commas (so a brace pattern
  // breaks), and a path that no longer exists excludes nothing while seeming to.
  it('are plain paths of existing files, or the index-file glob', async () => {
    const config = ((await import(pathToFileURL(join(REPO_ROOT, 'stryker.config.mjs')).href)) as { default: { mutate: string[] } }).default;
    const exclusions = config.mutate.filter((glob) => glob.startsWith('!')).map((glob) => glob.slice(1));
    expect(exclusions).toContain('src/**/index.ts');
    for (const path of exclusions.filter((glob) => glob !== 'src/**/index.ts')) {
      expect(path, path).toMatch(/^src\/[\w/-]+\.ts$/);
      expect(existsSync(join(REPO_ROOT, path)), path).toBe(true);
    }
  });
});
