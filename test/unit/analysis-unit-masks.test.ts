/**
 * Unit masks held as exact integers in doubles, checked against BigInt set arithmetic on masks that
 * straddle every word boundary (bits 30, 31, 32 and 47) and on random masks of up to 48 units.
 */
import { describe, expect, it } from 'vitest';
import { allUnits, hasUnit, MASK_BITS, maskIntersection, maskUnion, maskWithout, popcount32, unitBit, unitCount, unitsIn, unitsWeight } from '../../src/model/analysis/unit-masks.js';
import { SplitMix32 } from '../../src/model/random.js';

const big = (mask: number) => BigInt(mask);
const units = (mask: bigint) => Array.from({ length: MASK_BITS }, (_, u) => u).filter((u) => ((mask >> BigInt(u)) & 1n) === 1n);

/** Masks with the edge units set and cleared, and random ones. */
function masks(): number[] {
  const edges = [0, 1, 30, 31, 32, 33, 46, 47];
  const out = [0, 2 ** 31 - 1, 2 ** 31, 2 ** 32 - 1, 2 ** 32, 2 ** 48 - 1];
  for (const u of edges) out.push(2 ** u, 2 ** 48 - 1 - 2 ** u);
  const random = new SplitMix32(48);
  for (let i = 0; i < 300; i++) {
    const width = 1 + (random.nextUint32() % MASK_BITS);
    const low = random.nextUint32();
    const high = random.nextUint32() % 2 ** 16;
    out.push(Number((BigInt(high) * 2n ** 32n + BigInt(low)) % 2n ** BigInt(width)));
  }
  return out;
}

describe('unit masks', () => {
  const all = masks();
  const weights = Array.from({ length: MASK_BITS }, (_, u) => u * 3 + 1);

  it('membership, counts, listing and weight agree with BigInt arithmetic', () => {
    const out = new Int32Array(MASK_BITS);
    for (const mask of all) {
      const members = units(big(mask));
      expect(Array.from({ length: MASK_BITS }, (_, u) => u).filter((u) => hasUnit(mask, u)), String(mask)).toEqual(members);
      expect(unitCount(mask), String(mask)).toBe(members.length);
      expect([...out.subarray(0, unitsIn(mask, out))], String(mask)).toEqual(members);
      expect(unitsWeight(mask, weights), String(mask)).toBe(members.reduce((sum, u) => sum + weights[u]!, 0));
    }
  });

  it('union, intersection and difference agree with BigInt arithmetic, in both orders', () => {
    for (let i = 0; i < all.length; i++) {
      const a = all[i]!;
      const b = all[(i * 7 + 3) % all.length]!;
      expect(big(maskUnion(a, b)), `${a} ∪ ${b}`).toBe(big(a) | big(b));
      expect(big(maskUnion(b, a)), `${b} ∪ ${a}`).toBe(big(a) | big(b));
      expect(big(maskIntersection(a, b)), `${a} ∩ ${b}`).toBe(big(a) & big(b));
      expect(big(maskIntersection(b, a)), `${b} ∩ ${a}`).toBe(big(a) & big(b));
      expect(big(maskWithout(a, b)), `${a} − ${b}`).toBe(big(a) & ~big(b));
    }
  });

  it('single units and the full set at every size', () => {
    for (let u = 0; u < MASK_BITS; u++) expect(unitBit(u), `unit ${u}`).toBe(2 ** u);
    for (let size = 0; size <= MASK_BITS; size++) expect(allUnits(size), `size ${size}`).toBe(2 ** size - 1);
  });

  it('counts the bits of a 32-bit word, the sign bit included', () => {
    for (const word of [0, 1, 0x80000000, 0xffffffff, 0x55555555, 0x0f0f0f0f, 0x12345678]) {
      expect(popcount32(word), word.toString(16)).toBe(word.toString(2).split('').filter((bit) => bit === '1').length);
    }
    expect(popcount32(-1)).toBe(32);
  });
});
