import { describe, expect, it } from 'vitest';
import { GovsimUsageError } from '../../src/model/errors.js';
import { type Rational, ONE, ZERO, formatRational, parseRational, rational } from '../../src/model/rational.js';
import {
  type ProbabilisticCouncil,
  type ProbabilisticScenario,
  type ProbabilisticUnit,
  atLeastDistribution,
  exactAvailability,
  exactCouncilOutcome,
  exactScenarioOutcome,
  exactWork,
  parseProbability,
  probabilityThreshold,
} from '../../src/model/uncertainty/index.js';

const r = (text: string): Rational => parseRational(text);
const f = (value: Rational): string => formatRational(value);

function unit(id: string, seats: number, attendance: Rational | readonly Rational[], inCoalition: boolean, switchProbability: Rational = ZERO): ProbabilisticUnit {
  return {
    id,
    seats,
    attendance: Array.isArray(attendance) ? (attendance as Rational[]) : Array.from({ length: seats }, () => attendance as Rational),
    inCoalition,
    switchProbability,
  };
}

function council(id: string, members: number, units: ProbabilisticUnit[], governedByBloc = false): ProbabilisticCouncil {
  const majority = Math.floor(members / 2) + 1;
  return { id, threshold: majority, quorum: majority, units, governedByBloc };
}

describe('probabilities written in files are read exactly', () => {
  it.each([
    [0.7, '7/10'],
    [0, '0'],
    [1, '1'],
    [0.05, '1/20'],
    [1e-7, '1/10000000'],
    ['0.70', '7/10'],
    ['7/10', '7/10'],
    ['2/4', '1/2'],
    ['3e-1', '3/10'],
    // 0.1 + 0.2 is not 0.3 in binary; its shortest text is what the file would have to say.
    [0.1 + 0.2, '7500000000000001/25000000000000000'], // 30000000000000004/10^17
  ])('%s is %s', (input, expected) => {
    const value = parseProbability(input);
    expect(typeof value).toBe('object');
    expect(f(value as Rational)).toBe(expected);
  });

  it.each([[-0.1], [1.5], [Number.NaN], [Number.POSITIVE_INFINITY], ['abc'], ['1/0'], ['3/2'], ['-1/2'], ['']])('%s is rejected with a message', (input) => {
    expect(typeof parseProbability(input)).toBe('string');
  });

  it('thresholds are round(p·2^32), 0 for p = 0 and 2^32 for p = 1', () => {
    expect(probabilityThreshold(ZERO)).toBe(0);
    expect(probabilityThreshold(ONE)).toBe(2 ** 32);
    expect(probabilityThreshold(r('1/2'))).toBe(2 ** 31);
    expect(probabilityThreshold(r('7/10'))).toBe(3006477107); // 0.7·2^32 = 3006477107.2
    expect(probabilityThreshold(r('1/3'))).toBe(1431655765); // 2^32/3 = 1431655765.33
  });
});

