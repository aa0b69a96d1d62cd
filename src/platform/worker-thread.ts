/**
 * Starting one of govsim's worker threads from wherever the code runs: the command line's bundles
 * (dist/bin/*.mjs, where `import.meta.url` is the bundle's), the library's bundle (dist/index.mjs or a
 * chunk in dist/chunks) or the TypeScript sources under tsx. The caller names the entry beside itself
 * (`new URL('./simulate-worker', import.meta.url)`), so this module knows no entry of the layers above it.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { ExitCode, GovsimError } from '../model/errors.js';

/**
 * The entry's file (`entry` without extension): `.mjs` beside the caller (the command line's bundles),
 * `.ts` (tsx), or the same `.mjs` in dist/bin when the caller is the library's bundle or one of its chunks.
 */
export function workerFile(entry: URL): string {
  const name = entry.pathname.slice(entry.pathname.lastIndexOf('/') + 1);
  for (const candidate of [`./${name}.mjs`, `./${name}.ts`, `./bin/${name}.mjs`, `../bin/${name}.mjs`]) {
    const file = fileURLToPath(new URL(candidate, entry));
    if (existsSync(file)) return file;
  }
  throw new GovsimError(`cannot find the worker thread ${fileURLToPath(entry)}(.js|.mjs|.ts)`, ExitCode.internal);
}

export function startWorker(entry: URL, workerData: unknown): Worker {
  const file = workerFile(entry);
  if (!file.endsWith('.ts')) {
    // Workers inherit the parent's execArgv, but `--input-type` (a parent run as `node --input-type=module -e …`)
    // makes a worker started from a file fail at once. An explicit list, unlike the inherited one, may not
    // hold per-process flags (`--max-old-space-size`), so it is given only when needed, and emptied if refused.
    const execArgv = process.execArgv.filter((flag) => !flag.startsWith('--input-type'));
    if (execArgv.length === process.execArgv.length) return new Worker(file, { workerData });
    try {
      return new Worker(file, { workerData, execArgv });
    } catch (error) {
      if ((error as { code?: unknown }).code !== 'ERR_WORKER_INVALID_EXEC_ARGV') throw error;
      return new Worker(file, { workerData, execArgv: [] });
    }
  }
  // Running from source: worker threads do not inherit the TypeScript loader, so register it first.
  const bootstrap = `import('tsx/esm/api').then((api) => { api.register(); return import(${JSON.stringify(pathToFileURL(file).href)}); });`;
  return new Worker(bootstrap, { eval: true, workerData });
}
