/**
 * The numeric form of a council, field by field, against values worked out by hand: interchangeable
 * units (the hinge search caches per pair of classes, so a wrong class is a wrong answer and a missing
 * one only a slower search), constraints merged from the council and the options, free-weight tables,
 * the ideological order, and every refusal with the path and source (data or usage) it names.
 */
import { describe, expect, it } from 'vitest';
import type { Council, VotingUnit } from '../../src/model/council.js';
import { GovsimDataError, GovsimUsageError } from '../../src/model/errors.js';
import { SplitMix32 } from '../../src/model/random.js';
import { MAX_MEMBERS, MAX_UNITS, maskIds, prepareCouncil, roleName } from '../../src/model/analysis/prepared-council.js';

type UnitSpec = { id: string; seats: number; present?: number; blocs?: string[] };

function council(units: UnitSpec[], extra: Pick<Council, 'rules' | 'constraints'> = {}): Council {
  return { id: 't', name: 'T', units: units.map((unit): VotingUnit => ({ name: unit.id, kind: 'list', ...unit })), ...extra };
}

function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a refusal');
}

function dataIssues(run: () => unknown): string[] {
  const error = thrown(run);
  expect(error).toBeInstanceOf(GovsimDataError);
  return (error as GovsimDataError).issues.map((issue) => `${issue.path}: ${issue.message}`);
}

function usageMessage(run: () => unknown): string {
  const error = thrown(run);
  expect(error).toBeInstanceOf(GovsimUsageError);
  return (error as GovsimUsageError).message;
}

const five = (blocs = true): UnitSpec[] => [
  { id: 'a', seats: 5, ...(blocs ? { blocs: ['x'] } : {}) },
  { id: 'b', seats: 4, ...(blocs ? { blocs: ['x'] } : {}) },
  { id: 'c', seats: 3 },
  { id: 'd', seats: 2 },
  { id: 'e', seats: 1 },
];

describe('symmetry classes', () => {
  it('groups units with the same seats, attendance, role, side of the declared coalition and conflicts, outside the order', () => {
    const units: UnitSpec[] = [
      { id: 'u0', seats: 3 },
      { id: 'u1', seats: 3 },
      { id: 'u2', seats: 3, present: 2 }, // fewer present: a different weight
      { id: 'u3', seats: 2 },
      { id: 'u4', seats: 2 }, // declared
      { id: 'u5', seats: 2 },
      { id: 'u6', seats: 1 }, // required
      { id: 'u7', seats: 1 },
      { id: 'u8', seats: 1 }, // incompatible with u9: alike apart from each other
      { id: 'u9', seats: 1 },
      { id: 'u10', seats: 1 }, // in the order: never grouped
      { id: 'u11', seats: 1 },
      { id: 'u12', seats: 1 }, // required
      { id: 'u13', seats: 1 }, // excluded
      { id: 'u14', seats: 1 }, // excluded
      { id: 'u15', seats: 2, present: 2 },
      { id: 'u16', seats: 4, present: 3 }, // the weight of u0, not its seats
      { id: 'u17', seats: 2 }, // declared
    ];
    const prepared = prepareCouncil(council(units), {
      coalition: ['u4', 'u17'],
      order: ['u10'],
      constraints: { required: ['u6', 'u12'], excluded: ['u13', 'u14'], incompatible: [['u8', 'u9']] },
    });
    expect([...prepared.symmetryClass]).toEqual([0, 0, 2, 3, 4, 3, 6, 7, 8, 8, 10, 7, 6, 13, 13, 3, 16, 4]);
  });

  it('keeps apart units whose conflicts differ, and a unit alike to only some members of a class', () => {
    // p and q refuse r; s refuses nobody; t refuses p only.
    const prepared = prepareCouncil(
      council([
        { id: 'p', seats: 1 },
        { id: 'q', seats: 1 },
        { id: 'r', seats: 1 },
        { id: 's', seats: 1 },
        { id: 't', seats: 1 },
      ]),
      { constraints: { incompatible: [['p', 'r'], ['q', 'r'], ['t', 'p']] } },
    );
    // p {r, t} and q {r}: apart from each other still different. r {p, q} and q {r}: different.
    // s {} and t {p}: different. So nobody is grouped.
    expect([...prepared.symmetryClass]).toEqual([0, 1, 2, 3, 4]);
    const alike = prepareCouncil(council([{ id: 'p', seats: 1 }, { id: 'q', seats: 1 }, { id: 'r', seats: 1 }]), { constraints: { incompatible: [['p', 'r'], ['q', 'r']] } });
    // p and q both refuse r: interchangeable. r refuses both: alone.
    expect([...alike.symmetryClass]).toEqual([0, 0, 2]);
  });

  it('without a declared coalition, ignores which side a unit would be on', () => {
    expect([...prepareCouncil(council([{ id: 'a', seats: 2 }, { id: 'b', seats: 2 }])).symmetryClass]).toEqual([0, 0]);
    expect([...prepareCouncil(council([{ id: 'a', seats: 2 }, { id: 'b', seats: 2 }]), { coalition: ['a'] }).symmetryClass]).toEqual([0, 1]);
    expect([...prepareCouncil(council([{ id: 'a', seats: 2 }, { id: 'b', seats: 2 }]), { coalition: ['a', 'b'] }).symmetryClass]).toEqual([0, 0]);
    // A unit in the order keeps its place in it: grouped with nobody, before or after it.
    expect([...prepareCouncil(council([{ id: 'a', seats: 2 }, { id: 'b', seats: 2 }]), { order: ['a'] }).symmetryClass]).toEqual([0, 1]);
    expect([...prepareCouncil(council([{ id: 'a', seats: 2 }, { id: 'b', seats: 2 }]), { order: ['b'] }).symmetryClass]).toEqual([0, 1]);
  });
});

