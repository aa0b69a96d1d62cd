/** Threshold formulas in scenario files: exact evaluation in a restricted mathjs instance, and what it rejects. */
import { describe, expect, it } from 'vitest';
import { GovsimDataError } from '../../src/model/errors.js';
import { councilRulesFor, evaluateThreshold } from '../../src/scenarios/expression.js';
import { loadScenario } from '../../src/scenarios/scenario-loader.js';
import { runScenario } from '../../src/scenarios/runner.js';

const WHERE = { file: 'rules.yaml', path: 'rules.majority' };

function rejection(expression: string, members = 15): GovsimDataError {
  try {
    evaluateThreshold(expression, { members }, WHERE);
  } catch (error) {
    if (error instanceof GovsimDataError) return error;
    throw error;
  }
  throw new Error(`${expression} evaluated without error`);
}

describe('evaluateThreshold', () => {
  it.each([
    ['floor(members/2)+1', 15, 8],
    ['floor(members/2)+1', 16, 9],
    ['ceil(2*members/3)', 15, 10],
    ['ceil(2*members/3)', 16, 11],
    ['members - 3', 15, 12],
    ['round(members / 2)', 15, 8],
    ['max(min(members, 9), abs(-2))', 15, 9],
    ['(members^2 - members) / 14', 15, 15],
    ['2members/3', 15, 10],
  ])('%s for %i members → %i', (expression, members, expected) => {
    expect(evaluateThreshold(expression, { members }, WHERE)).toBe(expected);
  });

  it('is exact: 0.1 + 0.2 thirds are fractions, not floats', () => {
    // 3 * (0.1 + 0.2) is exactly 9/10 in fractions (0.9000000000000001 in floats): × 10 gives exactly 9.
    expect(evaluateThreshold('10 * 3 * (0.1 + 0.2)', { members: 15 }, WHERE)).toBe(9);
  });

  it.each([
    ['import({})', 'function "import" is not allowed'],
    ['f(x)=x^2', 'function definitions are not allowed'],
    ['a=1', 'assignments are not allowed'],
    ['members.constructor', 'property access and indexing are not allowed'],
    ['members.constructor("return process")', 'property access and indexing are not allowed'],
    ['cos(1)', 'function "cos" is not allowed'],
    ['"x"', 'strings are not allowed'],
    ['[1,2]', 'arrays and matrices are not allowed'],
    ['{a: 1}', 'objects are not allowed'],
    ['pi * members', 'unknown symbol "pi"'],
    ['members mod 2', 'operator "mod" is not allowed'],
    ['members > 2', 'operator ">" is not allowed'],
    ['1; 2', 'only one expression is allowed'],
    ['members/2', 'for 15 members the formula gives 15/2, not a whole number of votes: round it with floor(…) or ceil(…)'],
    ['members^(1/2)', 'exponents must be whole numbers'],
    ['members^99^99', 'too large'],
    ['members/0', 'Division by Zero'],
    ['0', 'for 15 members the formula gives 0; a threshold must be from 1 to 15 (members)'],
    ['members+1', 'for 15 members the formula gives 16; a threshold must be from 1 to 15 (members)'],
    ['floor(', 'cannot parse the formula'],
    ['', 'empty formula'],
  ])('rejects %s', (expression, message) => {
    const error = rejection(expression);
    expect(error.file).toBe('rules.yaml');
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0]!.path).toBe('rules.majority');
    expect(error.issues[0]!.message).toContain(message);
  });

  it('rejects a 300-character formula before parsing it', () => {
    const long = `${'1+'.repeat(149)}10`;
    expect(long).toHaveLength(300);
    const error = rejection(long);
    expect(error.issues[0]!.path).toBe('rules.majority');
    expect(error.issues[0]!.message).toContain('formula too long: 300 characters, at most 200');
  });

  it('names the path it is given (rules.quorum)', () => {
    expect(() => councilRulesFor({ quorum: 'members + 1' }, 15, 'q.yaml')).toThrow(/rules\.quorum: for 15 members the formula gives 16/);
  });

  it('checks integer thresholds without mathjs and records the basis', () => {
    expect(councilRulesFor({ majority: 10, quorum: 'members - 3' }, 15)).toEqual({
      majority: 10,
      basis: 'scenario rule (a fixed number)',
      quorum: 12,
      quorumBasis: 'scenario rule members - 3',
    });
    expect(() => councilRulesFor({ majority: 16 }, 15, 'x.yaml')).toThrow(/rules\.majority: a threshold must be an integer from 1 to 15/);
    expect(councilRulesFor({ runoff: 'top-two' }, 15)).toEqual({ runoff: 'top-two' });
  });
});

describe('a scenario with rules.majority: "ceil(2*members/3)"', () => {
  // Run inside each test, never while the file is collected.
  const twoThirdsNajaf = () => runScenario(loadScenario('test/fixtures/scenarios/good/two-thirds.yaml')).councils.find((council) => council.id === 'najaf')!;

  it('raises the threshold per council: Najaf 15 members need 10, so the CF bloc (9) no longer elects', () => {
    const najaf = twoThirdsNajaf();
    // nabni 3 + state-of-law 3 + nsf 2 + absher 1 = 9 < ceil(30/3) = 10.
    expect(najaf.seats).toBe(15);
    expect(najaf.majority).toBe(10);
    expect(najaf.outcome.status).not.toBe('elected');
    expect(najaf.outcome.governorFrom).toBeNull();
    expect(najaf.quorum.needed).toBe(8);
  });

  it('names the rule in the explanation', () => {
    const najaf = twoThirdsNajaf();
    const texts = najaf.explanation.map((line) => line.text);
    expect(texts).toContain('scenario rule ceil(2*members/3) = 10 of 15 members, present or not');
    expect(texts.some((text) => text.includes('absolute majority = floor'))).toBe(false);
    expect(texts.some((text) => text.includes('9 < 10'))).toBe(true);
  });

  it('keeps the Law 21/2008 wording without a rule', () => {
    const baseline = runScenario(loadScenario('baseline')).councils.find((council) => council.id === 'najaf')!;
    expect(baseline.majority).toBe(8);
    expect(baseline.outcome.status).toBe('elected');
    expect(baseline.explanation.map((line) => line.text)).toContain('absolute majority = floor(15/2) + 1 = 8 of 15 members, present or not');
  });
});
