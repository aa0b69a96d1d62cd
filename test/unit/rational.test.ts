// Edge cases of the exact fractions: signs, zero, reduction, range errors and the rounding of
// rationalToNumber past float64's range. Every expected value is hand-computed or an exact double literal.
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

describe('rational: construction', () => {
  it('moves the sign to the numerator and reduces', () => {
    expect(rational(3, -6)).toEqual({ num: -1n, den: 2n });
    expect(rational(-3, -6)).toEqual({ num: 1n, den: 2n });
    expect(rational(-4, 6)).toEqual({ num: -2n, den: 3n });
    expect(rational(7n, 7n)).toEqual({ num: 1n, den: 1n });
    expect(rational(5, 3)).toEqual({ num: 5n, den: 3n });
    expect(rational(0, -5)).toBe(ZERO);
  });

  it('names the bad part in its range errors', () => {
    expect(() => rational(1, 0)).toThrow(new RangeError('denominator is zero'));
    expect(() => rational(0.5)).toThrow(new RangeError('numerator must be a safe integer, got 0.5'));
    expect(() => rational(1, 2.5)).toThrow(new RangeError('denominator must be a safe integer, got 2.5'));
    expect(() => rational(2 ** 53)).toThrow(new RangeError('numerator must be a safe integer, got 9007199254740992'));
    expect(() => rational(1, Number.NaN)).toThrow(new RangeError('denominator must be a safe integer, got NaN'));
    // 2^53 − 1 is the largest safe integer and is accepted.
    expect(rational(2 ** 53 - 1)).toEqual({ num: 9007199254740991n, den: 1n });
  });

  it('gcd ignores signs', () => {
    expect(gcd(-12n, 18n)).toBe(6n);
    expect(gcd(12n, -18n)).toBe(6n);
    expect(gcd(-12n, -18n)).toBe(6n);
    expect(gcd(0n, -7n)).toBe(7n);
    expect(gcd(-7n, 0n)).toBe(7n);
  });

  it('float gcd past 31 bits and with a zero', () => {
    // 2^31 and 3·2^31: gcd 2^31, reached by the float loop (b > 2^31 − 1).
    expect(gcdSafe(3 * 2 ** 31, 2 ** 31)).toBe(2 ** 31);
    expect(gcdSafe(2 ** 31, 3 * 2 ** 31)).toBe(2 ** 31);
    // 2^31 − 1 (prime) stays in the int32 loop.
    expect(gcdSafe(2 * 0x7fffffff, 0x7fffffff)).toBe(0x7fffffff);
    expect(gcdSafe(12, 0)).toBe(12);
    expect(gcdSafe(12, 18)).toBe(6);
    expect(gcdSafe(18, 12)).toBe(6);
    expect(gcdSafe(35, 64)).toBe(1);
    expect(rationalFromSafe(6, 4)).toEqual({ num: 3n, den: 2n });
    expect(rationalFromSafe(5, 7)).toEqual({ num: 5n, den: 7n });
    expect(rationalFromSafe(0, 9)).toBe(ZERO);
  });
});

describe('rational: arithmetic and order', () => {
  it('adds, subtracts, multiplies and divides with signs', () => {
    // Same denominator: 1/5 + 3/5 = 4/5; −1/4 + 3/4 = 1/2.
    expect(add(rational(1, 5), rational(3, 5))).toEqual({ num: 4n, den: 5n });
    expect(add(rational(-1, 4), rational(3, 4))).toEqual({ num: 1n, den: 2n });
    // 1/2 + (−1/2) = 0 is ZERO itself.
    expect(add(rational(1, 2), rational(-1, 2))).toBe(ZERO);
    // 1/3 − (−1/6) = 1/2; 2/5 − 2/5 = 0.
    expect(sub(rational(1, 3), rational(-1, 6))).toEqual({ num: 1n, den: 2n });
    expect(sub(rational(2, 5), rational(2, 5))).toBe(ZERO);
    // (−2/3)(−3/4) = 1/2; (−2/3)(3/4) = −1/2.
    expect(mul(rational(-2, 3), rational(-3, 4))).toEqual({ num: 1n, den: 2n });
    expect(mul(rational(-2, 3), rational(3, 4))).toEqual({ num: -1n, den: 2n });
    // (1/2)/(−1/3) = −3/2.
    expect(div(rational(1, 2), rational(-1, 3))).toEqual({ num: -3n, den: 2n });
    // (1/3)/(2/5) = 5/6.
    expect(div(rational(1, 3), rational(2, 5))).toEqual({ num: 5n, den: 6n });
    expect(() => div(ONE, ZERO)).toThrow(new RangeError('division by zero'));
  });

  it('sums mixed denominators and signs', () => {
    // 1/4 + 1/6 − 5/12 = 3/12 + 2/12 − 5/12 = 0.
    expect(sum([rational(1, 4), rational(1, 6), rational(-5, 12)])).toBe(ZERO);
    // 1/4 + 1/4 + 1/6 = 2/3 (a repeated denominator, then a new one).
    expect(sum([rational(1, 4), rational(1, 4), rational(1, 6)])).toEqual({ num: 2n, den: 3n });
    // 1/6 + 1/10 = 5/30 + 3/30 = 8/30 = 4/15.
    expect(sum([rational(1, 6), rational(1, 10)])).toEqual({ num: 4n, den: 15n });
    expect(sum([rational(-7, 3)])).toEqual({ num: -7n, den: 3n });
  });

  it('compares and tests equality part by part', () => {
    expect(compare(rational(1, 2), rational(1, 3))).toBe(1);
    expect(compare(rational(-1, 2), rational(1, 3))).toBe(-1);
    expect(compare(rational(-2, 3), rational(-1, 2))).toBe(-1);
    expect(compare(ZERO, ZERO)).toBe(0);
    expect(compare(rational(-3, 6), rational(-1, 2))).toBe(0);
    expect(equals(rational(1, 2), rational(1, 3))).toBe(false);
    expect(equals(rational(1, 3), rational(2, 3))).toBe(false);
    expect(equals(rational(-1, 3), rational(1, 3))).toBe(false);
    expect(equals(ZERO, rational(0, 5))).toBe(true);
  });
});