describe('symmetry classes against pairwise twins', () => {
  it('puts two units in one class exactly when they are alike pairwise (random councils with conflicts)', () => {
    const random = new SplitMix32(2024);
    for (let trial = 0; trial < 1500; trial++) {
      const size = 3 + (random.nextUint32() % 5);
      const units = Array.from({ length: size }, (_, u): UnitSpec => ({ id: `u${u}`, seats: 1 + (random.nextUint32() % 2) }));
      const pairs: [string, string][] = [];
      for (let a = 0; a < size; a++) for (let b = a + 1; b < size; b++) if (random.nextUint32() % 2 === 1) pairs.push([`u${a}`, `u${b}`]);
      const prepared = prepareCouncil(council(units), { constraints: { incompatible: pairs } });
      const refused = (u: number, apart: number): string[] =>
        pairs.flatMap(([a, b]) => (a === `u${u}` ? [b] : b === `u${u}` ? [a] : [])).filter((id) => id !== `u${apart}`).sort();
      for (let u = 0; u < size; u++) {
        for (let v = u + 1; v < size; v++) {
          const alike = units[u]!.seats === units[v]!.seats && refused(u, v).join() === refused(v, u).join();
          expect(prepared.symmetryClass[u] === prepared.symmetryClass[v], `trial ${trial}: u${u}, u${v} of ${JSON.stringify(pairs)}`).toBe(alike);
        }
      }
    }
  });
});

