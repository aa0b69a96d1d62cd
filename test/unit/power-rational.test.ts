import { describe, expect, it } from 'vitest';
import {
  add,
  compare,
  div,
  equals,
  formatRational,
  gcd,
  gcdSafe,
  mul,
  ONE,
  parseRational,
  rational,
  rationalFromSafe,
  rationalToNumber,
  sub,
  sum,
  ZERO,
} from '../../src/model/rational.js';

describe('rational', () => {
  it('reduces and normalises the sign', () => {
    expect(rational(6, -4)).toEqual({ num: -3n, den: 2n });
    expect(rational(0n, 7n)).toBe(ZERO);
    expect(rational(5)).toEqual({ num: 5n, den: 1n });
    expect(() => rational(1, 0)).toThrow(RangeError);
    expect(() => rational(0.5)).toThrow(RangeError);
  });

  it('formats and parses "p/q"', () => {
    expect(formatRational(rational(848, 5080))).toBe('106/635');
    expect(formatRational(ZERO)).toBe('0');
    expect(formatRational(ONE)).toBe('1');
    expect(formatRational(rational(-2, 4))).toBe('-1/2');
    expect(parseRational('421/2145')).toEqual(rational(421, 2145));
    expect(parseRational(' 3 ')).toEqual(rational(3));
    expect(() => parseRational('1/0')).toThrow(RangeError);
    expect(() => parseRational('a/b')).toThrow(RangeError);
  });

  it('does arithmetic exactly', () => {
    // 1/6 + 1/3 = 1/2; 1/2 − 2/3 = −1/6; (2/3)(9/4) = 3/2; (1/2)/(1/4) = 2.
    expect(add(rational(1, 6), rational(1, 3))).toEqual(rational(1, 2));
    expect(sub(rational(1, 2), rational(2, 3))).toEqual(rational(-1, 6));
    expect(mul(rational(2, 3), rational(9, 4))).toEqual(rational(3, 2));
    expect(div(rational(1, 2), rational(1, 4))).toEqual(rational(2));
    expect(() => div(ONE, ZERO)).toThrow(RangeError);
    // 5 × 421/2145 + 10 × 4/2145 = 2105/2145 + 40/2145 = 1 (UN Security Council Shapley–Shubik).
    expect(sum([...Array<typeof ONE>(5).fill(rational(421, 2145)), ...Array<typeof ONE>(10).fill(rational(4, 2145))])).toEqual(ONE);
    expect(sum([rational(1, 2), rational(1, 3), rational(1, 6)])).toEqual(ONE);
    expect(sum([])).toEqual(ZERO);
  });

  it('compares', () => {
    expect(compare(rational(1, 3), rational(1, 2))).toBe(-1);
    expect(compare(rational(2, 4), rational(1, 2))).toBe(0);
    expect(compare(rational(-1, 2), rational(-2, 3))).toBe(1);
    expect(equals(rational(3, 9), rational(1, 3))).toBe(true);
  });

  it('converts to the nearest double, even past 2^1024', () => {
    expect(rationalToNumber(rational(1, 3))).toBe(1 / 3);
    const big = 10n ** 400n;
    expect(rationalToNumber({ num: big, den: 3n * big })).toBe(1 / 3);
    expect(rationalToNumber({ num: -(big * 2n), den: 3n * big })).toBe(-2 / 3);
    expect(rationalToNumber({ num: big * 7n, den: big })).toBe(7);
    // (2^60 + 1) / 2^61 is 0.5 + 2^-61: the nearest double is exactly 0.5.
    expect(rationalToNumber(rational((1n << 60n) + 1n, 1n << 61n))).toBe(0.5);
    // (2^53 + 1)/2^53 lies exactly between two doubles; round half to even gives 1.
    expect(rationalToNumber(rational((1n << 53n) + 1n, 1n << 53n))).toBe(1);
    // (2^53 + 3)/2^53 ties between 1 + 2^-52 and 1 + 2^-51: even is 1 + 2^-51.
    expect(rationalToNumber(rational((1n << 53n) + 3n, 1n << 53n))).toBe(1 + 2 ** -51);
  });

  it('float gcd agrees with the BigInt one up to 2^53', () => {
    const pairs: [number, number][] = [
      [4681693294182692, 518714817081760],
      [2 ** 52, 2 ** 40 * 3],
      [9007199254740881, 9007199254740847], // just below 2^53
      [0, 12],
      [12, 0],
    ];
    for (const [a, b] of pairs) expect(BigInt(gcdSafe(a, b))).toBe(gcd(BigInt(a), BigInt(b)));
    expect(rationalFromSafe(848, 5080)).toEqual(rational(106, 635));
    expect(rationalFromSafe(0, 5)).toBe(ZERO);
  });
});
