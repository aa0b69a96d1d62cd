import { describe, expect, it } from 'vitest';
import { GovsimUsageError } from '../../src/model/errors.js';
import { type Rational, ONE, parseRational, rationalToNumber, ZERO } from '../../src/model/rational.js';
import {
  BLOCK_SIZE,
  COUNCIL_SLOTS,
  type ProbabilisticScenario,
  type ProbabilisticUnit,
  MonteCarloPlan,
  compileScenario,
  exactAvailability,
  exactScenarioOutcome,
  maxHalfWidth,
  mergeTally,
  sampleBlock,
  simulate,
  wilsonInterval,
} from '../../src/model/uncertainty/index.js';

const r = (text: string): Rational => parseRational(text);

function unit(id: string, seats: number, attend: string, inCoalition: boolean, switchProbability = '0'): ProbabilisticUnit {
  return { id, seats, attendance: Array.from({ length: seats }, () => r(attend)), inCoalition, switchProbability: r(switchProbability) };
}

/** Kirkuk-like and Najaf-like councils: uncertain attendance, defections, and one shock of each effect. */
const kirkuk: ProbabilisticScenario = {
  bloc: 'cf',
  councils: [
    {
      id: 'kirkuk',
      threshold: 9,
      quorum: 9,
      governedByBloc: false,
      units: [
        unit('puk', 5, '19/20', true, '1/50'),
        unit('qiyada', 2, '9/10', true, '1/10'),
        unit('ouroba', 1, '9/10', true, '3/20'),
        unit('babylon', 1, '19/20', true, '1/20'),
        unit('kdp', 2, '3/10', false, '1/20'),
        unit('arab-alliance', 3, '2/5', false, '1/10'),
        unit('itf', 2, '3/10', false, '1/20'),
      ],
    },
    {
      id: 'najaf',
      threshold: 8,
      quorum: 8,
      governedByBloc: true,
      units: [unit('nabni', 3, '9/10', true, '1/10'), unit('sol', 3, '9/10', true, '1/10'), unit('nsf', 2, '4/5', true, '1/5'), unit('others', 7, '7/10', false, '1/20')],
    },
  ],
  shocks: [
    { id: 'boycott', probability: r('1/2'), effect: 'absent', targets: [4, 5, 6].map((u) => ({ council: 0, unit: u })) },
    { id: 'cf-line', probability: r('7/10'), effect: 'support', targets: [0, 1, 2].map((u) => ({ council: 1, unit: u })) },
    { id: 'qiyada-walks', probability: r('1/5'), effect: 'oppose', targets: [{ council: 0, unit: 1 }] },
    // Fires after the boycott, so when both fire the KDP attends.
    { id: 'kdp-returns', probability: r('1/4'), effect: 'attend', targets: [{ council: 0, unit: 4 }] },
  ],
};

