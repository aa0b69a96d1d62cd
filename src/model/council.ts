/**
 * The council: who sits in it and how they vote. Pure data plus the rule arithmetic every face uses.
 *
 * A council is a list of voting units. A unit is a group of members who vote together: an electoral list,
 * a faction inside a list (Badr inside Nabni), or a single member (a minority quota seat). Units are the
 * players of the council's weighted voting game; seats are their weights.
 */

/** What a voting unit is in the council. */
export type UnitKind = 'list' | 'faction' | 'member';

export interface VotingUnit {
  /** Stable id, unique within the council (e.g. `nabni`, `badr`, `quota-christian`). */
  readonly id: string;
  readonly name: string;
  readonly kind: UnitKind;
  /** Seats held in the council (a non-negative integer). */
  readonly seats: number;
  /** Members attending the sitting (0..seats); absent means all attend. */
  readonly present?: number;
  /** Blocs (a priori unions) the unit belongs to in this council, e.g. `['cf']`. */
  readonly blocs?: readonly string[];
  /** The list a faction belongs to (factions only). */
  readonly parent?: string;
}

/** How a post is filled when nobody reaches the threshold in the first round. */
export type RunoffRule = 'none' | 'top-two';

export interface CouncilRules {
  /** `none`: no further round (no verified source for a runoff clause; see the dataset's rules); `top-two`: plurality between the two leaders. */
  readonly runoff: RunoffRule;
  /** Whether a governor elected from among the members gives up the seat (Law 21/2008 as applied in 2024). */
  readonly governorVacatesSeat: boolean;
  /**
   * Votes a chair or governor needs, as an explicit integer (1..members). Absent: the Law 21/2008
   * absolute majority floor(n/2)+1. Scenario files may set it by a formula; the scenario layer
   * evaluates the formula per council and stores the result here.
   */
  readonly majority?: number;
  /** Members who must be present for a vote, as an explicit integer (1..members). Absent: floor(n/2)+1. */
  readonly quorum?: number;
  /** How `majority` was set, for explanations (e.g. `scenario rule ceil(2*members/3)`). */
  readonly basis?: string;
  /** How `quorum` was set, for explanations (e.g. `scenario rule members - 3`). */
  readonly quorumBasis?: string;
}

export const DEFAULT_RULES: CouncilRules = { runoff: 'none', governorVacatesSeat: true };

/** Restrictions on which coalitions may form. */
export interface CouncilConstraints {
  /** Pairs of unit (or bloc) ids that refuse to sit in one coalition. */
  readonly incompatible?: readonly (readonly [string, string])[];
  /** Units every admissible coalition must contain. */
  readonly required?: readonly string[];
  /** Units no admissible coalition may contain (absent, vetoed). */
  readonly excluded?: readonly string[];
  /** An ideological left–right ordering of unit ids, for minimal connected winning coalitions. */
  readonly order?: readonly string[];
}

export interface Council {
  readonly id: string;
  readonly name: string;
  readonly units: readonly VotingUnit[];
  readonly rules?: Partial<CouncilRules>;
  readonly constraints?: CouncilConstraints;
}

/** Law 21/2008 art. 1: "absolute majority: realized by half of the members + 1", i.e. floor(n/2)+1. */
export function absoluteMajority(members: number): number {
  return Math.floor(members / 2) + 1;
}

/** Votes a chair or governor needs: the council's explicit `rules.majority`, else the absolute majority floor(n/2)+1. */
export function councilMajority(council: Council): number {
  return council.rules?.majority ?? absoluteMajority(memberCount(council));
}

/** Members who must be present for a vote: the council's explicit `rules.quorum`, else floor(n/2)+1. */
export function councilQuorum(council: Council): number {
  return council.rules?.quorum ?? absoluteMajority(memberCount(council));
}

/**
 * The explanation of the majority threshold: today's Law 21/2008 wording by default
 * (`absolute majority = floor(15/2) + 1 = 8 of 15 members, present or not`), or the custom rule
 * (`scenario rule ceil(2*members/3) = 10 of 15 members, present or not`).
 */
export function majorityText(council: Council, members: number, majority: number): string {
  const custom = council.rules?.majority;
  if (custom === undefined) return `absolute majority = floor(${members}/2) + 1 = ${majority} of ${members} members, present or not`;
  return `${council.rules?.basis ?? 'custom majority'} = ${majority} of ${members} members, present or not`;
}

/** ` (scenario rule members - 3)` after the quorum figure when the quorum is not the default floor(n/2)+1; '' otherwise. */
export function quorumBasisText(council: Council): string {
  if (council.rules?.quorum === undefined) return '';
  return ` (${council.rules.quorumBasis ?? 'custom quorum'})`;
}

/** All members of the council (the n in the absolute-majority rule). */
export function memberCount(council: Council): number {
  let total = 0;
  for (const unit of council.units) total += unit.seats;
  return total;
}

/** Members attending the sitting. */
export function presentCount(council: Council): number {
  let total = 0;
  for (const unit of council.units) total += unitPresent(unit);
  return total;
}

export function unitPresent(unit: VotingUnit): number {
  return unit.present ?? unit.seats;
}

export function councilRules(council: Council): CouncilRules {
  return { ...DEFAULT_RULES, ...council.rules };
}
