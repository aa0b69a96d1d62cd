/**
 * The runner's council analysis (`analyze`) on small councils worked by hand: threshold lines, pivotal
 * members, minimal winning coalitions and the ones shown, veto players, and every single-seat change that
 * flips the majority, word for word. Results are memoised by council content: councils that differ
 * only in attendance, rules, incompatible pairs or the declared coalition must not share one.
 */
import { describe, expect, it } from 'vitest';
import type { Council } from '../../src/model/council.js';
import { analyze, clearAnalysisCache } from '../../src/scenarios/council-analysis.js';

/** Lists with seats and, where given, members present. */
function council(units: [id: string, seats: number, present?: number][], extra: Partial<Council> = {}): Council {
  return { id: 't', name: 'T', ...extra, units: units.map(([id, seats, present]) => ({ id, name: id, kind: 'list' as const, seats, ...(present !== undefined ? { present } : {}) })) };
}

const LAW = { rule: 'Law 21/2008 art. 1', text: '' };
const QUORUM = { rule: 'Law 21/2008 art. 1 (quorum)', text: '' };

describe('analyze', () => {
  it('a coalition holding exactly the majority: its pivots and every change that breaks it', () => {
    // a 4, b 3, c 2, d 2 = 11, majority 6; declared a + c = 6. Minimal winning: a+b 7, a+c 6, a+d 6, b+c+d 7;
    // winning: those and a+b+c, a+b+d, a+c+d, all four = 8. No unit is in every minimal one.
    const result = analyze(council([['a', 4], ['b', 3], ['c', 2], ['d', 2]]), ['a', 'c']);
    expect(result).toEqual({
      members: 11,
      majority: 6,
      present: 11,
      quorum: { needed: 6, present: 11, met: true },
      pivotal: ['a', 'c'],
      minimalWinningCount: 4,
      vetoPlayers: [],
      predictions: [
        { label: 'minimum winning: fewest seats (Riker 1962)', coalitions: [['a', 'c'], ['a', 'd']] },
        // Two units each; fewest seats first (a+c and a+d 6, then a+b 7).
        { label: 'fewest parties (Leiserson 1968)', coalitions: [['a', 'c'], ['a', 'd'], ['a', 'b']] },
      ],
      hinges: [
        '1 a member absent: present 11 → 10: a + c 6 → 5 of 6 needed: loses the majority',
        '1 a member votes against: a + c 6 → 5 of 6 needed: loses the majority',
        // A seat moving from a to c stays in the coalition: no change.
        'move 1 seat a → b or d: a + c 6 → 5 of 6 needed: loses the majority',
        '1 c member absent: present 11 → 10: a + c 6 → 5 of 6 needed: loses the majority',
        '1 c member votes against: a + c 6 → 5 of 6 needed: loses the majority',
        'move 1 seat c → b or d: a + c 6 → 5 of 6 needed: loses the majority',
      ],
      hingeChanges: [
        { kind: 'absent', from: 'a' },
        { kind: 'defect', from: 'a' },
        { kind: 'move', from: 'a', to: 'b' },
        { kind: 'absent', from: 'c' },
        { kind: 'defect', from: 'c' },
        { kind: 'move', from: 'c', to: 'b' },
      ],
      explanation: [
        { ...LAW, text: 'absolute majority = floor(11/2) + 1 = 6 of 11 members, present or not' },
        { ...QUORUM, text: 'present 11 of 11 ≥ 6 ⇒ quorum met' },
        { text: '8 winning coalitions of units, 4 minimal; 6 single-seat changes flip whether a majority forms' },
      ],
    });
  });

  it('a bare quorum: everyone present is needed, and any absence ends the sitting', () => {
    // a 4 all away, b 3 with one away: present 2 + 2 + 2 = 6 = the quorum and the majority. Winning: b+c+d, and
    // with a (no votes present) = 2; the one minimal coalition makes b, c and d veto players.
    const result = analyze(council([['a', 4, 0], ['b', 3, 2], ['c', 2], ['d', 2]]));
    expect([result.present, result.quorum, result.pivotal, result.minimalWinningCount, result.vetoPlayers]).toEqual([6, { needed: 6, present: 6, met: true }, [], 1, ['b', 'c', 'd']]);
    expect(result.predictions.map((prediction) => prediction.coalitions)).toEqual([[['b', 'c', 'd']], [['b', 'c', 'd']]]);
    expect(result.hinges).toEqual(['b', 'c', 'd'].map((id) => `1 ${id} member absent: present 6 → 5 (quorum lost): no vote can be held`));
    expect(result.explanation.slice(1)).toEqual([
      { ...QUORUM, text: 'present 6 of 11 ≥ 6 ⇒ quorum met (absent: a 4, b 1)' },
      { text: '2 winning coalitions of units, 1 minimal; 3 single-seat changes flip whether a majority forms' },
    ]);
  });

  it('one coalition and one change, in the singular', () => {
    // A council of one member: majority and quorum 1, a alone wins; a away leaves nobody to vote.
    const alone = analyze(council([['a', 1]]));
    expect(alone.explanation[2]).toEqual({ text: '1 winning coalition of units, 1 minimal; 1 single-seat change flips whether a majority forms' });
    expect(alone.hinges).toEqual(['1 a member absent: present 1 → 0 (quorum lost): no vote can be held']);
    // a 2, b 1 = 3, majority 2; declared b. A seat moving from a to b is the one change that flips it.
    const b = analyze(council([['a', 2], ['b', 1]]), ['b']);
    expect(b.explanation[2]).toEqual({ text: '2 winning coalitions of units, 1 minimal; 1 single-seat change flips whether a majority forms' });
    expect(b.hinges).toEqual(['move 1 seat a → b: b 1 → 2 of 2 needed: gains the majority']);
  });

  it('ten tied minimal coalitions: three shown, in a fixed order', () => {
    // Five lists of one seat, majority 3: every triple is minimal (10), winning 10 + 5 + 1 = 16; no change flips anything.
    const result = analyze(council(['a', 'b', 'c', 'd', 'e'].map((id) => [id, 1])));
    expect([result.minimalWinningCount, result.vetoPlayers, result.hinges]).toEqual([10, [], []]);
    expect(result.predictions.map((prediction) => prediction.coalitions)).toEqual([
      [['a', 'b', 'c'], ['a', 'b', 'd'], ['a', 'c', 'd']],
      [['a', 'b', 'c'], ['a', 'b', 'd'], ['a', 'c', 'd']],
    ]);
    expect(result.explanation[2]).toEqual({ text: '16 winning coalitions of units, 10 minimal; 0 single-seat changes flip whether a majority forms' });
  });

  it('with more minimal coalitions than are listed, no unit is called a veto player from the listed ones', () => {
    // a 10 and twenty lists of one seat = 30, majority 16: a with any 6 of the twenty (C(20, 6) = 38,760) or 16 of
    // the twenty without a (C(20, 16) = 4,845). The heaviest unit is tried first, so every listed one holds a.
    const result = analyze(council([['a', 10], ...Array.from({ length: 20 }, (_, i): [string, number] => [`u${i + 1}`, 1])]));
    expect([result.minimalWinningCount, result.vetoPlayers]).toEqual([38760 + 4845, []]);
    // With an incompatible pair the count comes from the listing, which stops at 1,000: a lower bound, said so.
    const paired = analyze(council([['a', 10], ...Array.from({ length: 20 }, (_, i): [string, number] => [`u${i + 1}`, 1])], { constraints: { incompatible: [['u1', 'u2']] } }));
    expect([paired.minimalWinningCount, paired.vetoPlayers]).toEqual([1000, []]);
    expect(paired.explanation[2]!.text).toMatch(/^\d+ winning coalitions of units, more than 1000 minimal; /);
  });

  it('a veto player, and a coalition with a seat to spare that no single change breaks', () => {
    // a 5, b 2, c 2, d 1 = 10, majority 6: minimal a+b, a+c, a+d; a is in all. Declared a+b = 7: losing a or b
    // takes it below 6 (2, 5), but one seat less leaves 6.
    const result = analyze(council([['a', 5], ['b', 2], ['c', 2], ['d', 1]]), ['a', 'b']);
    expect([result.pivotal, result.minimalWinningCount, result.vetoPlayers, result.hinges]).toEqual([['a', 'b'], 3, ['a'], []]);
    expect(result.predictions.map((prediction) => prediction.coalitions)).toEqual([[['a', 'd']], [['a', 'd'], ['a', 'b'], ['a', 'c']]]);
  });

  it('a scenario majority: cited as custom, without the law; one seat from it', () => {
    // Majority 8 of 11; a + b hold 7. A seat of c or d moving to a or b gives 8.
    const result = analyze(council([['a', 4], ['b', 3], ['c', 2], ['d', 2]], { rules: { majority: 8 } }), ['a', 'b']);
    expect([result.majority, result.pivotal, result.vetoPlayers]).toEqual([8, [], ['a']]);
    expect(result.hinges).toEqual([
      'move 1 seat c → a or b: a + b 7 → 8 of 8 needed: gains the majority',
      'move 1 seat d → a or b: a + b 7 → 8 of 8 needed: gains the majority',
    ]);
    expect(result.hingeChanges).toEqual([
      { kind: 'move', from: 'c', to: 'a' },
      { kind: 'move', from: 'd', to: 'a' },
    ]);
    expect(result.explanation).toEqual([
      { text: 'custom majority = 8 of 11 members, present or not' },
      { ...QUORUM, text: 'present 11 of 11 ≥ 6 ⇒ quorum met' },
      { text: '4 winning coalitions of units, 3 minimal; 2 single-seat changes flip whether a majority forms' },
    ]);
  });
});