describe('seeded Monte Carlo', () => {
  it('the same seed gives identical results; different seeds differ', () => {
    const a = simulate(kirkuk, { seed: 11, runs: 20_000 });
    const b = simulate(kirkuk, { seed: 11, runs: 20_000 });
    const c = simulate(kirkuk, { seed: 12, runs: 20_000 });
    expect(b).toEqual(a);
    expect(c.councils[0]!.elected.count).not.toBe(a.councils[0]!.elected.count);
  });

  it('a run is its blocks, each from its own stream, merged in order (last block shorter)', () => {
    const runs = 2 * BLOCK_SIZE + 123;
    const result = simulate(kirkuk, { seed: 5, runs });
    const compiled = compileScenario(kirkuk);
    const total = new Float64Array(compiled.layout.length);
    // Computed in reverse order: the sum of integer counts does not depend on it.
    mergeTally(total, sampleBlock(compiled, 5, 2, 123));
    mergeTally(total, sampleBlock(compiled, 5, 1, BLOCK_SIZE));
    mergeTally(total, sampleBlock(compiled, 5, 0, BLOCK_SIZE));
    expect(result.draws).toBe(runs);
    expect(result.blocks).toBe(3);
    expect(result.stop).toBe('runs');
    expect(result.councils[0]!.elected.count).toBe(total[compiled.layout.councilStart[0]!]);
  });

  it('each proportion lands within its interval of the exact value', () => {
    const exact = exactScenarioOutcome(kirkuk);
    const mc = simulate(kirkuk, { seed: 2024, runs: 200_000 });
    const checks: [string, Rational, { count: number; low: number; high: number }][] = [];
    exact.councils.forEach((council, c) => {
      const estimate = mc.councils[c]!;
      checks.push([`${council.council} elected`, council.elected, estimate.elected]);
      checks.push([`${council.council} deadlock`, council.deadlock, estimate.deadlock]);
      checks.push([`${council.council} no-quorum`, council.noQuorum, estimate.noQuorum]);
      checks.push([`${council.council} bloc`, council.blocGoverns, estimate.blocGoverns]);
      for (const [id, p] of Object.entries(council.pivotal)) checks.push([`${council.council} pivotal ${id}`, p, estimate.pivotal[id]!]);
    });
    exact.blocGovernsAtLeast.forEach((p, k) => checks.push([`national ≥ ${k}`, p, mc.blocGovernsAtLeast[k]!]));
    let outside95 = 0;
    for (const [label, p, estimate] of checks) {
      const value = rationalToNumber(p);
      // Every value within a 99.9% interval (z = 3.29); at most a few of ~25 outside the reported 95% one.
      const wide = wilsonInterval(estimate.count, mc.draws, 3.2905);
      expect(value, label).toBeGreaterThanOrEqual(wide.low);
      expect(value, label).toBeLessThanOrEqual(wide.high);
      if (value < estimate.low || value > estimate.high) outside95++;
    }
    expect(outside95).toBeLessThanOrEqual(3);
    exact.councils.forEach((council, c) => {
      const margin = mc.councils[c]!.expectedMargin;
      const value = rationalToNumber(council.expectedMargin);
      const half = (margin.high - margin.low) / 2;
      expect(Math.abs(margin.mean - value)).toBeLessThan(1.7 * half); // 1.7·(1.96σ) ≈ 3.3σ
    });
  });

  it('stops at the first block boundary where the target precision is met', () => {
    const precision = 0.01;
    const result = simulate(kirkuk, { seed: 3, precision });
    expect(result.stop).toBe('precision');
    expect(result.halfWidth).toBeLessThan(precision);
    expect(result.draws % BLOCK_SIZE).toBe(0);
    // The same prefix one block shorter had not met it.
    const shorter = simulate(kirkuk, { seed: 3, runs: result.draws - BLOCK_SIZE });
    expect(shorter.halfWidth).toBeGreaterThanOrEqual(precision);
    // Worst case p = 1/2 needs about (1.96/(2·0.01))^2 ≈ 9604 draws: three blocks at most.
    expect(result.draws).toBeLessThanOrEqual(3 * BLOCK_SIZE);
  });

  it('an interrupted run reports the blocks merged so far', () => {
    let polls = 0;
    const result = simulate(kirkuk, { seed: 3, runs: 10 * BLOCK_SIZE }, { shouldStop: () => ++polls > 2 });
    expect(result.interrupted).toBe(true);
    expect(result.stop).toBe('interrupted');
    expect(result.draws).toBe(2 * BLOCK_SIZE);
    expect(result.councils[0]!.elected.count).toBe(simulate(kirkuk, { seed: 3, runs: 2 * BLOCK_SIZE }).councils[0]!.elected.count);
  });

  it('certain events: no randomness, exact counts, and the tally counts every draw once', () => {
    const sure: ProbabilisticScenario = {
      bloc: 'cf',
      councils: [{ id: 'c', threshold: 2, quorum: 2, governedByBloc: true, units: [unit('a', 2, '1', true), unit('b', 1, '0', false)] }],
      shocks: [],
    };
    const result = simulate(sure, { runs: 1000 });
    expect(result.councils[0]!.elected.count).toBe(1000);
    expect(result.councils[0]!.pivotal['a']!.count).toBe(1000);
    expect(result.councils[0]!.pivotal['b']!.count).toBe(0);
    expect(result.blocGovernsAtLeast.map((e) => e.count)).toEqual([1000, 1000]);
    expect(result.councils[0]!.expectedMargin.mean).toBe(0);
  });

  it('a certain switch flips the unit without drawing', () => {
    const flipped: ProbabilisticScenario = {
      bloc: 'cf',
      councils: [{ id: 'c', threshold: 1, quorum: 1, governedByBloc: false, units: [{ id: 'a', seats: 1, attendance: [ONE], inCoalition: true, switchProbability: ONE }] }],
      shocks: [],
    };
    expect(simulate(flipped, { runs: 10 }).councils[0]!.deadlock.count).toBe(10);
    expect(rationalToNumber(exactScenarioOutcome(flipped).councils[0]!.deadlock)).toBe(1);
    // Without drawing: put the certain switch before an uncertain council; if it consumed a number, the
    // uncertain council would see a shifted stream and a different tally than when it stands alone.
    const uncertain = kirkuk.councils[1]!;
    const aloneCompiled = compileScenario({ bloc: 'cf', councils: [uncertain], shocks: [] });
    const alone = sampleBlock(aloneCompiled, 4, 0, 2000);
    const compiled = compileScenario({ bloc: 'cf', councils: [flipped.councils[0]!, uncertain], shocks: [] });
    const after = sampleBlock(compiled, 4, 0, 2000);
    const start = compiled.layout.councilStart[1]!;
    expect(Array.from(after.subarray(start, compiled.layout.nationalStart))).toEqual(Array.from(alone.subarray(aloneCompiled.layout.councilStart[0], aloneCompiled.layout.nationalStart)));
    // …whereas an uncertain switch in front does consume one and shifts it.
    const drawing = compileScenario({ bloc: 'cf', councils: [{ ...flipped.councils[0]!, units: [{ ...flipped.councils[0]!.units[0]!, switchProbability: r('1/2') }] }, uncertain], shocks: [] });
    const shifted = sampleBlock(drawing, 4, 0, 2000);
    expect(Array.from(shifted.subarray(start, drawing.layout.nationalStart))).not.toEqual(Array.from(after.subarray(start, compiled.layout.nationalStart)));
  });

  it('rejects bad options with usage errors', () => {
    expect(() => simulate(kirkuk, { runs: 0 })).toThrow(GovsimUsageError);
    expect(() => simulate(kirkuk, { runs: 1.5 })).toThrow(GovsimUsageError);
    expect(() => simulate(kirkuk, { precision: 0 })).toThrow(GovsimUsageError);
    expect(() => simulate(kirkuk, { precision: 0.6 })).toThrow(GovsimUsageError);
    expect(() => simulate(kirkuk, { runs: 10, precision: 0.1 })).toThrow(GovsimUsageError);
    expect(() => simulate(kirkuk, { seed: -1 })).toThrow(GovsimUsageError);
  });
});

