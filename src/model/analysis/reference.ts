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

function admissible(prepared: PreparedCouncil, mask: number): boolean {
  const { size, roles, conflicts } = prepared;
  if (prepared.infeasible) return false;
  for (let u = 0; u < size; u++) {
    const inside = (mask & (1 << u)) !== 0;
    if (roles[u] === ROLE_REQUIRED && !inside) return false;
    if (!inside) continue;
    if (roles[u] === ROLE_EXCLUDED) return false;
    if ((conflicts[u]! & mask) !== 0) return false;
  }
  return true;
}

/** Enumerates all 2^m coalitions at `weights` with `present` members attending. */
export function referenceState(prepared: PreparedCouncil, weights: Int32Array, present: number): ReferenceState {
  const { size, majority: quota, roles, declaredMask } = prepared;
  const weightOf = (mask: number): number => {
    let total = 0;
    for (let u = 0; u < size; u++) if ((mask & (1 << u)) !== 0) total += weights[u]!;
    return total;
  };
  const winning = new Set<number>();
  const all = 2 ** size;
  for (let mask = 0; mask < all; mask++) {
    if (admissible(prepared, mask) && weightOf(mask) >= quota) winning.add(mask);
  }
  const minimal: number[] = [];
  for (const mask of winning) {
    let isMinimal = true;
    for (let u = 0; u < size && isMinimal; u++) {
      if ((mask & (1 << u)) === 0 || roles[u] === ROLE_REQUIRED) continue;
      if (weightOf(mask & ~(1 << u)) >= quota) isMinimal = false;
    }
    if (isMinimal) minimal.push(mask);
  }
  minimal.sort((a, b) => a - b);
  const quorumMet = present >= prepared.quorum;
  const majorityForms = quorumMet && (declaredMask === -1 ? winning.size > 0 : weightOf(declaredMask) >= quota);
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
