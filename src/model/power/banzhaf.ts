/**
 * Banzhaf power: a player's swings are the coalitions of the others that lose without it and win with
 * it, i.e. whose weight lies in [q − w_i, q − 1]. The normalised index divides by the total swings.
 *
 * Counting, with C(x) = number of coalitions of weight < x and C_{-i} the same without player i:
 *   C(x) = C_{-i}(x) + C_{-i}(x − w_i)                                (i is in the coalition or not)
 *   swings_i = C_{-i}(q) − C_{-i}(q − w_i) = C(q) − 2·C_{-i}(q − w_i)
 *   C_{-i}(q − w_i) = C(q − w_i) − C(q − 2w_i) + C(q − 3w_i) − …      (C(x) = 0 for x ≤ 0)
 * So one table of C over 0..q plus about q/w_i steps per distinct weight gives every player's swings:
 * O(n·q) in all, with every intermediate value an exact count below 2^n.
 */
import { rational, rationalFromSafe, type Rational } from '../rational.js';
import {
  CACHE_SLOT,
  checkBuffer,
  checkBigWork,
  checkCells,
  checkWeightsAndQuota,
  COUNTS_SLOT,
  MAX_BIGINT_CELLS,
  MAX_FLOAT_PLAYERS,
  scratch,
  sortedWeights,
  sortSmallWeights,
  weightGcd,
} from './kernel.js';
import { playerPower, resultFromValues } from './result.js';
import { assertWellFormed, type PlayerPower, POWER_INDEX_LABELS, type PowerIndexResult, type WeightedGame } from './weighted-game.js';

/**
 * Raw Banzhaf swings of every player, as float64 integers (exact while n ≤ 52; beyond, computed in
 * BigInt and rounded to the nearest double). Writes into `out` when given (length ≥ n) and allocates
 * nothing else in steady state. Throws GovsimDataError on a malformed game.
 */
export function banzhafSwings(weights: ArrayLike<number>, quota: number, out?: Float64Array): Float64Array {
  const n = weights.length;
  checkBuffer(out, n, 'banzhafSwings: out');
  const target = out ?? new Float64Array(n);
  checkWeightsAndQuota(weights, quota);
  if (n > MAX_FLOAT_PLAYERS) {
    const exact = banzhafSwingsBig(weights, quota);
    for (let i = 0; i < n; i++) target[i] = Number(exact[i]);
    return target;
  }
  return fillSwings(weights, quota, target);
}

/**
 * Fills the shared counts scratch so that counts[x], x < q, is the number of coalitions of weight ≤ x in
 * the reduced game [q; w/g], zero-weight players left out (each doubles every count); returns the
 * scratch. n ≤ 52.
 */
function cumulativeCounts(weights: ArrayLike<number>, g: number, q: number): Float64Array {
  checkCells(q, 'the Banzhaf count');
  const counts = scratch(COUNTS_SLOT, q);
  counts.fill(0, 0, q);
  counts[0] = 1;
  const added = sortSmallWeights(weights, g, q, false);
  const sorted = sortedWeights();
  let reach = 0;
  let k = 0;
  // Two players per pass: (1 + z^a)(1 + z^b) = 1 + z^a + z^b + z^(a+b), fewer loads and stores than two
  // passes. Downwards in x, every term read is still the old value.
  for (; k + 1 < added; k += 2) {
    const a = sorted[k]!;
    const b = sorted[k + 1]!;
    const both = a + b;
    const top = reach + both < q - 1 ? reach + both : q - 1;
    let x = top;
    for (; x >= both; x--) counts[x] = counts[x]! + counts[x - a]! + counts[x - b]! + counts[x - both]!;
    for (; x >= b; x--) counts[x] = counts[x]! + counts[x - a]! + counts[x - b]!;
    for (; x >= a; x--) counts[x] = counts[x]! + counts[x - a]!;
    reach = top;
  }
  if (k < added) {
    const w = sorted[k]!;
    const top = reach + w < q - 1 ? reach + w : q - 1;
    for (let x = top; x >= w; x--) counts[x] = counts[x]! + counts[x - w]!;
  }
  for (let x = 1; x < q; x++) counts[x] = counts[x]! + counts[x - 1]!;
  return counts;
}

function zeroWeights(weights: ArrayLike<number>): number {
  let zeros = 0;
  for (let i = 0; i < weights.length; i++) if (weights[i] === 0) zeros++;
  return zeros;
}

/** The float64 kernel behind banzhafSwings, for checked input with n ≤ 52. */
function fillSwings(weights: ArrayLike<number>, quota: number, target: Float64Array): Float64Array {
  const n = weights.length;
  const g = weightGcd(weights);
  const q = Math.ceil(quota / g);
  const counts = cumulativeCounts(weights, g, q);
  const zeros = zeroWeights(weights);
  const belowQuota = counts[q - 1]!;
  // Swings depend on the weight only; cache them per reduced weight (weights ≥ q share slot q).
  const cache = scratch(CACHE_SLOT, q + 1);
  cache.fill(-1, 0, q + 1);
  const scale = 2 ** zeros;
  for (let i = 0; i < n; i++) {
    const w = weights[i]! / g;
    if (w === 0) {
      target[i] = 0;
      continue;
    }
    const slot = w < q ? w : q;
    let swings = cache[slot]!;
    if (swings < 0) {
      // Alternating sum from the smallest positive x ≡ q (mod w) up to q − w: C_{-i}(q − w).
      let without = 0;
      for (let x = q - w * Math.floor((q - 1) / w); x <= q - w; x += w) without = counts[x - 1]! - without;
      swings = (belowQuota - 2 * without) * scale;
      cache[slot] = swings;
    }
    target[i] = swings;
  }
  return target;
}

