/**
 * Which random numbers a Monte Carlo block consumes, checked against the documented generator re-implemented
 * in BigInt arithmetic (test/helpers/bigint-random.ts: xoshiro128** 1.1 seeded per stream as src/model/random.ts states), so a
 * tally for a given seed is pinned by an independent computation rather than by the code under test.
 */
import { describe, expect, it } from 'vitest';
import { ONE, parseRational } from '../../src/model/rational.js';
import { streamOutputsBig as outputs } from '../helpers/bigint-random.js';
import { BLOCK_SIZE, type ProbabilisticScenario, COUNCIL_SLOTS, compileScenario, sampleBlock, simulate } from '../../src/model/uncertainty/index.js';

/**
 * One council, one member who surely attends and switches side with probability 1/2: each draw consumes
 * exactly one number, and the council deadlocks exactly when it is below round(1/2 · 2^32) = 2^31.
 */
const coin: ProbabilisticScenario = {
  bloc: 'cf',
  councils: [{ id: 'c', threshold: 1, quorum: 1, governedByBloc: true, units: [{ id: 'a', seats: 1, attendance: [ONE], inCoalition: true, switchProbability: parseRational('1/2') }] }],
  shocks: [],
};

const deadlocksOf = (seed: number, stream: number, draws: number): number => outputs(seed, stream, draws).filter((x) => x < 2n ** 31n).length;

describe('Monte Carlo streams', () => {
  // Compiled inside each test, never while the file is collected.
  const compiledCoin = () => {
    const compiled = compileScenario(coin);
    return { compiled, deadlockAt: compiled.layout.councilStart[0]! + COUNCIL_SLOTS.deadlock };
  };

  it('block b of seed S draws from stream (S, b): its tally equals the independent count', () => {
    const { compiled, deadlockAt } = compiledCoin();
    for (const [seed, block] of [[7, 0], [7, 1], [7, 2], [8, 0], [2 ** 40 + 3, 5]] as const) {
      expect(sampleBlock(compiled, seed, block, 1000)[deadlockAt], `seed ${seed} block ${block}`).toBe(deadlocksOf(seed, block, 1000));
    }
  });

  it('blocks are distinct streams: block 1 of seed 7 is not block 0 of seed 8', () => {
    const { compiled } = compiledCoin();
    const block1 = outputs(7, 1, 64);
    expect(block1).not.toEqual(outputs(8, 0, 64));
    expect(block1).not.toEqual(outputs(7, 0, 64));
    const tally = (seed: number, block: number): number[] => Array.from(sampleBlock(compiled, seed, block, 1000));
    expect(tally(7, 1)).not.toEqual(tally(8, 0));
    expect(tally(7, 1)).not.toEqual(tally(7, 0));
  });

  it('a seeded run is pinned: seed 7, two full blocks and 500 more draws', () => {
    const runs = 2 * BLOCK_SIZE + 500;
    const expected = deadlocksOf(7, 0, BLOCK_SIZE) + deadlocksOf(7, 1, BLOCK_SIZE) + deadlocksOf(7, 2, 500);
    const result = simulate(coin, { seed: 7, runs });
    expect(result.councils[0]!.deadlock.count).toBe(expected);
    expect(result.councils[0]!.elected.count).toBe(runs - expected);
  });
});
