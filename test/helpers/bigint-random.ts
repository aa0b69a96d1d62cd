/**
 * The generator documented in src/model/random.ts, re-implemented in BigInt arithmetic modulo 2^32: tests
 * check the fast int32 code and the Monte Carlo streams against it rather than against themselves.
 */
const M32 = 0xffffffffn;
const GAMMA = 0x9e3779b9n;

/** MurmurHash3's 32-bit finalizer. */
export function fmixBig(x: bigint): bigint {
  let z = x & M32;
  z = ((z ^ (z >> 16n)) * 0x85ebca6bn) & M32;
  z = ((z ^ (z >> 13n)) * 0xc2b2ae35n) & M32;
  return z ^ (z >> 16n);
}

/** The xoshiro128** state s0..s3 of stream `stream` of `seed`: four splitmix32 outputs from the stream key. */
export function streamStateBig(seed: bigint, stream: bigint): bigint[] {
  let state = fmixBig(fmixBig(fmixBig(((seed & M32) + GAMMA) & M32) ^ (seed >> 32n)) ^ stream);
  return [0, 1, 2, 3].map(() => {
    state = (state + GAMMA) & M32;
    return fmixBig(state);
  });
}

const rotl = (x: bigint, k: bigint): bigint => ((x << k) | (x >> (32n - k))) & M32;

/** The first `count` xoshiro128** 1.1 outputs (uint32) of stream `stream` of `seed`. */
export function streamOutputsBig(seed: number, stream: number, count: number): bigint[] {
  return xoshiroOutputsBig(streamStateBig(BigInt(seed), BigInt(stream)), count);
}

/** The first `count` xoshiro128** 1.1 outputs (uint32) from state s0..s3. */
export function xoshiroOutputsBig(state: readonly bigint[], count: number): bigint[] {
  const s = [...state];
  const out: bigint[] = [];
  for (let i = 0; i < count; i++) {
    out.push((rotl((s[1]! * 5n) & M32, 7n) * 9n) & M32);
    const t = (s[1]! << 9n) & M32;
    s[2] = s[2]! ^ s[0]!;
    s[3] = s[3]! ^ s[1]!;
    s[1] = s[1]! ^ s[2];
    s[0] = s[0]! ^ s[3];
    s[2] = s[2] ^ t;
    s[3] = rotl(s[3], 11n);
  }
  return out;
}
