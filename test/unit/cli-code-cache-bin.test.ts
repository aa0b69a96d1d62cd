/**
 * The built command line keeps its compiled code between runs (src/cli/cached-script.ts): the first
 * command stores it, each new command adds its own code once, and a command already covered reuses
 * the stored code as it is. The output is the same with the cache as without it.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, runBin } from '../helpers/cli.js';

const scratch = mkdtempSync(join(tmpdir(), 'govsim-code-'));
const cache = join(scratch, 'cache');
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
beforeAll(() => {
  ensureBuilt();
}, 180_000);

function stored(): { labels: unknown; content: Buffer } {
  const entries = readdirSync(cache).filter((name) => name.startsWith('code-cli-'));
  expect(entries).toHaveLength(1);
  const content = readFileSync(join(cache, entries[0]!));
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
