/** Ids in `expect:` are resolved like a step's: a typo is a validation error with its path and a near miss. */
import { describe, expect, it } from 'vitest';
import { GovsimDataError } from '../../src/model/errors.js';
import { scenarioFromDocument } from '../../src/scenarios/scenario-loader.js';

function issues(expectations: unknown[]): string[] {
  try {
    scenarioFromDocument({ name: 'ids', extends: 'baseline', expect: expectations });
  } catch (error) {
    if (error instanceof GovsimDataError) return error.issues.map((issue) => `${issue.path}: ${issue.message}`);
    throw error;
  }
  return [];
}

describe('expectation ids', () => {
  it('rejects a typo in coalitionExcludes instead of letting it pass', () => {
    expect(issues([{ council: 'najaf', coalitionExcludes: ['taqadum'] }])).toEqual([
      'expect[0].coalitionExcludes[0]: unknown unit "taqadum" in council najaf (did you mean "taqaddum"?)',
    ]);
  });

  it('rejects an unknown governor party with a near miss', () => {
    expect(issues([{ council: 'najaf', governorFrom: 'nabnii' }])[0]).toBe(
      'expect[0].governorFrom: unknown party "nabnii" (did you mean "nabni"?): not a unit, list, bloc, deal or actor of the scenario',
    );
  });

  it('accepts a governor from outside the council, an actor in a coalition, and a bloc id', () => {
    // State of Law holds no Diyala seat, yet may provide its governor (Diyala 2024).
    expect(issues([{ council: 'diyala', governorFrom: 'state-of-law' }, { council: 'najaf', coalitionIncludes: ['cf', 'sadrists'] }])).toEqual([]);
  });

  it('says when an id exists, but not in the council', () => {
    expect(issues([{ council: 'najaf', pivotalIncludes: ['tasmim'] }])[0]).toContain('unknown unit "tasmim" in council najaf (it sits in other councils only)');
  });

  it('checks national claims', () => {
    expect(issues([{ national: { seatsOf: ['nabni', 'state-of-lw'], seats: 78 } }, { national: { governorsFrom: { tasmin: 1 } } }])).toEqual([
      'expect[0].national.seatsOf[1]: unknown list or unit "state-of-lw" (did you mean "state-of-law"?): not a unit, list, bloc, deal or actor of the scenario',
      'expect[1].national.governorsFrom.tasmin: unknown party "tasmin" (did you mean "tasmim"?): not a unit, list, bloc, deal or actor of the scenario',
    ]);
  });
});
