/**
 * The explanation trace of `analyzeCouncil`, line by line, on councils small enough to work out by hand:
 * the thresholds and who is absent, the declared coalition's verdict (margin, pivotal units, swing
 * members, a majority without quorum), the constraints in words, the counts of coalitions, the theories'
 * predictions, the hinge summary and the strongest player. Each comment gives the arithmetic.
 */
import { describe, expect, it } from 'vitest';
import { analyzeCouncil } from '../../src/model/analysis/index.js';
import type { Council, VotingUnit } from '../../src/model/council.js';
import { formatExplanationLine } from '../../src/model/explanation.js';

type UnitSpec = [id: string, seats: number, present?: number | undefined, blocs?: string[]];

function council(units: UnitSpec[], extra: Pick<Council, 'rules' | 'constraints'> = {}): Council {
  return {
    id: 't',
    name: 'T',
    units: units.map(([id, seats, present, blocs]): VotingUnit => ({ id, name: id, kind: 'list', seats, ...(present === undefined ? {} : { present }), ...(blocs ? { blocs } : {}) })),
    ...extra,
  };
}

const lines = (analysis: ReturnType<typeof analyzeCouncil>) => analysis.explanation.map(formatExplanationLine);

// a 4, b 3, c 2, d 1 = 10 members, majority and quorum floor(10/2) + 1 = 6.
// Winning: ab 7, ac 6, abc 9, abd 8, acd 7, bcd 6, abcd 10 = 7; minimal (every member needed): ab, ac, bcd.
// Fewest seats: ac and bcd (6); fewest parties: ab and ac (2). Banzhaf swings a 5, b 3, c 3, d 1 (of 12):
// a 41.7%. Shapley–Shubik: a decides when 2..5 seats came before it: 10 of 24 orders, 41.7%.
const FOUR: UnitSpec[] = [['a', 4], ['b', 3], ['c', 2], ['d', 1]];
const FOUR_COMMON = {
  majority: 'Law 21/2008 art. 1: absolute majority = floor(10/2) + 1 = 6 of 10 members, present or not',
  quorum: 'Law 21/2008 art. 1 (quorum): present 10 of 10 ≥ 6 ⇒ quorum met',
  counts: '7 admissible winning coalitions of units, 3 of them minimal (every member needed)',
  riker: 'Riker 1962: minimal winning with the fewest seats: a + c (6); b + c + d (6)',
  leiserson: 'Leiserson 1968: minimal winning with the fewest parties: a + c (6); a + b (7)',
  banzhaf: 'Banzhaf 1965: weights = present seats, quota 6: largest share a 41.7%',
  shapley: 'Shapley & Shubik 1954: largest share a 41.7%',
};

