/**
 * `govsim`: the library entry. Load a dataset, build or load a scenario, run it, analyse a council,
 * compute power indices, diff two scenarios, simulate uncertain attendance. Every export is named
 * here on purpose (docs/library.md documents each one, and a test keeps the two in step); the
 * engine's other modules are internal.
 */

// Errors: every failure is a GovsimError with the process exit code the CLI uses.
export {
  ExitCode,
  GovsimDataError,
  GovsimError,
  GovsimMissingFileError,
  GovsimOutputError,
  GovsimUsageError,
  type DataIssue,
} from './model/errors.js';
export { GovsimBatchError } from './scenarios/batch.js';

// Councils: the model every face shares.
export {
  absoluteMajority,
  councilRules,
  DEFAULT_RULES,
  memberCount,
  presentCount,
  type Council,
  type CouncilConstraints,
  type CouncilRules,
  type RunoffRule,
  type UnitKind,
  type VotingUnit,
} from './model/council.js';

// Datasets.
export {
  actorsOf,
  blocsOf,
  bundledDatasets,
  councilIds,
  councilsFor,
  factionSplit,
  loadDataset,
  nationalTotals,
  outcomesOf,
  publishedChecks,
  resolvedCouncil,
  resolvedCouncils,
  unattributedReading,
  type Confidence,
  type CouncilsOptions,
  type Dataset,
  type DatasetOptions,
  type FittedEstimate,
  type LoadedDataset,
  type NationalTotals,
  type Outcome,
  type PublishedCheck,
  type PublishedKind,
  type Reliability,
  type ResolvedCouncil,
  type ResolvedFaction,
  type ResolvedList,
  type ResolvedQuotaMember,
  type UnattributedReading,
} from './dataset/dataset.js';
export { councilGame, datasetCouncil, scenarioCouncil } from './api.js';

// Scenarios: build or load, run, check, diff.
export {
  scenarioJsonSchema,
  STEP_KINDS,
  type Expectation,
  type Group,
  type OutcomeStatus,
  type ScenarioDocument,
  type SourceEntry,
  type Step,
  type StepInput,
  type StepKind,
  type StepOf,
} from './scenarios/scenario-schema.js';
export { scenario, ScenarioBuilder, type StepMeta } from './scenarios/builder.js';
export {
  bundledScenarioNames,
  loadScenario,
  scenarioFromDocument,
  type LoadedScenario,
  type LoadOptions,
  type ResolvedStep,
  type SessionCheckpoint,
} from './scenarios/scenario-loader.js';
// The state a scenario's steps produce (`LoadedScenario.state`), for code that reads it directly.
export type { BlocState, CouncilState, DealState, ProvenanceEntry, ScenarioState, UnitState } from './scenarios/scenario-state.js';
export type { StepTransition } from './scenarios/steps/index.js';
export {
  runScenario,
  type AlignmentResult,
  type CouncilChange,
  type CouncilOutcome,
  type CouncilResult,
  type ExplanationEntry,
  type NationalSummary,
  type PostResult,
  type ScenarioRun,
  type UnitResult,
} from './scenarios/runner.js';
export { checkExpectations, formatCheckReport, sessionRun, type ClaimResult, type ExpectationResult, type ScenarioCheck } from './scenarios/expectations.js';
export { diffRuns, diffScenarios, type CouncilDiff, type DiffField, type FieldChange, type ScenarioDiff } from './scenarios/diff.js';
export type { AlignmentVotes, NationalChange, NationalDiff, UnitDiff } from './scenarios/seat-diff.js';
export type { AlignmentKind, AlignmentStatus } from './model/vote/alignments.js';
export { checkScenarios, loadScenarios, runScenarios, type BatchRun } from './scenarios/batch.js';