describe('constraints', () => {
  it('merges the council and the options, expands blocs, and lists each incompatible pair once', () => {
    const prepared = prepareCouncil(council(five(), { constraints: { incompatible: [['x', 'c']], required: ['d'] } }), {
      constraints: { incompatible: [['a', 'c'], ['c', 'c']], excluded: ['e'] },
    });
    expect(prepared.resolved).toEqual({ incompatible: [['a', 'c'], ['b', 'c']], required: ['d'], excluded: ['e'], excludedByRequired: [], order: [] });
    expect(prepared.requiredMask).toBe(8);
    expect(prepared.excludedMask).toBe(16);
    expect(prepared.infeasible).toBe(false);
    expect([...prepared.roles].map((_, u) => roleName(prepared, u))).toEqual(['free', 'free', 'free', 'required', 'excluded']);
    expect(prepared.requiredWeight).toBe(2);
    expect(prepared.requiredUnits).toBe(1);
    expect([...prepared.conflicts]).toEqual([4, 4, 3, 0, 0]);
    expect(prepared.constrainedMask).toBe(7);
    expect(prepared.classes).toBeUndefined();
    expect([...prepared.freeWeights]).toEqual([5, 4, 3]);
    expect([...prepared.freeWeightCounts]).toEqual([1, 1, 1]);
    expect([...prepared.freeWeightSlot]).toEqual([0, 1, 2, -1, -1]);
    expect([...prepared.searchOrder]).toEqual([0, 1, 2]);
  });

  it('excludes the units incompatible with a required one, apart from those excluded already', () => {
    const byRequired = prepareCouncil(council(five()), { constraints: { incompatible: [['x', 'c']], required: ['c'] } });
    expect(byRequired.resolved.excludedByRequired).toEqual(['a', 'b']);
    expect(byRequired.resolved.excluded).toEqual([]);
    expect(byRequired.excludedMask).toBe(3);
    expect([...byRequired.roles].map((_, u) => roleName(byRequired, u))).toEqual(['excluded', 'excluded', 'required', 'free', 'free']);
    expect(byRequired.requiredWeight).toBe(3);
    // No free unit refuses another free one any more.
    expect(byRequired.constrainedMask).toBe(0);
    expect([...byRequired.conflicts]).toEqual([0, 0, 0, 0, 0]);
    expect(byRequired.classes).toBeDefined();

    const both = prepareCouncil(council(five()), { constraints: { incompatible: [['x', 'c']], required: ['c'], excluded: ['a'] } });
    expect(both.resolved.excludedByRequired).toEqual(['b']);
    expect(both.resolved.excluded).toEqual(['a']);
    expect(both.excludedMask).toBe(3);
  });

  it('marks a council infeasible when a required unit is excluded or two required units refuse each other', () => {
    expect(prepareCouncil(council(five()), { constraints: { required: ['a'], excluded: ['x'] } }).infeasible).toBe(true);
    expect(prepareCouncil(council(five()), { constraints: { required: ['a', 'c'], incompatible: [['c', 'x']] } }).infeasible).toBe(true);
    expect(prepareCouncil(council(five()), { constraints: { required: ['a', 'b'], incompatible: [['c', 'x']] } }).infeasible).toBe(false);
    expect(prepareCouncil(council(five()), { constraints: { required: ['e'], incompatible: [['c', 'd']] } }).infeasible).toBe(false);
  });

  it('reads a declared coalition as a mask, -1 when none is declared', () => {
    expect(prepareCouncil(council(five())).declaredMask).toBe(-1);
    expect(prepareCouncil(council(five()), { coalition: [] }).declaredMask).toBe(0);
    expect(prepareCouncil(council(five()), { coalition: ['x', 'e'] }).declaredMask).toBe(19);
  });
});

describe('weights and thresholds', () => {
  it('counts members, present members and the thresholds, with or without rules', () => {
    const units: UnitSpec[] = [{ id: 'a', seats: 3, present: 1 }, { id: 'b', seats: 0 }, { id: 'c', seats: 3 }, { id: 'd', seats: 1 }, { id: 'e', seats: 1, present: 0 }];
    const plain = prepareCouncil(council(units));
    expect(plain.ids).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(plain.size).toBe(5);
    expect([plain.members, plain.present, plain.majority, plain.quorum]).toEqual([8, 5, 5, 5]);
    expect([...plain.seats]).toEqual([3, 0, 3, 1, 1]);
    expect([...plain.weights]).toEqual([1, 0, 3, 1, 0]);
    // Distinct free weights in council order, zero included.
    expect([...plain.freeWeights]).toEqual([1, 0, 3]);
    expect([...plain.freeWeightCounts]).toEqual([2, 2, 1]);
    expect([...plain.freeWeightSlot]).toEqual([0, 1, 2, 0, 1]);
    // Weight descending, zero weights left out.
    expect([...plain.searchOrder]).toEqual([2, 0, 3]);
    const ruled = prepareCouncil(council(units, { rules: { majority: 6, quorum: 2 } }));
    expect([ruled.majority, ruled.quorum]).toEqual([6, 2]);
  });

  it('groups the search order by weight when no unit refuses another and at most 31 units sit', () => {
    const seats = (n: number) => Array.from({ length: n }, (_, u): UnitSpec => ({ id: `u${u}`, seats: 1 + (u % 3) }));
    expect(prepareCouncil(council(seats(31))).classes).toBeDefined();
    expect(prepareCouncil(council(seats(32))).classes).toBeUndefined();
  });
});