describe('the memo', () => {
  const units: [string, number][] = [['a', 4], ['b', 3], ['c', 2], ['d', 2]];

  it('the same council gives the same result until the memo is cleared', () => {
    const first = analyze(council(units), ['a', 'c']);
    expect(analyze(council(units), ['a', 'c'])).toBe(first);
    clearAnalysisCache();
    const again = analyze(council(units), ['a', 'c']);
    expect(again).not.toBe(first);
    expect(again).toEqual(first);
  });

  it('councils that differ in attendance, rules, incompatible pairs or the coalition are analysed apart', () => {
    const plain = analyze(council(units), ['a', 'c']);
    expect(analyze(council(units), ['a', 'd']).hinges[2]).toBe('move 1 seat a → b or c: a + d 6 → 5 of 6 needed: loses the majority');
    expect(analyze(council(units)).pivotal).toEqual([]);
    expect(analyze(council([['a', 4, 3], ['b', 3], ['c', 2], ['d', 2]]), ['a', 'c']).present).toBe(10);
    expect(analyze(council(units, { rules: { majority: 7 } }), ['a', 'c']).majority).toBe(7);
    expect(analyze(council(units, { rules: { quorum: 11 } }), ['a', 'c']).quorum.needed).toBe(11);
    // a and b may not sit together: a+b and every coalition holding both are gone: a+c, a+d, a+c+d and b+c+d are left (8 → 4 winning, 4 → 3 minimal).
    const apart = analyze(council(units, { constraints: { incompatible: [['a', 'b']] } }), ['a', 'c']);
    expect([apart.minimalWinningCount, apart.explanation[2]!.text]).toEqual([3, '4 winning coalitions of units, 3 minimal; 6 single-seat changes flip whether a majority forms']);
    expect(plain.minimalWinningCount).toBe(4);
  });
});
