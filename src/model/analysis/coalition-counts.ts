/**
 * Counting admissible coalitions by weight with generating functions, so that every single-seat change
 * is judged without re-enumerating coalitions.
 *
 * An admissible coalition is R ∪ T ∪ S: all required units R, an incompatibility-free subset T of the
 * constrained free units K (those in some incompatible pair), and any subset S of the unconstrained free
 * units U. Counted by weight, that is the product H(z) · g(z) where H is the weight histogram of the
 * admissible T (enumerated: K is small) and g(z) = Π_{u∈U} (1 + z^{w_u}). Removing a unit u ∈ U from g
 * is a deconvolution: g_{-u}(v) = g(v) − g_{-u}(v − w_u), exact in float64 (integers below 2^53).
 *
 * Why this finds the hinges: moving one vote from X to Y changes a coalition's status only if it holds
 * exactly one of them: with X and without Y at weight exactly q it loses; with Y and without X at weight
 * q − 1 it wins. So A(X, Y, t) = #{admissible C : X ∈ C, Y ∉ C, w(C) = t} at t = q and q − 1 gives the
 * coalitions lost and gained, and the minimal winning coalitions change exactly when some admissible
 * coalition changes status (they are the minimal elements of the admissible winning family).
 */
import { type PreparedCouncil, ROLE_EXCLUDED, ROLE_REQUIRED } from './prepared-council.js';

/** "No unit": the vote goes to no one (absence, defection). */
export const NO_UNIT = -1;

/** Weight-count tables of one prepared council. */
export interface CoalitionCounts {
  readonly quota: number;
  /** Number of admissible coalitions (winning or not). */
  readonly admissible: number;
  /** Number of admissible winning coalitions. */
  readonly winning: number;
  /** A(X, Y, t) for X a unit, Y a unit or NO_UNIT, t ≤ quota. */
  count(x: number, y: number, t: number): number;
}

/**
 * Builds the tables for `prepared` at its current weights. O(|U|·q) for g and the per-unit
 * deconvolutions, plus an enumeration of the incompatibility-free subsets of K when there is any.
 */
export function coalitionCounts(prepared: PreparedCouncil): CoalitionCounts {
  if (prepared.infeasible) return { quota: prepared.majority, admissible: 0, winning: 0, count: () => 0 };
  return prepared.constrainedMask === 0 ? new UnconstrainedCounts(prepared) : new ConstrainedCounts(prepared);
}

/** g over the unconstrained free units, and g_{-u} for each of them. */
class FreeProduct {
  readonly length: number;
  readonly g: Float64Array;
  /** g_{-u} for unit u at offset u·length (only for units in U). */
  readonly without: Float64Array;
  /** Number of subsets of U: 2^|U|. */
  readonly subsets: number;

  constructor(prepared: PreparedCouncil, quota: number) {
    const { size, weights, roles, constrainedMask } = prepared;
    const length = quota + 1;
    this.length = length;
    const g = new Float64Array(length);
    g[0] = 1;
    let subsets = 1;
    for (let u = 0; u < size; u++) {
      if (roles[u] !== 0 || (constrainedMask & (1 << u)) !== 0) continue;
      subsets *= 2;
      const w = weights[u]!;
      if (w === 0) for (let v = 0; v < length; v++) g[v] = g[v]! * 2;
      else for (let v = quota; v >= w; v--) g[v] = g[v]! + g[v - w]!;
    }
    const without = new Float64Array(size * length);
    for (let u = 0; u < size; u++) {
      if (roles[u] !== 0 || (constrainedMask & (1 << u)) !== 0) continue;
      const w = weights[u]!;
      const base = u * length;
      if (w === 0) for (let v = 0; v < length; v++) without[base + v] = g[v]! / 2;
      else {
        for (let v = 0; v < length && v < w; v++) without[base + v] = g[v]!;
        for (let v = w; v < length; v++) without[base + v] = g[v]! - without[base + v - w]!;
      }
    }
    this.g = g;
    this.without = without;
    this.subsets = subsets;
  }

