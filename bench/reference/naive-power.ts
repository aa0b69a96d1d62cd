/**
 * Reference implementations of the power indices, written for obviousness rather than speed: the
 * benchmarks compare the engine against them in the same run, and the tests use them as the independent
 * side of every "engine == brute force" check.
 *
 * - Enumeration over all 2^n coalitions (bit masks, n ≤ 24) for every index defined on coalitions.
 * - Owen by walking every voting order consistent with the unions (n ≤ 8).
 * - "Textbook" dynamic programmes that rebuild the count table without each player in turn (O(n²·q)),
 *   i.e. the usual algorithm without the deconvolution the engine uses.
 */
import { type Rational, rational } from '../../src/model/rational.js';

function checkSize(n: number, max: number): void {
  if (n > max) throw new RangeError(`brute force is limited to ${max} players, got ${n}`);
}

function maskWeight(weights: readonly number[], mask: number): number {
  let total = 0;
  for (let i = 0; i < weights.length; i++) if (mask & (1 << i)) total += weights[i]!;
  return total;
}

function popcount(mask: number): number {
  let count = 0;
  for (let m = mask; m !== 0; m &= m - 1) count++;
  return count;
}

function factorial(n: number): bigint {
  let result = 1n;
  for (let k = 2; k <= n; k++) result *= BigInt(k);
  return result;
}

/** Swings by enumerating every coalition: i swings in S ∌ i when S loses and S ∪ {i} wins. */
export function naiveBanzhafSwings(weights: readonly number[], quota: number): number[] {
  const n = weights.length;
  checkSize(n, 24);
  const swings = new Array<number>(n).fill(0);
  for (let mask = 0; mask < 1 << n; mask++) {
    const weight = maskWeight(weights, mask);
    if (weight >= quota) continue;
    for (let i = 0; i < n; i++) if (!(mask & (1 << i)) && weight + weights[i]! >= quota) swings[i]!++;
  }
  return swings;
}

/** Shapley–Shubik by enumerating coalitions S ∌ i where i is pivotal, each weighted s!(n−1−s)!/n!. */
export function naiveShapleyShubik(weights: readonly number[], quota: number): Rational[] {
  const n = weights.length;
  checkSize(n, 24);
  const numerators = new Array<bigint>(n).fill(0n);
  const orderings = Array.from({ length: n }, (_, s) => factorial(s) * factorial(n - 1 - s));
  for (let mask = 0; mask < 1 << n; mask++) {
    const weight = maskWeight(weights, mask);
    if (weight >= quota) continue;
    const size = popcount(mask);
    for (let i = 0; i < n; i++) if (!(mask & (1 << i)) && weight + weights[i]! >= quota) numerators[i]! += orderings[size]!;
  }
  return numerators.map((num) => rational(num, factorial(n)));
}

export interface NaiveCoalitions {
  readonly winning: number;
  /** Minimal winning coalitions as bit masks. */
  readonly minimal: number[];
  /** Vulnerable coalitions (winning, ≥ 1 critical member) with their critical members as bit masks. */
  readonly vulnerable: { mask: number; critical: number }[];
}

/** Classifies every coalition straight from the definitions. */
export function naiveCoalitions(weights: readonly number[], quota: number): NaiveCoalitions {
  const n = weights.length;
  checkSize(n, 20);
  let winning = 0;
  const minimal: number[] = [];
  const vulnerable: { mask: number; critical: number }[] = [];
  for (let mask = 0; mask < 1 << n; mask++) {
    const weight = maskWeight(weights, mask);
    if (weight < quota) continue;
    winning++;
    let critical = 0;
    let members = 0;
    for (let i = 0; i < n; i++) {
      if (!(mask & (1 << i))) continue;
      members |= 1 << i;
      if (weight - weights[i]! < quota) critical |= 1 << i;
    }
    if (critical !== 0) vulnerable.push({ mask, critical });
    if (critical === members) minimal.push(mask);
  }
  return { winning, minimal, vulnerable };
}

export function naiveDeeganPackel(weights: readonly number[], quota: number): Rational[] {
  const { minimal } = naiveCoalitions(weights, quota);
  return weights.map((_, i) => {
    let share = rational(0);
    for (const mask of minimal) {
      if (mask & (1 << i)) {
        const size = BigInt(popcount(mask));
        share = rational(share.num * size + share.den, share.den * size);
      }
    }
    return rational(share.num, share.den * BigInt(minimal.length));
  });
}