describe('rational: text', () => {
  it('formats integers without a denominator and fractions with one', () => {
    expect(formatRational(rational(-7))).toBe('-7');
    expect(formatRational(rational(12, 4))).toBe('3');
    expect(formatRational(rational(2, 3))).toBe('2/3');
    expect(formatRational(rational(-10, 4))).toBe('-5/2');
  });

  it('parses signs, several digits and spaces, and nothing else', () => {
    expect(parseRational('-3/4')).toEqual({ num: -3n, den: 4n });
    expect(parseRational('-5')).toEqual({ num: -5n, den: 1n });
    expect(parseRational('12/34')).toEqual({ num: 6n, den: 17n });
    expect(parseRational('120')).toEqual({ num: 120n, den: 1n });
    expect(parseRational('  10 /  4  ')).toEqual({ num: 5n, den: 2n });
    expect(parseRational('1/2')).toEqual({ num: 1n, den: 2n });
    expect(parseRational('0')).toBe(ZERO);
    for (const bad of ['x1/2', '1/2x', '1/-2', '+1', '1/', '/2', '', '1.5', '1 2', '--1', '1//2'])
      expect(() => parseRational(bad), bad).toThrow(new RangeError(`not a fraction: "${bad}"`));
    expect(() => parseRational('7/0')).toThrow(new RangeError('denominator is zero'));
  });
});

describe('rational: to the nearest double', () => {
  it('rounds correctly where Number(num) / Number(den) rounds twice', () => {
    // 3(2^53 + 1)/3 = 2^53 + 1 lies halfway between 2^53 and 2^53 + 2: round half to even gives 2^53.
    // Number(3·2^53 + 3) is already rounded (to 3·2^53 + 4), and dividing that by 3 would give 2^53 + 2.
    const n = 3n * ((1n << 53n) + 1n);
    expect(rationalToNumber({ num: n, den: 3n })).toBe(2 ** 53);
    expect(rationalToNumber({ num: -n, den: 3n })).toBe(-(2 ** 53));
    // 1/2^1030 = 2^-1030 (a subnormal, exact); Number(2^1030) is Infinity.
    expect(rationalToNumber({ num: 1n, den: 1n << 1030n })).toBe(2 ** -1030);
    expect(rationalToNumber({ num: -1n, den: 1n << 1030n })).toBe(-(2 ** -1030));
    // 10^400 / 10^700 = 10^-300, the double literal 1e-300 (both parts beyond float64).
    expect(rationalToNumber({ num: 10n ** 400n, den: 10n ** 700n })).toBe(1e-300);
    // 10^700 / 10^400 = 10^300.
    expect(rationalToNumber({ num: 10n ** 700n, den: 10n ** 400n })).toBe(1e300);
    // 2^60 / 3 = 384307168202282325.33…: the nearest double is 2^60/3 rounded at a spacing of 64.
    expect(rationalToNumber({ num: 1n << 60n, den: 3n })).toBe(384307168202282304);
    // 2^60/(3·2^900) = (1/3)·2^-840: both parts are finite doubles, the denominator far the larger.
    expect(rationalToNumber({ num: 1n << 60n, den: 3n << 900n })).toBe((1 / 3) * 2 ** -840);
    // Past float64 overall: Infinity with the sign.
    expect(rationalToNumber({ num: 10n ** 400n, den: 3n })).toBe(Infinity);
    expect(rationalToNumber({ num: -(10n ** 400n), den: 3n })).toBe(-Infinity);
  });

  it('keeps a remainder below the guard bits (the sticky bit)', () => {
    const d = 10n ** 400n;
    const half = (1n << 53n) + 1n; // (2^53 + 1)/2^53 = 1 + 2^-53, halfway between 1 and 1 + 2^-52
    // Exactly halfway: even gives 1.
    expect(rationalToNumber({ num: half * d, den: (1n << 53n) * d })).toBe(1);
    // A hair above halfway (1/(2^53·10^400) more): up to 1 + 2^-52.
    expect(rationalToNumber({ num: half * d + 1n, den: (1n << 53n) * d })).toBe(1 + 2 ** -52);
    // A hair below halfway: down to 1.
    expect(rationalToNumber({ num: half * d - 1n, den: (1n << 53n) * d })).toBe(1);
  });
});

describe('rational: basics', () => {
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
