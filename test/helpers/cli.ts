/**
 * Running the CLI from tests: in-process through `main(argv)` with stdout and stderr captured (fast,
 * the default), or as a real subprocess of the built bin for exit codes and packaging.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../../src/cli/main.js';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const BIN = join(REPO_ROOT, 'bin', 'govsim.cjs');
/** The last file the build writes (scripts/build.mjs). */
export const BUNDLE = join(REPO_ROOT, 'dist', 'snapshot.json');

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

type Write = typeof process.stdout.write;

/** Runs `govsim <args>` in this process, capturing what it writes. Calls never overlap within a file. */
export async function runCli(args: readonly string[]): Promise<CliResult> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const capture = (sink: string[]): Write => {
    const write = (chunk: string | Uint8Array, ...rest: unknown[]): boolean => {
      sink.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      const callback = rest.find((arg): arg is () => void => typeof arg === 'function');
      callback?.();
      return true;
    };
    return write;
  };
  // Put back exactly what was there: an own property (a runner's patch) or the prototype's method.
  const originalOut = Object.getOwnPropertyDescriptor(process.stdout, 'write');
  const originalErr = Object.getOwnPropertyDescriptor(process.stderr, 'write');
  const previousExitCode = process.exitCode;
  process.exitCode = undefined;
  process.stdout.write = capture(stdout);
  process.stderr.write = capture(stderr);
  try {
    const code = await main(args);
    return { code, stdout: stdout.join(''), stderr: stderr.join('') };
  } finally {
    restore(process.stdout, originalOut);
    restore(process.stderr, originalErr);
    process.exitCode = previousExitCode;
  }
}

function restore(stream: NodeJS.WriteStream, descriptor: PropertyDescriptor | undefined): void {
  if (descriptor) Object.defineProperty(stream, 'write', descriptor);
  else Reflect.deleteProperty(stream, 'write');
}

/** Runs `node bin/govsim.cjs <args>` as a subprocess (build it first with `ensureBuilt`). */
export function runBin(args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): CliResult {
  const run = (): CliResult => {
    const result = spawnSync(process.execPath, [BIN, ...args], {
      cwd: options.cwd ?? REPO_ROOT,
      env: { ...process.env, NO_COLOR: '1', ...options.env },
      encoding: 'utf8',
      timeout: 60_000,
    });
    if (result.error) throw result.error;
    return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
  };
  const result = run();
  // Another test worker may have been rebuilding dist/ (the build starts by deleting it) because a
  // source file changed meanwhile: wait for that build, then run once more.
  if (/ERR_MODULE_NOT_FOUND|the CLI bundle is missing/.test(result.stderr)) {
    ensureBuilt();
    return run();
  }
  return result;
}

/**
 * Builds dist/ when the bundle is missing or older than any source file. Test files run in parallel
 * workers, so the build is serialised with a lock directory and freshness is re-checked after waiting.
 */
export function ensureBuilt(): void {
  if (bundleIsFresh()) return;
  const lock = join(REPO_ROOT, 'node_modules', '.cache', 'govsim-build.lock');
  mkdirSync(join(lock, '..'), { recursive: true });
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // Another worker is building; a lock older than 5 minutes belongs to a dead process.
      if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > 300_000) rmSync(lock, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error('timed out waiting for another test worker to build dist/');
      sleep(200);
    }
  }
  try {
    if (bundleIsFresh()) return;
    const build = spawnSync(process.execPath, [join(REPO_ROOT, 'scripts', 'build.mjs')], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 170_000 });
    // The bundle is built before the declaration emit; a type error elsewhere in the tree fails the
    // script after the bundle exists. These tests need only the bundle (type errors fail `npm run typecheck`).
    if (!existsSync(BUNDLE)) throw new Error(`npm run build failed:\n${build.stdout}\n${build.stderr}`);
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

function bundleIsFresh(): boolean {
  if (!existsSync(BUNDLE)) return false;
  const built = statSync(BUNDLE).mtimeMs;
  return newestMtime(join(REPO_ROOT, 'src')) <= built && statSync(join(REPO_ROOT, 'scripts', 'build.mjs')).mtimeMs <= built;
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
