/**
 * Whole-file writes that never leave a half-written file: a temporary file beside the target, then a
 * rename. Shared by the CLI's `--out` and the explorer's save.
 */
import { closeSync, mkdirSync, openSync, renameSync, rmSync, type Stats, statSync, writeFileSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { GovsimOutputError } from '../model/errors.js';

function writeWhole(file: string, text: string | readonly string[], flag: string): void {
  if (typeof text === 'string') {
    writeFileSync(file, text, { flag });
    return;
  }
  const fd = openSync(file, flag);
  try {
    for (const piece of text) writeSync(fd, piece);
  } finally {
    closeSync(fd);
  }
}

export function writeFileAtomic(file: string, text: string | readonly string[]): void {
  try {
    const existing = statIfAny(file);
    if (existing?.isDirectory()) throw new GovsimOutputError(file, 'it is a directory');
    // A device or FIFO (`--out /dev/null`, `--out /dev/stdout`) must be written through, never renamed over.
    if (existing && !existing.isFile()) {
      writeWhole(file, text, 'w');
      return;
    }
    makeParentDirectories(file);
    const temp = join(dirname(file), `.${basename(file)}.${process.pid}.${Date.now()}.tmp`);
    try {
      writeWhole(temp, text, 'wx');
      renameSync(temp, file);
    } catch (error) {
      rmSync(temp, { force: true });
      throw error;
    }
  } catch (error) {
    if (error instanceof GovsimOutputError) throw error;
    const reason = error instanceof Error && 'code' in error ? `${String(error.code)} (${error.message})` : String(error);
    throw new GovsimOutputError(file, reason, { cause: error });
  }
}

/**
 * Creates the missing directories above `file` one level at a time. (Recursive mkdirSync never returns on
 * some virtual file systems such as /proc, so the walk is done here, stopping at the first existing ancestor.)
 */
function makeParentDirectories(file: string): void {
  const missing: string[] = [];
  let dir = dirname(file);
  for (;;) {
    const stats = statIfAny(dir);
    if (stats) {
      if (!stats.isDirectory()) throw new GovsimOutputError(file, `${dir} is not a directory`);
      break;
    }
    missing.push(dir);
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  for (const directory of missing.reverse()) mkdirSync(directory);
}

/** stat, or undefined where nothing is there (ENOENT) or a path component is a file (ENOTDIR). */
function statIfAny(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch (error) {
    if (error instanceof Error && 'code' in error && (error.code === 'ENOENT' || error.code === 'ENOTDIR')) return undefined;
    throw error;
  }
}
