/**
 * The numeric core of a council analysis: status, all minimal winning coalitions, Banzhaf swings and
 * Shapley–Shubik values, and the effect of every single-seat change, in typed arrays and bitmasks with
 * no strings. {@link analyzeCouncil} turns this into the presentation objects; the scenario runner and
 * the benchmark can call it directly.
 *
 * Allocation: the arrays of a result live in a workspace owned by the prepared council and are
 * overwritten by the next `analyzeFast` call on the same prepared council (copy what must outlive it).
 * Typed-array allocation costs about as much as the whole computation on a small council.
 */
import { banzhafSwings, shapleyShubikFloats } from '../power/index.js';
import { coalitionCounts, type CountBuffers, createCountBuffers } from './admissible-weight-counts.js';
import { countMinimalWinning, enumerateMinimalWinning, fewestMinimalWinning, MAX_LISTED_MINIMAL, maskWeight, popcount } from './minimal-winning.js';
import { inOneBuffer } from './arena.js';
import { hasUnit } from './unit-masks.js';
import type { PreparedCouncil } from './prepared-council.js';
import { type ClassSearchScratch, classSearchScratch, enumerateByClass, type MaskSink, reserve } from './weight-classes.js';

/** Numeric results for one prepared council. Slot `x·(m+1) + y` is "one vote from unit x to unit y"; `y = m` is "to no one". */
export interface FastAnalysis {
  readonly quorumMet: boolean;
  /** Present members of the declared coalition, or -1 when none was declared. */
  readonly declaredVotes: number;
  /** The declared coalition wins with quorum; without one, some admissible coalition can win with quorum. */
  readonly majorityForms: boolean;
  readonly admissibleCount: number;
  readonly winningCount: number;
  /**
   * Minimal winning coalitions as unit masks (unit-masks.ts), unordered: all of them, or the first
   * MAX_LISTED_MINIMAL found. Int32 up to 31 units, doubles above.
   */
  readonly minimal: Int32Array | Float64Array;
  /** Number of minimal winning coalitions: exact, or (when `minimalCountExact` is false) a lower bound. */
  readonly minimalCount: number;
  readonly minimalCountExact: boolean;
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
  /** Most minimal winning coalitions listed (default MAX_LISTED_MINIMAL); the count stays exact. */
  readonly listLimit?: number;
}

/** Buffers reused across analyses of one prepared council. */
interface Workspace extends MaskSink {
  /** Scratch of the class enumeration. */
  readonly search: ClassSearchScratch | undefined;
  readonly counts: CountBuffers | undefined;
  readonly hingeLost: Float64Array;
  readonly hingeGained: Float64Array;
  readonly majorityAfter: Uint8Array;
  readonly majorityAfterDefect: Uint8Array;
  readonly declaredIn: Uint8Array;
  readonly swings: Float64Array;
  readonly shapley: Float64Array;
  readonly shapleyRaw: Float64Array;
  readonly found: number[];
}

const workspaces = new WeakMap<PreparedCouncil, Workspace>();

/** Initial room for minimal winning coalitions; the list grows when a council has more. */
const INITIAL_MINIMAL = 1024;

function workspaceOf(prepared: PreparedCouncil): Workspace {
  let workspace = workspaces.get(prepared);
  if (workspace === undefined) {
    const m = prepared.size;
    const { classes } = prepared;
    const counted = prepared.constrainedMask === 0 && !prepared.infeasible;
    workspace = inOneBuffer(
      (allocate): Workspace => ({
        data: allocate.i32(INITIAL_MINIMAL),
        length: 0,
        search: classes === undefined ? undefined : classSearchScratch(classes, allocate),
        counts: counted ? createCountBuffers(prepared, allocate) : undefined,
        hingeLost: allocate.f64(m * (m + 1)),
        hingeGained: allocate.f64(m * (m + 1)),
        majorityAfter: allocate.u8(m * (m + 1)),
        majorityAfterDefect: allocate.u8(m),
        declaredIn: allocate.u8(m),
        swings: allocate.f64(m),
        shapley: allocate.f64(m),
        shapleyRaw: allocate.f64(m * m),
        found: [],
      }),
    );
    workspaces.set(prepared, workspace);
  }
  return workspace;
}

