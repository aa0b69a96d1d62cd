/**
 * Validated results kept between runs: JSON files under node_modules/.cache/govsim (or
 * $GOVSIM_CACHE_DIR; empty turns the cache off). Parsing and checking YAML costs a start tens of
 * milliseconds for a scenario and up to a quarter second for the dataset, while the bundled files
 * change only with an install. Each entry carries a stamp: the size and modification time of every
 * file the result depends on, the validator's own modules among them. Any difference, and the entry is
 * ignored (and replaced); an entry written by another user is never trusted. Any trouble with the
 * cache directory means running without it.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packageRoot } from './package-root.js';

export interface CacheEntryKey {
  /** Names the entry's files (e.g. the dataset or scenario name). */
  readonly name: string;
  /**
   * The module URLs of the code that produces the value. One entry per name and code location (sources
   * under tsx, dist, the bundle), so that the tests and the built CLI do not evict each other's entries.
   */
  readonly modules: readonly string[];
  /** Data files the value is made from. */
  readonly files: readonly string[];
  /** Bumped when the stored shape changes. */
  readonly format: number;
}

export function cacheDirectory(): string | undefined {
  const configured = process.env['GOVSIM_CACHE_DIR'];
  if (configured === '') return undefined;
  return configured ?? join(packageRoot(), 'node_modules', '.cache', 'govsim');
}

interface Entry {
  readonly stamp: string;
  readonly value: unknown;
}

/** Where the entry lives and the stamp it must carry; undefined when there is no usable cache. */
function locate(key: CacheEntryKey): { file: string; stamp: string; prefix: string } | undefined {
  const dir = cacheDirectory();
  if (dir === undefined) return undefined;
  try {
    const parts = [`govsim ${key.name} ${key.format}`];
    for (const moduleUrl of key.modules) {
      const stats = statSync(fileURLToPath(moduleUrl));
      parts.push(`${moduleUrl} ${stats.size} ${stats.mtimeMs}`);
    }
    for (const file of key.files) {
      const stats = statSync(file);
      parts.push(`${file} ${stats.size} ${stats.mtimeMs}`);
    }
    const stamp = parts.join('\n');
    const prefix = `${key.name}-${fnv1a(key.modules.join('\n'))}-`;
    return { file: join(dir, `${prefix}${fnv1a(stamp)}.json`), stamp, prefix };
  } catch {
    // Unreadable files, modules not on disk: no cache.
    return undefined;
  }
}

/** The cached value, or what `compute` returns (then stored for the next run). */
export function cachedValue<T>(key: CacheEntryKey, compute: () => T, check: (value: unknown) => value is T): T {
  const where = locate(key);
  if (where !== undefined) {
    const found = readEntry(where.file, where.stamp);
    if (found !== undefined && check(found)) return found;
  }
  const value = compute();
  if (where !== undefined) writeEntry(where.file, where.prefix, { stamp: where.stamp, value });
  return value;
}

function readEntry(file: string, stamp: string): unknown {
  try {
    // An entry someone else could have written is not trusted.
    if (typeof process.getuid === 'function' && statSync(file).uid !== process.getuid()) return undefined;
    const entry = JSON.parse(readFileSync(file, 'utf8')) as Partial<Entry>;
    return entry.stamp === stamp ? entry.value : undefined;
  } catch {
    return undefined;
  }
}

function writeEntry(file: string, prefix: string, entry: Entry): void {
  const dir = join(file, '..');
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, JSON.stringify(entry), { mode: 0o600 });
    renameSync(temp, file);
    // Older entries of the same name and code are dead weight once a file they depend on changed.
    for (const name of readdirSync(dir)) {
      if (name.startsWith(prefix) && name.endsWith('.json') && name !== basename(file)) rmSync(join(dir, name), { force: true });
    }
  } catch {
    // A read-only install simply runs without the cache.
  }
}

/** 32-bit FNV-1a, hex: names entry files; the full stamp inside is what gets compared. */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}
