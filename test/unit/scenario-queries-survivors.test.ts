/**
 * Behaviour the first mutation run of the scenario queries found unpinned: which ids an `expect:`
 * claim may name and which near miss it suggests, the confidence a council's result rests on, and the
 * coalition check of the run queries.
 */
import { describe, expect, it } from 'vitest';
import { GovsimDataError } from '../../src/model/errors.js';
import { scenarioFromDocument } from '../../src/scenarios/scenario-loader.js';

/** Validation issues of a baseline scenario with `steps` and `expectations`, as `path: message`. */
function issues(expectations: unknown[], steps: unknown[] = []): string[] {
  try {
    scenarioFromDocument({ name: 'ids', extends: 'baseline', steps, expect: expectations });
  } catch (error) {
    if (error instanceof GovsimDataError) return error.issues.map((issue) => `${issue.path}: ${issue.message}`);
    throw error;
  }
  return [];
}

// Najaf has a unit `wafaa`; the bloc and deal ids below are one edit from it, the typo `wafbb` one edit
// from them and two from `wafaa` (the limit for a five-letter id is max(2, ⌊5/3⌋) = 2).
const blocIn = (councils: string[]) => ({ bloc: { id: 'wafab', members: councils.includes('najaf') ? ['wafaa', 'madar'] : ['taqaddum', 'siyada'], councils } });
const dealIn = (councils: string[]) => ({ deal: { id: 'wafab', parties: councils.includes('najaf') ? ['nabni', 'nsf'] : ['taqaddum', 'siyada'], councils, governor: councils.includes('najaf') ? 'nabni' : 'taqaddum' } });
const wafbb = (near: string) => `expect[0].coalitionIncludes[0]: unknown unit "wafbb" in council najaf (did you mean "${near}"?)`;

describe('expectation ids: near misses', () => {
  it('suggests a unit of the claim\'s council before a closer id of another council', () => {
    // `qimam` sits in Anbar only: in Najaf the nearest id is its unit `qiyam` (one edit), not `qimam` itself.
    expect(issues([{ council: 'najaf', coalitionExcludes: ['qimam'] }])).toEqual([
      'expect[0].coalitionExcludes[0]: unknown unit "qimam" in council najaf (it sits in other councils only) (did you mean "qiyam"?)',
    ]);
  });

  it('suggests a bloc declared in the claim\'s council, but not one declared elsewhere', () => {
    expect(issues([{ council: 'najaf', coalitionIncludes: ['wafbb'] }], [blocIn(['najaf'])])).toEqual([wafbb('wafab')]);
    expect(issues([{ council: 'najaf', coalitionIncludes: ['wafbb'] }], [blocIn(['anbar'])])).toEqual([wafbb('wafaa')]);
  });

  it('suggests a deal made in the claim\'s council, but not one made elsewhere', () => {
    expect(issues([{ council: 'najaf', coalitionIncludes: ['wafbb'] }], [dealIn(['najaf'])])).toEqual([wafbb('wafab')]);
    expect(issues([{ council: 'najaf', coalitionIncludes: ['wafbb'] }], [dealIn(['anbar'])])).toEqual([wafbb('wafaa')]);
  });

  it('a national claim suggests scenario blocs and dataset blocs too', () => {
    // `wafab` (a bloc) is one edit from the typo, the unit `wafaa` two; `kurdisch` is one edit from the dataset bloc `kurdish`.
    expect(issues([{ national: { seatsOf: ['wafbb', 'kurdisch'], seats: 1 } }], [blocIn(['anbar'])])).toEqual([
      'expect[0].national.seatsOf[0]: unknown list or unit "wafbb" (did you mean "wafab"?): not a unit, list, bloc, deal or actor of the scenario',
      'expect[0].national.seatsOf[1]: unknown list or unit "kurdisch" (did you mean "kurdish"?): not a unit, list, bloc, deal or actor of the scenario',
    ]);
  });
});

describe('expectation ids: what a council claim may name', () => {
  it('accepts a bloc, a deal or a dataset bloc that has no unit in the claim\'s council', () => {
    // Declared for Anbar only, yet a Najaf claim may name them (they are not typos).
    expect(issues([{ council: 'najaf', coalitionIncludes: ['wafab'] }], [blocIn(['anbar'])])).toEqual([]);
    expect(issues([{ council: 'najaf', coalitionExcludes: ['wafab'] }], [dealIn(['anbar'])])).toEqual([]);
    // No Kurdish list sits in Najaf.
    expect(issues([{ council: 'najaf', pivotalIncludes: ['kurdish'] }])).toEqual([]);
  });

  it('checks coalitionIncludes, pivotalIncludes and posts, each at its own path', () => {
    expect(issues([{ council: 'najaf', coalitionIncludes: ['nsf', 'wafaaa'], pivotalIncludes: ['nabnii'], posts: { governor: 'nabni', chair: 'wafa', deputy: null } }])).toEqual([
      'expect[0].coalitionIncludes[1]: unknown unit "wafaaa" in council najaf (did you mean "wafaa"?)',
      'expect[0].pivotalIncludes[0]: unknown unit "nabnii" in council najaf (did you mean "nabni"?)',
      'expect[0].posts.chair: unknown party "wafa" (did you mean "wafaa"?): not a unit, list, bloc, deal or actor of the scenario',
    ]);
  });
});
