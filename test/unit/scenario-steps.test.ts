/**
 * Steps as transitions on the real dataset: each expectation is hand-computed from the final seat
 * tables in data/iraq-2023/councils/*.yaml, e.g. Najaf 15 = nabni 3 + state-of-law 3 + wafaa 2 + nsf 2 +
 * absher 1 + idraak 1 + wathiqoon 1 + qiyam 1 + madar 1.
 */
import { describe, expect, it } from 'vitest';
import type { Step } from '../../src/scenarios/scenario-schema.js';
import { type ScenarioState } from '../../src/scenarios/scenario-state.js';
import { applyStep, applySteps, redo, touchedCouncils, undo } from '../../src/scenarios/steps/index.js';
import { fixture, stepError } from '../helpers/steps.js';


function unit(state: ScenarioState, council: string, id: string) {
  const found = state.councils[council]!.units.find((entry) => entry.id === id);
  if (!found) throw new Error(`no unit ${id} in ${council}`);
  return found;
}

function seatsOf(state: ScenarioState, council: string): number {
  return state.councils[council]!.units.reduce((sum, entry) => sum + entry.seats, 0);
}


describe('seat steps', () => {
  it('transfer moves seats and keeps the council size (Wasit: Ajmal 8 → 7, NSF 2 → 3, still 16)', () => {
    const { dataset, base } = fixture();
    const { state } = applyStep(base, { transfer: { council: 'wasit', from: 'wasit-ajmal', to: 'nsf', seats: 1 } }, 0, dataset);
    expect(unit(state, 'wasit', 'wasit-ajmal').seats).toBe(7);
    expect(unit(state, 'wasit', 'nsf').seats).toBe(3);
    expect(seatsOf(state, 'wasit')).toBe(16);
    expect(state.provenance['wasit']?.[0]?.text).toContain('wasit-ajmal 8 → 7');
  });

  it('transfer refuses more seats than the unit holds', () => {
    const { base } = fixture();
    const error = stepError(base, { transfer: { council: 'wasit', from: 'nabni', to: 'state-of-law', seats: 3 } });
    expect(error.path).toBe('transfer.seats');
    expect(error.message).toContain('holds 2 seats');
  });

  it('split replaces a list by its factions and keeps bloc membership (Najaf nabni 3 → badr 2 + aah 1)', () => {
    const { dataset, base } = fixture();
    const { state } = applySteps(base, [
      { bloc: { id: 'cf', councils: ['najaf'] } },
      { split: { council: 'najaf', list: 'nabni', into: { badr: 2, aah: 1 } } },
    ], dataset);
    const ids = state.councils['najaf']!.units.map((entry) => entry.id);
    expect(ids.slice(0, 2)).toEqual(['badr', 'aah']);
    expect(ids).not.toContain('nabni');
    expect(unit(state, 'najaf', 'badr')).toMatchObject({ seats: 2, kind: 'faction', parent: 'nabni' });
    // cf in Najaf: nabni (now badr + aah) + state-of-law + nsf + absher.
    expect(state.blocs['cf']!.councils['najaf']).toEqual(['badr', 'aah', 'state-of-law', 'nsf', 'absher']);
    expect(seatsOf(state, 'najaf')).toBe(15);
  });

  it('split without `into` takes the dataset estimate, which must sum to the list', () => {
    const { dataset, base } = fixture();
    const { state } = applyStep(base, { split: { council: 'maysan', list: 'nabni' } }, 0, dataset);
    const factions = state.councils['maysan']!.units.filter((entry) => entry.parent === 'nabni');
    expect(factions.map((entry) => entry.id).sort()).toEqual(['aah', 'badr']);
    expect(factions.reduce((sum, entry) => sum + entry.seats, 0)).toBe(6);
    expect(state.provenance['maysan']?.[0]?.text).toContain('dataset estimate');
  });

  it('split checks the factions sum', () => {
    const { base } = fixture();
    const error = stepError(base, { split: { council: 'najaf', list: 'nabni', into: { badr: 2, aah: 2 } } });
    expect(error.path).toBe('split.into');
    expect(error.message).toContain('sum to 4');
  });

  it('absent and attend change attendance only (Kirkuk 2024: 16 − 2 − 3 − 2 = 9 present)', () => {
    const { dataset, base } = fixture();
    const { state } = applySteps(base, [
      { absent: { council: 'kirkuk', units: ['kdp', 'arab-alliance', 'itf'] } },
      { attend: { council: 'kirkuk', units: ['kdp'], seats: 1 } },
    ], dataset);
    const present = state.councils['kirkuk']!.units.reduce((sum, entry) => sum + entry.present, 0);
    expect(present).toBe(10);
    expect(seatsOf(state, 'kirkuk')).toBe(16);
    expect(unit(state, 'kirkuk', 'kdp').present).toBe(1);
  });

  it('absent and attend say who stayed away and who came back, in the singular for one member', () => {
    const { dataset, base } = fixture();
    const { state } = applySteps(base, [
      { absent: { council: 'kirkuk', units: ['kdp', 'arab-alliance'] } },
      { attend: { council: 'kirkuk', units: ['kdp'], seats: 1 } },
      { attend: { council: 'kirkuk', units: ['arab-alliance'] } },
      { absent: { council: 'najaf', units: ['idraak'] } },
    ], dataset);
    expect(state.provenance['kirkuk']!.map((entry) => entry.text)).toEqual([
      "2 of kdp's 2 members absent (present 2 → 0)",
      "3 of arab-alliance's 3 members absent (present 3 → 0)",
      "1 of kdp's members returns (present 0 → 1)",
      "3 of arab-alliance's members return (present 0 → 3)",
    ]);
    expect(state.provenance['najaf']!.map((entry) => entry.text)).toEqual(["idraak's only member absent (present 1 → 0)"]);
  });

  it('absent refuses more members than are present', () => {
    const { base } = fixture();
    const error = stepError(base, { absent: { council: 'kirkuk', units: ['kdp'], seats: 3 } });
    expect(error.path).toBe('absent.seats');
  });

  it('defect moves votes, not seats', () => {
    const { dataset, base } = fixture();
    const { state } = applySteps(base, [
      { deal: { id: 'd', parties: ['nabni', 'nsf'], councils: ['najaf'], governor: 'nabni' } },
      { defect: { council: 'najaf', from: 'state-of-law', seats: 2, to: 'd' } },
    ], dataset);
    const sol = unit(state, 'najaf', 'state-of-law');
    expect(sol.seats).toBe(3);
    expect(sol.defections).toEqual([{ to: 'd', votes: 2, step: 1 }]);
  });

  it('defect names an unknown target with the known deals, blocs and units', () => {
    const { base } = fixture();
    const error = stepError(base, { defect: { council: 'najaf', from: 'wathiqoon', seats: 1, to: 'badr-sadr' } });
    expect(error.path).toBe('defect.to');
    expect(error.message).toContain('unknown deal, bloc or unit "badr-sadr"');
  });

  it('seats sets a unit\'s seats and so the council size', () => {
    const { dataset, base } = fixture();
    const { state } = applyStep(base, { seats: { council: 'kirkuk', unit: 'kdp', seats: 3 } }, 0, dataset);
    expect(seatsOf(state, 'kirkuk')).toBe(17);
  });
});

