/**
 * What "rejected properly" means for one corpus case: the expected exit code, a message that names the
 * file (by a name that exists from the working directory) and the path inside it, no stack trace,
 * nothing on stdout and no output file, not even a partial one.
 */
import { existsSync, readdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { expect } from 'vitest';
import type { CliResult } from '../helpers/cli.js';
import type { PreparedCase } from './inputs.js';
import type { BadCase } from './manifest.js';

/** The stderr line that reports `entry`, and the file name it shows; undefined when there is none. */
export function reportLine(entry: BadCase, prepared: PreparedCase, stderr: string): { line: string; shown: string } | undefined {
  const anchor = `${prepared.file}: ${entry.path === '' ? '' : `${entry.path}: `}`;
  for (const line of stderr.split('\n')) {
    const at = line.indexOf(anchor);
    if (at === -1 || !line.slice(at + anchor.length).includes(entry.message)) continue;
    const shown = line.slice(0, at + prepared.file.length).replace(/^govsim: /, '');
    // `councils/x.yaml` must be the whole name or its last segments, not the tail of `oldcouncils/x.yaml`.
    if (shown === prepared.file || shown.endsWith(`/${prepared.file}`)) return { line, shown };
  }
  return undefined;
}

export function expectRejected(entry: BadCase, prepared: PreparedCase, result: CliResult, cwd: string): void {
  const context = `govsim ${prepared.args.join(' ')}\n--- stderr ---\n${result.stderr.slice(0, 4000)}`;
  expect(result.code, context).toBe(entry.exit);
  expect(result.stderr, context).not.toMatch(/\n\s+at |internal error/);
  expect(result.stdout, context).toBe('');
  const report = reportLine(entry, prepared, result.stderr);
  expect(report, `no line names ${prepared.file}, path "${entry.path}" and "${entry.message}"\n${context}`).toBeDefined();
  if (!entry.missing) expect(existsSync(resolve(cwd, report!.shown)), `the message names "${report!.shown}", which does not exist from ${cwd}`).toBe(true);
  if (prepared.out !== undefined) {
    const outDir = dirname(prepared.out);
    const left = existsSync(outDir) ? readdirSync(outDir) : [];
    expect(left, `${outDir} must stay empty`).toEqual([]);
  }
}
