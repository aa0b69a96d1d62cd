/** Scenarios: what-if files, their steps as transitions, runs, diffs and expectations. */
export {
  scenarioSchemas,
  STEP_KINDS,
  scenarioJsonSchema,
  type ScenarioSchemas,
  type ScenarioShell,
  type Expectation,
  type Group,
  type OutcomeStatus,
  type ScenarioDocument,
  type SourceEntry,
  type Step,
  type StepInput,
  type StepKind,
  type StepOf,
} from './scenario-schema.js';
export {
  baseState,
  type BlocState,
  type CouncilState,
  type DealState,
  type ProvenanceEntry,
  type ScenarioState,
  type UnitState,
} from './scenario-state.js';
export { applyStep, applySteps, redo, stepKind, StepError, touchedCouncils, undo, type AppliedSteps, type StepTransition } from './steps/index.js';
export {
  bundledScenarioNames,
  loadScenario,
  resolveScenarioRef,
  scenarioFromDocument,
  type LoadedScenario,
  type ResolvedStep,
} from './scenario-loader.js';
export {
  modelCouncil,
  runScenario,
  type CouncilOutcome,
  type CouncilResult,
  type ExplanationEntry,
  type ScenarioRun,
} from './runner.js';
export { deriveGroup, GROUPING_BLOC } from './grouping.js';
export { checkExpectations, formatCheckReport, type ExpectationResult, type ScenarioCheck } from './expectations.js';
export { diffRuns, diffScenarios, type CouncilDiff, type ScenarioDiff } from './diff.js';
export { checkScenarios, expandInputs, GovsimBatchError, loadScenarios, runScenarios } from './batch.js';
export { scenario, ScenarioBuilder, type StepMeta } from './builder.js';
export { isScenarioDocument, validateScenarioFile } from './scenario-validation.js';
