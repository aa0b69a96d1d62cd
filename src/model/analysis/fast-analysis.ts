/**
 * The numeric core of a council analysis: status, all minimal winning coalitions, Banzhaf swings and
 * Shapley–Shubik values, and the effect of every single-seat change, in typed arrays and bitmasks with
 * no strings. {@link analyzeCouncil} turns this into the presentation objects; the scenario runner and
 * the benchmark can call it directly.
 */
import { banzhafSwings } from '../power/banzhaf.js';
import { shapleyShubikFloats } from '../power/shapley-shubik.js';
import { coalitionCounts, NO_UNIT } from './coalition-counts.js';
import { enumerateMinimalWinning, popcount } from './minimal-winning.js';
import type { PreparedCouncil } from './prepared-council.js';

/** Numeric results for one prepared council. Slot `x·(m+1) + y` is "one vote from unit x to unit y"; `y = m` is "to no one". */
export interface FastAnalysis {
  readonly quorumMet: boolean;
  /** Present members of the declared coalition, or -1 when none was declared. */
  readonly declaredVotes: number;
  /** The declared coalition wins with quorum; without one, some admissible coalition can win with quorum. */
  readonly majorityForms: boolean;
  readonly admissibleCount: number;
  readonly winningCount: number;
  /** Minimal winning coalitions as unit bitmasks, in search order. */
  readonly minimal: readonly number[];
  /** Fewest votes / fewest units among the minimal winning coalitions (0 when there is none). */
  readonly fewestVotes: number;
  readonly fewestUnits: number;
  /** Raw Banzhaf swings per unit (undefined when power is off or the quota exceeds those present). */
  readonly swings: Float64Array | undefined;
  /** Shapley–Shubik values per unit as doubles (same condition). */
  readonly shapley: Float64Array | undefined;
  /** Admissible winning coalitions lost / gained by each change slot. */
  readonly hingeLost: Float64Array;
  readonly hingeGained: Float64Array;
  /** Whether a majority forms after the change (move at `x·(m+1)+y`, absence at `x·(m+1)+m`). */
  readonly majorityAfter: Uint8Array;
  /** Whether a majority forms after one member of x votes against (quorum unchanged). */
  readonly majorityAfterDefect: Uint8Array;
  /** Number of single-seat changes (moves, absences, defections) that are hinges, before folding alike ones. */
  readonly hingeCount: number;
}

/** Options of the numeric core. */
export interface FastAnalysisOptions {
  /** Compute Banzhaf and Shapley–Shubik (default true). */
  readonly power?: boolean;
}

/** Runs the numeric analysis of `prepared`. See {@link FastAnalysis}. */
export function analyzeFast(prepared: PreparedCouncil, options: FastAnalysisOptions = {}): FastAnalysis {
  const { size, weights, majority: quota, present, declaredMask } = prepared;
  const quorumMet = present >= quota;

  const minimal: number[] = [];
  if (!prepared.infeasible) {
    enumerateMinimalWinning(
      {
        order: prepared.searchOrder,
        weights,
        conflicts: prepared.conflicts,
        requiredMask: prepared.requiredMask,
        requiredWeight: prepared.requiredWeight,
        quota,
      },
      minimal,
    );
  }
  let fewestVotes = 0;
  let fewestUnits = 0;
  for (const mask of minimal) {
    let votes = 0;
    for (let u = 0; u < size; u++) if ((mask & (1 << u)) !== 0) votes += weights[u]!;
    const units = popcount(mask);
    if (fewestVotes === 0 || votes < fewestVotes) fewestVotes = votes;
    if (fewestUnits === 0 || units < fewestUnits) fewestUnits = units;
  }

  const counts = coalitionCounts(prepared);
  let declaredVotes = -1;
  if (declaredMask !== -1) {
    declaredVotes = 0;
    for (let u = 0; u < size; u++) if ((declaredMask & (1 << u)) !== 0) declaredVotes += weights[u]!;
  }
  const majorityForms = quorumMet && (declaredMask === -1 ? counts.winning > 0 : declaredVotes >= quota);

  const stride = size + 1;
  const hingeLost = new Float64Array(size * stride);
  const hingeGained = new Float64Array(size * stride);
  const majorityAfter = new Uint8Array(size * stride);
  const majorityAfterDefect = new Uint8Array(size);
  const quorumAfterAbsence = present - 1 >= quota;
  let hingeCount = 0;
  for (let x = 0; x < size; x++) {
    if (weights[x]! === 0) continue; // no present member to move, absent or defect
    const xDeclared = declaredMask !== -1 && (declaredMask & (1 << x)) !== 0 ? 1 : 0;
    const lostAlone = counts.count(x, NO_UNIT, quota);
    const row = x * stride;
    hingeLost[row + size] = lostAlone;
    const formsWithoutVote = declaredMask === -1 ? counts.winning - lostAlone > 0 : declaredVotes - xDeclared >= quota;
    const afterAbsence = quorumAfterAbsence && formsWithoutVote;
    const afterDefect = quorumMet && formsWithoutVote;
    majorityAfter[row + size] = afterAbsence ? 1 : 0;
    majorityAfterDefect[x] = afterDefect ? 1 : 0;
    if (afterAbsence !== majorityForms || lostAlone > 0) hingeCount++;
    if (afterDefect !== majorityForms || lostAlone > 0) hingeCount++;
    for (let y = 0; y < size; y++) {
      if (y === x) continue;
      const lost = counts.count(x, y, quota);
      const gained = counts.count(y, x, quota - 1);
      hingeLost[row + y] = lost;
      hingeGained[row + y] = gained;
      let after: boolean;
      if (declaredMask === -1) after = quorumMet && counts.winning - lost + gained > 0;
      else {
        const yDeclared = (declaredMask & (1 << y)) !== 0 ? 1 : 0;
        after = quorumMet && declaredVotes - xDeclared + yDeclared >= quota;
      }
      majorityAfter[row + y] = after ? 1 : 0;
      if (after !== majorityForms || lost + gained > 0) hingeCount++;
    }
  }

  let swings: Float64Array | undefined;
  let shapley: Float64Array | undefined;
  if (options.power !== false && size > 0 && quota <= present) {
    swings = banzhafSwings(weights, quota);
    shapley = shapleyShubikFloats(weights, quota);
  }

  return {
    quorumMet,
    declaredVotes,
    majorityForms,
    admissibleCount: counts.admissible,
    winningCount: counts.winning,
    minimal,
    fewestVotes,
    fewestUnits,
    swings,
    shapley,
    hingeLost,
    hingeGained,
    majorityAfter,
    majorityAfterDefect,
    hingeCount,
  };
}
