/**
 * The plan's stopping rule driven by hand-made tallies: blocks merge in index order whatever order
 * they arrive in, a stop discards what is still pending, the precision is a strict bound, a runs or
 * max-runs plan stops only at its last block, and an interrupt keeps an earlier reason.
 */
import { describe, expect, it } from 'vitest';
import { parseRational } from '../../src/model/rational.js';
import {
  BLOCK_SIZE,
  compileScenario,
  mergeTally,
  MonteCarloPlan,
  type ProbabilisticScenario,
  summarizeTally,
  type TallyLayout,
  wilsonHalfWidth,
} from '../../src/model/uncertainty/index.js';

// Two councils of two units each: [draws | council 0: 7 counters + 2 pivotal | council 1: the same | exactly 0, 1, 2 governed].
const layout: TallyLayout = { length: 1 + 9 + 9 + 3, councilStart: [1, 10], nationalStart: 19 };

/** A full block in which nothing ever happens: every proportion is 0, its half-width the narrowest for n. */
function quietBlock(): Float64Array {
  const tally = new Float64Array(layout.length);
  tally[0] = BLOCK_SIZE;
  return tally;
}

/** A full block in which council 0 elects in half the draws: the half-width is the widest for n. */
function evenBlock(): Float64Array {
  const tally = quietBlock();
  tally[1] = BLOCK_SIZE / 2;
  return tally;
}

describe('MonteCarloPlan', () => {
  it('merges blocks in index order and, once stopped, drops the blocks still pending', () => {
    // A precision the quiet first block meets: wilsonHalfWidth(0, 4096) ≈ 0.00047 < 0.001.
    const plan = new MonteCarloPlan(layout, { precision: 0.001, maxRuns: 3 * BLOCK_SIZE });
    const requests = [plan.next()!, plan.next()!, plan.next()!];
    expect(requests.map((request) => request.index)).toEqual([0, 1, 2]);
    plan.complete(1, evenBlock());
    expect(plan.mergedBlocks).toBe(0);
    expect(plan.finished).toBe(false);
    plan.complete(0, quietBlock());
    expect(plan.stopReason).toBe('precision');
    expect(plan.mergedBlocks).toBe(1);
    expect(plan.tally[0]).toBe(BLOCK_SIZE);
    expect(plan.tally[1]).toBe(0);
    // Later blocks change nothing.
    plan.complete(2, evenBlock());
    expect(plan.mergedBlocks).toBe(1);
  });

  it('the precision is a strict bound: a half-width equal to it does not stop the run', () => {
    const precision = wilsonHalfWidth(0, BLOCK_SIZE);
    const plan = new MonteCarloPlan(layout, { precision, maxRuns: 3 * BLOCK_SIZE });
    plan.complete(plan.next()!.index, quietBlock());
    expect(plan.progress().halfWidth).toBe(precision);
    expect(plan.stopReason).toBeUndefined();
    plan.complete(plan.next()!.index, quietBlock());
    expect(plan.progress().halfWidth).toBe(wilsonHalfWidth(0, 2 * BLOCK_SIZE));
    expect(plan.stopReason).toBe('precision');
    expect(plan.mergedBlocks).toBe(2);
  });

  it('a runs plan stops at its last block ("runs"), a precision plan that never gets there at its cap ("max-runs")', () => {
    const runs = new MonteCarloPlan(layout, { runs: 3 * BLOCK_SIZE });
    for (let block = 0; block < 2; block++) {
      runs.complete(runs.next()!.index, evenBlock());
      expect(runs.stopReason, `after block ${block}`).toBeUndefined();
    }
    runs.complete(runs.next()!.index, evenBlock());
    expect(runs.stopReason).toBe('runs');
    expect(runs.tally[0]).toBe(3 * BLOCK_SIZE);

    const capped = new MonteCarloPlan(layout, { precision: 0.001, maxRuns: 2 * BLOCK_SIZE });
    capped.complete(capped.next()!.index, evenBlock());
    expect(capped.stopReason).toBeUndefined();
    capped.complete(capped.next()!.index, evenBlock());
    expect(capped.stopReason).toBe('max-runs');
    expect(capped.next()).toBeUndefined();
  });

  it('an interrupt stops issuing blocks and keeps a reason given before it', () => {
    const plan = new MonteCarloPlan(layout, { runs: 3 * BLOCK_SIZE });
    plan.complete(plan.next()!.index, evenBlock());
    plan.interrupt();
    expect(plan.stopReason).toBe('interrupted');
    expect(plan.finished).toBe(true);
    expect(plan.next()).toBeUndefined();

    const met = new MonteCarloPlan(layout, { precision: 0.5 });
    met.complete(met.next()!.index, quietBlock());
    expect(met.stopReason).toBe('precision');
    met.interrupt();
    expect(met.stopReason).toBe('precision');
  });
});

describe('summarizeTally', () => {
  it('lists each council\'s own units as pivotal, no more', () => {
    const scenario: ProbabilisticScenario = {
      bloc: 'cf',
      councils: ['c', 'd'].map((id) => ({
        id,
        threshold: 2,
        quorum: 1,
        governedByBloc: true,
        units: [
          { id: `${id}1`, seats: 2, attendance: [parseRational('1'), parseRational('1')], inCoalition: true, switchProbability: parseRational('0') },
          { id: `${id}2`, seats: 1, attendance: [parseRational('1')], inCoalition: false, switchProbability: parseRational('0') },
        ],
      })),
      shocks: [],
    };
    const compiled = compileScenario(scenario);
    const plan = new MonteCarloPlan(compiled.layout, { runs: 10 });
    plan.complete(0, new Float64Array(compiled.layout.length).fill(0).map((_, i) => (i === 0 ? 10 : 0)));
    const result = summarizeTally(compiled, 'cf', plan);
    expect(result.councils.map((council) => Object.keys(council.pivotal))).toEqual([
      ['c1', 'c2'],
      ['d1', 'd2'],
    ]);
  });
});

describe('mergeTally', () => {
  it('adds entry by entry, and refuses tallies of two layouts', () => {
    const into = Float64Array.from([1, 2, 3]);
    mergeTally(into, Float64Array.from([10, 20, 30]));
    expect([...into]).toEqual([11, 22, 33]);
    expect(() => mergeTally(into, new Float64Array(4))).toThrow(new RangeError('tally lengths differ: 3 vs 4'));
  });
});
