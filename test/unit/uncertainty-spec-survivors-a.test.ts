/**
 * Name resolution in a `probabilities:` block (src/model/uncertainty/spec.ts, up to the governor): every
 * unknown unit, council or bloc is reported with its exact path and message, misplaced entries are reported,
 * and the governor follows the scenario only while the block keeps the scenario's coalition.
 */
import { describe, expect, it } from 'vitest';
import type { Council } from '../../src/model/council.js';
import { formatRational } from '../../src/model/rational.js';
import { type CouncilInput, buildProbabilisticScenario } from '../../src/model/uncertainty/index.js';
import { inputs, maysan, najaf, texts } from '../helpers/uncertainty-councils.js';

describe('top-level names', () => {
  it('a defect or join entry for a unit that sits in no council is reported', () => {
    const { issues } = buildProbabilisticScenario(inputs, { defect: { ghost: 0.1, sol: 0.1 }, join: { nobody: 0.2 } });
    // sol sits in both councils, so only ghost and nobody are unknown; the units list is sorted.
    expect(issues).toEqual([
      { path: 'probabilities.defect.ghost', message: 'unknown unit "ghost" in any simulated council (units: nabni, sabean, sol, wafaa)' },
      { path: 'probabilities.join.nobody', message: 'unknown unit "nobody" in any simulated council (units: nabni, sabean, sol, wafaa)' },
    ]);
  });

  it('an unknown council is reported with the known ones, simulated first, then the rest of the scope', () => {
    const dhiqar: Council = { id: 'dhiqar', name: 'Dhi Qar', units: [{ id: 'taqaddum', name: 'Taqaddum', kind: 'list', seats: 2 }] };
    const { issues } = buildProbabilisticScenario(inputs, { councils: { basra: {}, dhiqar: {} } }, 'probabilities', [najaf, maysan, dhiqar]);
    // dhiqar is in the scope though not simulated, so its (empty) entry is valid.
    expect(issues).toEqual([{ path: 'probabilities.councils.basra', message: 'unknown council "basra" (known: najaf, maysan, dhiqar)' }]);
  });

  it("a simulated council's names come from the council as simulated, not from the scope's copy of it", () => {
    // The scope's Najaf has an extra unit ghost; the simulated Najaf (the input) does not, so ghost is unknown.
    // Dhi Qar is only in the scope, so its unit taqaddum is known.
    const najafCopy: Council = { ...najaf, units: [...najaf.units, { id: 'ghost', name: 'Ghost', kind: 'list', seats: 1 }] };
    const dhiqar: Council = { id: 'dhiqar', name: 'Dhi Qar', units: [{ id: 'taqaddum', name: 'Taqaddum', kind: 'list', seats: 2 }] };
    const { issues } = buildProbabilisticScenario(inputs, { defect: { ghost: 0.1, taqaddum: 0.1 } }, 'probabilities', [najafCopy, maysan, dhiqar]);
    expect(issues).toEqual([
      { path: 'probabilities.defect.ghost', message: 'unknown unit "ghost" in any simulated council (units: nabni, sabean, sol, taqaddum, wafaa)' },
    ]);
  });

  it('a bad top-level defect or join value is reported once, at its own path', () => {
    // sol and nabni sit in both councils; the value is parsed once, not once per council.
    const { issues } = buildProbabilisticScenario(inputs, { defect: { sol: 2 }, join: { nabni: '1/0' } });
    expect(issues).toEqual([
      { path: 'probabilities.defect.sol', message: 'expected a probability between 0 and 1, got 2' },
      { path: 'probabilities.join.nabni', message: '"1/0" has a zero denominator' },
    ]);
  });

  it('a per-seat list of the wrong length is reported in each council where the unit sits', () => {
    // sol has 3 seats in both Najaf and Maysan; one entry is given. Its attendance stays the scenario's.
    const { scenario, issues } = buildProbabilisticScenario(inputs, { attendance: { sol: [0.5] } });
    expect(issues).toEqual([
      { path: 'probabilities.attendance.sol', message: 'expected 3 probabilities (one per seat of sol in najaf), got 1' },
      { path: 'probabilities.attendance.sol', message: 'expected 3 probabilities (one per seat of sol in maysan), got 1' },
    ]);
    expect(texts(scenario.councils[0]!.units[1]!.attendance)).toEqual(['1', '1', '1']);
  });

  it('a list under `all` (which the scenario schema rejects) is ignored by the builder', () => {
    // Three entries would fit nabni and sol (3 seats in Najaf) but not wafaa (2): the list is skipped for
    // every unit, so nothing is reported and each unit keeps the scenario's attendance.
    const { scenario, issues } = buildProbabilisticScenario(inputs, { attendance: { all: [0.5, 0.5, 0.5] } });
    expect(issues).toEqual([]);
    expect(texts(scenario.councils[0]!.units[0]!.attendance)).toEqual(['1', '1', '1']);
    expect(texts(scenario.councils[0]!.units[2]!.attendance)).toEqual(['1', '0']); // present 1 of 2
  });

  it('a unit without blocs belongs to no bloc, whatever the name', () => {
    // wafaa and sabean list no blocs: a bloc name no unit lists has no members, as a shock and as a coalition entry.
    const shock = buildProbabilisticScenario(inputs, { shocks: [{ id: 's', p: 0.5, effect: 'absent', bloc: 'independents' }] });
    expect(shock.issues).toEqual([{ path: 'probabilities.shocks[0].bloc', message: 'no unit in the scenario\'s councils belongs to bloc "independents"' }]);
    const coalition = buildProbabilisticScenario(inputs, { councils: { maysan: { coalition: ['sol', 'independents'] } } });
    expect(coalition.issues).toEqual([
      { path: 'probabilities.councils.maysan.coalition[1]', message: 'unknown unit "independents" in maysan (units: nabni, sabean, sol)' },
    ]);
    expect(coalition.scenario.councils[1]!.units.map((unit) => unit.inCoalition)).toEqual([false, true, false]);
  });
});