  /** g_{-x-y}(v) for x, y ∈ U (x ≠ y), by the alternating sum Σ_k (−1)^k g_{-x}(v − k·w_y). */
  withoutBoth(x: number, wy: number, v: number): number {
    if (v < 0) return 0;
    const base = x * this.length;
    if (wy === 0) return this.without[base + v]! / 2;
    let total = 0;
    let sign = 1;
    for (let at = v; at >= 0; at -= wy) {
      total += sign * this.without[base + at]!;
      sign = -sign;
    }
    return total;
  }
}

type Place = 'required' | 'excluded' | 'constrained' | 'free';

function placeOf(prepared: PreparedCouncil, u: number): Place {
  if (u === NO_UNIT) return 'excluded';
  const role = prepared.roles[u];
  if (role === ROLE_REQUIRED) return 'required';
  if (role === ROLE_EXCLUDED) return 'excluded';
  return (prepared.constrainedMask & (1 << u)) !== 0 ? 'constrained' : 'free';
}

/** No incompatibilities among free units: H is the unit impulse, so A(X, Y, t) is a single table lookup. */
class UnconstrainedCounts implements CoalitionCounts {
  readonly quota: number;
  readonly admissible: number;
  readonly winning: number;
  private readonly product: FreeProduct;

  constructor(private readonly prepared: PreparedCouncil) {
    const quota = prepared.majority;
    this.quota = quota;
    this.product = new FreeProduct(prepared, quota);
    this.admissible = this.product.subsets;
    let losing = 0;
    const below = quota - prepared.requiredWeight;
    for (let v = 0; v < below; v++) losing += this.product.g[v]!;
    this.winning = this.admissible - losing;
  }

  count(x: number, y: number, t: number): number {
    const { prepared, product } = this;
    const { roles, weights, requiredWeight } = prepared;
    const roleX = x === NO_UNIT ? ROLE_EXCLUDED : roles[x];
    const roleY = y === NO_UNIT ? ROLE_EXCLUDED : roles[y];
    if (roleX === ROLE_EXCLUDED || roleY === ROLE_REQUIRED) return 0;
    const v = t - requiredWeight;
    if (roleX === ROLE_REQUIRED) {
      if (v < 0) return 0;
      return roleY === ROLE_EXCLUDED ? product.g[v]! : product.without[y * product.length + v]!;
    }
    const rest = v - weights[x]!;
    if (rest < 0) return 0;
    return roleY === ROLE_EXCLUDED ? product.without[x * product.length + rest]! : product.withoutBoth(x, weights[y]!, rest);
  }
}

/** Some free units are incompatible: enumerate the admissible subsets of K into histograms. */
class ConstrainedCounts implements CoalitionCounts {
  readonly quota: number;
  readonly admissible: number;
  readonly winning: number;
  private readonly product: FreeProduct;
  private readonly length: number;
  /** Compact index of each constrained unit, or -1. */
  private readonly slot: Int32Array;
  private readonly k: number;
  /** H(s): admissible T by weight. */
  private readonly all: Float64Array;
  /** H with unit X in T, at slot(X)·length. */
  private readonly withX: Float64Array;
  /** H with unit Y not in T. */
  private readonly withoutY: Float64Array;
  /** H with X in T and Y not, at (slot(X)·k + slot(Y))·length. */
  private readonly withXWithoutY: Float64Array;
  private readonly scratch: Float64Array;