describe('the ideological order', () => {
  it('takes the options order over the options constraints over the council, and drops excluded units', () => {
    const withOrder = council(five(), { constraints: { order: ['e', 'd'] } });
    expect(prepareCouncil(withOrder).resolved.order).toEqual(['e', 'd']);
    expect(prepareCouncil(withOrder, { constraints: { order: ['c', 'b'] } }).resolved.order).toEqual(['c', 'b']);
    expect(prepareCouncil(withOrder, { order: ['a'], constraints: { order: ['c', 'b'] } }).resolved.order).toEqual(['a']);
    const compacted = prepareCouncil(council(five()), { order: ['a', 'e', 'c'], constraints: { excluded: ['e'] } });
    expect(compacted.resolved.order).toEqual(['a', 'e', 'c']);
    expect([...compacted.order]).toEqual([0, 2]);
  });

  it('refuses a bloc, an unknown unit or a unit listed twice, naming where', () => {
    expect(usageMessage(() => prepareCouncil(council(five()), { order: ['a', 'x', 'a'] }))).toBe(
      'order[1]: unknown unit "x" in council t (units: a, b, c, d, e)\norder[2]: unit "a" is listed twice in the order',
    );
    expect(usageMessage(() => prepareCouncil(council(five()), { constraints: { order: ['zz'] } }))).toBe('options.constraints.order[0]: unknown unit "zz" in council t (units: a, b, c, d, e)');
    expect(dataIssues(() => prepareCouncil(council(five(), { constraints: { order: ['b', 'b'] } })))).toEqual(['constraints.order[1]: unit "b" is listed twice in the order']);
  });
});

describe('unknown ids', () => {
  it('names the unit or bloc, the council, what it has, and the path; council ids are data errors', () => {
    expect(dataIssues(() => prepareCouncil(council(five(), { constraints: { required: ['zz'], incompatible: [['a', 'yy']] } })))).toEqual([
      'constraints.required[0]: unknown unit or bloc "zz" in council t (units: a, b, c, d, e; blocs: x)',
      'constraints.incompatible[0][1]: unknown unit or bloc "yy" in council t (units: a, b, c, d, e; blocs: x)',
    ]);
    const twoBlocs = five().map((unit) => (unit.id === 'c' ? { ...unit, blocs: ['y'] } : unit));
    expect(dataIssues(() => prepareCouncil(council(twoBlocs, { constraints: { required: ['zz'] } })))).toEqual([
      'constraints.required[0]: unknown unit or bloc "zz" in council t (units: a, b, c, d, e; blocs: x, y)',
    ]);
    expect(dataIssues(() => prepareCouncil(council(five(false), { constraints: { excluded: ['e', 'zz'] } })))).toEqual([
      'constraints.excluded[1]: unknown unit or bloc "zz" in council t (units: a, b, c, d, e)',
    ]);
  });

  it('reports ids from the options as a usage error, before any data error', () => {
    const message = usageMessage(() =>
      prepareCouncil(council(five(), { constraints: { required: ['zz'] } }), { coalition: ['a', 'qq'], constraints: { incompatible: [['ww', 'a']] } }),
    );
    expect(message).toBe(
      [
        'options.constraints.incompatible[0][0]: unknown unit or bloc "ww" in council t (units: a, b, c, d, e; blocs: x)',
        'coalition[1]: unknown unit or bloc "qq" in council t (units: a, b, c, d, e; blocs: x)',
      ].join('\n'),
    );
  });
});

