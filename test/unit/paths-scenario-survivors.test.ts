/**
 * A scenario as the paths model sees it (alignments, defectors, vetoes, the governing list) and the
 * national package input, each worked by hand from the data files. Najaf
 * (data/iraq-2023/councils/najaf.yaml), in council order: nabni 3, state-of-law 3, wafaa 2, nsf 2,
 * absher 1, idraak 1, wathiqoon 1, qiyam 1, madar 1 = 15, majority and quorum 8; the CF's lists there
 * are nabni, state-of-law, nsf and absher (9).
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { BreakingPoint, CouncilPath } from '../../src/model/paths/index.js';
import { scenario } from '../../src/scenarios/builder.js';
import {
  breakingSteps,
  nationalParties,
  packageInput,
  pathSteps,
  pathSummary,
  pathsCouncil,
  pathsTarget,
  scenarioPackages,
  scenarioPaths,
  withSteps,
} from '../../src/scenarios/paths.js';
import type { LoadedScenario } from '../../src/scenarios/scenario-loader.js';
import { runScenario } from '../../src/scenarios/runner.js';

const najaf = (loaded: LoadedScenario, council = 'najaf') => pathsCouncil(loaded, runScenario(loaded), council);
const alignmentOf = (loaded: LoadedScenario, council = 'najaf') => Object.fromEntries(najaf(loaded, council).units.map((unit) => [unit.id, unit.alignment]));
const list = (id: string) => ({ id, kind: 'list' });
const cfBloc = () => scenario('cf bloc').bloc({ id: 'cf', councils: ['najaf'] });

describe('the alignments of a council', () => {
  it('a bloc that governs is one alignment; the lists outside it vote alone', () => {
    const loaded = cfBloc().load();
    const council = najaf(loaded);
    // cf 3 + 3 + 2 + 1 = 9 ≥ 8 governs.
    expect(council.governing).toBe('cf');
    expect(council.alignments).toEqual([{ id: 'cf', kind: 'bloc' }, list('wafaa'), list('idraak'), list('wathiqoon'), list('qiyam'), list('madar')]);
    expect(alignmentOf(loaded)).toEqual({
      nabni: 'cf', 'state-of-law': 'cf', wafaa: 'wafaa', nsf: 'cf', absher: 'cf', idraak: 'idraak', wathiqoon: 'wathiqoon', qiyam: 'qiyam', madar: 'madar',
    });
  });

  it('a bloc a deal takes members from votes as a rump; two deals, one member each, still make it one', () => {
    const loaded = cfBloc()
      .deal({ id: 'd', parties: ['nabni', 'wafaa'], councils: ['najaf'], governor: 'nabni' })
      .deal({ id: 'e', parties: ['idraak', 'madar'], councils: ['najaf'], governor: 'idraak' })
      .load();
    const council = najaf(loaded);
    // d 3 + 2 = 5, the rump 3 + 2 + 1 = 6, e 2: nobody reaches 8, so nobody governs.
    expect(council.governing).toBeNull();
    expect(council.alignments).toEqual([{ id: 'd', kind: 'deal' }, { id: 'cf', kind: 'rump' }, { id: 'e', kind: 'deal' }, list('wathiqoon'), list('qiyam')]);
    expect(alignmentOf(loaded)).toEqual({
      nabni: 'd', 'state-of-law': 'cf', wafaa: 'd', nsf: 'cf', absher: 'cf', idraak: 'e', wathiqoon: 'wathiqoon', qiyam: 'qiyam', madar: 'e',
    });
  });

  it('a list governing alone from inside a void bloc is an alignment of its own', () => {
    // Basra: tasmim 12 of 23 (majority 12). A bloc of two incompatible parties is void; its members vote as if it were not declared.
    const loaded = scenario('void bloc')
      .bloc({ id: 'tb', members: ['tasmim', 'asas'], councils: ['basra'] })
      .incompatible({ between: ['tasmim', 'asas'], councils: ['basra'] })
      .load();
    const council = najaf(loaded, 'basra');
    expect(council.governing).toBe('tasmim');
    expect(council.alignments).toEqual([{ id: 'tb', kind: 'bloc' }, list('nabni'), list('state-of-law'), list('nsf'), list('quota-christian'), list('tasmim')]);
    expect(alignmentOf(loaded, 'basra')).toMatchObject({ tasmim: 'tasmim', asas: 'tb', nabni: 'nabni' });
  });

  it('defectors vote with the deal or bloc they name, with the alignment of the unit they name, or against all', () => {
    const loaded = cfBloc()
      .defect({ council: 'najaf', from: 'wafaa', seats: 1, to: 'idraak' })
      .defect({ council: 'najaf', from: 'wathiqoon', seats: 1, to: 'nabni' })
      .defect({ council: 'najaf', from: 'qiyam', seats: 1, to: 'cf' })
      .defect({ council: 'najaf', from: 'madar', seats: 1 })
      .load();
    const council = najaf(loaded);
    // cf 9 + wathiqoon's 1 (to nabni, inside cf) + qiyam's 1 = 11.
    expect(council.governing).toBe('cf');
    expect(council.alignments).toEqual([{ id: 'cf', kind: 'bloc' }, list('wafaa'), list('idraak'), list('wathiqoon'), list('qiyam'), list('madar'), list('madar>none')]);
    expect(alignmentOf(loaded)).toEqual({
      nabni: 'cf',
      'state-of-law': 'cf',
      wafaa: 'wafaa',
      'wafaa>idraak': 'idraak',
      nsf: 'cf',
      absher: 'cf',
      idraak: 'idraak',
      wathiqoon: 'wathiqoon',
      'wathiqoon>nabni': 'cf',
      qiyam: 'qiyam',
      'qiyam>cf': 'cf',
      madar: 'madar',
      'madar>none': 'madar>none',
    });
    // The target's units: its own, and the defectors won over to it or to one of them; not those gone elsewhere.
    expect(pathsTarget(loaded, council, 'cf')).toEqual({ id: 'cf', units: ['nabni', 'state-of-law', 'nsf', 'absher', 'wathiqoon>nabni', 'qiyam>cf'] });
  });

  it('a deal or bloc id may not be a list, faction or member id: a vote could not tell them apart', () => {
    expect(() => scenario('d').deal({ id: 'idraak', parties: ['nabni', 'wafaa'], councils: ['najaf'], governor: 'nabni' }).load()).toThrow(
      'steps[0].deal.id: "idraak" is a list, faction or member; a deal needs another id',
    );
    expect(() => scenario('b').bloc({ id: 'nabni', members: ['nabni', 'wafaa'], councils: ['najaf'] }).load()).toThrow(
      'steps[0].bloc.id: "nabni" is a list, faction or member; a bloc needs another id',
    );
    // A split list is still its factions' list, and a faction seated by a split is a unit.
    const split = scenario('s').split({ council: 'najaf', list: 'nabni' });
    expect(() => split.deal({ id: 'nabni', parties: ['badr', 'wafaa'], councils: ['najaf'], governor: 'badr' }).load()).toThrow('"nabni" is a list, faction or member');
    expect(() => scenario('s2').split({ council: 'najaf', list: 'nabni' }).bloc({ id: 'badr', members: ['aah', 'wafaa'], councils: ['najaf'] }).load()).toThrow('"badr" is a list, faction or member');
    expect(() => scenario('q').deal({ id: 'quota-christian', parties: ['tasmim'], councils: ['basra'], governor: 'tasmim' }).load()).toThrow('"quota-christian" is a list, faction or member');
    // Defectors voting against all are `<unit>>none`: `none` is no deal or bloc either.
    expect(() => scenario('n').deal({ id: 'none', parties: ['nabni', 'wafaa'], councils: ['najaf'], governor: 'nabni' }).load()).toThrow(
      'steps[0].deal.id: "none" stands for votes against all (a defection without `to`); choose another id',
    );
    expect(() => scenario('n2').bloc({ id: 'none', members: ['nabni', 'wafaa'], councils: ['najaf'] }).load()).toThrow('steps[0].bloc.id: "none" stands for votes against all');
  });
});

describe('targets', () => {
  it('a veto blocks only in its own councils, and only when every unit the governor could come from is vetoed', () => {
    const elsewhere = scenario('veto in karbala').veto({ actor: 'sadrists', councils: ['karbala'], against: ['nabni'] }).load();
    expect(pathsTarget(elsewhere, najaf(elsewhere), 'nabni')).toEqual({ id: 'nabni', units: ['nabni'] });
    // Every name a veto lists counts, not only the first.
    const two = scenario('two vetoed').veto({ actor: 'sadrists', councils: ['najaf'], against: ['wafaa', 'madar'] }).load();
    expect(pathsTarget(two, najaf(two), 'madar').blocked).toBe("its governor's party is vetoed by sadrists");
    // cf's governor could come from nabni, state-of-law, nsf or absher: vetoing nabni alone blocks nothing.
    const one = cfBloc().veto({ actor: 'sadrists', councils: ['najaf'], against: ['nabni'] }).load();
    expect(pathsTarget(one, najaf(one), 'cf')).toEqual({ id: 'cf', units: ['nabni', 'state-of-law', 'nsf', 'absher'] });
    const all = cfBloc().veto({ actor: 'sadrists', councils: ['najaf'], against: ['cf'] }).load();
    expect(pathsTarget(all, najaf(all), 'cf').blocked).toBe("its governor's party is vetoed by sadrists");
    // A deal's governor from outside the council is no vetoed unit, whoever else is vetoed.
    const outside = scenario('outside governor')
      .deal({ id: 'g', parties: ['nabni', 'wafaa'], councils: ['najaf'], governor: 'taqaddum' })
      .veto({ actor: 'sadrists', councils: ['najaf'], against: ['nabni', 'wafaa'] })
      .load();
    expect(pathsTarget(outside, najaf(outside), 'g')).toEqual({ id: 'g', units: ['nabni', 'wafaa'] });
  });

  it('an unknown target lists every deal; a dataset without a focus bloc asks whom the paths are for', () => {
    const loaded = scenario('two deals')
      .deal({ id: 'd', parties: ['nabni', 'wafaa'], councils: ['najaf'], governor: 'nabni' })
      .deal({ id: 'e', parties: ['idraak', 'madar'], councils: ['najaf'], governor: 'idraak' })
      .load();
    expect(() => scenarioPaths(loaded, { for: 'nabnii' })).toThrow(/^unknown party, bloc or deal "nabnii" \(did you mean "nabni"\?\) \(deals: d, e; blocs: /);
    const dir = mkdtempSync(join(tmpdir(), 'govsim-no-focus-'));
    try {
      cpSync(fileURLToPath(new URL('../fixtures/datasets/tiny', import.meta.url)), dir, { recursive: true });
      const file = join(dir, 'dataset.yaml');
      writeFileSync(file, readFileSync(file, 'utf8').replace(/^ {2}focusBloc: river\n/m, ''));
      const unfocused = scenario('no focus').dataset(dir).load();
      expect(() => scenarioPaths(unfocused)).toThrow('this dataset names no focus bloc: say whom the paths are for (--for PARTY|BLOC|DEAL)');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a limit bounds the paths listed per council and kind', () => {
    // Baghdad: the CF's lists hold 25 of 53 (majority 27), so many partner sets reach it.
    const loaded = scenario('baghdad').load();
    const ofKind = (paths: readonly CouncilPath[], kind: string) => paths.filter((entry) => entry.kind === kind);
    const all = scenarioPaths(loaded, { for: 'cf', councils: ['baghdad'] });
    expect(ofKind(all.paths, 'partners').length).toBeGreaterThan(1);
    const one = scenarioPaths(loaded, { for: 'cf', councils: ['baghdad'], limit: 1 });
    for (const kind of new Set(all.paths.map((entry) => entry.kind))) expect(ofKind(one.paths, kind)).toEqual(ofKind(all.paths, kind).slice(0, 1));
  });
});

/** A path of one kind in Najaf; the figures the steps do not read are left at zero. */
function path(kind: CouncilPath['kind'], target: string, fields: Partial<Pick<CouncilPath, 'add' | 'members'>>): CouncilPath {
  return { council: 'najaf', for: target, kind, add: [], members: [], seatsAdded: 0, votes: 0, threshold: 8, margin: 0, arithmetic: '', confidence: 'documented', ...fields };
}

