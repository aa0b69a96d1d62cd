/**
 * The shapes of a council analysis: what {@link analyzeCouncil} returns. Plain, serialisable data (the
 * power results carry exact `Rational`s with bigint parts; render them with `formatRational`).
 */
import type { CouncilConstraints } from '../council.js';
import type { ExplanationLine } from '../explanation.js';
import type { PowerIndexResult } from '../power/index.js';

/** What to analyse besides the council's own data. */
export interface AnalysisOptions {
  /** A declared coalition to check, as unit ids. */
  readonly coalition?: readonly string[];
  /** Extra constraints, merged with `council.constraints` (lists are concatenated). */
  readonly constraints?: CouncilConstraints;
  /** Ideological left–right order of unit ids (overrides `constraints.order`); enables Axelrod's prediction. */
  readonly order?: readonly string[];
  /** Compute Banzhaf and Shapley–Shubik indices (default true). */
  readonly power?: boolean;
  /** How many lost and gained minimal winning coalitions each hinge lists (default 10; the counts are always complete). */
  readonly hingeCoalitions?: number;
}

/** Attendance against the quorum (an absolute majority of all members must be present, unless the council's rules set another quorum). */
export interface QuorumCheck {
  readonly needed: number;
  readonly present: number;
  readonly met: boolean;
}

/** One unit of the council as analysed. */
export interface UnitSummary {
  readonly id: string;
  readonly name: string;
  readonly kind: string;
  readonly seats: number;
  readonly present: number;
  readonly blocs: readonly string[];
  /** `required`, `excluded` (absent, vetoed or incompatible with a required unit) or `free`. */
  readonly role: UnitRole;
}

/** How the constraints treat a unit. */
export type UnitRole = 'free' | 'required' | 'excluded';

/** The declared coalition measured against the absolute majority. */
export interface CoalitionCheck {
  /** Unit ids, in council order. */
  readonly units: readonly string[];
  /** Present members of the coalition (absent members cannot vote). */
  readonly votes: number;
  readonly needed: number;
  /** votes ≥ needed and the quorum is met. */
  readonly majority: boolean;
  /** votes − needed; negative means short by that many. */
  readonly margin: number;
  /** Units whose departure breaks the majority (empty when there is no majority). */
  readonly pivotal: readonly string[];
  /** Units every one of whose members is a swing: with margin 0, one defection breaks the majority. */
  readonly swingUnits: readonly string[];
  /** Number of members whose single defection breaks the majority (all present members when margin is 0). */
  readonly swingMembers: number;
  /** Whether the coalition honours the constraints; the reasons if not. */
  readonly admissible: boolean;
  readonly violations: readonly string[];
}

/** A minimal winning coalition (or any named coalition in a prediction). */
export interface CouncilCoalition {
  /** Unit ids, in council order. */
  readonly units: readonly string[];
  readonly votes: number;
  /** votes − needed (≥ 0 for a winning coalition). */
  readonly margin: number;
  /** Members whose departure makes it lose: all of them for a minimal winning coalition, required units aside. */
  readonly critical: readonly string[];
}

/** Admissible winning coalitions of units, honouring the constraints. */
export interface WinningCoalitions {
  /** Number of admissible winning coalitions (exact; units with no one present double the count). */
  readonly count: number;
  /**
   * Minimal winning coalitions: admissible, winning, and losing once any member that is not required leaves.
   * Sorted by votes, then by number of units, then by council order. At most 1,000 are listed (the
   * first found); `minimalCount` says how many there are.
   */
  readonly minimal: readonly CouncilCoalition[];
  /** Number of minimal winning coalitions: exact, or a lower bound when `minimalCountExact` is false (incompatibilities and more than listed). */
  readonly minimalCount: number;
  readonly minimalCountExact: boolean;
}

/** Which coalition-formation theory a prediction applies. */
export type PredictionTheory = 'minimum-winning' | 'fewest-parties' | 'minimal-connected-winning';

/** The coalitions a theory predicts, labelled with the theory and its citation. */
export interface Prediction {
  readonly theory: PredictionTheory;
  /** Human label with the citation, e.g. `minimum winning (Riker 1962)`. */
  readonly label: string;
  readonly rule: string;
  /** The predicted coalitions; at most 1,000 (see `complete`). */
  readonly coalitions: readonly CouncilCoalition[];
  /** False when the list stops at the listing limit, or was drawn from a minimal list that did. */
  readonly complete: boolean;
}

/** A single-seat change: a seat (or one member's vote) moved, one member absent, or one member voting against. */
export type HingeChange =
  | { readonly kind: 'move'; readonly from: string; readonly to: string }
  | { readonly kind: 'absent'; readonly from: string }
  | { readonly kind: 'defect'; readonly from: string };

/** A single-seat change that flips whether a majority forms or changes who can form it. */
export interface HingeSeat {
  readonly change: HingeChange;
  /** Changes with the same effect folded into this entry (interchangeable units, or absence ≡ defection). */
  readonly alike: readonly HingeChange[];
  /** Whether a majority forms: the declared coalition wins, or (none declared) some admissible coalition can. */
  readonly majority: { readonly before: boolean; readonly after: boolean };
  readonly flips: boolean;
  readonly quorum: { readonly before: boolean; readonly after: boolean };
  /** The declared coalition's votes before and after (absent when no coalition was declared). */
  readonly votes?: { readonly before: number; readonly after: number };
  readonly needed: number;
  /** Admissible winning coalitions that lose / start winning. */
  readonly winningLost: number;
  readonly winningGained: number;
  /** Number of minimal winning coalitions that stop being minimal winning / become minimal winning. */
  readonly minimalLost: number;
  readonly minimalGained: number;
  /** The first of them (unit id lists in council order), sorted like `winning.minimal`; see `hingeCoalitions`. */
  readonly lost: readonly (readonly string[])[];
  readonly gained: readonly (readonly string[])[];
  /** Plain before/after line, e.g. `move 1 seat a → b: a + c 9 → 8 of 9 needed: loses the majority`. */
  readonly text: string;
}

/** Banzhaf and Shapley–Shubik indices of the council's weighted game (weights = present seats, quota = majority). */
export interface CouncilPower {
  readonly quota: number;
  readonly weights: readonly number[];
  readonly banzhaf: PowerIndexResult;
  readonly shapleyShubik: PowerIndexResult;
}

/** Everything {@link analyzeCouncil} finds about one council. All counts are exact integers. */
export interface CouncilAnalysis {
  readonly council: string;
  readonly name: string;
  /** n: all members, present or not. */
  readonly members: number;
  /** Votes needed for chair and governor (of all members, not of those present): floor(n/2) + 1 unless the council's rules set it. */
  readonly majority: number;
  readonly present: number;
  readonly quorum: QuorumCheck;
  readonly units: readonly UnitSummary[];
  readonly coalition?: CoalitionCheck;
  readonly winning: WinningCoalitions;
  readonly predictions: readonly Prediction[];
  readonly hinges: readonly HingeSeat[];
  /** Absent when `power: false`, or when those present cannot reach the majority (no winning coalition exists). */
  readonly power?: CouncilPower;
  readonly explanation: readonly ExplanationLine[];
}
