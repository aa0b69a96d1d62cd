/**
 * The `transfer` and `seats` steps and which units `absent` names: refusals word for word, what
 * they record, and attendance kept through a seat change. Seat counts are hand-read from the final
 * seat tables in data/iraq-2023/councils/*.yaml: Babil 18 = nabni 4 + state-of-law 3 + nsf 3 +
 * ishraqat-kanoun 2 + barlaman-shaab 2 + absher 1 + qiyam 1 + madar 1 + faw-zakho 1; Muthanna 12 =
 * state-of-law 3 + nsf 3 + nabni 3 + absher 2 + jumhur-muthanna 1; Qadisiyah 14 = nabni 4 +
 * state-of-law 3 + qiyam 3 + nsf 2 + ishraqat-kanoun 1 + absher 1; Karbala 13 = ibdaa-karbala 7 +
 * state-of-law 2 + nabni 2 + nsf 1 + unidentified 1; Maysan 13 = nabni 6 + state-of-law 3 + nsf 3 +
 * quota-sabean 1. Transitions are memoised per (state, index, step), so each test uses step
 * content of its own: each computes its own transition.
 */
import { describe, expect, it } from 'vitest';
import type { ScenarioState } from '../../src/scenarios/scenario-state.js';
import { applySteps } from '../../src/scenarios/steps/index.js';
import { fixture, stepError, stepsError } from '../helpers/steps.js';

function unit(state: ScenarioState, council: string, id: string) {
  const found = state.councils[council]!.units.find((entry) => entry.id === id);
  if (!found) throw new Error(`no unit ${id} in ${council}`);
  return found;
}

describe('transfer: refusals', () => {
  it('an unknown target unit is reported under transfer.to', () => {
    const { base } = fixture();
    const error = stepError(base, { transfer: { council: 'muthanna', from: 'nabni', to: 'qqqq', seats: 1 } });
    expect(error.path).toBe('transfer.to');
    expect(error.message).toBe('unknown unit "qqqq" in council muthanna (known: state-of-law, nsf, nabni, absher, jumhur-muthanna)');
  });

  it('a unit cannot transfer seats to itself', () => {
    const { base } = fixture();
    const error = stepError(base, { transfer: { council: 'muthanna', from: 'nsf', to: 'nsf', seats: 2 } });
    expect(error.path).toBe('transfer.to');
    expect(error.message).toBe('a transfer needs two different units');
  });

  it('defected members cannot be transferred, and the refusal says how many defected', () => {
    // Qiyam holds 3 in Qadisiyah; 1 defects, so 3 - 1 = 2 seats can move, not 3.
    const error = stepsError([
      { defect: { council: 'qadisiyah', from: 'qiyam', seats: 1 } },
      { transfer: { council: 'qadisiyah', from: 'qiyam', to: 'nsf', seats: 3 } },
    ]);
    expect(error.path).toBe('transfer.seats');
    expect(error.message).toBe('"qiyam" holds 3 seats in council qadisiyah (1 defected); cannot transfer 3');
  });
});

describe('seats: refusals', () => {
  it('an unknown unit is reported under seats.unit', () => {
    const { base } = fixture();
    const error = stepError(base, { seats: { council: 'maysan', unit: 'qqqq', seats: 2 } });
    expect(error.path).toBe('seats.unit');
    expect(error.message).toBe('unknown unit "qqqq" in council maysan (known: nabni, state-of-law, nsf, quota-sabean)');
  });

  it('a unit cannot hold fewer seats than its defected members', () => {
    const error = stepsError([
      { defect: { council: 'babil', from: 'nsf', seats: 2 } },
      { seats: { council: 'babil', unit: 'nsf', seats: 1 } },
    ]);
    expect(error.path).toBe('seats.seats');
    expect(error.message).toBe('"nsf" has 2 defected members in council babil; cannot set 1 seats');
  });
});

