/** Exact power indices for weighted voting games. */
export {
  type PlayerPower,
  POWER_INDEX_LABELS,
  type PowerIndexName,
  type PowerIndexResult,
  type ValidateGameOptions,
  type WeightedGame,
  gameIssues,
  validateGame,
} from './weighted-game.js';
export { banzhaf, banzhafSwings } from './banzhaf.js';
export { shapleyShubik, shapleyShubikFloats, shapleyShubikRaw } from './shapley-shubik.js';
export { deeganPackel } from './deegan-packel.js';
export { publicGood } from './public-good.js';
export { johnston } from './johnston.js';
export { coleman, type ColemanResult } from './coleman.js';
export { owen, unionPartition } from './owen.js';
export { countLosing, countMinimalWinning, countVulnerable, countWinning } from './winning-coalition-counts.js';
export {
  type CoalitionVisitor,
  forEachMinimalWinning,
  forEachVulnerable,
  MAX_ENUMERATED_COALITIONS,
  minimalWinningCoalitions,
} from './coalition-enumeration.js';
export { councilGame } from './council-game.js';
export { MAX_BIGINT_CELLS, MAX_DP_CELLS, MAX_FLOAT_PLAYERS } from './kernel.js';
export { ELECTORAL_COLLEGE_2020, ELECTORAL_COLLEGE_2020_ELECTORS } from './games/electoral-college-2020.js';
