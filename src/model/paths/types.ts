/**
 * The input and output of "what would it take": plain data, no scenario machinery. The scenario
 * layer builds a {@link PathsCouncil} per council from a run (see src/scenarios/paths-input.ts);
 * tests build them by hand.
 */
import type { AlignmentKind as VoteAlignmentKind } from '../vote/alignments.js';

/** How firm a seat figure is: sourced, estimated, or resting on lists the sources do not name. */
export type PathConfidence = 'documented' | 'inferred' | 'unresolved';

/**
 * What an alignment is (per council, every unit votes with exactly one): a path can be sought for any
 * alignment of the council vote but the defectors voting against every line.
 */
export type PathsAlignmentKind = Exclude<VoteAlignmentKind, 'against'>;

export interface PathsUnit {
  readonly id: string;
  readonly seats: number;
  /** Members attending (0..seats). */
  readonly present: number;
  /** The alignment the unit votes with here. */
  readonly alignment: string;
  /** The national party the unit belongs to (a list id, or the unit's own id). */
  readonly party: string;
  readonly confidence: PathConfidence;
}

export interface PathsAlignment {
  readonly id: string;
  readonly kind: PathsAlignmentKind;
}

export interface PathsCouncil {
  readonly id: string;
  /** Votes the governor needs. */
  readonly threshold: number;
  /** Members who must attend for a vote. */
  readonly quorum: number;
  readonly units: readonly PathsUnit[];
  readonly alignments: readonly PathsAlignment[];
  /** The alignment that governs now (its votes reach the threshold), or null. */
  readonly governing: string | null;
  /** Unit pairs that refuse to sit in one coalition. */
  readonly incompatible: readonly (readonly [string, string])[];
  /** Confidence of the council's size (the threshold rests on it). */
  readonly confidence: PathConfidence;
}

/** Who the paths are for in one council: a party, bloc or deal, as the units voting with it. */
export interface PathsTarget {
  readonly id: string;
  readonly units: readonly string[];
  /** Why it cannot provide a governor here at all (its governor party vetoed, no unit here…). */
  readonly blocked?: string;
}

export type PathKind = 'partners' | 'return' | 'defections' | 'transfer';

/** One way to reach the threshold. */
export interface CouncilPath {
  readonly council: string;
  readonly for: string;
  readonly kind: PathKind;
  /** Units joining the alignment (partners). */
  readonly add: readonly string[];
  /** Members brought back, won over or moved, per unit. */
  readonly members: readonly { readonly unit: string; readonly seats: number }[];
  readonly seatsAdded: number;
  /** The target's votes after the path. */
  readonly votes: number;
  readonly threshold: number;
  /** votes − threshold (≥ 0). */
  readonly margin: number;
  /** The sum behind `votes`, e.g. `cf 7 + quota-feyli 1 + wasit-ajmal 8 = 16 ≥ 9`. */
  readonly arithmetic: string;
  /** The weakest confidence of the seats the path rests on. */
  readonly confidence: PathConfidence;
}

export type BreakingKind = 'exit' | 'members' | 'boycott';

/** One way the governing alignment loses its majority (or its sitting's quorum). */
export interface BreakingPoint {
  readonly council: string;
  readonly alignment: string;
  /**
   * `exit`: these units leave the alignment; `members`: that many of its members defect or stay
   * away, drawn from these units; `boycott`: these units stay away and the quorum fails.
   */
  readonly kind: BreakingKind;
  readonly units: readonly string[];
  readonly seats: number;
  /** The alignment's votes (or, for a boycott, the members present) after the break. */
  readonly after: number;
  readonly arithmetic: string;
  readonly confidence: PathConfidence;
}

export interface CouncilPathsOptions {
  /** Paths of each kind to list at most (default 20). */
  readonly limit?: number;
  /** Search nodes before giving up (see minimalSets). */
  readonly budget?: number;
}

export interface CouncilPaths {
  readonly council: string;
  readonly for: string;
  readonly threshold: number;
  /** The target's present votes now. */
  readonly votes: number;
  /** threshold − votes (≤ 0: it already reaches it). */
  readonly deficit: number;
  /** Members short of the quorum (0 when it is met); paths assume the quorum is met. */
  readonly quorumShort: number;
  readonly blocked?: string;
  /** Units that cannot join, and why. */
  readonly unavailable: readonly { readonly unit: string; readonly reason: string }[];
  /** Ranked best first: seats added, then parties, then kind (partners, return, defections, transfer). */
  readonly paths: readonly CouncilPath[];
  /** How many minimal partner sets exist (exact unless `partnerCountIsExact` is false: an upper bound). */
  readonly partnerSets: number;
  readonly partnerCountIsExact: boolean;
  /** Every minimal partner set is listed. */
  readonly complete: boolean;
  /**
   * A partner set with the fewest partners (found by its own exact search, listed or not), or null
   * when the target is blocked, reaches the threshold already, or no set of partners brings it there.
   */
  readonly fewestPartners: CouncilPath | null;
}

export interface CouncilBreaking {
  readonly council: string;
  readonly alignment: string | null;
  readonly votes: number;
  readonly threshold: number;
  readonly margin: number | null;
  readonly points: readonly BreakingPoint[];
  readonly complete: boolean;
}
