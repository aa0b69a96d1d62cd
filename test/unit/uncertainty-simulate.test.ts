import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { ensureBuilt, REPO_ROOT } from '../helpers/cli.js';
import { GovsimDataError, GovsimUsageError } from '../../src/model/errors.js';
import { formatRational, rational, rationalToNumber } from '../../src/model/rational.js';
import { BLOCK_SIZE, wilsonInterval } from '../../src/model/uncertainty/index.js';
import { bundledScenarioNames, loadScenario } from '../../src/scenarios/scenario-loader.js';
import { type SimulationReport, endIdleWorkers, exactSimulation, monteCarloSimulation, simulationModel } from '../../src/scenarios/simulate.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'govsim-simulate-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

function exactOf(name: string) {
  const simulation = simulationModel(loadScenario(name));
  const attempt = exactSimulation(simulation.model);
  if (!('outcome' in attempt)) throw new Error(attempt.unavailable);
  return { simulation, outcome: attempt.outcome };
}

describe('outside governors', () => {
  it('diyala-2024: the State of Law governor (no Diyala seat) counts for the CF, not the deal\'s largest unit', () => {
    // 1 August 2024: taqaddum, siyada, azm, istiqbal-diyala, asas and puk (11 present of 15, need 8)
    // elected Adnan al-Shammari of State of Law, a CF list without a seat in Diyala. No probabilities
    // block: every figure is 0 or 1. Taqaddum, the deal's largest unit, is not CF; the governor is.
    const { simulation, outcome } = exactOf('diyala-2024');
    const diyala = outcome.councils.find((council) => council.council === 'diyala')!;
    expect(formatRational(diyala.elected)).toBe('1');
    expect(formatRational(diyala.blocGoverns)).toBe('1');
    expect(simulation.model.councils.find((council) => council.id === 'diyala')!.governedByBloc).toBe(true);
  });
});