describe('seats: what it records and who stays present', () => {
  it('a unit may shrink to exactly its defected members; the record gives the council size before and after', () => {
    const { dataset, base } = fixture();
    const { state } = applySteps(base, [
      { defect: { council: 'muthanna', from: 'state-of-law', seats: 1 } },
      { seats: { council: 'muthanna', unit: 'state-of-law', seats: 1 } },
    ], dataset);
    // 1 seat = 1 defected member is allowed; present min(3, 1) = 1.
    expect(unit(state, 'muthanna', 'state-of-law')).toMatchObject({ seats: 1, present: 1 });
    // Muthanna 12 → 12 - 3 + 1 = 10.
    expect(state.provenance['muthanna']!.at(-1)!.text).toBe('set state-of-law seats 3 → 1 (council 12 → 10 members)');
  });

  it('shrinking a unit drops its absent members first', () => {
    const { dataset, base } = fixture();
    const { state } = applySteps(base, [
      { absent: { council: 'karbala', units: ['ibdaa-karbala'], seats: 2 } },
      { seats: { council: 'karbala', unit: 'ibdaa-karbala', seats: 6 } },
    ], dataset);
    // 7 seats with 5 present → 6 seats: the lost seat was an absent one, so 5 stay present (not 5 - 1).
    expect(unit(state, 'karbala', 'ibdaa-karbala')).toMatchObject({ seats: 6, present: 5 });
    // Karbala 13 → 13 - 7 + 6 = 12.
    expect(state.provenance['karbala']!.at(-1)!.text).toBe('set ibdaa-karbala seats 7 → 6 (council 13 → 12 members)');
  });
});

describe('absent: which units a reference names', () => {
  it('a split list with no count names every faction, each marked absent in full', () => {
    const { dataset, base } = fixture();
    const { state } = applySteps(base, [
      { split: { council: 'maysan', list: 'nabni', into: { badr: 4, aah: 2 } } },
      { absent: { council: 'maysan', units: ['nabni'] } },
    ], dataset);
    expect(unit(state, 'maysan', 'badr')).toMatchObject({ seats: 4, present: 0 });
    expect(unit(state, 'maysan', 'aah')).toMatchObject({ seats: 2, present: 0 });
    expect(state.provenance['maysan']!.slice(1).map((entry) => entry.text)).toEqual([
      '4 of badr\'s 4 members absent (present 4 → 0)',
      '2 of aah\'s 2 members absent (present 2 → 0)',
    ]);
  });

  it('a split list with a count must name one faction', () => {
    const error = stepsError([
      { split: { council: 'qadisiyah', list: 'nabni', into: { badr: 3, aah: 1 } } },
      { absent: { council: 'qadisiyah', units: ['nsf', 'nabni'], seats: 1 } },
    ]);
    expect(error.path).toBe('absent.units[1]');
    expect(error.message).toBe('"nabni" is split into badr, aah in council qadisiyah; name one of them');
  });
});

describe('absent: refusals', () => {
  it('a unit whose members are all already absent cannot be marked absent again', () => {
    const error = stepsError([
      { absent: { council: 'qadisiyah', units: ['ishraqat-kanoun'] } },
      { absent: { council: 'qadisiyah', units: ['absher', 'ishraqat-kanoun'] } },
    ]);
    expect(error.path).toBe('absent.units');
    expect(error.message).toBe('all of "ishraqat-kanoun"\'s members who could stay away are already absent in council qadisiyah');
  });

  it('defecting members cannot be marked absent, and the refusal says how many defect', () => {
    // Babil barlaman-shaab: 2 present, 1 defecting, so 2 - 1 = 1 could stay away, not 2.
    const error = stepsError([
      { defect: { council: 'babil', from: 'barlaman-shaab', seats: 1 } },
      { absent: { council: 'babil', units: ['barlaman-shaab'], seats: 2 } },
    ]);
    expect(error.path).toBe('absent.seats');
    expect(error.message).toBe('"barlaman-shaab" has 2 members present in council babil (1 of them defecting); cannot mark 2 absent');
  });
});
