// The scenario steps: transitions (apply, undo, redo), their recipes, and how a step names its actors.
export { applyStep, applySteps, redo, stepKind, touchedCouncils, undo, type AppliedSteps, type StepTransition } from './transitions.js';
export { StepError } from './step-error.js';
export { AGAINST_ALL, resolveInCouncil, isActor, namesUnit } from './resolve.js';
