/**
 * The exact engine's gatekeeping and shock bookkeeping (src/model/uncertainty/exact.ts, up to the national
 * tally): which shocks count as uncertain, the work estimate, the reasons it defers to Monte Carlo, and the
 * shock combinations it conditions on.
 */
import { describe, expect, it } from 'vitest';
import { GovsimUsageError } from '../../src/model/errors.js';
import { type Rational, ONE, ZERO, formatRational, parseRational } from '../../src/model/rational.js';
import {
  type ProbabilisticCouncil,
  type ProbabilisticScenario,
  type ProbabilisticUnit,
  type Shock,
  exactAvailability,
  exactScenarioOutcome,
  exactWork,
} from '../../src/model/uncertainty/index.js';
import { thrown } from '../helpers/errors.js';

const r = (text: string): Rational => parseRational(text);
const f = (value: Rational): string => formatRational(value);

function unit(id: string, seats: number, attendance: Rational, inCoalition: boolean): ProbabilisticUnit {
  return { id, seats, attendance: Array.from({ length: seats }, () => attendance), inCoalition, switchProbability: ZERO };
}

/**
 * One coalition unit of 3 seats, threshold = quorum = 2. Its work per shock combination is
 * 1·(⌈log2 2⌉ + 2) unit steps × 3·3 states × 2·(3 + 1) outcomes = 3·9·8 = 216.
 */
function small(id: string, attendance: Rational = ONE): ProbabilisticCouncil {
  return { id, threshold: 2, quorum: 2, governedByBloc: true, units: [unit('x', 3, attendance, true)] };
}

function shock(id: string, probability: Rational, targets: Shock['targets'], effect: Shock['effect'] = 'absent'): Shock {
  return { id, probability, effect, targets };
}

describe('only uncertain shocks that touch a council count', () => {
  it('the work estimate doubles per uncertain shock on the council, not for certain, impossible or target-less ones', () => {
    // c0: s0 (1/2) touches it → 2·216 = 432. c1: s1 (p = 0) and s2 (p = 1) touch it but are certain → 216.
    // s3 (1/2) targets nothing, s0 does not target c1. Total 432 + 216 = 648.
    const scenario: ProbabilisticScenario = {
      bloc: 'cf',
      councils: [small('c0'), small('c1')],
      shocks: [
        shock('s0', r('1/2'), [{ council: 0, unit: 0 }]),
        shock('s1', ZERO, [{ council: 1, unit: 0 }]),
        shock('s2', ONE, [{ council: 1, unit: 0 }]),
        shock('s3', r('1/2'), []),
      ],
    };
    expect(exactWork(scenario)).toBe(648);
  });

  it('each rival alignment adds one more programme to the work estimate', () => {
    // Units x (3, coalition) and y (2, rival r): 5 seats, threshold = quorum = 3 (above half, so no tie).
    // 2·(⌈log2 2⌉ + 2) = 6 unit steps × 4·4 states × 2·(3 + 1) outcomes = 768, × (1 + 1 rival) = 1536.
    const scenario: ProbabilisticScenario = {
      bloc: 'cf',
      councils: [
        {
          id: 'c',
          threshold: 3,
          quorum: 3,
          governedByBloc: true,
          units: [unit('x', 3, ONE, true), unit('y', 2, ONE, false)],
          rivals: [{ id: 'r', units: [1], governedByBloc: false }],
        },
      ],
      shocks: [],
    };
    expect(exactWork(scenario)).toBe(1536);
    expect(exactAvailability(scenario, { maxWork: 1536 }).available).toBe(true);
    expect(exactAvailability(scenario, { maxWork: 1535 }).available).toBe(false);
  });

  it('certain, impossible and target-less shocks pass a shock limit of 0 and are not conditioned on', () => {
    // s1 (absent, p = 1) surely keeps x away; s2 (attend, p = 0) never fires; s0 moves nobody.
    // So no uncertain shock (limit 0 is met), one combination of non-zero probability (s1 fired, s2 not),
    // and x's 3 seats never come: P(no quorum) = 1.
    const scenario: ProbabilisticScenario = {
      bloc: 'cf',
      councils: [small('c', r('1/2'))],
      shocks: [shock('s0', r('1/2'), []), shock('s1', ONE, [{ council: 0, unit: 0 }]), shock('s2', ZERO, [{ council: 0, unit: 0 }], 'attend')],
    };
    expect(exactAvailability(scenario, { maxShocks: 0 })).toEqual({ available: true });
    const outcome = exactScenarioOutcome(scenario, { maxShocks: 0 });
    expect(outcome.shockCombinations).toBe(1);
    expect(f(outcome.councils[0]!.noQuorum)).toBe('1');
    expect(f(outcome.councils[0]!.elected)).toBe('0');
  });

  it('a target-less uncertain shock is not split on, and the council keeps its own law', () => {
    // s0 (1/2) moves nobody: one combination. x's 3 members each come with 1/2, quorum 2:
    // P(≥ 2 of 3) = (3 + 1)/8 = 1/2.
    const scenario: ProbabilisticScenario = { bloc: 'cf', councils: [small('c', r('1/2'))], shocks: [shock('s0', r('1/2'), [])] };
    const outcome = exactScenarioOutcome(scenario);
    expect(outcome.shockCombinations).toBe(1);
    expect(f(outcome.councils[0]!.elected)).toBe('1/2');
    expect(outcome.blocGovernsAtLeast.map(f)).toEqual(['1', '1/2']);
  });
});

