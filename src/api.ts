/**
 * The few joins the library surface adds on top of the engine: a council out of a dataset or out of a
 * scenario's final state, and a council as a weighted voting game for the power indices. Everything
 * else in `govsim` is re-exported from the engine as is.
 */
import type { Council } from './model/council.js';
import { GovsimUsageError } from './model/errors.js';
import { councilsFor, type CouncilsOptions, type LoadedDataset, resolvedCouncil } from './dataset/dataset.js';
import { modelCouncil } from './scenarios/runner.js';

export { councilGame } from './model/power/council-game.js';
import type { LoadedScenario } from './scenarios/scenario-loader.js';

/**
 * One council of a dataset as a model council (units = lists, or factions with `units: 'factions'`,
 * plus one unit per quota seat). Throws GovsimUsageError for an unknown council or seat set.
 */
export function datasetCouncil(dataset: LoadedDataset, councilId: string, options: CouncilsOptions = {}): Council {
  // Checks the id (and the seat set) with the dataset's own message listing the valid ones.
  resolvedCouncil(dataset, councilId, options.seats);
  return councilsFor(dataset, options).find((council) => council.id === councilId)!;
}

/**
 * One council as a scenario's steps leave it: split lists as factions, absences as `present`, each
 * group of defectors as a unit of its own (`wathiqoon>badr-sadr`), incompatibilities as constraints.
 * Ready for `analyzeCouncil`. Throws GovsimUsageError for an unknown council.
 */
export function scenarioCouncil(scenario: LoadedScenario, councilId: string): Council {
  if (!Object.hasOwn(scenario.state.councils, councilId)) {
    throw new GovsimUsageError(`unknown council "${councilId}" in scenario ${scenario.name} (councils: ${scenario.state.councilOrder.join(', ')})`);
  }
  return modelCouncil(scenario.state, councilId);
}
