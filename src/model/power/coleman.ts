/**
 * Coleman's measures (Coleman 1971), from the swings η_i and the number of winning coalitions ω out of 2^n:
 *   power of the collectivity to act   A = ω / 2^n
 *   power of i to prevent action       P_i = η_i / ω          (share of winning coalitions i can break)
 *   power of i to initiate action      I_i = η_i / (2^n − ω)  (share of losing coalitions i can turn)
 * Not normalised: they answer different questions from the shares of the other indices.
 */
import { rational, type Rational } from '../rational.js';
import { exactSwings } from './banzhaf.js';
import { countLosing } from './winning-coalition-counts.js';
import { resultFromValues } from './result.js';
import type { PowerIndexResult, WeightedGame } from './weighted-game.js';

export interface ColemanResult {
  readonly initiate: PowerIndexResult;
  readonly prevent: PowerIndexResult;
  readonly powerOfCollectivity: Rational;
}

export function coleman(game: WeightedGame): ColemanResult {
  const losing = countLosing(game); // validates the game
  const all = 1n << BigInt(game.weights.length);
  const winning = all - losing;
  const swings = exactSwings(game.weights, game.quota);
  return {
    initiate: resultFromValues('coleman-initiate', game, swings.map((count) => rational(count, losing)), swings),
    prevent: resultFromValues('coleman-prevent', game, swings.map((count) => rational(count, winning)), swings),
    powerOfCollectivity: rational(winning, all),
  };
}
