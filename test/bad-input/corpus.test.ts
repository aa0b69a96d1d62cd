/**
 * The bad-input corpus (test/fixtures/bad/manifest.yaml), in process through `main(argv)`: every case
 * exits 65 or 66 with a message naming the file and the path, no stack trace, no output file and no
 * built-in prototype changed. corpus-bin.test.ts runs the cases marked `subprocess` through the real bin.
 */
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { GENERATORS, prepareCase } from './inputs.js';
import { BAD_DIR, COMMANDS, MANIFEST_FILE, readManifest, SCENARIO_DIR } from './manifest.js';
import { prototypeChanges, snapshotPrototypes } from './prototypes.js';
import { expectRejected } from './rejection.js';

const cases = readManifest();
const workDir = mkdtempSync(join(tmpdir(), 'govsim-bad-input-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe('the bad-input corpus', () => {
  it('holds at least 40 committed files, and every one is fed to the CLI by some case', () => {
    const files = filesUnder(BAD_DIR).filter((file) => file !== MANIFEST_FILE);
    expect(files.length).toBeGreaterThanOrEqual(40);
    const datasets = new Set(cases.flatMap((entry) => (entry.dataset === undefined ? [] : [entry.dataset])));
    const scenarios = new Set(cases.flatMap((entry) => (entry.scenario === undefined ? [] : [entry.scenario])));
    const unused = files.filter((file) => {
      const [top] = relative(BAD_DIR, file).split('/');
      return top === SCENARIO_DIR ? !scenarios.has(relative(BAD_DIR, file)) : !datasets.has(top!);
    });
    expect(unused).toEqual([]);
  });

  it('uses every command and generator, and checks both exit codes', () => {
    expect(new Set(cases.map((entry) => entry.command))).toEqual(new Set(COMMANDS));
    expect(new Set(cases.flatMap((entry) => (entry.generated === undefined ? [] : [entry.generated])))).toEqual(new Set(Object.keys(GENERATORS)));
    expect(new Set(cases.map((entry) => entry.exit))).toEqual(new Set([65, 66]));
  });
});

describe('every bad input is rejected cleanly (in process)', () => {
  it.each(cases)('$name: govsim $command → exit $exit', async (entry) => {
    const prepared = prepareCase(entry, workDir);
    const before = snapshotPrototypes();
    const result = await runCli(prepared.args);
    expect(prototypeChanges(before)).toEqual([]);
    expectRejected(entry, prepared, result, process.cwd());
  });
});
