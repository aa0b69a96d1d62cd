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
import { GovsimDataError } from '../errors.js';
import { type Allocator, HEAP } from './arena.js';
import { type PreparedCouncil, ROLE_EXCLUDED, ROLE_REQUIRED } from './prepared-council.js';
import { hasUnit, maskUnion } from './unit-masks.js';

/**
 * Most histogram updates the enumeration of incompatibility-free subsets may make (subsets × k², k the
 * units in some incompatible pair). The subsets are exponentially many: fifteen disjoint pairs in a
 * council of 31 units (3^15 subsets) ran for minutes, twenty-four in 48 units would never end. Two blocs
 * declared incompatible give 2^a + 2^b − 1 subsets: 14 units against 10 stay well within the bound.
 */
export const MAX_CONSTRAINED_WORK = 2 ** 26;

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
  /**
   * For every unit x with a present member, writes at `x·(m+1) + y` the admissible winning coalitions a
   * vote moved from x to y makes lose (`lost`) and win (`gained`), and at `x·(m+1) + m` those lost when x
   * loses a vote to no one.
   */
  fillHingeTables(lost: Float64Array, gained: Float64Array): void;
}

/** Reusable buffers for the unconstrained tables (sizes from {@link countBufferSizes}). */
export interface CountBuffers {
  readonly g: Float64Array;
  readonly without: Float64Array;
  readonly scratch: Float64Array;
  readonly pairLost: Float64Array;
  readonly pairGained: Float64Array;
}

/** Buffer sizes the unconstrained tables of `prepared` need. */
export function countBufferSizes(prepared: PreparedCouncil): { length: number; slots: number } {
  return { length: prepared.majority + 1, slots: prepared.freeWeights.length };
}

/** Allocates buffers for {@link coalitionCounts} on `prepared`. */
export function createCountBuffers(prepared: PreparedCouncil, allocate: Allocator = HEAP): CountBuffers {
  const { length, slots } = countBufferSizes(prepared);
  return {
    g: allocate.f64(length),
    without: allocate.f64(slots * length),
    scratch: allocate.f64(length),
    pairLost: allocate.f64(slots * slots),
    pairGained: allocate.f64(slots * slots),
  };
}

/**
 * Builds the tables for `prepared` at its current weights. O(|U|·q) for g and the deconvolutions per
 * distinct weight, plus an enumeration of the incompatibility-free subsets of K when there is any.
 * `buffers` (from {@link createCountBuffers}) avoids allocation in the common unconstrained case.
 */
export function coalitionCounts(prepared: PreparedCouncil, buffers?: CountBuffers): CoalitionCounts {
  if (prepared.infeasible) return { quota: prepared.majority, admissible: 0, winning: 0, count: () => 0, fillHingeTables: () => undefined };
  return prepared.constrainedMask === 0 ? new UnconstrainedCounts(prepared, buffers ?? createCountBuffers(prepared)) : new ConstrainedCounts(prepared);
}

/** g over the unconstrained free units U, and g without one unit of each distinct weight among them. */
class FreeProduct {
  readonly length: number;
  readonly g: Float64Array;
  /** g without one unit of weight weights[slot], at offset slot·length. */
  readonly without: Float64Array;
  /** Per unit, its weight slot (units outside U: -1). */
  readonly slotOf: Int32Array;
  readonly weights: Int32Array;
  /** Units of U per slot. */
  readonly counts: Int32Array;
  /** Number of subsets of U: 2^|U|. */
  readonly subsets: number;

  constructor(prepared: PreparedCouncil, quota: number, buffers?: CountBuffers) {
    const { size, weights, roles, constrainedMask } = prepared;
    const length = quota + 1;
    this.length = length;
    if (constrainedMask === 0) {
      // U is every free unit: the prepared council already grouped them by weight.
      this.slotOf = prepared.freeWeightSlot;
      this.weights = prepared.freeWeights;
      this.counts = prepared.freeWeightCounts;
    } else {
      const slotOf = new Int32Array(size).fill(-1);
      const distinct: number[] = [];
      const counts: number[] = [];
      for (let u = 0; u < size; u++) {
        if (roles[u] !== 0 || hasUnit(constrainedMask, u)) continue;
        let slot = distinct.indexOf(weights[u]!);
        if (slot < 0) {
          slot = distinct.length;
          distinct.push(weights[u]!);
          counts.push(0);
        }
        slotOf[u] = slot;
        counts[slot] = counts[slot]! + 1;
      }
      this.slotOf = slotOf;
      this.weights = Int32Array.from(distinct);
      this.counts = Int32Array.from(counts);
    }
    const g = buffers?.g ?? new Float64Array(length);
    g.fill(0);
    g[0] = 1;
    let subsets = 1;
    for (let slot = 0; slot < this.weights.length; slot++) {
      const w = this.weights[slot]!;
      for (let copies = this.counts[slot]!; copies > 0; copies--) {
        subsets *= 2;
        if (w === 0) for (let v = 0; v < length; v++) g[v] = g[v]! * 2;
        else for (let v = quota; v >= w; v--) g[v] = g[v]! + g[v - w]!;
      }
    }
    const without = buffers?.without ?? new Float64Array(this.weights.length * length);
    for (let slot = 0; slot < this.weights.length; slot++) removeWeight(g, 0, without, slot * length, this.weights[slot]!, length - 1);
    this.g = g;
    this.without = without;
    this.subsets = subsets;
  }

