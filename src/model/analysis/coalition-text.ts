/** Turning unit bitmasks into the coalition objects and labels an analysis shows. */
import { maskWeight, popcount } from './minimal-winning.js';
import { maskIds, type PreparedCouncil } from './prepared-council.js';
import { hasUnit, MASK_BITS, maskUnion, unitBit, unitsIn } from './unit-masks.js';

/** Scratch for {@link unitsIn}. */
const MEMBERS = new Int32Array(MASK_BITS);
import type { CouncilCoalition } from './types.js';

/** Present members of the units in `mask`. */
export function votesOf(prepared: PreparedCouncil, mask: number, weights: Int32Array = prepared.weights): number {
  let total = 0;
  const count = unitsIn(mask, MEMBERS);
  for (let i = 0; i < count; i++) total += weights[MEMBERS[i]!]!;
  return total;
}

/** A coalition with its votes, margin and critical members (those whose departure makes it lose). */
export function coalitionOf(prepared: PreparedCouncil, mask: number): CouncilCoalition {
  const votes = votesOf(prepared, mask);
  const critical: string[] = [];
  const count = unitsIn(mask, MEMBERS);
  for (let i = 0; i < count; i++) {
    const u = MEMBERS[i]!;
    if (votes >= prepared.majority && votes - prepared.weights[u]! < prepared.majority) critical.push(prepared.ids[u]!);
  }
  return { units: maskIds(mask, prepared.ids), votes, margin: votes - prepared.majority, critical };
}

/**
 * Sorts coalition masks by votes, then number of units, then council order of their members (the
 * coalition holding the earliest unit where they differ comes first). Each mask becomes one exact
 * float64 key — (votes·32 + units)·2^32 + (2^32 − 1 − bit-reversed mask) — so the sort is a native
 * numeric sort with no comparator. With `limit`, a council above 31 units may return only the first
 * `limit` (the narrow sort is cheap enough to return them all).
 */
export function sortMasks(prepared: PreparedCouncil, masks: ArrayLike<number>, limit = Number.POSITIVE_INFINITY): number[] {
  if (prepared.size > 31) return sortWideMasks(prepared, masks, limit);
  const keys = new Float64Array(masks.length);
  for (let i = 0; i < masks.length; i++) {
    const mask = masks[i]!;
    keys[i] = (maskWeight(mask, prepared.weights) * 32 + popcount(mask)) * 2 ** 32 + (0xffffffff - reverseBits(mask));
  }
  keys.sort();
  const out = new Array<number>(keys.length);
  for (let i = 0; i < keys.length; i++) out[i] = reverseBits(0xffffffff - (keys[i]! % 2 ** 32)) | 0;
  return out;
}

/**
 * The same order for masks above 32 bits. Votes, units and the reversed bits no longer fit one exact
 * double, so the masks are grouped by votes·64 + units and each group is sorted natively on its reversed
 * bits, read back into masks (a comparator sort was most of a 40-unit analysis).
 */
function sortWideMasks(prepared: PreparedCouncil, masks: ArrayLike<number>, limit: number): number[] {
  const { weights, size } = prepared;
  const power = new Float64Array(size);
  for (let u = 0; u < size; u++) power[u] = 2 ** (size - 1 - u);
  const groups = new Map<number, number[]>();
  for (let i = 0; i < masks.length; i++) {
    const count = unitsIn(masks[i]!, MEMBERS);
    let votes = 0;
    let reversed = 0;
    for (let j = 0; j < count; j++) {
      votes += weights[MEMBERS[j]!]!;
      reversed += power[MEMBERS[j]!]!;
    }
    const first = votes * 64 + count;
    const group = groups.get(first);
    // The negation sorts ascending in the order wanted: the earliest unit (the highest reversed bit) first.
    if (group === undefined) groups.set(first, [-reversed]);
    else group.push(-reversed);
  }
  const out: number[] = [];
  for (const first of Float64Array.from(groups.keys()).sort()) {
    if (out.length >= limit) break;
    const keys = Float64Array.from(groups.get(first)!).sort();
    for (const key of keys.subarray(0, limit - out.length)) {
      // Reverse the bits back: bit b of the reversed key is unit size − 1 − b.
      const count = unitsIn(-key, MEMBERS);
      let mask = 0;
      for (let j = 0; j < count; j++) mask += power[MEMBERS[j]!]!;
      out.push(mask);
    }
  }
  return out;
}

/** The 32 bits of `mask` in reverse order, as an unsigned integer. */
function reverseBits(mask: number): number {
  let x = mask >>> 0;
  x = ((x >>> 1) & 0x55555555) | ((x & 0x55555555) << 1);
  x = ((x >>> 2) & 0x33333333) | ((x & 0x33333333) << 2);
  x = ((x >>> 4) & 0x0f0f0f0f) | ((x & 0x0f0f0f0f) << 4);
  x = ((x >>> 8) & 0x00ff00ff) | ((x & 0x00ff00ff) << 8);
  return ((x >>> 16) | (x << 16)) >>> 0;
}

/** The bloc whose units are exactly `mask`, if any (so a declared coalition can be called `cf`). */
export function blocNamed(prepared: PreparedCouncil, mask: number): string | undefined {
  const blocs = new Map<string, number>();
  prepared.council.units.forEach((unit, u) => {
    for (const bloc of unit.blocs ?? []) blocs.set(bloc, maskUnion(blocs.get(bloc) ?? 0, unitBit(u)));
  });
  for (const [bloc, members] of blocs) if (members === mask) return bloc;
  return undefined;
}

/** `a + b + c`: the unit ids of `mask`. */
export function shortLabel(prepared: PreparedCouncil, mask: number): string {
  const ids = maskIds(mask, prepared.ids);
  return ids.length === 0 ? '(nobody)' : ids.join(' + ');
}

/** `cf (nabni 3 + state-of-law 3 + nsf 2)`: members with their present seats, named after the bloc they form (else `coalition`). */
export function votesLabel(prepared: PreparedCouncil, mask: number, weights: Int32Array = prepared.weights): string {
  const parts: string[] = [];
  for (let u = 0; u < prepared.size; u++) if (hasUnit(mask, u)) parts.push(`${prepared.ids[u]!} ${weights[u]!}`);
  const inner = parts.length === 0 ? 'nobody' : parts.join(' + ');
  const bloc = blocNamed(prepared, mask);
  return `${bloc ?? 'coalition'} (${inner})`;
}
