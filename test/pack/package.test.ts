/**
 * The package as a user gets it: `npm pack`, then a fresh project installs the tarball (offline, from
 * the npm cache `npm ci` filled, through a lockfile derived from ours) and uses all three faces from it:
 *
 * - its vitest suites import `govsim` and register `govsim/vitest` with `setupFiles`: the examples,
 *   the README's and docs' test blocks and a consumer suite pass; a deliberately failing suite fails
 *   with messages that explain the arithmetic;
 * - `tsc` type-checks the project against the packed declarations (the `Matchers` augmentation
 *   included, with a `@ts-expect-error` on a wrong argument);
 * - the README's and docs' scripts and the TypeScript scenario example run and print what their
 *   comments say; the batch example runs the installed `govsim` bin.
 *
 * vitest, tsx and @types/node are linked from this repository, as a consumer's devDependencies.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, ensureBuilt } from '../helpers/cli.js';
import { fencedBlocks } from '../helpers/markdown.js';

const scratch = mkdtempSync(join(tmpdir(), 'govsim-pack-'));
const project = join(scratch, 'project');
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

interface PackResult {
  readonly filename: string;
  readonly integrity: string;
  readonly files: readonly { readonly path: string }[];
}

interface LockEntry {
  readonly dev?: boolean;
  readonly devOptional?: boolean;
  readonly [key: string]: unknown;
}

let packed: PackResult;

/** The environment of a child tool: this run's vitest variables removed, so the nested vitest starts clean. */
function childEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) if (!key.startsWith('VITEST') && key !== 'NODE_OPTIONS') env[key] = value;
  return { ...env, npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false', NO_COLOR: '1', ...extra };
}

function run(command: string, args: readonly string[], options: { cwd: string; env?: NodeJS.ProcessEnv; timeout?: number }): SpawnSyncReturns<string> {
  const result = spawnSync(command, args, { cwd: options.cwd, env: options.env ?? childEnv(), encoding: 'utf8', timeout: options.timeout ?? 90_000 });
  if (result.error) throw result.error;
  return result;
}

function describeFailure(what: string, result: SpawnSyncReturns<string>): string {
  return `${what} exited ${String(result.status)}\n--- stdout\n${result.stdout}\n--- stderr\n${result.stderr}`;
}

