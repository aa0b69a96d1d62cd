/**
 * Owen value for a priori unions (Owen 1977): players are partitioned into unions (blocs) that enter a
 * voting order together; the unions are ordered uniformly at random, and so are the members within
 * each union. Player i in union B_k (b members), with m unions in all, is pivotal after a set T of t
 * other unions and a set S of s fellow members with w(T) + w(S) ∈ [q − w_i, q − 1], so
 *   Owen_i = Σ_{t,s} [t!(m−1−t)!/m!] · [s!(b−1−s)!/b!] · N_i(t, s),
 *   N_i(t, s) = Σ_y E_{-i}(s, y) · #{T ∌ B_k : |T| = t, q − w_i − y ≤ w(T) < q − y},
 * with E_{-i}(s, y) the subsets of B_k∖{i} by size and weight. Both tables are built by dynamic
 * programming over weights below the quota; the union-level one loses B_k by deconvolution. With
 * singleton unions this is the Shapley–Shubik value, and with one grand union as well.
 *
 * Counts here are BigInt throughout: Owen is for blocs in a council, not for the engine's hot loop.
 */
import { GovsimDataError, type DataIssue } from '../errors.js';
import { rational, type Rational, ZERO } from '../rational.js';
import { factorial, pivotOrderings, sizeWeightCountsBig, weightGcd } from './kernel.js';
import { resultFromValues } from './result.js';
import { assertWellFormed, type PowerIndexResult, type WeightedGame } from './weighted-game.js';

/**
 * The unions as a partition of all players: the given unions (validated: indices in range, no player
 * twice, none empty) followed by a singleton for every player not listed.
 */
export function unionPartition(playerCount: number, unions: readonly (readonly number[])[]): number[][] {
  const issues: DataIssue[] = [];
  const seen = new Map<number, string>();
  const partition: number[][] = [];
  unions.forEach((union, k) => {
    if (union.length === 0) issues.push({ path: `unions[${k}]`, message: 'a union needs at least one player' });
    union.forEach((player, j) => {
      const path = `unions[${k}][${j}]`;
      if (!Number.isInteger(player) || player < 0 || player >= playerCount) {
        issues.push({ path, message: `player index must be an integer in 0..${playerCount - 1}, got ${String(player)}` });
      } else if (seen.has(player)) {
        issues.push({ path, message: `player ${player} is already in ${seen.get(player)!}` });
      } else {
        seen.set(player, `unions[${k}]`);
      }
    });
    partition.push([...union]);
  });
  if (issues.length > 0) throw new GovsimDataError(undefined, issues);
  for (let i = 0; i < playerCount; i++) if (!seen.has(i)) partition.push([i]);
  return partition;
}

/** table[s * q + x]: subsets of the given (reduced) weights by size s and weight x < q. */
function sizeWeightTable(weights: readonly number[], q: number): { table: bigint[]; rows: number } {
  const rows = weights.length + 1;
  return { table: sizeWeightCountsBig(weights, q, rows, 'the Owen value'), rows };
}

/**
 * The table without one member of weight w: c_{-i}(s, x) = c(s, x) − c_{-i}(s − 1, x − w). A member with
 * w ≥ q was never in the table (sizeWeightCountsBig skips it), and then no cell changes: a plain copy.
 */
function withoutMember(table: readonly bigint[], rows: number, q: number, w: number): bigint[] {
  const result = table.slice();
  for (let s = 1; s < rows; s++) {
    const row = s * q;
    for (let x = w; x < q; x++) result[row + x] = result[row + x]! - result[row - q + x - w]!;
  }
  return result;
}

export function owen(game: WeightedGame, unions: readonly (readonly number[])[]): PowerIndexResult {
  assertWellFormed(game);
  const n = game.weights.length;
  const partition = unionPartition(n, unions);
  const g = weightGcd(game.weights);
  const q = Math.ceil(game.quota / g);
  const reduced = game.weights.map((w) => w / g);
  const unionWeights = partition.map((members) => members.reduce((total, i) => total + reduced[i]!, 0));
  const m = partition.length;
  const unionLevel = sizeWeightTable(unionWeights, q);
  const unionOrderings = pivotOrderings(m);
  const values = new Array<Rational>(n).fill(ZERO);

  partition.forEach((members, k) => {
    // Other unions by count and weight, as prefix sums over weight: others[t * (q + 1) + x] = #{T : |T| = t, w(T) < x}.
    const ownWeight = unionWeights[k]!;
    const without = withoutMember(unionLevel.table, unionLevel.rows, q, ownWeight);
    const others: bigint[] = new Array<bigint>(m * (q + 1)).fill(0n);
    for (let t = 0; t < m; t++) {
      for (let x = 0; x < q; x++) others[t * (q + 1) + x + 1] = others[t * (q + 1) + x]! + without[t * q + x]!;
    }
    const b = members.length;
    const memberWeights = members.map((i) => reduced[i]!);
    const inside = sizeWeightTable(memberWeights, q);
    const memberOrderings = pivotOrderings(b);
    const denominator = factorial(m) * factorial(b);
    const byWeight = new Map<number, Rational>();
    members.forEach((player, j) => {
      const w = memberWeights[j]!;
      if (w === 0) return;
      const known = byWeight.get(Math.min(w, q));
      if (known !== undefined) {
        values[player] = known;
        return;
      }
      const fellows = withoutMember(inside.table, inside.rows, q, w);
      let numerator = 0n;
      for (let t = 0; t < m; t++) {
        const base = t * (q + 1);
        let inner = 0n;
        for (let s = 0; s < b; s++) {
          let pivots = 0n;
          for (let y = 0; y < q; y++) {
            const subsets = fellows[s * q + y]!;
            if (subsets === 0n) continue;
            const low = Math.max(0, q - w - y);
            pivots += subsets * (others[base + q - y]! - others[base + low]!);
          }
          inner += pivots * memberOrderings[s]!;
        }
        numerator += inner * unionOrderings[t]!;
      }
      const value = rational(numerator, denominator);
      byWeight.set(Math.min(w, q), value);
      values[player] = value;
    });
  });
  return resultFromValues('owen', game, values);
}
