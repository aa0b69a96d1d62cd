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

/** The inputs of one enumeration; weights may differ from the prepared council's (hinge what-ifs). */
export interface MinimalWinningSearch {
  /** Free units with weight > 0, heaviest first. */
  readonly order: Int32Array;
  readonly weights: Int32Array;
  /** Per unit, the mask of units it may not sit with. */
  readonly conflicts: Int32Array;
  readonly requiredMask: number;
  readonly requiredWeight: number;
  readonly quota: number;
}

/**
 * Appends every minimal winning coalition (as a unit bitmask) to `out` and returns how many it added.
 * `suffix` is scratch space of at least `order.length + 1` entries.
 */
export function enumerateMinimalWinning(search: MinimalWinningSearch, out: number[], suffix: Int32Array = new Int32Array(search.order.length + 1)): number {
  const { order, weights, quota, requiredMask, requiredWeight } = search;
  const before = out.length;
  if (requiredWeight >= quota) {
    out.push(requiredMask);
    return 1;
  }
  const length = order.length;
  suffix[length] = 0;
  for (let j = length - 1; j >= 0; j--) suffix[j] = suffix[j + 1]! + weights[order[j]!]!;
  if (requiredWeight + suffix[0]! >= quota) descend(search, suffix, 0, requiredMask, requiredWeight, 0, out);
  return out.length - before;
}

function descend(search: MinimalWinningSearch, suffix: Int32Array, start: number, mask: number, weight: number, forbidden: number, out: number[]): void {
  const { order, weights, conflicts, quota } = search;
  for (let j = start; j < order.length; j++) {
    if (weight + suffix[j]! < quota) return;
    const u = order[j]!;
    const bit = 1 << u;
    if ((forbidden & bit) !== 0) continue;
    const next = weight + weights[u]!;
    if (next >= quota) out.push(mask | bit);
    else descend(search, suffix, j + 1, mask | bit, next, forbidden | conflicts[u]!, out);
  }
}

/** Free units with weight > 0 sorted heaviest first (ties in council order), for a search on `weights`. */
export function searchOrderFor(weights: Int32Array, roles: Uint8Array, freeRole: number): Int32Array {
  const units: number[] = [];
  for (let u = 0; u < weights.length; u++) if (roles[u] === freeRole && weights[u]! > 0) units.push(u);
  units.sort((a, b) => weights[b]! - weights[a]! || a - b);
  return Int32Array.from(units);
}

/** Number of set bits of a 32-bit mask. */
export function popcount(mask: number): number {
  // SWAR count; intermediate values are taken mod 2^32 by the bitwise operators.
  let x = mask - ((mask >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

/** Total weight of the units in `mask`. */
export function maskWeight(mask: number, weights: Int32Array): number {
  let total = 0;
  let rest = mask;
  while (rest !== 0) {
    const low = rest & -rest;
    total += weights[31 - Math.clz32(low)]!;
    rest ^= low;
  }
  return total;
}
