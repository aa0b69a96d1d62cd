/**
 * Validated results kept between runs: files under node_modules/.cache/govsim next to the installed
 * package, or under the user's cache directory when that one can't be written (a global install);
 * $GOVSIM_CACHE_DIR chooses, empty turns the cache off. Parsing and checking YAML costs a start tens
 * of milliseconds for a scenario and up to a quarter second for the dataset, and compiling the CLI's
 * or the explorer's code about a hundred, while the bundled files change only with an install. Values
 * are JSON; compiled code is bytes. Each entry carries a stamp: the size and modification time of every
 * file the result depends on, the validator's own modules among them. Any difference, and the entry is
 * ignored (and replaced); an entry written by another user is never trusted. Any trouble with the
 * cache directory means running without it.
 */
import { accessSync, constants, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, dirname, extname, join } from 'node:path';
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
  return configured ?? (defaultDirectory ??= defaultCacheDirectory(packageRoot()));
}

let defaultDirectory: string | undefined;

/**
 * node_modules/.cache/govsim in the package when this user may write there (or create it), else
 * govsim under $XDG_CACHE_HOME or ~/.cache: a package installed by another user (`sudo npm install
 * -g`) still starts from its cache.
 */
export function defaultCacheDirectory(packageDir: string, canWrite: (dir: string) => boolean = writable): string {
  const local = join(packageDir, 'node_modules', '.cache', 'govsim');
  let existing = local;
  while (!existsSync(existing) && dirname(existing) !== existing) existing = dirname(existing);
  if (canWrite(existing)) return local;
  const base = process.env['XDG_CACHE_HOME'] || join(homedir(), '.cache');
  return join(base, 'govsim');
}

function writable(dir: string): boolean {
  try {
    accessSync(dir, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

interface Entry {
  readonly stamp: string;
  readonly value: unknown;
}

/** Where the entry lives and the stamp it must carry; undefined when there is no usable cache. */
function locate(key: CacheEntryKey, extension: '.json' | '.bin'): { file: string; stamp: string; prefix: string } | undefined {
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
    return { file: join(dir, `${prefix}${fnv1a(stamp)}${extension}`), stamp, prefix };
  } catch {
    // Unreadable files, modules not on disk: no cache.
    return undefined;
  }
}

/** The cached value, or what `compute` returns (then stored for the next run). */
export function cachedValue<T>(key: CacheEntryKey, compute: () => T, check: (value: unknown) => value is T): T {
  const where = locate(key, '.json');
  if (where !== undefined) {
    const found = readEntry(where.file, where.stamp);
    if (found !== undefined && check(found)) return found;
  }
  const value = compute();
  if (where !== undefined) writeEntry(where.file, where.prefix, JSON.stringify({ stamp: where.stamp, value } satisfies Entry));
  return value;
}

/** Bytes kept between runs, with labels that say what they hold (for compiled code: which commands ran). */
export interface StoredBytes {
  readonly bytes: Buffer;
  readonly labels: readonly string[];
}

/**
 * Bytes stored under `key` by `storeBytes`, unless a file they depend on changed since. The entry is one
 * line of JSON (stamp, labels and length), then the bytes.
 */
export function cachedBytes(key: CacheEntryKey): StoredBytes | undefined {
  const where = locate(key, '.bin');
  if (where === undefined) return undefined;
  const content = readTrusted(where.file);
  if (content === undefined) return undefined;
  const newline = content.indexOf(0x0a);
  try {
    const header = JSON.parse(content.subarray(0, newline).toString('utf8')) as { stamp?: unknown; labels?: unknown; length?: unknown };
    const bytes = content.subarray(newline + 1);
    if (newline <= 0 || header.stamp !== where.stamp || header.length !== bytes.length) return undefined;
    const labels = Array.isArray(header.labels) ? header.labels.filter((label): label is string => typeof label === 'string') : [];
    return { bytes, labels };
  } catch {
    return undefined;
  }
}

export function storeBytes(key: CacheEntryKey, bytes: Uint8Array, labels: readonly string[] = []): void {
  const where = locate(key, '.bin');
  if (where === undefined) return;
  const header = Buffer.from(`${JSON.stringify({ stamp: where.stamp, labels, length: bytes.length })}\n`, 'utf8');
  writeEntry(where.file, where.prefix, Buffer.concat([header, bytes]));
}

function readEntry(file: string, stamp: string): unknown {
  const content = readTrusted(file);
  try {
    const entry = content === undefined ? undefined : (JSON.parse(content.toString('utf8')) as Partial<Entry>);
    return entry?.stamp === stamp ? entry.value : undefined;
  } catch {
    return undefined;
  }
}

/** The file's content, unless it is missing or someone else could have written it. */
function readTrusted(file: string): Buffer | undefined {
  try {
    if (typeof process.getuid === 'function' && statSync(file).uid !== process.getuid()) return undefined;
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/** Written whole or not at all (a temporary file renamed into place). */
function writeEntry(file: string, prefix: string, content: string | Uint8Array): void {
  const dir = join(file, '..');
  const extension = extname(file);
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, content, { mode: 0o600 });
    renameSync(temp, file);
    // Older entries of the same name and code are dead weight once a file they depend on changed.
    for (const name of readdirSync(dir)) {
      if (name.startsWith(prefix) && name.endsWith(extension) && name !== basename(file)) rmSync(join(dir, name), { force: true });
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
