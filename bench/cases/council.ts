/**
 * Council-analysis figures: the numeric core (status, every minimal winning coalition, Banzhaf swings,
 * Shapley–Shubik values and every single-seat change) on the real Baghdad and Najaf councils (final
 * seats), each next to the naive reference that enumerates all coalitions again for every change.
 */
import { performance } from 'node:perf_hooks';
import { analyzeCouncil, analyzeFast, prepareCouncil, referenceAnalysis } from '../../src/model/analysis/index.js';
import type { Council } from '../../src/model/council.js';
import { councilsFor, loadDataset } from '../../src/dataset/dataset.js';
import { type BenchCase, formatFigure, medianMicros } from '../harness.js';

function council(id: string): Council {
  const found = councilsFor(loadDataset('iraq-2023'), { seats: 'final' }).find((c) => c.id === id);
  if (found === undefined) throw new Error(`council ${id} missing from the bundled dataset`);
  return found;
}

/** Median wall time of a few runs of a slow function, in µs (the harness' sampling would take minutes). */
function slowMedianMicros(fn: () => unknown, runs: number): number {
  const times: number[] = [];
  let sink: unknown;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    sink = fn();
    times.push((performance.now() - start) * 1000);
  }
  if (sink === undefined) throw new Error('reference returned nothing');
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

function fastCase(id: string, referenceRuns: number): BenchCase {
  return {
    name: `council: ${id} analyzeFast (status + all minimal winning + BZ + SS + hinge seats)`,
    floor: { value: 20, unit: 'µs', kind: 'max', source: 'council analysis brief' },
    measure: () => {
      const target = council(id);
      const prepared = prepareCouncil(target);
      const value = medianMicros(() => analyzeFast(prepared), { minTimeMs: 800, warmupMs: 300 });
      const fast = analyzeFast(prepared);
      const naive = slowMedianMicros(() => referenceAnalysis(prepared), referenceRuns);
      const seats = target.units.reduce((total, unit) => total + unit.seats, 0);
      return {
        value,
        unit: 'µs',
        note: `${target.units.length} units, ${seats} seats, ${fast.minimal.length} minimal winning, ${fast.hingeCount} hinge changes; naive re-enumeration ${formatFigure(naive / 1000, 'ms')} (×${(naive / value).toFixed(0)})`,
      };
    },
  };
}

export const cases: BenchCase[] = [
  fastCase('baghdad', 3),
  fastCase('najaf', 9),
  {
    name: 'council: baghdad prepareCouncil + analyzeFast (structure built per call)',
    measure: () => {
      const target = council('baghdad');
      return { value: medianMicros(() => analyzeFast(prepareCouncil(target))), unit: 'µs', note: 'the floor case reuses one prepared council' };
    },
  },
  {
    name: 'council: baghdad analyzeFast with CF incompatible with Taqaddum (constrained path)',
    measure: () => {
      const prepared = prepareCouncil(council('baghdad'), { constraints: { incompatible: [['cf', 'taqaddum']] }, coalition: ['cf', 'siyada'] });
      return { value: medianMicros(() => analyzeFast(prepared)), unit: 'µs', note: 'incompatible units enumerated, the rest counted by DP' };
    },
  },
  {
    name: 'council: baghdad analyzeCouncil (full presentation: lists, hinge diffs, exact power, trace)',
    measure: () => {
      const target = council('baghdad');
      return { value: medianMicros(() => analyzeCouncil(target), { minTimeMs: 1500 }) / 1000, unit: 'ms', note: 'what `govsim analyze` computes' };
    },
  },
];
