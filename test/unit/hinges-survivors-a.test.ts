/**
 * Hinge seats on small synthetic councils, worked by hand: an absence that leaves exactly the quorum present,
 * and the order of the entries (majority flips first, then by how many winning coalitions change, then move
 * before absence before defection, then by the unit losing the seat and by the unit gaining it).
 */
import { describe, expect, it } from 'vitest';
import { analyzeCouncil, changeText } from '../../src/model/analysis/index.js';
import type { Council, CouncilRules } from '../../src/model/council.js';

function council(seats: Record<string, number>, rules: Partial<CouncilRules> = {}): Council {
  return { id: 'c', name: 'c', units: Object.entries(seats).map(([id, n]) => ({ id, name: id, kind: 'list', seats: n })), rules };
}

describe('an absence that leaves exactly the quorum present', () => {
  it('keeps the quorum met, and voting against is folded into it', () => {
    // a 4, b 2, c 1 = 7 present; majority floor(7/2)+1 = 4; quorum set to 6. Declared a + b = 6 ≥ 4.
    // One a member absent: 6 present ≥ 6, quorum still met; a + b = 3 + 2 = 5 ≥ 4, still a majority.
    // Winning coalitions before (≥ 4): a, a+b, a+c, a+b+c (b+c = 3 does not). After (a 3): a+b 5, a+c 4,
    // a+b+c 6; a alone (3) is lost: 1 lost, 0 gained, so the absence is a hinge although nothing flips.
    const analysis = analyzeCouncil(council({ a: 4, b: 2, c: 1 }, { quorum: 6 }), { coalition: ['a', 'b'] });
    const absent = analysis.hinges.find((h) => h.change.kind === 'absent')!;
    expect(absent.change).toEqual({ kind: 'absent', from: 'a' });
    expect(absent).toMatchObject({ flips: false, majority: { before: true, after: true }, quorum: { before: true, after: true }, votes: { before: 6, after: 5 } });
    expect([absent.winningLost, absent.winningGained]).toEqual([1, 0]);
    // The quorum does not move, so one a member voting against is the same game: one entry, not two.
    expect(absent.alike).toEqual([{ kind: 'defect', from: 'a' }]);
    expect(analysis.hinges.some((h) => h.change.kind === 'defect')).toBe(false);
    expect(absent.text).not.toContain('quorum');
    expect(absent.text.startsWith('1 a member absent: a + b 6 → 5 of 4 needed: still a majority')).toBe(true);
  });

  it('one fewer than the quorum loses it', () => {
    // Same council with quorum 7: one a member absent leaves 6 < 7 present, so no majority forms at all;
    // voting against keeps 7 present (a + b = 5 ≥ 4 still wins), a different game, listed on its own.
    const analysis = analyzeCouncil(council({ a: 4, b: 2, c: 1 }, { quorum: 7 }), { coalition: ['a', 'b'] });
    const absentA = analysis.hinges.find((h) => h.change.kind === 'absent' && h.change.from === 'a')!;
    expect(absentA).toMatchObject({ flips: true, majority: { before: true, after: false }, quorum: { before: true, after: false }, alike: [] });
    expect(absentA.text).toContain('present 7 → 6 of 7 needed: quorum lost');
    const defectA = analysis.hinges.find((h) => h.change.kind === 'defect' && h.change.from === 'a')!;
    expect(defectA).toMatchObject({ flips: false, quorum: { before: true, after: true }, winningLost: 1 });
  });
});

