/** A council as a weighted voting game, the one definition the library, the CLI and the explorer share. */
import { type Council, councilMajority, unitPresent } from '../council.js';
import type { WeightedGame } from './weighted-game.js';

/**
 * Each unit's present members are its weight, and the quota is the absolute majority of all members,
 * floor(n/2) + 1 (absent members count in n but cannot vote), or the council's explicit `rules.majority`.
 */
export function councilGame(council: Council): WeightedGame {
  return {
    quota: councilMajority(council),
    weights: council.units.map(unitPresent),
    names: council.units.map((unit) => unit.id),
  };
}
