/**
 * Deegan–Packel index (Deegan and Packel 1978): only minimal winning coalitions form, each equally
 * likely, and each divides the prize equally among its members:
 *   DP_i = (1 / |M|) · Σ_{S ∈ M, i ∈ S} 1 / |S|.
 * Computed by listing M (see coalition-enumeration.ts for the limit).
 */
import { rational } from '../rational.js';
import { forEachMinimalWinning } from './coalition-enumeration.js';
import { harmonicNumerator, lcmUpTo } from './kernel.js';
import { resultFromValues } from './result.js';
import type { PowerIndexResult, WeightedGame } from './weighted-game.js';

export function deeganPackel(game: WeightedGame): PowerIndexResult {
  const n = game.weights.length;
  // bySize[i * (n + 1) + s]: minimal winning coalitions of size s containing player i.
  const bySize = new Float64Array(n * (n + 1));
  let coalitions = 0;
  forEachMinimalWinning(
    game,
    (members, size) => {
      coalitions++;
      for (let k = 0; k < size; k++) {
        const cell = members[k]! * (n + 1) + size;
        bySize[cell] = bySize[cell]! + 1;
      }
    },
    { purpose: 'the Deegan-Packel index' },
  );
  const denominator = BigInt(coalitions) * lcmUpTo(n);
  const values = game.weights.map((_, i) => rational(harmonicNumerator(bySize, i * (n + 1), n), denominator));
  return resultFromValues('deegan-packel', game, values);
}
