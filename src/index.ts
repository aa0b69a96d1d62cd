/** govsim library entry: load a dataset, run scenarios, analyse councils, compute power indices. */
export * from './model/council.js';
export * from './model/errors.js';
export * from './model/power/index.js';
export { formatRational, parseRational, type Rational, rational, rationalToNumber } from './model/rational.js';