describe('bundled scenarios with a probabilities block', () => {
  it('kirkuk-2024: the 9-of-9 session happens only if all nine come and nobody breaks ranks', () => {
    // Block: PUK 5 members at 0.97, Qiyada 2 and Ouroba 1 at 0.9, the Christian seat at 0.95; Qiyada
    // defects with 0.1, Ouroba with 0.15. The boycotters vote against if they come, so 9 votes of 16
    // still need all nine present and loyal, whether or not the boycott breaks:
    //   0.97^5 · 0.9^2 · 0.9 · 0.95 · (1 − 0.1) · (1 − 0.15)
    const { simulation, outcome } = exactOf('kirkuk-2024');
    expect(simulation.model.councils.map((council) => council.id)).toEqual(['kirkuk']); // the council the scenario changes
    const expected = rational(97n ** 5n * 9n ** 2n * 9n * 95n * 9n * 85n, 100n ** 5n * 10n ** 2n * 10n * 100n * 10n * 100n);
    const kirkuk = outcome.councils[0]!;
    expect(formatRational(kirkuk.elected)).toBe(formatRational(expected));
    expect(rationalToNumber(kirkuk.elected)).toBeCloseTo(0.45496, 5);
    // The PUK governor is not the CF's: the CF governs no council here (it did not get Kirkuk in 2024).
    expect(formatRational(kirkuk.blocGoverns)).toBe('0');
    expect(outcome.blocGovernsAtLeast.map(formatRational)).toEqual(['1', '0']);
  });

  it('badr-sadr-najaf-maysan: Maysan elects with 237/2500 (hand-computed)', () => {
    // Maysan, majority 7: the deal holds badr 3 + hikma 2 = 5. The CF line holds with 0.7 and then aah,
    // state-of-law and nasr vote against: at most the Sabean seat joins, 6 < 7. Otherwise two more votes
    // are needed from aah 3 (joins 0.1), state-of-law 3 (0.05), nasr 1 (0.4), quota-sabean 1 (0.5):
    // at most one more iff aah and state-of-law stay out and not both nasr and the Sabean join:
    // 0.9 · 0.95 · (1 − 0.4·0.5) = 0.684. P(elected) = 0.3 · (1 − 0.684) = 0.0948 = 237/2500.
    const { outcome } = exactOf('badr-sadr-najaf-maysan');
    const maysan = outcome.councils.find((council) => council.council === 'maysan')!;
    expect(formatRational(maysan.elected)).toBe('237/2500');
    expect(formatRational(maysan.noQuorum)).toBe('0');
    expect(outcome.shockCombinations).toBe(2);
  });

  it('Monte Carlo lands within its interval of the exact values, identically on 1 and 2 workers', async () => {
    const { simulation, outcome } = exactOf('badr-sadr-najaf-maysan');
    const options = { seed: 2024, runs: 6 * BLOCK_SIZE + 17 };
    const one = await monteCarloSimulation(simulation.model, { ...options, workers: 1 });
    const two = await monteCarloSimulation(simulation.model, { ...options, workers: 2 });
    expect(two).toEqual(one);
    outcome.councils.forEach((council, c) => {
      for (const key of ['elected', 'deadlock', 'noQuorum'] as const) {
        const value = rationalToNumber(council[key]);
        const estimate = one.councils[c]![key];
        const interval = wilsonInterval(estimate.count, one.draws, 3.2905); // 99.9%
        expect(value, `${council.council} ${key}`).toBeGreaterThanOrEqual(interval.low);
        expect(value, `${council.council} ${key}`).toBeLessThanOrEqual(interval.high);
      }
    });
    const other = await monteCarloSimulation(simulation.model, { ...options, seed: 2025, workers: 2 });
    expect(other.councils[0]!.elected.count).not.toBe(one.councils[0]!.elected.count);
  });

  it('an aborted worker run reports only whole merged blocks, marked interrupted', async () => {
    const { simulation } = exactOf('kirkuk-2024');
    const controller = new AbortController();
    // Enough blocks that the calling thread cannot finish them all alone while a cold worker still
    // holds block 0 (merged progress waits for it): on a loaded machine 400 blocks could.
    const result = await monteCarloSimulation(simulation.model, {
      runs: 4000 * BLOCK_SIZE,
      workers: 2,
      signal: controller.signal,
      onProgress: (progress) => {
        if (progress.blocks >= 3) controller.abort();
      },
    });
    expect(result.interrupted).toBe(true);
    expect(result.draws).toBeGreaterThanOrEqual(3 * BLOCK_SIZE);
    expect(result.draws).toBeLessThan(4000 * BLOCK_SIZE);
    expect(result.draws % BLOCK_SIZE).toBe(0);
  });

  it('kept workers serve the next run (after an abort, with stale blocks in flight) with the same results', async () => {
    const { simulation } = exactOf('kirkuk-2024');
    const controller = new AbortController();
    await monteCarloSimulation(simulation.model, {
      runs: 400 * BLOCK_SIZE,
      workers: 3,
      signal: controller.signal,
      onProgress: () => controller.abort(),
    });
    const options = { seed: 99, runs: 5 * BLOCK_SIZE + 3 };
    const pooled = await monteCarloSimulation(simulation.model, { ...options, workers: 3 });
    const alone = await monteCarloSimulation(simulation.model, { ...options, workers: 1 });
    expect(pooled.interrupted).toBe(false);
    expect(pooled).toEqual(alone);
    await endIdleWorkers();
    expect(await monteCarloSimulation(simulation.model, { ...options, workers: 2 })).toEqual(alone);
  });

  it('workers start under the parent\'s flags: V8 flags, and `node --input-type=module -e` (which a worker file refuses)', () => {
    ensureBuilt();
    const script = `
      import { loadScenario, monteCarloSimulation, simulationModel } from ${JSON.stringify(pathToFileURL(join(REPO_ROOT, 'dist/index.mjs')).href)};
      const { model } = simulationModel(loadScenario('kirkuk-2024'));
      const result = await monteCarloSimulation(model, { seed: 5, runs: 3 * 4096, workers: 2 });
      process.stdout.write(String(result.draws));`;
    for (const flags of [['--input-type=module'], ['--max-old-space-size=512', '--input-type=module']]) {
      const child = spawnSync(process.execPath, [...flags, '-e', script], { encoding: 'utf8' });
      expect(child.stderr, flags.join(' ')).toBe('');
      expect(child.stdout, flags.join(' ')).toBe(String(3 * 4096));
    }
  });
});

