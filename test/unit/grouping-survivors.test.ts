/**
 * The derived group at the edges the hand-worked cases of grouping.test.ts leave open: members with no
 * seats, several allies, pairs reaching a bloc that holds both sides, and what a scenario's blocs put on
 * each side. Small councils as there: `a` and `b` carry the CF family, `o…` do not.
 */
import { describe, expect, it } from 'vitest';
import { groupingCouncil as council } from '../helpers/grouping-council.js';
import { scenario } from '../../src/scenarios/builder.js';
import { deriveGroup, groupOf } from '../../src/scenarios/grouping.js';
import { modelCouncil } from '../../src/scenarios/runner.js';

describe('deriveGroup at the edges', () => {
  it('a member with no seats is no player: a pair naming it constrains nobody', () => {
    // 10 members, majority 6: o1 3 + o2 3 = 6 without the CF (4); z holds nothing.
    expect(deriveGroup(council({ a: 4, o1: 3, o2: 3, z: 0 }), 'cf', { incompatible: [['o1', 'z']] })).toEqual({
      group: 'C',
      reason: 'others 6 ≥ 6 of 10: a majority can form without the CF (4)',
    });
  });

  it('several allies are all named', () => {
    // 10 members, majority 6: a 4 + o1 1 + o2 1 = 6.
    expect(deriveGroup(council({ a: 4, o1: 1, o2: 1, o3: 4 }), 'cf', { withBloc: new Set(['o1', 'o2']) })).toEqual({
      group: 'A',
      reason: 'CF (with o1, o2, voting with it here) 6 ≥ 6 of 10: it holds a majority alone',
    });
  });

  it('a voting bloc is named by its seated members only', () => {
    // 11 members, majority 6; others o1 3, o2 2, o3 1, o4 1 = 7. o1 + z + o3 vote as one (4), and may not sit with o2:
    // {o1+o3, o4} = 5 and {o2, o4} = 3 fall short.
    expect(deriveGroup(council({ a: 4, o1: 3, o2: 2, o3: 1, z: 0, o4: 1 }), 'cf', { together: [['o1', 'z', 'o3']], incompatible: [['o1', 'o2']] })).toEqual({
      group: 'B',
      reason: 'CF 4 < 6; others 7 ≥ 6, but every coalition of them reaching 6 joins an incompatible pair (o1+o3/o2): no majority without it',
    });
  });

  it('a bloc member with no seats does not carry a pair to its bloc', () => {
    // As above, the pair now names z: it binds nobody, and o1+o3 4 + o2 2 = 6 may form.
    expect(deriveGroup(council({ a: 4, o1: 3, o2: 2, o3: 1, z: 0, o4: 1 }), 'cf', { together: [['o1', 'z', 'o3']], incompatible: [['z', 'o2']] })).toEqual({
      group: 'C',
      reason: 'others 7 ≥ 6 of 11: a majority can form without the CF (4)',
    });
  });

  it('a pair between a bloc that holds both sides of another pair and an outsider is moot: the bloc is out already', () => {
    // 15 members, majority 8: o1 + o2 (5) hold both sides of o1/o2 and are out; o1/o3 then binds nobody; o3 3 + o4 5 = 8.
    expect(deriveGroup(council({ a: 2, o1: 3, o2: 2, o3: 3, o4: 5 }), 'cf', { together: [['o1', 'o2']], incompatible: [['o1', 'o2'], ['o1', 'o3']] })).toEqual({
      group: 'C',
      reason: 'others 13 ≥ 8, and a coalition of them allowed by the incompatible pairs (o1+o2/o1+o2, o1+o2/o3) reaches 8: a majority can form without the CF (2)',
    });
  });
});

describe('the blocs of a scenario on each side', () => {
  // Baghdad (data/iraq-2023/councils/baghdad.yaml): 52 members, majority 27; CF family state-of-law 9 + nabni 9 + nsf 5
  // + absher 2 = 25; the others hold 27.
  function baghdad(builder: ReturnType<typeof scenario>) {
    const loaded = builder.load();
    return groupOf(loaded.state, 'baghdad', modelCouncil(loaded.state, 'baghdad'), new Map(loaded.steps.map((step) => [step.index, step] as const)));
  }

  it('a bloc with no CF member stays on the other side, taken whole', () => {
    const opp = () => scenario('opp').bloc({ id: 'opp', members: ['taqaddum', 'siyada'], councils: ['baghdad'] });
    expect(baghdad(opp())).toEqual({ group: 'C', source: { label: 'derived', reason: 'over allowed coalitions: others 27 ≥ 27 of 52: a majority can form without the CF (25)' } });
    // siyada may not sit with ajyal: the bloc taqaddum + siyada cannot either, and every 27 needs both.
    expect(baghdad(opp().incompatible({ between: ['siyada', 'ajyal'], councils: ['baghdad'] }))).toEqual({
      group: 'B',
      source: {
        label: 'derived',
        reason: 'over allowed coalitions: CF 25 < 27; others 27 ≥ 27, but every coalition of them reaching 27 joins an incompatible pair (taqaddum+siyada/ajyal): no majority without it',
      },
    });
  });

  it('a group set by a step is labelled with it, by position when no label is known', () => {
    const loaded = scenario('set').group({ A: ['baghdad'] }).load();
    const model = modelCouncil(loaded.state, 'baghdad');
    expect(groupOf(loaded.state, 'baghdad', model, new Map())).toEqual({ group: 'A', source: { label: 'set by step 1', reason: 'the scenario sets it', step: 'step 1' } });
  });
});
