/**
 * Exact outcome probabilities by dynamic programming over seats: no sampling, exact fractions.
 *
 * For independent events the joint law of (members present, votes for the candidate) is built unit by
 * unit. Only "present ≥ quorum" and "votes ≥ threshold" matter, so both counts are capped (present at
 * the quorum, votes at the threshold) and the state space is (quorum+1)·(threshold+1) whatever the
 * council size. Weights are BigInt numerators over one running denominator (the product of every
 * probability's denominator), so the inner loop multiplies and adds without a gcd; fractions are
 * reduced once, at the end.
 *
 * Pivotality of unit i needs the law of the others without i. All n leave-one-out laws come from a
 * divide-and-conquer pass (convolve one half, recurse into the other): O(n log n) unit steps rather
 * than n².
 *
 * Shocks make units dependent; the engine conditions on every combination of shock outcomes (2^k
 * mixtures, within a council only the shocks that touch it) and mixes the independent results.
 */
import { GovsimUsageError } from '../errors.js';
import { type Rational, ONE, ZERO, add, mul, rational, sub } from '../rational.js';
import { complement } from './probability.js';
import { type ProbabilisticCouncil, type ProbabilisticScenario, type ProbabilisticUnit, assertValidModel, councilUnderShocks } from './model.js';

export interface ExactCouncilOutcome {
  readonly council: string;
  readonly elected: Rational;
  readonly deadlock: Rational;
  readonly noQuorum: Rational;
  /** P(another alignment (a rival) is elected). */
  readonly rivalElected: Rational;
  /** P(an alignment is elected and the election counts for the tracked bloc). */
  readonly blocGoverns: Rational;
  /** E[votes − threshold] over all draws. */
  readonly expectedMargin: Rational;
  /** P(the unit is pivotal), by unit id. */
  readonly pivotal: Readonly<Record<string, Rational>>;
}

export interface ExactScenarioOutcome {
  readonly bloc: string;
  readonly councils: readonly ExactCouncilOutcome[];
  /** `blocGovernsAtLeast[k]` = P(the bloc governs at least k of the councils), k = 0..councils.length. */
  readonly blocGovernsAtLeast: readonly Rational[];
  /** Shock combinations with non-zero probability that were conditioned on. */
  readonly shockCombinations: number;
}

/** How many shocks the exact engine conditions on (2^k mixtures) before it defers to Monte Carlo. */
export const DEFAULT_MAX_EXACT_SHOCKS = 10;

/**
 * Work budget of the exact engine, in state updates (about 50 ns each): a Baghdad-sized council costs
 * about 0.6 M per shock combination, so the default (about 5 s) covers any council under a few
 * shocks but not every council under ten.
 */
export const DEFAULT_MAX_EXACT_WORK = 100_000_000;

export interface ExactOptions {
  readonly maxShocks?: number;
  readonly maxWork?: number;
}

function isUncertain(p: Rational): boolean {
  return p.num !== 0n && p.num !== p.den;
}

/** Estimated state updates: per council, its uncertain shock combinations × n log n unit steps × states × outcomes per unit. */
export function exactWork(scenario: ProbabilisticScenario): number {
  let work = 0;
  scenario.councils.forEach((council, c) => {
    const shocks = scenario.shocks.filter((shock) => isUncertain(shock.probability) && shock.targets.some((target) => target.council === c)).length;
    const units = council.units.length;
    const steps = units * (Math.ceil(Math.log2(Math.max(units, 2))) + 2);
    const states = (council.quorum + 1) * (council.threshold + 1);
    const outcomes = 2 * (Math.max(0, ...council.units.map((unit) => unit.seats)) + 1);
    // One programme for the simulated alignment, one (without pivots: about a third) per rival.
    work += 2 ** shocks * steps * states * outcomes * (1 + (council.rivals?.length ?? 0));
  });
  return work;
}

export type ExactAvailability = { readonly available: true } | { readonly available: false; readonly reason: string };

export function exactAvailability(scenario: ProbabilisticScenario, options: ExactOptions = {}): ExactAvailability {
  const limit = options.maxShocks ?? DEFAULT_MAX_EXACT_SHOCKS;
  const uncertain = scenario.shocks.filter((shock) => shock.targets.length > 0 && isUncertain(shock.probability));
  if (uncertain.length > limit) {
    return {
      available: false,
      reason: `${uncertain.length} uncertain shocks: exact conditioning needs 2^${uncertain.length} combinations (limit 2^${limit}); use Monte Carlo`,
    };
  }
  // Two alignments can both reach a threshold of at most half the seats: the tie rule then needs the
  // joint law of their votes, which this programme does not keep.
  const tied = scenario.councils.find((council) => (council.rivals?.length ?? 0) > 0 && 2 * council.threshold <= council.units.reduce((sum, unit) => sum + unit.seats, 0));
  if (tied !== undefined) {
    return { available: false, reason: `in ${tied.id} the threshold ${tied.threshold} is at most half the seats, so rival alignments could tie; use Monte Carlo` };
  }
  const work = exactWork(scenario);
  const budget = options.maxWork ?? DEFAULT_MAX_EXACT_WORK;
  if (work > budget) {
    return {
      available: false,
      reason: `the exact computation would take about ${(work / 1e6).toFixed(0)} M state updates (budget ${(budget / 1e6).toFixed(0)} M); use Monte Carlo`,
    };
  }
  return { available: true };
}

