/**
 * Enumerates minimal winning coalitions by branch and bound over units sorted by weight, heaviest first.
 *
 * Why no minimality test is needed: the search adds units in descending weight and stops a branch as
 * soon as the coalition reaches the quota. The unit that crossed the quota is the lightest member, so
 * removing any member u leaves at most the weight before that last step, which was below the quota.
 * Every leaf is therefore minimal, and every minimal coalition is reached (each of its prefixes is
 * below the quota). Required units are pre-included and exempt from minimality; incompatible units
 * are skipped through a running mask of forbidden units.
 */

import { hasUnit, maskUnion, unitBit, unitCount, unitsWeight } from './unit-masks.js';

/**
 * Most minimal winning coalitions an analysis lists. A council of 31 one-seat units has C(31,16) ≈ 3·10^8
 * of them (a V8 "invalid size" abort when listed); the count stays exact ({@link countMinimalWinning}),
 * the listing stops here and says so.
 */
export const MAX_LISTED_MINIMAL = 1000;

/** The inputs of one enumeration; weights may differ from the prepared council's (hinge what-ifs). */
export interface MinimalWinningSearch {
  /** Free units with weight > 0, heaviest first. */
  readonly order: Int32Array;
  readonly weights: Int32Array;
  /** Per unit, the mask of units it may not sit with. */
  readonly conflicts: Float64Array;
  readonly requiredMask: number;
  readonly requiredWeight: number;
  readonly quota: number;
}

/**
 * Appends the minimal winning coalitions (as unit bitmasks) to `out`, at most `limit` of them, and returns
 * how many it added; when it stops at `limit`, more may exist. `suffix` is scratch space of at least
 * `order.length + 1` entries.
 */
export function enumerateMinimalWinning(
  search: MinimalWinningSearch,
  out: number[],
  suffix: Int32Array = new Int32Array(search.order.length + 1),
  limit = MAX_LISTED_MINIMAL,
): number {
  const { order, weights, quota, requiredMask, requiredWeight } = search;
  const before = out.length;
  if (limit <= 0) return 0;
  if (requiredWeight >= quota) {
    out.push(requiredMask);
    return 1;
  }
  const length = order.length;
  suffix[length] = 0;
  for (let j = length - 1; j >= 0; j--) suffix[j] = suffix[j + 1]! + weights[order[j]!]!;
  // No early exit when even every free unit falls short: descend's first test is that one.
  descend(search, suffix, 0, requiredMask, requiredWeight, 0, out, before + limit);
  return out.length - before;
}

/** Returns false once `out` holds `stopAt` entries. */
function descend(search: MinimalWinningSearch, suffix: Int32Array, start: number, mask: number, weight: number, forbidden: number, out: number[], stopAt: number): boolean {
  const { order, weights, conflicts, quota } = search;
  for (let j = start; j < order.length; j++) {
    if (weight + suffix[j]! < quota) return true;
    const u = order[j]!;
    // The int32 test inline below bit 31 (the common case); hasUnit above.
    if (u < 31 ? (forbidden & (1 << u)) !== 0 : hasUnit(forbidden, u)) continue;
    // u is not in mask yet: adding its bit is the union.
    const bit = unitBit(u);
    const next = weight + weights[u]!;
    if (next >= quota) {
      out.push(mask + bit);
      if (out.length >= stopAt) return false;
    } else if (!descend(search, suffix, j + 1, mask + bit, next, maskUnion(forbidden, conflicts[u]!), out, stopAt)) return false;
  }
  return true;
}

/**
 * Number of minimal winning coalitions without incompatibilities, by dynamic programming over weights
 * in O(|order|·q): a coalition S of free units (with the required weight R) is minimal winning when
 * R + w(S) ≥ q and R + w(S) − w(lightest) < q. Taking the units heaviest first, each unit j counted as
 * the lightest member pairs with the subsets of the units before it that weigh t, q − R − w_j ≤ t < q − R.
 */
export function countMinimalWinning(order: Int32Array, weights: Int32Array, requiredWeight: number, quota: number): number {
  if (requiredWeight >= quota) return 1;
  const need = quota - requiredWeight;
  // ways[t]: subsets of the units seen so far weighing t (t < need).
  const ways = new Float64Array(need);
  ways[0] = 1;
  let total = 0;
  for (let j = 0; j < order.length; j++) {
    const w = weights[order[j]!]!;
    for (let t = Math.max(0, need - w); t < need; t++) total += ways[t]!;
    for (let t = need - 1; t >= w; t--) ways[t] = ways[t]! + ways[t - w]!;
  }
  return total;
}

