/**
 * minimalSets and fewestSet on small hand-computed cases: the results, the edges (deficit met, nothing
 * reaches, weights not positive, the size ceilings) and the exact number of search steps, pinned with the
 * node budget (a budget of exactly the steps passes, one fewer throws).
 */
import { describe, expect, it } from 'vitest';
import { fewestSet, MAX_ITEMS, minimalSets, PathSearchError } from '../../src/model/paths/index.js';

type Conflict = (i: number, j: number) => boolean;

/** Every subset of 0..n−1, as ascending index lists. */
function subsets(n: number): number[][] {
  const all: number[][] = [];
  for (let mask = 0; mask < 1 << n; mask++) all.push([...Array(n).keys()].filter((i) => mask & (1 << i)));
  return all;
}

/**
 * The documented listing by brute force: sets reaching the deficit, compatible, with no reaching proper
 * subset; ranked by sum, then size, then heaviest items first (items ranked by weight, then index).
 */
function bruteMinimal(weights: readonly number[], deficit: number, conflict?: Conflict): number[][] {
  const rank = [...weights.keys()].sort((a, b) => weights[b]! - weights[a]! || a - b);
  const sum = (set: readonly number[]): number => set.reduce((total, i) => total + weights[i]!, 0);
  const compatible = (set: readonly number[]): boolean => !conflict || set.every((i) => set.every((j) => i === j || !conflict(i, j)));
  const reaches = (set: readonly number[]): boolean => compatible(set) && sum(set) >= deficit;
  const minimal = subsets(weights.length)
    .filter((set) => set.every((i) => weights[i]! > 0) && reaches(set))
    .filter((set) => !subsets(set.length).some((sub) => sub.length < set.length && reaches(sub.map((k) => set[k]!))))
    .map((set) => rank.filter((i) => set.includes(i)));
  const key = (set: readonly number[]): number[] => [sum(set), set.length, ...set.map((i) => rank.indexOf(i))];
  return minimal.sort((a, b) => {
    const [ka, kb] = [key(a), key(b)];
    const k = ka.findIndex((x, i) => x !== kb[i]);
    return k === -1 ? 0 : ka[k]! - kb[k]!;
  });
}

