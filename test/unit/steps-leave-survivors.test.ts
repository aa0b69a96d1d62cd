/**
 * The `leave` step on the real dataset: who leaves, what the provenance says, and the errors. Seat
 * counts are the final tables in data/iraq-2023/councils/*.yaml: Najaf nabni 3, state-of-law 3, wafaa 2,
 * nsf 2, absher 1, …; Babil nabni 4. Every test declares its own alignment ids, so no transition is
 * served from another test's memo.
 */
import { describe, expect, it } from 'vitest';
import { type ScenarioState } from '../../src/scenarios/scenario-state.js';
import { applyStep, applySteps } from '../../src/scenarios/steps/index.js';
import { fixture, stepError } from '../helpers/steps.js';



function texts(state: ScenarioState, council: string): string[] {
  return (state.provenance[council] ?? []).map((entry) => entry.text);
}

describe('leave: who leaves and what the provenance says', () => {
  it('names who left and the seats that stay (Najaf: nabni 3 + wafaa 2 = 5)', () => {
    const { dataset, base } = fixture();
    const { state } = applySteps(base, [
      { deal: { id: 'trio', parties: ['nabni', 'state-of-law', 'wafaa'], councils: ['najaf'], governor: 'nabni' } },
      { leave: { units: ['state-of-law'], from: 'trio', councils: ['najaf'] } },
    ], dataset);
    expect(state.deals['trio']!.councils).toEqual({ najaf: ['nabni', 'wafaa'] });
    expect(texts(state, 'najaf').at(-1)).toBe('state-of-law leave deal trio: now nabni 3 + wafaa 2 = 5 seats');
  });

  it('says "empty" when the last members leave, and drops the council from the alignment', () => {
    const { dataset, base } = fixture();
    const { state } = applySteps(base, [
      { deal: { id: 'pair', parties: ['nabni', 'wafaa'], councils: ['najaf'], governor: 'nabni' } },
      { leave: { units: ['nabni', 'wafaa'], from: 'pair', councils: ['najaf'] } },
    ], dataset);
    expect(state.deals['pair']!.councils).toEqual({});
    expect(texts(state, 'najaf').at(-1)).toBe('nabni, wafaa leave deal pair: now empty');
  });

  it('removes only the members a family names, leaving non-members alone (cf out of nabni + wafaa)', () => {
    const { dataset, base } = fixture();
    // cf in Najaf is nabni, state-of-law, nsf, absher; of these only nabni is in the deal, so wafaa 2 stays.
    const { state } = applySteps(base, [
      { deal: { id: 'duo', parties: ['nabni', 'wafaa'], councils: ['najaf'], governor: 'wafaa' } },
      { leave: { units: ['cf'], from: 'duo', councils: ['najaf'] } },
    ], dataset);
    expect(state.deals['duo']!.councils).toEqual({ najaf: ['wafaa'] });
    expect(texts(state, 'najaf').at(-1)).toBe('nabni leave deal duo: now wafaa 2 = 2 seats');
  });

  it('records nothing in a council where none of the units was a member (Babil keeps nabni 4)', () => {
    const { dataset, base } = fixture();
    const { state } = applySteps(base, [
      { deal: { id: 'pact', parties: ['nabni'], councils: ['najaf', 'babil'], governor: 'nabni' } },
      { join: { units: ['wafaa'], to: 'pact', councils: ['najaf'] } },
      { leave: { units: ['wafaa'], from: 'pact', councils: 'all' } },
    ], dataset);
    expect(state.deals['pact']!.councils).toEqual({ najaf: ['nabni'], babil: ['nabni'] });
    expect(state.provenance['babil']!.map((entry) => entry.kind)).toEqual(['deal']);
    expect(texts(state, 'najaf').at(-1)).toBe('wafaa leave deal pact: now nabni 3 = 3 seats');
  });
});

describe('leave: errors', () => {
  it('names an unknown bloc or deal at leave.from', () => {
    const { base } = fixture();
    const error = stepError(base, { leave: { units: ['nabni'], from: 'pakt', councils: 'all' } }, 0);
    expect(error.path).toBe('leave.from');
    expect(error.message).toBe('unknown bloc or deal "pakt" (blocs and deals: none)');
  });

  it('names an unknown council at leave.councils[i]', () => {
    const { dataset, base } = fixture();
    const { state } = applyStep(base, { deal: { id: 'accord', parties: ['nabni'], councils: ['najaf'], governor: 'nabni' } }, 0, dataset);
    const error = stepError(state, { leave: { units: ['nabni'], from: 'accord', councils: ['najaf', 'najf'] } }, 1);
    expect(error.path).toBe('leave.councils[1]');
    expect(error.message).toContain('unknown council "najf" (did you mean "najaf"?)');
  });

  it('refuses a unit that is not a member, naming the council', () => {
    const { dataset, base } = fixture();
    const { state } = applyStep(base, { deal: { id: 'league', parties: ['nabni', 'wafaa'], councils: ['najaf'], governor: 'nabni' } }, 0, dataset);
    const error = stepError(state, { leave: { units: ['wafaa', 'madar'], from: 'league', councils: ['najaf'] } }, 1);
    expect(error.path).toBe('leave.units[1]');
    expect(error.message).toBe('"madar" is not a member of deal "league" in council najaf');
  });

  it('does not let a bloc stand for its members: leaving a deal names units, lists or families', () => {
    const { dataset, base } = fixture();
    // Bloc core (nabni, state-of-law) overlaps deal axis (nabni, nsf) in nabni; "core" itself is no member of axis.
    const { state } = applySteps(base, [
      { bloc: { id: 'core', members: ['nabni', 'state-of-law'], councils: ['najaf'] } },
      { deal: { id: 'axis', parties: ['nabni', 'nsf'], councils: ['najaf'], governor: 'nabni' } },
    ], dataset);
    const error = stepError(state, { leave: { units: ['core'], from: 'axis', councils: 'all' } }, 2);
    expect(error.path).toBe('leave.units[0]');
    expect(error.message).toBe('"core" is not a member of deal "axis" in any council');
  });
});
