import { describe, expect, it } from 'vitest';
import type { Rational } from '../../src/model/rational.js';
import {
  type ProbabilisticCouncil,
  type ProbabilisticScenario,
  type ProbabilisticUnit,
  type Shock,
  assertValidModel,
  modelProblems,
} from '../../src/model/uncertainty/index.js';
import { thrown } from '../helpers/errors.js';

// Raw fractions on purpose: modelProblems must judge unnormalised values too (a zero or negative
// denominator, a numerator above it), which rational() would never build.
const q = (num: bigint, den: bigint): Rational => ({ num, den });
const HALF = q(1n, 2n);

function unit(id: string, seats: number, inCoalition: boolean, changes: Partial<ProbabilisticUnit> = {}): ProbabilisticUnit {
  return { id, seats, attendance: Array.from({ length: seats }, () => HALF), inCoalition, switchProbability: HALF, ...changes };
}

function council(id: string, units: ProbabilisticUnit[], changes: Partial<ProbabilisticCouncil> = {}): ProbabilisticCouncil {
  return { id, threshold: 2, quorum: 2, units, governedByBloc: true, ...changes };
}

function scenario(councils: ProbabilisticCouncil[], shocks: Shock[] = []): ProbabilisticScenario {
  return { bloc: 'cf', councils, shocks };
}

describe('modelProblems: a well-formed model', () => {
  it('has no problems at the edges of every range (0 and 1 as probabilities, threshold and quorum 0, no seats)', () => {
    // 0/1 and 1/1 are the ends of [0, 1]; 2/2 is 1 unnormalised (num = den). A unit of 0 seats has an
    // empty attendance list. Threshold and quorum 0 are allowed (every draw elects).
    const model = scenario(
      [
        council('basra', [unit('a', 2, true, { attendance: [q(0n, 1n), q(1n, 1n)], switchProbability: q(2n, 2n) }), unit('b', 1, false), unit('c', 0, false)], {
          threshold: 0,
          quorum: 0,
          rivals: [{ id: 'rump', units: [1, 2], governedByBloc: false }],
        }),
        council('ninawa', [unit('a', 1, true)]), // the same unit id in another council is no duplicate
      ],
      [{ id: 'walkout', probability: q(0n, 1n), effect: 'absent', targets: [{ council: 1, unit: 0 }, { council: 0, unit: 2 }] }],
    );
    expect(modelProblems(model)).toEqual([]);
    expect(() => assertValidModel(model)).not.toThrow();
  });
});

describe('modelProblems: councils', () => {
  it.each([-1, 1.5, Number.NaN, 2 ** 53])('threshold %s is not a non-negative safe integer', (threshold) => {
    // -1 fails only the sign test, 1.5, NaN and 2^53 only the safe-integer test: both halves must report.
    const model = scenario([council('anbar', [unit('a', 1, true)]), council('basra', [unit('a', 1, true)], { threshold })]);
    expect(modelProblems(model)).toEqual(['councils[1] (basra): threshold must be a non-negative integer']);
  });

  it.each([-1, 1.5, Number.NaN, 2 ** 53])('quorum %s is not a non-negative safe integer', (quorum) => {
    const model = scenario([council('anbar', [unit('a', 1, true)]), council('basra', [unit('a', 1, true)], { quorum })]);
    expect(modelProblems(model)).toEqual(['councils[1] (basra): quorum must be a non-negative integer']);
  });

  it('names a unit id used twice in one council, once per repeat', () => {
    // Three units called x: the second and the third are repeats.
    const model = scenario([council('diyala', [unit('x', 1, true), unit('y', 1, false), unit('x', 1, false), unit('x', 1, false)])]);
    expect(modelProblems(model)).toEqual(['councils[0] (diyala): duplicate unit x', 'councils[0] (diyala): duplicate unit x']);
  });

  it('reports seats that are not a non-negative integer (the attendance list cannot match them either)', () => {
    const model = scenario([
      council('kirkuk', [
        unit('neg', 1, true, { seats: -1, attendance: [] }),
        unit('frac', 1, false, { seats: 1.5, attendance: [HALF] }),
      ]),
    ]);
    expect(modelProblems(model)).toEqual([
      'councils[0] (kirkuk).neg: seats must be a non-negative integer',
      'councils[0] (kirkuk).neg: 0 attendance probabilities for -1 seats',
      'councils[0] (kirkuk).frac: seats must be a non-negative integer',
      'councils[0] (kirkuk).frac: 1 attendance probabilities for 1.5 seats',
    ]);
  });

  it('reports an attendance list longer or shorter than the seats', () => {
    const model = scenario([
      council('babil', [unit('short', 3, true, { attendance: [HALF, HALF] }), unit('long', 1, false, { attendance: [HALF, HALF] })]),
    ]);
    expect(modelProblems(model)).toEqual([
      'councils[0] (babil).short: 2 attendance probabilities for 3 seats',
      'councils[0] (babil).long: 2 attendance probabilities for 1 seats',
    ]);
  });
});

