/**
 * Holler's Public Good Index (Holler 1982): the prize is a public good, so only minimal winning
 * coalitions matter, and a player's power is its share of memberships in them:
 *   PGI_i = c_i / Σ_j c_j,  c_i = number of minimal winning coalitions containing i (the raw value).
 * Computed by listing the minimal winning coalitions (see coalition-enumeration.ts for the limit).
 */
import { rational } from '../rational.js';
import { forEachMinimalWinning } from './coalition-enumeration.js';
import { resultFromValues } from './result.js';
import type { PowerIndexResult, WeightedGame } from './weighted-game.js';

export function publicGood(game: WeightedGame): PowerIndexResult {
  const memberships = new Float64Array(game.weights.length);
  let total = 0;
  forEachMinimalWinning(
    game,
    (members, size) => {
      total += size;
      for (let k = 0; k < size; k++) {
        const player = members[k]!;
        memberships[player] = memberships[player]! + 1;
      }
    },
    { purpose: 'the Public Good index' },
  );
  const raws = Array.from(memberships, (count) => BigInt(count));
  const values = raws.map((count) => rational(count, BigInt(total)));
  return resultFromValues('public-good', game, values, raws);
}
