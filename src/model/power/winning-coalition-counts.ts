/**
 * How many coalitions win, are minimal winning, or are vulnerable, counted by dynamic programming over
 * weights (no enumeration, no size limit beyond the table).
 *
 * A coalition S is minimal winning when it wins and loses without any member, i.e. when
 * w(S) − min_{j∈S} w_j < q. Taking players heaviest first, each minimal winning coalition is counted once
 * at its last (lightest) member j: the earlier members form a set of weight in [q − w_j, q − 1]. The same
 * scheme lightest first counts the vulnerable coalitions, those with at least one critical member
 * (w(S) − max_{j∈S} w_j < q), which is the domain of the Johnston index.
 */
import { losingCoalitions } from './banzhaf.js';
import { checkBigWork, checkCells, MAX_BIGINT_CELLS, MAX_FLOAT_PLAYERS, weightGcd } from './kernel.js';
import { assertWellFormed, type WeightedGame } from './weighted-game.js';

/**
 * Player indices ordered by weight, ties by index (the enumeration order shared with coalition-enumeration.ts):
 * Array.prototype.sort is stable, so equal weights keep the index order they start in.
 */
export function playersByWeight(weights: readonly number[], descending: boolean): number[] {
  const order = weights.map((_, i) => i);
  order.sort((a, b) => (descending ? weights[b]! - weights[a]! : weights[a]! - weights[b]!));
  return order;
}

/**
 * Σ over players j, in the given order, of the number of subsets of the earlier players with weight in
 * [q − w_j, q − 1] (reduced game). Counts stay below 2^n, so float64 is exact for n ≤ 52.
 */
function windowCount(weights: readonly number[], quota: number, order: readonly number[]): bigint {
  const g = weightGcd(weights);
  const q = Math.ceil(quota / g);
  checkCells(q, 'counting coalitions');
  if (weights.length <= MAX_FLOAT_PLAYERS) {
    const counts = new Float64Array(q);
    counts[0] = 1;
    let total = 0;
    for (const i of order) {
      const w = weights[i]! / g;
      for (let x = Math.max(0, q - w); x < q; x++) total += counts[x]!;
      // A weight-0 player doubles every count: counts[x − 0] is counts[x] itself.
      for (let x = q - 1; x >= w; x--) counts[x] = counts[x]! + counts[x - w]!;
    }
    return BigInt(total);
  }
  checkCells(q, 'counting coalitions', MAX_BIGINT_CELLS);
  checkBigWork(q, weights.length, 'counting coalitions');
  const counts: bigint[] = new Array<bigint>(q).fill(0n);
  counts[0] = 1n;
  let total = 0n;
  for (const i of order) {
    const w = weights[i]! / g;
    for (let x = Math.max(0, q - w); x < q; x++) total += counts[x]!;
    for (let x = q - 1; x >= w; x--) counts[x] = counts[x]! + counts[x - w]!;
  }
  return total;
}

/** Number of coalitions with weight below the quota (the losing ones), empty coalition included. */
export function countLosing(game: WeightedGame): bigint {
  assertWellFormed(game);
  return losingCoalitions(game.weights, game.quota);
}

/** Number of winning coalitions (of the 2^n). */
export function countWinning(game: WeightedGame): bigint {
  const losing = countLosing(game);
  return (1n << BigInt(game.weights.length)) - losing;
}

/** Number of minimal winning coalitions. */
export function countMinimalWinning(game: WeightedGame): bigint {
  assertWellFormed(game);
  return windowCount(game.weights, game.quota, playersByWeight(game.weights, true));
}

/** Number of winning coalitions with at least one critical member (Johnston's vulnerable coalitions). */
export function countVulnerable(game: WeightedGame): bigint {
  assertWellFormed(game);
  return windowCount(game.weights, game.quota, playersByWeight(game.weights, false));
}
