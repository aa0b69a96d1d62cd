/**
 * Exact rationals on BigInt. Power indices are ratios of coalition counts that outgrow float64 (the
 * Shapley–Shubik denominator of a 51-player game is 51!), so results are kept exact and converted to
 * floats only for display. Deliberately not mathjs: its import alone costs about 0.9 s.
 */

/** A reduced fraction: gcd(|num|, den) = 1 and den > 0. Zero is 0/1. */
export interface Rational {
  readonly num: bigint;
  readonly den: bigint;
}

export const ZERO: Rational = Object.freeze({ num: 0n, den: 1n });
export const ONE: Rational = Object.freeze({ num: 1n, den: 1n });

function toBigInt(value: bigint | number, what: string): bigint {
  if (typeof value === 'bigint') return value;
  if (!Number.isSafeInteger(value)) throw new RangeError(`${what} must be a safe integer, got ${String(value)}`);
  return BigInt(value);
}

export function gcd(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a;
  if (b < 0n) b = -b;
  while (b !== 0n) {
    const r = a % b;
    a = b;
    b = r;
  }
  return a;
}

/**
 * gcd of two non-negative safe integers in float arithmetic: exact below 2^53 and several times cheaper
 * than BigInt. Once both fit in 31 bits the loop switches to int32 remainders, which are cheaper still.
 */
export function gcdSafe(a: number, b: number): number {
  while (b > 0x7fffffff) {
    const r = a % b;
    a = b;
    b = r;
  }
  if (b === 0) return a;
  let x = a % b | 0;
  let y = b | 0;
  while (x !== 0) {
    const r = y % x;
    y = x;
    x = r;
  }
  return y;
}

/** Builds a reduced rational; `den` defaults to 1. Throws RangeError on a zero denominator. */
export function rational(num: bigint | number, den: bigint | number = 1n): Rational {
  let n = toBigInt(num, 'numerator');
  let d = toBigInt(den, 'denominator');
  if (d === 0n) throw new RangeError('denominator is zero');
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  if (n === 0n) return ZERO;
  const g = gcd(n, d);
  return g === 1n ? { num: n, den: d } : { num: n / g, den: d / g };
}

/**
 * num/den for non-negative safe integers (den > 0), reduced with a float gcd. The hot paths build their
 * fractions here: a BigInt gcd is about 20 times slower.
 */
export function rationalFromSafe(num: number, den: number): Rational {
  if (num === 0) return ZERO;
  const g = gcdSafe(num, den);
  return { num: BigInt(num / g), den: BigInt(den / g) };
}

export function add(a: Rational, b: Rational): Rational {
  if (a.den === b.den) return rational(a.num + b.num, a.den);
  return rational(a.num * b.den + b.num * a.den, a.den * b.den);
}

export function sub(a: Rational, b: Rational): Rational {
  return add(a, { num: -b.num, den: b.den });
}

export function mul(a: Rational, b: Rational): Rational {
  return rational(a.num * b.num, a.den * b.den);
}

export function div(a: Rational, b: Rational): Rational {
  if (b.num === 0n) throw new RangeError('division by zero');
  return rational(a.num * b.den, a.den * b.num);
}

/** Sum of many fractions over their common denominator, reduced once at the end. */
export function sum(values: Iterable<Rational>): Rational {
  let num = 0n;
  let den = 1n;
  for (const value of values) {
    if (value.den === den) {
      num += value.num;
    } else {
      const g = gcd(den, value.den);
      const scale = value.den / g;
      num = num * scale + value.num * (den / g);
      den *= scale;
    }
  }
  return rational(num, den);
}

/** -1, 0 or 1. */
export function compare(a: Rational, b: Rational): -1 | 0 | 1 {
  const left = a.num * b.den;
  const right = b.num * a.den;
  return left < right ? -1 : left > right ? 1 : 0;
}

export function equals(a: Rational, b: Rational): boolean {
  // Both are reduced, so equal values have equal parts.
  return a.num === b.num && a.den === b.den;
}

/** "p/q", or just "p" when the denominator is 1 ("0", "1"). */
export function formatRational(r: Rational): string {
  return r.den === 1n ? r.num.toString() : `${r.num.toString()}/${r.den.toString()}`;
}

/** Parses "p/q" or "p" (as written by formatRational). Throws RangeError on anything else. */
export function parseRational(text: string): Rational {
  const match = /^\s*(-?\d+)\s*(?:\/\s*(\d+)\s*)?$/.exec(text);
  if (!match) throw new RangeError(`not a fraction: "${text}"`);
  return rational(BigInt(match[1]!), match[2] === undefined ? 1n : BigInt(match[2]));
}

function bitLength(x: bigint): number {
  // Number(x) rounds, so the estimate can be one too high at a power of two; the callers keep a margin.
  const approx = Number(x);
  if (Number.isFinite(approx)) return approx === 0 ? 0 : Math.floor(Math.log2(approx)) + 1;
  return x.toString(16).length * 4;
}

/**
 * The double nearest to num/den. Plain Number(num)/Number(den) overflows to Infinity/Infinity = NaN
 * past 2^1024 and rounds twice below that, so large operands are divided in BigInt with 64+ guard bits
 * and a sticky bit (the last bit records a non-zero remainder), which makes the final rounding correct.
 */
export function rationalToNumber(r: Rational): number {
  const { num, den } = r;
  const small = 9007199254740991n;
  if (num <= small && num >= -small && den <= small) return Number(num) / Number(den);
  const negative = num < 0n;
  const magnitude = negative ? -num : num;
  const shift = Math.max(0, 66 + bitLength(den) - bitLength(magnitude));
  const scaled = magnitude << BigInt(shift);
  const quotient = scaled / den;
  const sticky = quotient * den === scaled ? 0n : 1n;
  let value = Number((quotient << 1n) | sticky);
  let exponent = shift + 1;
  // Scale by 2^-exponent in steps that stay exact (2^-1022 is the smallest normal power).
  while (exponent > 1000) {
    value *= 2 ** -1000;
    exponent -= 1000;
  }
  value *= 2 ** -exponent;
  return negative ? -value : value;
}
