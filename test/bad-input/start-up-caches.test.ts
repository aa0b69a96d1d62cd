/**
 * What a start reads besides the user's input, attacked: the build-time snapshot of the bundled data
 * (src/platform/snapshot-file.ts) and Node's compile cache in the user's cache directory
 * (src/platform/compile-cache.ts). Each runs the built bin in a copy of the package, so that its
 * snapshot and data can be damaged without touching the repository's. The compile cache exists from
 * Node 22.1 (CI runs this file on Node 22 and 24 too); on Node 20 the same attacks must still change nothing.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import nodeModule from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as Library from '../../src/index.js';
import { cacheDirectoryPath, isPrivateDirectory } from '../../src/platform/compile-cache.js';
import { ensureBuilt, REPO_ROOT } from '../helpers/cli.js';

const scratch = mkdtempSync(join(tmpdir(), 'govsim-start-'));
const pkg = join(scratch, 'govsim');
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Node's compile cache: `module.enableCompileCache` (22.1+). */
const hasCompileCache = typeof (nodeModule as { enableCompileCache?: unknown }).enableCompileCache === 'function';
const isRoot = process.getuid?.() === 0;
const hasSetpriv = spawnSync('setpriv', ['--version'], { stdio: 'ignore' }).status === 0;
const NOBODY = 65534;

beforeAll(() => {
  ensureBuilt();
  for (const entry of ['package.json', 'bin', 'dist/bin', 'dist/snapshot.json', 'data', 'scenarios']) cpSync(join(REPO_ROOT, entry), join(pkg, entry), { recursive: true });
  // The dependencies the bundles leave out (the YAML parser, mathjs), as an install has them.
  symlinkSync(join(REPO_ROOT, 'node_modules'), join(pkg, 'node_modules'), 'dir');
  // Readable by the unprivileged user of the tests below.
  chmodSync(scratch, 0o755);
}, 180_000);

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly ms: number;
}

