/**
 * `govsim paths`, the library functions behind it and the paths matchers, on the bundled data with
 * hand-computed arithmetic (final seats; majority floor(n/2) + 1 of all members).
 */
import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import '../../src/testing/matchers.js';
import { GovsimUsageError } from '../../src/model/errors.js';
import { naivePackageFrontier, packageFrontier } from '../../src/model/paths/index.js';
import { loadScenario, runScenario, scenario } from '../../src/scenarios/index.js';
import { packageInput, scenarioPaths } from '../../src/scenarios/paths.js';
import { runCli } from '../helpers/cli.js';

interface PathsJson {
  readonly paths: { council: string; for: string; kind: string; add: string[]; seatsAdded: number; votes: number; margin: number; confidence: string; steps: unknown[] }[];
  readonly breaking: { council: string; units: string[]; seats: number; kind: string }[];
  readonly national?: { levels: { k: number; count: number; packages: { partners: string[]; wins: number }[] }[] };
  readonly package?: { won: number; lost: number; open: number; defections: { partner: string; costs: number }[] };
}

async function json(args: readonly string[]): Promise<PathsJson> {
  const result = await runCli(['paths', ...args, '--format', 'json']);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as PathsJson;
}

describe('govsim paths', () => {
  it('gives the least the CF needed in Wasit, ranked, with its arithmetic and confidence', async () => {
    // Wasit (estimated): 16 members, majority 9. CF = state-of-law 3 + nabni 2 + nsf 2 = 7, short by 2.
    // Two Ajmal members won over (or two seats moved) reach 9; the only minimal partner set is Ajmal
    // itself (7 + 8 = 15, margin 6): Feyli alone gives 8 < 9, and Ajmal + Feyli is not minimal.
    const out = await json(['baseline', '--council', 'wasit']);
    expect(out.paths.map((path) => [path.kind, path.add.join('+'), path.seatsAdded, path.votes, path.margin])).toEqual([
      ['defections', '', 2, 9, 0],
      ['transfer', '', 2, 9, 0],
      ['partners', 'wasit-ajmal', 8, 15, 6],
    ]);
    expect(out.paths.every((path) => path.council === 'wasit' && path.for === 'cf' && path.confidence === 'inferred')).toBe(true);
    expect(out.paths[2]!.steps).toEqual([{ join: { units: ['wasit-ajmal'], to: 'cf', councils: ['wasit'] } }]);
    expect(out.breaking).toEqual([]);
  });

  it('gives what Badr with the Sadrists would need in Maysan', async () => {
    // Maysan (estimated): 13 members, majority 7. Deal badr-sadr: badr 3 + hikma 2 = 5, short by 2.
    // Partner sets: nasr 1 + quota-sabean 1 = 7 (2 seats, 2 parties), then aah 3 or state-of-law 3 = 8.
    const out = await json(['what-would-it-take', '--for', 'badr-sadr', '--council', 'maysan']);
    const partners = out.paths.filter((path) => path.kind === 'partners');
    expect(partners.map((path) => [path.add.join('+'), path.votes])).toEqual([
      ['nasr+quota-sabean', 7],
      ['aah', 8],
      ['state-of-law', 8],
    ]);
  });

  it('counts a bloc without the parties a deal took away (its rump)', () => {
    // Maysan after the Badr–Sadr deal: the CF votes without badr 3 and hikma 2: aah 3 + state-of-law 3 + nasr 1 = 7 ≥ 7.
    const result = scenarioPaths(loadScenario('what-would-it-take'), { councils: ['maysan'] }).councils[0]!;
    expect([result.votes, result.threshold, result.deficit]).toEqual([7, 7, 0]);
  });

  it('lists the breaking points of the CF in Najaf', async () => {
    // Najaf: CF = nabni 3 + state-of-law 3 + nsf 2 + absher 1 = 9 ≥ 8, margin 1: two votes fewer break it.
    // Exits: nsf (9 − 2 = 7), nabni or state-of-law (9 − 3 = 6); absher alone (8) does not, and absher + nsf
    // is not minimal. Members: 2 of nabni, of state-of-law or of nsf.
    const out = await json(['baseline', '--council', 'najaf']);
    expect(out.paths).toEqual([]);
    expect(out.breaking.map((point) => `${point.kind} ${point.units.join('+')} ${point.seats}`)).toEqual([
      'exit nsf 2',
      'members nabni 2',
      'members state-of-law 2',
      'members nsf 2',
      'exit nabni 3',
      'exit state-of-law 3',
    ]);
  });

  it('gives the k-frontier of packages and what the best package for ten councils does', async () => {
    const candidates = 'taqaddum,siyada,azm,hasm,kdp,asas,qiyam,ishraqat-kanoun,madar,tasmim,ibdaa-karbala,wasit-ajmal';
    const out = await json(['baseline', '--national', '--candidates', candidates]);
    const levels = out.national!.levels;
    expect(levels).toHaveLength(15);
    // Alone: najaf, babil, dhiqar, qadisiyah, muthanna, maysan = 6.
    expect(levels.slice(0, 6).map((level) => level.packages[0]!.partners)).toEqual([[], [], [], [], [], []]);
    // Kirkuk and Anbar hold no CF seat: at most 13; Nineveh (CF 3 of 15) stays out of reach of these partners.
    expect(levels.slice(12).map((level) => level.count)).toEqual([0, 0, 0]);
    const ten = await json(['baseline', '--at-least', '10', '--candidates', candidates]);
    // asas 3 (Baghdad 25 + 3 = 28 ≥ 27) + tasmim 12 (Basra 9 + 12 + asas 1 = 22 ≥ 12) + ibdaa-karbala 7
    // (Karbala 5 + 7 = 12 ≥ 7) + wasit-ajmal 8 (Wasit 7 + 8 = 15 ≥ 9): 6 + 4 = 10 councils.
    expect(ten.national!.levels[0]!.packages[0]!.partners).toEqual(['asas', 'tasmim', 'ibdaa-karbala', 'wasit-ajmal']);
    expect(ten.package).toMatchObject({ won: 10, lost: 0, open: 3 });
  });

  it('gives the same frontier as the literal definition on the bundled data', () => {
    const input = packageInput(loadScenario('baseline'), { candidates: ['taqaddum', 'siyada', 'azm', 'hasm', 'kdp', 'asas', 'tasmim', 'ibdaa-karbala', 'wasit-ajmal'] });
    const fast = packageFrontier(input, { limit: 10_000 }).levels.map((level) => level.packages.map((entry) => entry.partners.join('+')).sort());
    expect(fast).toEqual(naivePackageFrontier(input).map((level) => level.packages.map((entry) => entry.join('+')).sort()));
  });

  it('prints tables, Markdown and CSV', async () => {
    const table = await runCli(['paths', 'baseline', '--council', 'wasit']);
    expect(table.stdout).toContain('win over 2 of wasit-ajmal');
    expect(table.stdout).toContain('nabni 2 + state-of-law 3 + nsf 2 + wasit-ajmal 8 = 15 ≥ 9, margin 6');
    const md = await runCli(['paths', 'baseline', '--council', 'wasit', '--format', 'markdown']);
    expect(md.stdout).toContain('| wasit | cf | add wasit-ajmal | 8 | 15 | 9 | 6 | inferred |');
    const csv = await runCli(['paths', 'baseline', '--package', 'tasmim', '--format', 'csv']);
    expect(csv.stdout).toContain('# Package tasmim for cf: 7 won');
  });

  it('rejects unknown ids and bad numbers with exit 2', async () => {
    expect((await runCli(['paths', 'baseline', '--for', 'cff'])).code).toBe(2);
    expect((await runCli(['paths', 'baseline', '--council', 'atlantis'])).code).toBe(2);
    expect((await runCli(['paths', 'baseline', '--limit', 'x'])).code).toBe(2);
    expect((await runCli(['paths', 'baseline', '--limit', '5000'])).code).toBe(2);
    expect((await runCli(['paths', 'baseline', '--at-least', '16'])).code).toBe(2);
    const many = Array.from({ length: 23 }, (_, i) => (i === 0 ? 'taqaddum' : `quota-christian`)).join(',');
    expect((await runCli(['paths', 'baseline', '--national', '--candidates', many])).code).toBe(2);
  });
});