/** cumulativeCounts in BigInt, for any n (a fresh array). */
function cumulativeCountsBig(weights: ArrayLike<number>, g: number, q: number): bigint[] {
  checkCells(q, 'the Banzhaf count', MAX_BIGINT_CELLS);
  // Once per distinct weight.
  checkBigWork(q * new Set(Array.from(weights)).size, weights.length, 'the Banzhaf count');
  const counts: bigint[] = new Array<bigint>(q).fill(0n);
  counts[0] = 1n;
  let reach = 0;
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i]! / g;
    if (w > 0 && w < q) {
      const top = Math.min(reach + w, q - 1);
      for (let x = top; x >= w; x--) counts[x] = counts[x]! + counts[x - w]!;
      reach = top;
    }
  }
  for (let x = 1; x < q; x++) counts[x] = counts[x]! + counts[x - 1]!;
  return counts;
}

/** Number of coalitions below the quota (the losing ones, the empty coalition included). */
export function losingCoalitions(weights: ArrayLike<number>, quota: number): bigint {
  const g = weightGcd(weights);
  const q = Math.ceil(quota / g);
  const zeros = zeroWeights(weights);
  if (weights.length <= MAX_FLOAT_PLAYERS) return BigInt(cumulativeCounts(weights, g, q)[q - 1]! * 2 ** zeros);
  return cumulativeCountsBig(weights, g, q)[q - 1]! << BigInt(zeros);
}

/** Exact swings in BigInt (any n). */
export function banzhafSwingsBig(weights: ArrayLike<number>, quota: number): bigint[] {
  const n = weights.length;
  const g = weightGcd(weights);
  const q = Math.ceil(quota / g);
  const counts = cumulativeCountsBig(weights, g, q);
  const zeros = zeroWeights(weights);
  const scale = 1n << BigInt(zeros);
  const below = counts[q - 1]!;
  const byWeight = new Map<number, bigint>();
  const swings: bigint[] = [];
  for (let i = 0; i < n; i++) {
    const w = weights[i]! / g;
    if (w === 0) {
      swings.push(0n);
      continue;
    }
    let value = byWeight.get(Math.min(w, q));
    if (value === undefined) {
      let without = 0n;
      for (let x = q - w * Math.floor((q - 1) / w); x <= q - w; x += w) without = counts[x - 1]! - without;
      value = (below - 2n * without) * scale;
      byWeight.set(Math.min(w, q), value);
    }
    swings.push(value);
  }
  return swings;
}

/** Exact swings of a well-formed game: float64 kernel while exact, BigInt beyond. */
export function exactSwings(weights: readonly number[], quota: number): bigint[] {
  if (weights.length > MAX_FLOAT_PLAYERS) return banzhafSwingsBig(weights, quota);
  return Array.from(banzhafSwings(weights, quota), (count) => BigInt(count));
}

/** Raw swings and the normalised Banzhaf index (swings / total swings). */
export function banzhaf(game: WeightedGame): PowerIndexResult & { readonly totalSwings: bigint } {
  assertWellFormed(game);
  const { weights, quota } = game;
  const n = weights.length;
  const floats = n <= MAX_FLOAT_PLAYERS ? fillSwings(weights, quota, new Float64Array(n)) : undefined;
  let floatTotal = 0;
  if (floats) for (let i = 0; i < n; i++) floatTotal += floats[i]!;
  if (floats && floatTotal <= Number.MAX_SAFE_INTEGER) {
    // Every swing count and their sum are exact doubles: reduce with a float gcd, and build each distinct
    // weight's fraction once (equal weights have equal swings; weights are small integers, cheap keys).
    const players: PlayerPower[] = [];
    const byWeight = new Map<number, PlayerPower>();
    for (let i = 0; i < n; i++) {
      const shared = byWeight.get(weights[i]!);
      if (shared === undefined) {
        const swings = floats[i]!;
        const player = playerPower(game, i, rationalFromSafe(swings, floatTotal), BigInt(swings), swings / floatTotal);
        byWeight.set(weights[i]!, player);
        players.push(player);
      } else {
        players.push(playerPower(game, i, shared.value, shared.raw, shared.float));
      }
    }
    return { index: 'banzhaf', label: POWER_INDEX_LABELS.banzhaf, players, totalSwings: BigInt(floatTotal) };
  }
  const swings = floats ? Array.from(floats, (count) => BigInt(count)) : banzhafSwingsBig(weights, quota);
  const totalSwings = swings.reduce((a, b) => a + b, 0n);
  const byCount = new Map<bigint, Rational>();
  const values = swings.map((count) => {
    let value = byCount.get(count);
    if (value === undefined) {
      value = rational(count, totalSwings);
      byCount.set(count, value);
    }
    return value;
  });
  return { ...resultFromValues('banzhaf', game, values, swings), totalSwings };
}
