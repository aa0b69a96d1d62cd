/** Banzhaf in detail: the float and BigInt paths on either side of 52 players, their limits, buffers and array-likes. */
import { describe, expect, it } from 'vitest';
import { banzhafSwingsBig, exactSwings, losingCoalitions } from '../../src/model/power/banzhaf.js';
import { banzhaf, banzhafSwings } from '../../src/model/power/index.js';
import { dataError } from '../helpers/errors.js';

/** C(n, k) in BigInt, 0 outside 0..n. */
const choose = (n: number, k: number): bigint => {
  if (k < 0 || k > n) return 0n;
  let result = 1n;
  for (let i = 0; i < k; i++) result = (result * BigInt(n - i)) / BigInt(i + 1);
  return result;
};
const sumOf = (values: bigint[]): bigint => values.reduce((a, b) => a + b, 0n);
const ones = (n: number): number[] => Array<number>(n).fill(1);
/** Players 1..k with weights 1..k, then one of weight 100,000: k + 1 players, k + 1 distinct weights. */
const ladder = (k: number): number[] => [...Array.from({ length: k }, (_, i) => i + 1), 100_000];

describe('the swing cache', () => {
  it('has a slot for weights at or above the quota', () => {
    // [250,001; 250,001, 1]: player 0 wins alone, so both coalitions of the other ({}, {1}) are swings; player 1
    // never is (the other's coalitions weigh 0 or 250,001, never exactly 250,000). Player 0 reads slot q of
    // the cache, so the cache needs q + 1 cells (q is large so that an earlier, smaller game has not left a
    // big enough buffer behind).
    expect(Array.from(banzhafSwings([250_001, 1], 250_001))).toEqual([2, 0]);
  });
});

describe('52 players take the float path, 53 the exact one', () => {
  // ladder(51) = [1..51, 100,000], quota 50,000: the big player wins alone and the others together weigh 1,326,
  // so the big player swings in all 2^51 coalitions of the others and nobody else ever swings. Losing
  // coalitions: the 2^51 without the big player. As a BigInt table it would be 50,000 cells × 52 distinct
  // weights × 52 players = 135,200,000 cell-bits, over the 134,217,728 limit: only the float path answers.
  it('answers a 52-player game whose BigInt table would be over the work limit', () => {
    const weights = ladder(51);
    const expected = [...Array<bigint>(51).fill(0n), 2n ** 51n];
    expect(Array.from(banzhafSwings(weights, 50_000))).toEqual(expected.map(Number));
    expect(exactSwings(weights, 50_000)).toEqual(expected);
    expect(losingCoalitions(weights, 50_000)).toBe(2n ** 51n);
    const result = banzhaf({ quota: 50_000, weights });
    expect(result.totalSwings).toBe(2n ** 51n);
    expect(result.players.map((player) => player.float)).toEqual([...Array<number>(51).fill(0), 1]);
  });

  it('refuses the 53-player version, naming the work limit', () => {
    // ladder(52): 50,000 cells × 53 distinct weights = 2,650,000 cells, × 53 players = 140,450,000 > 134,217,728.
    const weights = ladder(52);
    const message =
      'the Banzhaf count with 53 players needs 2,650,000 table cells of numbers up to 53 bits, over the limit of 134,217,728 cell-bits; use fewer players or scale the weights and quota down';
    for (const run of [
      () => banzhafSwings(weights, 50_000),
      () => exactSwings(weights, 50_000),
      () => losingCoalitions(weights, 50_000),
      () => banzhaf({ quota: 50_000, weights }),
    ]) {
      const error = dataError(run);
      expect(error.issues).toEqual([{ path: 'weights', message }]);
    }
  });

  it('counts exactly beyond 52 players, where floats would round', () => {
    // 58 equal players, quota 26: a player swings when exactly 25 of the other 57 are in, C(57, 25) =
    // 9,929,472,283,517,787 coalitions, an odd number above 2^53 (no double holds it). Losing: 0..25 of 58.
    const swings = choose(57, 25);
    expect(swings).toBe(9_929_472_283_517_787n);
    expect(BigInt(Number(swings))).not.toBe(swings);
    expect(exactSwings(ones(58), 26)).toEqual(Array<bigint>(58).fill(swings));
    expect(banzhafSwingsBig(ones(58), 26)).toEqual(Array<bigint>(58).fill(swings));
    expect(Array.from(banzhafSwings(ones(58), 26))).toEqual(Array<number>(58).fill(Number(swings)));
    const losing = sumOf(Array.from({ length: 26 }, (_, k) => choose(58, k)));
    expect(losingCoalitions(ones(58), 26)).toBe(losing);
    const result = banzhaf({ quota: 26, weights: ones(58) });
    expect(result.totalSwings).toBe(58n * swings);
    expect(result.players[0]!.raw).toBe(swings);
  });

  it('divides the weights by their common divisor beyond 52 players', () => {
    // 58 players of weight 2, quota 52, is the game above (58 ones, quota 26) at twice the scale.
    const twos = Array<number>(58).fill(2);
    expect(exactSwings(twos, 52)).toEqual(Array<bigint>(58).fill(choose(57, 25)));
    expect(losingCoalitions(twos, 52)).toBe(sumOf(Array.from({ length: 26 }, (_, k) => choose(58, k))));
  });

  it('sums swings exactly when their total is past 2^53', () => {
    // [29; 4, 4, 4, 1 × 49], 52 players. A weight-4 player swings when the others weigh 25..28: j of the two
    // other 4s and t − 4j of the 49 ones. A weight-1 player swings when the others weigh exactly 28: j of the
    // three 4s and 28 − 4j of the 48 other ones. Each count is below 2^53 but the total is not a double.
    let four = 0n;
    for (let j = 0; j <= 2; j++) for (let t = 25; t <= 28; t++) four += choose(2, j) * choose(49, t - 4 * j);
    let one = 0n;
    for (let j = 0; j <= 3; j++) one += choose(3, j) * choose(48, 28 - 4 * j);
    const total = 3n * four + 49n * one;
    expect(total).toBe(10_219_313_011_455_324n);
    const weights = [4, 4, 4, ...ones(49)];
    const result = banzhaf({ quota: 29, weights });
    expect(result.totalSwings).toBe(total);
    expect(result.players.map((player) => player.raw)).toEqual([four, four, four, ...Array<bigint>(49).fill(one)]);
    // The shares are four/total and one/total (reduced): equal cross-products.
    const [first, fourth] = [result.players[0]!.value, result.players[3]!.value];
    expect(first.num * total).toBe(four * first.den);
    expect(fourth.num * total).toBe(one * fourth.den);
  });
});

