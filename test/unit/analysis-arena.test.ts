/**
 * The arena a prepared council's workspace lives in: one pass measures, the second carves every array
 * out of one buffer, float64 first (8-byte aligned), then int32, then bytes, none overlapping another.
 */
import { describe, expect, it } from 'vitest';
import { ArenaAllocator, type Allocator, HEAP, inOneBuffer, SizingAllocator } from '../../src/model/analysis/arena.js';

/** Two arrays of each kind, in mixed order. */
function build(allocate: Allocator) {
  return { a: allocate.f64(3), b: allocate.i32(5), c: allocate.u8(7), d: allocate.f64(2), e: allocate.u8(1), f: allocate.i32(2) };
}

describe('arena', () => {
  it('measures what a build asks for, handing out empty arrays', () => {
    const sizes = new SizingAllocator();
    const arrays = build(sizes);
    expect([sizes.float64, sizes.int32, sizes.uint8]).toEqual([5, 7, 8]);
    expect(Object.values(arrays).map((array) => array.length)).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it('carves every array from one buffer of exactly the measured size, each at its place and zero-filled', () => {
    const arrays = inOneBuffer(build);
    const buffer = arrays.a.buffer;
    expect(Object.values(arrays).every((array) => array.buffer === buffer)).toBe(true);
    expect(buffer.byteLength).toBe(5 * 8 + 7 * 4 + 8);
    expect(Object.values(arrays).map((array) => [array.byteOffset, array.length])).toEqual([
      [0, 3],
      [40, 5],
      [68, 7],
      [24, 2],
      [75, 1],
      [60, 2],
    ]);
    for (const array of Object.values(arrays)) expect([...array].every((value) => value === 0)).toBe(true);
    // Writing every array in full leaves the others as written: none overlaps another.
    Object.values(arrays).forEach((array, k) => array.fill(k + 1));
    Object.values(arrays).forEach((array, k) => expect([...array].every((value) => value === k + 1), `array ${k}`).toBe(true));
  });

  it('an arena sized for nothing has an empty buffer; the heap allocates arrays of their own', () => {
    expect(new ArenaAllocator(new SizingAllocator()).f64(0).buffer.byteLength).toBe(0);
    const one = HEAP.f64(2);
    const two = HEAP.i32(3);
    const three = HEAP.u8(4);
    expect([one.length, two.length, three.length]).toEqual([2, 3, 4]);
    expect(new Set([one.buffer, two.buffer, three.buffer]).size).toBe(3);
    expect([one instanceof Float64Array, two instanceof Int32Array, three instanceof Uint8Array]).toEqual([true, true, true]);
  });
});
