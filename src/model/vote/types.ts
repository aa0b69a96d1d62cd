/** The shapes of a council vote: what is voted, by whom, and what came out. */
import type { ExplanationLine } from '../explanation.js';

/** How a post ended: filled, stuck, not voted for lack of quorum, or not contested but still winnable. */
export type PostStatus = 'elected' | 'deadlock' | 'no-quorum' | 'open';

/** A nominee standing for a post, and the units voting for them. */
export interface Candidacy {
  /** `chair`, `governor`, `deputy-chair`, … */
  readonly post: string;
  /** Unit id whose nominee stands (e.g. `badr`); may name an outsider for governor, who then vacates no seat. */
  readonly candidate: string;
  /** Unit ids voting for the candidate; each unit supports at most one candidate per post. */
  readonly supporters: readonly string[];
}

/** The order of votes and who stands. */
export interface VotePlan {
  /** Order of votes (default `['chair', 'governor']`). */
  readonly posts?: readonly string[];
  /**
   * Posts voted together in one ballot (e.g. Nineveh and Babil in February 2024). Each unit votes for the
   * slate of the candidates it supports across the package's posts; the leading slate needs the absolute
   * majority, and fills every post it names.
   */
  readonly packages?: readonly (readonly string[])[];
  readonly candidacies: readonly Candidacy[];
  /** Whether the governor is drawn from the council, vacating a seat (default true). */
  readonly governorIsMember?: boolean;
}

/** A second round between the two leaders (only under `rules.runoff: 'top-two'`). */
export interface RunoffResult {
  readonly candidates: readonly [string, string];
  readonly votes: readonly [number, number];
}

/** The result of one post. */
export interface PostOutcome {
  readonly post: string;
  readonly status: PostStatus;
  /** The elected candidate (unit id or outsider), when `elected`. */
  readonly winner?: string;
  /** Votes of the winner or, if nobody was elected, of the leading candidate (0 without candidates). */
  readonly votes: number;
  /** The absolute majority of all members. */
  readonly needed: number;
  /** votes − needed. */
  readonly margin: number;
  /** Present supporters of the winner or leader, in council order. */
  readonly coalition: readonly string[];
  /** Members present when the post was voted. */
  readonly present: number;
  /** Index of the ballot (posts of one package share it). */
  readonly ballot: number;
  readonly runoff?: RunoffResult;
  readonly explanation: readonly ExplanationLine[];
}

/** The result of a vote: every post in voting order, with the trace. */
export interface VoteOutcome {
  readonly council: string;
  readonly members: number;
  /** Members present when the sitting opened. */
  readonly present: number;
  readonly quorum: { readonly needed: number; readonly present: number; readonly met: boolean };
  readonly posts: readonly PostOutcome[];
  readonly explanation: readonly ExplanationLine[];
}