describe('the declared coalition', () => {
  it('at margin 0: every present member is a swing vote, and the most important hinge is named', () => {
    const analysis = analyzeCouncil(council(FOUR), { coalition: ['a', 'c'] });
    const text = lines(analysis);
    expect(text.slice(0, 7)).toEqual([
      FOUR_COMMON.majority,
      FOUR_COMMON.quorum,
      'Law 21/2008 art. 1: coalition (a 4 + c 2) = 6 ≥ 6 ⇒ majority, margin 0',
      'margin 0: each of its 6 present members is a swing vote; one defection or absence breaks it',
      FOUR_COMMON.counts,
      FOUR_COMMON.riker,
      FOUR_COMMON.leiserson,
    ]);
    // Flips: a seat of a or c moved to another list (a→b, a→d, c→b, c→d) or one of their members away: 6.
    // The other 9 single-seat changes keep a + c at 6 or more but change the minimal coalitions.
    expect(text[7]).toMatch(/^6 single-seat changes flip whether a majority forms; 9 more change who can form it \(\d+ before folding alike ones\)$/);
    const firstFlip = analysis.hinges.find((hinge) => hinge.flips)!;
    expect(text[8]).toBe(`most important: ${firstFlip.text}`);
    expect(text.slice(9)).toEqual([FOUR_COMMON.banzhaf, FOUR_COMMON.shapley]);
    expect(analysis.coalition).toMatchObject({ margin: 0, pivotal: ['a', 'c'], swingUnits: ['a', 'c'], swingMembers: 6 });
    // A member list with nobody present adds no vote: neither pivotal nor a swing unit.
    const away = analyzeCouncil(council([...FOUR, ['e', 1, 0]]), { coalition: ['a', 'c', 'e'] });
    expect(away.coalition).toMatchObject({ votes: 6, needed: 6, margin: 0, pivotal: ['a', 'c'], swingUnits: ['a', 'c'], swingMembers: 6 });
  });

  it('with seats to spare: the units holding more than the margin are pivotal; swing members only at margin 0', () => {
    // a + b + d = 8, margin 2: a (4) and b (3) exceed it, d (1) does not.
    const spare = analyzeCouncil(council(FOUR), { coalition: ['a', 'b', 'd'] });
    expect(lines(spare).slice(2, 4)).toEqual([
      'Law 21/2008 art. 1: coalition (a 4 + b 3 + d 1) = 8 ≥ 6 ⇒ majority, margin 2',
      'pivotal (each holds more than the margin of 2): a, b',
    ]);
    expect(spare.coalition).toMatchObject({ pivotal: ['a', 'b'], swingUnits: [], swingMembers: 0 });
    // No single change breaks a coalition with a margin of 2, so no "most important" line.
    expect(lines(spare)[5 + 2]).toMatch(/^0 single-seat changes flip whether a majority forms; 15 more change who can form it/);
    expect(lines(spare).some((line) => line.startsWith('most important'))).toBe(false);
    // All four: 10, margin 4, nobody holds more than 4.
    const all = analyzeCouncil(council(FOUR), { coalition: ['a', 'b', 'c', 'd'] });
    expect(lines(all)[3]).toBe('no single unit is pivotal: each holds at most the margin of 4');
    expect(all.coalition).toMatchObject({ pivotal: [], swingUnits: [] });
  });

  it('short of the majority: by how much, and nobody pivotal', () => {
    const short = analyzeCouncil(council(FOUR), { coalition: ['b', 'd'] });
    expect(lines(short).slice(2, 4)).toEqual(['Law 21/2008 art. 1: coalition (b 3 + d 1) = 4 < 6 ⇒ no majority, short by 2', FOUR_COMMON.counts]);
    expect(short.coalition).toMatchObject({ majority: false, margin: -2, pivotal: [], swingUnits: [], swingMembers: 0 });
  });

  it('with the votes but without quorum, under rules the scenario sets (no legal citation)', () => {
    // Majority 7 and quorum 10 set by the council's rules; d (1) is away, so 9 are present.
    const analysis = analyzeCouncil(council([['a', 4], ['b', 3], ['c', 2], ['d', 1, 0]], { rules: { majority: 7, quorum: 10 } }), { coalition: ['a', 'b'] });
    expect(lines(analysis).slice(0, 3)).toEqual([
      'custom majority = 7 of 10 members, present or not',
      'present 9 of 10 < 10 (custom quorum) ⇒ quorum not met: no vote can be held (absent: d 1)',
      'Law 21/2008 art. 1: coalition (a 4 + b 3) = 7 ≥ 7 ⇒ enough votes, but without quorum no vote is held',
    ]);
    expect(analysis.explanation[0]!.rule).toBeUndefined();
    expect(analysis.explanation[1]!.rule).toBeUndefined();
    // Without quorum no vote is held, so a coalition with the votes is not a majority: no pivotal line.
    expect(analysis.coalition).toMatchObject({ majority: false, margin: 0, pivotal: [], swingUnits: [] });
    expect(lines(analysis)[3]).toBe('4 admissible winning coalitions of units, 1 of them minimal (every member needed)');
  });
});

