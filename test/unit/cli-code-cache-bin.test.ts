/**
 * The built command line keeps its compiled code between runs (src/cli/cached-script.ts): the first
 * command stores it, each new command adds its own code once, and a command already covered reuses
 * the stored code as it is. The output is the same with the cache as without it. After an install,
 * scripts/prime-cache.mjs fills the cache for the first command and the first explorer start.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, REPO_ROOT, runBin } from '../helpers/cli.js';

const scratch = mkdtempSync(join(tmpdir(), 'govsim-code-'));
const cache = join(scratch, 'cache');
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
beforeAll(() => {
  ensureBuilt();
}, 180_000);

function stored(script = 'cli', dir = cache): { labels: unknown; content: Buffer } {
  const entries = readdirSync(dir).filter((name) => name.startsWith(`code-${script}-`));
  expect(entries).toHaveLength(1);
  const content = readFileSync(join(dir, entries[0]!));
  const header = JSON.parse(content.subarray(0, content.indexOf(0x0a)).toString('utf8')) as { labels: unknown };
  return { labels: header.labels, content };
}

function govsim(args: readonly string[], cacheDir = cache): string {
  const result = runBin(args, { env: { GOVSIM_CACHE_DIR: cacheDir } });
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return result.stdout;
}

describe('the command line’s compiled code', { timeout: 60_000 }, () => {
  it('is stored by the first command, grows once with each new command, and is reused as it is', () => {
    const councils = ['councils', '--format', 'csv'];
    const run = ['run', 'scenarios/baseline.yaml', '--format', 'json'];
    expect(govsim(councils)).toBe(govsim(councils, ''));
    expect(stored().labels).toEqual(['councils']);
    expect(govsim(run)).toBe(govsim(run, ''));
    const both = stored();
    expect(both.labels).toEqual(['councils', 'run']);
    govsim(run);
    govsim(councils);
    expect(stored().content).toEqual(both.content);
  });
});

describe('scripts/prime-cache.mjs', { timeout: 90_000 }, () => {
  it('stores the validated data and the code of the first command and the explorer, which the first command then uses', () => {
    const primed = join(scratch, 'primed');
    const prime = spawnSync(process.execPath, [join(REPO_ROOT, 'scripts', 'prime-cache.mjs')], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      env: { ...process.env, GOVSIM_CACHE_DIR: primed },
    });
    expect(prime.status).toBe(0);
    expect(stored('cli', primed).labels).toEqual(['councils', 'run']);
    expect(stored('explorer', primed).labels).toEqual(['prime']);
    // The dataset, validated once for each script.
    expect(readdirSync(primed).filter((name) => name.startsWith('iraq-2023-'))).toHaveLength(2);
    const before = new Map(readdirSync(primed).map((name) => [name, statSync(join(primed, name)).mtimeMs]));
    expect(govsim(['councils'], primed)).toContain('Baghdad');
    expect(new Map(readdirSync(primed).map((name) => [name, statSync(join(primed, name)).mtimeMs]))).toEqual(before);
  });
});