/** Exact probabilities for every council and the national tally. Throws GovsimUsageError if too many shocks. */
export function exactScenarioOutcome(scenario: ProbabilisticScenario, options: ExactOptions = {}): ExactScenarioOutcome {
  assertValidModel(scenario);
  const availability = exactAvailability(scenario, options);
  if (!availability.available) throw new GovsimUsageError(availability.reason);

  const shocks = scenario.shocks;
  // Shocks that can move anything, in declaration order (order matters for overlapping effects).
  const active = shocks.map((shock, s) => s).filter((s) => shocks[s]!.targets.length > 0);
  const touching = scenario.councils.map((_council, c) => active.filter((s) => shocks[s]!.targets.some((target) => target.council === c)));

  // Per council: the outcome under each combination of the shocks touching it, cached by sub-mask.
  const conditional = scenario.councils.map(() => new Map<string, ExactCouncilOutcome>());
  const outcomeUnder = (c: number, fired: readonly boolean[]): ExactCouncilOutcome => {
    const key = touching[c]!.map((s) => (fired[s] ? '1' : '0')).join('');
    let outcome = conditional[c]!.get(key);
    if (outcome === undefined) {
      outcome = exactCouncilOutcome(councilUnderShocks(scenario.councils[c]!, c, shocks, fired));
      conditional[c]!.set(key, outcome);
    }
    return outcome;
  };

  const councilCount = scenario.councils.length;
  const mixed: MutableOutcome[] = scenario.councils.map((council) => emptyOutcome(council));
  let atLeast: Rational[] = new Array<Rational>(councilCount + 1).fill(ZERO);
  let combinations = 0;

  for (const { fired, weight } of shockCombinations(shocks, active)) {
    combinations++;
    const governs: Rational[] = [];
    for (let c = 0; c < councilCount; c++) {
      const outcome = outcomeUnder(c, fired);
      accumulate(mixed[c]!, outcome, weight);
      governs.push(outcome.blocGoverns);
    }
    const tail = atLeastDistribution(governs);
    atLeast = atLeast.map((value, k) => add(value, mul(weight, tail[k]!)));
  }

  return {
    bloc: scenario.bloc,
    councils: mixed.map(freeze),
    blocGovernsAtLeast: atLeast,
    shockCombinations: combinations,
  };
}

/** Every combination of the active shocks with non-zero probability, with that probability. */
function* shockCombinations(
  shocks: ProbabilisticScenario['shocks'],
  active: readonly number[],
): Generator<{ fired: boolean[]; weight: Rational }> {
  const fired = new Array<boolean>(shocks.length).fill(false);
  function* visit(i: number, weight: Rational): Generator<{ fired: boolean[]; weight: Rational }> {
    if (weight.num === 0n) return;
    if (i === active.length) {
      yield { fired: [...fired], weight };
      return;
    }
    const s = active[i]!;
    const p = shocks[s]!.probability;
    fired[s] = true;
    yield* visit(i + 1, mul(weight, p));
    fired[s] = false;
    yield* visit(i + 1, mul(weight, complement(p)));
  }
  yield* visit(0, ONE);
}

/** P(at least k successes) for independent events with the given probabilities (Poisson binomial). */
export function atLeastDistribution(probabilities: readonly Rational[]): Rational[] {
  let exactly: Rational[] = [ONE];
  for (const p of probabilities) {
    const q = complement(p);
    const next = new Array<Rational>(exactly.length + 1).fill(ZERO);
    exactly.forEach((value, k) => {
      if (value.num === 0n) return;
      next[k] = add(next[k]!, mul(value, q));
      next[k + 1] = add(next[k + 1]!, mul(value, p));
    });
    exactly = next;
  }
  const tail = new Array<Rational>(exactly.length).fill(ZERO);
  let running = ZERO;
  for (let k = exactly.length - 1; k >= 0; k--) {
    running = add(running, exactly[k]!);
    tail[k] = running;
  }
  return tail;
}

// ---------------------------------------------------------------------------------------------
// One council, independent events.