describe('malformed councils', () => {
  it('refuses a council without units, or a unit without an id', () => {
    expect(dataIssues(() => prepareCouncil(null as unknown as Council))).toEqual(['units: expected a council with a list of units']);
    expect(dataIssues(() => prepareCouncil(undefined as unknown as Council))).toEqual(['units: expected a council with a list of units']);
    expect(dataIssues(() => prepareCouncil({ id: 't', name: 'T', units: [undefined] } as unknown as Council))).toEqual(['units[0]: expected a unit with an id']);
    expect(dataIssues(() => prepareCouncil({ id: 't', name: 'T' } as unknown as Council))).toEqual(['units: expected a council with a list of units']);
    expect(dataIssues(() => prepareCouncil({ id: 't', name: 'T', units: [{ id: 'a', seats: 1 }, null] } as unknown as Council))).toEqual(['units[1]: expected a unit with an id']);
    expect(dataIssues(() => prepareCouncil({ id: 't', name: 'T', units: [{ id: 'a', seats: 1 }, 'b'] } as unknown as Council))).toEqual(['units[1]: expected a unit with an id']);
    expect(dataIssues(() => prepareCouncil({ id: 't', name: 'T', units: [{ seats: 1 }] } as unknown as Council))).toEqual(['units[0]: expected a unit with an id']);
  });

  it('refuses seats, attendance and rules out of range, naming each', () => {
    expect(dataIssues(() => prepareCouncil(council([{ id: 'a', seats: -1 }, { id: 'b', seats: 1.5 }, { id: 'a', seats: 2, present: 3 }])))).toEqual([
      'units[0].seats: expected a non-negative integer, got -1',
      'units[0].present: expected an integer from 0 to -1 (seats), got -1',
      'units[1].seats: expected a non-negative integer, got 1.5',
      'units[1].present: expected an integer from 0 to 1.5 (seats), got 1.5',
      'units[2].id: duplicate unit id "a" in council t',
      'units[2].present: expected an integer from 0 to 2 (seats), got 3',
    ]);
    expect(dataIssues(() => prepareCouncil(council([{ id: 'a', seats: 2, present: -1 }, { id: 'b', seats: 2, present: 0.5 }])))).toEqual([
      'units[0].present: expected an integer from 0 to 2 (seats), got -1',
      'units[1].present: expected an integer from 0 to 2 (seats), got 0.5',
    ]);
    const four: UnitSpec[] = [{ id: 'a', seats: 3 }, { id: 'b', seats: 1 }];
    expect(prepareCouncil(council(four, { rules: { majority: 4, quorum: 1 } })).majority).toBe(4);
    expect(dataIssues(() => prepareCouncil(council(four, { rules: { majority: 5, quorum: 0 } })))).toEqual([
      'rules.majority: expected an integer from 1 to 4 (members), got 5',
      'rules.quorum: expected an integer from 1 to 4 (members), got 0',
    ]);
    expect(dataIssues(() => prepareCouncil(council(four, { rules: { majority: 2.5 } })))).toEqual(['rules.majority: expected an integer from 1 to 4 (members), got 2.5']);
  });

  it(`takes at most ${MAX_MEMBERS} members and ${MAX_UNITS} units`, () => {
    expect(prepareCouncil(council([{ id: 'a', seats: MAX_MEMBERS - 1 }, { id: 'b', seats: 1 }])).members).toBe(MAX_MEMBERS);
    expect(dataIssues(() => prepareCouncil(council([{ id: 'a', seats: MAX_MEMBERS }, { id: 'b', seats: 1 }])))).toEqual([
      `units: council t has ${MAX_MEMBERS + 1} members; the analysis handles at most ${MAX_MEMBERS}`,
    ]);
    const many = (n: number) => Array.from({ length: n }, (_, u): UnitSpec => ({ id: `u${u}`, seats: 1 }));
    expect(prepareCouncil(council(many(MAX_UNITS))).size).toBe(MAX_UNITS);
    expect(dataIssues(() => prepareCouncil(council(many(MAX_UNITS + 1))))).toEqual([`units: council t has ${MAX_UNITS + 1} voting units; the analysis handles at most ${MAX_UNITS}`]);
  });
});

describe('maskIds', () => {
  it('lists the ids of a mask in council order, past 31 units too', () => {
    const ids = Array.from({ length: 40 }, (_, u) => `u${u}`);
    expect(maskIds(0, ids)).toEqual([]);
    expect(maskIds(2 ** 0 + 2 ** 5 + 2 ** 31 + 2 ** 39, ids)).toEqual(['u0', 'u5', 'u31', 'u39']);
  });
});