describe('the merge plan', () => {
  it('merges out-of-order blocks in block order and ignores blocks after the stop', () => {
    const compiled = compileScenario(kirkuk);
    const plan = new MonteCarloPlan(compiled.layout, { seed: 9, runs: 3 * BLOCK_SIZE });
    const requests = [plan.next()!, plan.next()!, plan.next()!];
    expect(plan.next()).toBeUndefined();
    const tallies = requests.map((request) => sampleBlock(compiled, 9, request.index, request.draws));
    plan.complete(2, tallies[2]!);
    plan.complete(1, tallies[1]!);
    expect(plan.mergedBlocks).toBe(0);
    plan.complete(0, tallies[0]!);
    expect(plan.mergedBlocks).toBe(3);
    expect(plan.finished).toBe(true);
    expect(plan.tally[0]).toBe(3 * BLOCK_SIZE);
    expect(maxHalfWidth(compiled.layout, plan.tally)).toBeGreaterThan(0);
    plan.complete(3, tallies[0]!);
    expect(plan.tally[0]).toBe(3 * BLOCK_SIZE);
  });
});

describe('Wilson score interval', () => {
  it('matches a hand computation', () => {
    // 40 of 100, z = 1.96, z² = 3.8416: center = (0.4 + 3.8416/200)/(1 + 3.8416/100) = 0.419208/1.038416 = 0.403699;
    // half = 1.96/1.038416 · sqrt(0.4·0.6/100 + 3.8416/40000) = 1.887490 · 0.049960 = 0.094300.
    const { low, high } = wilsonInterval(40, 100, 1.96);
    expect(low).toBeCloseTo(0.309399, 5);
    expect(high).toBeCloseTo(0.497999, 5);
  });

  it('is exactly [0, …] at no successes and […, 1] at all successes', () => {
    expect(wilsonInterval(0, 5000).low).toBe(0);
    expect(wilsonInterval(0, 5000).high).toBeCloseTo(1.96 ** 2 / (5000 + 1.96 ** 2), 6); // z²/(n + z²)
    expect(wilsonInterval(5000, 5000).high).toBe(1);
  });
});

