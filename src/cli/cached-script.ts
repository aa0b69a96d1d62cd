/**
 * Running a bundled script with V8's code cache. Node 20 keeps no compiled code between runs for ES
 * modules, but a classic script compiled through node:vm can be handed the code V8 produced for it
 * last time: parsing and compiling the functions that ran then is skipped. That is about a hundred
 * milliseconds of every start, for the explorer (a 1.9 MB bundle of React, Ink, Yoga, zod, yaml and
 * the engine) as for a command such as `govsim run` (1.2 MB).
 *
 * The code is kept in the validated cache (see ../platform/validated-cache.ts), stamped with the
 * script file's size and modification time; V8 itself refuses code made by another version or with
 * other flags, and then the script is simply compiled again and the new code stored.
 *
 * A script's text is one function expression, `(async function (require, __moduleUrl) { … return
 * exports; })`, as scripts/build.mjs writes it: an async function, because Yoga's module awaits its
 * WebAssembly at top level.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, extname } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Script } from 'node:vm';
import { ExitCode, GovsimError } from '../model/errors.js';
import { cachedBytes, storeBytes } from '../platform/validated-cache.js';

/** How the script's code was compiled. */
export type Compilation = 'from-cache' | 'fresh' | 'cache-refused';

export interface ScriptRun<T> {
  readonly exports: T;
  /** From the stored code, afresh (none stored, or the cache is off), or afresh because V8 refused the stored code. */
  readonly compilation: Compilation;
  /**
   * Stores the code compiled so far (the top level and every function that has run, the stored code's
   * included) for the next run, unless the stored code already covers this run's label. Call it once
   * the work worth caching has run.
   */
  storeCodeCache(): void;
}

type ScriptFunction = (require: NodeJS.Require, moduleUrl: string) => Promise<unknown>;

/** Labels one entry keeps at most: a bound for words that are no command. */
const MAX_LABELS = 32;

/**
 * Runs the script at `file`. `label` names the kind of run (the CLI's command): stored code made by
 * other kinds is used, and stored again with this kind's code added, so that each command's start is
 * compiled once, whichever ran first.
 */
export async function runCachedScript<T>(file: string, label = ''): Promise<ScriptRun<T>> {
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new GovsimError(`the bundle is incomplete: cannot read ${file} (${reason}); run \`npm run build\``, ExitCode.internal, { cause: error });
  }
  const moduleUrl = pathToFileURL(file).href;
  const key = { name: `code-${basename(file, extname(file))}`, modules: [moduleUrl], files: [], format: 1 };
  const stored = cachedBytes(key);
  const script = new Script(source, { filename: file, ...(stored === undefined ? {} : { cachedData: stored.bytes }) });
  const compilation: Compilation = stored === undefined ? 'fresh' : script.cachedDataRejected === true ? 'cache-refused' : 'from-cache';
  const run = script.runInThisContext() as ScriptFunction;
  const exports = (await run(createRequire(file), moduleUrl)) as T;
  const labels = compilation === 'from-cache' ? (stored?.labels ?? []) : [];
  let covered = compilation === 'from-cache' && (labels.includes(label) || labels.length >= MAX_LABELS);
  return {
    exports,
    compilation,
    storeCodeCache() {
      if (covered) return;
      covered = true;
      storeBytes(key, script.createCachedData(), [...labels, label]);
    },
  };
}