/** A unit's law: P(k members present) = presence[k]/presenceDen; P(backs the candidate) = support/supportDen. */
interface UnitLaw {
  readonly presence: readonly bigint[];
  readonly presenceDen: bigint;
  readonly support: bigint;
  readonly supportDen: bigint;
}

/** Weights over capped (present, votes) states, index present·(threshold+1) + votes, over `den`. */
interface StateLaw {
  readonly weights: bigint[];
  readonly den: bigint;
}

function unitLaw(unit: ProbabilisticUnit): UnitLaw {
  // Poisson binomial over the members, numerators over the product of their denominators; certain and
  // impossible members shift or keep the distribution without growing the denominator.
  let presence: bigint[] = [1n];
  let den = 1n;
  for (const p of unit.attendance) {
    if (p.num === 0n) {
      presence.push(0n);
      continue;
    }
    if (p.num === p.den) {
      presence = [0n, ...presence];
      continue;
    }
    const miss = p.den - p.num;
    const next = new Array<bigint>(presence.length + 1).fill(0n);
    for (let k = 0; k < presence.length; k++) {
      const w = presence[k]!;
      if (w === 0n) continue;
      next[k] = next[k]! + w * miss;
      next[k + 1] = next[k + 1]! + w * p.num;
    }
    presence = next;
    den *= p.den;
  }
  presence.length = unit.seats + 1;
  for (let k = 0; k <= unit.seats; k++) presence[k] ??= 0n;
  const backs = unit.inCoalition ? complement(unit.switchProbability) : unit.switchProbability;
  return { presence, presenceDen: den, support: backs.num, supportDen: backs.den };
}

function startLaw(council: ProbabilisticCouncil): StateLaw {
  const weights = new Array<bigint>((council.quorum + 1) * (council.threshold + 1)).fill(0n);
  weights[0] = 1n;
  return { weights, den: 1n };
}

/** Adds one unit to the law of the units so far. */
function convolve(law: StateLaw, unit: UnitLaw, quorum: number, threshold: number): StateLaw {
  const width = threshold + 1;
  const weights = new Array<bigint>(law.weights.length).fill(0n);
  const back = unit.support;
  const stay = unit.supportDen - unit.support;
  const presence = unit.presence;
  for (let state = 0; state < law.weights.length; state++) {
    const x = law.weights[state]!;
    if (x === 0n) continue;
    const present = Math.floor(state / width);
    const votes = state - present * width;
    for (let k = 0; k < presence.length; k++) {
      const w = presence[k]!;
      if (w === 0n) continue;
      const y = x * w;
      const row = Math.min(present + k, quorum) * width;
      if (back !== 0n) {
        const target = row + Math.min(votes + k, threshold);
        weights[target] = weights[target]! + (back === 1n ? y : y * back);
      }
      if (stay !== 0n) {
        const target = row + votes;
        weights[target] = weights[target]! + (stay === 1n ? y : y * stay);
      }
    }
  }
  return { weights, den: law.den * unit.presenceDen * unit.supportDen };
}

/** Exact outcome of one council whose events are independent (no shocks). */
export function exactCouncilOutcome(council: ProbabilisticCouncil): ExactCouncilOutcome {
  const { quorum, threshold } = council;
  const width = threshold + 1;
  const laws = council.units.map(unitLaw);

  let full = startLaw(council);
  for (const law of laws) full = convolve(full, law, quorum, threshold);
  let noQuorum = 0n;
  let deadlock = 0n;
  let elected = 0n;
  full.weights.forEach((w, state) => {
    if (w === 0n) return;
    const present = Math.floor(state / width);
    const votes = state - present * width;
    if (present < quorum) noQuorum += w;
    else if (votes < threshold) deadlock += w;
    else elected += w;
  });

  const pivotal: Record<string, Rational> = {};
  const pivotalByIndex = new Array<Rational>(laws.length).fill(ZERO);
  const needed = laws.map((law) => law.presence.some((w, k) => k > 0 && w !== 0n));
  if (needed.some(Boolean)) {
    leaveOneOut(startLaw(council), laws, 0, laws.length, quorum, threshold, (i, others) => {
      if (needed[i]) pivotalByIndex[i] = pivotProbability(others, laws[i]!, quorum, threshold);
    });
  }
  council.units.forEach((unit, i) => {
    pivotal[unit.id] = pivotalByIndex[i]!;
  });

  const electedP = rational(elected, full.den);
  let votes = ZERO;
  for (const unit of council.units) {
    const backs = unit.inCoalition ? complement(unit.switchProbability) : unit.switchProbability;
    if (backs.num === 0n) continue;
    let expectedPresent = ZERO;
    for (const p of unit.attendance) expectedPresent = add(expectedPresent, p);
    votes = add(votes, mul(backs, expectedPresent));
  }

  // Rivals: with a threshold above half the seats at most one alignment reaches it, so each rival's
  // election is a disjoint event: its own programme, its units backing it unless they join.
  let rivalElected = ZERO;
  let blocGoverns = council.governedByBloc ? electedP : ZERO;
  for (const rival of council.rivals ?? []) {
    const own = new Set(rival.units);
    const units = council.units.map((unit, i) => {
      const joins = unit.inCoalition ? complement(unit.switchProbability) : unit.switchProbability;
      return own.has(i) ? { ...unit, inCoalition: true, switchProbability: joins } : { ...unit, inCoalition: false, switchProbability: ZERO };
    });
    let law = startLaw(council);
    for (const unit of units) law = convolve(law, unitLaw(unit), quorum, threshold);
    let wins = 0n;
    law.weights.forEach((w, state) => {
      if (w !== 0n && Math.floor(state / width) >= quorum && state % width >= threshold) wins += w;
    });
    const p = rational(wins, law.den);
    rivalElected = add(rivalElected, p);
    if (rival.governedByBloc) blocGoverns = add(blocGoverns, p);
  }

  return {
    council: council.id,
    elected: electedP,
    rivalElected,
    deadlock: sub(rational(deadlock, full.den), rivalElected),
    noQuorum: rational(noQuorum, full.den),
    blocGoverns,
    expectedMargin: sub(votes, rational(threshold)),
    pivotal,
  };
}

