/**
 * The bundled dataset and scenarios, validated when the package is built (scripts/build.mjs) and kept in
 * dist/snapshot.json with a SHA-256 of the files each was made from. A load whose files hash the same
 * takes the validated value from there, without the YAML parser or a schema: that is most of a
 * command's start (about 400 ms of parsing and checking on Node 20). Anything else, an edited file
 * included, is validated in full. Nothing is written at run time, so no cache directory is needed, and
 * an install from the registry (which builds nothing) starts as fast as a clone.
 *
 * The snapshot sits beside the code that made it, in the dist/ directory this module was built into
 * (the library's and the command line's bundles); the sources run under tsx are in none, so a schema
 * changed in the sources is always validated afresh. Any trouble reading it means validating in full.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Bumped when the stored shape changes. */
export const SNAPSHOT_FORMAT = 1;

export interface SnapshotEntry {
  readonly hash: string;
  readonly value: unknown;
}

export interface Snapshot {
  readonly format: number;
  readonly entries: Readonly<Record<string, SnapshotEntry>>;
}

/** SHA-256 over the files' names (relative to `base`) and contents; undefined when one can't be read. */
export function inputsHash(files: readonly string[], base: string): string | undefined {
  const hash = createHash('sha256').update(`govsim snapshot ${SNAPSHOT_FORMAT}\0`);
  try {
    for (const file of files) {
      const content = readFileSync(file);
      hash.update(`${relative(base, file).split(sep).join('/')}\0${content.length}\0`).update(content);
    }
  } catch {
    return undefined;
  }
  return hash.digest('hex');
}

let snapshot: Snapshot | null | undefined;

/** dist/snapshot.json of the dist/ directory this code runs from, if it runs from one. */
function snapshotFile(): string | undefined {
  const here = fileURLToPath(import.meta.url);
  const dist = here.lastIndexOf(`${sep}dist${sep}`);
  return dist < 0 ? undefined : join(here.slice(0, dist), 'dist', 'snapshot.json');
}

function readSnapshot(): Snapshot | null {
  const file = snapshotFile();
  if (file === undefined) return null;
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<Snapshot> | null;
    const usable = parsed !== null && typeof parsed === 'object' && parsed.format === SNAPSHOT_FORMAT && typeof parsed.entries === 'object' && parsed.entries !== null;
    return usable ? (parsed as Snapshot) : null;
  } catch {
    return null;
  }
}

/**
 * The validated value stored under `key` at build time, if `files` (relative to `base`) are exactly
 * those it was made from; undefined otherwise (then the caller validates in full).
 */
export function snapshotValue(key: string, files: readonly string[], base: string): unknown {
  snapshot ??= readSnapshot();
  const entry = snapshot !== null && Object.hasOwn(snapshot.entries, key) ? snapshot.entries[key] : undefined;
  if (entry === undefined || typeof entry.hash !== 'string') return undefined;
  return inputsHash(files, base) === entry.hash ? entry.value : undefined;
}
