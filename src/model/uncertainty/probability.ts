/**
 * Probabilities as written in scenario files, converted exactly: a decimal is read from its shortest
 * text (0.7 is 7/10, not the double nearest to 0.7), a fraction "a/b" as such. The Monte Carlo
 * samplers compare a uint32 against p·2^32, computed here once per probability.
 */
import { type Rational, rational } from '../rational.js';

/** What a probability may be written as: a number, a decimal string ("0.7", "7e-1") or a fraction ("7/10"). */
export type ProbabilityInput = number | string;

const DECIMAL = /^(\d+)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;
/**
 * Most digits a written probability may have (each side of a fraction; a decimal's digits and its
 * exponent). The exact engine multiplies these numbers together: 1,000-digit fractions ran for over
 * ten minutes, and no source gives a probability to more than a handful of digits.
 */
export const MAX_PROBABILITY_DIGITS = 20;
const TOO_MANY_DIGITS = new RegExp(`\\d{${MAX_PROBABILITY_DIGITS + 1}}`);
const FRACTION = /^(\d+)\s*\/\s*(\d+)$/;

/** A decimal's exact value, the message for one out of reach, or undefined when the text is no decimal. */
function decimal(text: string, shown: string): Rational | string | undefined {
  const match = DECIMAL.exec(text);
  if (!match) return undefined;
  const fraction = match[2] ?? '';
  const digits = BigInt(`${match[1]!}${fraction}`);
  if (digits === 0n) return rational(0n);
  // The exponent is written in digits, so it is an integer (or ±Infinity when it is very long).
  const exponent = Number(match[3] ?? 0) - fraction.length;
  // At least 10^21: above 1 whatever the digits.
  if (exponent > MAX_PROBABILITY_DIGITS) return outOfRange(shown);
  if (exponent < -MAX_PROBABILITY_DIGITS) return `expected a probability of at most ${MAX_PROBABILITY_DIGITS} decimal places, got ${shown}`;
  return exponent >= 0 ? rational(digits * 10n ** BigInt(exponent)) : rational(digits, 10n ** BigInt(-exponent));
}

function outOfRange(shown: string): string {
  return `expected a probability between 0 and 1, got ${shown}`;
}

/**
 * The exact value of a probability, or a message saying why it is not one. Numbers are read through
 * their shortest round-trip text, which is the decimal the author wrote for any literal of up to
 * 15 significant digits.
 */
export function parseProbability(input: ProbabilityInput): Rational | string {
  let value: Rational | string | undefined;
  const shown = typeof input === 'number' ? String(input) : `"${input}"`;
  if (typeof input === 'number') {
    // NaN, ±Infinity and negative numbers print with letters or a sign, which decimal() turns down.
    value = decimal(String(input), shown) ?? outOfRange(shown);
  } else {
    const text = input.trim();
    if ((text.match(/\d/g)?.length ?? 0) > 2 * MAX_PROBABILITY_DIGITS || TOO_MANY_DIGITS.test(text)) {
      return `expected a probability of at most ${MAX_PROBABILITY_DIGITS} digits (each side of a fraction), got "${text.length > 40 ? `${text.slice(0, 40)}…` : text}"`;
    }
    const fraction = FRACTION.exec(text);
    if (fraction) {
      if (BigInt(fraction[2]!) === 0n) return `${shown} has a zero denominator`;
      value = rational(BigInt(fraction[1]!), BigInt(fraction[2]!));
    } else {
      value = decimal(text, shown) ?? `expected a probability (0.7 or 7/10), got ${shown}`;
    }
  }
  if (typeof value === 'string') return value;
  // Neither a decimal nor a fraction can carry a sign, so only values above 1 are out of range.
  return value.num > value.den ? outOfRange(shown) : value;
}

export function isCertain(p: Rational): boolean {
  return p.num === p.den;
}

export function isImpossible(p: Rational): boolean {
  return p.num === 0n;
}

export function complement(p: Rational): Rational {
  return rational(p.den - p.num, p.den);
}

const TWO_32 = 4294967296n;

/**
 * round(p·2^32), so that `uint32 < threshold` happens with probability within 2^-33 of p; exactly 0
 * for p = 0 and 2^32 (above every uint32) for p = 1.
 */
export function probabilityThreshold(p: Rational): number {
  return Number((p.num * TWO_32 * 2n + p.den) / (2n * p.den));
}
