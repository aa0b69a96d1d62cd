/** govsim library entry: load a dataset, run scenarios, analyse councils, compute power indices. */
export * from './model/council.js';
export * from './model/errors.js';
export * from './model/power/index.js';
export { formatRational, parseRational, type Rational, rational, rationalToNumber } from './model/rational.js';
export {
  actorsOf,
  blocsOf,
  bundledDatasets,
  councilIds,
  councilsFor,
  factionSplit,
  loadDataset,
  measurePublishedFigure,
  nationalTotals,
  outcomesOf,
  publishedChecks,
  resolvedCouncil,
  resolvedCouncils,
  seatSetId,
  type CouncilsOptions,
  type DatasetOptions,
  type LoadedDataset,
  type NationalTotals,
  type PublishedCheck,
  type ResolvedCouncil,
  type ResolvedFaction,
  type ResolvedList,
  type ResolvedQuotaMember,
} from './scenarios/dataset.js';
export type { Confidence, Dataset, Outcome } from './scenarios/dataset-schema.js';
export { formatDataPath, parseDataFile, readDataFile } from './scenarios/data-file.js';
export * from './scenarios/index.js';
export {
  BLOCK_SIZE,
  SHOCK_EFFECTS,
  buildProbabilisticScenario,
  exactAvailability,
  exactCouncilOutcome,
  exactScenarioOutcome,
  parseProbability,
  simulate,
  wilsonInterval,
  type CouncilEstimate,
  type CouncilInput,
  type CouncilProbabilitySpec,
  type Estimate,
  type ExactCouncilOutcome,
  type ExactScenarioOutcome,
  type MonteCarloOptions,
  type MonteCarloResult,
  type ProbabilisticCouncil,
  type ProbabilisticScenario,
  type ProbabilisticUnit,
  type ProbabilitySpec,
  type Shock,
  type ShockEffect,
  type ShockSpec,
} from './model/uncertainty/index.js';
export { Xoshiro128StarStar, streamGenerator } from './model/random.js';
export { ProbabilitiesSchema } from './scenarios/probabilities-schema.js';
export {
  exactSimulation,
  monteCarloSimulation,
  simulationModel,
  simulationReport,
  type SimulationModel,
  type SimulationOptions,
  type SimulationReport,
} from './scenarios/simulate.js';