/** Calls `visit(i, law of all units but i)` for i in [from, to), given `outside` = law of the units outside [from, to). */
function leaveOneOut(
  outside: StateLaw,
  laws: readonly UnitLaw[],
  from: number,
  to: number,
  quorum: number,
  threshold: number,
  visit: (i: number, others: StateLaw) => void,
): void {
  if (to - from === 0) return;
  if (to - from === 1) {
    visit(from, outside);
    return;
  }
  const middle = (from + to) >> 1;
  let withRight = outside;
  for (let i = middle; i < to; i++) withRight = convolve(withRight, laws[i]!, quorum, threshold);
  leaveOneOut(withRight, laws, from, middle, quorum, threshold, visit);
  let withLeft = outside;
  for (let i = from; i < middle; i++) withLeft = convolve(withLeft, laws[i]!, quorum, threshold);
  leaveOneOut(withLeft, laws, middle, to, quorum, threshold, visit);
}

/** P(the vote is held and the unit's k present members decide it): others' votes v with v < threshold ≤ v + k. */
function pivotProbability(others: StateLaw, unit: UnitLaw, quorum: number, threshold: number): Rational {
  const width = threshold + 1;
  let total = 0n;
  others.weights.forEach((x, state) => {
    if (x === 0n) return;
    const present = Math.floor(state / width);
    const votes = state - present * width;
    if (votes >= threshold) return;
    for (let k = Math.max(1, threshold - votes); k < unit.presence.length; k++) {
      if (present + k < quorum) continue;
      total += x * unit.presence[k]!;
    }
  });
  return rational(total, others.den * unit.presenceDen);
}

// ---------------------------------------------------------------------------------------------
// Mixing conditional outcomes.

interface MutableOutcome {
  council: string;
  elected: Rational;
  rivalElected: Rational;
  deadlock: Rational;
  noQuorum: Rational;
  blocGoverns: Rational;
  expectedMargin: Rational;
  pivotal: Map<string, Rational>;
}

function emptyOutcome(council: ProbabilisticCouncil): MutableOutcome {
  return {
    council: council.id,
    elected: ZERO,
    rivalElected: ZERO,
    deadlock: ZERO,
    noQuorum: ZERO,
    blocGoverns: ZERO,
    expectedMargin: ZERO,
    pivotal: new Map(council.units.map((unit) => [unit.id, ZERO])),
  };
}

function accumulate(into: MutableOutcome, outcome: ExactCouncilOutcome, weight: Rational): void {
  into.elected = add(into.elected, mul(weight, outcome.elected));
  into.rivalElected = add(into.rivalElected, mul(weight, outcome.rivalElected));
  into.deadlock = add(into.deadlock, mul(weight, outcome.deadlock));
  into.noQuorum = add(into.noQuorum, mul(weight, outcome.noQuorum));
  into.blocGoverns = add(into.blocGoverns, mul(weight, outcome.blocGoverns));
  into.expectedMargin = add(into.expectedMargin, mul(weight, outcome.expectedMargin));
  for (const [unit, p] of Object.entries(outcome.pivotal)) into.pivotal.set(unit, add(into.pivotal.get(unit) ?? ZERO, mul(weight, p)));
}

function freeze(outcome: MutableOutcome): ExactCouncilOutcome {
  return { ...outcome, pivotal: Object.fromEntries(outcome.pivotal) };
}
