/**
 * Accepted input that used to crash, hang or mislead, where the outcome is not a 65/66 rejection (the
 * bad-input corpus covers those): ids named like Object.prototype members, globs, a closed pipe, a lost
 * terminal, an unreadable directory, diffs across datasets, power games too large to count, and the
 * largest councils the analysis accepts.
 */
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeCouncil, banzhaf, GovsimDataError, GovsimError, loadDataset, loadScenario, scenarioFromDocument, runScenario, shapleyShubik } from '../../src/index.js';
import { globMatcher } from '../../src/scenarios/batch.js';
import { BIN, ensureBuilt, REPO_ROOT, runBin, runCli } from '../helpers/cli.js';

const TINY = join(REPO_ROOT, 'test', 'fixtures', 'datasets', 'tiny');
const work = mkdtempSync(join(tmpdir(), 'govsim-robust-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The tiny dataset with `newt` renamed `constructor`, `badger` `tostring` and the bloc `river` `valueof`. */
function hostileDataset(): string {
  const dir = join(work, 'hostile');
  cpSync(TINY, dir, { recursive: true });
  for (const file of ['dataset.yaml', 'councils/northvale.yaml', 'councils/southmere.yaml']) {
    const path = join(dir, file);
    writeFileSync(path, readFileSync(path, 'utf8').replace(/\bnewt\b/g, 'constructor').replace(/\bbadger\b/g, 'tostring').replace(/\briver\b/g, 'valueof'));
  }
  return dir;
}

describe('ids named like Object.prototype members', () => {
  let dataset: string;
  beforeAll(() => {
    dataset = hostileDataset();
  });

  it('work as lists, blocs and deals through run and check', async () => {
    const scenario = join(work, 'hostile.yaml');
    writeFileSync(
      scenario,
      [
        'name: hostile ids',
        `dataset: ${dataset}`,
        'steps:',
        '  - bloc: { id: hasownproperty, members: [constructor, tostring] }',
        '  - deal: { id: isprototypeof, parties: [heron, otter], councils: all, governor: heron }',
        '  - defect: { council: southmere, from: constructor, seats: 1 }',
        'expect:',
        '  - { council: northvale, governorFrom: heron }',
        '',
      ].join('\n'),
    );
    const run = await runCli(['run', scenario, '--format', 'json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const check = await runCli(['check', scenario]);
    expect(check.stderr).not.toMatch(/TypeError|\n\s+at /);
    expect([0, 1]).toContain(check.code);
  });

  it('a deal named constructor is not "already declared", and an unknown council named so is reported', async () => {
    const scenario = join(work, 'constructor-deal.yaml');
    writeFileSync(scenario, `name: c\ndataset: ${dataset}\nsteps:\n  - deal: { id: constructor, parties: [heron, otter], councils: all, governor: heron }\nexpect:\n  - { council: constructor, status: elected }\n`);
    const result = await runCli(['check', scenario]);
    expect(result.code).toBe(65);
    // Refused because this dataset has a list of that id, not because Object.prototype has one.
    expect(result.stderr).toContain('steps[0].deal.id: "constructor" is a list, faction or member; a deal needs another id');
    expect(result.stderr).not.toContain('already declared');
    writeFileSync(scenario, `name: c\ndataset: ${dataset}\nexpect:\n  - { council: constructor, status: elected }\n`);
    const council = await runCli(['check', scenario]);
    expect(council.code).toBe(65);
    expect(council.stderr).toContain('expect[0].council: unknown council "constructor"');
  });

  it('the library throws GovsimError, never TypeError', () => {
    for (const id of ['constructor', 'tostring', 'valueof', 'hasownproperty']) {
      const documents = [
        { name: 'x', dataset, steps: [{ defect: { council: id, from: 'heron', seats: 1 } }] },
        { name: 'x', dataset, steps: [{ join: { deal: id, units: ['heron'], councils: 'all' } }] },
        { name: 'x', dataset, expect: [{ council: id, status: 'elected' }] },
      ];
      for (const document of documents) {
        expect(() => runScenario(scenarioFromDocument(document as never))).toThrow(GovsimError);
      }
      const council = { id: 'c', name: 'C', units: [{ id: 'a', name: 'A', kind: 'list' as const, seats: 3 }] };
      expect(() => analyzeCouncil(council, { coalition: [id] })).toThrow(GovsimError);
    }
  });
});

describe('the library with input of the wrong shape or size', () => {
  it('throws GovsimError for malformed councils, games and references, and for councils too large to analyse', () => {
    const calls: (() => unknown)[] = [
      () => analyzeCouncil(null as never),
      () => analyzeCouncil({ id: 'c', name: 'C', units: 5 as never }),
      () => analyzeCouncil({ id: 'c', name: 'C', units: [null as never] }),
      // Two lists of 10^9 seats took 34 s.
      () => analyzeCouncil({ id: 'c', name: 'C', units: [{ id: 'a', name: 'A', kind: 'list', seats: 1e9 }, { id: 'b', name: 'B', kind: 'list', seats: 1e9 }] }),
      () => banzhaf(null as never),
      () => loadDataset(5 as never),
      () => loadScenario(5 as never),
      () => scenarioFromDocument({ name: 'title \u001b]0;pwned\u0007' }),
      () => scenarioFromDocument({ name: 'reversed \u202eevil' }),
    ];
    for (const call of calls) expect(call).toThrow(GovsimError);
  });
});

describe('councils at the unit limit (48 voting units)', () => {
  /** Baghdad (14 units) with Nabni split into `factions`: 13 + factions units. */
  function splitScenario(factions: number): string {
    const into = Array.from({ length: factions }, (_, i) => `f${i}: ${i < 9 ? 1 : 0}`).join(', ');
    const file = join(work, `split-${factions}.yaml`);
    writeFileSync(file, `name: split into ${factions}\nsteps:\n  - split: { council: baghdad, list: nabni, into: { ${into} } }\n`);
    return file;
  }

  it('48 units run through the CLI; 49 are refused with the limit named', async () => {
    const accepted = await runCli(['run', splitScenario(35), '--format', 'json']);
    expect(accepted.stderr).toBe('');
    expect(accepted.code).toBe(0);
    const refused = await runCli(['run', splitScenario(36)]);
    expect(refused.code).toBe(65);
    expect(refused.stderr).toContain('council baghdad would have 49 voting units; the analysis handles at most 48');
  });

  it('incompatible pairs too many to weigh are refused naming the scenario file, not left to run for ever', async () => {
    // Thirteen disjoint pairs: 3^13 incompatibility-free combinations, each weighed against every pair of units.
    const into = Array.from({ length: 26 }, (_, i) => `f${i}: ${i < 9 ? 1 : 0}`).join(', ');
    const pairs = Array.from({ length: 13 }, (_, i) => `  - incompatible: { between: [f${2 * i}, f${2 * i + 1}], councils: [baghdad] }`).join('\n');
    const file = join(work, 'many-pairs.yaml');
    writeFileSync(file, `name: many pairs\nsteps:\n  - split: { council: baghdad, list: nabni, into: { ${into} } }\n${pairs}\n`);
    const start = performance.now();
    const result = await runCli(['run', file]);
    expect(result.code).toBe(65);
    expect(result.stderr).toContain(`${file}: steps (constraints.incompatible): council baghdad: the incompatible pairs among its 26 units`);
    expect(performance.now() - start).toBeLessThan(20_000);
    // Blocs declared incompatible stay within the bound at the sizes of real councils and beyond: 14 units
    // (2 seats each) against 10 (1 seat), with 16 free units of 1 seat; 28 of 54 is the majority, which the
    // second bloc (10 + 16 at most) cannot reach, so the winning coalitions take i of the first bloc and j free
    // units with 2i + j ≥ 28.
    const units = Array.from({ length: 40 }, (_, u) => ({ id: `l${u}`, name: `L${u}`, kind: 'list' as const, seats: u < 14 ? 2 : 1, blocs: u < 14 ? ['left'] : u < 24 ? ['right'] : [] }));
    const analysis = analyzeCouncil({ id: 'c', name: 'C', units, constraints: { incompatible: [['left', 'right']] } }, { power: false });
    const choose = (n: number, k: number): number => (k < 0 || k > n ? 0 : k === 0 ? 1 : (choose(n - 1, k - 1) * n) / k);
    let winning = 0;
    for (let i = 0; i <= 14; i++) for (let j = 0; j <= 16; j++) if (2 * i + j >= 28) winning += choose(14, i) * choose(16, j);
    expect(analysis.winning.count).toBe(winning);
  });

  it('the library analyses 48 units and refuses 49 with a GovsimDataError', () => {
    const units = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `l${i}`, name: `L${i}`, kind: 'list' as const, seats: 1 + (i % 3) }));
    const analysis = analyzeCouncil({ id: 'c', name: 'C', units: units(48), constraints: { incompatible: [['l0', 'l47']], required: ['l40'] } });
    expect(analysis.winning.minimal.length).toBeGreaterThan(0);
    expect(analysis.winning.minimal.every((c) => c.units.includes('l40') && !(c.units.includes('l0') && c.units.includes('l47')))).toBe(true);
    expect(() => analyzeCouncil({ id: 'c', name: 'C', units: units(49) })).toThrow(GovsimDataError);
  });
});

describe('globs', () => {
  it('braces holding ** and ?, and thirty *a, match without error or delay', () => {
    expect(globMatcher('{a**,b}')('a.yaml')).toBe(true);
    expect(globMatcher('{?,b}.yaml')('a.yaml')).toBe(true);
    const start = performance.now();
    expect(globMatcher(`${'*a'.repeat(30)}*b`)(`${'a'.repeat(200)}.yaml`)).toBe(false);
    expect(performance.now() - start).toBeLessThan(1000);
  });

  it('a brace bomb or an overlong pattern is a usage error', async () => {
    const bomb = await runCli(['run', join(work, '{a,b}'.repeat(30))]);
    expect(bomb.code).toBe(2);
    expect(bomb.stderr).toContain('expand to more than 1000 patterns');
    const long = await runCli(['run', join(work, `${'*'.repeat(2000)}.yaml`)]);
    expect(long.code).toBe(2);
    expect(long.stderr).toContain('glob pattern too long');
  });

  // CI runs as root, which reads anything: the walk runs as nobody. A checkout nobody cannot enter (a
  // mode-700 temporary copy, as the mutation-testing sandbox is) cannot run the bin as nobody at all.
  const nobody = ['--reuid=65534', '--regid=65534', '--clear-groups'];
  const asNobody =
    process.getuid?.() === 0 &&
    spawnSync('setpriv', [...nobody, process.execPath, '-e', `require('node:fs').accessSync(${JSON.stringify(BIN)})`]).status === 0;
  it.runIf(asNobody)('an unreadable directory in a walk is a clear error, not a stack (as nobody)', () => {
    ensureBuilt();
    const dir = mkdtempSync(join(tmpdir(), 'govsim-locked-'));
    try {
      mkdirSync(join(dir, 'open'));
      mkdirSync(join(dir, 'locked'));
      writeFileSync(join(dir, 'open', 'a.yaml'), 'name: a\n');
      chmodSync(dir, 0o755);
      chmodSync(join(dir, 'open'), 0o755);
      chmodSync(join(dir, 'locked'), 0o000);
      for (const input of [dir, join(dir, '**', '*.yaml')]) {
        const result = spawnSync('setpriv', [...nobody, process.execPath, BIN, 'run', input], { encoding: 'utf8', env: { ...process.env, HOME: dir } });
        expect(result.status, result.stderr).toBe(65);
        expect(result.stderr).toContain('locked: cannot read directory: permission denied');
        expect(result.stderr).not.toMatch(/\n\s+at |internal error/);
      }
    } finally {
      chmodSync(join(dir, 'locked'), 0o755);
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('a reader that goes away', () => {
  it('`govsim run … | head -c 10` ends quietly (EPIPE)', async () => {
    ensureBuilt();
    const dir = join(work, 'many');
    mkdirSync(dir);
    for (let i = 0; i < 150; i++) cpSync(join(REPO_ROOT, 'scenarios', 'baseline.yaml'), join(dir, `s${i}.yaml`));
    const child = spawn(process.execPath, [BIN, 'run', dir, '--format', 'json'], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });

  const python = spawnSync('python3', ['-c', 'import pty']).status === 0;
  it.runIf(python)('closing the terminal under the explorer ends quietly (EIO)', () => {
    ensureBuilt();
    const errors = join(work, 'explorer-stderr.txt');
    // A pseudo-terminal closed after the first frame; SIGHUP ignored, as under nohup, so the reads and writes fail instead.
    const script = `
import os, pty, signal, time
pid, fd = pty.fork()
if pid == 0:
    err = os.open(${JSON.stringify(errors)}, os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
    os.dup2(err, 2)
    signal.signal(signal.SIGHUP, signal.SIG_IGN)
    os.execv(${JSON.stringify(process.execPath)}, [${JSON.stringify(process.execPath)}, ${JSON.stringify(BIN)}])
time.sleep(3)
try: os.read(fd, 100000)
except OSError: pass
os.close(fd)
for _ in range(100):
    done, status = os.waitpid(pid, os.WNOHANG)
    if done:
        print(os.waitstatus_to_exitcode(status))
        break
    time.sleep(0.1)
else:
    os.kill(pid, 9)
    print('hung')
`;
    const result = spawnSync('python3', ['-c', script], { encoding: 'utf8', cwd: REPO_ROOT, timeout: 30_000 });
    expect(result.stdout.trim()).toBe('130');
    expect(readFileSync(errors, 'utf8')).toBe('');
  });
});

describe('error reports', () => {
  it('are bounded: at most 100 lines of 1,000 characters, with what was left out counted', async () => {
    const order = await runCli(['analyze', 'najaf', '--order', Array.from({ length: 5000 }, () => 'nabni').join(',')]);
    expect(order.code).toBe(2);
    const lines = order.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(101);
    expect(lines.at(-1)).toBe('… and 4899 more problems');
    const long = await runCli(['analyze', 'najaf', '--coalition', ','.repeat(100_000)]);
    expect(long.code).toBe(2);
    expect(long.stderr.length).toBeLessThan(1200);
    expect(long.stderr).toContain('more characters)');
  });
});

describe('diff', () => {
  it('refuses scenarios on different datasets (exit 2), instead of "0 councils changed"', async () => {
    const other = join(work, 'other-dataset');
    cpSync(TINY, other, { recursive: true });
    writeFileSync(join(work, 'on-tiny.yaml'), `name: on tiny\ndataset: ${TINY}\n`);
    writeFileSync(join(work, 'on-other.yaml'), `name: on other\ndataset: ${other}\n`);
    const result = await runCli(['diff', join(work, 'on-other.yaml'), '--against', join(work, 'on-tiny.yaml')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('they use different datasets');
    expect(result.stdout).toBe('');
  });
});

describe('power games too large to count', () => {
  it('the library refuses 100,000 players at once with a GovsimDataError', () => {
    const weights = Array.from({ length: 100_000 }, (_, i) => 1 + (i % 3));
    const quota = 100_001;
    const start = performance.now();
    expect(() => shapleyShubik({ quota, weights })).toThrow(GovsimDataError);
    expect(() => banzhaf({ quota, weights })).toThrow(GovsimDataError);
    expect(performance.now() - start).toBeLessThan(2000);
  });

  it('`govsim power` with 30,000 players exits 65 naming the limit', () => {
    ensureBuilt();
    const weights = Array.from({ length: 30_000 }, (_, i) => 1 + (i % 3)).join(',');
    const result = runBin(['power', '--weights', weights, '--quota', '30001']);
    expect(result.code).toBe(65);
    expect(result.stderr).toContain('command line: weights:');
    expect(result.stderr).toContain('30,000 players');
  });
});
