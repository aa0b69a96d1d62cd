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
export function classSearchScratch(classes: WeightClasses): ClassSearchScratch {
  const n = classes.length + 1;
  return {
    stack: new Int32Array(2 * n),
    count: new Int32Array(n),
    sum: new Int32Array(n),
    units: new Int32Array(n),
    fixed: new Int32Array(n),
    depth: new Int32Array(n),
    product: new Float64Array(n),
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
): ClassSearchResult {
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
  const { weights, counts, suffix, base, sizeStart, subsets } = classes;
  const { stack, count, sum, units, fixed, depth, product } = scratch;
  let fewestVotes = 0;
  let fewestUnits = 0;
  sum[0] = requiredWeight;
  units[0] = requiredUnits;
  fixed[0] = requiredMask;
  depth[0] = 0;
  product[0] = 1;
  let k = 0;
  // Entering class k: emit the crossing choice, then prepare the largest count that does not cross.
  let entering = true;
  for (;;) {
    const w = weights[k]!;
    if (entering) {
      const crossing = Math.ceil((quota - sum[k]!) / w);
      if (crossing <= counts[k]!) {
        const votes = sum[k]! + crossing * w;
        const size = units[k]! + crossing;
        if (fewestVotes === 0 || votes < fewestVotes) fewestVotes = votes;
        if (fewestUnits === 0 || size < fewestUnits) fewestUnits = size;
        const from = sizeStart[base[k]! + crossing]!;
        const ways = sizeStart[base[k]! + crossing + 1]! - from;
        let d = depth[k]!;
        let mask = fixed[k]!;
        if (ways === 1) mask |= subsets[from]!;
        else {
          stack[2 * d] = from;
          stack[2 * d + 1] = ways;
          d++;
        }
        expand(subsets, stack, d, mask, product[k]! * ways, sink);
      }
      count[k] = Math.min(crossing - 1, counts[k]!);
      entering = false;
    }
    const c = count[k]!;
    // Descend with c members of class k while the lighter classes can still reach the quota.
    if (k + 1 < length && c >= 0 && sum[k]! + c * w + suffix[k + 1]! >= quota) {
      count[k] = c - 1;
      const from = sizeStart[base[k]! + c]!;
      const ways = sizeStart[base[k]! + c + 1]! - from;
      const next = k + 1;
      sum[next] = sum[k]! + c * w;
      units[next] = units[k]! + c;
      if (ways === 1) {
        fixed[next] = fixed[k]! | subsets[from]!;
        depth[next] = depth[k]!;
        product[next] = product[k]!;
      } else {
        const d = depth[k]!;
        stack[2 * d] = from;
        stack[2 * d + 1] = ways;
        fixed[next] = fixed[k]!;
        depth[next] = d + 1;
        product[next] = product[k]! * ways;
      }
      k = next;
      entering = true;
      continue;
    }
    if (k === 0) break;
    k--;
  }
  result.fewestVotes = fewestVotes;
  result.fewestUnits = fewestUnits;
  return result;
}

/**
 * Writes the `total` coalitions of one count vector at the end of the sink: the block starts as the
 * fixed members and is multiplied out by each real choice on the stack, in place from the back (entry i
 * of the old block becomes entries i·s .. i·s + s − 1, never below i).
 */
function expand(subsets: Int32Array, stack: Int32Array, depth: number, fixed: number, total: number, sink: MaskSink): void {
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
