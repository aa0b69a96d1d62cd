/**
 * Minimal sets reaching a deficit, best first: every set S of items whose weights sum to at least
 * `deficit` while no proper subset does, in the order (sum, size, then heaviest items first).
 *
 * Weights are positive, so a proper subset of S reaches the deficit iff S minus its lightest item
 * does: S is minimal iff sum(S) − min(S) < deficit. Hence every minimal set sums to some s in
 * [deficit, deficit + wmax − 1] and holds only items heavier than s − deficit. Sorted heaviest
 * first, those items are a prefix of the list, so for each s the sets are the subsets of a prefix
 * summing to exactly s. A reachability table over (suffix, remaining sum, remaining size) prunes
 * every branch that cannot end in such a set, so the depth-first walk visits O(n) nodes per set it
 * lists: the first `limit` sets cost O(limit · n) after an O(n² · s) table, whatever the number of
 * sets (a council of 40 one-seat lists has C(40, 20) ≈ 1.4e11 of them).
 *
 * Pairwise conflicts (incompatible parties) are not in the table; the walk checks them and can then
 * meet dead branches, so it carries a node budget and throws a GovsimError past it rather than hang.
 */
import { ExitCode, GovsimError } from '../errors.js';

export interface MinimalSetsOptions {
  /** Sets to return at most (the best ones). */
  readonly limit: number;
  /** Whether items i and j may not be in one set (indices into `weights`). */
  readonly conflict?: (i: number, j: number) => boolean;
  /** Search nodes before giving up (default 2,000,000). */
  readonly budget?: number;
}

export interface MinimalSets {
  /** Item indices per set (heaviest first), best first. */
  readonly sets: readonly (readonly number[])[];
  /** Every minimal set was listed (the limit was not reached). */
  readonly complete: boolean;
  /**
   * How many minimal sets exist, counted exactly by the same table (conflicts ignored, so with
   * conflicts it is an upper bound and `countIsExact` is false).
   */
  readonly count: number;
  readonly countIsExact: boolean;
}

/** Hard ceilings: the table holds (n + 1)² · (s + 1) counts of 8 bytes (4 M cells = 32 MB). */
export const MAX_ITEMS = 200;
const MAX_TABLE_CELLS = 4_000_000;
const DEFAULT_BUDGET = 2_000_000;

export class PathSearchError extends GovsimError {
  constructor(message: string) {
    super(message, ExitCode.usage);
  }
}

export function minimalSets(weights: readonly number[], deficit: number, options: MinimalSetsOptions): MinimalSets {
  if (deficit <= 0) return { sets: [[]], complete: true, count: 1, countIsExact: true };
  const order = weights
    .map((weight, index) => ({ weight, index }))
    .filter((item) => item.weight > 0)
    // Heaviest first; sort is stable, so equal weights keep index order.
    .sort((a, b) => b.weight - a.weight);
  if (order.length > MAX_ITEMS) throw new PathSearchError(`${order.length} units to combine: more than the ${MAX_ITEMS} this search accepts`);
  const n = order.length;
  const w = order.map((item) => item.weight);
  const total = w.reduce((sum, x) => sum + x, 0);
  if (total < deficit) return { sets: [], complete: true, count: 0, countIsExact: true };
  const wmax = w[0]!;
  const sets: number[][] = [];
  const budget = options.budget ?? DEFAULT_BUDGET;
  // One set past the limit tells whether the list is complete.
  const wanted = options.limit + 1;
  let nodes = 0;
  let count = 0;
  const conflict = options.conflict;
  for (let s = deficit; s <= Math.min(total, deficit + wmax - 1); s++) {
    // Items heavier than s − deficit: a prefix of the heaviest-first order.
    let m = 0;
    while (m < n && w[m]! > s - deficit) m++;
    // ways[(i * (s + 1) + t) * (m + 1) + c]: subsets of items i..m−1 summing to t with c items (capped
    // at 2^53 so the count stays a safe integer; it is a count of sets, never an index).
    const stride = (s + 1) * (m + 1);
    if ((m + 1) * stride > MAX_TABLE_CELLS) {
      throw new PathSearchError(`${m} units and ${s} seats to combine: the search table would exceed ${MAX_TABLE_CELLS.toLocaleString('en')} cells`);
    }
    const ways = new Float64Array((m + 1) * stride);
    ways[m * stride] = 1;
    for (let i = m - 1; i >= 0; i--) {
      const wi = w[i]!;
      for (let t = 0; t <= s; t++) {
        for (let c = 0; c <= m - i; c++) {
          let v = ways[(i + 1) * stride + t * (m + 1) + c]!;
          if (c > 0 && t >= wi) v += ways[(i + 1) * stride + (t - wi) * (m + 1) + c - 1]!;
          ways[i * stride + t * (m + 1) + c] = Math.min(v, Number.MAX_SAFE_INTEGER);
        }
      }
    }
    for (let c = 1; c <= m; c++) {
      const here = ways[s * (m + 1) + c]!;
      if (here === 0) continue;
      count = Math.min(count + here, Number.MAX_SAFE_INTEGER);
      const chosen: number[] = [];
      // Every call has ways[i][t][r] > 0 (here > 0 at the root, checked before each step), so the walk
      // never runs past item m − 1 with items left to pick, and r = 0 means t = 0: a set.
      // Past the limit it returns before counting a node.
      const walk = (i: number, t: number, r: number): void => {
        if (sets.length >= wanted) return;
        if (++nodes > budget) {
          throw new PathSearchError(
            `the search for minimal sets stopped after ${budget.toLocaleString('en')} steps (pairwise incompatibilities prune too little here); ask for fewer paths or name fewer units`,
          );
        }
        if (r === 0) {
          sets.push(chosen.map((k) => order[k]!.index));
          return;
        }
        const wi = w[i]!;
        if (t >= wi && ways[(i + 1) * stride + (t - wi) * (m + 1) + r - 1]! > 0 && !(conflict && chosen.some((k) => conflict(order[k]!.index, order[i]!.index)))) {
          chosen.push(i);
          walk(i + 1, t - wi, r - 1);
          chosen.pop();
        }
        if (ways[(i + 1) * stride + t * (m + 1) + r]! > 0) walk(i + 1, t, r);
      };
      walk(0, s, c);
    }
  }
  const complete = sets.length <= options.limit;
  if (!complete) sets.length = options.limit;
  // With conflicts the table over-counts; a complete walk counted them exactly.
  if (conflict !== undefined && complete) return { sets, complete, count: sets.length, countIsExact: true };
  return { sets, complete, count, countIsExact: conflict === undefined };
}

