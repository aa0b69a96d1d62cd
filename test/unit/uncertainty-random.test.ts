import { describe, expect, it } from 'vitest';
import { SplitMix32, Xoshiro128StarStar, fmix32, streamGenerator, streamKey } from '../../src/model/random.js';
import { fmixBig, streamStateBig, xoshiroOutputsBig } from '../helpers/bigint-random.js';

describe('xoshiro128** matches the reference implementation', () => {
  // Test data generated with the C reference (prng.di.unimi.it/xoshiro128starstar.c), published with
  // edorfaus/xoshiro-6502 (test-rom/testdata.asm): seed bytes 0C 4A 4D 96 95 B8 0A D4 CB DE 7F AD
  // F0 F0 06 30 read as little-endian words, then the ** outputs and the state after each step.
  const seed = [0x964d4a0c, 0xd40ab895, 0xad7fdecb, 0x3006f0f0] as const;
  const outputs = [0xf1391922, 0x6fe53806, 0xa5be2840, 0xf510ee70];
  const states = [
    [0x72410269, 0xef382c52, 0x2e43bec7, 0x62432f20],
    [0xff3a011b, 0xb33a90fc, 0x2c5a18ae, 0xd81b946b],
    [0x941b058c, 0x605a8949, 0xa641e1b5, 0x0824bb59],
    [0xfc65379c, 0x52006d70, 0x87487639, 0xf1908343],
  ];

  it('gives the reference outputs and states', () => {
    const rng = new Xoshiro128StarStar(...seed);
    outputs.forEach((output, i) => {
      expect(rng.nextUint32()).toBe(output);
      expect(rng.state()).toEqual(states[i]);
    });
  });

  it('fillInt32 is the same sequence shifted by 2^31, and continues it', () => {
    const one = new Xoshiro128StarStar(...seed);
    const buffer = new Int32Array(6);
    one.fillInt32(buffer, 2); // fills positions 2..5 only
    expect([...buffer.subarray(0, 2)]).toEqual([0, 0]);
    expect([...buffer.subarray(2)].map((x) => x + 2 ** 31)).toEqual(outputs);
    expect(one.state()).toEqual(states[3]);
    const two = new Xoshiro128StarStar(...seed);
    for (let i = 0; i < 4; i++) two.nextUint32();
    expect(one.nextUint32()).toBe(two.nextUint32());
  });

  it('the BigInt re-implementation the stream tests rely on gives the same reference outputs', () => {
    expect(xoshiroOutputsBig(seed.map(BigInt), 4).map(Number)).toEqual(outputs);
  });

  it('refuses the all-zero state, from which it would output zeros forever', () => {
    expect(() => new Xoshiro128StarStar(0, 0, 0, 0)).toThrow(new RangeError('xoshiro128** state must not be all zero'));
  });

  it('nextFloat is the next output divided by 2^32', () => {
    const rng = new Xoshiro128StarStar(...seed);
    expect([rng.nextFloat(), rng.nextFloat()]).toEqual([outputs[0]! / 2 ** 32, outputs[1]! / 2 ** 32]);
  });
});

describe('stream seeding (splitmix32 over the seed and the block index)', () => {
  it('fmix32 is the MurmurHash3 finalizer', () => {
    for (const x of [0, 1, 0x80000000, 0xdeadbeef, 0xffffffff]) expect(fmix32(x)).toBe(Number(fmixBig(BigInt(x))));
    expect(fmix32(0)).toBe(0); // the finalizer fixes zero, which is why the key adds the golden gamma first
  });

  it.each([
    [0, 0],
    [1, 0],
    [1, 7],
    [2 ** 32 + 5, 3],
    [Number.MAX_SAFE_INTEGER, 0xffffffff],
  ])('seed %d, stream %d follows the documented formula', (seed, stream) => {
    const expected = streamStateBig(BigInt(seed), BigInt(stream)).map(Number);
    expect(streamGenerator(seed, stream).state()).toEqual(expected);
    const expand = new SplitMix32(streamKey(seed, stream));
    expect([0, 1, 2, 3].map(() => expand.nextUint32())).toEqual(expected);
  });

  it('different seeds and different blocks give different streams', () => {
    const first = (seed: number, stream: number): number[] => {
      const rng = streamGenerator(seed, stream);
      return Array.from({ length: 8 }, () => rng.nextUint32());
    };
    const seen = new Set<string>();
    for (const seed of [0, 1, 2, 2 ** 32, 2 ** 32 + 1]) {
      for (const stream of [0, 1, 2]) seen.add(first(seed, stream).join(','));
    }
    expect(seen.size).toBe(15);
  });

  it('rejects seeds that are not safe non-negative integers', () => {
    expect(() => streamKey(-1, 0)).toThrow(new RangeError('seed must be an integer from 0 to 9007199254740991, got -1'));
    expect(() => streamKey(1.5, 0)).toThrow(RangeError);
    expect(() => streamKey(2 ** 53, 0)).toThrow(RangeError);
    expect(() => streamKey(1, -1)).toThrow(new RangeError('stream must be a uint32, got -1'));
    expect(() => streamKey(1, 2 ** 32)).toThrow(new RangeError('stream must be a uint32, got 4294967296'));
    expect(() => streamKey(1, 0.5)).toThrow(RangeError);
  });

  it('outputs look uniform: bit frequencies of 2^16 outputs within 5 standard deviations', () => {
    const rng = streamGenerator(42, 0);
    const n = 1 << 16;
    const ones = new Array<number>(32).fill(0);
    for (let i = 0; i < n; i++) {
      const x = rng.nextUint32();
      for (let b = 0; b < 32; b++) ones[b]! += (x >>> b) & 1;
    }
    const sd = Math.sqrt(n / 4);
    for (const count of ones) expect(Math.abs(count - n / 2)).toBeLessThan(5 * sd);
  });
});
