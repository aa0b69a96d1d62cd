/**
 * Johnston index (Johnston 1978): in every vulnerable coalition (winning, with at least one member whose
 * defection makes it lose) the k critical members each get 1/k; the scores are normalised to sum to 1:
 *   J_i = Σ_{S vulnerable, i critical in S} 1/k(S),   Johnston_i = J_i / Σ_j J_j.
 * Σ_j J_j is the number of vulnerable coalitions. Computed by listing them (see
 * coalition-enumeration.ts for the limit).
 */
import { rational } from '../rational.js';
import { forEachVulnerable } from './coalition-enumeration.js';
import { harmonicNumerator, lcmUpTo } from './kernel.js';
import { resultFromValues } from './result.js';
import type { PowerIndexResult, WeightedGame } from './weighted-game.js';

export function johnston(game: WeightedGame): PowerIndexResult {
  const n = game.weights.length;
  const q = game.quota;
  // byCritical[i * (n + 1) + k]: vulnerable coalitions with k critical members, i among them.
  const byCritical = new Float64Array(n * (n + 1));
  let vulnerable = 0;
  forEachVulnerable(
    game,
    (members, size, totalWeight) => {
      vulnerable++;
      // Members come heaviest first, and the critical ones are those heavier than the surplus.
      let critical = 0;
      while (critical < size && game.weights[members[critical]!]! > totalWeight - q) critical++;
      for (let k = 0; k < critical; k++) {
        const cell = members[k]! * (n + 1) + critical;
        byCritical[cell] = byCritical[cell]! + 1;
      }
    },
    { purpose: 'the Johnston index' },
  );
  const denominator = BigInt(vulnerable) * lcmUpTo(n);
  const values = game.weights.map((_, i) => rational(harmonicNumerator(byCritical, i * (n + 1), n), denominator));
  return resultFromValues('johnston', game, values);
}
