/** Threshold formulas: the edges of the length limit, the error text and the operator/function allow-list. */
import { describe, expect, it } from 'vitest';
import { dataError } from '../helpers/errors.js';
import { evaluateThreshold } from '../../src/scenarios/expression.js';

const WHERE = { file: 'rules.yaml', path: 'rules.majority' };

/** The one issue message evaluateThreshold throws for `expression`. */
function message(expression: string, members = 15): string {
  return dataError(() => evaluateThreshold(expression, { members }, WHERE)).issues[0]!.message;
}

describe('evaluateThreshold limits', () => {
  it('accepts a formula of exactly 200 characters (the limit is inclusive)', () => {
    const formula = `${'0+'.repeat(95)}members -5`; // 190 + 10 = 200 characters
    expect(formula).toHaveLength(200);
    // 0 * 95 + 15 - 5 = 10.
    expect(evaluateThreshold(formula, { members: 15 }, WHERE)).toBe(10);
  });

  it('accepts a threshold of exactly 1', () => {
    // 15 - 14 = 1, the lowest threshold allowed.
    expect(evaluateThreshold('members - 14', { members: 15 }, WHERE)).toBe(1);
  });

  it('calls a formula of only spaces empty, without parsing it', () => {
    expect(message('   ')).toBe('empty formula: write an integer or a formula over `members`, e.g. ceil(2*members/3) (in "   ")');
  });
});

describe('evaluateThreshold error text', () => {
  it('quotes a formula of up to 40 characters whole', () => {
    const formula = `${'0+'.repeat(15)}members +1`; // 30 + 10 = 40 characters, gives 16 for 15 members
    expect(formula).toHaveLength(40);
    expect(message(formula)).toBe(`for 15 members the formula gives 16; a threshold must be from 1 to 15 (members) (in "${formula}")`);
    expect(message('members+1')).toBe('for 15 members the formula gives 16; a threshold must be from 1 to 15 (members) (in "members+1")');
  });

  it('quotes the first 37 characters of a longer formula, then "..."', () => {
    const formula = `${'0+'.repeat(16)}members+1`; // 32 + 9 = 41 characters
    expect(formula).toHaveLength(41);
    // The first 37 characters: sixteen "0+" (32) and "membe" (5).
    expect(message(formula)).toBe(`for 15 members the formula gives 16; a threshold must be from 1 to 15 (members) (in "${'0+'.repeat(16)}membe...")`);
  });
});

describe('evaluateThreshold allow-list', () => {
  it.each([
    // mathjs parses these constants as booleans and null, not as numbers.
    ['true', 'only numbers are allowed, not true'],
    ['null + 1', 'only numbers are allowed, not null'],
  ])('rejects the constant in %s', (expression, text) => {
    expect(message(expression)).toBe(`${text} (in "${expression}")`);
  });

  it('rejects unary plus: "+" is allowed only between two operands', () => {
    expect(message('+members')).toBe('operator "+" is not allowed (allowed: + - * / ^ and unary minus) (in "+members")');
  });

  it('allows unary minus', () => {
    // -(-15) - (-1) = 16, less 6 = 10.
    expect(evaluateThreshold('-(-members) - -1 - 6', { members: 15 }, WHERE)).toBe(10);
  });

  it('names the allowed functions, comma-separated', () => {
    expect(message('cos(1)')).toBe('function "cos" is not allowed (allowed: floor, ceil, round, min, max, abs) (in "cos(1)")');
  });

  it.each([
    ['floor()', 'floor takes one argument'],
    ['abs(1, 2)', 'abs takes one argument'],
    ['min()', 'min takes one or more arguments'],
    ['max()', 'max takes one or more arguments'],
  ])('checks the number of arguments of %s', (expression, text) => {
    expect(message(expression)).toBe(`${text} (in "${expression}")`);
  });

  it('lets min and max take several arguments', () => {
    // min(15, 9, 12) = 9; max(2, 15 - 4, 3) = 11.
    expect(evaluateThreshold('min(members, 9, 12)', { members: 15 }, WHERE)).toBe(9);
    expect(evaluateThreshold('max(2, members - 4, 3)', { members: 15 }, WHERE)).toBe(11);
  });
});

describe('evaluateThreshold memo', () => {
  // A memoised result is returned after reading `members` once (for the key); computing it reads it again.
  function cached(members: number): boolean {
    let reads = 0;
    const scope = {
      get members() {
        reads += 1;
        return members;
      },
    };
    // A formula no other test uses, so every council size here is a key of this test alone.
    expect(evaluateThreshold('members + 0 * 4096', scope, WHERE)).toBe(members);
    return reads === 1;
  }

  it('keeps at most 4096 results, then starts again', () => {
    // The memo is shared with other tests: insert new keys until it is emptied. The check that finds the first
    // key gone computes it again, so the memo then holds two: the last new key and the first.
    let size = 100_000;
    const first = size;
    cached(first);
    let inserted = 0;
    do {
      size += 1;
      inserted += 1;
      cached(size);
    } while (cached(first) && inserted <= 4096);
    expect(inserted).toBeLessThanOrEqual(4096);
    const marker = size;
    expect(cached(marker)).toBe(true);
    // 2 + 4094 more make 4096: all kept.
    for (let i = 0; i < 4094; i += 1) cached((size += 1));
    expect(cached(marker)).toBe(true);
    // The 4097th empties the memo first.
    cached(size + 1);
    expect(cached(marker)).toBe(false);
  });
});