describe('exact outcome of one council (hand-computed)', () => {
  it('3 members each present with p = 1/2, quorum 2: P(quorum) = 1/2', () => {
    // One unit of 3 seats backing the candidate; threshold = quorum = 2.
    // P(≥2 present) = (C(3,2) + C(3,3))/8 = 4/8. Whenever the vote is held, all present vote yes.
    // E[votes] = 3/2, so the expected margin is 3/2 − 2 = −1/2. The unit decides every held vote.
    const outcome = exactCouncilOutcome({ id: 'tiny', threshold: 2, quorum: 2, governedByBloc: true, units: [unit('a', 3, r('1/2'), true)] });
    expect(f(outcome.noQuorum)).toBe('1/2');
    expect(f(outcome.elected)).toBe('1/2');
    expect(f(outcome.deadlock)).toBe('0');
    expect(f(outcome.blocGoverns)).toBe('1/2');
    expect(f(outcome.expectedMargin)).toBe('-1/2');
    expect(f(outcome.pivotal['a']!)).toBe('1/2');
  });

  // Kirkuk, 10 Aug 2024 (data/iraq-2023/dataset.yaml rules and outcomes-2024.yaml): 16 members, majority and quorum 9. PUK 5, Qiyada 2,
  // Ouroba 1 and Babylon 1 attended and elected the governor; KDP 2, Arab Alliance 3 and ITF 2 stayed away.
  const kirkukUnits = (attend: Rational): ProbabilisticUnit[] => [
    unit('puk', 5, attend, true),
    unit('qiyada', 2, attend, true),
    unit('ouroba', 1, attend, true),
    unit('babylon', 1, attend, true),
    unit('kdp', 2, ZERO, false),
    unit('arab-alliance', 3, ZERO, false),
    unit('itf', 2, ZERO, false),
  ];

  it('Kirkuk as it happened: 9 of 16 present elect with certainty, every coalition unit pivotal', () => {
    const outcome = exactCouncilOutcome(council('kirkuk', 16, kirkukUnits(ONE)));
    expect(f(outcome.elected)).toBe('1');
    expect(f(outcome.expectedMargin)).toBe('0'); // 9 votes − 9 needed
    for (const id of ['puk', 'qiyada', 'ouroba', 'babylon']) expect(f(outcome.pivotal[id]!)).toBe('1');
    for (const id of ['kdp', 'arab-alliance', 'itf']) expect(f(outcome.pivotal[id]!)).toBe('0');
  });

  it('Kirkuk when each of the 9 attends with p = 0.9: elected only if all 9 come, 0.9^9', () => {
    // Nobody else attends, so the quorum of 9 is met only by all 9 coalition members.
    const outcome = exactCouncilOutcome(council('kirkuk', 16, kirkukUnits(r('9/10'))));
    expect(f(outcome.elected)).toBe('387420489/1000000000'); // 9^9 / 10^9
    expect(f(outcome.noQuorum)).toBe('612579511/1000000000');
    expect(f(outcome.deadlock)).toBe('0');
    // E[votes] = 9·0.9 = 8.1, margin −0.9; each unit is pivotal exactly when the vote is held.
    expect(f(outcome.expectedMargin)).toBe('-9/10');
    expect(f(outcome.pivotal['ouroba']!)).toBe('387420489/1000000000');
  });

  it('defection and joining: one unit switching side decides', () => {
    // 5 members all present, threshold 3. Coalition a (2) + b (1); c (2) outside.
    // b defects with 1/4, c joins with 1/3. Votes = 2 + [b stays]·1 + [c joins]·2.
    // Elected unless (b defects and c stays out): 1 − (1/4)(2/3) = 5/6.
    // Pivotal: a (2 seats) always: others are b+c ∈ {0,1,2,3}; a pivotal iff others ∈ {1,2}:
    //   P(others=1) = (3/4)(2/3) = 1/2, P(others=2) = (1/4)(1/3) = 1/12 → 7/12.
    // b pivotal iff others (a + c ∈ {2, 4}) = 2, i.e. c out: 2/3.
    // c pivotal iff others (a + b ∈ {2, 3}) ∈ {1, 2}, i.e. b defects: 1/4.
    // E[votes] = 2 + 3/4 + 2/3 = 41/12, margin 41/12 − 3 = 5/12.
    const outcome = exactCouncilOutcome({
      id: 'swing',
      threshold: 3,
      quorum: 3,
      governedByBloc: false,
      units: [unit('a', 2, ONE, true), unit('b', 1, ONE, true, r('1/4')), unit('c', 2, ONE, false, r('1/3'))],
    });
    expect(f(outcome.elected)).toBe('5/6');
    expect(f(outcome.deadlock)).toBe('1/6');
    expect(f(outcome.pivotal['a']!)).toBe('7/12');
    expect(f(outcome.pivotal['b']!)).toBe('2/3');
    expect(f(outcome.pivotal['c']!)).toBe('1/4');
    expect(f(outcome.expectedMargin)).toBe('5/12');
    expect(f(outcome.blocGoverns)).toBe('0');
  });

  it('per-member attendance lists: Diyala 1 Aug 2024, 11 of 15 present', () => {
    // Diyala: 15 members, quorum and majority 8. Model the 4 boycotters (Muthanna al-Tamimi and 3 of
    // his tribe) as one unit whose members come with 0, 1/2, 1/2, 1 (one surely attends), and 11
    // others of whom 7 back the candidate for sure. Present ≥ 8 always (11 + ≥1); votes: 7 + nothing
    // from the boycotters (outside) → always deadlock unless the coalition is 8. With coalition 8 of the
    // 11 the vote always passes.
    const make = (backing: number): ProbabilisticCouncil =>
      council('diyala', 15, [
        unit('coalition', backing, ONE, true),
        unit('rest', 11 - backing, ONE, false),
        unit('boycott', 4, [ZERO, r('1/2'), r('1/2'), ONE], false),
      ]);
    expect(f(exactCouncilOutcome(make(7)).deadlock)).toBe('1');
    const eight = exactCouncilOutcome(make(8));
    expect(f(eight.elected)).toBe('1');
    expect(f(eight.noQuorum)).toBe('0');
    // E[boycotters present] = 0 + 1/2 + 1/2 + 1 = 2, but they vote against: margin 8 − 8 = 0.
    expect(f(eight.expectedMargin)).toBe('0');
  });
});

