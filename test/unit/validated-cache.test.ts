/**
 * Validated results kept between runs (dataset snapshot, bundled scenarios): served from the cache they
 * equal a fresh parse, a changed file is validated again, and an unusable cache directory only means
 * running without it.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runScenario } from '../../src/scenarios/runner.js';
import { bundledScenarioNames, clearLayerCache, loadScenario } from '../../src/scenarios/scenario-loader.js';
import { cachedBytes, cachedValue, defaultCacheDirectory, storeBytes } from '../../src/platform/validated-cache.js';

let dir: string;
const before = process.env['GOVSIM_CACHE_DIR'];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'govsim-cache-'));
});

afterEach(() => {
  if (before === undefined) delete process.env['GOVSIM_CACHE_DIR'];
  else process.env['GOVSIM_CACHE_DIR'] = before;
  clearLayerCache();
  rmSync(dir, { recursive: true, force: true });
});

function loadAll(cache: string): unknown[] {
  process.env['GOVSIM_CACHE_DIR'] = cache;
  clearLayerCache();
  return bundledScenarioNames().map((name) => {
    const loaded = loadScenario(name);
    return JSON.parse(JSON.stringify({ steps: loaded.steps, state: loaded.state, run: runScenario(loaded) })) as unknown;
  });
}

describe('bundled scenarios from the validated cache', () => {
  it('load exactly as from their YAML', () => {
    const fresh = loadAll('');
    const written = loadAll(dir);
    const entries = readdirSync(dir).filter((name) => name.startsWith('scenario-'));
    expect(entries).toHaveLength(bundledScenarioNames().length);
    const served = loadAll(dir);
    expect(written).toEqual(fresh);
    expect(served).toEqual(fresh);
  });
});

describe('cachedValue', () => {
  const isNumber = (value: unknown): value is number => typeof value === 'number';

  it('computes once, serves after, and computes again when a file it depends on changes', () => {
    process.env['GOVSIM_CACHE_DIR'] = join(dir, 'cache');
    const data = join(dir, 'data.txt');
    writeFileSync(data, 'one');
    let computed = 0;
    const key = { name: 'probe', modules: [import.meta.url], files: [data], format: 1 };
    const get = (): number => cachedValue(key, () => ++computed, isNumber);
    expect(get()).toBe(1);
    expect(get()).toBe(1);
    expect(computed).toBe(1);
    writeFileSync(data, 'a longer text');
    expect(get()).toBe(2);
    expect(readdirSync(join(dir, 'cache'))).toHaveLength(1); // the stale entry is gone
  });

  it('runs without a cache when the directory cannot be used, or when told to', () => {
    const file = join(dir, 'not-a-directory');
    writeFileSync(file, '');
    let computed = 0;
    const key = { name: 'probe', modules: [import.meta.url], files: [], format: 1 };
    for (const setting of [join(file, 'cache'), '']) {
      process.env['GOVSIM_CACHE_DIR'] = setting;
      expect(cachedValue(key, () => ++computed, isNumber)).toBe(computed);
      expect(cachedValue(key, () => ++computed, isNumber)).toBe(computed);
    }
    expect(computed).toBe(4);
  });

  it('ignores an entry of the wrong shape', () => {
    process.env['GOVSIM_CACHE_DIR'] = dir;
    const key = { name: 'probe', modules: [import.meta.url], files: [], format: 1 };
    const anything = (_value: unknown): _value is number => true;
    cachedValue(key, () => 'text' as unknown as number, anything);
    expect(cachedValue(key, () => 7, isNumber)).toBe(7);
  });
});

describe('cachedBytes and storeBytes', () => {
  it('serve what was stored until a file it depends on changes, and never a damaged entry', () => {
    process.env['GOVSIM_CACHE_DIR'] = join(dir, 'cache');
    const data = join(dir, 'data.txt');
    writeFileSync(data, 'one');
    const key = { name: 'probe', modules: [import.meta.url], files: [data], format: 1 };
    expect(cachedBytes(key)).toBeUndefined();
    const bytes = Uint8Array.from([0, 10, 255, 10, 1]); // newlines inside the bytes too
    storeBytes(key, bytes, ['run', 'councils']);
    expect(cachedBytes(key)).toEqual({ bytes: Buffer.from(bytes), labels: ['run', 'councils'] });
    const [entry] = readdirSync(join(dir, 'cache'));
    const stored = readFileSync(join(dir, 'cache', entry!));
    writeFileSync(join(dir, 'cache', entry!), stored.subarray(0, stored.length - 1)); // cut short
    expect(cachedBytes(key)).toBeUndefined();
    storeBytes(key, bytes);
    writeFileSync(data, 'a longer text');
    expect(cachedBytes(key)).toBeUndefined();
    storeBytes(key, Uint8Array.from([7]));
    expect(cachedBytes(key)).toEqual({ bytes: Buffer.from([7]), labels: [] });
    expect(readdirSync(join(dir, 'cache'))).toHaveLength(1); // the stale entry is gone
  });

  it('store nothing when the cache is off', () => {
    process.env['GOVSIM_CACHE_DIR'] = '';
    const key = { name: 'probe', modules: [import.meta.url], files: [], format: 1 };
    storeBytes(key, Uint8Array.from([1]));
    expect(cachedBytes(key)).toBeUndefined();
  });
});

describe('defaultCacheDirectory', () => {
  it('is next to the package when it can be written there, else the user’s cache directory', () => {
    const xdg = process.env['XDG_CACHE_HOME'];
    try {
      process.env['XDG_CACHE_HOME'] = join(dir, 'xdg');
      const packageDir = join(dir, 'package');
      mkdirSync(packageDir);
      const asked: string[] = [];
      const yes = (at: string): boolean => (asked.push(at), true);
      // node_modules/.cache does not exist yet: what decides is whether the package directory is writable.
      expect(defaultCacheDirectory(packageDir, yes)).toBe(join(packageDir, 'node_modules', '.cache', 'govsim'));
      expect(asked).toEqual([packageDir]);
      expect(defaultCacheDirectory(packageDir, () => false)).toBe(join(dir, 'xdg', 'govsim'));
      delete process.env['XDG_CACHE_HOME'];
      expect(defaultCacheDirectory(packageDir, () => false)).toBe(join(homedir(), '.cache', 'govsim'));
    } finally {
      if (xdg === undefined) delete process.env['XDG_CACHE_HOME'];
      else process.env['XDG_CACHE_HOME'] = xdg;
    }
  });
});