describe('hinge order', () => {
  const order = (c: Council, coalition: string[]): string[] => analyzeCouncil(c, { coalition }).hinges.map((h) => changeText(h.change));

  it('ties on flips and on changed coalitions fall to kind, then the unit losing the seat', () => {
    // a 1, b 2, c 3 = 6, majority 4 (floor(6/2)+1), quorum 4. Declared c: 3 < 4, no majority.
    // Winning before: a+c 4, b+c 5, a+b+c 6 (a+b = 3 and c = 3 do not).
    //   a → b (0, 3, 3): a+c 3 lost                      → 1 changed, c 3: no flip
    //   a → c (0, 2, 4): c 4 gained                      → 1 changed, c 4 ≥ 4: flip
    //   a absent (0, 2, 3), 5 present ≥ 4: a+c 3 lost    → 1 changed, no flip (voting against folded in)
    //   b → a (2, 1, 3), b absent (1, 1, 3): same winning set, not a hinge
    //   b → c (1, 1, 4): c 4 gained                      → 1 changed, flip
    //   c → a (2, 2, 2): a+b 4 gained                    → 1 changed, no flip
    //   c → b (1, 3, 2): a+b 4 gained, a+c 3 lost        → 2 changed, no flip
    //   c absent (1, 2, 2): a+c 3 lost                   → 1 changed, no flip
    // Flips first (a before b), then c → b (2 changed), then the 1-changed moves by unit (a, c), then absences.
    expect(order(council({ a: 1, b: 2, c: 3 }), ['c'])).toEqual([
      'move 1 seat a → c',
      'move 1 seat b → c',
      'move 1 seat c → b',
      'move 1 seat a → b',
      'move 1 seat c → a',
      '1 a member absent',
      '1 c member absent',
    ]);
  });

  it('ties down to the unit losing the seat fall to the unit gaining it', () => {
    // a 4, b 2, c 1 (quorum 6, declared a + b, as above). Winning before: a, a+b, a+c, a+b+c.
    //   a → b (3, 3, 1): a lost; b+c 4 gained → 2 changed     a → c (3, 2, 2): a lost; b+c 4 gained → 2 changed
    //   a absent: a lost → 1 changed. Every b or c change keeps b+c ≤ 3 and a ≥ 4: not a hinge. Nothing flips
    //   (a + b ≥ 5 throughout).
    expect(order(council({ a: 4, b: 2, c: 1 }, { quorum: 6 }), ['a', 'b'])).toEqual(['move 1 seat a → b', 'move 1 seat a → c', '1 a member absent']);
  });
});

describe('hinge details', () => {
  it('give no declared votes without a declared coalition', () => {
    // a 1, b 2, c 3, majority 4: one c seat absent loses a+c (1 + 2 = 3): a hinge, but no coalition to count.
    const hinges = analyzeCouncil(council({ a: 1, b: 2, c: 3 })).hinges;
    expect(hinges.length).toBeGreaterThan(0);
    for (const h of hinges) expect('votes' in h).toBe(false);
  });

  it('count a seat moved into the declared coalition', () => {
    // a 1, b 2, c 3, majority 4. Declared a (1 vote, index 0): c → a gives a 2, a+b 4 gained (votes 1 → 2).
    const intoFirst = analyzeCouncil(council({ a: 1, b: 2, c: 3 }), { coalition: ['a'] }).hinges.find((h) => changeText(h.change) === 'move 1 seat c → a')!;
    expect(intoFirst.votes).toEqual({ before: 1, after: 2 });
    // Declared c (3 votes): a → c gives c 4 ≥ 4 (votes 3 → 4, the majority forms).
    const intoLast = analyzeCouncil(council({ a: 1, b: 2, c: 3 }), { coalition: ['c'] }).hinges.find((h) => changeText(h.change) === 'move 1 seat a → c')!;
    expect(intoLast).toMatchObject({ votes: { before: 3, after: 4 }, flips: true });
  });

  it('list at most hingeCoalitions of the lost and gained coalitions, and count them all', () => {
    // a 2, b 2, c 2, majority 4: minimal a+b, a+c, b+c. One a member absent (1, 2, 2): a+b and a+c fall to 3,
    // b+c stays: 2 lost, none gained.
    const absent = analyzeCouncil(council({ a: 2, b: 2, c: 2 }), { hingeCoalitions: 1 }).hinges.find((h) => h.change.kind === 'absent')!;
    expect([absent.minimalLost, absent.lost.length]).toEqual([2, 1]);
    // a 4, b 2, c 1, majority 4: minimal a alone. One a member absent (3, 2, 1): a lost; a+b 5 and a+c 4 gained.
    const gained = analyzeCouncil(council({ a: 4, b: 2, c: 1 }), { hingeCoalitions: 1 }).hinges.find((h) => h.change.kind === 'absent')!;
    expect([gained.minimalGained, gained.gained.length]).toEqual([2, 1]);
  });

  it('never count a required unit superfluous', () => {
    // r 1 and z (1 seat, none present) both required, majority 1, quorum 1, declared r. The only admissible
    // minimal winning coalition is r+z (1 vote). r → z: r+z still has 1 vote and both stay required, so it is
    // not lost, though declared r falls to 0 < 1 and the majority is lost.
    const c: Council = {
      ...council({ r: 1, z: 1 }, { majority: 1, quorum: 1 }),
      units: [
        { id: 'r', name: 'r', kind: 'list', seats: 1 },
        { id: 'z', name: 'z', kind: 'list', seats: 1, present: 0 },
      ],
      constraints: { required: ['r', 'z'] },
    };
    const move = analyzeCouncil(c, { coalition: ['r'] }).hinges.find((h) => changeText(h.change) === 'move 1 seat r → z')!;
    expect(move).toMatchObject({ flips: true, minimalLost: 0, lost: [] });
  });
});
