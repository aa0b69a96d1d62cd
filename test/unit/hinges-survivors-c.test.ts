/**
 * Hinge seats on councils of 32 units (units 31 and up take the wide mask path, and a wide council's sort
 * stops at a limit) and on a council with more than MAX_LISTED_MINIMAL (1,000) minimal winning coalitions
 * (the base list is cut off). Empty units (0 seats) pad a small game to 32 units without changing it: they
 * weigh nothing, so no coalition needs them and no minimal winning coalition holds them. Worked by hand.
 */
import { describe, expect, it } from 'vitest';
import { analyzeCouncil, type AnalysisOptions, type HingeChange, type HingeSeat } from '../../src/model/analysis/index.js';
import type { Council, CouncilRules, VotingUnit } from '../../src/model/council.js';

function unit(id: string, seats: number): VotingUnit {
  return { id, name: id, kind: 'list', seats, blocs: [] };
}

/** `units` followed by empty units z<i> up to 32 units in all (the last one is unit index 31). */
function padded(units: VotingUnit[], rules: Partial<CouncilRules> = {}): Council {
  const empty = Array.from({ length: 32 - units.length }, (_, i) => unit(`z${units.length + i}`, 0));
  return { id: 'x', name: 'x', units: [...units, ...empty], rules };
}

/** The hinge entry led by `change` (not one folded into another entry's alike list). */
function hinge(c: Council, change: HingeChange, options: AnalysisOptions = {}): HingeSeat {
  const same = (h: HingeSeat): boolean => JSON.stringify(h.change) === JSON.stringify(change);
  const found = analyzeCouncil(c, { power: false, ...options }).hinges.find(same);
  expect(found).toBeDefined();
  return found!;
}

describe('hinges on a council of 32 units', () => {
  it('an absence takes one vote from the declared coalition, whichever unit holds bit 31', () => {
    // a 2, b 1, then 29 empty units, then w 1 as unit 31: 4 members, majority floor(4/2)+1 = 3, quorum 3.
    // Declared a + w = 2 + 1 = 3 ≥ 3. One a member absent: 3 present ≥ 3, a + w = 1 + 1 = 2 < 3.
    // An absence adds no vote to anyone: the unit holding bit 31 (w, declared) must not count as a receiver.
    const units = [unit('a', 2), unit('b', 1), ...Array.from({ length: 29 }, (_, i) => unit(`z${i + 2}`, 0)), unit('w', 1)];
    const c: Council = { id: 'x', name: 'x', units };
    const absent = hinge(c, { kind: 'absent', from: 'a' }, { coalition: ['a', 'w'] });
    expect(absent).toMatchObject({ flips: true, votes: { before: 3, after: 2 } });
    expect(absent.text.startsWith('1 a member absent: a + w 3 → 2 of 3 needed: loses the majority')).toBe(true);
    // w itself absent: a + w = 2 + 0 = 2, the same arithmetic from unit 31's side.
    expect(hinge(c, { kind: 'absent', from: 'w' }, { coalition: ['a', 'w'] }).votes).toEqual({ before: 3, after: 2 });
  });

  it('lists every gained coalition up to the limit (10), not just the few the text could name', () => {
    // a 3, s1..s5 1 each: 8 members, majority 5. Minimal winning: a + two singles (3 + 1 + 1 = 5); the five
    // singles weigh 5 too. Move s1 → a: a 4, s1 0, so a + any one of s2..s5 reaches 5: four coalitions gained
    // (a alone 4 < 5), sorted by council order of their members.
    const c = padded([unit('a', 3), unit('s1', 1), unit('s2', 1), unit('s3', 1), unit('s4', 1), unit('s5', 1)]);
    const move = hinge(c, { kind: 'move', from: 's1', to: 'a' });
    expect(move.minimalGained).toBe(4);
    expect(move.gained).toEqual([
      ['a', 's2'],
      ['a', 's3'],
      ['a', 's4'],
      ['a', 's5'],
    ]);
  });

  it('names both gained coalitions in the text even when it lists only one', () => {
    // a 3, s1..s3 1 each, majority set to 5 (of 6 members). Minimal winning: a + two singles, three of them.
    // Move s1 → a: a 4, s1 0: a + s2 and a + s3 reach 5 (gained, two: named); the three old ones are lost
    // (each now holds s1 with no vote, or a + s2 + s3 = 6 with a single to spare): counted.
    const c = padded([unit('a', 3), unit('s1', 1), unit('s2', 1), unit('s3', 1)], { majority: 5 });
    const move = hinge(c, { kind: 'move', from: 's1', to: 'a' }, { hingeCoalitions: 1 });
    expect(move.gained).toEqual([['a', 's2']]);
    expect(move.text).toBe('move 1 seat s1 → a: minimal winning coalitions −3 coalitions, +a + s2; a + s3 (alike: s2 → a, s3 → a)');
  });
});

describe('hinges when the minimal winning coalitions are more than the listing keeps', () => {
  it('an absence from a one-seat unit gains no coalition', () => {
    // s0..s14 1 seat each (then 17 empty units): 15 members, majority 8: the minimal winning coalitions are
    // the C(15, 8) = 6435 sets of eight singles. The listing keeps the first 1,000 of a depth-first search
    // that tries s0 first, so all hold s0 (C(14, 7) = 3432 do). One s0 member absent: s0 weighs 0, so no
    // coalition holding it is minimal, and the sets of eight others were minimal before, though not listed:
    // nothing is gained.
    const singles = Array.from({ length: 15 }, (_, i) => unit(`s${i}`, 1));
    const absent = hinge(padded(singles), { kind: 'absent', from: 's0' });
    expect(absent.minimalGained).toBe(0);
    expect(absent.gained).toEqual([]);
    // Every listed coalition holds s0 at exactly 8: all 1,000 are lost.
    expect(absent.minimalLost).toBe(1000);
  });
});
