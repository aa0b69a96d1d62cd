/**
 * The corpus cases marked `subprocess`, through the built bin as real processes (two at a time): exit
 * codes, stderr and output files as a user sees them, and prototypes checked by a preload at exit.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, type CliResult, ensureBuilt, REPO_ROOT } from '../helpers/cli.js';
import { prepareCase } from './inputs.js';
import { readManifest } from './manifest.js';
import { POLLUTION_MARKER, PROTOTYPE_GUARD_IMPORT } from './prototypes.js';
import { expectRejected } from './rejection.js';

const cases = readManifest().filter((entry) => entry.subprocess === true);
const workDir = mkdtempSync(join(tmpdir(), 'govsim-bad-input-bin-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

const CONCURRENCY = 2;
let running = 0;
const waiting: (() => void)[] = [];

async function limited<T>(task: () => Promise<T>): Promise<T> {
  while (running >= CONCURRENCY) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  try {
    return await task();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

function runProcess(args: readonly string[]): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', PROTOTYPE_GUARD_IMPORT, BIN, ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code: code ?? (signal ? -1 : 0), stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8') });
    });
  });
}

async function runBuilt(args: readonly string[]): Promise<CliResult> {
  const result = await runProcess(args);
  // Another worker may be rebuilding dist/ because a source file changed: wait for it, run once more.
  if (!/ERR_MODULE_NOT_FOUND|the CLI bundle is missing/.test(result.stderr)) return result;
  ensureBuilt();
  return runProcess(args);
}

describe('bad inputs through the real bin', () => {
  beforeAll(() => ensureBuilt(), 200_000);

  it('has a handful of cases to run', () => {
    expect(cases.length).toBeGreaterThanOrEqual(5);
  });

  it.concurrent.each(cases)('$name: govsim $command → exit $exit', async (entry) => {
    const prepared = prepareCase(entry, workDir);
    const result = await limited(() => runBuilt(prepared.args));
    expect(result.stderr).not.toContain(POLLUTION_MARKER);
    expectRejected(entry, prepared, result, REPO_ROOT);
  });
});