describe('minimalSets edges', () => {
  it('needs nobody when the deficit is already met', () => {
    expect(minimalSets([3, 1], 0, { limit: 5 })).toEqual({ sets: [[]], complete: true, count: 1, countIsExact: true });
    expect(minimalSets([], -2, { limit: 5 })).toEqual({ sets: [[]], complete: true, count: 1, countIsExact: true });
  });

  it('lists nothing, completely and exactly, when all items together fall short', () => {
    // 1 + 2 = 3 < 4.
    expect(minimalSets([1, 2], 4, { limit: 5 })).toEqual({ sets: [], complete: true, count: 0, countIsExact: true });
    expect(minimalSets([1, 2], 4, { limit: 5, conflict: () => true })).toEqual({ sets: [], complete: true, count: 0, countIsExact: true });
  });

  it('counts every minimal set when the list stops at the limit', () => {
    // Deficit 2 from four single seats: the minimal sets are the C(4,2) = 6 pairs; two are listed.
    expect(minimalSets([1, 1, 1, 1], 2, { limit: 2 })).toEqual({ sets: [[0, 1], [0, 2]], complete: false, count: 6, countIsExact: true });
  });

  it('counts sets beside an item heavier than every sum tried', () => {
    // Deficit 1 from weights 5 and 1: {1} (sum 1) then {5} (sum 5), two sets; the 5 never fits a sum
    // below it and must add nothing to those counts.
    expect(minimalSets([5, 1], 1, { limit: 5 })).toEqual({ sets: [[1], [0]], complete: true, count: 2, countIsExact: true });
  });

  it('leaves out items of zero or negative weight', () => {
    // Only 3 counts: {3} reaches 2. Counting −5 in would make the total −2 < 2 and list nothing.
    expect(minimalSets([3, -5, 0], 2, { limit: 5 })).toEqual({ sets: [[0]], complete: true, count: 1, countIsExact: true });
  });

  it('ranks by sum, then heaviest first, whatever the input order', () => {
    // [1, 3, 2], deficit 3: {3} (sum 3), {2, 1} (3, 3 − 1 = 2 < 3); {3, 1} = 4 − 1 = 3 and {3, 2} are not minimal.
    expect(minimalSets([1, 3, 2], 3, { limit: 5 })).toEqual({ sets: [[1], [2, 0]], complete: true, count: 2, countIsExact: true });
    // [10, 2, 1], deficit 3: {2, 1} sums to 3 (3 − 1 = 2 < 3), {10} to 10, so {10} comes second.
    expect(minimalSets([10, 2, 1], 3, { limit: 5 })).toEqual({ sets: [[1, 2], [0]], complete: true, count: 2, countIsExact: true });
    // A single item far above the deficit: [10], deficit 3 ⇒ {10}, counted once.
    expect(minimalSets([10], 3, { limit: 5 })).toEqual({ sets: [[0]], complete: true, count: 1, countIsExact: true });
  });

  it(`accepts ${MAX_ITEMS} positive items (zeros aside) and refuses one more`, () => {
    // 200 one-seat items and a zero, deficit 1: every single item is a minimal set, C(200, 1) = 200.
    const ones = new Array<number>(MAX_ITEMS).fill(1);
    expect(minimalSets([...ones, 0], 1, { limit: 0 })).toEqual({ sets: [], complete: false, count: 200, countIsExact: true });
    const refuse = (): unknown => minimalSets([...ones, 1], 1, { limit: 0 });
    expect(refuse).toThrow(PathSearchError);
    expect(refuse).toThrow('201 units to combine: more than the 200 this search accepts');
  });

  it('builds a table of exactly 4,000,000 cells and refuses a bigger one', () => {
    // One item of 999,999 seats, deficit 999,999: the only sum is s = 999,999 with m = 1 item, so the table
    // holds (m + 1)² · (s + 1) = 4 · 1,000,000 = 4,000,000 cells: at the ceiling, allowed.
    expect(minimalSets([999_999], 999_999, { limit: 5 })).toEqual({ sets: [[0]], complete: true, count: 1, countIsExact: true });
    // One seat more: 4 · 1,000,001 = 4,000,004 cells.
    const refuse = (): unknown => minimalSets([1_000_000], 1_000_000, { limit: 5 });
    expect(refuse).toThrow(PathSearchError);
    expect(refuse).toThrow('1 units and 1000000 seats to combine: the search table would exceed 4,000,000 cells');
  });
});

describe('minimalSets with conflicts', () => {
  it('counts with the table (an upper bound) when truncated, exactly when complete', () => {
    // Three one-seat items, deficit 2: the table sees C(3, 2) = 3 pairs; 0–1 conflict leaves {0, 2}, {1, 2}.
    const conflict: Conflict = (i, j) => (i === 0 && j === 1) || (i === 1 && j === 0);
    expect(minimalSets([1, 1, 1], 2, { limit: 1, conflict })).toEqual({ sets: [[0, 2]], complete: false, count: 3, countIsExact: false });
    expect(minimalSets([1, 1, 1], 2, { limit: 10, conflict })).toEqual({ sets: [[0, 2], [1, 2]], complete: true, count: 2, countIsExact: true });
    expect(minimalSets([1, 1, 1], 2, { limit: 1 })).toEqual({ sets: [[0, 1]], complete: false, count: 3, countIsExact: true });
  });

  it('lists exactly the brute-force minimal sets in rank order', () => {
    // Fixed pseudo-random small cases (a linear congruential generator, high bits, so they are reproducible):
    // 3–7 items of 0–4 seats, deficits 1–10, 1–5 conflict pairs on even runs (they change the answer in 33 of 75).
    let seed = 12345;
    const next = (k: number): number => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return Math.floor((seed / 2 ** 31) * k);
    };
    for (let run = 0; run < 150; run++) {
      const weights = Array.from({ length: 3 + next(5) }, () => next(5));
      const deficit = 1 + next(10);
      const pairs = Array.from({ length: 1 + next(5) }, () => [next(weights.length), next(weights.length)] as const);
      const conflict: Conflict = (i, j) => pairs.some(([a, b]) => (a === i && b === j) || (a === j && b === i));
      const withConflicts = run % 2 === 0;
      const expected = bruteMinimal(weights, deficit, withConflicts ? conflict : undefined);
      const found = minimalSets(weights, deficit, withConflicts ? { limit: 100, conflict } : { limit: 100 });
      expect(found).toEqual({ sets: expected, complete: true, count: expected.length, countIsExact: true });
    }
  });
});

