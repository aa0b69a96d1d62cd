/**
 * A weighted voting game [q; w_1, …, w_n]: a coalition wins when its total weight reaches the quota.
 * Players are identified by their position in `weights`.
 */
import { type DataIssue, GovsimDataError } from '../errors.js';
import type { Rational } from '../rational.js';

export interface WeightedGame {
  readonly quota: number;
  readonly weights: readonly number[];
  /** Display names, one per weight; absent names default to P1, P2, … */
  readonly names?: readonly string[];
}

export type PowerIndexName =
  | 'banzhaf'
  | 'shapley-shubik'
  | 'deegan-packel'
  | 'public-good'
  | 'johnston'
  | 'coleman-initiate'
  | 'coleman-prevent'
  | 'owen';

export const POWER_INDEX_LABELS: Readonly<Record<PowerIndexName, string>> = {
  banzhaf: 'Banzhaf (normalised)',
  'shapley-shubik': 'Shapley-Shubik',
  'deegan-packel': 'Deegan-Packel',
  'public-good': 'Public Good (Holler)',
  johnston: 'Johnston (normalised)',
  'coleman-initiate': 'Coleman power to initiate action',
  'coleman-prevent': 'Coleman power to prevent action',
  owen: 'Owen (a priori unions)',
};

export interface PlayerPower {
  readonly name: string;
  readonly weight: number;
  /**
   * The integer the index is built from, where it has one: swings (Banzhaf, Coleman), pivotal orderings
   * out of n! (Shapley–Shubik), minimal winning coalitions containing the player (Public Good).
   */
  readonly raw?: bigint;
  readonly value: Rational;
  /** `value` rounded to the nearest double. */
  readonly float: number;
}

export interface PowerIndexResult {
  readonly index: PowerIndexName;
  readonly label: string;
  readonly players: readonly PlayerPower[];
}

export interface ValidateGameOptions {
  /** Accept a quota at or below half the total weight (two disjoint coalitions could then both win). */
  readonly allowNonProper?: boolean;
  /** Where the game came from, for error messages (a file name, "command line"). */
  readonly source?: string;
}

/** The largest total weight handled exactly (coalition weights are summed in float64). */
const MAX_TOTAL_WEIGHT = Number.MAX_SAFE_INTEGER;

/** All structural and (unless allowed) properness problems of a game, without throwing. */
export function gameIssues(game: WeightedGame, options: ValidateGameOptions = {}): DataIssue[] {
  const issues: DataIssue[] = [];
  const { weights, quota, names } = game;
  if (!Array.isArray(weights) || weights.length === 0) {
    issues.push({ path: 'weights', message: 'a game needs at least one player' });
    return issues;
  }
  let total = 0;
  weights.forEach((weight, i) => {
    // Number.isSafeInteger is false for anything that is not a number, so no typeof test is needed.
    if (!Number.isSafeInteger(weight) || weight < 0) {
      issues.push({ path: `weights[${i}]`, message: `weight must be a non-negative integer, got ${String(weight)}` });
    } else {
      total += weight;
    }
  });
  if (total > MAX_TOTAL_WEIGHT) issues.push({ path: 'weights', message: `total weight exceeds ${MAX_TOTAL_WEIGHT}` });
  if (names !== undefined && names.length !== weights.length) {
    issues.push({ path: 'names', message: `${names.length} names for ${weights.length} weights` });
  }
  if (!Number.isSafeInteger(quota) || quota < 1) {
    issues.push({ path: 'quota', message: `quota must be an integer ≥ 1, got ${String(quota)}` });
  } else if (issues.length === 0) {
    if (quota > total) {
      issues.push({ path: 'quota', message: `quota ${quota} exceeds the total weight ${total}: no coalition can win` });
    } else if (!options.allowNonProper && 2 * quota <= total) {
      issues.push({
        path: 'quota',
        message: `quota ${quota} is not more than half the total weight ${total}: two disjoint coalitions could both win (allow non-proper games to accept it)`,
      });
    }
  }
  return issues;
}

/**
 * Throws GovsimDataError (exit 65) naming each bad path: weights must be integers ≥ 0, the quota an
 * integer in 1..total, and above half the total unless `allowNonProper`.
 */
export function validateGame(game: WeightedGame, options: ValidateGameOptions = {}): void {
  const issues = gameIssues(game, options);
  if (issues.length > 0) throw new GovsimDataError(options.source, issues);
}

/**
 * The index functions are defined for every well-formed game, proper or not; properness is a policy the
 * caller enforces with validateGame.
 */
export function assertWellFormed(game: WeightedGame): void {
  // gameIssues would destructure null with a TypeError; a library caller gets a GovsimDataError instead.
  if (game === null || typeof game !== 'object') throw new GovsimDataError(undefined, [{ path: '', message: 'expected a game: { quota, weights }' }]);
  // No separate fast path: gameIssues costs tens of nanoseconds against microseconds for any index.
  validateGame(game, { allowNonProper: true });
}

export function playerName(game: WeightedGame, i: number): string {
  return game.names?.[i] ?? `P${i + 1}`;
}