  constructor(private readonly prepared: PreparedCouncil) {
    const quota = prepared.majority;
    this.quota = quota;
    const length = quota + 1;
    this.length = length;
    this.product = new FreeProduct(prepared, quota);
    const { size, weights, conflicts, constrainedMask } = prepared;
    const units: number[] = [];
    this.slot = new Int32Array(size).fill(-1);
    for (let u = 0; u < size; u++) {
      if ((constrainedMask & (1 << u)) !== 0) {
        this.slot[u] = units.length;
        units.push(u);
      }
    }
    const k = units.length;
    this.k = k;
    this.all = new Float64Array(length);
    this.withX = new Float64Array(k * length);
    this.withoutY = new Float64Array(k * length);
    this.withXWithoutY = new Float64Array(k * k * length);
    this.scratch = new Float64Array(length);
    let subsets = 0;
    // Every incompatibility-free subset of K, as a list of slots.
    const chosen = new Int32Array(k);
    const visit = (depth: number, start: number, weight: number, forbidden: number): void => {
      subsets++;
      if (weight <= quota) {
        increment(this.all, weight);
        let inMask = 0;
        for (let i = 0; i < depth; i++) inMask |= 1 << chosen[i]!;
        for (let a = 0; a < k; a++) {
          if ((inMask & (1 << a)) !== 0) {
            increment(this.withX, a * length + weight);
            for (let b = 0; b < k; b++) if ((inMask & (1 << b)) === 0) increment(this.withXWithoutY, (a * k + b) * length + weight);
          } else increment(this.withoutY, a * length + weight);
        }
      }
      for (let a = start; a < k; a++) {
        const u = units[a]!;
        if ((forbidden & (1 << u)) !== 0) continue;
        chosen[depth] = a;
        visit(depth + 1, a + 1, weight + weights[u]!, forbidden | conflicts[u]!);
      }
    };
    visit(0, 0, 0, 0);
    this.admissible = subsets * this.product.subsets;
    let losing = 0;
    const below = quota - prepared.requiredWeight;
    for (let v = 0; v < below; v++) losing += convolveAt(this.all, 0, this.product.g, 0, v);
    this.winning = this.admissible - losing;
  }

  count(x: number, y: number, t: number): number {
    const { prepared, product, length, slot, k } = this;
    const placeX = placeOf(prepared, x);
    const placeY = placeOf(prepared, y);
    if (placeX === 'excluded' || placeY === 'required') return 0;
    const v = t - prepared.requiredWeight;
    // Histogram of T and table of S matching the conditions on X and Y.
    let hist = this.all;
    let histBase = 0;
    let table = product.g;
    let tableBase = 0;
    let at = v;
    if (placeX === 'constrained') {
      if (placeY === 'constrained') {
        hist = this.withXWithoutY;
        histBase = (slot[x]! * k + slot[y]!) * length;
      } else {
        hist = this.withX;
        histBase = slot[x]! * length;
      }
    } else if (placeY === 'constrained') {
      hist = this.withoutY;
      histBase = slot[y]! * length;
    }
    if (placeX === 'free') at -= prepared.weights[x]!;
    if (at < 0) return 0;
    if (placeX === 'free' && placeY === 'free') {
      // g_{-x-y} over 0..at, into scratch.
      const wy = prepared.weights[y]!;
      const source = x * length;
      for (let w = 0; w <= at; w++) {
        this.scratch[w] = wy === 0 ? product.without[source + w]! / 2 : product.without[source + w]! - (w >= wy ? this.scratch[w - wy]! : 0);
      }
      table = this.scratch;
    } else if (placeX === 'free') {
      table = product.without;
      tableBase = x * length;
    } else if (placeY === 'free') {
      table = product.without;
      tableBase = y * length;
    }
    return convolveAt(hist, histBase, table, tableBase, at);
  }
}

function increment(table: Float64Array, index: number): void {
  table[index] = table[index]! + 1;
}

/** (a * b)(v) = Σ_s a[s] · b[v − s], over s = 0..v. */
function convolveAt(a: Float64Array, aBase: number, b: Float64Array, bBase: number, v: number): number {
  let total = 0;
  for (let s = 0; s <= v; s++) {
    const left = a[aBase + s]!;
    if (left !== 0) total += left * b[bBase + v - s]!;
  }
  return total;
}
