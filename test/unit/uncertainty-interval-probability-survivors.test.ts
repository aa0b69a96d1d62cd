import { describe, expect, it } from 'vitest';
import { type Rational, ONE, ZERO, formatRational, parseRational } from '../../src/model/rational.js';
import {
  complement,
  isCertain,
  isImpossible,
  meanInterval,
  parseProbability,
  wilsonHalfWidth,
  wilsonInterval,
} from '../../src/model/uncertainty/index.js';

const r = (text: string): Rational => parseRational(text);

/** The exact value as "a/b", or the message when `input` is refused. */
function read(input: number | string): string {
  const value = parseProbability(input);
  return typeof value === 'string' ? value : formatRational(value);
}

describe('Wilson score interval against published and hand-computed values', () => {
  it.each([
    // Newcombe (1998), Statistics in Medicine 17:857–872, Table I, method 3 (score interval without
    // continuity correction), z = 1.96, to the four decimals printed there.
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [0, 20, 0, 0.1611],
    [1, 29, 0.0061, 0.1718],
  ])('%i of %i is [%f, %f] (Newcombe 1998)', (successes, trials, low, high) => {
    const interval = wilsonInterval(successes, trials);
    expect(interval.low).toBeCloseTo(low, 4);
    expect(interval.high).toBeCloseTo(high, 4);
    // The half width is half of the published interval, again to four decimals.
    expect(wilsonHalfWidth(successes, trials)).toBeCloseTo((high - low) / 2, 4);
  });

  it('6 of 12 at z = 2 is exactly [1/4, 3/4] with half width 1/4', () => {
    // z² = 4, scale = 1 + 4/12 = 4/3, center = (1/2 + 4/24)/(4/3) = (2/3)/(4/3) = 1/2;
    // half = (2/(4/3))·sqrt((1/4)/12 + 4/(4·144)) = (3/2)·sqrt(3/144 + 1/144) = (3/2)·(1/6) = 1/4.
    expect(wilsonHalfWidth(6, 12, 2)).toBeCloseTo(0.25, 12);
    const { low, high } = wilsonInterval(6, 12, 2);
    expect(low).toBeCloseTo(0.25, 12);
    expect(high).toBeCloseTo(0.75, 12);
  });

  it('0 of 4 at z = 2 has half width z²/(2(n + z²)) = 4/16 = 1/4', () => {
    // p = 0: half = (2/(1 + 4/4))·sqrt(0 + 4/(4·16)) = 1·(1/4).
    expect(wilsonHalfWidth(0, 4, 2)).toBe(0.25);
  });

  it('the upper bound at n of n is exactly 1 for every n, although the float formula can land at 1 − 2^-53', () => {
    // At p = 1 center + half = (1 + z²/2n + z²/2n)/(1 + z²/n) = 1 exactly; in doubles it is 0.9999999999999999 at
    // n = 10, 13, 25 … at z = 1.96, which would print as a bound below certainty.
    for (let n = 1; n <= 60; n++) {
      expect(wilsonInterval(n, n).high, `n = ${n}`).toBe(1);
      expect(wilsonInterval(0, n).low, `n = ${n}`).toBe(0);
    }
  });

  it('with no trials the interval is [0, 1] and the half width 1/2, whatever count is passed', () => {
    expect(wilsonHalfWidth(0, 0)).toBe(0.5);
    // The guard, not the 0-of-n and n-of-n shortcuts, answers a count without trials (1/0 would give NaN).
    expect(wilsonInterval(1, 0)).toEqual({ low: 0, high: 1 });
    expect(wilsonInterval(0, 0)).toEqual({ low: 0, high: 1 });
  });
});

describe('normal-approximation interval for a mean', () => {
  it('observations 0, 0, 6 at z = 1.96: mean 2, sample variance 12, half width 1.96·sqrt(12/3) = 3.92', () => {
    // sum 6, sum of squares 36; (36 − 3·2·2)/(3 − 1) = 24/2 = 12 (= ((−2)² + (−2)² + 4²)/2); 12/3 = 4, sqrt 2.
    const interval = meanInterval(6, 36, 3, 1.96);
    expect(interval.mean).toBe(2);
    expect(interval.low).toBeCloseTo(2 - 3.92, 12);
    expect(interval.high).toBeCloseTo(2 + 3.92, 12);
  });

  it('one observation has no spread to estimate: the interval is the point itself', () => {
    // With n = 1 the sample variance would be 0/0.
    expect(meanInterval(3, 9, 1)).toEqual({ mean: 3, low: 3, high: 3 });
  });

  it('no observations give NaN throughout, whatever the tallies say', () => {
    const interval = meanInterval(5, 25, 0);
    expect(interval.mean).toBeNaN();
    expect(interval.low).toBeNaN();
    expect(interval.high).toBeNaN();
  });
});