describe('rival alignments in the sampler', () => {
  const certainUnit = (id: string, seats: number, inCoalition: boolean) => ({ id, seats, attendance: new Array<Rational>(seats).fill(ONE), inCoalition, switchProbability: ZERO });
  const scenario = (threshold: number, rivalSeats: number): ProbabilisticScenario => ({
    bloc: 'cf',
    shocks: [],
    councils: [
      {
        id: 'x',
        threshold,
        quorum: 1,
        units: [certainUnit('a', 2, true), certainUnit('b', rivalSeats, false), certainUnit('c', 1, false)],
        governedByBloc: false,
        rivals: [{ id: 'rump:b', units: [1], governedByBloc: true }],
      },
    ],
  });
  const counts = (model: ProbabilisticScenario) => {
    const compiled = compileScenario(model);
    const tally = sampleBlock(compiled, 1, 0, 10);
    const at = compiled.layout.councilStart[0]!;
    return { elected: tally[at + COUNCIL_SLOTS.elected], rival: tally[at + COUNCIL_SLOTS.rivalElected], deadlock: tally[at + COUNCIL_SLOTS.deadlock], cf: tally[at + COUNCIL_SLOTS.blocGoverns] };
  };

  it('the most votes at or above a low threshold win; equal best votes elect nobody (as the run decides)', () => {
    // Threshold 2 of 5 seats: the coalition a has 2, the rival b 3 ⇒ b wins every draw, and counts for cf.
    expect(counts(scenario(2, 3))).toEqual({ elected: 0, rival: 10, deadlock: 0, cf: 10 });
    // b 2 = a 2, both reach 2 ⇒ tie ⇒ deadlock every draw.
    expect(counts(scenario(2, 2))).toEqual({ elected: 0, rival: 0, deadlock: 10, cf: 0 });
    // Threshold 3 of 5: only b (3) reaches it.
    expect(counts(scenario(3, 3))).toEqual({ elected: 0, rival: 10, deadlock: 0, cf: 10 });
  });

  it('the exact engine declines a threshold of at most half the seats when rivals could tie', () => {
    expect(exactAvailability(scenario(2, 2))).toMatchObject({ available: false, reason: expect.stringMatching(/rival alignments could tie/) });
    expect(exactAvailability(scenario(4, 3))).toEqual({ available: true });
  });
});