function point(kind: BreakingPoint['kind'], alignment: string, units: string[], seats = 0): BreakingPoint {
  return { council: 'najaf', alignment, kind, units, seats, after: 0, arithmetic: '', confidence: 'documented' };
}

describe('steps from paths and breaking points', () => {
  it('two members won over are listed in order', () => {
    expect(pathSummary(path('defections', 'cf', { members: [{ unit: 'wafaa', seats: 1 }, { unit: 'madar', seats: 2 }] }))).toBe('win over 1 of wafaa, 2 of madar');
  });

  it('moved seats go to the target unit with most seats here, wherever it stands in the council', () => {
    // wafaa's 2 seats move to madar (3): the bloc absher 1, idraak 1, madar 3 takes moved seats into madar.
    const loaded = scenario('anchor')
      .transfer({ council: 'najaf', from: 'wafaa', to: 'madar', seats: 2 })
      .bloc({ id: 'x', members: ['absher', 'idraak', 'madar'], councils: ['najaf'] })
      .load();
    expect(pathSteps(loaded, path('transfer', 'x', { members: [{ unit: 'qiyam', seats: 1 }] }))).toEqual([{ transfer: { council: 'najaf', from: 'qiyam', to: 'madar', seats: 1 } }]);
  });

  it('units leaving a deal leave it; a point naming any group of defectors has no steps', () => {
    const loaded = scenario('deal').deal({ id: 'd', parties: ['nabni', 'wafaa', 'nsf'], councils: ['najaf'], governor: 'nabni' }).load();
    expect(breakingSteps(loaded, point('exit', 'd', ['nsf']))).toEqual([{ leave: { units: ['nsf'], from: 'd', councils: ['najaf'] } }]);
    expect(breakingSteps(loaded, point('members', 'd', ['nabni', 'wafaa>d'], 1))).toBeNull();
  });

  it('extra steps come after the scenario\'s own, whose transitions are kept', () => {
    const loaded = cfBloc().load();
    const more = withSteps(loaded, [{ absent: { council: 'najaf', units: ['nabni'] } }]);
    expect(more.transitions).toHaveLength(loaded.transitions.length + 1);
    expect(more.transitions.slice(0, loaded.transitions.length)).toEqual(loaded.transitions);
    expect(more.state.councils.najaf!.units.find((unit) => unit.id === 'nabni')!.present).toBe(0);
  });
});

