/**
 * Shapley–Shubik power: the share of the n! voting orders in which a player is pivotal. A player is
 * pivotal after the set S of players before it when w(S) < q ≤ w(S) + w_i; S of size s is followed by
 * i in s!·(n−1−s)! orders, so
 *   SS_i = Σ_s D_i(s) · s!(n−1−s)! / n!,   D_i(s) = #{S ∌ i : |S| = s, q − w_i ≤ w(S) < q}.
 *
 * D comes from one table of coalitions counted by (size, weight < q), turned into prefix sums
 * P(s, x) = #{S : |S| = s, w(S) < x}. Removing player i (see banzhaf.ts for the one-dimensional case):
 *   P(s, x) = C_{-i}(s, x) + C_{-i}(s − 1, x − w_i)
 *   D_i(s) = P(s, q) − C_{-i}(s − 1, q − w_i) − C_{-i}(s, q − w_i)
 * and C_{-i}(·, q − w_i) unrolls into about q/w_i steps over the size vector. Building the table is
 * O(n·S·q) for S the largest coalition size below the quota; the rest is O(S·q) per distinct weight.
 */
import { type Rational, rationalToNumber } from '../rational.js';
import {
  CACHE_SLOT,
  checkBuffer,
  checkBigWork,
  checkCells,
  checkWeightsAndQuota,
  COUNTS_SLOT,
  fractionOfFactorial,
  MAX_FLOAT_PLAYERS,
  maxSizeBelow,
  pivotOrderings,
  PIVOTS_SLOT,
  scratch,
  sizeWeightCountsBig,
  sortedPrefix,
  sortedWeights,
  sortSmallWeights,
  VECTOR_SLOT,
  weightGcd,
} from './kernel.js';
import { resultFromValues } from './result.js';
import { assertWellFormed, type PowerIndexResult, type WeightedGame } from './weighted-game.js';

/**
 * Pivot counts by coalition size: `out[i * n + s]` is D_i(s), the number of coalitions S of size s
 * without player i that i turns from losing into winning (s = 0..n−1). Float64 integers, exact while
 * n ≤ 52 (beyond, computed in BigInt and rounded). SS_i = Σ_s D_i(s)·s!(n−1−s)!/n!; see
 * shapleyShubikFloats for that sum in floating point. Writes into `out` when given (length ≥ n²).
 */