describe('paths matchers', () => {
  it('toNeedPartners: the fewest partners that bring a party to the majority', () => {
    // Wasit: CF 7 of 9: one partner (Ajmal). Najaf: the CF has 9 ≥ 8 already: none.
    expect('baseline').toNeedPartners('wasit', 'cf', 1);
    expect('baseline').toNeedPartners('najaf', 'cf', 0);
    // Maysan: badr-sadr 5 of 7: aah or state-of-law alone suffice.
    expect('what-would-it-take').toNeedPartners('maysan', 'badr-sadr', 1);
    expect('what-would-it-take').not.toNeedPartners('maysan', 'badr-sadr', 2);
  });

  it('toBreakWithout: an exit that drops the governing majority', () => {
    // Najaf: 9 − nsf 2 = 7 < 8 breaks; 9 − absher 1 = 8 ≥ 8 does not.
    expect('baseline').toBreakWithout('najaf', ['nsf']);
    expect('baseline').not.toBreakWithout('najaf', ['absher']);
  });

  it('toGovernWithPackage: governorships a package wins', () => {
    expect('baseline').toGovernWithPackage('cf', ['tasmim', 'wasit-ajmal'], 8);
    expect('baseline').not.toGovernWithPackage('cf', ['tasmim'], 8);
  });

  it('explains a failure with the arithmetic', () => {
    let message = '';
    try {
      expect('baseline').toNeedPartners('wasit', 'cf', 2);
    } catch (error) {
      message = stripVTControlCharacters((error as Error).message);
    }
    expect(message).toContain('Expected: cf needs 2 partners to reach 9 in wasit');
    expect(message).toContain('Received: at least 1 partner');
    expect(message).toContain('wasit-ajmal: nabni 2 + state-of-law 3 + nsf 2 + wasit-ajmal 8 = 15 ≥ 9, margin 6 (inferred)');
  });

  it('refuses a run: paths need the scenario', () => {
    const run = runScenario(loadScenario('baseline'));
    expect(() => expect(run).toNeedPartners('wasit', 'cf', 1)).toThrow(GovsimUsageError);
    expect(scenario('x').extends('baseline')).toNeedPartners('wasit', 'cf', 1);
  });
});
