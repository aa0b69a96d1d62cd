/**
 * Seeded pseudo-random numbers, identical on every machine and in every thread.
 *
 * Generator: xoshiro128** 1.1 (D. Blackman and S. Vigna, https://prng.di.unimi.it/xoshiro128starstar.c),
 * 128 bits of state, 32-bit outputs. Only 32-bit integer operations (`Math.imul`, shifts, xor) are
 * used, so the sequence does not depend on floating point.
 *
 * Seeding: a run is split into numbered streams (one per Monte Carlo block). The state of stream `b`
 * for seed `S` (an integer 0 ≤ S < 2^53, split into 32-bit halves lo/hi) is
 *
 *     key   = fmix32(fmix32(fmix32(lo + 0x9E3779B9) ^ hi) ^ b)
 *     s0..3 = the first four outputs of splitmix32 started at `key`
 *
 * where fmix32 is MurmurHash3's finalizer and splitmix32 adds 0x9E3779B9 to its state and returns
 * fmix32 of the new state. Four consecutive splitmix32 outputs are distinct images of a bijection, so
 * the state is never all zero.
 */

const GOLDEN_GAMMA = 0x9e3779b9;

/** MurmurHash3's 32-bit finalizer: a bijection on uint32 with full avalanche. */
export function fmix32(value: number): number {
  let z = value >>> 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/** splitmix32: a Weyl sequence through fmix32. Used only to expand a 32-bit key into a state. */
export class SplitMix32 {
  private state: number;
  constructor(key: number) {
    this.state = key >>> 0;
  }
  nextUint32(): number {
    this.state = (this.state + GOLDEN_GAMMA) >>> 0;
    return fmix32(this.state);
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

export class Xoshiro128StarStar {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;

  constructor(s0: number, s1: number, s2: number, s3: number) {
    if ((s0 | s1 | s2 | s3) === 0) throw new RangeError('xoshiro128** state must not be all zero');
    this.s0 = s0 | 0;
    this.s1 = s1 | 0;
    this.s2 = s2 | 0;
    this.s3 = s3 | 0;
  }

  /** The next output, an integer in [0, 2^32). */
  nextUint32(): number {
    const s1 = this.s1;
    const result = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0;
    const t = s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= s1;
    this.s1 = s1 ^ this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return result;
  }

  /**
   * Fills `target[from..]` with the next outputs as int32 (the uint32 output minus 2^31), the same
   * sequence `nextUint32` would give. The state lives in locals for the loop, which is about twice as
   * fast as field updates per call; hot loops draw from such a buffer.
   */
  fillInt32(target: Int32Array, from = 0): void {
    let s0 = this.s0;
    let s1 = this.s1;
    let s2 = this.s2;
    let s3 = this.s3;
    for (let i = from; i < target.length; i++) {
      const m = Math.imul(s1, 5);
      target[i] = Math.imul((m << 7) | (m >>> 25), 9) ^ -2147483648;
      const t = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= t;
      s3 = (s3 << 11) | (s3 >>> 21);
    }
    this.s0 = s0;
    this.s1 = s1;
    this.s2 = s2;
    this.s3 = s3;
  }

  /** A float in [0, 1) with 32 random bits (for callers that want one; the samplers compare integers). */
  nextFloat(): number {
    return this.nextUint32() / 4294967296;
  }

  /** The state as four uint32 words (s0..s3), e.g. to check against reference vectors. */
  state(): [number, number, number, number] {
    return [this.s0 >>> 0, this.s1 >>> 0, this.s2 >>> 0, this.s3 >>> 0];
  }
}

/** Largest accepted seed: seeds are integers that a JSON number or a command-line flag carries exactly. */
export const MAX_SEED = Number.MAX_SAFE_INTEGER;

export function isValidSeed(seed: number): boolean {
  return Number.isSafeInteger(seed) && seed >= 0;
}

/** The 32-bit key of stream `stream` under `seed` (see the module comment). */
export function streamKey(seed: number, stream: number): number {
  if (!isValidSeed(seed)) throw new RangeError(`seed must be an integer from 0 to ${MAX_SEED}, got ${seed}`);
  if (!Number.isInteger(stream) || stream < 0 || stream > 0xffffffff) throw new RangeError(`stream must be a uint32, got ${stream}`);
  const lo = seed >>> 0;
  const hi = Math.floor(seed / 4294967296) >>> 0;
  return fmix32(fmix32(fmix32((lo + GOLDEN_GAMMA) >>> 0) ^ hi) ^ stream);
}

/** An independent generator for stream `stream` (e.g. a block index) of `seed`. */
export function streamGenerator(seed: number, stream: number): Xoshiro128StarStar {
  const expand = new SplitMix32(streamKey(seed, stream));
  return new Xoshiro128StarStar(expand.nextUint32(), expand.nextUint32(), expand.nextUint32(), expand.nextUint32());
}
