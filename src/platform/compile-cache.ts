/**
 * Node's own compile cache (`module.enableCompileCache`, Node 22.1 and later) for the bundles: V8 keeps
 * the code it compiled, and the next start skips parsing and compiling what ran. Node checks each entry
 * against the source's hash and its own checksum and recompiles on any mismatch. Node 20 has none, and
 * runs without.
 *
 * The directory is the user's own: $GOVSIM_CACHE_DIR (empty turns the cache off), else govsim under
 * $XDG_CACHE_HOME or ~/.cache. It is used only if it is a real directory owned by this user and writable
 * by nobody else, in a parent nobody else can swap it out of; otherwise, and on any error, govsim runs
 * without a cache, silently. Missing directories are made one level at a time (mkdir's recursive mode
 * never ends under /proc).
 */
import { lstatSync, mkdirSync, statSync } from 'node:fs';
import module from 'node:module';
import { homedir } from 'node:os';
import { dirname, isAbsolute, join } from 'node:path';

/** The directory's path; undefined when the cache is off. */
export function cacheDirectoryPath(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const configured = env['GOVSIM_CACHE_DIR'];
  if (configured !== undefined) return configured === '' ? undefined : configured;
  return join(env['XDG_CACHE_HOME'] || join(homedir(), '.cache'), 'govsim');
}

/** Deepest directory chain made on the way to the cache directory. */
const MAX_MISSING_LEVELS = 16;

/** Makes `dir` if missing; true when it is this user's alone (see above). */
export function isPrivateDirectory(dir: string, uid: number | undefined = process.getuid?.()): boolean {
  if (!isAbsolute(dir)) return false;
  try {
    const missing: string[] = [];
    let existing = dir;
    for (; !exists(existing); existing = dirname(existing)) {
      if (missing.length === MAX_MISSING_LEVELS || dirname(existing) === existing) return false;
      missing.unshift(existing);
    }
    // No user ids (Windows): the user's profile directory is private already.
    if (uid === undefined) return true;
    // Nothing is made where someone else could swap it for theirs.
    if (missing.length > 0 && !isSafeParent(existing, uid)) return false;
    for (const path of missing) mkdirSync(path, { mode: 0o700 });
    const own = lstatSync(dir);
    return own.isDirectory() && own.uid === uid && (own.mode & 0o022) === 0 && isSafeParent(dirname(dir), uid);
  } catch {
    return false;
  }
}

/** Owned by this user or root, and writable by no one else unless sticky (as /tmp is). */
function isSafeParent(dir: string, uid: number): boolean {
  const parent = statSync(dir);
  const othersMayWrite = (parent.mode & 0o022) !== 0 && (parent.mode & 0o1000) === 0;
  return parent.isDirectory() && (parent.uid === uid || parent.uid === 0) && !othersMayWrite;
}

function exists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

/** Turns Node's compile cache on in the user's cache directory, where Node has one and the directory is safe. */
export function enableCompileCache(env: NodeJS.ProcessEnv = process.env): void {
  // Not in Node 20's typings.
  const enable = (module as { enableCompileCache?: (dir: string) => unknown }).enableCompileCache;
  if (typeof enable !== 'function') return;
  const dir = cacheDirectoryPath(env);
  if (dir === undefined || !isPrivateDirectory(dir)) return;
  try {
    enable(dir);
  } catch {
    // Without it, as on Node 20.
  }
}