describe('the reasons for deferring to Monte Carlo', () => {
  it('too many uncertain shocks: the count, the combinations and the limit', () => {
    const shocks = Array.from({ length: 3 }, (_, s) => shock(`s${s}`, r('1/2'), [{ council: 0, unit: 0 }]));
    const scenario: ProbabilisticScenario = { bloc: 'cf', councils: [small('c')], shocks };
    const reason = '3 uncertain shocks: exact conditioning needs 2^3 combinations (limit 2^2); use Monte Carlo';
    expect(exactAvailability(scenario, { maxShocks: 2 })).toEqual({ available: false, reason });
    expect(thrown(() => exactScenarioOutcome(scenario, { maxShocks: 2 }), GovsimUsageError).message).toBe(reason);
  });

  it('too much work: the estimate and the budget in millions of state updates', () => {
    // 13 uncertain shocks on the 216-update council: 2^13·216 = 8192·216 = 1 769 472 ≈ 2 M; budget 1 M.
    const shocks = Array.from({ length: 13 }, (_, s) => shock(`s${s}`, r('1/2'), [{ council: 0, unit: 0 }]));
    const scenario: ProbabilisticScenario = { bloc: 'cf', councils: [small('c')], shocks };
    expect(exactWork(scenario)).toBe(1_769_472);
    expect(exactAvailability(scenario, { maxShocks: 13, maxWork: 1_000_000 })).toEqual({
      available: false,
      reason: 'the exact computation would take about 2 M state updates (budget 1 M); use Monte Carlo',
    });
  });

  it('a threshold of exactly half the seats with a rival could tie, so it defers', () => {
    // 4 seats, threshold 2: coalition x (2) and rival y (2) could both reach 2.
    const scenario: ProbabilisticScenario = {
      bloc: 'cf',
      councils: [
        {
          id: 'even',
          threshold: 2,
          quorum: 2,
          governedByBloc: true,
          units: [unit('x', 2, ONE, true), unit('y', 2, ONE, false)],
          rivals: [{ id: 'r', units: [1], governedByBloc: false }],
        },
      ],
      shocks: [],
    };
    expect(exactAvailability(scenario)).toEqual({
      available: false,
      reason: 'in even the threshold 2 is at most half the seats, so rival alignments could tie; use Monte Carlo',
    });
  });

  it('a low threshold without rivals cannot tie, so it is computed exactly', () => {
    // 3 seats each present with 1/2, threshold = quorum = 1: elected unless all 3 stay away, 1 − 1/8 = 7/8.
    const low: ProbabilisticCouncil = { id: 'low', threshold: 1, quorum: 1, governedByBloc: true, units: [unit('x', 3, r('1/2'), true)] };
    const scenario: ProbabilisticScenario = { bloc: 'cf', councils: [low], shocks: [] };
    expect(exactAvailability(scenario)).toEqual({ available: true });
    expect(f(exactScenarioOutcome(scenario).councils[0]!.elected)).toBe('7/8');
  });
});