export interface FewestSetOptions {
  /** Whether items i and j may not be in one set (indices into `weights`). */
  readonly conflict?: (i: number, j: number) => boolean;
  /** Search nodes before giving up (default 2,000,000). */
  readonly budget?: number;
}

/**
 * A set of the fewest items whose weights reach `deficit` with no two items in conflict (indices,
 * heaviest first), or null when no such set exists; [] when the deficit is not positive. Such a set
 * is always minimal (dropping an item leaves fewer items, which cannot reach).
 *
 * Without conflicts the k heaviest items decide it. With conflicts, a depth-first walk over the items
 * heaviest first tries k = the conflict-free lower bound, then k + 1, …, pruning a branch when even
 * the heaviest remaining items cannot make up the rest; past the node budget it throws.
 */
export function fewestSet(weights: readonly number[], deficit: number, options: FewestSetOptions = {}): readonly number[] | null {
  if (deficit <= 0) return [];
  const order = weights
    .map((weight, index) => ({ weight, index }))
    .filter((item) => item.weight > 0)
    .sort((a, b) => b.weight - a.weight); // stable: equal weights keep index order
  const n = order.length;
  const w = order.map((item) => item.weight);
  // prefix[i]: the sum of the i heaviest items.
  const prefix = [0];
  for (const x of w) prefix.push(prefix[prefix.length - 1]! + x);
  let lower = 1;
  while (lower <= n && prefix[lower]! < deficit) lower++;
  if (lower > n) return null;
  const conflict = options.conflict;
  if (conflict === undefined) return order.slice(0, lower).map((item) => item.index);
  const budget = options.budget ?? DEFAULT_BUDGET;
  let nodes = 0;
  const chosen: number[] = [];
  // Whether `r` more items from i.. (none in conflict with those chosen) bring `t` up to the deficit.
  // Calls keep n − i ≥ r (k ≤ n at the root, j ≤ n − r below), so the loop's first test prunes an
  // insufficient branch (r = 0 included) without going out of range.
  const walk = (i: number, r: number, t: number): boolean => {
    if (++nodes > budget) {
      throw new PathSearchError(
        `the search for the fewest partners stopped after ${budget.toLocaleString('en')} steps (pairwise incompatibilities prune too little here); name fewer units`,
      );
    }
    if (t >= deficit) return true;
    for (let j = i; j <= n - r; j++) {
      // The r heaviest items from j on are items j..j+r−1; lighter starts only do worse.
      if (t + prefix[j + r]! - prefix[j]! < deficit) break;
      if (chosen.some((k) => conflict(order[k]!.index, order[j]!.index))) continue;
      chosen.push(j);
      if (walk(j + 1, r - 1, t + w[j]!)) return true;
      chosen.pop();
    }
    return false;
  };
  for (let k = lower; k <= n; k++) {
    if (walk(0, k, 0)) return chosen.map((j) => order[j]!.index);
  }
  return null;
}
