/**
 * The probabilistic council: who may stay away, who may break ranks, and which bloc-level events move
 * several units at once. Both engines read it: the exact dynamic programme (independent events, shocks
 * conditioned on exactly) and the seeded Monte Carlo sampler.
 *
 * One draw of a council: every member attends independently with its own probability; every unit
 * then backs the coalition's candidate or not (a unit votes as one); fired shocks override both.
 *  - fewer than `quorum` members present: no-quorum (no vote is held);
 *  - otherwise the present members of the backing units cast `votes`; votes ≥ `threshold`: elected,
 *    else deadlock.
 * A unit is pivotal in a draw when the vote is held and moving its present members to the other side
 * changes whether the candidate reaches the threshold (swing pivotality, as in the Banzhaf index).
 * The margin of a draw is votes − threshold, counted in every draw (also when no vote is held).
 */
import type { Rational } from '../rational.js';

export interface ProbabilisticUnit {
  readonly id: string;
  readonly seats: number;
  /** The probability that each member attends, one entry per seat. */
  readonly attendance: readonly Rational[];
  /** Whether the unit backs the coalition's candidate unless something moves it. */
  readonly inCoalition: boolean;
  /** The probability that the unit changes side: defects if in the coalition, joins otherwise. */
  readonly switchProbability: Rational;
}

export interface ProbabilisticCouncil {
  readonly id: string;
  /** Votes the candidate needs (Law 21/2008: an absolute majority of all members). */
  readonly threshold: number;
  /** Members who must be present for the vote to be held. */
  readonly quorum: number;
  readonly units: readonly ProbabilisticUnit[];
  /** Whether an election here counts as the tracked bloc governing (national tally). */
  readonly governedByBloc: boolean;
  /**
   * The other alignments competing in the council (its rumps, other deals and blocs, lists that could
   * win alone). A rival's votes are the present members of its units that do not join the simulated
   * alignment; the one reaching the threshold with quorum, when the simulated one does not, is elected.
   */
  readonly rivals?: readonly RivalAlignment[];
}

export interface RivalAlignment {
  readonly id: string;
  /** Indices into the council's `units` (never units of the simulated coalition). */
  readonly units: readonly number[];
  /** Whether its election counts as the tracked bloc governing. */
  readonly governedByBloc: boolean;
}

/**
 * What a fired shock does to each unit it targets: `support` and `oppose` fix the unit's vote,
 * `absent` keeps all its members away, `attend` brings them all. Shocks apply in declaration order,
 * so a later shock overrides an earlier one on the same unit (votes and attendance separately).
 */
export const SHOCK_EFFECTS = ['support', 'oppose', 'absent', 'attend'] as const;
export type ShockEffect = (typeof SHOCK_EFFECTS)[number];

export interface ShockTarget {
  /** Index into `ProbabilisticScenario.councils`. */
  readonly council: number;
  /** Index into that council's `units`. */
  readonly unit: number;
}

/** A correlated event: with `probability`, all targets move together. */
export interface Shock {
  readonly id: string;
  readonly probability: Rational;
  readonly effect: ShockEffect;
  readonly targets: readonly ShockTarget[];
}

export interface ProbabilisticScenario {
  /** The bloc counted nationally ("CF governs ≥ k councils"). */
  readonly bloc: string;
  readonly councils: readonly ProbabilisticCouncil[];
  readonly shocks: readonly Shock[];
}

function isProbability(p: Rational): boolean {
  return p.den > 0n && p.num >= 0n && p.num <= p.den;
}

/** Structural problems (programming errors, not data errors: specs are validated before they get here). */
export function modelProblems(scenario: ProbabilisticScenario): string[] {
  const problems: string[] = [];
  scenario.councils.forEach((council, c) => {
    const where = `councils[${c}] (${council.id})`;
    if (!Number.isSafeInteger(council.threshold) || council.threshold < 0) problems.push(`${where}: threshold must be a non-negative integer`);
    if (!Number.isSafeInteger(council.quorum) || council.quorum < 0) problems.push(`${where}: quorum must be a non-negative integer`);
    const ids = new Set<string>();
    for (const unit of council.units) {
      if (ids.has(unit.id)) problems.push(`${where}: duplicate unit ${unit.id}`);
      ids.add(unit.id);
      if (!Number.isSafeInteger(unit.seats) || unit.seats < 0) problems.push(`${where}.${unit.id}: seats must be a non-negative integer`);
      if (unit.attendance.length !== unit.seats) problems.push(`${where}.${unit.id}: ${unit.attendance.length} attendance probabilities for ${unit.seats} seats`);
      if (!unit.attendance.every(isProbability)) problems.push(`${where}.${unit.id}: attendance outside [0, 1]`);
      if (!isProbability(unit.switchProbability)) problems.push(`${where}.${unit.id}: switch probability outside [0, 1]`);
    }
    const taken = new Set<number>();
    for (const rival of council.rivals ?? []) {
      for (const index of rival.units) {
        const unit = council.units[index];
        if (unit === undefined) problems.push(`${where}: rival ${rival.id} names no unit ${index}`);
        else if (unit.inCoalition) problems.push(`${where}: rival ${rival.id} holds ${unit.id} of the simulated coalition`);
        if (taken.has(index)) problems.push(`${where}: unit ${index} is in two rival alignments`);
        taken.add(index);
      }
    }
  });
  scenario.shocks.forEach((shock, s) => {
    if (!isProbability(shock.probability)) problems.push(`shocks[${s}] (${shock.id}): probability outside [0, 1]`);
    for (const target of shock.targets) {
      if (scenario.councils[target.council]?.units[target.unit] === undefined) {
        problems.push(`shocks[${s}] (${shock.id}): no unit ${target.unit} in council ${target.council}`);
      }
    }
  });
  return problems;
}

export function assertValidModel(scenario: ProbabilisticScenario): void {
  const problems = modelProblems(scenario);
  if (problems.length > 0) throw new RangeError(`invalid probabilistic scenario:\n${problems.join('\n')}`);
}

/**
 * The council as it is once the given shocks have fired: an independent model (used by the exact
 * engine to condition on every combination of shock outcomes). `fired[s]` refers to `shocks[s]`.
 */
export function councilUnderShocks(
  council: ProbabilisticCouncil,
  councilIndex: number,
  shocks: readonly Shock[],
  fired: readonly boolean[],
): ProbabilisticCouncil {
  let units: ProbabilisticUnit[] | undefined;
  shocks.forEach((shock, s) => {
    if (!fired[s]) return;
    for (const target of shock.targets) {
      if (target.council !== councilIndex) continue;
      units ??= [...council.units];
      const unit = units[target.unit]!;
      units[target.unit] = applyEffect(unit, shock.effect);
    }
  });
  return units === undefined ? council : { ...council, units };
}

const CERTAIN: Rational = { num: 1n, den: 1n };
const NEVER: Rational = { num: 0n, den: 1n };

function applyEffect(unit: ProbabilisticUnit, effect: ShockEffect): ProbabilisticUnit {
  switch (effect) {
    case 'support':
      return { ...unit, inCoalition: true, switchProbability: NEVER };
    case 'oppose':
      return { ...unit, inCoalition: false, switchProbability: NEVER };
    case 'absent':
      return { ...unit, attendance: unit.attendance.map(() => NEVER) };
    case 'attend':
      return { ...unit, attendance: unit.attendance.map(() => CERTAIN) };
  }
}
