/**
 * Behaviour the first mutation run of the scenario queries found unpinned: which ids an `expect:`
 * claim may name and which near miss it suggests, the confidence a council's result rests on, and the
 * coalition check of the run queries.
 */
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/dataset/dataset.js';
import { GovsimDataError } from '../../src/model/errors.js';
import { resultConfidence } from '../../src/scenarios/result-confidence.js';
import { coalitionAnalysis, coalitionCheck } from '../../src/scenarios/run-queries.js';
import { runScenario } from '../../src/scenarios/runner.js';
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

describe('result confidence', () => {
  // data/iraq-2023: Wasit's size is inferred, its nsf seats documented; Karbala's size and ibdaa-karbala's
  // seats are documented, state-of-law's inferred, the unidentified member's unresolved.
  const baseline = () => scenarioFromDocument({ name: 'confidence', extends: 'baseline' }).state;

  it('the council size counts even when every unit the result rests on is documented', () => {
    expect(resultConfidence(loadDataset(), baseline(), 'wasit', ['nsf'])).toBe('inferred');
  });

  it('with no elected alignment, every unit of the council counts', () => {
    expect(resultConfidence(loadDataset(), baseline(), 'karbala', undefined)).toBe('unresolved');
    expect(resultConfidence(loadDataset(), baseline(), 'karbala', ['ibdaa-karbala'])).toBe('documented');
  });

  it('defectors\' units count as the list they come from', () => {
    expect(resultConfidence(loadDataset(), baseline(), 'karbala', ['ibdaa-karbala', 'state-of-law>ibdaa-karbala'])).toBe('inferred');
    expect(resultConfidence(loadDataset(), baseline(), 'karbala', ['ibdaa-karbala', 'unidentified-1>none'])).toBe('unresolved');
  });
});

describe('coalition checks', () => {
  // Wasit (data/iraq-2023/councils/wasit.yaml): wasit-ajmal 8, state-of-law 3, nabni 2, nsf 2, quota-feyli 1 = 16.
  function wasit(document: Record<string, unknown>) {
    const scenario = scenarioFromDocument({ name: 'wasit check', ...document });
    return { state: scenario.state, result: runScenario(scenario).councils.find((council) => council.id === 'wasit')! };
  }

  it('another coalition exactly at the threshold holds it: 8 + 1 = 9 of 9', () => {
    const { state, result } = wasit({ steps: [] });
    expect(coalitionCheck(state, result, ['wasit-ajmal', 'quota-feyli'], false)).toEqual({ votes: 9, needed: 9, margin: 0, majority: true });
    expect(coalitionCheck(state, result, ['wasit-ajmal', 'nsf'], false)).toEqual({ votes: 10, needed: 9, margin: 1, majority: true });
  });

  it('a governing deal tied with a list is checked as the run decided it: at the threshold, yet not elected', () => {
    // Majority 8: the deal's 3 + 2 + 2 + 1 = 8 and wasit-ajmal's 8 alone both reach it with equal votes, so nobody is elected.
    const deal = { id: 'rest', parties: ['state-of-law', 'nabni', 'nsf', 'quota-feyli'], councils: ['wasit'], governor: 'state-of-law' };
    const { state, result } = wasit({ rules: { majority: 8 }, steps: [{ deal }] });
    expect(result.outcome).toMatchObject({ status: 'deadlock', via: 'rest', votes: 8 });
    expect(coalitionCheck(state, result, deal.parties, true)).toEqual({ votes: 8, needed: 8, margin: 0, majority: false });
  });

  it('the model council is built once per state and council, and a second state gets its own', () => {
    const first = wasit({ steps: [] });
    const second = wasit({ steps: [{ absent: { council: 'wasit', units: ['nsf'] } }] });
    // 10 of 9 with all present, then 8 with nsf's 2 away.
    for (let i = 0; i < 2; i++) {
      expect(coalitionCheck(first.state, first.result, ['wasit-ajmal', 'nsf'], false).votes).toBe(10);
      expect(coalitionCheck(second.state, second.result, ['wasit-ajmal', 'nsf'], false).votes).toBe(8);
    }
    expect([...coalitionAnalysis(first.state, 'wasit', ['wasit-ajmal', 'nsf']).pivotal].sort()).toEqual(['nsf', 'wasit-ajmal']);
  });
});
