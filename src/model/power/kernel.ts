/**
 * Shared ground for the dynamic programmes over coalition weights: input checks that allocate nothing,
 * the gcd reduction of a game, size limits, reusable scratch buffers and factorial tables.
 *
 * Counting subsets by weight: c(x) = number of coalitions of weight x. Adding a player of weight w maps
 * c to c(x) + c(x − w) (multiply the generating function by 1 + z^w). Removing one again is the inverse,
 * c_{-i}(x) = c(x) − c_{-i}(x − w), and only weights below the quota ever matter for swings.
 */
import { GovsimDataError } from '../errors.js';
import { gcdSafe, type Rational, rational, ZERO } from '../rational.js';

/**
 * Subset counts of n players are at most 2^n, so for n ≤ 52 every count, prefix sum and difference
 * the programmes form is an integer below 2^53 and float64 arithmetic on them is exact.
 */
export const MAX_FLOAT_PLAYERS = 52;

/** Cells of a weight or (size, weight) table: 2^24 float64 cells is 128 MiB. */
export const MAX_DP_CELLS = 1 << 24;

/** The same for BigInt tables (Owen, and any game with more than 52 players): BigInts are heap objects. */
export const MAX_BIGINT_CELLS = 1 << 21;

/**
 * Cells times players, for BigInt tables: their numbers grow to about one bit per player, so the work
 * is the cells times the players (1,000 players took 32 s for Shapley–Shubik, 30,000 ran for minutes).
 */
export const MAX_BIGINT_WORK = 2 ** 27;

/** Throws GovsimDataError (path `weights`) when a BigInt table of `cells` over `players` players is too much work. */
export function checkBigWork(cells: number, players: number, what: string): void {
  if (cells * players > MAX_BIGINT_WORK) {
    throw new GovsimDataError(undefined, [
      {
        path: 'weights',
        message: `${what} with ${players.toLocaleString('en-US')} players needs ${cells.toLocaleString('en-US')} table cells of numbers up to ${players.toLocaleString('en-US')} bits, over the limit of ${MAX_BIGINT_WORK.toLocaleString('en-US')} cell-bits; use fewer players or scale the weights and quota down`,
      },
    ]);
  }
}

/** Cheap structural checks for the typed-array fast paths; returns the total weight. */
export function checkWeightsAndQuota(weights: ArrayLike<number>, quota: number): number {
  let total = 0;
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i]!;
    if (!Number.isSafeInteger(w) || w < 0) {
      throw new GovsimDataError(undefined, [{ path: `weights[${i}]`, message: `weight must be a non-negative integer, got ${String(w)}` }]);
    }
    total += w;
  }
  if (!Number.isSafeInteger(quota) || quota < 1 || quota > total) {
    throw new GovsimDataError(undefined, [{ path: 'quota', message: `quota must be an integer in 1..${total} (the total weight), got ${String(quota)}` }]);
  }
  return total;
}

/**
 * The gcd g of the positive weights. Every coalition weight is a multiple of g, so [q; w] has the same
 * winning coalitions as [⌈q/g⌉; w/g], which needs tables g times smaller (weights such as populations
 * rounded to thousands).
 */
export function weightGcd(weights: ArrayLike<number>): number {
  let g = 0;
  for (let i = 0; i < weights.length; i++) {
    let a = weights[i]!;
    let b = g;
    while (b !== 0) {
      const r = a % b;
      a = b;
      b = r;
    }
    g = a;
  }
  return g === 0 ? 1 : g;
}

/** A caller-provided output buffer must hold `length` values (typed arrays drop writes past the end). */
export function checkBuffer(buffer: Float64Array | undefined, length: number, what: string): void {
  if (buffer !== undefined && buffer.length < length) throw new RangeError(`${what} needs length ≥ ${length}, got ${buffer.length}`);
}

export function checkCells(cells: number, what: string, limit: number = MAX_DP_CELLS): void {
  if (cells > limit) {
    throw new GovsimDataError(undefined, [
      {
        path: 'quota',
        message: `${what} needs ${cells.toLocaleString('en-US')} table cells, over the limit of ${limit.toLocaleString('en-US')}; scale the weights and quota down`,
      },
    ]);
  }
}

// Scratch buffers reused across calls: the council engine calls the fast paths thousands of times a
// second. JavaScript runs each call to completion, and no kernel calls back into user code, so one set
// of buffers per module is safe.
export const COUNTS_SLOT = 0;
export const CACHE_SLOT = 1;
export const VECTOR_SLOT = 2;
export const PIVOTS_SLOT = 3;
const buffers: Float64Array[] = [];
let sortedBuffer = new Int32Array(64);
let prefixBuffer = new Float64Array(65);

export function scratch(slot: number, length: number): Float64Array {
  let buffer = buffers[slot];
  if (buffer === undefined || buffer.length < length) {
    buffer = new Float64Array(Math.max(length, 2 * (buffer?.length ?? 0), 64));
    buffers[slot] = buffer;
  }
  return buffer;
}

/**
 * The reduced weights w/g that are below q (with or without the zeros), ascending, in a shared Int32
 * scratch, and their running sums: `sortedPrefix()[k]` is the sum of the k smallest. Adding players
 * smallest first keeps the reachable weights, and so the work, small for longer. Returns the count.
 */
