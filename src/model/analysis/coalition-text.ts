/** Turning unit bitmasks into the coalition objects and labels an analysis shows. */
import { maskWeight, popcount } from './minimal-winning.js';
import { maskIds, type PreparedCouncil } from './prepared-council.js';
import { hasUnit, maskUnion, unitBit } from './unit-masks.js';
import type { CouncilCoalition } from './types.js';

/** Present members of the units in `mask`. */
export function votesOf(prepared: PreparedCouncil, mask: number, weights: Int32Array = prepared.weights): number {
  let total = 0;
  for (let u = 0; u < prepared.size; u++) if (hasUnit(mask, u)) total += weights[u]!;
  return total;
}

/** A coalition with its votes, margin and critical members (those whose departure makes it lose). */
export function coalitionOf(prepared: PreparedCouncil, mask: number): CouncilCoalition {
  const votes = votesOf(prepared, mask);
  const critical: string[] = [];
  for (let u = 0; u < prepared.size; u++) {
    if (!hasUnit(mask, u)) continue;
    if (votes >= prepared.majority && votes - prepared.weights[u]! < prepared.majority) critical.push(prepared.ids[u]!);
  }
  return { units: maskIds(mask, prepared.ids), votes, margin: votes - prepared.majority, critical };
}

/**
 * Sorts coalition masks by votes, then number of units, then council order of their members (the
 * coalition holding the earliest unit where they differ comes first). Each mask becomes one exact
 * float64 key — (votes·32 + units)·2^32 + (2^32 − 1 − bit-reversed mask) — so the sort is a native
 * numeric sort with no comparator.
 */
export function sortMasks(prepared: PreparedCouncil, masks: ArrayLike<number>): number[] {
  if (prepared.size > 31) return sortWideMasks(prepared, masks);
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

/** The same order for masks above 32 bits, by comparison (at most MAX_LISTED_MINIMAL of them are sorted). */
function sortWideMasks(prepared: PreparedCouncil, masks: ArrayLike<number>): number[] {
  const out = Array.from(masks);
  const votes = new Map<number, number>(out.map((mask) => [mask, maskWeight(mask, prepared.weights)]));
  return out.sort((a, b) => {
    const byVotes = votes.get(a)! - votes.get(b)!;
    if (byVotes !== 0) return byVotes;
    const byUnits = popcount(a) - popcount(b);
    if (byUnits !== 0) return byUnits;
    for (let u = 0; u < prepared.size; u++) {
      const inA = hasUnit(a, u);
      if (inA !== hasUnit(b, u)) return inA ? -1 : 1;
    }
    return 0;
  });
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