/** Fewest votes and fewest units of a minimal winning coalition without incompatibilities (0 when none wins). */
export function fewestMinimalWinning(order: Int32Array, weights: Int32Array, requiredWeight: number, requiredUnits: number, quota: number): { votes: number; units: number } {
  if (requiredWeight >= quota) return { votes: requiredWeight, units: requiredUnits };
  const need = quota - requiredWeight;
  let units = 0;
  let sum = 0;
  // Heaviest first reaches the quota with the fewest units; the lightest winning sum is a subset-sum question.
  for (let j = 0; j < order.length && sum < need; j++) {
    sum += weights[order[j]!]!;
    units++;
  }
  if (sum < need) return { votes: 0, units: 0 };
  const reach = new Uint8Array(need);
  reach[0] = 1;
  let best = sum;
  for (let j = 0; j < order.length; j++) {
    const w = weights[order[j]!]!;
    // Descending, so that each unit is used once.
    for (let t = need - 1; t >= 0; t--) {
      if (reach[t] === 0) continue;
      if (t + w >= need) best = Math.min(best, t + w);
      else reach[t + w] = 1;
    }
  }
  return { votes: requiredWeight + best, units: requiredUnits + units };
}

/** Free units with weight > 0 sorted heaviest first (ties in council order), for a search on `weights`. */
export function searchOrderFor(weights: Int32Array, roles: Uint8Array, freeRole: number): Int32Array {
  const units: number[] = [];
  for (let u = 0; u < weights.length; u++) if (roles[u] === freeRole && weights[u]! > 0) units.push(u);
  // The sort is stable and units are taken in council order, so ties stay in council order.
  units.sort((a, b) => weights[b]! - weights[a]!);
  return Int32Array.from(units);
}

/** Number of units in `mask` (see unit-masks.ts). */
export function popcount(mask: number): number {
  return unitCount(mask);
}

/** Total weight of the units in `mask`. */
export function maskWeight(mask: number, weights: Int32Array): number {
  return unitsWeight(mask, weights);
}

/**
 * Appends to `out` (at most `limit`) the coalitions of required units plus free units weighing exactly
 * `votes` in all. With `votes` the fewest votes of any winning coalition, these are the minimum winning
 * coalitions, all minimal (every member weighs > 0). A table of the sums each suffix of `order` can
 * make prunes every dead branch, so the work is bounded by the coalitions listed times |order|.
 */
export function enumerateWithVotes(order: Int32Array, weights: Int32Array, requiredMask: number, requiredWeight: number, votes: number, out: number[], limit: number): void {
  const target = votes - requiredWeight;
  if (target < 0) return;
  const m = order.length;
  const stride = target + 1;
  const reach = new Uint8Array((m + 1) * stride);
  reach[m * stride] = 1;
  for (let j = m - 1; j >= 0; j--) {
    const w = weights[order[j]!]!;
    for (let t = 0; t <= target; t++) reach[j * stride + t] = reach[(j + 1) * stride + t]! | (t >= w ? reach[(j + 1) * stride + t - w]! : 0);
  }
  const stopAt = out.length + limit;
  const visit = (j: number, rest: number, mask: number): boolean => {
    if (rest === 0) {
      out.push(mask);
      return out.length < stopAt;
    }
    if (j >= m || reach[j * stride + rest] === 0) return true;
    const u = order[j]!;
    const w = weights[u]!;
    if (w <= rest && reach[(j + 1) * stride + rest - w] === 1 && !visit(j + 1, rest - w, mask + unitBit(u))) return false;
    return visit(j + 1, rest, mask);
  };
  if (limit > 0) visit(0, target, requiredMask);
}

/**
 * Appends to `out` (at most `limit`) the winning coalitions of required units plus exactly `units` − the
 * required count free units. With `units` the fewest units of any winning coalition these are all minimal
 * (one unit fewer never wins). Order is heaviest first, so the best completion from position j with r
 * more units is the next r units: a branch that cannot reach the quota that way is never entered.
 */
export function enumerateWithUnits(
  order: Int32Array,
  weights: Int32Array,
  requiredMask: number,
  requiredWeight: number,
  requiredUnits: number,
  quota: number,
  units: number,
  out: number[],
  limit: number,
): void {
  const pick = units - requiredUnits;
  const m = order.length;
  // More picks than units (pick > m) need no test: the loop below never starts.
  if (pick < 0) return;
  const prefix = new Float64Array(m + 1);
  for (let j = 0; j < m; j++) prefix[j + 1] = prefix[j]! + weights[order[j]!]!;
  const stopAt = out.length + limit;
  const visit = (j: number, left: number, weight: number, mask: number): boolean => {
    if (left === 0) {
      if (weight >= quota) out.push(mask);
      return out.length < stopAt;
    }
    for (let i = j; i + left <= m; i++) {
      if (weight + prefix[i + left]! - prefix[i]! < quota) return true;
      if (!visit(i + 1, left - 1, weight + weights[order[i]!]!, mask + unitBit(order[i]!))) return false;
    }
    return true;
  };
  if (limit > 0) visit(0, pick, requiredWeight, requiredMask);
}
