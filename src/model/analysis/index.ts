/** Council analysis: majority and quorum, coalitions, predictions, hinge seats, power, explanation. */
export * from './types.js';
export { analyzeCouncil, presentAnalysis, coalitionViolations } from './analyze-council.js';
export { analyzeFast, type FastAnalysis, type FastAnalysisOptions } from './fast-analysis.js';
export { prepareCouncil, MAX_UNITS, type PreparedCouncil, type ResolvedConstraints } from './prepared-council.js';
export { minimalConnectedWinning } from './predictions.js';
export { changeText } from './hinges.js';
export { hasUnit, maskIntersection, unitCount, unitsWeight } from './unit-masks.js';
export { referenceAnalysis, referenceState, type ReferenceAnalysis, type ReferenceChange, type ReferenceState } from './reference.js';