/** Runs the numeric analysis of `prepared`. See {@link FastAnalysis} (results are views into a reused workspace). */
export function analyzeFast(prepared: PreparedCouncil, options: FastAnalysisOptions = {}): FastAnalysis {
  const { size, weights, majority: quota, present, declaredMask } = prepared;
  const workspace = workspaceOf(prepared);
  const quorumMet = present >= prepared.quorum;

  workspace.length = 0;
  let fewestVotes = 0;
  let fewestUnits = 0;
  let wideMinimal: Float64Array | undefined;
  const listLimit = options.listLimit ?? MAX_LISTED_MINIMAL;
  if (prepared.infeasible) {
    // No admissible coalition: nothing to enumerate.
  } else if (prepared.classes !== undefined) {
    const found = enumerateByClass(prepared.classes, prepared.requiredMask, prepared.requiredWeight, prepared.requiredUnits, quota, workspace, workspace.search, listLimit);
    fewestVotes = found.fewestVotes;
    fewestUnits = found.fewestUnits;
  } else {
    const found = workspace.found;
    found.length = 0;
    enumerateMinimalWinning(
      { order: prepared.searchOrder, weights, conflicts: prepared.conflicts, requiredMask: prepared.requiredMask, requiredWeight: prepared.requiredWeight, quota },
      found,
      undefined,
      listLimit,
    );
    // Above 31 units the masks do not fit the int32 list.
    if (size > 31) wideMinimal = Float64Array.from(found);
    else {
      reserve(workspace, found.length);
      workspace.data.set(found);
    }
    workspace.length = found.length;
    for (const mask of found) {
      const votes = maskWeight(mask, weights);
      const units = popcount(mask);
      if (fewestVotes === 0 || votes < fewestVotes) fewestVotes = votes;
      if (fewestUnits === 0 || units < fewestUnits) fewestUnits = units;
    }
  }

  let minimalCount = workspace.length;
  let minimalCountExact = true;
  if (!prepared.infeasible && prepared.constrainedMask === 0) {
    // Without incompatibilities the count and the extremes come from weights alone, however long the list.
    minimalCount = countMinimalWinning(prepared.searchOrder, weights, prepared.requiredWeight, quota);
    const fewest = fewestMinimalWinning(prepared.searchOrder, weights, prepared.requiredWeight, prepared.requiredUnits, quota);
    fewestVotes = fewest.votes;
    fewestUnits = fewest.units;
  } else if (workspace.length >= listLimit) {
    minimalCountExact = false;
  }

  const counts = coalitionCounts(prepared, workspace.counts);
  let declaredVotes = -1;
  if (declaredMask !== -1) declaredVotes = maskWeight(declaredMask, weights);
  const winning = counts.winning;
  const majorityForms = quorumMet && (declaredMask === -1 ? winning > 0 : declaredVotes >= quota);

  const { hingeLost, hingeGained, majorityAfter, majorityAfterDefect } = workspace;
  counts.fillHingeTables(hingeLost, hingeGained);
  majorityAfter.fill(0);
  majorityAfterDefect.fill(0);
  const stride = size + 1;
  // Membership of the declared coalition once per unit, not once per pair (read only when one was declared).
  const declaredIn = workspace.declaredIn;
  for (let u = 0; u < size; u++) declaredIn[u] = hasUnit(declaredMask, u) ? 1 : 0;
  const quorumAfterAbsence = present - 1 >= prepared.quorum;
  let hingeCount = 0;
  for (let x = 0; x < size; x++) {
    if (weights[x]! === 0) continue; // no present member to move, absent or defect
    const xDeclared = declaredIn[x]!;
    const row = x * stride;
    const lostAlone = hingeLost[row + size]!;
    const formsWithoutVote = declaredMask === -1 ? winning - lostAlone > 0 : declaredVotes - xDeclared >= quota;
    const afterAbsence = quorumAfterAbsence && formsWithoutVote;
    const afterDefect = quorumMet && formsWithoutVote;
    majorityAfter[row + size] = afterAbsence ? 1 : 0;
    majorityAfterDefect[x] = afterDefect ? 1 : 0;
    if (afterAbsence !== majorityForms || lostAlone > 0) hingeCount++;
    if (afterDefect !== majorityForms || lostAlone > 0) hingeCount++;
    for (let y = 0; y < size; y++) {
      if (y === x) continue;
      const changed = hingeLost[row + y]! + hingeGained[row + y]!;
      let after: boolean;
      if (declaredMask === -1) after = quorumMet && winning - hingeLost[row + y]! + hingeGained[row + y]! > 0;
      else after = quorumMet && declaredVotes - xDeclared + declaredIn[y]! >= quota;
      majorityAfter[row + y] = after ? 1 : 0;
      if (after !== majorityForms || changed > 0) hingeCount++;
    }
  }

  let swings: Float64Array | undefined;
  let shapley: Float64Array | undefined;
  // The quota is at least 1, so it exceeds those present in a council without units.
  if (options.power !== false && quota <= present) {
    swings = banzhafSwings(weights, quota, workspace.swings);
    shapley = shapleyShubikFloats(weights, quota, workspace.shapley, workspace.shapleyRaw);
  }

  return {
    quorumMet,
    declaredVotes,
    majorityForms,
    admissibleCount: counts.admissible,
    winningCount: winning,
    minimal: wideMinimal ?? workspace.data.subarray(0, workspace.length),
    minimalCount,
    minimalCountExact,
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
