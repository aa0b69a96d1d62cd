/** Outcome probabilities under uncertain attendance, defections and bloc-level shocks. */
export * from './model.js';
export * from './probability.js';
export * from './spec.js';
export * from './exact.js';
export * from './interval.js';
export * from './sampler.js';
export * from './monte-carlo.js';
