/**
 * Minimal winning coalitions enumerated over classes of equal weight, for councils without
 * incompatibilities. Councils have many units of equal size (five 1-seat units in Baghdad), and a
 * minimal winning coalition is determined, up to the choice of members inside each class, by how many
 * members it takes from each class. The search runs over those count vectors and expands each into its
 * coalitions from precomputed subsets per class and size.
 *
 * Classes are visited heaviest first; at class k with weight w_k and running weight s < q, taking
 * c* = ⌈(q − s)/w_k⌉ members crosses the quota and gives a minimal coalition (its lightest member
 * weighs w_k and s + (c* − 1)·w_k < q); fewer members continue to lighter classes; more are never minimal.
 */

import { type Allocator, HEAP } from './arena.js';
import { popcount } from './minimal-winning.js';

/** Free units with weight > 0 grouped by weight, heaviest first, with every member subset per size. */
export interface WeightClasses {
  readonly length: number;
  readonly weights: Int32Array;
  readonly counts: Int32Array;
  /** Total weight of classes k.. (suffix[length] = 0). */
  readonly suffix: Int32Array;
  /** Member subsets as unit masks, grouped by class, then by size. */
  readonly subsets: Int32Array;
  /** subsets of class k with c members are subsets[sizeStart[base[k] + c] .. sizeStart[base[k] + c + 1]). */
  readonly sizeStart: Int32Array;
  readonly base: Int32Array;
}

/** Groups the units of `order` (free, weight > 0, heaviest first) into classes of equal weight. */
export function weightClasses(order: Int32Array, weights: Int32Array): WeightClasses {
  // Class boundaries: runs of equal weight in the (sorted) order.
  let length = 0;
  for (let i = 0; i < order.length; i++) if (i === 0 || weights[order[i]!] !== weights[order[i - 1]!]) length++;
  const classWeights = new Int32Array(length);
  const counts = new Int32Array(length);
  const firsts = new Int32Array(length);
  let k = -1;
  let totalSubsets = 0;
  for (let i = 0; i < order.length; i++) {
    if (i === 0 || weights[order[i]!] !== weights[order[i - 1]!]) {
      k++;
      classWeights[k] = weights[order[i]!]!;
      firsts[k] = i;
    }
    counts[k] = counts[k]! + 1;
  }
  for (let j = 0; j < length; j++) totalSubsets += 2 ** counts[j]!;
  const subsets = new Int32Array(totalSubsets);
  const base = new Int32Array(length);
  let starts = 0;
  for (let j = 0; j < length; j++) starts += counts[j]! + 2;
  const sizeStart = new Int32Array(starts);
  let at = 0;
  let slot = 0;
  for (let j = 0; j < length; j++) {
    const n = counts[j]!;
    base[j] = slot;
    // Subsets of the class's members grouped by size (ascending), each as a mask of unit bits.
    for (let size = 0; size <= n; size++) {
      sizeStart[slot++] = at;
      for (let pick = 0; pick < 1 << n; pick++) {
        if (popcount(pick) !== size) continue;
        let mask = 0;
        for (let i = 0; i < n; i++) if ((pick & (1 << i)) !== 0) mask |= 1 << order[firsts[j]! + i]!;
        subsets[at++] = mask;
      }
    }
    sizeStart[slot++] = at;
  }
  const suffix = new Int32Array(length + 1);
  for (let j = length - 1; j >= 0; j--) suffix[j] = suffix[j + 1]! + classWeights[j]! * counts[j]!;
  return { length, weights: classWeights, counts, suffix, subsets, sizeStart, base };
}

/** Largest class the subset table is built for: 2^n subsets per class. */
export const MAX_CLASS_SIZE = 16;

/** Whether {@link weightClasses} is cheap for this order (no class larger than MAX_CLASS_SIZE). */
export function classesFit(order: Int32Array, weights: Int32Array): boolean {
  let run = 0;
  let last = -1;
  for (const u of order) {
    const w = weights[u]!;
    run = w === last ? run + 1 : 1;
    last = w;
    if (run > MAX_CLASS_SIZE) return false;
  }
  return true;
}