describe('without uncertainty both engines agree with the scenario runner', () => {
  it.each(bundledScenarioNames())('%s: every council\'s status and elected alignment are the runner\'s', async (name) => {
    const loaded = loadScenario(name);
    const certain = simulationModel({ ...loaded, probabilities: undefined }, { councils: 'all' });
    const attempt = exactSimulation(certain.model);
    if (!('outcome' in attempt)) throw new Error(attempt.unavailable);
    const mc = await monteCarloSimulation(certain.model, { runs: 64, seed: 3 });
    attempt.outcome.councils.forEach((council, c) => {
      const result = certain.councils[c]!;
      const model = certain.model.councils[c]!;
      const winner = result.alignments.find((a) => a.status === 'elected');
      const coalition = model.units.filter((unit) => unit.inCoalition).map((unit) => unit.id);
      const expected = { elected: '0', rivalElected: '0', deadlock: '0', noQuorum: '0' };
      const status = result.outcome.status;
      if (status === 'no-quorum') expected.noQuorum = '1';
      else if (status !== 'elected') expected.deadlock = '1'; // deadlock, or open (the table says open)
      else if (winner !== undefined && [...winner.units].sort().join() === [...coalition].sort().join()) expected.elected = '1';
      else {
        expected.rivalElected = '1';
        // The elected alignment is one of the rivals simulate modelled.
        expect(model.rivals?.map((rival) => rival.id), `${name} ${council.council}`).toContain(winner ? `${winner.kind}:${winner.id}` : 'none');
      }
      const got = {
        elected: formatRational(council.elected),
        rivalElected: formatRational(council.rivalElected),
        deadlock: formatRational(council.deadlock),
        noQuorum: formatRational(council.noQuorum),
      };
      expect(got, `${name} ${council.council} (${status})`).toEqual(expected);
      const estimates = mc.councils[c]!;
      expect([estimates.elected, estimates.rivalElected, estimates.deadlock, estimates.noQuorum].map((e) => String(e.estimate)), `${name} ${council.council} MC`).toEqual(
        [expected.elected, expected.rivalElected, expected.deadlock, expected.noQuorum],
      );
    });
  });
});

describe('competing alignments', () => {
  it('badr-sadr-najaf-maysan, Maysan: the deal, the CF rump or nobody, computed by hand', () => {
    // Maysan (need 7 of 13, everyone attends): the deal badr 3 + hikma 2 = 5; the CF rump aah 3 +
    // state-of-law 3 + nasr 1 = 7 = the threshold, so the rump wins exactly when none of its lists joins
    // the deal. Shock cf-line-holds (p 7/10): aah, state-of-law, nasr vote against the deal (no join).
    // Otherwise (3/10) each joins on its own: aah 1/10, state-of-law 1/20, nasr 2/5.
    //   P(rump elected) = 7/10 + 3/10 · (9/10 · 19/20 · 3/5) = 7/10 + 3/10 · 513/1000 = 8539/10000.
    // The deal needs 2 more, only off the line: aah or state-of-law joining (1 − 9/10 · 19/20 = 29/200),
    // else nasr and quota-sabean (2/5 · 1/2): 29/200 + 171/200 · 1/5 = 79/250, so
    //   P(deal elected) = 3/10 · 79/250 = 237/2500 (as in the JSON test below), and
    //   P(deadlock) = 1 − 237/2500 − 8539/10000 = 513/10000. Both count for the CF: the rump's governor is
    //   aah (CF), the deal's badr (CF) ⇒ P(cf governs) = 237/2500 + 8539/10000 = 9487/10000.
    const { outcome, simulation } = exactOf('badr-sadr-najaf-maysan');
    const maysan = outcome.councils.find((council) => council.council === 'maysan')!;
    expect(simulation.model.councils.find((council) => council.id === 'maysan')!.rivals?.map((rival) => rival.id)).toEqual(['rump:cf']);
    expect(formatRational(maysan.rivalElected)).toBe('8539/10000');
    expect(formatRational(maysan.elected)).toBe('237/2500');
    expect(formatRational(maysan.deadlock)).toBe('513/10000');
    expect(formatRational(maysan.blocGoverns)).toBe('9487/10000');
  });
});

function scenarioFile(name: string, text: string): string {
  const file = join(scratch, name);
  writeFileSync(file, text);
  return file;
}

function dataIssues(run: () => unknown): { file: string | undefined; paths: string[]; message: string } {
  try {
    run();
  } catch (error) {
    if (error instanceof GovsimDataError) return { file: error.file, paths: error.issues.map((issue) => issue.path), message: error.message };
    throw error;
  }
  throw new Error('expected a data error');
}