describe('alignment and rule steps', () => {
  it('bloc without members takes the dataset bloc (cf) in every council where it sits', () => {
    const { dataset, base } = fixture();
    const { state } = applyStep(base, { bloc: { id: 'cf', councils: 'all' } }, 0, dataset);
    expect(state.blocs['cf']!.councils['maysan']).toEqual(['nabni', 'state-of-law', 'nsf']);
    expect(state.blocs['cf']!.councils['kirkuk']).toBeUndefined();
    expect(state.blocs['cf']!.councils['salahaddin']).toEqual(['national-framework']);
  });

  it('dissolve removes the bloc in the named councils only', () => {
    const { dataset, base } = fixture();
    const { state } = applySteps(base, [{ bloc: { id: 'cf', councils: 'all' } }, { dissolve: { bloc: 'cf', councils: ['najaf'] } }], dataset);
    expect(state.blocs['cf']!.councils['najaf']).toBeUndefined();
    expect(state.blocs['cf']!.councils['maysan']).toBeDefined();
  });

  it('a deal resolves zero-seat actors apart from units', () => {
    const { dataset, base } = fixture();
    const { state } = applySteps(base, [
      { split: { council: 'najaf', list: 'nabni', into: { badr: 2, aah: 1 } } },
      { deal: { id: 'badr-sadr', parties: ['badr', 'sadrists'], councils: ['najaf'], governor: 'badr' } },
    ], dataset);
    expect(state.deals['badr-sadr']).toMatchObject({ actors: ['sadrists'], councils: { najaf: ['badr'] } });
  });

  it('a deal governor may come from outside the deal and the council, but must name a party or actor', () => {
    const { dataset, base } = fixture();
    expect(stepError(base, { deal: { id: 'd', parties: ['nabni'], councils: ['najaf'], governor: 'nabnii' } }).path).toBe('deal.governor');
    // State of Law has no list of its own in Diyala (Diyala 2024); Sadrists hold none anywhere: both are accepted.
    const { state } = applySteps(base, [
      { deal: { id: 'd', parties: ['taqaddum', 'siyada'], councils: ['diyala'], governor: 'state-of-law' } },
      { deal: { id: 's', parties: ['nabni', 'sadrists'], councils: ['najaf'], governor: 'sadrists' } },
    ], dataset);
    expect(state.deals['d']!.councils).toEqual({ diyala: ['taqaddum', 'siyada'] });
    expect(state.provenance['diyala']!.at(-1)!.text).toContain('(no seat in this council)');
  });

  it('join and leave edit a deal per council', () => {
    const { dataset, base } = fixture();
    const { state } = applySteps(base, [
      { deal: { id: 'd', parties: ['nabni'], councils: ['najaf', 'babil'], governor: 'nabni' } },
      { join: { units: ['nsf'], to: 'd', councils: ['najaf'] } },
      { leave: { units: ['nabni'], from: 'd', councils: ['babil'] } },
    ], dataset);
    expect(state.deals['d']!.councils).toEqual({ najaf: ['nabni', 'nsf'] });
  });

  it('group rejects a council in two groups; package must include the governor', () => {
    const { base } = fixture();
    expect(stepError(base, { group: { A: ['najaf'], B: ['najaf'] } }).path).toBe('group.B[0]');
    expect(stepError(base, { package: { council: 'nineveh', posts: ['chair', 'deputy-chair'] } }).path).toBe('package.posts');
  });

  it('veto and incompatible check their ids exist', () => {
    const { base } = fixture();
    expect(stepError(base, { veto: { actor: 'sadrist', councils: 'all', against: ['nabni'] } }).path).toBe('veto.actor');
    expect(stepError(base, { incompatible: { between: ['cf', 'sadrits'], councils: 'all' } }).path).toBe('incompatible.between[1]');
  });
});