describe('modelProblems: probabilities outside [0, 1]', () => {
  // 3/2 > 1 (num > den); −1/2 < 0 (num < 0, den > 0, so num ≤ den holds); 0/0 has no value although
  // 0 ≤ num ≤ den holds. Each fails exactly one of the three conditions.
  it.each([
    ['3/2', q(3n, 2n)],
    ['-1/2', q(-1n, 2n)],
    ['0/0', q(0n, 0n)],
  ])('%s is rejected as an attendance, a switch and a shock probability', (_label, bad) => {
    const model = scenario(
      [council('najaf', [unit('a', 2, true, { attendance: [HALF, bad] }), unit('b', 1, false, { switchProbability: bad })])],
      [
        { id: 'fine', probability: HALF, effect: 'support', targets: [] },
        { id: 'split', probability: bad, effect: 'oppose', targets: [{ council: 0, unit: 1 }] },
      ],
    );
    expect(modelProblems(model)).toEqual([
      'councils[0] (najaf).a: attendance outside [0, 1]',
      'councils[0] (najaf).b: switch probability outside [0, 1]',
      'shocks[1] (split): probability outside [0, 1]',
    ]);
  });
});

describe('modelProblems: rival alignments', () => {
  it('reports a missing unit, a coalition unit and a unit held by two rivals', () => {
    // Units: 0 = sadr (in the coalition), 1 = hikma, 2 = badr. Rival "ghost" names index 5 (absent),
    // "grab" names 0 (the coalition's), "left" and "right" both hold 1; 2 is held once, which is fine.
    const model = scenario([
      council('maysan', [unit('sadr', 1, true), unit('hikma', 1, false), unit('badr', 1, false)], {
        rivals: [
          { id: 'ghost', units: [5], governedByBloc: false },
          { id: 'grab', units: [0], governedByBloc: false },
          { id: 'left', units: [1, 2], governedByBloc: true },
          { id: 'right', units: [1], governedByBloc: false },
        ],
      }),
    ]);
    expect(modelProblems(model)).toEqual([
      'councils[0] (maysan): rival ghost names no unit 5',
      'councils[0] (maysan): rival grab holds sadr of the simulated coalition',
      'councils[0] (maysan): unit 1 is in two rival alignments',
    ]);
  });
});

describe('modelProblems: shock targets', () => {
  it('reports a target council or unit index that does not exist', () => {
    // One council of two units: council 1 does not exist, unit 2 of council 0 does not either.
    const model = scenario(
      [council('wasit', [unit('a', 1, true), unit('b', 1, false)])],
      [
        { id: 'ok', probability: HALF, effect: 'attend', targets: [{ council: 0, unit: 1 }] },
        { id: 'stray', probability: HALF, effect: 'absent', targets: [{ council: 1, unit: 0 }, { council: 0, unit: 0 }, { council: 0, unit: 2 }] },
      ],
    );
    expect(modelProblems(model)).toEqual(['shocks[1] (stray): no unit 0 in council 1', 'shocks[1] (stray): no unit 2 in council 0']);
  });
});

describe('assertValidModel', () => {
  it('throws a RangeError listing every problem, one per line', () => {
    const model = scenario([council('dhi-qar', [unit('a', 1, true)], { threshold: -1, quorum: -1 })]);
    const error = thrown(() => assertValidModel(model), RangeError);
    expect(error.message).toBe(
      'invalid probabilistic scenario:\n' +
        'councils[0] (dhi-qar): threshold must be a non-negative integer\n' +
        'councils[0] (dhi-qar): quorum must be a non-negative integer',
    );
  });
});