describe('the probabilities block is validated like the rest of the file', () => {
  it('shape errors name the file, the path and the line', () => {
    const file = scenarioFile(
      'bad-shape.yaml',
      [
        'name: bad shape',
        'extends: kirkuk-2024',
        'probabilities:',
        '  defect: { qiyada: 1.5 }',
        '  attendance: { all: [0.5] }',
        '  shocks:',
        '    - { id: x, p: "7/0", effect: hold, units: [kdp] }',
        '  extra: 1',
        '',
      ].join('\n'),
    );
    const { file: named, paths, message } = dataIssues(() => simulationModel(loadScenario(file)));
    expect(named).toContain('bad-shape.yaml');
    expect(paths).toEqual(
      expect.arrayContaining(['probabilities.defect.qiyada', 'probabilities.attendance.all', 'probabilities.shocks[0].p', 'probabilities.shocks[0].effect', 'probabilities.extra']),
    );
    expect(message).toMatch(/probabilities\.defect\.qiyada: expected a probability between 0 and 1, got 1\.5 \(line 4/);
  });

  it('names are resolved against the simulated councils', () => {
    const file = scenarioFile(
      'bad-names.yaml',
      [
        'name: bad names',
        'extends: kirkuk-2024',
        'probabilities:',
        '  attendance: { nobody: 0.5 }',
        '  councils:',
        '    kirkuk:',
        '      attendance: { itf: [0.5, 0.5, 0.5] }',
        '      defect: { kdp: 0.1 }',
        '      join: { puk-kirkuk: 0.1 }',
        '    atlantis: {}',
        '  shocks:',
        '    - { id: s, p: 0.5, effect: absent, bloc: nosuchbloc }',
        '',
      ].join('\n'),
    );
    const { paths, message } = dataIssues(() => simulationModel(loadScenario(file), { councils: 'all' }));
    expect(paths).toEqual(
      expect.arrayContaining([
        'probabilities.attendance.nobody',
        'probabilities.councils.kirkuk.attendance.itf',
        'probabilities.councils.kirkuk.defect.kdp',
        'probabilities.councils.kirkuk.join.puk-kirkuk',
        'probabilities.councils.atlantis',
        'probabilities.shocks[0].bloc',
      ]),
    );
    expect(message).toContain('expected 2 probabilities (one per seat of itf in kirkuk), got 3');
    expect(message).toContain('"kdp" is not in the coalition in kirkuk; use join');
  });

  it('unknown councils on the command line are usage errors', () => {
    expect(() => simulationModel(loadScenario('kirkuk-2024'), { councils: ['gotham'] })).toThrow(GovsimUsageError);
  });
});

describe('govsim simulate (in process)', () => {
  // main() reports process.exitCode when a command sets it; start each case from a clean slate.
  beforeEach(() => {
    process.exitCode = undefined;
  });
  afterEach(() => {
    process.exitCode = undefined;
  });

  function captureStderr(): string[] {
    const lines: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      lines.push(String(chunk));
      return true;
    });
    return lines;
  }

  it('writes exact and Monte Carlo figures as JSON', async () => {
    const out = join(scratch, 'report.json');
    const code = await main(['simulate', 'badr-sadr-najaf-maysan', '--method', 'both', '--runs', '9000', '--seed', '5', '--format', 'json', '--out', out]);
    expect(code).toBe(0);
    const report = JSON.parse(readFileSync(out, 'utf8')) as SimulationReport;
    const maysan = report.councils.find((council) => council.council === 'maysan')!;
    expect(maysan.elected.exact).toBe('237/2500');
    expect(maysan.elected.value).toBeCloseTo(0.0948, 10);
    expect(maysan.elected.monteCarlo!.count).toBeGreaterThan(0);
    expect(report.monteCarlo).toMatchObject({ seed: 5, draws: 9000, stop: 'runs', blockSize: BLOCK_SIZE });
    expect(report.interrupted).toBe(false);
    expect(report.national.atLeast).toHaveLength(3);
  });

  it('CSV is long: one row per council, measure and unit', async () => {
    const out = join(scratch, 'report.csv');
    expect(await main(['simulate', 'kirkuk-2024', '--format', 'csv', '--out', out])).toBe(0);
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('council,measure,unit,exact,exact_value,mc_estimate,mc_low,mc_high,mc_count');
    const elected = rational(18198317234655171n, 40000000000000000n); // the kirkuk-2024 figure checked above
    expect(lines).toContain(`kirkuk,elected,,${formatRational(elected)},${rationalToNumber(elected)},,,,`);
    expect(lines.some((line) => line.startsWith('national,cf-governs-at-least,1,0,0'))).toBe(true);
  });

  it('without a probabilities: block: warns, calls open councils open (not deadlocked), names the councils left out', async () => {
    const stderr = captureStderr();
    const out = join(scratch, 'baseline.json');
    expect(await main(['simulate', 'baseline', '--format', 'json', '--out', out])).toBe(0);
    const report = JSON.parse(readFileSync(out, 'utf8')) as SimulationReport;
    const text = stderr.join('');
    expect(text).toContain('warning: the scenario has no probabilities: block');
    // Baseline changes 13 of the 15 councils (the CF bloc); Kirkuk and Anbar are left out, and said so.
    expect(report.notSimulated).toEqual(['kirkuk', 'anbar']);
    expect(text).toContain('not simulated: kirkuk, anbar');
    // Baghdad: the CF bloc claims it with 9 + 9 + 5 + 2 = 25 < 27 and nobody else reaches 27 ⇒ deadlock.
    const baghdad = report.councils.find((council) => council.council === 'baghdad')!;
    expect({ open: baghdad.open.exact, deadlock: baghdad.deadlock.exact }).toEqual({ open: '0', deadlock: '1' });
    const basra = report.councils.find((council) => council.council === 'basra')!;
    expect({ elected: basra.elected.exact, open: basra.open.exact }).toEqual({ elected: '1', open: '0' });
    // A claimed coalition that falls short is a deadlock, not open: badr-sadr in Najaf with no uncertainty.
    stderr.length = 0;
    const najafOut = join(scratch, 'najaf.json');
    const bundled = readFileSync(join(REPO_ROOT, 'scenarios', 'badr-sadr-najaf-maysan.yaml'), 'utf8');
    const certain = scenarioFile('badr-sadr-certain.yaml', bundled.slice(0, bundled.indexOf('\nprobabilities:')));
    expect(await main(['simulate', certain, '--council', 'all', '--format', 'json', '--out', najafOut])).toBe(0);
    const najaf = (JSON.parse(readFileSync(najafOut, 'utf8')) as SimulationReport).councils.find((council) => council.council === 'najaf')!;
    expect({ deadlock: najaf.deadlock.exact, open: najaf.open.exact }).toEqual({ deadlock: '1', open: '0' });
    expect(stderr.join('')).not.toContain('not simulated');
    // An open council stays open: the CF as four lists claims nothing in Najaf, and no list reaches 8 alone.
    const openOut = join(scratch, 'open.json');
    expect(await main(['simulate', 'cf-four-lists', '--council', 'najaf', '--format', 'json', '--out', openOut])).toBe(0);
    const open = (JSON.parse(readFileSync(openOut, 'utf8')) as SimulationReport).councils.find((council) => council.council === 'najaf')!;
    expect(open.coalition).toEqual([]);
    expect({ open: open.open.exact, deadlock: open.deadlock.exact }).toEqual({ open: '1', deadlock: '0' });
  });

  it('bad options exit 2; a bad block exits 65 with the file and path', async () => {
    captureStderr();
    expect(await main(['simulate', 'kirkuk-2024', '--runs', '0'])).toBe(2);
    expect(await main(['simulate', 'kirkuk-2024', '--runs', '10', '--precision', '0.01'])).toBe(2);
    expect(await main(['simulate', 'kirkuk-2024', '--method', 'sometimes'])).toBe(2);
    const shocks = Array.from({ length: 11 }, (_, s) => `    - { id: s${s}, p: 0.5, effect: absent, units: [kdp] }`);
    const many = scenarioFile('many-shocks.yaml', ['name: many shocks', 'extends: kirkuk-2024', 'probabilities:', '  shocks:', ...shocks, ''].join('\n'));
    expect(await main(['simulate', many, '--method', 'exact'])).toBe(2);
    const stderr = captureStderr();
    const bad = scenarioFile('bad-cli.yaml', ['name: bad', 'extends: kirkuk-2024', 'probabilities:', '  join: { kdp: "2" }', ''].join('\n'));
    expect(await main(['simulate', bad])).toBe(65);
    expect(stderr.join('')).toMatch(/bad-cli\.yaml: probabilities\.join\.kdp: expected a probability between 0 and 1, got "2"/);
    expect(stderr.join('')).not.toMatch(/at .*\.ts:\d+/); // no stack trace
  });
});

describe('govsim simulate as a process', () => {
  it('Ctrl-C prints the partial result marked interrupted and exits 130', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/cli-main.ts', 'simulate', 'kirkuk-2024', '--runs', '100000000', '--progress', '--format', 'json'], {
      cwd: root,
      env: { ...process.env, NO_COLOR: '1' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const interrupted = new Promise<void>((resolve) => {
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        // The first progress line means the run (and its SIGINT handler) is under way.
        if (stderr.includes('simulating [') && !child.killed) {
          child.kill('SIGINT');
          resolve();
        }
      });
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    await interrupted;
    expect(code).toBe(130);
    const report = JSON.parse(stdout) as SimulationReport;
    expect(report.interrupted).toBe(true);
    expect(report.monteCarlo!.stop).toBe('interrupted');
    expect(report.monteCarlo!.draws % BLOCK_SIZE).toBe(0);
    expect(report.monteCarlo!.draws).toBeLessThan(1_000_000_000);
  }, 60_000);
});
