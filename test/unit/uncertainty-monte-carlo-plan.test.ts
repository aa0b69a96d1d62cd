/**
 * The stopping rule's inputs and the plan's bookkeeping, on tallies laid out by hand: which counters
 * the largest half-width reads (every reported proportion, never the margin sums or "at least 0"), the
 * projected length of a precision run, and the edges of every option.
 */
import { describe, expect, it } from 'vitest';
import { GovsimUsageError } from '../../src/model/errors.js';
import { MAX_SEED } from '../../src/model/random.js';
import { parseRational } from '../../src/model/rational.js';
import {
  BLOCK_SIZE,
  COUNCIL_SLOTS,
  compileScenario,
  maxHalfWidth,
  MonteCarloPlan,
  type ProbabilisticScenario,
  resolveMonteCarloOptions,
  sampleBlock,
  type TallyLayout,
  wilsonHalfWidth,
} from '../../src/model/uncertainty/index.js';

// Two councils of two units each: [draws | council 0: 7 counters + 2 pivotal | council 1: the same | exactly 0, 1, 2 governed].
const layout: TallyLayout = { length: 1 + 9 + 9 + 3, councilStart: [1, 10], nationalStart: 19 };
const N = 400;

function tallyWith(counts: Record<number, number>): Float64Array {
  const tally = new Float64Array(layout.length);
  tally[0] = N;
  for (const [slot, count] of Object.entries(counts)) tally[Number(slot)] = count;
  return tally;
}

describe('maxHalfWidth', () => {
  const widest = wilsonHalfWidth(N / 2, N);
  const narrowest = wilsonHalfWidth(0, N);

  it('reads every reported proportion of every council', () => {
    const slots = ['elected', 'deadlock', 'noQuorum', 'blocGoverns', 'rivalElected'] as const;
    for (const start of layout.councilStart) {
      for (const name of slots) expect(maxHalfWidth(layout, tallyWith({ [start + COUNCIL_SLOTS[name]]: N / 2 })), `${name} at ${start}`).toBe(widest);
      for (const unit of [0, 1]) expect(maxHalfWidth(layout, tallyWith({ [start + COUNCIL_SLOTS.pivotal + unit]: N / 2 })), `pivotal ${unit} at ${start}`).toBe(widest);
    }
  });

  it('skips the margin sums, which are not proportions', () => {
    for (const start of layout.councilStart) {
      expect(maxHalfWidth(layout, tallyWith({ [start + COUNCIL_SLOTS.marginSum]: N / 2, [start + COUNCIL_SLOTS.marginSquares]: N / 2 }))).toBe(narrowest);
    }
  });

  it('reads "governs at least k" for k ≥ 1 as running sums from the top', () => {
    // Exactly 1 in 100 draws and exactly 2 in 100: at least 2 = 100, at least 1 = 200 = N/2.
    expect(maxHalfWidth(layout, tallyWith({ 20: 100, 21: 100 }))).toBe(widest);
    expect(maxHalfWidth(layout, tallyWith({ 21: 100 }))).toBe(wilsonHalfWidth(100, N));
    // "At least 0" is every draw, certain: the half-width of no success, the narrowest.
    expect(maxHalfWidth(layout, tallyWith({ 19: N }))).toBe(narrowest);
  });

  it('is 1/2 before any draw', () => {
    expect(maxHalfWidth(layout, new Float64Array(layout.length))).toBe(0.5);
  });
});

const coin: ProbabilisticScenario = {
  bloc: 'cf',
  councils: [
    {
      id: 'c',
      threshold: 2,
      quorum: 1,
      governedByBloc: true,
      units: [
        { id: 'a', seats: 2, attendance: [parseRational('1/2'), parseRational('1/2')], inCoalition: true, switchProbability: parseRational('0') },
        { id: 'b', seats: 1, attendance: [parseRational('1')], inCoalition: false, switchProbability: parseRational('0') },
      ],
    },
  ],
  shocks: [],
};