describe('the national package input', () => {
  it('national partners in seat order, ties by id, with exactly two councils enough and unattributed seats left out', () => {
    // Totals summed from data/iraq-2023/councils/*.yaml over the councils each list sits in:
    // taqaddum 21 (5), siyada 13 (5), azm 9 (5), hasm 8 (4), kdp 6 (2), asas 5 (3), qiyam 5 (3),
    // ishraqat-kanoun 4 (3), madar 2 (2); nabni, state-of-law, nsf and absher are the CF's own;
    // "unidentified" (9 seats in Dhi Qar and Karbala) is no party.
    const expected = ['taqaddum', 'siyada', 'azm', 'hasm', 'kdp', 'asas', 'qiyam', 'ishraqat-kanoun', 'madar'];
    expect(nationalParties(scenario('national').load(), 'cf')).toEqual(expected);
    // Read as blocs, the unattributed seats are one unit per council, still no party.
    expect(nationalParties(scenario('as blocs').seats('unattributed-as-blocs').load(), 'cf')).toEqual(expected);
  });

  it('incompatibilities: the query\'s, and those declared in a council between two candidates, in either order', () => {
    const plain = scenario('plain').load();
    expect(packageInput(plain, { candidates: ['taqaddum', 'siyada'], incompatible: [['taqaddum', 'siyada']] }).incompatible).toEqual([['taqaddum', 'siyada']]);
    const declared = scenario('declared')
      .incompatible({ between: ['taqaddum', 'siyada'], councils: ['baghdad'] })
      .incompatible({ between: ['siyada', 'taqaddum'], councils: ['anbar'] })
      .load();
    // Councils in dataset order: Baghdad, then Anbar.
    expect(packageInput(declared, { candidates: ['taqaddum', 'siyada'] }).incompatible).toEqual([['taqaddum', 'siyada'], ['siyada', 'taqaddum']]);
    // nabni is inside the target (cf) in Baghdad: nothing it is declared incompatible with binds a package there.
    const inside = scenario('inside').incompatible({ between: ['nabni', 'taqaddum'], councils: ['baghdad'] }).load();
    expect(packageInput(inside, { candidates: ['nabni', 'taqaddum'] }).incompatible).toEqual([]);
    // Nor does a pair with a party that is no candidate, on either side.
    const outside = scenario('outside').incompatible({ between: ['taqaddum', 'azm'], councils: ['baghdad'] }).incompatible({ between: ['azm', 'siyada'], councils: ['anbar'] }).load();
    expect(packageInput(outside, { candidates: ['siyada', 'taqaddum'] }).incompatible).toEqual([]);
    // Two factions of one candidate: no pair of candidates.
    const factions = scenario('factions').split({ council: 'basra', list: 'nabni' }).incompatible({ between: ['badr', 'aah'], councils: ['basra'] }).load();
    expect(packageInput(factions, { for: 'taqaddum', candidates: ['nabni'] }).incompatible).toEqual([]);
  });

  it('a council below its quorum is blocked; at the quorum it is not', () => {
    const council = (absent: string[]) => packageInput(cfBloc().absent({ council: 'najaf', units: absent }).load(), { candidates: ['taqaddum'] }).councils.find((entry) => entry.id === 'najaf')!;
    // 15 − (3 + 3 + 2) = 7 present; 15 − (3 + 3 + 1) = 8.
    expect(council(['nabni', 'state-of-law', 'wafaa']).blocked).toBe('attendance 7 is below the quorum 8');
    expect(council(['nabni', 'state-of-law', 'absher'])).not.toHaveProperty('blocked');
  });

  it('a rival is whoever else governs, with what each candidate brings it; the council\'s confidence is its weakest seats\'', () => {
    const governed = packageInput(cfBloc().load(), { candidates: ['taqaddum'] }).councils.find((entry) => entry.id === 'najaf')!;
    expect(governed).not.toHaveProperty('rival');
    // Basra: tasmim 12 governs alone; asas (1) votes apart from it.
    const input = packageInput(scenario('basra').load(), { candidates: ['tasmim', 'asas'] });
    expect(input.councils.find((entry) => entry.id === 'basra')!.rival).toEqual({ id: 'tasmim', votes: 12, shares: [12, 0] });
    // data/iraq-2023/councils/karbala.yaml is inferred as a whole; najaf.yaml documented.
    expect(input.councils.find((entry) => entry.id === 'karbala')!.confidence).toBe('inferred');
    expect(input.councils.find((entry) => entry.id === 'najaf')!.confidence).toBe('documented');
  });

  it('a partner bound and a listing limit reach the package search', () => {
    const loaded = scenario('packages').load();
    expect(packageInput(loaded, { maxPartners: 2 }).maxPartners).toBe(2);
    expect(packageInput(loaded)).not.toHaveProperty('maxPartners');
    const all = scenarioPackages(loaded);
    expect(all.levels.some((level) => level.packages.length > 1)).toBe(true);
    const one = scenarioPackages(loaded, { limit: 1 });
    expect(one.levels.map((level) => level.packages)).toEqual(all.levels.map((level) => level.packages.slice(0, 1)));
  });
});
