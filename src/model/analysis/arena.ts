/**
 * Typed arrays carved out of one ArrayBuffer. Each typed-array allocation with its own backing store
 * costs about as much as a small council's whole analysis, so the workspace of a prepared council is
 * laid out in one buffer: a first pass with {@link SizingAllocator} measures, a second carves.
 */

/** Hands out zero-filled typed arrays. */
export interface Allocator {
  f64(length: number): Float64Array;
  i32(length: number): Int32Array;
  u8(length: number): Uint8Array;
}

/** Plain allocation, one backing store per array. */
export const HEAP: Allocator = {
  f64: (length) => new Float64Array(length),
  i32: (length) => new Int32Array(length),
  u8: (length) => new Uint8Array(length),
};

/** Counts what a build would allocate; hands out empty placeholders. */
export class SizingAllocator implements Allocator {
  float64 = 0;
  int32 = 0;
  uint8 = 0;
  f64(length: number): Float64Array {
    this.float64 += length;
    return new Float64Array(0);
  }
  i32(length: number): Int32Array {
    this.int32 += length;
    return new Int32Array(0);
  }
  u8(length: number): Uint8Array {
    this.uint8 += length;
    return new Uint8Array(0);
  }
}

/** Carves arrays from one buffer sized by a {@link SizingAllocator} pass (float64 first, for alignment). */
export class ArenaAllocator implements Allocator {
  private readonly buffer: ArrayBuffer;
  private float64At = 0;
  private int32At: number;
  private uint8At: number;

  constructor(sizes: SizingAllocator) {
    this.int32At = sizes.float64 * 8;
    this.uint8At = this.int32At + sizes.int32 * 4;
    this.buffer = new ArrayBuffer(this.uint8At + sizes.uint8);
  }

  f64(length: number): Float64Array {
    const array = new Float64Array(this.buffer, this.float64At, length);
    this.float64At += length * 8;
    return array;
  }
  i32(length: number): Int32Array {
    const array = new Int32Array(this.buffer, this.int32At, length);
    this.int32At += length * 4;
    return array;
  }
  u8(length: number): Uint8Array {
    const array = new Uint8Array(this.buffer, this.uint8At, length);
    this.uint8At += length;
    return array;
  }
}

/** Runs `build` once to size it and once in a single buffer. */
export function inOneBuffer<T>(build: (allocate: Allocator) => T): T {
  const sizes = new SizingAllocator();
  build(sizes);
  return build(new ArenaAllocator(sizes));
}