export function sortSmallWeights(weights: ArrayLike<number>, divisor: number, cap: number, withZeros: boolean): number {
  const n = weights.length;
  if (sortedBuffer.length < n) {
    sortedBuffer = new Int32Array(2 * n);
    prefixBuffer = new Float64Array(2 * n + 1);
  }
  const sorted = sortedBuffer;
  let count = 0;
  for (let i = 0; i < n; i++) {
    const w = weights[i]! / divisor;
    if (w >= cap || (w === 0 && !withZeros)) continue;
    // Insertion sort: n is small (tens) and this allocates nothing.
    let j = count - 1;
    while (j >= 0 && sorted[j]! > w) {
      sorted[j + 1] = sorted[j]!;
      j--;
    }
    sorted[j + 1] = w;
    count++;
  }
  const prefix = prefixBuffer;
  prefix[0] = 0;
  for (let k = 0; k < count; k++) prefix[k + 1] = prefix[k]! + sorted[k]!;
  return count;
}

export function sortedWeights(): Int32Array {
  return sortedBuffer;
}

export function sortedPrefix(): Float64Array {
  return prefixBuffer;
}

/** The largest number of the sorted weights whose sum stays below `cap` (smallest first is optimal). */
export function maxSizeBelow(count: number, cap: number): number {
  const prefix = prefixBuffer;
  let size = 0;
  while (size < count && prefix[size + 1]! < cap) size++;
  return size;
}

/**
 * Subsets of the given (reduced) weights counted by size s < rows and weight x < q, as table[s·q + x],
 * in BigInt for any number of players. Weights ≥ q never belong to a subset below q and are skipped.
 */
export function sizeWeightCountsBig(weights: ArrayLike<number>, q: number, rows: number, what: string): bigint[] {
  checkCells(rows * q, what, MAX_BIGINT_CELLS);
  checkBigWork(rows * q, weights.length, what);
  const table: bigint[] = new Array<bigint>(rows * q).fill(0n);
  table[0] = 1n;
  let added = 0;
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i]!;
    if (w >= q) continue;
    added++;
    // Sizes downwards so that row s − 1 still holds the counts without this player.
    for (let s = Math.min(added, rows - 1); s >= 1; s--) {
      const row = s * q;
      for (let x = q - 1; x >= w; x--) {
        const from = table[row - q + x - w]!;
        if (from !== 0n) table[row + x] = table[row + x]! + from;
      }
    }
  }
  return table;
}

const factorials: bigint[] = [1n];

export function factorial(n: number): bigint {
  for (let k = factorials.length; k <= n; k++) factorials.push(factorials[k - 1]! * BigInt(k));
  return factorials[n]!;
}

const orderingWeights = new Map<number, readonly bigint[]>();

/** s!·(n−1−s)! for s = 0..n−1: the number of orderings of n players in which a given player follows exactly a given s-set. */
export function pivotOrderings(n: number): readonly bigint[] {
  let table = orderingWeights.get(n);
  if (table === undefined) {
    const built: bigint[] = [];
    for (let s = 0; s < n; s++) built.push(factorial(s) * factorial(n - 1 - s));
    table = built;
    orderingWeights.set(n, table);
  }
  return table;
}

interface FactorialPrimePowers {
  readonly big: readonly bigint[];
  readonly float: readonly number[];
}
const primePowers = new Map<number, FactorialPrimePowers | null>();

/** p^{v_p(n!)} for each prime p ≤ n, or null when one of them exceeds 2^53 (n > 54). */
function factorialPrimePowers(n: number): FactorialPrimePowers | null {
  let cached = primePowers.get(n);
  if (cached === undefined) {
    const big: bigint[] = [];
    const float: number[] = [];
    cached = { big, float };
    for (let p = 2; p <= n; p++) {
      let prime = true;
      for (let d = 2; d * d <= p; d++) if (p % d === 0) prime = false;
      if (!prime) continue;
      let power = 1;
      for (let m = p; m <= n; m *= p) for (let k = Math.floor(n / m); k > 0; k--) power *= p;
      if (!Number.isSafeInteger(power)) {
        cached = null;
        break;
      }
      big.push(BigInt(power));
      float.push(power);
    }
    primePowers.set(n, cached);
  }
  return cached;
}

/**
 * num/n! reduced. n! is the product of the coprime prime powers p^{v_p(n!)}, so gcd(num, n!) is the
 * product of gcd(num mod p^v, p^v), each taken in float arithmetic: a handful of BigInt remainders instead
 * of a Euclid run over 200-bit numbers.
 */
export function fractionOfFactorial(num: bigint, n: number): Rational {
  if (num === 0n) return ZERO;
  const powers = factorialPrimePowers(n);
  if (powers === null) return rational(num, factorial(n));
  let g = 1n;
  for (let k = 0; k < powers.big.length; k++) g *= BigInt(gcdSafe(Number(num % powers.big[k]!), powers.float[k]!));
  return { num: num / g, den: factorial(n) / g };
}

const lcms: bigint[] = [1n];

/** lcm(1, 2, …, n): a common denominator for sums of 1/k with k ≤ n. */
export function lcmUpTo(n: number): bigint {
  for (let k = lcms.length; k <= n; k++) {
    const previous = lcms[k - 1]!;
    const big = BigInt(k);
    let a = previous;
    let b = big;
    while (b !== 0n) [a, b] = [b, a % b];
    lcms.push((previous / a) * big);
  }
  return lcms[n]!;
}

/** Σ_k counts[base + k] / k for k = 1..n, as an integer multiple of 1/lcm(1..n). */
export function harmonicNumerator(counts: Float64Array, base: number, n: number): bigint {
  const common = lcmUpTo(n);
  let total = 0n;
  for (let k = 1; k <= n; k++) {
    const count = counts[base + k]!;
    if (count !== 0) total += BigInt(count) * (common / BigInt(k));
  }
  return total;
}
