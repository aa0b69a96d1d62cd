/**
 * The `attend` and `defect` steps (applyAttend, applyDefect) and the seat count in `transfer`'s record:
 * refusals word for word, what a defection records, and which deals and blocs an unknown target's hint
 * lists. Seat counts are hand-read from data/iraq-2023/councils/*.yaml: Najaf 15 = nabni 3 +
 * state-of-law 3 + wafaa 2 + nsf 2 + absher 1 + idraak 1 + wathiqoon 1 + qiyam 1 + madar 1.
 * Transitions are memoised per (state, index, step), so every test uses its own units, counts or ids.
 */
import { describe, expect, it } from 'vitest';
import { applySteps } from '../../src/scenarios/steps/index.js';
import { fixture, stepError, stepsError } from '../helpers/steps.js';

const NAJAF_UNITS = 'nabni, state-of-law, wafaa, nsf, absher, idraak, wathiqoon, qiyam, madar';

describe('attend: refusals', () => {
  it('attend without a count refuses a unit whose members all attend', () => {
    const { base } = fixture();
    // Wafaa's 2 members are all present on the final seats, so there is nobody to bring back.
    const error = stepError(base, { attend: { council: 'najaf', units: ['wafaa'] } });
    expect(error.path).toBe('attend.units');
    expect(error.message).toBe('all of "wafaa"\'s members already attend in council najaf');
  });

  it('attend refuses to bring back more members than are absent', () => {
    // nsf 2 seats, 1 marked absent: only 1 can come back, not 2.
    const error = stepsError([
      { absent: { council: 'najaf', units: ['nsf'], seats: 1 } },
      { attend: { council: 'najaf', units: ['nsf'], seats: 2 } },
    ]);
    expect(error.path).toBe('attend.seats');
    expect(error.message).toBe('only 1 of "nsf"\'s members are absent in council najaf; cannot bring back 2');
  });
});

describe('defect: refusals', () => {
  it('defect refuses more members than are present, none defected yet', () => {
    const { base } = fixture();
    // Wafaa has 2 members, all present: 3 cannot move.
    const error = stepError(base, { defect: { council: 'najaf', from: 'wafaa', seats: 3 } });
    expect(error.path).toBe('defect.seats');
    expect(error.message).toBe('"wafaa" has 2 members present in council najaf; cannot move 3');
  });

  it('defect counts members who already defected', () => {
    // State of Law 3 present, 1 already defected: 3 − 1 = 2 can still move, not 3.
    const error = stepsError([
      { defect: { council: 'najaf', from: 'state-of-law', seats: 1 } },
      { defect: { council: 'najaf', from: 'state-of-law', seats: 3 } },
    ]);
    expect(error.path).toBe('defect.seats');
    expect(error.message).toBe('"state-of-law" has 3 members present in council najaf, 1 already defected; cannot move 3');
  });

  it('an unknown target lists only the deals and blocs active in that council, and its units', () => {
    // One deal and one bloc in Najaf, one of each in Karbala only: the hint names the Najaf ones.
    const error = stepsError([
      { deal: { id: 'pact-najaf', parties: ['nabni'], councils: ['najaf'], governor: 'nabni' } },
      { deal: { id: 'pact-karbala', parties: ['nabni'], councils: ['karbala'], governor: 'nabni' } },
      { bloc: { id: 'bloc-najaf', members: ['idraak'], councils: ['najaf'] } },
      { bloc: { id: 'bloc-karbala', members: ['nsf'], councils: ['karbala'] } },
      { defect: { council: 'najaf', from: 'madar', seats: 1, to: 'nowhere' } },
    ]);
    expect(error.path).toBe('defect.to');
    expect(error.message).toBe(`unknown deal, bloc or unit "nowhere" in council najaf (deals: pact-najaf) (blocs: bloc-najaf) (units: ${NAJAF_UNITS})`);
  });

  it('a unit cannot defect to itself', () => {
    const { base } = fixture();
    const error = stepError(base, { defect: { council: 'najaf', from: 'qiyam', seats: 1, to: 'qiyam' } });
    expect(error.path).toBe('defect.to');
    expect(error.message).toBe('"qiyam" cannot defect to itself');
  });

  it('a unit cannot defect to a deal it is already part of', () => {
    const error = stepsError([
      { deal: { id: 'absher-nsf', parties: ['absher', 'nsf'], councils: ['najaf'], governor: 'nsf' } },
      { defect: { council: 'najaf', from: 'absher', seats: 1, to: 'absher-nsf' } },
    ]);
    expect(error.path).toBe('defect.to');
    expect(error.message).toBe('"absher" is already part of "absher-nsf" in council najaf');
  });

  it('a unit cannot defect to a bloc it is already part of', () => {
    const error = stepsError([
      { bloc: { id: 'wafaa-idraak', members: ['wafaa', 'idraak'], councils: ['najaf'] } },
      { defect: { council: 'najaf', from: 'idraak', seats: 1, to: 'wafaa-idraak' } },
    ]);
    expect(error.path).toBe('defect.to');
    expect(error.message).toBe('"idraak" is already part of "wafaa-idraak" in council najaf');
  });
});

describe('defect: what it records', () => {
  it('a defection to a unit and one against the line say so, and seats stay', () => {
    const { dataset, base } = fixture();
    const { state } = applySteps(base, [
      { defect: { council: 'najaf', from: 'nabni', seats: 2, to: 'wafaa' } },
      { defect: { council: 'najaf', from: 'nsf', seats: 1 } },
    ], dataset);
    expect(state.provenance['najaf']!.map((entry) => entry.text)).toEqual([
      "2 of nabni's members vote with wafaa (seats stay with nabni)",
      "1 of nsf's members vote against their line (seats stay with nsf)",
    ]);
    const nabni = state.councils['najaf']!.units.find((unit) => unit.id === 'nabni')!;
    expect(nabni.defections).toEqual([{ to: 'wafaa', votes: 2, step: 0 }]);
  });

  it('a defection to a deal with no seats in the council (only an actor) is accepted', () => {
    const { dataset, base } = fixture();
    // The Sadrists are a zero-seat actor, so the deal covers Najaf with no unit: nothing to resolve, nothing wrong.
    const { state } = applySteps(base, [
      { deal: { id: 'sadr-najaf', parties: ['sadrists'], councils: ['najaf'], governor: 'sadrists' } },
      { defect: { council: 'najaf', from: 'wathiqoon', seats: 1, to: 'sadr-najaf' } },
    ], dataset);
    const wathiqoon = state.councils['najaf']!.units.find((unit) => unit.id === 'wathiqoon')!;
    expect(wathiqoon.defections).toEqual([{ to: 'sadr-najaf', votes: 1, step: 1 }]);
  });
});

describe('transfer: the seat count in its record', () => {
  it('says "seats" for more than one and "seat" for one', () => {
    const { dataset, base } = fixture();
    const { state } = applySteps(base, [
      // Wafaa 2 → 0 and nsf 2 → 4; then idraak 1 → 0 and qiyam 1 → 2.
      { transfer: { council: 'najaf', from: 'wafaa', to: 'nsf', seats: 2 } },
      { transfer: { council: 'najaf', from: 'idraak', to: 'qiyam', seats: 1 } },
    ], dataset);
    expect(state.provenance['najaf']!.map((entry) => entry.text)).toEqual([
      'moved 2 seats wafaa → nsf (wafaa 2 → 0, nsf 2 → 4)',
      'moved 1 seat idraak → qiyam (idraak 1 → 0, qiyam 1 → 2)',
    ]);
  });
});