  /** Offset of g_{-u} in `without`. */
  offsetOf(u: number): number {
    return this.slotOf[u]! * this.length;
  }
}

/**
 * From this weight up, four alternating sums (about 4·v/w terms) beat deconvolving the whole prefix
 * (v dependent steps).
 */
const ALTERNATING_STEP = 4;

/** f without one factor (1 + z^w), at v alone: Σ_k (−1)^k f(v − k·w), for w > 0. */
function alternatingSum(f: Float64Array, base: number, w: number, v: number): number {
  let total = 0;
  let sign = 1;
  for (let at = v; at >= 0; at -= w) {
    total += sign * f[base + at]!;
    sign = -sign;
  }
  return total;
}

/** target[0..top] = source without one factor (1 + z^w): deconvolution, exact on float64 integers. */
function removeWeight(source: Float64Array, sourceBase: number, target: Float64Array, targetBase: number, w: number, top: number): void {
  if (w === 0) {
    for (let v = 0; v <= top; v++) target[targetBase + v] = source[sourceBase + v]! / 2;
    return;
  }
  for (let v = 0; v <= top && v < w; v++) target[targetBase + v] = source[sourceBase + v]!;
  for (let v = w; v <= top; v++) target[targetBase + v] = source[sourceBase + v]! - target[targetBase + v - w]!;
}

type Place = 'required' | 'excluded' | 'constrained' | 'free';

function placeOf(prepared: PreparedCouncil, u: number): Place {
  if (u === NO_UNIT) return 'excluded';
  const role = prepared.roles[u];
  if (role === ROLE_REQUIRED) return 'required';
  if (role === ROLE_EXCLUDED) return 'excluded';
  return hasUnit(prepared.constrainedMask, u) ? 'constrained' : 'free';
}

/** No incompatibilities among free units: H is the unit impulse, so A(X, Y, t) is a table lookup. */
class UnconstrainedCounts implements CoalitionCounts {
  readonly quota: number;
  readonly admissible: number;
  readonly winning: number;
  private readonly product: FreeProduct;
  private readonly scratch: Float64Array;

