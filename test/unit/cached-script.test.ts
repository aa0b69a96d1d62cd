/**
 * Bundled scripts compiled with V8's code cache (src/cli/cached-script.ts): the first run compiles and
 * stores the code, the next one is compiled from it, and a changed script, code V8 refuses or a cache
 * turned off all fall back to compiling the source, with the same result.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/cli.js';

const CHILD = join(REPO_ROOT, 'test', 'helpers', 'cached-script-child.ts');

/** A script in the shape scripts/build.mjs writes: an async function given `require` and the script's URL. */
function probeScript(extra = ''): string {
  return `(async function (require, __moduleUrl) {
"use strict";
const { sep } = require("node:path");
function sum(values) { let total = 0; for (const value of values) total += value; return total; }
const strict = (function () { return this === undefined; })();
await Promise.resolve();${extra}
return { sum, moduleUrl: __moduleUrl, separator: sep, strict };
})
`;
}

let dir: string;
let script: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'govsim-script-'));
  script = join(dir, 'probe.js');
  writeFileSync(script, probeScript());
  cacheSetting = join(dir, 'cache');
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function cacheEntries(): string[] {
  try {
    return readdirSync(join(dir, 'cache'));
  } catch {
    return [];
  }
}

let cacheSetting: string;

/** Runs the script in a new process (one process keeps compiled code in memory); returns the compilation. */
function run(store = false, label = ''): string {
  const child = spawnSync(process.execPath, ['--import', 'tsx', CHILD, script, store ? 'store' : '', label], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    env: { ...process.env, GOVSIM_CACHE_DIR: cacheSetting },
  });
  expect(child.stderr).toBe('');
  const reported = JSON.parse(child.stdout) as { compilation: string; sum: number; moduleUrl: string; separator: string; strict: boolean };
  // However it was compiled, the script works the same.
  expect(reported).toMatchObject({ sum: 6.5, moduleUrl: pathToFileURL(script).href, separator: '/', strict: true });
  return reported.compilation;
}

describe('runCachedScript', { timeout: 30_000 }, () => {
  it('compiles afresh, stores the code once asked, and is compiled from it the next time', () => {
    expect(run()).toBe('fresh');
    expect(cacheEntries()).toEqual([]);
    expect(run(true)).toBe('fresh');
    expect(cacheEntries()).toEqual([expect.stringMatching(/^code-probe-.*\.bin$/)]);
    const entry = join(dir, 'cache', cacheEntries()[0]!);
    const stored = readFileSync(entry);
    expect(run(true)).toBe('from-cache');
    expect(readFileSync(entry)).toEqual(stored); // code that came from the cache is not written again
  });

  it('adds the code of a new kind of run to the stored code, once per kind', () => {
    const entry = (): string => join(dir, 'cache', cacheEntries()[0]!);
    const labels = (): unknown => {
      const content = readFileSync(entry());
      return (JSON.parse(content.subarray(0, content.indexOf(0x0a)).toString()) as { labels: unknown }).labels;
    };
    expect(run(true, 'councils')).toBe('fresh');
    expect(labels()).toEqual(['councils']);
    expect(run(true, 'run')).toBe('from-cache');
    expect(labels()).toEqual(['councils', 'run']);
    const stored = readFileSync(entry());
    for (const label of ['run', 'councils']) {
      expect(run(true, label)).toBe('from-cache');
      expect(readFileSync(entry())).toEqual(stored);
    }
  });

  it('compiles the source again when the script changed since its code was stored', () => {
    run(true);
    writeFileSync(script, probeScript('\nconst unused = 1;'));
    expect(run(true)).toBe('fresh');
    expect(cacheEntries()).toHaveLength(1); // the entry for the old script is gone
    expect(run()).toBe('from-cache');
  });

  it('falls back to the source when V8 refuses the stored code, and replaces it', () => {
    run(true);
    const entry = join(dir, 'cache', cacheEntries()[0]!);
    const stored = readFileSync(entry);
    const newline = stored.indexOf(0x0a);
    // Same stamp and length, bytes that are no V8 code cache.
    writeFileSync(entry, Buffer.concat([stored.subarray(0, newline + 1), Buffer.alloc(stored.length - newline - 1, 0x5a)]));
    expect(run(true)).toBe('cache-refused');
    expect(run()).toBe('from-cache');
  });

  it('compiles every time, storing nothing, with the cache turned off', () => {
    cacheSetting = '';
    expect(run(true)).toBe('fresh');
    expect(run(true)).toBe('fresh');
    expect(cacheEntries()).toEqual([]);
  });
});