describe('minimalSets search steps', () => {
  it('visits one node per item decision that can still end in a set', () => {
    // [2, 1, 1], deficit 2: sums s = 2..min(4, 2 + 2 − 1) = 3.
    //   s = 2 (all 3 items): size 1: root, take 2 → {2}: 2 nodes; size 2: root, skip 2, take 1, take 1 → {1, 1}:
    //   4 nodes; size 3: no set, no walk.  s = 3 (only the 2 is > 1): size 1 sums to 2 ≠ 3, no walk.  6 nodes.
    expect(minimalSets([2, 1, 1], 2, { limit: 10, budget: 6 }).sets).toEqual([[0], [1, 2]]);
    expect(() => minimalSets([2, 1, 1], 2, { limit: 10, budget: 5 })).toThrow('stopped after 5 steps');
  });

  it('stops counting nodes once the limit is passed', () => {
    // [1, 1, 1], deficit 2, limit 0 (one set wanted to tell completeness): root, take 0, take 1 → {0, 1}: 3
    // nodes; the other branches return before counting.
    expect(minimalSets([1, 1, 1], 2, { limit: 0, budget: 3 })).toEqual({ sets: [], complete: false, count: 3, countIsExact: true });
    expect(() => minimalSets([1, 1, 1], 2, { limit: 0, budget: 2 })).toThrow(PathSearchError);
  });
});

describe('fewestSet', () => {
  it('takes the heaviest items whatever the input order', () => {
    // [1, 3], deficit 3: the 3 alone. [1, 3, 2], deficit 4: 3 + 2 = 5 (two items; 3 alone falls short).
    expect(fewestSet([1, 3], 3)).toEqual([1]);
    expect(fewestSet([1, 3, 2], 4)).toEqual([1, 2]);
  });

  it('searches k = 2 then 3 with conflicts, node by node', () => {
    // [2, 1, 1], deficit 3, the 2 in conflict with both 1s; 1 + 1 = 2 < 3, so no set.
    //   k = 2: root; take 2 → node 2, both 1s conflict; start at a 1: 0 + 1 + 1 < 3, stop. k = 3: root; take 2
    //   → node 4, the 1s conflict; start at a 1: too few items left. 4 nodes, null.
    const conflict: Conflict = (i, j) => (i === 0) !== (j === 0);
    expect(fewestSet([2, 1, 1], 3, { conflict, budget: 4 })).toBeNull();
    expect(() => fewestSet([2, 1, 1], 3, { conflict, budget: 3 })).toThrow(PathSearchError);
    // Only 2–first 1 in conflict: k = 2: root, take 2, skip the first 1, take the second: {2, 1} = 3.
    const one: Conflict = (i, j) => (i === 0 && j === 1) || (i === 1 && j === 0);
    expect(fewestSet([2, 1, 1], 3, { conflict: one, budget: 3 })).toEqual([0, 2]);
    expect(() => fewestSet([2, 1, 1], 3, { conflict: one, budget: 2 })).toThrow(PathSearchError);
  });

  it('leaves items of zero weight out of the search', () => {
    // [1, 1, 0], deficit 2, every pair in conflict: k = 2 only (two positive items): root, take the first 1
    // → node 2, the other conflicts. 2 nodes, null; a zero counted in would add a k = 3 round.
    expect(fewestSet([1, 1, 0], 2, { conflict: () => true, budget: 2 })).toBeNull();
    expect(() => fewestSet([1, 1, 0], 2, { conflict: () => true, budget: 1 })).toThrow('fewest partners stopped after 1 steps');
  });
});
