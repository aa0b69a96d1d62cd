/**
 * Sets of units as exact integers in a double: bit u is worth 2^u, so a council of up to
 * {@link MASK_BITS} units fits below 2^53. Below 2^31 a mask is also a plain int32 and the 32-bit
 * operators apply unchanged (the common case: real councils have about 20 units); these helpers take
 * the wide route only when a mask reaches bit 31, so councils of up to 31 units pay one comparison.
 */

/** Units a mask may hold: every integer below 2^48 is exact in a double, with room for sums of masks. */
export const MASK_BITS = 48;

const LOW = 2 ** 32;

/** 2^u for every unit a mask may hold (Math.pow per call was a visible share of a 40-unit analysis). */
const BITS = Float64Array.from({ length: MASK_BITS }, (_, u) => 2 ** u);

/** The mask of unit u alone. */
export function unitBit(u: number): number {
  return u < 31 ? 1 << u : BITS[u]!;
}

/**
 * Whether unit u is in `mask`. ToInt32 keeps the low 32 bits of any exact integer, so units below 32 need
 * no split; above, ToUint32 of mask / 2^32 truncates to the high word.
 */
export function hasUnit(mask: number, u: number): boolean {
  return u < 32 ? (mask & (1 << u)) !== 0 : ((mask / LOW) >>> (u - 32)) % 2 === 1;
}

/** a ∪ b. */
export function maskUnion(a: number, b: number): number {
  if (a < 0x80000000 && b < 0x80000000) return a | b;
  return ((high(a) | high(b)) >>> 0) * LOW + (((a | b) >>> 0) % LOW);
}

/** a ∩ b. */
export function maskIntersection(a: number, b: number): number {
  if (a < 0x80000000 || b < 0x80000000) return (a & b) >>> 0;
  return ((high(a) & high(b)) >>> 0) * LOW + ((a & b) >>> 0);
}

/** a minus the units of b. */
export function maskWithout(a: number, b: number): number {
  return a - maskIntersection(a, b);
}

/** The units 0..size−1. */
export function allUnits(size: number): number {
  return size < 31 ? (1 << size) - 1 : 2 ** size - 1;
}

/** Number of units in `mask`. */
export function unitCount(mask: number): number {
  return mask < 0x80000000 ? popcount32(mask) : popcount32(mask >>> 0) + popcount32(high(mask));
}

/**
 * Writes the units of `mask` to `out` in ascending order and returns how many there are: one call per
 * mask where a loop testing every unit would make one per unit.
 */
export function unitsIn(mask: number, out: Int32Array): number {
  let count = 0;
  // ToInt32 keeps the low 32 bits; bit 31 makes the word negative, which `rest & -rest` handles.
  for (let rest = mask | 0; rest !== 0; rest &= rest - 1) out[count++] = 31 - Math.clz32(rest & -rest);
  if (mask >= LOW) for (let rest = high(mask) | 0; rest !== 0; rest &= rest - 1) out[count++] = 63 - Math.clz32(rest & -rest);
  return count;
}

/** Total weight of the units in `mask`. */
export function unitsWeight(mask: number, weights: ArrayLike<number>): number {
  let total = lowWeight(mask >>> 0, weights, 0);
  if (mask >= LOW) total += lowWeight(high(mask), weights, 32);
  return total;
}

function lowWeight(word: number, weights: ArrayLike<number>, offset: number): number {
  let total = 0;
  let rest = word | 0;
  while (rest !== 0) {
    const low = rest & -rest;
    total += weights[offset + 31 - Math.clz32(low)]!;
    rest ^= low;
  }
  return total;
}

function high(mask: number): number {
  return Math.floor(mask / LOW);
}

/** Number of set bits of a 32-bit word. */
export function popcount32(mask: number): number {
  // SWAR count; intermediate values are taken mod 2^32 by the bitwise operators.
  let x = mask - ((mask >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}