export function shapleyShubikRaw(weights: ArrayLike<number>, quota: number, out?: Float64Array): Float64Array {
  const n = weights.length;
  checkBuffer(out, n * n, 'shapleyShubikRaw: out');
  const target = out ?? new Float64Array(n * n);
  checkWeightsAndQuota(weights, quota);
  if (n > MAX_FLOAT_PLAYERS) {
    const exact = pivotCountsBig(weights, quota);
    for (let i = 0; i < n; i++) {
      const row = exact[i]!;
      for (let s = 0; s < n; s++) target[i * n + s] = Number(row[s] ?? 0n);
    }
    return target;
  }
  target.fill(0, 0, n * n);
  const g = weightGcd(weights);
  const q = Math.ceil(quota / g);
  checkCells(q, 'the Shapley-Shubik count');
  const count = sortSmallWeights(weights, g, q, true);
  const sorted = sortedWeights();
  const prefix = sortedPrefix();
  const maxSize = maxSizeBelow(count, q);
  const rows = maxSize + 1;
  checkCells(rows * q, 'the Shapley-Shubik count');
  // table[s * q + x]: coalitions of size s and weight x (later: weight ≤ x); players of weight ≥ q never
  // belong to a coalition below the quota and are left out.
  const table = scratch(COUNTS_SLOT, rows * q);
  table.fill(0, 0, rows * q);
  table[0] = 1;
  for (let k = 1; k <= count; k++) {
    const w = sorted[k - 1]!;
    // Sizes downwards so that row s − 1 still holds the counts without this player. Adding players
    // smallest first, an s-set that includes player k weighs between the s−1 smallest plus w and the
    // s largest so far: only that band of row s changes.
    for (let s = k < maxSize ? k : maxSize; s >= 1; s--) {
      const low = prefix[s - 1]! + w;
      const span = prefix[k]! - prefix[k - s]!;
      const high = span < q - 1 ? span : q - 1;
      const row = s * q;
      const below = row - q - w;
      for (let x = high; x >= low; x--) table[row + x] = table[row + x]! + table[below + x]!;
    }
  }
  for (let s = 0; s < rows; s++) {
    const row = s * q;
    for (let x = 1; x < q; x++) table[row + x] = table[row + x]! + table[row + x - 1]!;
  }
  // First row index of each distinct reduced weight's pivot counts, so equal weights are computed once.
  const firstOfWeight = scratch(CACHE_SLOT, q + 1);
  firstOfWeight.fill(-1, 0, q + 1);
  const without = scratch(VECTOR_SLOT, rows);
  for (let i = 0; i < n; i++) {
    const w = weights[i]! / g;
    if (w === 0) continue; // a null player: its row stays 0
    const slot = w < q ? w : q;
    const first = firstOfWeight[slot]!;
    if (first >= 0) {
      target.copyWithin(i * n, first * n, first * n + n);
      continue;
    }
    firstOfWeight[slot] = i;
    // without[s] ends as C_{-i}(s, q − w): unrolled from the smallest positive x ≡ q (mod w) upwards,
    // in place with sizes downwards (without[s − 1] still holds the previous step).
    without.fill(0, 0, rows);
    for (let x = q - w * Math.floor((q - 1) / w); x <= q - w; x += w) {
      for (let s = maxSize; s >= 1; s--) without[s] = table[s * q + x - 1]! - without[s - 1]!;
      without[0] = table[x - 1]!;
    }
    const base = i * n;
    target[base] = table[q - 1]! - without[0]!;
    for (let s = 1; s <= maxSize; s++) target[base + s] = table[s * q + q - 1]! - without[s - 1]! - without[s]!;
  }
  return target;
}

/**
 * Shapley–Shubik values as doubles, from the pivot counts (relative error about 1e-15; beyond 52 players,
 * the exact values rounded). `out` (length ≥ n) receives the values; `raw` (length ≥ n²) is scratch for
 * the pivot counts, to avoid allocating.
 */
export function shapleyShubikFloats(weights: ArrayLike<number>, quota: number, out?: Float64Array, raw?: Float64Array): Float64Array {
  const n = weights.length;
  checkBuffer(out, n, 'shapleyShubikFloats: out');
  checkBuffer(raw, n * n, 'shapleyShubikFloats: raw');
  const target = out ?? new Float64Array(n);
  if (n > MAX_FLOAT_PLAYERS) {
    // Rounded counts times 1/C(n−1, s) would lose accuracy (and overflow past n ≈ 1000): go exact.
    checkWeightsAndQuota(weights, quota);
    const orders = pivotalOrderings(Array.from(weights), quota);
    for (let i = 0; i < n; i++) target[i] = rationalToNumber(fractionOfFactorial(orders[i]!, n));
    return target;
  }
  const pivots = shapleyShubikRaw(weights, quota, raw ?? scratch(PIVOTS_SLOT, n * n));
  // 1 / (n·C(n−1, s)) = s!(n−1−s)!/n!, with C(n−1, s) built up multiplicatively.
  for (let i = 0; i < n; i++) target[i] = 0;
  let binomial = 1;
  for (let s = 0; s < n; s++) {
    const share = 1 / (n * binomial);
    for (let i = 0; i < n; i++) target[i] = target[i]! + pivots[i * n + s]! * share;
    binomial = (binomial * (n - 1 - s)) / (s + 1);
  }
  return target;
}

