/**
 * Listing minimal winning and vulnerable coalitions, for the indices defined over them (Deegan–Packel,
 * Public Good, Johnston). Depth-first over players heaviest first, with branch and bound: a branch stops
 * as soon as the remaining players cannot reach the quota, so every node visited leads to at least one
 * listed coalition and the work is O(n · coalitions listed).
 *
 * The number of such coalitions grows exponentially (the 2020 Electoral College has trillions), so the
 * exact count is taken first by dynamic programming and listing refuses games beyond
 * MAX_ENUMERATED_COALITIONS.
 */
import { GovsimDataError } from '../errors.js';
import { countMinimalWinning, countVulnerable, playersByWeight } from './winning-coalition-counts.js';
import { assertWellFormed, type WeightedGame } from './weighted-game.js';

/** The most coalitions any listing visits (about 0.1–1 s of work). */
export const MAX_ENUMERATED_COALITIONS = 2_000_000;

/** Members as player indices, heaviest first, in `members[0..size)`. The buffer is reused: copy to keep. */
export type CoalitionVisitor = (members: Int32Array, size: number, totalWeight: number) => void;

function checkLimit(count: bigint, limit: number, what: string, purpose: string): void {
  if (count > BigInt(limit)) {
    throw new GovsimDataError(undefined, [
      {
        path: 'weights',
        message: `the game has ${count.toLocaleString('en-US')} ${what}; ${purpose} lists them, which is limited to ${limit.toLocaleString('en-US')}`,
      },
    ]);
  }
}

interface SortedPlayers {
  readonly order: Int32Array;
  readonly weights: Float64Array;
  /** suffix[p] = total weight of positions p..n−1. */
  readonly suffix: Float64Array;
}

function sortHeaviestFirst(game: WeightedGame): SortedPlayers {
  const n = game.weights.length;
  const order = Int32Array.from(playersByWeight(game.weights, true));
  const weights = Float64Array.from(order, (i) => game.weights[i]!);
  const suffix = new Float64Array(n + 1);
  for (let p = n - 1; p >= 0; p--) suffix[p] = suffix[p + 1]! + weights[p]!;
  return { order, weights, suffix };
}

/** Calls `visit` once per minimal winning coalition. Throws GovsimDataError past `limit` coalitions. */
export function forEachMinimalWinning(game: WeightedGame, visit: CoalitionVisitor, options: { limit?: number; purpose?: string } = {}): void {
  assertWellFormed(game);
  const limit = options.limit ?? MAX_ENUMERATED_COALITIONS;
  checkLimit(countMinimalWinning(game), limit, 'minimal winning coalitions', options.purpose ?? 'listing minimal winning coalitions');
  const { order, weights, suffix } = sortHeaviestFirst(game);
  const n = order.length;
  const q = game.quota;
  const members = new Int32Array(n);
  // Invariant: members[0..depth) weigh `weight` < q. Adding the player at p, the lightest so far, either
  // reaches q (then the coalition is minimal: without its lightest member it is below q) or recurses.
  const extend = (start: number, depth: number, weight: number): void => {
    for (let p = start; p < n; p++) {
      const w = weights[p]!;
      // Zero weights come last, where suffix is 0, so this also stops before them.
      if (weight + suffix[p]! < q) return;
      members[depth] = order[p]!;
      if (weight + w >= q) visit(members, depth + 1, weight + w);
      else extend(p + 1, depth + 1, weight + w);
    }
  };
  extend(0, 0, 0);
}

/**
 * Calls `visit` once per vulnerable coalition (winning, with at least one critical member). The
 * critical members are exactly those heavier than totalWeight − q, a prefix of `members`.
 */
export function forEachVulnerable(game: WeightedGame, visit: CoalitionVisitor, options: { limit?: number; purpose?: string } = {}): void {
  assertWellFormed(game);
  const limit = options.limit ?? MAX_ENUMERATED_COALITIONS;
  checkLimit(countVulnerable(game), limit, 'vulnerable coalitions', options.purpose ?? 'listing vulnerable coalitions');
  const { order, weights, suffix } = sortHeaviestFirst(game);
  const n = order.length;
  const q = game.quota;
  const members = new Int32Array(n);
  // The heaviest member h is critical exactly when the rest weighs less than q; then the coalition is
  // vulnerable once it reaches q. Every later player is no heavier than h, so while the rest is short of
  // q − w_h any of them may still be added.
  let head = 0;
  const extend = (start: number, depth: number, rest: number): void => {
    const headWeight = weights[head]!;
    for (let p = start; p < n; p++) {
      const w = weights[p]!;
      if (headWeight + rest + suffix[p]! < q) return;
      if (rest + w >= q) continue;
      members[depth] = order[p]!;
      if (headWeight + rest + w >= q) visit(members, depth + 1, headWeight + rest + w);
      extend(p + 1, depth + 1, rest + w);
    }
  };
  for (head = 0; head < n; head++) {
    // A head whose suffix is short of q (a zero weight included) lists nothing: extend returns at once.
    const w = weights[head]!;
    members[0] = order[head]!;
    if (w >= q) visit(members, 1, w);
    extend(head + 1, 1, 0);
  }
}

/**
 * The minimal winning coalitions as sorted lists of player indices, in lexicographic order. Throws
 * GovsimDataError (path `weights`) when there are more than `limit` (default MAX_ENUMERATED_COALITIONS).
 */
export function minimalWinningCoalitions(game: WeightedGame, options: { limit?: number } = {}): number[][] {
  const coalitions: number[][] = [];
  forEachMinimalWinning(
    game,
    (members, size) => {
      coalitions.push(Array.from(members.subarray(0, size)).sort((a, b) => a - b));
    },
    { ...options, purpose: 'minimalWinningCoalitions' },
  );
  coalitions.sort((a, b) => {
    for (let k = 0; k < Math.min(a.length, b.length); k++) if (a[k] !== b[k]) return a[k]! - b[k]!;
    return a.length - b.length;
  });
  return coalitions;
}
