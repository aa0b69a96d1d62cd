/**
 * The joins src/api.ts adds to the engine: a council out of a dataset or a scenario, and a council as
 * a weighted voting game. Seat figures: final results (data/iraq-2023/councils/*.yaml); majority = floor(n/2) + 1.
 */
import { describe, expect, it } from 'vitest';
import { councilGame, datasetCouncil, scenarioCouncil } from '../../src/api.js';
import { analyzeCouncil } from '../../src/model/analysis/index.js';
import { GovsimUsageError } from '../../src/model/errors.js';
import { banzhaf, shapleyShubik } from '../../src/model/power/index.js';
import { formatRational } from '../../src/model/rational.js';
import { loadDataset } from '../../src/dataset/dataset.js';
import { loadScenario, scenario } from '../../src/scenarios/index.js';

const seats = (council: { units: readonly { id: string; seats: number; present?: number }[] }): Record<string, string> =>
  Object.fromEntries(council.units.map((unit) => [unit.id, `${unit.present ?? unit.seats}/${unit.seats}`]));

describe('datasetCouncil', () => {
  it('gives one council of a seat set, as lists or as factions', () => {
    const dataset = loadDataset();
    // Maysan, final: nabni 6, state-of-law 3, nsf 3, Sabean quota seat 1 = 13.
    expect(seats(datasetCouncil(dataset, 'maysan'))).toEqual({ nabni: '6/6', 'state-of-law': '3/3', nsf: '3/3', 'quota-sabean': '1/1' });
    // Factions (dataset estimate): nabni 6 = badr 3 + aah 3; nsf 3 = hikma 2 + nasr 1.
    expect(seats(datasetCouncil(dataset, 'maysan', { units: 'factions' }))).toEqual({
      badr: '3/3',
      aah: '3/3',
      'state-of-law': '3/3',
      hikma: '2/2',
      nasr: '1/1',
      'quota-sabean': '1/1',
    });
  });

  it('names the valid councils and seat sets on a bad id', () => {
    const dataset = loadDataset();
    expect(() => datasetCouncil(dataset, 'atlantis')).toThrow(GovsimUsageError);
    expect(() => datasetCouncil(dataset, 'atlantis')).toThrow(/unknown council "atlantis" \(known: baghdad, basra, /);
    expect(() => datasetCouncil(dataset, 'najaf', { seats: 'provisional' })).toThrow(/unknown seat set "provisional"/);
  });
});

describe('scenarioCouncil', () => {
  it('gives the council as the steps leave it, defectors as units of their own', () => {
    // badr-sadr-najaf-maysan: Najaf nabni → badr 1 + aah 2, nsf → hikma 1 + nasr 1, 1 wathiqoon member to the deal.
    const najaf = scenarioCouncil(loadScenario('badr-sadr-najaf-maysan'), 'najaf');
    expect(seats(najaf)).toMatchObject({ badr: '1/1', aah: '2/2', hikma: '1/1', nasr: '1/1', wathiqoon: '0/0', 'wathiqoon>badr-sadr': '1/1' });
    expect(najaf.units.reduce((sum, unit) => sum + unit.seats, 0)).toBe(15);
  });

  it('carries absences and incompatibilities into the analysis', () => {
    // Najaf: state-of-law 3 and wafaa 2 away ⇒ 10 of 15 present; CF present = nabni 3 + nsf 2 + absher 1 = 6 < 8.
    const boycott = scenario('Najaf boycott').absent({ council: 'najaf', units: ['state-of-law', 'wafaa'] }).load();
    const analysis = analyzeCouncil(scenarioCouncil(boycott, 'najaf'), { coalition: ['nabni', 'state-of-law', 'nsf', 'absher'], power: false });
    expect(analysis.present).toBe(10);
    expect(analysis.coalition).toMatchObject({ votes: 6, needed: 8, majority: false, margin: -2 });
    // The bar between nabni and state-of-law makes the declared CF coalition inadmissible.
    const barred = scenario('Bar').incompatible({ between: ['nabni', 'state-of-law'], councils: ['najaf'] }).load();
    const check = analyzeCouncil(scenarioCouncil(barred, 'najaf'), { coalition: ['nabni', 'state-of-law', 'nsf', 'absher'], power: false }).coalition!;
    expect(check.admissible).toBe(false);
  });

  it('rejects an unknown council with the list of councils', () => {
    expect(() => scenarioCouncil(loadScenario('baseline'), 'atlantis')).toThrow(/unknown council "atlantis" in scenario .*\(councils: baghdad, basra, /);
  });
});

describe('councilGame', () => {
  it('weighs present members against the majority of all members', () => {
    // Najaf, 15 members: quota floor(15/2) + 1 = 8, whoever attends.
    const boycott = scenario('Najaf boycott').absent({ council: 'najaf', units: ['wafaa'], seats: 1 }).load();
    const game = councilGame(scenarioCouncil(boycott, 'najaf'));
    expect(game.quota).toBe(8);
    expect(game.names).toEqual(['nabni', 'state-of-law', 'wafaa', 'nsf', 'absher', 'idraak', 'wathiqoon', 'qiyam', 'madar']);
    expect(game.weights).toEqual([3, 3, 1, 2, 1, 1, 1, 1, 1]);
  });

  it('gives the textbook indices of a small council', () => {
    // [4; 3, 2, 2]: the winning coalitions are any two or all three. Each player swings in exactly the
    // two pairs it belongs to ⇒ Banzhaf 2/6 = 1/3 each; by symmetry of the pivots, Shapley–Shubik 1/3 each.
    const game = councilGame({
      id: 'toy',
      name: 'Toy',
      units: [
        { id: 'a', name: 'A', kind: 'list', seats: 3 },
        { id: 'b', name: 'B', kind: 'list', seats: 2 },
        { id: 'c', name: 'C', kind: 'list', seats: 2 },
      ],
    });
    expect(game.quota).toBe(4);
    expect(banzhaf(game).players.map((player) => formatRational(player.value))).toEqual(['1/3', '1/3', '1/3']);
    expect(shapleyShubik(game).players.map((player) => formatRational(player.value))).toEqual(['1/3', '1/3', '1/3']);
  });

  it('makes a list holding the majority alone a dictator, as the analysis does', () => {
    // Basra, 23 members, quota 12: Tasmim holds 12.
    const basra = datasetCouncil(loadDataset(), 'basra');
    const game = councilGame(basra);
    expect(banzhaf(game).players.map((player) => `${player.name} ${formatRational(player.value)}`)).toEqual([
      'tasmim 1',
      'nabni 0',
      'state-of-law 0',
      'nsf 0',
      'asas 0',
      'quota-christian 0',
    ]);
    expect(analyzeCouncil(basra).power!.banzhaf.players.map((player) => player.value)).toEqual(banzhaf(game).players.map((player) => player.value));
  });
});
