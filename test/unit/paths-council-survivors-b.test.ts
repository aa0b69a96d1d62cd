/**
 * "What would it take" and breaking points past the simple cases of paths-model.test.ts: members won over
 * or moved from several units, the ranking of paths and points that tie on seats, and every branch of
 * breakingPoints. Each expectation is worked out by hand in the comments.
 */
import { describe, expect, it } from 'vitest';
import { breakingPoints, councilPaths, PathSearchError } from '../../src/model/paths/index.js';
import type { PathsCouncil } from '../../src/model/paths/index.js';
import { unit } from '../helpers/paths-unit.js';


const base = { quorum: 1, alignments: [], governing: null, incompatible: [], confidence: 'documented' } as const;
const summary = (points: readonly { kind: string; units: readonly string[]; seats: number }[]): string[] =>
  points.map((point) => `${point.kind}:${point.units.join('+')}:${point.seats}`);

describe('members won over or moved from several units', () => {
  it('takes the largest units first, stops at the deficit, and ranks a two-party path before three-party ones', () => {
    // Threshold 9, t 4 present: deficit 5. Others, in council order: r 1/1, p 2/2 (inferred), q 4 seats 2 present.
    // No unit alone has 5 members present or 5 seats, so both kinds draw on several units, largest first:
    //   defections over present r 1, p 2, q 2: sum 5 = the deficit exactly; p 2 (left 3), q 2 (left 1), r 1 (left 0).
    //   transfer over seats r 1, p 2, q 4: q 4 (left 1), p 1 (left 0), stop: r is not needed.
    //   partners: r + p + q = 5 is the only set reaching 5 (listed heaviest first: p, q, r).
    // All add 5 seats; transfer names 2 parties, the others 3: transfer first, then partners before defections.
    const council: PathsCouncil = {
      ...base,
      id: 'm',
      threshold: 9,
      units: [unit('t', 4), unit('r', 1), unit('p', 2, 'p', { confidence: 'inferred' }), unit('q', 4, 'q', { present: 2 })],
    };
    const result = councilPaths(council, { id: 't', units: ['t'] });
    expect(result.deficit).toBe(5);
    expect(result.paths.map((path) => [path.kind, path.add, path.members, path.seatsAdded])).toEqual([
      ['transfer', [], [{ unit: 'q', seats: 4 }, { unit: 'p', seats: 1 }], 5],
      ['partners', ['p', 'q', 'r'], [], 5],
      ['defections', [], [{ unit: 'p', seats: 2 }, { unit: 'q', seats: 2 }, { unit: 'r', seats: 1 }], 5],
    ]);
    const transfer = result.paths[0]!;
    expect(transfer.arithmetic).toBe('t 4 + q moved 4 + p moved 1 = 9 ≥ 9, margin 0');
    const defections = result.paths[2]!;
    expect(defections.arithmetic).toBe('t 4 + p won over 2 + q won over 2 + r won over 1 = 9 ≥ 9, margin 0');
    // Both rest on p's inferred figure (t and the council are documented).
    expect([transfer.confidence, defections.confidence]).toEqual(['inferred', 'inferred']);
  });
});