export function naivePublicGood(weights: readonly number[], quota: number): Rational[] {
  const { minimal } = naiveCoalitions(weights, quota);
  const counts = weights.map((_, i) => minimal.filter((mask) => mask & (1 << i)).length);
  const total = counts.reduce((a, b) => a + b, 0);
  return counts.map((count) => rational(count, total));
}

export function naiveJohnston(weights: readonly number[], quota: number): Rational[] {
  const { vulnerable } = naiveCoalitions(weights, quota);
  const scores = weights.map((_, i) => {
    let score = rational(0);
    for (const { critical } of vulnerable) {
      if (critical & (1 << i)) {
        const k = BigInt(popcount(critical));
        score = rational(score.num * k + score.den, score.den * k);
      }
    }
    return score;
  });
  // Each vulnerable coalition hands out exactly 1 in total.
  return scores.map((score) => rational(score.num, score.den * BigInt(vulnerable.length)));
}

export function naiveColeman(weights: readonly number[], quota: number): { initiate: Rational[]; prevent: Rational[]; collectivity: Rational } {
  const swings = naiveBanzhafSwings(weights, quota);
  const { winning } = naiveCoalitions(weights, quota);
  const all = 2 ** weights.length;
  return {
    initiate: swings.map((s) => rational(s, all - winning)),
    prevent: swings.map((s) => rational(s, winning)),
    collectivity: rational(winning, all),
  };
}

/** Owen value from its definition: the share of union-consistent voting orders in which i is pivotal. */
export function naiveOwen(weights: readonly number[], quota: number, partition: readonly (readonly number[])[]): Rational[] {
  checkSize(weights.length, 8);
  const pivotal = new Array<number>(weights.length).fill(0);
  let orders = 0;
  const permutations = <T>(items: readonly T[]): T[][] =>
    items.length <= 1 ? [[...items]] : items.flatMap((item, k) => permutations([...items.slice(0, k), ...items.slice(k + 1)]).map((rest) => [item, ...rest]));
  const within = partition.map((union) => permutations(union));
  const walk = (unionOrder: readonly number[], depth: number, prefix: number[]): void => {
    if (depth === unionOrder.length) {
      orders++;
      let weight = 0;
      for (const player of prefix) {
        if (weight < quota && weight + weights[player]! >= quota) pivotal[player]!++;
        weight += weights[player]!;
      }
      return;
    }
    for (const order of within[unionOrder[depth]!]!) walk(unionOrder, depth + 1, [...prefix, ...order]);
  };
  for (const unionOrder of permutations(partition.map((_, k) => k))) walk(unionOrder, 0, []);
  return pivotal.map((count) => rational(count, orders));
}

/** Textbook O(n²·q) Banzhaf: for each player, count the others' coalitions by weight from scratch. */
export function perPlayerBanzhafSwings(weights: readonly number[], quota: number): bigint[] {
  return weights.map((wi, i) => {
    const counts = new Array<bigint>(quota).fill(0n);
    counts[0] = 1n;
    weights.forEach((w, j) => {
      if (j === i) return;
      for (let x = quota - 1; x >= w; x--) counts[x]! += counts[x - w]!;
    });
    let swings = 0n;
    for (let x = Math.max(0, quota - wi); x < quota; x++) swings += counts[x]!;
    return swings;
  });
}

/**
 * Textbook O(n²·n·q) Shapley–Shubik: for each player, the others' coalitions by (size, weight) from
 * scratch. Float counts, so exact for n ≤ 52.
 */
export function perPlayerShapleyShubik(weights: readonly number[], quota: number): Rational[] {
  const n = weights.length;
  const orderings = Array.from({ length: n }, (_, s) => factorial(s) * factorial(n - 1 - s));
  return weights.map((wi, i) => {
    const table = new Float64Array(n * quota);
    table[0] = 1;
    let added = 0;
    weights.forEach((w, j) => {
      if (j === i) return;
      added++;
      for (let s = added; s >= 1; s--) for (let x = quota - 1; x >= w; x--) table[s * quota + x]! += table[(s - 1) * quota + x - w]!;
    });
    let numerator = 0n;
    for (let s = 0; s < n; s++) {
      let pivots = 0;
      for (let x = Math.max(0, quota - wi); x < quota; x++) pivots += table[s * quota + x]!;
      if (pivots !== 0) numerator += BigInt(pivots) * orderings[s]!;
    }
    return rational(numerator, factorial(n));
  });
}