/** A growable list of unit masks: `data[0..length)` are valid. */
export interface MaskSink {
  data: Int32Array;
  length: number;
}

/** Makes room for `extra` more masks in `sink`. */
export function reserve(sink: MaskSink, extra: number): void {
  const needed = sink.length + extra;
  if (needed <= sink.data.length) return;
  const grown = new Int32Array(Math.max(needed, sink.data.length * 2, 64));
  grown.set(sink.data.subarray(0, sink.length));
  sink.data = grown;
}

/** Summary of an enumeration: fewest votes and fewest units among the coalitions found (0 when none). */
export interface ClassSearchResult {
  fewestVotes: number;
  fewestUnits: number;
}

/** Scratch for {@link enumerateByClass}: per-class state of the depth-first search. */
export interface ClassSearchScratch {
  readonly stack: Int32Array;
  readonly count: Int32Array;
  readonly sum: Int32Array;
  readonly units: Int32Array;
  readonly fixed: Int32Array;
  readonly depth: Int32Array;
  readonly product: Float64Array;
}

/** Scratch sized for `classes`. */
export function classSearchScratch(classes: WeightClasses, allocate: Allocator = HEAP): ClassSearchScratch {
  const n = classes.length + 1;
  return {
    stack: allocate.i32(2 * n),
    count: allocate.i32(n),
    sum: allocate.i32(n),
    units: allocate.i32(n),
    fixed: allocate.i32(n),
    depth: allocate.i32(n),
    product: allocate.f64(n),
  };
}

/**
 * Appends the minimal winning coalitions (unit masks) to `sink`, with `requiredMask` (weight
 * `requiredWeight`, `requiredUnits` units) in every one.
 *
 * Iterative depth-first search over count vectors. Per class k the state holds the running weight, the
 * members every coalition of the branch contains (`fixed`: required units, and classes whose chosen count
 * leaves a single subset), and on `stack` (first subset, number of subsets) for the classes with a real
 * choice, whose product is the number of coalitions the branch expands to.
 */
export function enumerateByClass(
  classes: WeightClasses,
  requiredMask: number,
  requiredWeight: number,
  requiredUnits: number,
  quota: number,
  sink: MaskSink,
  scratch: ClassSearchScratch = classSearchScratch(classes),
  limit = Number.POSITIVE_INFINITY,
): ClassSearchResult {
  const stopAt = sink.length + limit;
  const result: ClassSearchResult = { fewestVotes: 0, fewestUnits: 0 };
  if (requiredWeight >= quota) {
    reserve(sink, 1);
    sink.data[sink.length++] = requiredMask;
    result.fewestVotes = requiredWeight;
    result.fewestUnits = requiredUnits;
    return result;
  }
  const length = classes.length;
  if (length === 0 || requiredWeight + classes.suffix[0]! < quota) return result;
  const { weights, suffix, base, sizeStart, subsets } = classes;
  const { stack, count, sum, units, fixed, depth, product } = scratch;
  const last = length - 1;
  sum[0] = requiredWeight;
  units[0] = requiredUnits;
  fixed[0] = requiredMask;
  depth[0] = 0;
  product[0] = 1;
  let k = 0;
  count[0] = crossAt(classes, 0, requiredWeight, requiredUnits, requiredMask, 0, 1, quota, stack, sink, result, stopAt);
  for (;;) {
    if (sink.length >= stopAt) break;
    const c = count[k]!;
    const w = weights[k]!;
    const next = k + 1;
    // Descend with c members of class k while the lighter classes can still reach the quota.
    if (next <= last && c >= 0 && sum[k]! + c * w + suffix[next]! >= quota) {
      count[k] = c - 1;
      const from = sizeStart[base[k]! + c]!;
      const ways = sizeStart[base[k]! + c + 1]! - from;
      const nextSum = sum[k]! + c * w;
      const nextUnits = units[k]! + c;
      let nextFixed = fixed[k]!;
      let nextDepth = depth[k]!;
      let nextProduct = product[k]!;
      if (ways === 1) nextFixed |= subsets[from]!;
      else {
        stack[2 * nextDepth] = from;
        stack[2 * nextDepth + 1] = ways;
        nextDepth++;
        nextProduct *= ways;
      }
      const nextCount = crossAt(classes, next, nextSum, nextUnits, nextFixed, nextDepth, nextProduct, quota, stack, sink, result, stopAt);
      // The lightest class only ever crosses: nothing below it to visit.
      if (next === last) continue;
      sum[next] = nextSum;
      units[next] = nextUnits;
      fixed[next] = nextFixed;
      depth[next] = nextDepth;
      product[next] = nextProduct;
      count[next] = nextCount;
      k = next;
      continue;
    }
    if (k === 0) break;
    k--;
  }
  return result;
}

