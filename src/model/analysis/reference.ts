/**
 * A deliberately naive council analysis: every subset of units is enumerated, and every single-seat
 * change is judged by enumerating everything again. Exponential and slow; it exists to check the fast
 * engine (property tests) and to give the benchmark an in-run reference.
 */
import { type PreparedCouncil, ROLE_EXCLUDED, ROLE_REQUIRED } from './prepared-council.js';

/** Brute-force results for one weight vector. */
export interface ReferenceState {
  readonly quorumMet: boolean;
  readonly majorityForms: boolean;
  readonly winning: ReadonlySet<number>;
  /** Minimal winning coalitions as bitmasks, ascending. */
  readonly minimal: readonly number[];
}

/** A single-seat change judged by full re-enumeration. */
export interface ReferenceChange {
  readonly kind: 'move' | 'absent' | 'defect';
  readonly from: number;
  /** Receiving unit of a move. */
  readonly to?: number;
  readonly after: ReferenceState;
  readonly winningLost: number;
  readonly winningGained: number;
  /** The majority flips or the minimal winning coalitions change. */
  readonly hinge: boolean;
}

/** Brute-force analysis of `prepared`: the base state and every single-seat change. */
export interface ReferenceAnalysis {
  readonly base: ReferenceState;
  readonly changes: readonly ReferenceChange[];
}

/** Whether bit u of an exact integer mask is set, by arithmetic alone (masks may exceed 32 bits). */
function bitSet(mask: number, u: number): boolean {
  return Math.floor(mask / 2 ** u) % 2 === 1;
}

/**
 * Enumerates every coalition at `weights` with `present` members attending. Units excluded by the
 * constraints are in no admissible coalition, so only the subsets of the others are tried (2^k, k the
 * units not excluded): that keeps councils above 32 units checkable when most of their units are excluded.
 */
export function referenceState(prepared: PreparedCouncil, weights: Int32Array, present: number): ReferenceState {
  const { size, majority: quota, roles, conflicts, declaredMask } = prepared;
  const candidates: number[] = [];
  for (let u = 0; u < size; u++) if (roles[u] !== ROLE_EXCLUDED) candidates.push(u);
  const winning = new Set<number>();
  const minimal: number[] = [];
  const subsets = prepared.infeasible ? 0 : 2 ** candidates.length;
  const members: number[] = [];
  for (let pick = 0; pick < subsets; pick++) {
    members.length = 0;
    for (let j = 0; j < candidates.length; j++) if (Math.floor(pick / 2 ** j) % 2 === 1) members.push(candidates[j]!);
    const admissible =
      candidates.every((u) => roles[u] !== ROLE_REQUIRED || members.includes(u)) && members.every((u) => members.every((v) => !bitSet(conflicts[u]!, v)));
    if (!admissible) continue;
    const weight = members.reduce((total, u) => total + weights[u]!, 0);
    if (weight < quota) continue;
    const mask = members.reduce((total, u) => total + 2 ** u, 0);
    winning.add(mask);
    if (members.every((u) => roles[u] === ROLE_REQUIRED || weight - weights[u]! < quota)) minimal.push(mask);
  }
  // No sort needed: candidates ascend, so picks ascend in mask order and `minimal` is sorted already.
  const quorumMet = present >= prepared.quorum;
  let declaredVotes = 0;
  for (let u = 0; u < size; u++) if (declaredMask !== -1 && bitSet(declaredMask, u)) declaredVotes += weights[u]!;
  const majorityForms = quorumMet && (declaredMask === -1 ? winning.size > 0 : declaredVotes >= quota);
  return { quorumMet, majorityForms, winning, minimal };
}

function sameList(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((value, i) => value === b[i]);
}

/** Judges every move, absence and defection of one present member by re-enumerating from scratch. */
export function referenceAnalysis(prepared: PreparedCouncil): ReferenceAnalysis {
  const { size, weights, present } = prepared;
  const base = referenceState(prepared, weights, present);
  const changes: ReferenceChange[] = [];
  const judge = (kind: ReferenceChange['kind'], from: number, to: number | undefined, changed: Int32Array, attending: number): void => {
    const after = referenceState(prepared, changed, attending);
    let winningLost = 0;
    let winningGained = 0;
    for (const mask of base.winning) if (!after.winning.has(mask)) winningLost++;
    for (const mask of after.winning) if (!base.winning.has(mask)) winningGained++;
    const hinge = after.majorityForms !== base.majorityForms || !sameList(after.minimal, base.minimal);
    changes.push(to === undefined ? { kind, from, after, winningLost, winningGained, hinge } : { kind, from, to, after, winningLost, winningGained, hinge });
  };
  for (let x = 0; x < size; x++) {
    if (weights[x]! === 0) continue;
    const less = Int32Array.from(weights);
    less[x] = less[x]! - 1;
    judge('absent', x, undefined, less, present - 1);
    judge('defect', x, undefined, less, present);
    for (let y = 0; y < size; y++) {
      if (y === x) continue;
      const moved = Int32Array.from(less);
      moved[y] = moved[y]! + 1;
      judge('move', x, y, moved, present);
    }
  }
  return { base, changes };
}