/** D_i(s) in BigInt for any n: rows of length ≤ n (missing sizes are 0). */
export function pivotCountsBig(weights: ArrayLike<number>, quota: number): bigint[][] {
  const n = weights.length;
  const g = weightGcd(weights);
  const q = Math.ceil(quota / g);
  checkCells(q, 'the Shapley-Shubik count');
  const maxSize = maxSizeBelow(sortSmallWeights(weights, g, q, true), q);
  const rows = maxSize + 1;
  const table = sizeWeightCountsBig(Array.from(weights, (w) => w / g), q, rows, 'the Shapley-Shubik count');
  for (let s = 0; s < rows; s++) {
    const row = s * q;
    for (let x = 1; x < q; x++) table[row + x] = table[row + x]! + table[row + x - 1]!;
  }
  const byWeight = new Map<number, bigint[]>();
  const result: bigint[][] = [];
  for (let i = 0; i < n; i++) {
    const w = weights[i]! / g;
    if (w === 0) {
      result.push([]);
      continue;
    }
    const slot = Math.min(w, q);
    let counts = byWeight.get(slot);
    if (counts === undefined) {
      const without: bigint[] = new Array<bigint>(rows).fill(0n);
      for (let x = q - w * Math.floor((q - 1) / w); x <= q - w; x += w) {
        for (let s = maxSize; s >= 1; s--) without[s] = table[s * q + x - 1]! - without[s - 1]!;
        without[0] = table[x - 1]!;
      }
      counts = [table[q - 1]! - without[0]!];
      for (let s = 1; s <= maxSize; s++) counts.push(table[s * q + q - 1]! - without[s - 1]! - without[s]!);
      byWeight.set(slot, counts);
    }
    result.push(counts);
  }
  return result;
}

/**
 * Exact pivotal-order counts Σ_s D_i(s)·s!(n−1−s)! (out of n!) per player. Equal pivot rows (players of
 * equal weight) are summed once.
 */
export function pivotalOrderings(weights: readonly number[], quota: number): bigint[] {
  const n = weights.length;
  // Before the factorials: for thousands of players they alone take minutes. (Up to 52 players this is
  // at most 52 · 208 · 52 cell-bits and never throws.)
  checkBigWork(n * Math.min(quota, n * 4), n, 'the Shapley-Shubik count');
  const orderings = pivotOrderings(n);
  const result = new Array<bigint>(n);
  if (n > MAX_FLOAT_PLAYERS) {
    const rows = pivotCountsBig(weights, quota);
    const done = new Map<bigint[], bigint>();
    for (let i = 0; i < n; i++) {
      const row = rows[i]!;
      let total = done.get(row);
      if (total === undefined) {
        total = 0n;
        for (let s = 0; s < row.length; s++) if (row[s] !== 0n) total += row[s]! * orderings[s]!;
        done.set(row, total);
      }
      result[i] = total;
    }
    return result;
  }
  const pivots = shapleyShubikRaw(weights, quota, scratch(PIVOTS_SLOT, n * n));
  // Players of equal weight have identical rows; sum each distinct row once.
  const byWeight = new Map<number, bigint>();
  for (let i = 0; i < n; i++) {
    let total = byWeight.get(weights[i]!);
    if (total === undefined) {
      total = 0n;
      const base = i * n;
      for (let s = 0; s < n; s++) {
        const count = pivots[base + s]!;
        if (count !== 0) total += BigInt(count) * orderings[s]!;
      }
      byWeight.set(weights[i]!, total);
    }
    result[i] = total;
  }
  return result;
}

/** Exact Shapley–Shubik values; `raw` is the number of pivotal orders out of n!. */
export function shapleyShubik(game: WeightedGame): PowerIndexResult {
  assertWellFormed(game);
  const n = game.weights.length;
  const orders = pivotalOrderings(game.weights, game.quota);
  const byCount = new Map<bigint, Rational>();
  const values = orders.map((count) => {
    let value = byCount.get(count);
    if (value === undefined) {
      value = fractionOfFactorial(count, n);
      byCount.set(count, value);
    }
    return value;
  });
  return resultFromValues('shapley-shubik', game, values, orders);
}