describe('transitions are patches', () => {
  const steps: Step[] = [
    { bloc: { id: 'cf', councils: 'all' } },
    { split: { council: 'najaf', list: 'nabni', into: { badr: 2, aah: 1 } } },
    { deal: { id: 'badr-sadr', parties: ['badr', 'sadrists'], councils: ['najaf'], governor: 'badr' } },
    { transfer: { council: 'wasit', from: 'wasit-ajmal', to: 'nsf', seats: 1 } },
    { absent: { council: 'kirkuk', units: ['kdp'] } },
  ];

  it('undo walks back to the base state and redo forward again', () => {
    const { dataset, base } = fixture();
    const { state, transitions } = applySteps(base, steps, dataset);
    let back = state;
    for (const transition of [...transitions].reverse()) back = undo(back, transition);
    expect(back).toEqual(base);
    let forward = back;
    for (const transition of transitions) forward = redo(forward, transition);
    expect(forward).toEqual(state);
  });

  it('the input state is never changed (states are frozen)', () => {
    const { dataset, base } = fixture();
    const before = JSON.stringify(base);
    applySteps(base, steps, dataset);
    expect(JSON.stringify(base)).toBe(before);
    expect(Object.isFrozen(base.councils['najaf'])).toBe(true);
  });

  it('patches tell which councils a step touched', () => {
    const { dataset, base } = fixture();
    const { transitions } = applySteps(base, steps, dataset);
    expect(touchedCouncils(transitions[1]!, base)).toEqual(['najaf']);
    expect(touchedCouncils(transitions[3]!, base)).toEqual(['wasit']);
    // The cf bloc sits where a CF-family list does: Nineveh has national-contract, Kirkuk has none.
    expect(touchedCouncils(transitions[0]!, base)).not.toContain('kirkuk');
    expect(touchedCouncils(transitions[0]!, base)).toContain('nineveh');
  });
});
