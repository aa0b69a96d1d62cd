/**
 * Coalition masks into what an analysis shows: the sort order (votes, then units, then council order of
 * the members) against a plain comparator over id lists, on narrow councils and on councils past 31
 * units where masks no longer fit one word; votes, margins and critical members; labels.
 */
import { describe, expect, it } from 'vitest';
import type { Council } from '../../src/model/council.js';
import { blocNamed, coalitionOf, shortLabel, sortMasks, votesLabel } from '../../src/model/analysis/coalition-text.js';
import { prepareCouncil } from '../../src/model/analysis/prepared-council.js';
import { SplitMix32 } from '../../src/model/random.js';

function council(seats: number[], blocs: Record<number, string[]> = {}): Council {
  return { id: 't', name: 'T', units: seats.map((n, u) => ({ id: `u${u}`, name: `u${u}`, kind: 'list' as const, seats: n, ...(blocs[u] ? { blocs: blocs[u] } : {}) })) };
}

/** The order the analysis promises, written plainly: votes, units, then the member list compared unit by unit in council order. */
function expectedOrder(weights: readonly number[], masks: readonly number[][]): number[][] {
  const votes = (units: number[]) => units.reduce((sum, u) => sum + weights[u]!, 0);
  return [...masks].sort((a, b) => {
    if (votes(a) !== votes(b)) return votes(a) - votes(b);
    if (a.length !== b.length) return a.length - b.length;
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
    return 0;
  });
}

const toMask = (units: number[]) => units.reduce((mask, u) => mask + 2 ** u, 0);
const fromMask = (mask: number, size: number) => Array.from({ length: size }, (_, u) => u).filter((u) => Math.floor(mask / 2 ** u) % 2 === 1);

describe('sortMasks', () => {
  for (const size of [5, 31, 32, 40, 48]) {
    it(`orders random coalitions of a ${size}-unit council as the plain comparator does`, () => {
      const random = new SplitMix32(size);
      const weights = Array.from({ length: size }, () => 1 + (random.nextUint32() % 4));
      const prepared = prepareCouncil(council(weights));
      const coalitions: number[][] = [];
      const seen = new Set<number>();
      // A 5-unit council has 31 non-empty coalitions: take 20 of those, 300 elsewhere.
      const wanted = size < 10 ? 20 : 300;
      while (coalitions.length < wanted) {
        const units = Array.from({ length: size }, (_, u) => u).filter(() => random.nextUint32() % (size < 10 ? 2 : 5) === 0);
        const mask = toMask(units);
        if (units.length === 0 || seen.has(mask)) continue;
        seen.add(mask);
        coalitions.push(units);
      }
      const sorted = sortMasks(prepared, coalitions.map(toMask)).map((mask) => fromMask(mask, size));
      expect(sorted).toEqual(expectedOrder(weights, coalitions));
      // With a limit the first ones come back (all of them below 32 units, where the sort is cheap anyway).
      const first = sortMasks(prepared, coalitions.map(toMask), 7).map((mask) => fromMask(mask, size));
      expect(first.slice(0, 7)).toEqual(expectedOrder(weights, coalitions).slice(0, 7));
      if (size > 31) expect(first).toHaveLength(7);
    });
  }

  it('ties on votes and units go to the coalition holding the earliest unit where they differ', () => {
    const prepared = prepareCouncil(council([1, 1, 1, 1]));
    expect(sortMasks(prepared, [toMask([1, 2]), toMask([0, 3]), toMask([0, 2]), toMask([2, 3])]).map((mask) => fromMask(mask, 4))).toEqual([[0, 2], [0, 3], [1, 2], [2, 3]]);
  });
});

describe('coalitions in words', () => {
  // 4 + 3 + 2 + 2 = 11, majority 6.
  const prepared = prepareCouncil(council([4, 3, 2, 2], { 0: ['cf'], 2: ['cf'] }));

  it('votes, margin and the members whose departure loses it', () => {
    expect(coalitionOf(prepared, toMask([0, 2]))).toEqual({ units: ['u0', 'u2'], votes: 6, margin: 0, critical: ['u0', 'u2'] });
    // 9 votes: without u0 5 < 6 (critical); without u1 6 or u2 7, still enough.
    expect(coalitionOf(prepared, toMask([0, 1, 2]))).toEqual({ units: ['u0', 'u1', 'u2'], votes: 9, margin: 3, critical: ['u0'] });
    // Short of the majority nobody is critical.
    expect(coalitionOf(prepared, toMask([1, 2]))).toEqual({ units: ['u1', 'u2'], votes: 5, margin: -1, critical: [] });
  });

  it('labels: ids, seats, and the bloc whose members are exactly the coalition', () => {
    expect(shortLabel(prepared, toMask([0, 3]))).toBe('u0 + u3');
    expect(shortLabel(prepared, 0)).toBe('(nobody)');
    expect(votesLabel(prepared, toMask([0, 2]))).toBe('cf (u0 4 + u2 2)');
    expect(votesLabel(prepared, toMask([0, 1, 2]))).toBe('coalition (u0 4 + u1 3 + u2 2)');
    expect(votesLabel(prepared, 0)).toBe('coalition (nobody)');
    expect([blocNamed(prepared, toMask([0, 2])), blocNamed(prepared, toMask([0]))]).toEqual(['cf', undefined]);
    // The units in no bloc are no bloc together.
    expect(blocNamed(prepared, toMask([1, 3]))).toBeUndefined();
    expect(votesLabel(prepared, toMask([1, 3]))).toBe('coalition (u1 3 + u3 2)');
  });
});