  constructor(
    private readonly prepared: PreparedCouncil,
    private readonly buffers: CountBuffers,
  ) {
    const quota = prepared.majority;
    this.quota = quota;
    this.product = new FreeProduct(prepared, quota, buffers);
    this.scratch = buffers.scratch;
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
      return roleY === ROLE_EXCLUDED ? product.g[v]! : product.without[product.offsetOf(y) + v]!;
    }
    const rest = v - weights[x]!;
    if (rest < 0) return 0;
    if (roleY === ROLE_EXCLUDED) return product.without[product.offsetOf(x) + rest]!;
    removeWeight(product.without, product.offsetOf(x), this.scratch, 0, weights[y]!, rest);
    return this.scratch[rest]!;
  }

  fillHingeTables(lost: Float64Array, gained: Float64Array): void {
    const { prepared, product, scratch, quota } = this;
    const { size, roles, weights, requiredWeight } = prepared;
    const slots = product.weights.length;
    const length = product.length;
    const without = product.without;
    // Free units of equal weight are interchangeable here: one table entry per pair of weights. And
    // g_{-a-b} = g_{-b-a} serves both directions: lost(a→b) = G(base − w_a), gained(a→b) = G(base − 1 − w_b).
    const { pairLost, pairGained } = this.buffers;
    const base = quota - requiredWeight;
    for (let a = 0; a < slots; a++) {
      const wa = product.weights[a]!;
      for (let b = a; b < slots; b++) {
        const ab = a * slots + b;
        const ba = b * slots + a;
        pairLost[ab] = pairGained[ab] = pairLost[ba] = pairGained[ba] = 0;
        if (a === b && product.counts[a]! < 2) continue;
        const wb = product.weights[b]!;
        const lostA = base - wa;
        const lostB = base - wb;
        const top = Math.max(lostA, lostB);
        if (top < 0) continue;
        if (Math.max(wa, wb) >= ALTERNATING_STEP) {
          // Four points of g_{-a-b} by alternating sums over the heavier weight: no dependency chain.
          const heavy = wa >= wb ? wa : wb;
          const offset = (wa >= wb ? b : a) * length;
          pairLost[ab] = alternatingSum(without, offset, heavy, lostA);
          pairGained[ab] = alternatingSum(without, offset, heavy, lostB - 1);
          pairLost[ba] = alternatingSum(without, offset, heavy, lostB);
          pairGained[ba] = alternatingSum(without, offset, heavy, lostA - 1);
          continue;
        }
        removeWeight(without, a * length, scratch, 0, wb, top);
        pairLost[ab] = lostA >= 0 ? scratch[lostA]! : 0;
        pairGained[ab] = lostB >= 1 ? scratch[lostB - 1]! : 0;
        pairLost[ba] = lostB >= 0 ? scratch[lostB]! : 0;
        pairGained[ba] = lostA >= 1 ? scratch[lostA - 1]! : 0;
      }
    }
    lost.fill(0);
    gained.fill(0);
    const stride = size + 1;
    for (let x = 0; x < size; x++) {
      const wx = weights[x]!;
      if (wx === 0) continue;
      const row = x * stride;
      const slotX = product.slotOf[x]!;
      if (roles[x] !== 0) {
        lost[row + size] = this.count(x, NO_UNIT, quota);
        for (let y = 0; y < size; y++) {
          if (y === x) continue;
          lost[row + y] = this.count(x, y, quota);
          gained[row + y] = this.count(y, x, quota - 1);
        }
        continue;
      }
      lost[row + size] = base - wx >= 0 ? without[slotX * length + base - wx]! : 0;
      const pairRow = slotX * slots;
      for (let y = 0; y < size; y++) {
        if (y === x) continue;
        if (roles[y] === 0) {
          const pair = pairRow + product.slotOf[y]!;
          lost[row + y] = pairLost[pair]!;
          gained[row + y] = pairGained[pair]!;
        } else {
          lost[row + y] = this.count(x, y, quota);
          gained[row + y] = this.count(y, x, quota - 1);
        }
      }
    }
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
      if (hasUnit(constrainedMask, u)) {
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
    // Slots in the current subset: k may exceed 31 in a wide council, so no int32 mask.
    const inSet = new Uint8Array(k);
    const perSubset = Math.max(1, k * k);
    const visit = (depth: number, start: number, weight: number, forbidden: number): void => {
      subsets++;
      if (subsets * perSubset > MAX_CONSTRAINED_WORK) {
        throw new GovsimDataError(undefined, [
          {
            path: 'constraints.incompatible',
            message: `council ${prepared.council.id}: the incompatible pairs among its ${k} units leave more than ${Math.floor(MAX_CONSTRAINED_WORK / perSubset)} combinations of them to weigh; the analysis handles at most that many (declare fewer incompatible pairs)`,
          },
        ]);
      }
      if (weight <= quota) {
        increment(this.all, weight);
        inSet.fill(0);
        for (let i = 0; i < depth; i++) inSet[chosen[i]!] = 1;
        for (let a = 0; a < k; a++) {
          if (inSet[a] === 1) {
            increment(this.withX, a * length + weight);
            for (let b = 0; b < k; b++) if (inSet[b] === 0) increment(this.withXWithoutY, (a * k + b) * length + weight);
          } else increment(this.withoutY, a * length + weight);
        }
      }
      for (let a = start; a < k; a++) {
        const u = units[a]!;
        if (hasUnit(forbidden, u)) continue;
        chosen[depth] = a;
        visit(depth + 1, a + 1, weight + weights[u]!, maskUnion(forbidden, conflicts[u]!));
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
      removeWeight(product.without, product.offsetOf(x), this.scratch, 0, prepared.weights[y]!, at);
      table = this.scratch;
    } else if (placeX === 'free') {
      table = product.without;
      tableBase = product.offsetOf(x);
    } else if (placeY === 'free') {
      table = product.without;
      tableBase = product.offsetOf(y);
    }
    return convolveAt(hist, histBase, table, tableBase, at);
  }

  fillHingeTables(lost: Float64Array, gained: Float64Array): void {
    fillByCount(this, this.prepared, lost, gained);
  }
}

/** The hinge tables from `count`, one pair at a time. */
function fillByCount(counts: CoalitionCounts, prepared: PreparedCouncil, lost: Float64Array, gained: Float64Array): void {
  const { size, weights, majority: quota } = prepared;
  const stride = size + 1;
  lost.fill(0);
  gained.fill(0);
  for (let x = 0; x < size; x++) {
    if (weights[x]! === 0) continue;
    const row = x * stride;
    lost[row + size] = counts.count(x, NO_UNIT, quota);
    for (let y = 0; y < size; y++) {
      if (y === x) continue;
      lost[row + y] = counts.count(x, y, quota);
      gained[row + y] = counts.count(y, x, quota - 1);
    }
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