/** The consumer's lockfile: the tarball plus the runtime part of ours, so `npm ci --offline` needs no registry. */
function consumerLock(tarball: string): unknown {
  const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as Record<string, unknown>;
  const ours = JSON.parse(readFileSync(join(REPO_ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockEntry> };
  const packages: Record<string, unknown> = {
    '': { name: 'consumer', dependencies: { govsim: `file:../${tarball}` } },
    'node_modules/govsim': {
      version: manifest['version'],
      resolved: `file:../${tarball}`,
      integrity: packed.integrity,
      license: manifest['license'],
      dependencies: manifest['dependencies'],
      bin: manifest['bin'],
      engines: manifest['engines'],
      peerDependencies: manifest['peerDependencies'],
      peerDependenciesMeta: manifest['peerDependenciesMeta'],
    },
  };
  for (const [path, entry] of Object.entries(ours.packages)) {
    if (!path.startsWith('node_modules/') || entry.dev === true || entry.devOptional === true) continue;
    // Our lockfile omits `resolved` (npmrc omit-lockfile-registry-resolved); with it, npm takes the tarball
    // from the cache by integrity instead of asking the registry for metadata first.
    const name = path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);
    packages[path] = { ...entry, resolved: `https://registry.npmjs.org/${name}/-/${name.split('/').at(-1)!}-${String(entry['version'])}.tgz` };
  }
  return { name: 'consumer', lockfileVersion: 3, requires: true, packages };
}

/** A consumer's own suite: every matcher through the installed package, passing. */
const PASSING_SUITE = `
import { describe, expect, it } from 'vitest';
import { govsimMatchers } from 'govsim/vitest';
import { GovsimDataError, GovsimUsageError, loadScenario, runScenario, scenario, scenarioFromDocument } from 'govsim';

const baseline = runScenario(loadScenario('baseline'));

describe('a consumer of the packed govsim', () => {
  it('asserts with every matcher, negated and asymmetric', () => {
    expect(baseline).toFormMajority('maysan');
    expect(baseline).toFormMajority('baghdad', ['state-of-law', 'nabni', 'taqaddum', 'nsf']);
    expect(baseline).toElectGovernor('basra', 'tasmim');
    expect('badr-sadr-najaf-maysan').toDeadlock('najaf');
    expect(scenario('boycott').absent({ council: 'najaf', units: ['nabni', 'state-of-law', 'wafaa'] })).toLackQuorum('najaf');
    expect(baseline).toBePivotal('najaf', 'nsf');
    expect(baseline).not.toBePivotal('najaf', 'absher');
    expect(baseline).toHingeOn('basra', { votesAgainst: 'tasmim' });
    expect(baseline).toHaveGroup('najaf', 'A');
    expect({ run: baseline }).toEqual({ run: expect.toHaveGroup('baghdad', 'C') });
    expect('baseline').toNeedPartners('wasit', 'cf', 1);
    expect('baseline').toBreakWithout('najaf', ['nsf']);
    expect('baseline').toGovernWithPackage('cf', ['tasmim'], 7);
    expect(Object.keys(govsimMatchers).sort()).toEqual(
      ['toBePivotal', 'toBreakWithout', 'toDeadlock', 'toElectGovernor', 'toFormMajority', 'toGovernWithPackage', 'toHaveGroup', 'toHingeOn', 'toLackQuorum', 'toNeedPartners'],
    );
  });

  it('gets typed errors from the package', () => {
    expect(() => scenarioFromDocument({ name: 'x', steps: [{ split: { council: 'najaf' } }] }, { file: 'mine.yaml' })).toThrow(GovsimDataError);
    expect(() => expect(baseline).toDeadlock('atlantis')).toThrow(GovsimUsageError);
  });
});

// Never called: the packed declarations must reject a wrong argument.
export function typeErrors(): void {
  // @ts-expect-error the group is A, B or C
  expect(baseline).toHaveGroup('najaf', 'D');
  // @ts-expect-error a seat move names a unit
  expect(baseline).toHingeOn('basra', { from: 7 });
}
`;

/** Deliberately failing assertions, whose messages the outer test reads. */
const FAILING_SUITE = `
import { expect, it } from 'vitest';
import { loadScenario, runScenario } from 'govsim';

it('expects a Badr governor in Najaf under the Badr–Sadr deal', () => {
  expect('badr-sadr-najaf-maysan').toElectGovernor('najaf', 'badr');
});

it('expects the CF four to govern Baghdad', () => {
  expect(runScenario(loadScenario('baseline'))).toFormMajority('baghdad', ['state-of-law', 'nabni', 'nsf', 'absher']);
});

it('expects Basra not to hinge on one seat', () => {
  expect('baseline').not.toHingeOn('basra');
});
`;

const TSCONFIG = {
  compilerOptions: {
    target: 'ES2023',
    lib: ['ES2023'],
    module: 'nodenext',
    moduleResolution: 'nodenext',
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    types: ['node'],
  },
  include: ['**/*.ts'],
  // The runner the docs-scripts case writes imports the scripts by their .ts names (for tsx); tests run
  // in a shuffled order, so it may exist when the type check runs.
  exclude: ['node_modules', 'run-doc-scripts.ts'],
};

interface DocScript {
  readonly name: string;
  readonly file: string;
  /** What the script's `console.log(…); // expected` lines say they print, in order. */
  readonly expected: readonly string[];
}

const scripts: DocScript[] = [];
const docTests: string[] = [];

/** Writes the ```ts govsim-test and ```ts govsim-script blocks of the README and docs into the project. */
function writeDocBlocks(): void {
  const documents = ['README.md', ...readdirSync(join(REPO_ROOT, 'docs')).filter((file) => file.endsWith('.md')).map((file) => `docs/${file}`)];
  mkdirSync(join(project, 'doc-blocks'));
  for (const document of documents) {
    const stem = basename(document, '.md').toLowerCase();
    for (const block of fencedBlocks(readFileSync(join(REPO_ROOT, document), 'utf8'))) {
      if (block.info === 'ts govsim-test') {
        const file = `doc-blocks/${stem}-${block.line}.test.ts`;
        writeFileSync(join(project, file), block.code);
        docTests.push(file);
      } else if (block.info === 'ts govsim-script') {
        const file = `doc-blocks/${stem}-${block.line}.ts`;
        writeFileSync(join(project, file), block.code);
        const expected = [...block.code.matchAll(/console\.log\(.*\);\s*\/\/\s*(.+)$/gm)].map((match) => match[1]!.trim());
        scripts.push({ name: `${document}:${block.line}`, file, expected });
      }
    }
  }
  scripts.push({ name: 'examples/badr-split.ts', file: 'examples/badr-split.ts', expected: [] });
}

/** Entries of the package a build must have produced. */
const BUILT = [
  'dist/index.mjs',
  'dist/index.d.ts',
  'dist/testing/matchers.mjs',
  'dist/testing/matchers.d.ts',
  'dist/bin/cli.cjs',
  'dist/bin/compile-cache.cjs',
  'dist/bin/explorer-main.cjs',
  'dist/bin/explorer.mjs',
  'dist/bin/simulate-worker.mjs',
  'dist/snapshot.json',
];

/**
 * A copy of what `npm pack` reads (package.json, the README and the `files` of the manifest), taken
 * right after a build: another test worker may rebuild dist/ (deleting it first) while npm reads it.
 */
function stagePackage(): string {
  const stage = join(scratch, 'stage');
  const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { files: string[] };
  for (let attempt = 1; ; attempt++) {
    ensureBuilt();
    rmSync(stage, { recursive: true, force: true });
    mkdirSync(stage);
    for (const entry of ['package.json', 'README.md', ...manifest.files]) {
      if (existsSync(join(REPO_ROOT, entry))) cpSync(join(REPO_ROOT, entry), join(stage, entry), { recursive: true });
    }
    if (BUILT.every((file) => existsSync(join(stage, file)))) return stage;
    if (attempt === 3) throw new Error(`dist/ kept changing while it was copied: missing ${BUILT.filter((file) => !existsSync(join(stage, file))).join(', ')}`);
  }
}

beforeAll(() => {
  const pack = run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', scratch], { cwd: stagePackage() });
  expect(pack.status, describeFailure('npm pack', pack)).toBe(0);
  packed = (JSON.parse(pack.stdout) as PackResult[])[0]!;

  mkdirSync(project);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module', dependencies: { govsim: `file:../${packed.filename}` } }, null, 2));
  writeFileSync(join(project, 'package-lock.json'), JSON.stringify(consumerLock(packed.filename), null, 2));
  const install = run('npm', ['ci', '--offline', '--ignore-scripts', '--no-audit', '--no-fund'], { cwd: project, timeout: 120_000 });
  if (install.status !== 0 && /ENOTCACHED/.test(install.stderr)) {
    throw new Error(`the npm cache lacks govsim's dependencies; run \`npm ci\` in the repository first (it fills the cache)\n${install.stderr}`);
  }
  expect(install.status, describeFailure('npm ci --offline', install)).toBe(0);

  // A consumer's devDependencies, linked rather than installed.
  mkdirSync(join(project, 'node_modules', '@types'), { recursive: true });
  for (const name of ['vitest', 'tsx', '@types/node']) symlinkSync(join(REPO_ROOT, 'node_modules', name), join(project, 'node_modules', name), 'dir');

  cpSync(join(REPO_ROOT, 'examples'), join(project, 'examples'), { recursive: true, filter: (source) => basename(source) !== 'tsconfig.json' });
  cpSync(join(REPO_ROOT, 'examples', 'vitest.config.mts'), join(project, 'vitest.config.mts'));
  writeFileSync(join(project, 'tsconfig.json'), JSON.stringify(TSCONFIG, null, 2));
  mkdirSync(join(project, 'consumer'));
  writeFileSync(join(project, 'consumer', 'passing.test.ts'), PASSING_SUITE);
  writeFileSync(join(project, 'consumer', 'failing.test.ts'), FAILING_SUITE);
  writeDocBlocks();
}, 300_000);

describe('the packed tarball', () => {
  it('holds the library, the matchers, the bin, the data and the docs, and nothing of the repository\'s tests', () => {
    const files = packed.files.map((file) => file.path);
    for (const file of [
      'package.json',
      'README.md',
      'bin/govsim.cjs',
      ...BUILT,
      'data/iraq-2023/dataset.yaml',
      'scenarios/baseline.yaml',
      'docs/library.md',
    ]) {
      expect(files, file).toContain(file);
    }
    expect(files.filter((file) => /^(test|node_modules|examples|\.tmp|bench)\//.test(file))).toEqual([]);
    // The matchers' declarations carry the vitest augmentation.
    expect(readFileSync(join(project, 'node_modules/govsim/dist/testing/matchers.d.ts'), 'utf8')).toMatch(/declare module 'vitest'[\s\S]*interface Matchers<T = any> extends GovsimMatchers<T>/);
  });
});

describe('a project that installs it', () => {
  it('type-checks against the packed declarations', () => {
    const tsc = run(process.execPath, [join(REPO_ROOT, 'node_modules/typescript-7/bin/tsc'), '-p', 'tsconfig.json'], { cwd: project });
    expect(tsc.status, describeFailure('tsc', tsc)).toBe(0);
  }, 90_000);

  it('runs vitest with setupFiles: [\'govsim/vitest\']: the passing suites pass, the failing one explains the arithmetic', () => {
    const report = join(scratch, 'report.json');
    const vitest = run(process.execPath, [join(REPO_ROOT, 'node_modules/vitest/vitest.mjs'), 'run', '--reporter=json', `--outputFile=${report}`], { cwd: project, timeout: 110_000 });
    interface Assertion {
      readonly title: string;
      readonly status: string;
      readonly failureMessages: readonly string[];
    }
    const results = (JSON.parse(readFileSync(report, 'utf8')) as { testResults: { name: string; assertionResults: Assertion[] }[] }).testResults;
    const byFile = new Map(results.map((entry) => [entry.name.slice(project.length + 1), entry.assertionResults]));

    const passingFiles = ['consumer/passing.test.ts', 'examples/council-outcomes.test.ts', ...docTests];
    expect([...byFile.keys()].sort(), describeFailure('vitest', vitest)).toEqual([...passingFiles, 'consumer/failing.test.ts'].sort());
    for (const file of passingFiles) {
      const failed = byFile.get(file)!.filter((entry) => entry.status !== 'passed');
      expect(failed.map((entry) => `${entry.title}: ${entry.failureMessages.join('\n')}`), file).toEqual([]);
      expect(byFile.get(file)!.length, file).toBeGreaterThan(0);
    }

    const failing = new Map(byFile.get('consumer/failing.test.ts')!.map((entry) => [entry.title, stripVTControlCharacters(entry.failureMessages.join('\n'))]));
    expect([...failing.keys()].length).toBe(3);
    for (const entry of byFile.get('consumer/failing.test.ts')!) expect(entry.status, entry.title).toBe('failed');
    // Najaf, 15 members, majority 8: deal badr 1 + hikma 1 + 1 wathiqoon defector = 3 < 8; CF rump
    // aah 2 + state-of-law 3 + nasr 1 + absher 1 = 7 < 8, short by 1 (the strongest claim).
    const badr = failing.get('expects a Badr governor in Najaf under the Badr–Sadr deal')!;
    expect(badr).toContain('expect(scenario).toElectGovernor(council, party)');
    expect(badr).toContain('Expected: a governor from badr in najaf');
    expect(badr).toContain('Received: no governor: deadlock (cf (rump without badr, hikma) for state-of-law: 7 of 8 votes, short by 1)');
    expect(badr).toContain('najaf (Najaf): 15 members, absolute majority floor(15/2) + 1 = 8; present 15 ≥ 8, quorum met');
    expect(badr).toContain('deal badr-sadr: badr 1 + hikma 1 + wathiqoon>badr-sadr 1 + sadrists 0 = 3 < 8');
    // Baghdad, 52 members, majority 27: 9 + 9 + 5 + 2 = 25 < 27.
    const baghdad = failing.get('expects the CF four to govern Baghdad')!;
    expect(baghdad).toContain('present members state-of-law 9 + nabni 9 + nsf 5 + absher 2 = 25 < 27, short by 2');
    // Basra: Tasmim 12 of 12, margin 0.
    const basra = failing.get('expects Basra not to hinge on one seat')!;
    expect(basra).toContain('expect(scenario).not.toHingeOn(council)');
    expect(basra).toContain('1 tasmim member absent: present 23 → 22: tasmim 12 → 11 of 12 needed: loses the majority');
    expect(vitest.status).toBe(1);
  }, 120_000);

  it('runs the docs\' scripts and the TypeScript scenario example, printing what their comments say', () => {
    // One process imports them in turn, with a marker line before each.
    const runner = scripts.map((script) => `console.log(${JSON.stringify(`--- ${script.name}`)});\nawait import(${JSON.stringify(`./${script.file}`)});`).join('\n');
    // A module script, not TypeScript: the type-check test (in any order) must not see its `.ts` imports.
    writeFileSync(join(project, 'run-doc-scripts.mjs'), `${runner}\n`);
    const tsx = run(process.execPath, [join(project, 'node_modules/tsx/dist/cli.mjs'), 'run-doc-scripts.mjs'], { cwd: project });
    expect(tsx.status, describeFailure('tsx', tsx)).toBe(0);
    expect(tsx.stderr).toBe('');
    const outputs = tsx.stdout.split(/^--- /m).slice(1);
    expect(outputs.length).toBe(scripts.length);
    scripts.forEach((script, i) => {
      const [name, ...lines] = outputs[i]!.trimEnd().split('\n');
      expect(name).toBe(script.name);
      expect(lines.length, `${script.name} prints something`).toBeGreaterThan(0);
      let from = 0;
      for (const expected of script.expected) {
        const at = lines.findIndex((line, index) => index >= from && line.trim() === expected);
        expect(at, `${script.name} prints "${expected}"\n${lines.join('\n')}`).toBeGreaterThanOrEqual(0);
        from = at + 1;
      }
    });
    expect(scripts.filter((script) => script.expected.length > 0).length).toBeGreaterThan(1);
  }, 90_000);

  it('runs the batch example with the installed govsim bin', () => {
    const path = `${join(project, 'node_modules', '.bin')}:${process.env['PATH'] ?? ''}`;
    const batch = run('sh', ['examples/batch.sh'], { cwd: project, env: childEnv({ PATH: path, TMPDIR: scratch }) });
    expect(batch.status, describeFailure('examples/batch.sh', batch)).toBe(0);
    expect(batch.stdout).toContain('ok examples/scenarios/badr-splits-najaf.yaml');
    expect(batch.stdout).toMatch(/\| najaf \| status \| elected \| deadlock \|/);
    expect(batch.stdout).toContain('all 4 expectations hold in 2 scenarios');
    const version = run(join(project, 'node_modules', '.bin', 'govsim'), ['--version'], { cwd: project });
    expect(version.stdout.trim()).toBe((JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version);
  }, 90_000);
});