// Council analysis and the council vote (chair, then governor).
export {
  analyzeCouncil,
  type AnalysisOptions,
  type CoalitionCheck,
  type CouncilAnalysis,
  type CouncilCoalition,
  type CouncilPower,
  type HingeChange,
  type HingeSeat,
  type Prediction,
  type PredictionTheory,
  type QuorumCheck,
  type UnitRole,
  type UnitSummary,
  type WinningCoalitions,
} from './model/analysis/index.js';
export {
  runVote,
  type Candidacy,
  type PostOutcome,
  type PostStatus,
  type RunoffResult,
  type VoteOutcome,
  type VotePlan,
} from './model/vote/index.js';
export { formatExplanationLine, RULES, type ExplanationLine, type RuleBasis, type RuleConfidence, type RuleId } from './model/explanation.js';

// What would it take: minimal partner sets, breaking points, national packages of governorships.
export {
  breakingSteps,
  nationalParties,
  packageInput,
  pathsCouncil,
  pathSteps,
  pathsTarget,
  scenarioPackage,
  scenarioPackages,
  scenarioPaths,
  withSteps,
  type NationalQuery,
  type PathsQuery,
  type ScenarioPaths,
} from './scenarios/paths.js';
export {
  breakingPoints,
  councilPaths,
  minimalSets,
  packageFrontier,
  packageOutcome,
  PathSearchError,
  type PathsAlignmentKind,
  type BreakingKind,
  type BreakingPoint,
  type CouncilBreaking,
  type CouncilPath,
  type CouncilPaths,
  type CouncilPathsOptions,
  type FrontierLevel,
  type FrontierOptions,
  type MinimalSets,
  type MinimalSetsOptions,
  type Package,
  type PackageCouncil,
  type PackageCouncilStatus,
  type PackageFrontier,
  type PackageInput,
  type PackageOutcome,
  type PathConfidence,
  type PathKind,
  type PathsAlignment,
  type PathsCouncil,
  type PathsTarget,
  type PathsUnit,
} from './model/paths/index.js';

// Power indices of weighted voting games (exact rationals).
export {
  banzhaf,
  coleman,
  countMinimalWinning,
  countWinning,
  deeganPackel,
  gameIssues,
  johnston,
  minimalWinningCoalitions,
  owen,
  POWER_INDEX_LABELS,
  publicGood,
  shapleyShubik,
  validateGame,
  type ColemanResult,
  type PlayerPower,
  type PowerIndexName,
  type PowerIndexResult,
  type ValidateGameOptions,
  type WeightedGame,
} from './model/power/index.js';
export { formatRational, parseRational, rational, rationalToNumber, type Rational } from './model/rational.js';

// Uncertainty: a scenario's `probabilities:` block, exact and seeded Monte Carlo.
export {
  endIdleWorkers,
  exactSimulation,
  monteCarloSimulation,
  simulationModel,
  simulationReport,
  type CouncilReport,
  type ExactAttempt,
  type ModelOptions,
  type ReportedMean,
  type ReportedProbability,
  type SimulationModel,
  type SimulationOptions,
  type SimulationReport,
} from './scenarios/simulate.js';
export {
  buildProbabilisticScenario,
  exactCouncilOutcome,
  exactScenarioOutcome,
  parseProbability,
  simulate,
  wilsonInterval,
  type BuildResult,
  type CouncilEstimate,
  type CouncilInput,
  type CouncilProbabilitySpec,
  type Estimate,
  type ExactCouncilOutcome,
  type ExactOptions,
  type ExactScenarioOutcome,
  type Interval,
  type MeanEstimate,
  type MonteCarloOptions,
  type MonteCarloResult,
  type ProbabilisticCouncil,
  type ProbabilisticScenario,
  type ProbabilisticUnit,
  type ProbabilityInput,
  type ProbabilitySpec,
  type Progress,
  type Shock,
  type ShockEffect,
  type ShockSpec,
  type ShockTarget,
  type SimulateHooks,
  type StopReason,
} from './model/uncertainty/index.js';

// Reports: the HTML page of `govsim report` and a council's hemicycle as SVG.
export {
  councilHemicycleSvg,
  hemicycleLayout,
  reportData,
  scenarioReport,
  type HemicycleLayout,
  type HemicycleSvgOptions,
  type ReportAlignment,
  type ReportCouncil,
  type ReportData,
  type ReportOptions,
  type ReportSource,
  type ReportUnit,
  type SeatConfidence,
  type SeatPosition,
} from './report/index.js';