/**
 * At class k with running weight `sum`: emits the coalitions that cross the quota inside this class and
 * returns the largest count of its members that stays below it (where the search continues).
 */
function crossAt(
  classes: WeightClasses,
  k: number,
  sum: number,
  units: number,
  fixed: number,
  depth: number,
  product: number,
  quota: number,
  stack: Int32Array,
  sink: MaskSink,
  result: ClassSearchResult,
  stopAt: number,
): number {
  const w = classes.weights[k]!;
  const n = classes.counts[k]!;
  const crossing = Math.ceil((quota - sum) / w);
  if (crossing <= n) {
    const votes = sum + crossing * w;
    const size = units + crossing;
    if (result.fewestVotes === 0 || votes < result.fewestVotes) result.fewestVotes = votes;
    if (result.fewestUnits === 0 || size < result.fewestUnits) result.fewestUnits = size;
    const slot = classes.base[k]! + crossing;
    const from = classes.sizeStart[slot]!;
    const ways = classes.sizeStart[slot + 1]! - from;
    const room = stopAt - sink.length;
    if (ways === 1) expand(classes.subsets, stack, depth, fixed | classes.subsets[from]!, product, sink, room);
    else {
      stack[2 * depth] = from;
      stack[2 * depth + 1] = ways;
      expand(classes.subsets, stack, depth + 1, fixed, product * ways, sink, room);
    }
  }
  return Math.min(crossing - 1, n);
}

/**
 * Writes the `total` coalitions of one count vector at the end of the sink: the block starts as the
 * fixed members and is multiplied out by each real choice on the stack, in place from the back (entry i
 * of the old block becomes entries i·s .. i·s + s − 1, never below i).
 */
function expand(subsets: Int32Array, stack: Int32Array, depth: number, fixed: number, total: number, sink: MaskSink, room: number): void {
  if (room <= 0) return;
  if (total > room) {
    // Only the first `room` of the block: each index read as mixed-radix digits, one per choice.
    reserve(sink, room);
    for (let i = 0; i < room; i++) {
      let mask = fixed;
      let rest = i;
      for (let level = depth - 1; level >= 0; level--) {
        const ways = stack[2 * level + 1]!;
        mask |= subsets[stack[2 * level]! + (rest % ways)]!;
        rest = Math.floor(rest / ways);
      }
      sink.data[sink.length++] = mask;
    }
    return;
  }
  reserve(sink, total);
  const data = sink.data;
  const start = sink.length;
  data[start] = fixed;
  let count = 1;
  for (let level = 0; level < depth; level++) {
    const from = stack[2 * level]!;
    const ways = stack[2 * level + 1]!;
    for (let i = count - 1; i >= 0; i--) {
      const mask = data[start + i]!;
      const at = start + i * ways;
      for (let t = ways - 1; t >= 0; t--) data[at + t] = mask | subsets[from + t]!;
    }
    count *= ways;
  }
  sink.length = start + count;
}