describe('constraints in words', () => {
  it('required, excluded, excluded by a required unit, the first six incompatible pairs, and what the declared coalition breaks', () => {
    // a..h hold 1..8 seats = 36, majority 19. x = a, b, c, d refuses y = e, f (8 pairs), and h refuses b (a 9th).
    // h is required, so b is excluded with it; g is excluded. Admissible: h, no g or b, not x with y:
    // h with a, c, d reaches 16 at most; h + e + f = 19 exactly, and nothing can join it. So 1 coalition.
    const units: UnitSpec[] = [...'abcdefgh'].map((id, u): UnitSpec => [id, u + 1, undefined, u < 4 ? ['x'] : u < 6 ? ['y'] : []]);
    const analysis = analyzeCouncil(council(units, { constraints: { incompatible: [['x', 'y']], required: ['h'], excluded: ['g'] } }), {
      coalition: ['a', 'e', 'g'],
      constraints: { incompatible: [['h', 'b']] },
    });
    expect(lines(analysis).slice(2, 11)).toEqual([
      'required in every coalition: h',
      'excluded from every coalition: g',
      'excluded as incompatible with a required unit: b',
      'incompatible: a × e, a × f, b × e, b × f, c × e, c × f and 3 more pairs',
      'Law 21/2008 art. 1: coalition (a 1 + e 5 + g 7) = 13 < 19 ⇒ no majority, short by 6',
      'the declared coalition breaks the constraints: leaves out required h; includes excluded g; includes incompatible a × e',
      '1 admissible winning coalition of units, 1 of them minimal (every member needed)',
      'Riker 1962: minimal winning with the fewest seats: e + f + h (19)',
      'Leiserson 1968: minimal winning with the fewest parties: e + f + h (19)',
    ]);
    expect(analysis.coalition).toMatchObject({ admissible: false });
  });

  it('several ids per line, each separated by a comma; only the required units missing and the excluded ones present', () => {
    // a..f hold 1..6 seats = 21, majority 11. e and f required, a and b excluded; c refuses e, d refuses f: both excluded with them.
    const units: UnitSpec[] = [...'abcdef'].map((id, u): UnitSpec => [id, u + 1]);
    const analysis = analyzeCouncil(council(units, { constraints: { required: ['e', 'f'], excluded: ['a', 'b'], incompatible: [['c', 'e'], ['d', 'f']] } }), { coalition: ['a', 'b', 'e'] });
    expect(lines(analysis).slice(2, 5)).toEqual([
      'required in every coalition: e, f',
      'excluded from every coalition: a, b',
      'excluded as incompatible with a required unit: c, d',
    ]);
    // e sits in the declared coalition: only f is missing; a and b are in it, and excluded.
    expect(analysis.coalition!.violations).toEqual(['leaves out required f', 'includes excluded a, b']);
    const outside = analyzeCouncil(council(units, { constraints: { required: ['e', 'f'], excluded: ['a', 'b'] } }), { coalition: ['a', 'c', 'd'] });
    expect(outside.coalition!.violations).toEqual(['leaves out required e, f', 'includes excluded a']);
  });

  it('the units carry their blocs, none when the council gives none', () => {
    const analysis = analyzeCouncil(council([['a', 3, undefined, ['x', 'y']], ['b', 2]]));
    expect(analysis.units.map((unit) => [unit.id, unit.blocs])).toEqual([['a', ['x', 'y']], ['b', []]]);
  });

  it('with power indices not asked for, says nothing of them when those present can reach the majority', () => {
    const analysis = analyzeCouncil(council(FOUR), { power: false });
    expect(analysis.power).toBeUndefined();
    expect(lines(analysis).some((line) => line.includes('power indices'))).toBe(false);
    // Those present cannot reach it: power indices are undefined, asked for or not.
    const away = analyzeCouncil(council([['a', 4, 1], ['b', 3, 1]]), { power: false });
    expect(lines(away).at(-1)).toBe('power indices undefined: those present (2) cannot reach 4');
  });

  it('lists up to six incompatible pairs without a remainder, and says when the constraints contradict each other', () => {
    const six = analyzeCouncil(council([['a', 1, undefined, ['x']], ['b', 1, undefined, ['x']], ['c', 1, undefined, ['x']], ['d', 1, undefined, ['y']], ['e', 1, undefined, ['y']]]), {
      constraints: { incompatible: [['x', 'y']] },
    });
    expect(lines(six)).toContain('incompatible: a × d, a × e, b × d, b × e, c × d, c × e');
    const contradiction = analyzeCouncil(council([['a', 3], ['b', 2]]), { constraints: { required: ['a'], excluded: ['a'] } });
    expect(lines(contradiction).slice(2, 6)).toEqual([
      'required in every coalition: a',
      'excluded from every coalition: a',
      'the constraints contradict each other: no admissible coalition exists',
      'no admissible coalition of those present reaches 3',
    ]);
    // An admissible declared coalition has no line about constraints.
    const fine = analyzeCouncil(council(FOUR), { coalition: ['a', 'b'], constraints: { incompatible: [['c', 'd']] } });
    expect(fine.coalition).toMatchObject({ admissible: true, violations: [] });
    expect(lines(fine).some((line) => line.startsWith('the declared coalition breaks'))).toBe(false);
  });
});