describe('progress of a precision run', () => {
  it('projects the draws from the half-width so far (n grows like 1/half-width²), never fewer than done nor more than the cap', () => {
    const compiled = compileScenario(coin);
    const plan = new MonteCarloPlan(compiled.layout, { seed: 5, precision: 0.002, maxRuns: 200 * BLOCK_SIZE });
    expect(plan.progress()).toEqual({ draws: 0, blocks: 0, halfWidth: 0.5, expectedDraws: 200 * BLOCK_SIZE });
    const request = plan.next()!;
    plan.complete(request.index, sampleBlock(compiled, 5, request.index, request.draws));
    const first = plan.progress();
    expect(first.draws).toBe(BLOCK_SIZE);
    expect(first.blocks).toBe(1);
    // Both a's members attend with probability 1/4 each way: proportions near 1/4..3/4, half-width near 0.013.
    expect(first.halfWidth).toBeGreaterThan(0.01);
    expect(first.expectedDraws).toBe(Math.ceil(BLOCK_SIZE * (first.halfWidth / 0.002) ** 2));
    expect(first.expectedDraws).toBeGreaterThan(10 * BLOCK_SIZE);
    expect(first.expectedDraws).toBeLessThan(200 * BLOCK_SIZE);

    const capped = new MonteCarloPlan(compiled.layout, { seed: 5, precision: 0.002, maxRuns: 2 * BLOCK_SIZE });
    const next = capped.next()!;
    capped.complete(next.index, sampleBlock(compiled, 5, next.index, next.draws));
    expect(capped.progress().expectedDraws).toBe(2 * BLOCK_SIZE);

    // Met at the first block: the projection is what was done, not less.
    const loose = new MonteCarloPlan(compiled.layout, { seed: 5, precision: 0.5 });
    const only = loose.next()!;
    loose.complete(only.index, sampleBlock(compiled, 5, only.index, only.draws));
    expect(loose.stopReason).toBe('precision');
    expect(loose.progress().expectedDraws).toBe(BLOCK_SIZE);
  });

  it('a runs plan expects exactly its runs', () => {
    const plan = new MonteCarloPlan(compileScenario(coin).layout, { runs: 12_345 });
    expect(plan.progress().expectedDraws).toBe(12_345);
    expect([plan.next(), plan.next(), plan.next(), plan.next()]).toEqual([
      { index: 0, draws: BLOCK_SIZE },
      { index: 1, draws: BLOCK_SIZE },
      { index: 2, draws: BLOCK_SIZE },
      { index: 3, draws: 12_345 - 3 * BLOCK_SIZE },
    ]);
    expect(plan.next()).toBeUndefined();
  });
});

describe('options at their edges', () => {
  it('takes the smallest and largest values allowed', () => {
    expect(resolveMonteCarloOptions({})).toEqual({ seed: 1, runs: undefined, precision: 0.005, limit: 100_000_000 });
    expect(resolveMonteCarloOptions({ seed: 0, runs: 1 })).toEqual({ seed: 0, runs: 1, precision: undefined, limit: 1 });
    expect(resolveMonteCarloOptions({ seed: MAX_SEED, precision: 0.5, maxRuns: 1 })).toEqual({ seed: MAX_SEED, runs: undefined, precision: 0.5, limit: 1 });
  });

  it('refuses each value just past an edge, saying what it expected', () => {
    const refused = (options: Parameters<typeof resolveMonteCarloOptions>[0]): string => {
      try {
        resolveMonteCarloOptions(options);
      } catch (error) {
        expect(error).toBeInstanceOf(GovsimUsageError);
        return (error as Error).message;
      }
      throw new Error('accepted');
    };
    expect(refused({ seed: MAX_SEED + 1 })).toBe(`seed must be an integer from 0 to ${MAX_SEED}, got ${MAX_SEED + 1}`);
    expect(refused({ runs: 0 })).toBe('runs must be a positive integer, got 0');
    expect(refused({ runs: 2.5 })).toBe('runs must be a positive integer, got 2.5');
    expect(refused({ runs: 5, precision: 0.1 })).toBe('give either runs or precision, not both');
    expect(refused({ precision: 0.5000001 })).toBe('precision must be in (0, 0.5], got 0.5000001');
    expect(refused({ precision: 0 })).toBe('precision must be in (0, 0.5], got 0');
    expect(refused({ precision: Number.NaN })).toBe('precision must be in (0, 0.5], got NaN');
    expect(refused({ maxRuns: 0 })).toBe('maxRuns must be a positive integer, got 0');
    expect(refused({ maxRuns: 1.5 })).toBe('maxRuns must be a positive integer, got 1.5');
  });
});
