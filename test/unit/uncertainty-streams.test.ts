/**
 * Which random numbers a Monte Carlo block consumes, checked against the documented generator re-implemented
 * here in BigInt arithmetic (xoshiro128** 1.1 seeded per stream as src/model/random.ts's header states), so a
 * tally for a given seed is pinned by an independent computation rather than by the code under test.
 */
import { describe, expect, it } from 'vitest';
import { ONE, parseRational } from '../../src/model/rational.js';
import { BLOCK_SIZE, type ProbabilisticScenario, COUNCIL_SLOTS, compileScenario, sampleBlock, simulate } from '../../src/model/uncertainty/index.js';

const M32 = 0xffffffffn;
const GAMMA = 0x9e3779b9n;

function fmix(x: bigint): bigint {
  let z = x & M32;
  z = ((z ^ (z >> 16n)) * 0x85ebca6bn) & M32;
  z = ((z ^ (z >> 13n)) * 0xc2b2ae35n) & M32;
  return z ^ (z >> 16n);
}

const rotl = (x: bigint, k: bigint): bigint => ((x << k) | (x >> (32n - k))) & M32;

/** The first `count` uint32 outputs of stream `stream` of `seed`. */
function outputs(seed: number, stream: number, count: number): bigint[] {
  const big = BigInt(seed);
  let key = fmix(fmix(fmix(((big & M32) + GAMMA) & M32) ^ (big >> 32n)) ^ BigInt(stream));
  const s = [0, 1, 2, 3].map(() => {
    key = (key + GAMMA) & M32;
    return fmix(key);
  });
  const out: bigint[] = [];
  for (let i = 0; i < count; i++) {
    out.push((rotl((s[1]! * 5n) & M32, 7n) * 9n) & M32);
    const t = (s[1]! << 9n) & M32;
    s[2] = s[2]! ^ s[0]!;
    s[3] = s[3]! ^ s[1]!;
    s[1] = s[1]! ^ s[2];
    s[0] = s[0]! ^ s[3];
    s[2] = s[2] ^ t;
    s[3] = rotl(s[3], 11n);
  }
  return out;
}

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
  const compiled = compileScenario(coin);
  const deadlockAt = compiled.layout.councilStart[0]! + COUNCIL_SLOTS.deadlock;

  it('block b of seed S draws from stream (S, b): its tally equals the independent count', () => {
    for (const [seed, block] of [[7, 0], [7, 1], [7, 2], [8, 0], [2 ** 40 + 3, 5]] as const) {
      expect(sampleBlock(compiled, seed, block, 1000)[deadlockAt], `seed ${seed} block ${block}`).toBe(deadlocksOf(seed, block, 1000));
    }
  });

  it('blocks are distinct streams: block 1 of seed 7 is not block 0 of seed 8', () => {
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
