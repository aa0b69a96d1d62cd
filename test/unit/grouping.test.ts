/**
 * The derived A/B/C group of one council (deriveGroup), on small councils worked by hand: 15 members
 * (majority 8) unless said otherwise. `a` and `b` carry the CF family; `o1`, `o2`, `o3` do not.
 */
import { describe, expect, it } from 'vitest';
import { groupingCouncil as council } from '../helpers/grouping-council.js';
import { scenario } from '../../src/scenarios/builder.js';
import { deriveGroup } from '../../src/scenarios/grouping.js';

describe('deriveGroup', () => {
  it('A: the CF alone holds the majority', () => {
    expect(deriveGroup(council({ a: 5, b: 4, o1: 6 }))).toEqual({ group: 'A', reason: 'CF 9 ≥ 8 of 15: it holds a majority alone' });
  });

  it('A with units voting with the CF here, named', () => {
    expect(deriveGroup(council({ a: 5, b: 1, o1: 2, o2: 7 }), 'cf', { withBloc: new Set(['o1']) })).toEqual({
      group: 'A',
      reason: 'CF (with o1, voting with it here) 8 ≥ 8 of 15: it holds a majority alone',
    });
  });

  it('B: neither the CF nor everyone else reaches the majority (14 members, 7 and 7)', () => {
    expect(deriveGroup(council({ a: 7, o1: 4, o2: 3 }))).toEqual({ group: 'B', reason: 'CF 7 < 8, others 7 < 8: no majority without it' });
  });

  it('C: the others together reach the majority', () => {
    expect(deriveGroup(council({ a: 7, o1: 5, o2: 3 }))).toEqual({ group: 'C', reason: 'others 8 ≥ 8 of 15: a majority can form without the CF (7)' });
  });

  it('a pair with a CF unit on one side does not constrain the others', () => {
    expect(deriveGroup(council({ a: 7, o1: 5, o2: 3 }), 'cf', { incompatible: [['a', 'o1']] })).toEqual({
      group: 'C',
      reason: 'others 8 ≥ 8 of 15: a majority can form without the CF (7)',
    });
  });

  it('B when the only coalition reaching the majority joins an incompatible pair', () => {
    // o1 5 + o2 3 = 8 is the only way to 8; o1/o2 are incompatible.
    expect(deriveGroup(council({ a: 7, o1: 5, o2: 3 }), 'cf', { incompatible: [['o1', 'o2']] })).toEqual({
      group: 'B',
      reason: 'CF 7 < 8; others 8 ≥ 8, but every coalition of them reaching 8 joins an incompatible pair (o1/o2): no majority without it',
    });
  });

  it('C when another coalition avoids the pair', () => {
    // CF 4; o1 5 + o3 3 = 8 without o2.
    expect(deriveGroup(council({ a: 4, o1: 5, o2: 3, o3: 3 }), 'cf', { incompatible: [['o1', 'o2']] })).toEqual({
      group: 'C',
      reason: 'others 11 ≥ 8, and a coalition of them allowed by the incompatible pairs (o1/o2) reaches 8: a majority can form without the CF (4)',
    });
  });

  it('a voting bloc among the others is one player: a pair with one member binds the whole bloc', () => {
    // o1 + o2 vote as one (8 seats, enough alone); o3 may not join them, and needs not.
    expect(deriveGroup(council({ a: 4, o1: 5, o2: 3, o3: 3 }), 'cf', { together: [['o1', 'o2']], incompatible: [['o1', 'o3']] })).toEqual({
      group: 'C',
      reason: 'others 11 ≥ 8, and a coalition of them allowed by the incompatible pairs (o1+o2/o3) reaches 8: a majority can form without the CF (4)',
    });
  });

  it('a voting bloc holding both sides of a pair can join no coalition', () => {
    // o1 + o2 (8) are out; o3 3 alone < 8.
    expect(deriveGroup(council({ a: 4, o1: 5, o2: 3, o3: 3 }), 'cf', { together: [['o1', 'o2']], incompatible: [['o1', 'o2']] })).toEqual({
      group: 'B',
      reason: 'CF 4 < 8; others 11 ≥ 8, but every coalition of them reaching 8 joins an incompatible pair (o1+o2/o1+o2): no majority without it',
    });
  });

  it('a pair between two voting blocs removes only coalitions holding both', () => {
    // Blocs o1+o2 (8) and o3+o4 (4) may not sit together; o1+o2 alone reaches 8.
    expect(deriveGroup(council({ a: 3, o1: 5, o2: 3, o3: 2, o4: 2 }), 'cf', { together: [['o1', 'o2'], ['o3', 'o4']], incompatible: [['o2', 'o4']] })).toEqual({
      group: 'C',
      reason: 'others 12 ≥ 8, and a coalition of them allowed by the incompatible pairs (o1+o2/o3+o4) reaches 8: a majority can form without the CF (3)',
    });
  });

  it('C when the allowed players together hold exactly the majority', () => {
    // Bloc o3+o4 holds both sides of its pair and is out; o1 5 + o2 3 = 8 = the majority, allowed.
    expect(deriveGroup(council({ a: 3, o1: 5, o2: 3, o3: 2, o4: 2 }), 'cf', { together: [['o3', 'o4']], incompatible: [['o3', 'o4']] })).toEqual({
      group: 'C',
      reason: 'others 12 ≥ 8, and a coalition of them allowed by the incompatible pairs (o3+o4/o3+o4) reaches 8: a majority can form without the CF (3)',
    });
  });
});

describe('the group of a scenario council', () => {
  it('a voting bloc joining a CF list brings its other members to the CF side', () => {
    // Baghdad: CF family 25 (state-of-law 9, nabni 9, nsf 5, absher 2) of 52, majority 27: derived C. Bloc mix =
    // state-of-law + siyada (4): siyada votes with a CF list here, so the CF side holds 29 ≥ 27.
    const baghdad = scenario('mix')
      .bloc({ id: 'mix', members: ['state-of-law', 'siyada'], councils: ['baghdad'] })
      .run()
      .councils.find((council) => council.id === 'baghdad')!;
    expect([baghdad.group, baghdad.groupSource]).toEqual(['A', 'derived']);
    expect(baghdad.explanation.map((entry) => entry.text)).toContain(
      'group A (derived: over allowed coalitions: CF (with siyada, voting with it here) 29 ≥ 27 of 52: it holds a majority alone)',
    );
  });
});
