/**
 * The runner's one door into the model's council analysis and session procedure. Everything the
 * scenario engine needs from them is mapped here onto small shapes, so a change in the model's
 * presentation objects touches this file only.
 */
import type { Council, CouncilConstraints } from '../model/council.js';
import { analyzeCouncil } from '../model/analysis/index.js';
import { runSession } from '../model/session/index.js';

export interface EngineLine {
  readonly rule?: string;
  readonly text: string;
}

export interface EngineAnalysis {
  readonly members: number;
  readonly majority: number;
  readonly present: number;
  readonly quorum: { readonly needed: number; readonly present: number; readonly met: boolean };
  readonly coalition?: {
    readonly votes: number;
    readonly needed: number;
    readonly majority: boolean;
    readonly margin: number;
    readonly pivotal: readonly string[];
    readonly admissible: boolean;
    readonly violations: readonly string[];
  };
  /** Minimal winning coalitions (unit ids). */
  readonly minimalWinning: readonly (readonly string[])[];
  readonly predictions: readonly { readonly label: string; readonly coalitions: readonly (readonly string[])[] }[];
  /** Single-seat changes that flip or reshape the majority, most important first. */
  readonly hinges: readonly { readonly text: string; readonly flips: boolean }[];
  readonly explanation: readonly EngineLine[];
}

export function analyze(council: Council, coalition?: readonly string[], constraints?: CouncilConstraints): EngineAnalysis {
  const analysis = analyzeCouncil(council, {
    ...(coalition ? { coalition } : {}),
    ...(constraints ? { constraints } : {}),
    power: false,
  });
  const check = analysis.coalition;
  return {
    members: analysis.members,
    majority: analysis.majority,
    present: analysis.present,
    quorum: analysis.quorum,
    ...(check
      ? {
          coalition: {
            votes: check.votes,
            needed: check.needed,
            majority: check.majority,
            margin: check.margin,
            pivotal: check.pivotal,
            admissible: check.admissible,
            violations: check.violations,
          },
        }
      : {}),
    minimalWinning: analysis.winning.minimal.map((coalitionEntry) => coalitionEntry.units),
    predictions: analysis.predictions.map((prediction) => ({
      label: prediction.label,
      coalitions: prediction.coalitions.map((entry) => entry.units),
    })),
    hinges: analysis.hinges.map((hinge) => ({ text: hinge.text, flips: hinge.flips })),
    explanation: analysis.explanation,
  };
}

export interface EngineCandidacy {
  readonly post: string;
  readonly candidate: string;
  readonly supporters: readonly string[];
}

export interface EnginePost {
  readonly post: string;
  readonly status: 'elected' | 'deadlock' | 'no-quorum' | 'open';
  readonly winner?: string;
  readonly votes: number;
  readonly needed: number;
  readonly margin: number;
  readonly explanation: readonly EngineLine[];
}

/** Votes the posts in order (packages in one ballot) per the session procedure. */
export function votePosts(
  council: Council,
  plan: { posts: readonly string[]; packages: readonly (readonly string[])[]; candidacies: readonly EngineCandidacy[] },
): EnginePost[] {
  const outcome = runSession(council, { posts: plan.posts, packages: plan.packages, candidacies: plan.candidacies });
  return outcome.posts.map((post) => ({
    post: post.post,
    status: post.status,
    ...(post.winner !== undefined ? { winner: post.winner } : {}),
    votes: post.votes,
    needed: post.needed,
    margin: post.margin,
    explanation: post.explanation,
  }));
}