describe('council-level names', () => {
  it('bad council-level values are reported under the council', () => {
    // wafaa's list has a bad second entry; sol's defect is above 1; "-1" is not a decimal at all.
    // wafaa is outside the Najaf coalition (nabni, sol), so its join entry is on the right side.
    const { issues } = buildProbabilisticScenario(inputs, {
      councils: { najaf: { attendance: { wafaa: [0.5, 'x'] }, defect: { sol: 1.5 }, join: { wafaa: '-1' } } },
    });
    expect(issues).toEqual([
      { path: 'probabilities.councils.najaf.attendance.wafaa[1]', message: 'expected a probability (0.7 or 7/10), got "x"' },
      { path: 'probabilities.councils.najaf.defect.sol', message: 'expected a probability between 0 and 1, got 1.5' },
      { path: 'probabilities.councils.najaf.join.wafaa', message: 'expected a probability (0.7 or 7/10), got "-1"' },
    ]);
  });

  it('council attendance for a unit that does not sit there is reported; `all` is not a unit', () => {
    // wafaa sits in Najaf only.
    const { issues } = buildProbabilisticScenario(inputs, { councils: { maysan: { attendance: { all: 0.9, wafaa: 0.5 } } } });
    expect(issues).toEqual([{ path: 'probabilities.councils.maysan.attendance.wafaa', message: 'unknown unit "wafaa" in maysan (units: nabni, sabean, sol)' }]);
  });

  it('a coalition entry that is neither a unit nor a bloc there is reported by its index; valid entries are not', () => {
    // sol is a unit, cf a bloc (nabni and sol), ghost neither.
    const { scenario, issues } = buildProbabilisticScenario(inputs, { councils: { maysan: { coalition: ['sol', 'ghost', 'cf'] } } });
    expect(issues).toEqual([{ path: 'probabilities.councils.maysan.coalition[1]', message: 'unknown unit "ghost" in maysan (units: nabni, sabean, sol)' }]);
    expect(scenario.councils[1]!.units.map((unit) => unit.inCoalition)).toEqual([true, true, false]);
    const valid = buildProbabilisticScenario(inputs, { councils: { maysan: { coalition: ['sabean', 'cf'] } } });
    expect(valid.issues).toEqual([]);
  });

  it('a council defect entry for a unit that does not sit there is unknown, not "not in the coalition"', () => {
    // sabean sits in Maysan only.
    const { issues } = buildProbabilisticScenario(inputs, { councils: { najaf: { defect: { sabean: 0.1 } } } });
    expect(issues).toEqual([{ path: 'probabilities.councils.najaf.defect.sabean', message: 'unknown unit "sabean" in najaf (units: nabni, sol, wafaa)' }]);
  });

  it('a council join entry must name a unit there outside the coalition', () => {
    // Najaf's coalition is nabni + sol: sabean does not sit there, sol is inside, wafaa is a valid join.
    const { scenario, issues } = buildProbabilisticScenario(inputs, { councils: { najaf: { join: { sabean: 0.1, wafaa: 0.2, sol: 0.3 } } } });
    expect(issues).toEqual([
      { path: 'probabilities.councils.najaf.join.sabean', message: 'unknown unit "sabean" in najaf (units: nabni, sol, wafaa)' },
      { path: 'probabilities.councils.najaf.join.sol', message: '"sol" is already in the coalition in najaf; use defect' },
    ]);
    expect(formatRational(scenario.councils[0]!.units[2]!.switchProbability)).toBe('1/5'); // 0.2
  });
});

describe('the governor', () => {
  it("the scenario's governor counts while the block keeps the scenario's coalition", () => {
    // wafaa (2 seats, no bloc) governs although nabni (3, cf) is the largest unit: not cf-governed.
    const wafaaGoverns: CouncilInput[] = [{ council: najaf, threshold: 5, quorum: 5, coalition: ['nabni', 'wafaa'], governor: 'wafaa' }];
    const { scenario, issues } = buildProbabilisticScenario(wafaaGoverns, {});
    expect(issues).toEqual([]);
    expect(scenario.councils[0]!.governedByBloc).toBe(false);
  });

  it("a block that redefines the coalition drops the scenario's governor for the largest new unit", () => {
    // The scenario's governor nabni (cf) is not in the new coalition; wafaa, the only unit, is not cf.
    const { scenario, issues } = buildProbabilisticScenario(inputs, { councils: { najaf: { coalition: ['wafaa'] } } });
    expect(issues).toEqual([]);
    expect(scenario.councils[0]!.governedByBloc).toBe(false);
  });

  it('a governor that is not a unit of the council is reported and replaced by the largest coalition unit', () => {
    // "cf" is the bloc, not a unit: reported, so it cannot make the council cf-governed; wafaa governs instead.
    const { scenario, issues } = buildProbabilisticScenario(inputs, { councils: { najaf: { coalition: ['wafaa'], governor: 'cf' } } });
    expect(issues).toEqual([{ path: 'probabilities.councils.najaf.governor', message: 'unknown unit "cf" in najaf (units: nabni, sol, wafaa)' }]);
    expect(scenario.councils[0]!.governedByBloc).toBe(false);
  });
});
