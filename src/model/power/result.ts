/** Assembling a labelled PowerIndexResult from per-player values. */
import { type Rational, rationalToNumber } from '../rational.js';
import { type PlayerPower, POWER_INDEX_LABELS, type PowerIndexName, type PowerIndexResult, playerName, type WeightedGame } from './weighted-game.js';

export function playerPower(game: WeightedGame, i: number, value: Rational, raw: bigint | undefined, float: number): PlayerPower {
  const name = playerName(game, i);
  const weight = game.weights[i]!;
  // One object shape per branch (no spread): results are built in the hot path of the council engine.
  return raw === undefined ? { name, weight, value, float } : { name, weight, raw, value, float };
}

export function powerResult(index: PowerIndexName, players: readonly PlayerPower[]): PowerIndexResult {
  return { index, label: POWER_INDEX_LABELS[index], players };
}

/**
 * Builds one result from per-player values (and raws). Equal values are usually the same object (equal
 * weights), so each distinct object is converted to a float once.
 */
export function resultFromValues(
  index: PowerIndexName,
  game: WeightedGame,
  values: readonly Rational[],
  raws?: readonly bigint[],
): PowerIndexResult {
  const players = new Array<PlayerPower>(values.length);
  let previous: Rational | undefined;
  let previousFloat = 0;
  const floats = new Map<Rational, number>();
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    if (value !== previous) {
      let float = floats.get(value);
      if (float === undefined) {
        float = rationalToNumber(value);
        floats.set(value, float);
      }
      previous = value;
      previousFloat = float;
    }
    players[i] = playerPower(game, i, value, raws?.[i], previousFloat);
  }
  return powerResult(index, players);
}
