/**
 * Analysis at scale: the full readable analysis (`analyzeCouncil`: counts, listed minimal winning
 * coalitions, predictions, hinges, power) of a 60-seat council with 40 lists (above 31 units the
 * coalition masks take more than 32 bits; a council may have 48). The naive reference, measured in the
 * same run, is the analysis before the counting: every minimal winning coalition listed, sorted and
 * described; it is run at 22 lists, where it still finishes (at 26–27 it exhausted 4.5 GB, at 31 V8
 * aborted), and the counting analysis is measured at 22 lists too, for the like-for-like ratio.
 */
import { performance } from 'node:perf_hooks';
import { analyzeCouncil, analyzeFast, prepareCouncil } from '../../src/model/analysis/index.js';
import { coalitionOf, sortMasks } from '../../src/model/analysis/coalition-text.js';
import type { Council } from '../../src/model/council.js';
import { type BenchCase, formatFigure, medianMicros } from '../harness.js';

/** `lists` lists holding 60 seats: a few large lists, then many of one or two seats, as in a fragmented council. */
function fragmentedCouncil(lists: number, seats = 60): Council {
  const counts = Array.from({ length: lists }, () => 1);
  const big = [8, 6, 5, 4, 3, 3];
  for (let i = 0; i < big.length && i < lists; i++) counts[i] = big[i]!;
  let total = counts.reduce((a, b) => a + b, 0);
  // Many lists leave fewer seats to the large ones: 40 lists of 60 seats are 7, 5, 4, 4, 3, 3 and 34 of one.
  for (let i = 0; total > seats && counts.some((n) => n > 1); i = (i + 1) % big.length) {
    if (counts[i]! > 1) {
      counts[i] = counts[i]! - 1;
      total--;
    }
  }
  for (let i = big.length; total < seats; i = i + 1 >= lists ? big.length : i + 1) {
    counts[i] = counts[i]! + 1;
    total++;
  }
  if (total !== seats) throw new Error(`could not lay ${seats} seats over ${lists} lists`);
  return { id: `fragmented-${lists}`, name: `${lists} lists`, units: counts.map((n, i) => ({ id: `list-${i + 1}`, name: `List ${i + 1}`, kind: 'list', seats: n })) };
}

/** The analysis as it was: every minimal winning coalition listed, sorted and described. */
function naiveAnalysis(council: Council): number {
  const prepared = prepareCouncil(council);
  const fast = analyzeFast(prepared, { listLimit: Number.POSITIVE_INFINITY });
  return sortMasks(prepared, fast.minimal).map((mask) => coalitionOf(prepared, mask)).length;
}

export const cases: BenchCase[] = [
  {
    name: 'analysis at scale: 60 seats, 40 lists, full analyzeCouncil',
    floor: { value: 10, unit: 'ms', kind: 'max', source: 'issue 17' },
    measure: () => {
      const large = fragmentedCouncil(40);
      const value = medianMicros(() => analyzeCouncil(large), { minTimeMs: 1500, warmupMs: 500 }) / 1000;
      const analysis = analyzeCouncil(large);
      const mid = fragmentedCouncil(22);
      const ours22 = medianMicros(() => analyzeCouncil(mid), { minTimeMs: 600, warmupMs: 200 }) / 1000;
      const start = performance.now();
      const listed = naiveAnalysis(mid);
      const naive22 = performance.now() - start;
      return {
        value,
        unit: 'ms',
        note: `${analysis.winning.minimalCount.toLocaleString('en-US')} minimal winning (${analysis.winning.minimal.length} listed); at 22 lists ${formatFigure(ours22, 'ms')} vs naive full listing ${formatFigure(naive22, 'ms')} (${listed.toLocaleString('en-US')} coalitions, ×${(naive22 / ours22).toFixed(0)})`,
      };
    },
  },
];