describe('argument checks', () => {
  it('names the short output buffer', () => {
    expect(() => banzhafSwings([4, 3, 2, 1], 6, new Float64Array(3))).toThrow(new RangeError('banzhafSwings: out needs length ≥ 4, got 3'));
  });

  it('names the table that is too big, on either path', () => {
    // gcd(99,999,999, 99,999,998) = 1: 10^8 float cells, over 2^24.
    expect(dataError(() => banzhafSwings([99_999_999, 99_999_998], 100_000_000)).issues).toEqual([
      { path: 'quota', message: 'the Banzhaf count needs 100,000,000 table cells, over the limit of 16,777,216; scale the weights and quota down' },
    ]);
    // 53 players: BigInt cells, limited to 2^21.
    expect(dataError(() => banzhafSwings([3_000_000, ...ones(52)], 3_000_000)).issues).toEqual([
      { path: 'quota', message: 'the Banzhaf count needs 3,000,000 table cells, over the limit of 2,097,152; scale the weights and quota down' },
    ]);
  });
});

describe('only the first n entries are read and written', () => {
  it('leaves the rest of a longer output buffer alone', () => {
    // [6; 4, 3, 2, 1]: swings 5, 3, 3, 1 (Straffin's example, see power-indices.test.ts).
    const out = new Float64Array(5).fill(-7);
    banzhafSwings([4, 3, 2, 1], 6, out);
    expect(Array.from(out)).toEqual([5, 3, 3, 1, -7]);
    // 53 equal players, quota 27: each swings when exactly 26 of the other 52 are in, C(52, 26).
    const wide = new Float64Array(54).fill(-7);
    banzhafSwings(ones(53), 27, wide);
    expect(Array.from(wide)).toEqual([...Array<number>(53).fill(Number(choose(52, 26))), -7]);
  });

  it('ignores entries of an array-like past its length', () => {
    // A 0 past the end is no null player: the swings are Straffin's, not doubled; 9 losing coalitions
    // (∅, D, C, CD, B, BD, BC, A, AD of [6; 4, 3, 2, 1]), not 18.
    const straffin = { length: 4, 0: 4, 1: 3, 2: 2, 3: 1, 4: 0 };
    expect(Array.from(banzhafSwings(straffin, 6))).toEqual([5, 3, 3, 1]);
    expect(losingCoalitions(straffin, 6)).toBe(9n);
    // A 54th player past the end of 53 equal ones (the BigInt path) changes nothing either.
    const equal: Record<number, number> & { length: number } = { length: 53 };
    for (let i = 0; i <= 53; i++) equal[i] = 1;
    expect(Array.from(banzhafSwings(equal, 27))).toEqual(Array<number>(53).fill(Number(choose(52, 26))));
    expect(banzhafSwingsBig(equal, 27)).toEqual(Array<bigint>(53).fill(choose(52, 26)));
    expect(losingCoalitions(equal, 27)).toBe(sumOf(Array.from({ length: 27 }, (_, k) => choose(53, k))));
  });
});
