/**
 * Starting one of govsim's worker threads (`simulate-worker`) from wherever this code
 * runs: the bundles (dist/bin/cli.cjs and explorer.mjs, where `import.meta.url` is the
 * script's), the tsc output (dist/scenarios) or the TypeScript sources under tsx.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { ExitCode, GovsimError } from '../model/errors.js';

export type WorkerEntry = 'simulate-worker';

/** The entry's file next to this module: `.js` (tsc output), `.mjs` (bundle), `.ts` (tsx). */
export function workerFile(entry: WorkerEntry): string {
  for (const candidate of [`./${entry}.js`, `./${entry}.mjs`, `./${entry}.ts`]) {
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