describe('counts, predictions, hinges and power', () => {
  it('five equal lists: three of each prediction shown, the rest counted; no connected coalition on a one-unit order', () => {
    // 5 × 1 seat, majority 3: winning C(5,3) + C(5,4) + 1 = 16, minimal the 10 triples; each holds 20% of power.
    const analysis = analyzeCouncil(council([['a', 1], ['b', 1], ['c', 1], ['d', 1], ['e', 1]]), { order: ['a'] });
    expect(lines(analysis)).toEqual([
      'Law 21/2008 art. 1: absolute majority = floor(5/2) + 1 = 3 of 5 members, present or not',
      'Law 21/2008 art. 1 (quorum): present 5 of 5 ≥ 3 ⇒ quorum met',
      '16 admissible winning coalitions of units, 10 of them minimal (every member needed)',
      'Riker 1962: minimal winning with the fewest seats: a + b + c (3); a + b + d (3); a + b + e (3); and 7 more',
      'Leiserson 1968: minimal winning with the fewest parties: a + b + c (3); a + b + d (3); a + b + e (3); and 7 more',
      'Axelrod 1970: minimal connected winning on the order: none',
      expect.stringMatching(/^0 single-seat changes flip whether a majority forms; 5 more change who can form it \(\d+ before folding alike ones\)$/),
      'Banzhaf 1965: weights = present seats, quota 3: largest share a 20.0%',
      'Shapley & Shubik 1954: largest share a 20.0%',
    ]);
  });

  it('a listing cut short says so, and its predictions count "at least"', () => {
    // a 10 and twenty lists of 1 = 30, majority 16: minimal a + any 6 (38,760) or any 16 of the ones (4,845),
    // all with 16 seats; the listing stops at 1,000.
    const units: UnitSpec[] = [['a', 10], ...Array.from({ length: 20 }, (_, i): UnitSpec => [`u${i + 1}`, 1])];
    const text = lines(analyzeCouncil(council(units), { power: false }));
    expect(text[2]).toMatch(/^\d+ admissible winning coalitions of units, 43605 of them minimal \(every member needed\); the first 1000 found are listed$/);
    expect(text[3]).toMatch(/^Riker 1962: minimal winning with the fewest seats: a \+ u1 \+ u2 \+ u3 \+ u4 \+ u5 \+ u6 \(16\); .*; and at least 997 more$/);
    const paired = lines(analyzeCouncil(council(units, { constraints: { incompatible: [['u1', 'u2']] } }), { power: false }));
    expect(paired[3]).toMatch(/^\d+ admissible winning coalitions of units, more than 1000 of them minimal \(every member needed\); the first 1000 found are listed$/);
  });

  it('one flip and one reshaping change, in the singular', () => {
    // a 2, b 1 = 3, majority 2; declared b (1) has no majority. Moving a seat a → b gives b 2: it flips.
    // One a member away (a 1 + b 1 = 2 present) leaves a + b as the only majority: who can form it changes.
    const text = lines(analyzeCouncil(council([['a', 2], ['b', 1]]), { coalition: ['b'] }));
    expect(text).toContain('Law 21/2008 art. 1: coalition (b 1) = 1 < 2 ⇒ no majority, short by 1');
    expect(text.find((line) => line.includes('single-seat'))).toMatch(/^1 single-seat change flips whether a majority forms; 1 more changes who can form it \(\d+ before folding alike ones\)$/);
    expect(text.find((line) => line.startsWith('most important'))).toBe('most important: move 1 seat a → b: b 1 → 2 of 2 needed: gains the majority: minimal winning coalitions −a, +b');
  });

  it('without enough members present: no coalition, no power indices, and who is away', () => {
    // a 4 (2 present), b 3 (1), c 3 (2): 5 of 10 present, below 6.
    const text = lines(analyzeCouncil(council([['a', 4, 2], ['b', 3, 1], ['c', 3, 2]])));
    expect(text).toEqual([
      'Law 21/2008 art. 1: absolute majority = floor(10/2) + 1 = 6 of 10 members, present or not',
      'Law 21/2008 art. 1 (quorum): present 5 of 10 < 6 ⇒ quorum not met: no vote can be held (absent: a 2, b 2, c 1)',
      'no admissible coalition of those present reaches 6',
      'Riker 1962: minimal winning with the fewest seats: none',
      'Leiserson 1968: minimal winning with the fewest parties: none',
      '0 single-seat changes flip whether a majority forms; 0 more change who can form it (0 before folding alike ones)',
      'power indices undefined: those present (5) cannot reach 6',
    ]);
    // Exactly enough present: indices exist, and no "undefined" note.
    const exactly = lines(analyzeCouncil(council([['a', 4, 1], ['b', 3, 2], ['c', 3]])));
    expect(exactly.at(-2)).toBe('Banzhaf 1965: weights = present seats, quota 6: largest share a 33.3%');
    expect(exactly.some((line) => line.startsWith('power indices undefined'))).toBe(false);
    // power: false asks for no indices: no line either way, unless too few are present for any.
    expect(lines(analyzeCouncil(council(FOUR), { power: false })).some((line) => /Banzhaf|Shapley|power indices/.test(line))).toBe(false);
    expect(lines(analyzeCouncil(council([['a', 4, 1], ['b', 3, 2], ['c', 3]]), { power: false })).some((line) => /Banzhaf|Shapley|power indices/.test(line))).toBe(false);
    expect(lines(analyzeCouncil(council([['a', 4, 2], ['b', 3, 1], ['c', 3, 2]]), { power: false })).at(-1)).toBe('power indices undefined: those present (5) cannot reach 6');
  });

  it('names the strongest player, not the first', () => {
    // d 5, c 1, b 1, a 1 = 8, majority 5: d alone wins; every other unit is a dummy.
    const text = lines(analyzeCouncil(council([['a', 1], ['b', 1], ['c', 1], ['d', 5]])));
    expect(text.slice(-2)).toEqual(['Banzhaf 1965: weights = present seats, quota 5: largest share d 100.0%', 'Shapley & Shubik 1954: largest share d 100.0%']);
  });
});
