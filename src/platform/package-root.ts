/**
 * Locates the govsim package root (the directory whose package.json is named "govsim"), so bundled data
 * is found the same way from src/ under tsx, from the tsc output in dist/ and from the esbuild bundle
 * scripts in dist/bin.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ExitCode, GovsimError } from '../model/errors.js';

const PACKAGE_NAME = 'govsim';
let cached: string | undefined;

/** Walks up from `from` (default: this module) to the first package.json named govsim. */
export function findPackageRoot(from: string = dirname(fileURLToPath(import.meta.url))): string | undefined {
  let dir = from;
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && manifestName(manifest) === PACKAGE_NAME) return dir;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** The package root of the running govsim; throws an internal error if the install is broken. */
export function packageRoot(): string {
  if (cached !== undefined) return cached;
  const root = findPackageRoot();
  if (root === undefined) {
    throw new GovsimError(`cannot locate the ${PACKAGE_NAME} package root above ${fileURLToPath(import.meta.url)}`, ExitCode.internal);
  }
  cached = root;
  return root;
}

function manifestName(file: string): unknown {
  try {
    return (JSON.parse(readFileSync(file, 'utf8')) as { name?: unknown }).name;
  } catch {
    // An unreadable or malformed package.json on the way up is simply not ours.
    return undefined;
  }
}