describe('probabilities written in files: exponents, digit limits and messages', () => {
  it.each([
    ['1e-20', `1/1${'0'.repeat(20)}`], // 10^-20: an exponent of 20 digits' worth is the most allowed
    ['0.5e-19', `1/2${'0'.repeat(19)}`], // 5·10^-20 = 1/(2·10^19): one fraction digit and e-19 make exponent −20
    ['0e5', '0'], // a positive exponent on 0 still reads as 0
    ['0e-30', '0'], // and so does one past the 20-place limit: zero has no places to keep
    ['1e0', '1'],
    ['10e-1', '1'],
    [' 1/2 ', '1/2'], // surrounding blanks are trimmed
    [' 0.25\n', '1/4'],
    // 40 digits, 20 a side, is the most a fraction may have: 1/2 with leading zeros.
    [`${'0'.repeat(19)}1/${'0'.repeat(19)}2`, '1/2'],
  ])('%j is %s', (input, expected) => {
    expect(read(input)).toBe(expected);
  });

  it.each([
    ['1e-21', 'expected a probability of at most 20 decimal places, got "1e-21"'], // exponent −21 is beyond 20 digits
    [1e-21, 'expected a probability of at most 20 decimal places, got 1e-21'], // the number prints as 1e-21
    ['5e21', 'expected a probability between 0 and 1, got "5e21"'], // beyond 10^20 and so above 1
    // 10^9999999999 is never built (a BigInt that size throws): any exponent past 20 is above 1 unread.
    ['1e9999999999', 'expected a probability between 0 and 1, got "1e9999999999"'],
    ['1e1', 'expected a probability between 0 and 1, got "1e1"'], // 10
    ['2e+1', 'expected a probability between 0 and 1, got "2e+1"'], // 20
    ['1/0', '"1/0" has a zero denominator'],
    [Number.NaN, 'expected a probability between 0 and 1, got NaN'],
    [Number.POSITIVE_INFINITY, 'expected a probability between 0 and 1, got Infinity'],
    [Number.NEGATIVE_INFINITY, 'expected a probability between 0 and 1, got -Infinity'],
    [-0.1, 'expected a probability between 0 and 1, got -0.1'],
    [1.5, 'expected a probability between 0 and 1, got 1.5'],
  ])('%s is refused: %s', (input, message) => {
    expect(read(input)).toBe(message);
  });

  it('more than 40 digits in all are refused even when no run is longer than 20', () => {
    // 19 + 19 + 3 = 41 digits in runs of 19, 19 and 3; read as a decimal it would be 1/2.
    const text = `${'0'.repeat(19)}.5${'0'.repeat(18)}e000`;
    expect(text).toHaveLength(43);
    // Shown cut to its first 40 characters, which end at the 'e'.
    expect(read(text)).toBe(`expected a probability of at most 20 digits (each side of a fraction), got "${'0'.repeat(19)}.5${'0'.repeat(18)}e…"`);
  });

  it('a run of 21 digits is refused, quoted whole up to 40 characters and cut with … beyond', () => {
    const forty = `1${'0'.repeat(20)}/${'1'.repeat(18)}`; // 21 + 1 + 18 characters
    expect(forty).toHaveLength(40);
    expect(read(forty)).toBe(`expected a probability of at most 20 digits (each side of a fraction), got "1${'0'.repeat(20)}/${'1'.repeat(18)}"`);
    const short = '0.123456789012345678901'; // 21 fraction digits
    expect(read(short)).toBe('expected a probability of at most 20 digits (each side of a fraction), got "0.123456789012345678901"');
    const fortyOne = `${forty}1`;
    expect(read(fortyOne)).toBe(`expected a probability of at most 20 digits (each side of a fraction), got "1${'0'.repeat(20)}/${'1'.repeat(18)}…"`);
  });
});

describe('certain, impossible and complementary probabilities', () => {
  it('0 is impossible and not certain, 1 certain and not impossible, 1/2 neither', () => {
    expect(isImpossible(ZERO)).toBe(true);
    expect(isCertain(ZERO)).toBe(false);
    expect(isImpossible(ONE)).toBe(false);
    expect(isCertain(ONE)).toBe(true);
    expect(isImpossible(r('1/2'))).toBe(false);
    expect(isCertain(r('1/2'))).toBe(false);
  });

  it('the complement of p is 1 − p, reduced', () => {
    expect(complement(ZERO)).toEqual(ONE);
    expect(complement(ONE)).toEqual(ZERO);
    expect(formatRational(complement(r('3/10')))).toBe('7/10');
    expect(formatRational(complement(r('1/4')))).toBe('3/4');
  });
});
