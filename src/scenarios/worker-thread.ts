/**
 * Starting one of govsim's worker threads (`simulate-worker`) from wherever this code
 * runs: the bundles (dist/bin/cli.cjs and explorer.mjs, where `import.meta.url` is the
 * script's; the library's in dist/) or the TypeScript sources under tsx.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { ExitCode, GovsimError } from '../model/errors.js';

export type WorkerEntry = 'simulate-worker';

/**
 * The entry's file: next to this module (`.mjs` in dist/bin for the command line's bundles, `.ts` under
 * tsx), or in dist/bin from the library's bundle (dist/index.mjs or a chunk in dist/chunks).
 */
export function workerFile(entry: WorkerEntry): string {
  for (const candidate of [`./${entry}.mjs`, `./${entry}.ts`, `./bin/${entry}.mjs`, `../bin/${entry}.mjs`]) {
    const file = fileURLToPath(new URL(candidate, import.meta.url));
    if (existsSync(file)) return file;
  }
  throw new GovsimError(`cannot find the ${entry} thread next to ${fileURLToPath(import.meta.url)}`, ExitCode.internal);
}

export function startWorker(entry: WorkerEntry, workerData: unknown): Worker {
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