describe('shocks are conditioned on exactly', () => {
  it('Kirkuk with a boycott that holds with p = 7/10 (hand-computed)', () => {
    // The 9 coalition members attend with 9/10 each. Shock "boycott holds" (p = 7/10, effect absent)
    // on KDP, Arab Alliance, ITF; if it breaks, their 7 members attend and vote against.
    // Elected needs 9 votes = all 9 coalition members: 0.9^9 either way.
    // Holds: no quorum unless all 9 come: 0.7·(1 − 0.9^9).
    // Breaks (0.3): 7 + X present, X ~ Bin(9, 0.9); no quorum iff X ≤ 1: 0.1^9 + 9·0.9·0.1^8 = 82·10^-9.
    // So P(no quorum) = 0.7·(1 − 0.9^9) + 0.3·82e-9 and deadlock = 0.3·(1 − 0.9^9 − 82e-9).
    const units: ProbabilisticUnit[] = [
      unit('puk', 5, r('9/10'), true),
      unit('qiyada', 2, r('9/10'), true),
      unit('ouroba', 1, r('9/10'), true),
      unit('babylon', 1, r('9/10'), true),
      unit('kdp', 2, ONE, false),
      unit('arab-alliance', 3, ONE, false),
      unit('itf', 2, ONE, false),
    ];
    const scenario: ProbabilisticScenario = {
      bloc: 'cf',
      councils: [council('kirkuk', 16, units)],
      shocks: [{ id: 'boycott-holds', probability: r('7/10'), effect: 'absent', targets: [4, 5, 6].map((u) => ({ council: 0, unit: u })) }],
    };
    const outcome = exactScenarioOutcome(scenario);
    const kirkuk = outcome.councils[0]!;
    const allNine = 387420489n; // ·10^-9
    expect(kirkuk.elected).toEqual(rational(allNine, 10n ** 9n));
    expect(kirkuk.noQuorum).toEqual(rational(7n * (10n ** 9n - allNine) + 3n * 82n, 10n ** 10n));
    expect(kirkuk.deadlock).toEqual(rational(3n * (10n ** 9n - allNine - 82n), 10n ** 10n));
    expect(outcome.shockCombinations).toBe(2);
  });

  it('a bloc line that holds with p = 0.7 moves its units together (national tally)', () => {
    // Two councils, each: CF unit x (3 seats) in the coalition, defects alone with 1/2; threshold 2.
    // Shock "cf line holds" (p = 7/10, effect support) on both x's.
    // Per council: P(elected) = 7/10 + 3/10·1/2 = 17/20.
    // Both elected: 7/10 + 3/10·1/4 = 31/40 (not (17/20)^2 = 289/400: the councils are correlated).
    const make = (id: string): ProbabilisticCouncil => ({
      id,
      threshold: 2,
      quorum: 2,
      governedByBloc: true,
      units: [unit('x', 3, ONE, true, r('1/2'))],
    });
    const scenario: ProbabilisticScenario = {
      bloc: 'cf',
      councils: [make('najaf'), make('maysan')],
      shocks: [{ id: 'cf-line', probability: r('7/10'), effect: 'support', targets: [{ council: 0, unit: 0 }, { council: 1, unit: 0 }] }],
    };
    const outcome = exactScenarioOutcome(scenario);
    expect(outcome.councils.map((c) => f(c.elected))).toEqual(['17/20', '17/20']);
    expect(outcome.blocGovernsAtLeast.map(f)).toEqual(['1', '37/40', '31/40']); // ≥1: 1 − 3/10·1/4
  });

  it('later shocks override earlier ones on the same unit', () => {
    // Both shocks surely fire; "oppose" comes after "support", so the unit votes against.
    const scenario: ProbabilisticScenario = {
      bloc: 'cf',
      councils: [{ id: 'c', threshold: 1, quorum: 1, governedByBloc: false, units: [unit('x', 1, ONE, false)] }],
      shocks: [
        { id: 'first', probability: ONE, effect: 'support', targets: [{ council: 0, unit: 0 }] },
        { id: 'second', probability: ONE, effect: 'oppose', targets: [{ council: 0, unit: 0 }] },
      ],
    };
    expect(f(exactScenarioOutcome(scenario).councils[0]!.deadlock)).toBe('1');
  });

  it('defers to Monte Carlo beyond the shock limit', () => {
    const shocks = Array.from({ length: 3 }, (_, s) => ({ id: `s${s}`, probability: r('1/2'), effect: 'absent' as const, targets: [{ council: 0, unit: 0 }] }));
    const scenario: ProbabilisticScenario = { bloc: 'cf', councils: [council('c', 3, [unit('x', 3, ONE, true)])], shocks };
    expect(exactAvailability(scenario, { maxShocks: 2 }).available).toBe(false);
    expect(() => exactScenarioOutcome(scenario, { maxShocks: 2 })).toThrow(GovsimUsageError);
    expect(exactScenarioOutcome(scenario, { maxShocks: 3 }).shockCombinations).toBe(8);
  });

  it('defers to Monte Carlo when the estimated work exceeds the budget', () => {
    // One council of 3 seats (threshold = quorum = 2), one unit, 2 uncertain shocks:
    // 2^2 combinations × 1·(1 + 2) unit steps × 3·3 states × 2·(3 + 1) outcomes = 864.
    const shocks = Array.from({ length: 2 }, (_, s) => ({ id: `s${s}`, probability: r('1/2'), effect: 'absent' as const, targets: [{ council: 0, unit: 0 }] }));
    const scenario: ProbabilisticScenario = { bloc: 'cf', councils: [council('c', 3, [unit('x', 3, ONE, true)])], shocks };
    expect(exactWork(scenario)).toBe(864);
    expect(exactAvailability(scenario, { maxWork: 863 }).available).toBe(false);
    expect(exactAvailability(scenario, { maxWork: 864 }).available).toBe(true);
  });
});

describe('national tally', () => {
  it('P(at least k) for independent councils (Poisson binomial)', () => {
    // 1/2, 1/3: P(0) = 1/2·2/3 = 1/3, P(2) = 1/6, P(1) = 1/2; at least: 1, 2/3, 1/6.
    expect(atLeastDistribution([r('1/2'), r('1/3')]).map(f)).toEqual(['1', '2/3', '1/6']);
    expect(atLeastDistribution([]).map(f)).toEqual(['1']);
  });
});
