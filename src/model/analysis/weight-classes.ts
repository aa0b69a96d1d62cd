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
  const groups: number[][] = [];
  let last = -1;
  for (const u of order) {
    const w = weights[u]!;
    if (w !== last) {
      groups.push([]);
      last = w;
    }
    groups[groups.length - 1]!.push(u);
  }
  const length = groups.length;
  const classWeights = new Int32Array(length);
  const counts = new Int32Array(length);
  const base = new Int32Array(length);
  const subsets: number[] = [];
  const starts: number[] = [];
  groups.forEach((members, k) => {
    classWeights[k] = weights[members[0]!]!;
    counts[k] = members.length;
    base[k] = starts.length;
    // All subsets of the class's members, ordered by size (then by lowest-first bit patterns).
    const bySize: number[][] = members.map(() => []);
    bySize.push([]);
    for (let pick = 0; pick < 1 << members.length; pick++) {
      let mask = 0;
      let size = 0;
      for (let i = 0; i < members.length; i++) {
        if ((pick & (1 << i)) !== 0) {
          mask |= 1 << members[i]!;
          size++;
        }
      }
      bySize[size]!.push(mask);
    }
    for (const list of bySize) {
      starts.push(subsets.length);
      subsets.push(...list);
    }
    starts.push(subsets.length);
  });
  const suffix = new Int32Array(length + 1);
  for (let k = length - 1; k >= 0; k--) suffix[k] = suffix[k + 1]! + classWeights[k]! * counts[k]!;
  return { length, weights: classWeights, counts, suffix, subsets: Int32Array.from(subsets), sizeStart: Int32Array.from(starts), base };
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

/**
 * Appends the minimal winning coalitions (unit masks) to `sink`, with `requiredMask` (weight
 * `requiredWeight`, `requiredUnits` units) in every one. `chosen` is scratch of at least
 * `classes.length` entries.
 */
export function enumerateByClass(
  classes: WeightClasses,
  requiredMask: number,
  requiredWeight: number,
  requiredUnits: number,
  quota: number,
  sink: MaskSink,
  chosen: Int32Array = new Int32Array(classes.length),
): ClassSearchResult {
  const result: ClassSearchResult = { fewestVotes: 0, fewestUnits: 0 };
  if (requiredWeight >= quota) {
    reserve(sink, 1);
    sink.data[sink.length++] = requiredMask;
    result.fewestVotes = requiredWeight;
    result.fewestUnits = requiredUnits;
    return result;
  }
  chosen.fill(0, 0, classes.length);
  if (classes.length > 0 && requiredWeight + classes.suffix[0]! >= quota) {
    search(classes, quota, 0, requiredWeight, requiredUnits, 1, requiredMask, chosen, sink, result);
  }
  return result;
}

function search(
  classes: WeightClasses,
  quota: number,
  k: number,
  sum: number,
  units: number,
  product: number,
  requiredMask: number,
  chosen: Int32Array,
  sink: MaskSink,
  result: ClassSearchResult,
): void {
  const w = classes.weights[k]!;
  const n = classes.counts[k]!;
  const crossing = Math.ceil((quota - sum) / w);
  const base = classes.base[k]!;
  if (crossing <= n) {
    chosen[k] = crossing;
    const votes = sum + crossing * w;
    const size = units + crossing;
    if (result.fewestVotes === 0 || votes < result.fewestVotes) result.fewestVotes = votes;
    if (result.fewestUnits === 0 || size < result.fewestUnits) result.fewestUnits = size;
    const ways = classes.sizeStart[base + crossing + 1]! - classes.sizeStart[base + crossing]!;
    expand(classes, chosen, k, requiredMask, product * ways, sink);
  }
  if (k + 1 === classes.length) {
    chosen[k] = 0;
    return;
  }
  // Fewer members go on to lighter classes, as long as those can still reach the quota.
  const rest = classes.suffix[k + 1]!;
  for (let c = Math.min(crossing - 1, n); c >= 0; c--) {
    const next = sum + c * w;
    if (next + rest < quota) break;
    chosen[k] = c;
    const ways = classes.sizeStart[base + c + 1]! - classes.sizeStart[base + c]!;
    search(classes, quota, k + 1, next, units + c, product * ways, requiredMask, chosen, sink, result);
  }
  chosen[k] = 0;
}

/**
 * Writes the `total` coalitions of the count vector `chosen[0..last]` at the end of the sink: the block
 * starts as the single required mask and is multiplied out class by class, in place from the back
 * (entry i of the old block becomes entries i·s .. i·s + s − 1, never below i).
 */
function expand(classes: WeightClasses, chosen: Int32Array, last: number, requiredMask: number, total: number, sink: MaskSink): void {
  reserve(sink, total);
  const data = sink.data;
  const start = sink.length;
  const { subsets, sizeStart, base } = classes;
  // Classes with a single choice (none or all of their members) join every coalition: fold them first.
  let fixed = requiredMask;
  for (let j = 0; j <= last; j++) {
    const c = chosen[j]!;
    if (c === 0) continue;
    const from = sizeStart[base[j]! + c]!;
    if (sizeStart[base[j]! + c + 1]! - from === 1) fixed |= subsets[from]!;
  }
  data[start] = fixed;
  let count = 1;
  for (let j = 0; j <= last; j++) {
    const c = chosen[j]!;
    if (c === 0) continue;
    const from = sizeStart[base[j]! + c]!;
    const ways = sizeStart[base[j]! + c + 1]! - from;
    if (ways === 1) continue;
    for (let i = count - 1; i >= 0; i--) {
      const mask = data[start + i]!;
      const at = start + i * ways;
      for (let t = ways - 1; t >= 0; t--) data[at + t] = mask | subsets[from + t]!;
    }
    count *= ways;
  }
  sink.length = start + count;
}
