/**
 * Threshold formulas: the size bounds on intermediate values and powers, ceil and abs, the basis text, and
 * the range check of integer thresholds. Every formula here is used by no other test file, so no memoised
 * result from elsewhere can answer for it.
 */
import { describe, expect, it } from 'vitest';
import { dataError } from '../helpers/errors.js';
import { councilRulesFor, evaluateThreshold } from '../../src/scenarios/expression.js';

const WHERE = { file: 'bounds.yaml', path: 'rules.majority' };

function message(expression: string, members = 15): string {
  return dataError(() => evaluateThreshold(expression, { members }, WHERE)).issues[0]!.message;
}

describe('evaluateThreshold: intermediate values hold at most 512 bits', () => {
  it('accepts a 512-bit literal: 2^511 written out, members / 2^511 < 1, ceil → 1', () => {
    // 2^511 has 511 + 1 = 512 binary digits (154 decimal digits), exactly the bound.
    const literal = (2n ** 511n).toString();
    expect(literal).toHaveLength(154);
    expect(evaluateThreshold(`ceil(members/${literal})`, { members: 15 }, WHERE)).toBe(1);
  });

  it('rejects a 513-bit literal: 2^512 written out (its denominator is 1, so the numerator is what is too large)', () => {
    // 2^512 = 13407807929942597099574024998205846127479365820592393377723561443721764030073546976801874298166903427690031858186486050853753882811946569946433649006084096 (155 digits, 513 bits).
    const literal = (2n ** 512n).toString();
    expect(literal).toHaveLength(155);
    expect(message(`ceil(members/${literal})`)).toContain('an intermediate value is too large');
  });
});

describe('evaluateThreshold: powers are bounded before they are computed', () => {
  it('allows an exponent of 64: 1^64 = 1', () => {
    expect(evaluateThreshold('1^64', { members: 15 }, WHERE)).toBe(1);
  });

  it('rejects an exponent above 64 even when the power is small: 1^100', () => {
    // bits(1) * 100 = 100 ≤ 512: only the exponent bound (100 > 64) rejects it.
    expect(message('1^100')).toContain('an intermediate value is too large');
  });

  it('allows bits(base) × exponent = 512: 128^64 = 2^448', () => {
    // 128 = 2^7 has 8 bits, 8 × 64 = 512 (not above the bound); 2^448 has 449 bits. members / 2^448 < 1, ceil → 1.
    expect(evaluateThreshold('ceil(members/128^64)', { members: 15 }, WHERE)).toBe(1);
  });

  it('rejects bits(base) × exponent = 513 even though the power itself would fit: 256^57 = 2^456', () => {
    // 256 = 2^8 has 9 bits, 9 × 57 = 513 > 512, exponent 57 ≤ 64; the result 2^456 (457 bits) is never computed.
    expect(message('ceil(members/256^57)')).toContain('an intermediate value is too large');
  });
});

describe('evaluateThreshold: ceil and abs', () => {
  it('ceil rounds up where round would round down: ceil(16/3) = ceil(5.33…) = 6', () => {
    expect(evaluateThreshold('ceil(members/3)', { members: 16 }, WHERE)).toBe(6);
  });

  it('abs turns a negative value positive: abs(3 - 15) = 12', () => {
    expect(evaluateThreshold('abs(3 - members)', { members: 15 }, WHERE)).toBe(12);
  });
});

describe('councilRulesFor', () => {
  it('names the formula without the spaces around it', () => {
    // ceil(2 × 15 / 3) = ceil(10) = 10.
    expect(councilRulesFor({ majority: '  ceil(2*members/3) ' }, 15)).toEqual({ majority: 10, basis: 'scenario rule ceil(2*members/3)' });
  });

  it('accepts integer thresholds from 1 to members', () => {
    expect(councilRulesFor({ majority: 1, quorum: 15 }, 15)).toEqual({
      majority: 1,
      basis: 'scenario rule (a fixed number)',
      quorum: 15,
      quorumBasis: 'scenario rule (a fixed number)',
    });
  });

  it.each([0, -3, 16, 2.5])('rejects the integer threshold %s for 15 members', (value) => {
    expect(() => councilRulesFor({ quorum: value }, 15, 'q.yaml')).toThrow(`rules.quorum: a threshold must be an integer from 1 to 15 (members), got ${value}`);
  });

  it('passes the other rules through when no threshold is set', () => {
    expect(councilRulesFor({ runoff: 'top-two', governorVacatesSeat: true }, 15)).toEqual({ runoff: 'top-two', governorVacatesSeat: true });
  });
});
