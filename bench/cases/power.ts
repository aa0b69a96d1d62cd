/**
 * Power-index figures: exact Banzhaf and Shapley–Shubik for the 51-player 2020 Electoral College
 * (including building the exact fractions), each next to a reference run in the same process: the
 * textbook per-player dynamic programme, and plain 2^n enumeration on a 20-player game.
 */
import { banzhaf, banzhafSwings, ELECTORAL_COLLEGE_2020, shapleyShubik, shapleyShubikFloats } from '../../src/model/power/index.js';
import { type BenchCase, formatFigure, medianMicros } from '../harness.js';
import { naiveBanzhafSwings, perPlayerBanzhafSwings, perPlayerShapleyShubik } from '../reference/naive-power.js';

const EC = ELECTORAL_COLLEGE_2020;

/** 20 players with 1..20 seats (210 in all), simple majority 106. */
const TWENTY = { quota: 106, weights: Array.from({ length: 20 }, (_, k) => k + 1) };

/** A council-sized game for the analysis engine: 20 units, 60 seats, absolute majority 31. */
const COUNCIL = { quota: 31, weights: [12, 9, 7, 6, 5, 4, 3, 2, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1] };

let naiveTwentyMicros: number | undefined;
function naiveTwenty(): number {
  naiveTwentyMicros ??= medianMicros(() => naiveBanzhafSwings(TWENTY.weights, TWENTY.quota), { minTimeMs: 300, warmupMs: 100 });
  return naiveTwentyMicros;
}

/** How long 2^51 coalitions would take at the naive rate measured on 2^20. */
function naiveElectoralCollege(): string {
  const seconds = (naiveTwenty() / 1e6) * 2 ** (51 - 20) * (51 / 20);
  return `naive 2^51 enumeration ≈ ${(seconds / 86_400 / 365).toFixed(0)} years at the 20-player rate`;
}

export const cases: BenchCase[] = [
  {
    name: 'power: EC-2020 exact Banzhaf (51 players, quota 270)',
    floor: { value: 32, unit: 'µs', kind: 'max', source: 'issue 9' },
    measure: () => {
      const value = medianMicros(() => banzhaf(EC));
      const textbook = medianMicros(() => perPlayerBanzhafSwings(EC.weights, EC.quota), { minTimeMs: 300, warmupMs: 100 });
      return {
        value,
        unit: 'µs',
        note: `textbook per-player DP ${formatFigure(textbook / 1000, 'ms')} (×${(textbook / value).toFixed(0)}); ${naiveElectoralCollege()}`,
      };
    },
  },
  {
    name: 'power: EC-2020 exact Shapley-Shubik (51 players, quota 270)',
    floor: { value: 1.2, unit: 'ms', kind: 'max', source: 'issue 9' },
    measure: () => {
      const value = medianMicros(() => shapleyShubik(EC)) / 1000;
      const textbook = medianMicros(() => perPlayerShapleyShubik(EC.weights, EC.quota), { minTimeMs: 300, warmupMs: 100 }) / 1000;
      return { value, unit: 'ms', note: `textbook per-player DP by (size, weight) ${formatFigure(textbook, 'ms')} (×${(textbook / value).toFixed(0)})` };
    },
  },
  {
    name: 'power: 20-player Banzhaf swings, plain 2^n enumeration (reference)',
    measure: () => ({ value: naiveTwenty() / 1000, unit: 'ms', note: 'bench/reference/naive-power.ts' }),
  },
  {
    name: 'power: 20-player Banzhaf swings, DP fast path',
    measure: () => {
      const out = new Float64Array(TWENTY.weights.length);
      const value = medianMicros(() => banzhafSwings(TWENTY.weights, TWENTY.quota, out));
      return { value, unit: 'µs', note: `same game by enumeration ${formatFigure(naiveTwenty() / 1000, 'ms')} (×${(naiveTwenty() / value).toFixed(0)})` };
    },
  },
  {
    name: 'power: council fast path, Banzhaf swings + Shapley-Shubik floats (20 units, 60 seats)',
    measure: () => {
      const n = COUNCIL.weights.length;
      const swings = new Float64Array(n);
      const shares = new Float64Array(n);
      const pivots = new Float64Array(n * n);
      const fast = medianMicros(() => {
        banzhafSwings(COUNCIL.weights, COUNCIL.quota, swings);
        return shapleyShubikFloats(COUNCIL.weights, COUNCIL.quota, shares, pivots);
      });
      const exact = medianMicros(() => [banzhaf(COUNCIL), shapleyShubik(COUNCIL)]);
      return { value: 1e6 / fast, unit: 'per-s', note: `${formatFigure(fast, 'µs')} per game; exact results ${formatFigure(exact, 'µs')}` };
    },
  },
];