function govsim(args: readonly string[], env: NodeJS.ProcessEnv = {}, asUser?: number): Run {
  const command = asUser === undefined ? process.execPath : 'setpriv';
  const prefix = asUser === undefined ? [] : [`--reuid=${asUser}`, `--regid=${asUser}`, '--clear-groups', process.execPath];
  const start = performance.now();
  const child = spawnSync(command, [...prefix, join(pkg, 'bin', 'govsim.cjs'), ...args], {
    cwd: pkg,
    env: { ...process.env, NO_COLOR: '1', HOME: scratch, XDG_CACHE_HOME: '', ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: child.status, stdout: child.stdout, stderr: child.stderr, ms: performance.now() - start };
}

function expectClean(run: Run): void {
  expect(run.stderr).not.toMatch(/\n\s+at |internal error|Error:/);
  expect(run.code, run.stderr).toBe(0);
}

describe('the build-time snapshot of the bundled data', () => {
  const snapshotFile = (): string => join(pkg, 'dist', 'snapshot.json');
  const datasetFile = (): string => join(pkg, 'data', 'iraq-2023', 'dataset.yaml');
  let original: string;
  let originalData: string;
  beforeAll(() => {
    original = readFileSync(snapshotFile(), 'utf8');
    originalData = readFileSync(datasetFile(), 'utf8');
  });
  const restore = (): void => {
    writeFileSync(snapshotFile(), original);
    writeFileSync(datasetFile(), originalData);
  };

  it('holds what validating the bundled files gives now: the dataset and every YAML scenario', async () => {
    const { loadDataset, loadScenario } = await import('../../src/index.js');
    const { bundledScenarioNames } = await import('../../src/scenarios/scenario-loader.js');
    // The library's bundle reads the snapshot (it runs from dist/); the sources validate afresh.
    const built = (await import(pathToFileURL(join(REPO_ROOT, 'dist', 'index.mjs')).href)) as typeof Library;
    const { dir: _builtDir, ...fromSnapshot } = built.loadDataset('iraq-2023');
    const { dir: _dir, ...fresh } = loadDataset('iraq-2023', { snapshot: false });
    expect(JSON.parse(JSON.stringify(fromSnapshot))).toEqual(JSON.parse(JSON.stringify(fresh)));
    const names = bundledScenarioNames();
    expect(names.length).toBeGreaterThan(5);
    for (const name of names) {
      const parts = (scenario: ReturnType<typeof loadScenario>): string => JSON.stringify([scenario.name, scenario.rules, scenario.sources, scenario.steps, scenario.expect]);
      expect(parts(built.loadScenario(name)), name).toBe(parts(loadScenario(name)));
    }
    const snapshot = JSON.parse(original) as { entries: Record<string, unknown> };
    expect(Object.keys(snapshot.entries)).toEqual(expect.arrayContaining(['dataset:iraq-2023', ...names.map((name) => `scenario:${name}`)]));
  });

  it('is what a start reads while the files hash as at build time, and ignored once one changes', () => {
    // A marker only the snapshot holds: shown while the data files match, gone once they don't.
    writeFileSync(snapshotFile(), original.replace('"name":"Baghdad"', '"name":"Baghdad from the snapshot"'));
    try {
      expect(original).toContain('"name":"Baghdad"');
      expect(govsim(['councils']).stdout).toContain('Baghdad from the snapshot');
      writeFileSync(datasetFile(), `${originalData}\n# edited after the build\n`);
      const edited = govsim(['councils']);
      expectClean(edited);
      expect(edited.stdout).not.toContain('from the snapshot');
      expect(edited.stdout).toContain('Baghdad');
    } finally {
      restore();
    }
  });

  it('never stands in for an edited file: an invalid edit is reported, naming the file', () => {
    writeFileSync(datasetFile(), originalData.replace(/^(\s*)id: iraq-2023\s*$/m, '$1id: 42'));
    try {
      expect(readFileSync(datasetFile(), 'utf8')).not.toBe(originalData);
      const run = govsim(['councils']);
      expect(run.code).toBe(65);
      expect(run.stderr).toContain('dataset.yaml');
      expect(run.stderr).not.toMatch(/\n\s+at /);
    } finally {
      restore();
    }
  });

  it.each([
    ['damaged', '{"format":1,"entries":{"dataset:iraq-2023":'],
    ['not JSON', '\u0000\u0001garbage'],
    ['of the wrong shape', null],
    ['of another format', '{"format":999,"entries":{}}'],
  ])('%s, means validating in full: same answers, no stack trace', (_what, content) => {
    const wrongShape = (): string => {
      const snapshot = JSON.parse(original) as { entries: Record<string, { hash: string; value: unknown }> };
      for (const entry of Object.values(snapshot.entries)) entry.value = 42;
      return JSON.stringify(snapshot);
    };
    const expected = govsim(['run', 'baseline', '--format', 'json']).stdout;
    writeFileSync(snapshotFile(), content ?? wrongShape());
    try {
      for (const args of [['councils'], ['run', 'baseline', '--format', 'json'], ['--version']]) expectClean(govsim(args));
      expect(govsim(['run', 'baseline', '--format', 'json']).stdout).toBe(expected);
    } finally {
      restore();
    }
  });
});

describe('the compile cache directory', () => {
  it('is $GOVSIM_CACHE_DIR (empty: none), else govsim under $XDG_CACHE_HOME or ~/.cache', () => {
    expect(cacheDirectoryPath({ GOVSIM_CACHE_DIR: '/x/y' })).toBe('/x/y');
    expect(cacheDirectoryPath({ GOVSIM_CACHE_DIR: '' })).toBeUndefined();
    expect(cacheDirectoryPath({ XDG_CACHE_HOME: '/c' })).toBe('/c/govsim');
  });

  it('is made private when missing, parents included', () => {
    const dir = join(scratch, 'made', 'a', 'b');
    expect(isPrivateDirectory(dir)).toBe(true);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
  });

  it('is refused when others may write it or its parent, when it is a symlink, or relative', () => {
    const open = join(scratch, 'open');
    mkdirSync(open, { mode: 0o700 });
    chmodSync(open, 0o777);
    expect(isPrivateDirectory(open)).toBe(false);
    // Inside a directory others may write (and not sticky), someone could swap it for theirs.
    expect(isPrivateDirectory(join(open, 'inside'))).toBe(false);
    const target = join(scratch, 'target');
    mkdirSync(target, { mode: 0o700 });
    symlinkSync(target, join(scratch, 'link'));
    expect(isPrivateDirectory(join(scratch, 'link'))).toBe(false);
    expect(isPrivateDirectory('relative/dir')).toBe(false);
    expect(isPrivateDirectory(target, 12345)).toBe(false);
  });

  it('under /proc is refused at once, and every command runs without it', () => {
    const start = performance.now();
    expect(isPrivateDirectory('/proc/self/govsim-cache/a/b')).toBe(false);
    expect(isPrivateDirectory('/proc/1/govsim')).toBe(false);
    expect(performance.now() - start).toBeLessThan(200);
    for (const dir of ['/proc/self/govsim', '/proc/govsim', '/sys/govsim', '/dev/null/govsim']) {
      const run = govsim(['--version'], { GOVSIM_CACHE_DIR: dir });
      expectClean(run);
      expect(run.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
      expect(run.ms).toBeLessThan(10_000);
    }
  });

  // The copy in scratch links the checkout's node_modules: a checkout nobody may enter (a mode-700
  // home, say) cannot run as nobody at all, which says nothing about the cache.
  const nobodyCanRun = (): boolean =>
    spawnSync('setpriv', [`--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups', process.execPath, '-e', `require('node:fs').accessSync(${JSON.stringify(join(REPO_ROOT, 'node_modules', 'yaml', 'package.json'))})`]).status === 0;
  it.runIf(isRoot && hasSetpriv && nobodyCanRun())('in a directory others may write, is never written through a planted symlink (run as nobody)', () => {
    const shared = join(scratch, 'shared');
    mkdirSync(shared);
    chmodSync(shared, 0o777);
    // The victim's file, and links to it at names a writer might use.
    const victim = join(scratch, 'victim.txt');
    writeFileSync(victim, 'precious\n');
    chmodSync(victim, 0o666);
    for (const name of ['govsim', 'v20', 'v22', 'v24', 'tmp', 'x.tmp']) symlinkSync(victim, join(shared, name));
    const before = readdirSync(shared).sort();
    for (const dir of [shared, join(shared, 'govsim'), join(shared, 'fresh')]) {
      const run = govsim(['councils'], { GOVSIM_CACHE_DIR: dir }, NOBODY);
      expectClean(run);
      expect(run.stdout).toContain('Baghdad');
    }
    expect(readFileSync(victim, 'utf8')).toBe('precious\n');
    // Nothing written there: the directory is not the user's alone, so it is not used.
    expect(readdirSync(shared).sort()).toEqual(before);
  });

  it.runIf(isRoot)('owned by someone else is not used, even by a user who may write it', () => {
    const theirs = join(scratch, 'theirs');
    mkdirSync(theirs, { mode: 0o700 });
    chownSync(theirs, NOBODY, NOBODY);
    const run = govsim(['councils'], { GOVSIM_CACHE_DIR: theirs });
    expectClean(run);
    expect(readdirSync(theirs)).toEqual([]);
  });
});

describe('entries of the compile cache', () => {
  const cache = join(scratch, 'cache');
  const files = (): string[] => (existsSync(cache) ? readdirSync(cache, { recursive: true, encoding: 'utf8' }).map((name) => join(cache, name)).filter((path) => lstatSync(path).isFile()) : []);
  const reference: Record<string, string> = {};

  beforeAll(() => {
    const env = { GOVSIM_CACHE_DIR: '' };
    reference['councils'] = govsim(['councils'], env).stdout;
    reference['--version'] = govsim(['--version'], env).stdout;
    reference['run'] = govsim(['run', 'baseline', '--format', 'json'], env).stdout;
  });

  const allAnswersRight = (): void => {
    for (const [args, key] of [[['councils'], 'councils'], [['--version'], '--version'], [['run', 'baseline', '--format', 'json'], 'run']] as const) {
      const run = govsim(args, { GOVSIM_CACHE_DIR: cache });
      expectClean(run);
      expect(run.stdout).toBe(reference[key]);
    }
  };

  it(`are ${hasCompileCache ? 'written by Node in a private directory' : 'never written (Node 20 has no compile cache)'}`, () => {
    // Other tests of this block (in any order) plant files here: compare with what was there before.
    const before = files();
    allAnswersRight();
    if (hasCompileCache) {
      expect(statSync(cache).mode & 0o077).toBe(0);
      expect(files().length).toBeGreaterThan(0);
    } else {
      expect(files()).toEqual(before);
    }
  });

  it('replaced by code compiled from another script of the same length are not run: the answers stay right', () => {
    allAnswersRight();
    const ours = files();
    // A foreign script as long as the command line's bundle, compiled into the same cache by Node.
    const bundle = readFileSync(join(pkg, 'dist', 'bin', 'cli.cjs'), 'utf8');
    const foreign = join(scratch, 'foreign.cjs');
    const payload = 'process.stdout.write("FOREIGN CODE RAN\\n");\n//';
    writeFileSync(foreign, payload + 'x'.repeat(Buffer.byteLength(bundle) - payload.length));
    spawnSync(process.execPath, [foreign], { env: { ...process.env, NODE_COMPILE_CACHE: cache }, stdio: 'ignore' });
    const added = files().filter((file) => !ours.includes(file));
    if (hasCompileCache) expect(added.length).toBeGreaterThan(0);
    for (const file of ours) for (const source of added) writeFileSync(file, readFileSync(source));
    for (const args of [['councils'], ['--version']]) {
      const run = govsim(args, { GOVSIM_CACHE_DIR: cache });
      expectClean(run);
      expect(run.stdout).not.toContain('FOREIGN CODE RAN');
    }
    allAnswersRight();
  });

  it.each([
    ['flipped bytes in the middle', (bytes: Buffer) => Buffer.from(bytes.map((byte, i) => (i > bytes.length / 2 && i % 7 === 0 ? byte ^ 0xff : byte)))],
    ['truncated', (bytes: Buffer) => bytes.subarray(0, Math.floor(bytes.length / 3))],
    ['empty', () => Buffer.alloc(0)],
    ['random', (bytes: Buffer) => Buffer.from(bytes.map(() => Math.floor(Math.random() * 256)))],
  ])('damaged (%s) cause no crash and no crash loop: --version and every command work', (_what, damage) => {
    allAnswersRight();
    for (const file of files()) writeFileSync(file, damage(readFileSync(file)));
    // Twice: a damaged entry replaced by the first run, or left, must not break the second.
    allAnswersRight();
    allAnswersRight();
  });

  it('planted where entries go (garbage files, directories, symlinks) change nothing', () => {
    mkdirSync(cache, { recursive: true, mode: 0o700 });
    const victim = join(scratch, 'victim-2.txt');
    writeFileSync(victim, 'precious\n');
    for (const dir of [cache, ...readdirSync(cache).map((name) => join(cache, name)).filter((path) => lstatSync(path).isDirectory())]) {
      writeFileSync(join(dir, 'garbage'), 'not a cache entry');
      mkdirSync(join(dir, 'a-directory'), { recursive: true });
      symlinkSync(victim, join(dir, `link-${Math.random().toString(16).slice(2)}`));
    }
    allAnswersRight();
    expect(readFileSync(victim, 'utf8')).toBe('precious\n');
  });
});
