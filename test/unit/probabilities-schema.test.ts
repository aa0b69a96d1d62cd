/**
 * The `probabilities:` block's schema: every refusal word for word, at the edges of each shape. The
 * schemas are memoised per process, so each test builds them on a fresh module copy: the code that
 * builds them then runs inside the test that checks it.
 */
import { describe, expect, it, vi } from 'vitest';

async function schemas() {
  vi.resetModules();
  const { probabilitiesSchemas } = await import('../../src/scenarios/probabilities-schema.js');
  return probabilitiesSchemas();
}

/** Each issue of parsing `value` as `path: message`, or [] when it parses. */
async function issues(value: unknown): Promise<string[]> {
  const result = (await schemas()).ProbabilitiesSchema.safeParse(value);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

const ID = 'expected an id: lowercase letters, digits and hyphens, at most 100';

describe('probabilities schema', () => {
  it('an id is lowercase letters, digits and hyphens from its first character to its last', async () => {
    expect(await issues({ defect: { nabni: 0.1, 'state-of-law': '1/10' } })).toEqual([]);
    expect(await issues({ councils: { najaf: { governor: '-nabni' } } })).toEqual([`councils.najaf.governor: ${ID}`]);
    expect(await issues({ councils: { najaf: { governor: 'nabni!' } } })).toEqual([`councils.najaf.governor: ${ID}`]);
    expect(await issues({ bloc: `a${'b'.repeat(100)}` })).toEqual([`bloc: ${ID}`]);
    // A key of a record says what it must be, not only that it is invalid.
    expect(await issues({ defect: { '-nabni': 0.1 } })).toEqual(['defect.-nabni: expected a unit id: lowercase letters, digits and hyphens, at most 100']);
    expect(await issues({ councils: { Najaf: {} } })).toEqual(['councils.Najaf: expected a council id: lowercase letters, digits and hyphens, at most 100']);
  });

  it('a probability is a number or a fraction in text, nothing else', async () => {
    expect(await issues({ join: { wafaa: true } })).toEqual(['join.wafaa: expected a probability: a number such as 0.7 or a fraction such as "7/10"']);
  });

  it('attendance: `all` or a unit id, each with one probability or a non-empty list of them; `all` takes one', async () => {
    expect(await issues({ attendance: { all: 0.9, nabni: [0.5, '1/2'] } })).toEqual([]);
    expect(await issues({ attendance: { 'Not an id': 0.5 } })).toEqual(['attendance.Not an id: expected a unit id or `all`']);
    expect(await issues({ attendance: { all: [0.5] } })).toEqual(['attendance.all: `all` takes one probability, not a list']);
    expect((await issues({ attendance: { nabni: [] } })).length).toBeGreaterThan(0);
  });

  it('a council\'s coalition and a shock\'s councils, when given, name at least one id', async () => {
    expect(await issues({ councils: { najaf: { coalition: ['nabni', 'state-of-law'] } } })).toEqual([]);
    expect(await issues({ councils: { najaf: { coalition: [] } } })).toEqual(['councils.najaf.coalition: Too small: expected array to have >=1 items']);
    const shock = { id: 's', p: 0.5, effect: 'support', bloc: 'cf' };
    expect(await issues({ shocks: [{ ...shock, councils: ['najaf', 'maysan'] }] })).toEqual([]);
    expect((await issues({ shocks: [{ ...shock, councils: [] }] })).length).toBeGreaterThan(0);
  });

  it('a shock needs units or a bloc to move', async () => {
    expect(await issues({ shocks: [{ id: 's', p: 0.5, effect: 'oppose', units: ['nabni'] }] })).toEqual([]);
    expect(await issues({ shocks: [{ id: 's', p: 0.5, effect: 'oppose' }] })).toEqual(['shocks.0: a shock needs `units` or `bloc`']);
  });
});