describe('breaking points past one unit', () => {
  it('draws the members needed from the largest units until they suffice, and boycotts at a quorum met exactly', () => {
    // Governing x: b 2, c 2, a 3 present (council order), z 1 seat with nobody present (unresolved).
    // Votes 7, threshold 3: margin 4, need 5. No unit has 5: a 3 (left 2), b 2 (left 0), stop.
    // Exits summing ≥ 5 with no unit to spare: {a, b} 5, {a, c} 5 ({b, c} = 4 falls short).
    // Present 7 + o 2 + p 1 = 10 = the quorum: any one outsider away sinks it, {p} 1 and {o} 2; n has nobody present.
    // z's figure does not count: nothing rests on a unit with no member present.
    const council: PathsCouncil = {
      ...base,
      id: 'g',
      threshold: 3,
      quorum: 10,
      units: [unit('b', 2, 'x'), unit('c', 2, 'x'), unit('a', 3, 'x'), unit('z', 1, 'x', { present: 0, confidence: 'unresolved' }), unit('n', 2, 'n', { present: 0 }), unit('o', 2), unit('p', 1)],
      governing: 'x',
    };
    const result = breakingPoints(council);
    expect(result).toMatchObject({ alignment: 'x', votes: 7, margin: 4, complete: true });
    expect(summary(result.points)).toEqual(['boycott:p:1', 'boycott:o:2', 'exit:a+b:5', 'exit:a+c:5', 'members:a+b:5']);
    expect(result.points.map((point) => [point.after, point.arithmetic])).toEqual([
      [9, 'present 10 − p 1 = 9 < quorum 10'],
      [8, 'present 10 − o 2 = 8 < quorum 10'],
      [2, '7 − a 3 + b 2 = 2 < 3'],
      [2, '7 − a 3 + c 2 = 2 < 3'],
      [2, '7 − 5 of a, b = 2 < 3'],
    ]);
    expect(new Set(result.points.map((point) => point.confidence))).toEqual(new Set(['documented']));
  });

  it('ranks a one-unit point before a two-unit exit of the same seats', () => {
    // Governing x: a 4, b 1, c 2: votes 7, threshold 5, margin 2, need 3. a alone holds 3: 3 of a.
    // Exits: {c, b} 3 and {a} 4. Quorum 1 of 7 present: 7 would have to stay away, outsiders: none.
    // At 3 seats the one-unit point comes first.
    const council: PathsCouncil = { ...base, id: 'h', threshold: 5, units: [unit('a', 4, 'x'), unit('b', 1, 'x'), unit('c', 2, 'x')], governing: 'x' };
    const result = breakingPoints(council);
    expect(summary(result.points)).toEqual(['members:a:3', 'exit:c+b:3', 'exit:a:4']);
    expect(result.points[0]).toMatchObject({ after: 4, arithmetic: '7 − 3 of a = 4 < 5' });
    // Quorum 8 with 7 present: it fails already, no boycott to list (and none of no units).
    expect(summary(breakingPoints({ ...council, quorum: 8 }).points)).toEqual(['members:a:3', 'exit:c+b:3', 'exit:a:4']);
  });

  it('lists at most `limit` holders and says the listing is incomplete when exits are cut', () => {
    // Governing x: a 4, b 3, c 2: votes 9, threshold 7, margin 2, need 3; a and b each hold 3, limit 1 keeps a.
    // Exits: {b} 3, {a} 4 (c 2 alone falls short): limit 1 keeps {b}, incomplete.
    // Present 9 + o 3 + q 2 = 14, quorum 12: 3 must stay away, only {o} 3 ({q} 2 falls short): complete.
    const council: PathsCouncil = {
      ...base,
      id: 'k',
      threshold: 7,
      quorum: 12,
      units: [unit('a', 4, 'x'), unit('b', 3, 'x'), unit('c', 2, 'x'), unit('o', 3), unit('q', 2)],
      governing: 'x',
    };
    const cut = breakingPoints(council, { limit: 1 });
    expect(summary(cut.points)).toEqual(['exit:b:3', 'members:a:3', 'boycott:o:3']);
    expect(cut.complete).toBe(false);
    // With room for all: members from a and from b, exits {b} and {a}, complete.
    const all = breakingPoints(council, { limit: 2 });
    expect(summary(all.points)).toEqual(['exit:b:3', 'members:a:3', 'members:b:3', 'boycott:o:3', 'exit:a:4']);
    expect(all.complete).toBe(true);
  });

  it('has nothing to break when the governing alignment is short of the threshold', () => {
    // x = a 5 seats with 2 present + b 3 = 5 < 8: it governs by designation only, no majority to break.
    const council: PathsCouncil = { ...base, id: 's', threshold: 8, units: [unit('a', 5, 'x', { present: 2 }), unit('b', 3, 'x'), unit('c', 7)], governing: 'x' };
    expect(breakingPoints(council)).toEqual({ council: 's', alignment: 'x', votes: 5, threshold: 8, margin: null, points: [], complete: true });
  });

  it('passes the search budget to the exits and to the boycotts', () => {
    // One governing unit: its exit takes 2 search steps. Six one-member outsiders, present 10, quorum 8:
    // 3 of them must stay away, C(6, 3) = 20 sets, far more than 2 steps.
    const outsiders = ['o1', 'o2', 'o3', 'o4', 'o5', 'o6'].map((id) => unit(id, 1));
    const council: PathsCouncil = { ...base, id: 'b', threshold: 3, quorum: 8, units: [unit('a', 4, 'x'), ...outsiders], governing: 'x' };
    expect(() => breakingPoints(council, { budget: 2 })).toThrow(PathSearchError);
    expect(breakingPoints({ ...council, quorum: 1 }, { budget: 2 }).points.length).toBeGreaterThan(0);
    // Seven one-member governing units, threshold 4: margin 3, need 4, C(7, 4) = 35 exits; no outsiders.
    const wide: PathsCouncil = { ...base, id: 'w', threshold: 4, units: ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((id) => unit(id, 1, 'x')), governing: 'x' };
    expect(() => breakingPoints(wide, { budget: 2 })).toThrow(/minimal sets stopped after 2 steps/);
  });
});
