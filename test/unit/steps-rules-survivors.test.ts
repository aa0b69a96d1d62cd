/**
 * The rule steps (veto, incompatible, group, package) on the real dataset: error paths and messages
 * word for word, and which councils a step writes provenance for. Seat tables are read from
 * data/iraq-2023/councils/*.yaml: Najaf lists nabni, state-of-law, wafaa, nsf, absher, idraak,
 * wathiqoon, qiyam, madar; Kirkuk has kdp but no taqaddum or nabni; Anbar has taqaddum but no kdp or
 * nabni; Nineveh has both kdp and taqaddum. The actors are sadrists and president (dataset.yaml).
 * Each test applies its own step content, so none leans on a transition memoised by another.
 */
import { describe, expect, it } from 'vitest';
import { type ScenarioState } from '../../src/scenarios/scenario-state.js';
import { applyStep } from '../../src/scenarios/steps/index.js';
import { fixture, stepError } from '../helpers/steps.js';



function texts(state: ScenarioState, council: string): string[] | undefined {
  return state.provenance[council]?.map((entry) => entry.text);
}

const NAJAF_UNITS = 'nabni, state-of-law, wafaa, nsf, absher, idraak, wathiqoon, qiyam, madar';

describe('veto', () => {
  it('names the known actors when the vetoing actor is unknown', () => {
    const error = stepError(fixture().base, { veto: { actor: 'sadrist', councils: ['najaf'], against: ['nabni'] } });
    expect(error.path).toBe('veto.actor');
    expect(error.message).toBe('unknown actor "sadrist" (actors: sadrists, president); a list or bloc id also works');
  });

  it('reports an unknown council at veto.councils[i]', () => {
    const error = stepError(fixture().base, { veto: { actor: 'sadrists', councils: ['najaf', 'najafx'], against: ['nabni'] } });
    expect(error.path).toBe('veto.councils[1]');
  });

  it('refuses a veto against a zero-seat actor', () => {
    const error = stepError(fixture().base, { veto: { actor: 'president', councils: ['maysan'], against: ['nabni', 'sadrists'] } });
    expect(error.path).toBe('veto.against[1]');
    expect(error.message).toBe('"sadrists" holds no seats and fields no candidate');
  });

  it('refuses a veto against a list absent from every named council, naming the known ids', () => {
    // kdp sits in Kirkuk, Nineveh only; not in Najaf.
    const error = stepError(fixture().base, { veto: { actor: 'sadrists', councils: ['najaf'], against: ['state-of-law', 'kdp'] } });
    expect(error.path).toBe('veto.against[1]');
    expect(error.message).toBe(`unknown unit or list "kdp" in council najaf (known: ${NAJAF_UNITS})`);
  });

  it('records, per council, only the vetoed lists that sit there', () => {
    const { dataset, base } = fixture();
    const against = ['nabni', 'state-of-law', 'kdp'];
    const { state } = applyStep(base, { veto: { actor: 'sadrists', councils: ['najaf', 'anbar', 'kirkuk'], against } }, 2, dataset);
    // Councils come back in dataset order (kirkuk, anbar, najaf).
    expect(state.vetoes).toEqual([{ actor: 'sadrists', against, councils: ['kirkuk', 'anbar', 'najaf'], step: 2 }]);
    expect(state.provenance['najaf']).toEqual([{ step: 2, kind: 'veto', text: 'sadrists vetoes a governor from nabni, state-of-law' }]);
    expect(texts(state, 'kirkuk')).toEqual(['sadrists vetoes a governor from kdp']);
    // Anbar has none of the three lists, so nothing is recorded there.
    expect(texts(state, 'anbar')).toBeUndefined();
  });
});

describe('incompatible', () => {
  it('refuses a party incompatible with itself', () => {
    const error = stepError(fixture().base, { incompatible: { between: ['wafaa', 'wafaa'], councils: ['najaf'] } });
    expect(error.path).toBe('incompatible.between[1]');
    expect(error.message).toBe('a party cannot be incompatible with itself');
  });

  it('reports an unknown council at incompatible.councils[i]', () => {
    const error = stepError(fixture().base, { incompatible: { between: ['nabni', 'nsf'], councils: ['basrah'] } });
    expect(error.path).toBe('incompatible.councils[0]');
  });

  it('names the known units and actors when a side sits in none of the councils', () => {
    const error = stepError(fixture().base, { incompatible: { between: ['absher', 'kdp'], councils: ['najaf'] } });
    expect(error.path).toBe('incompatible.between[1]');
    expect(error.message).toBe(`unknown unit, list, bloc or actor "kdp" in council najaf (known: ${NAJAF_UNITS}, sadrists, president)`);
  });

  it('records only in councils where both sides are present (an actor is present everywhere)', () => {
    const { dataset, base } = fixture();
    const { state } = applyStep(base, { incompatible: { between: ['kdp', 'taqaddum'], councils: ['kirkuk', 'anbar', 'nineveh'] } }, 1, dataset);
    expect(state.incompatibilities).toEqual([{ between: ['kdp', 'taqaddum'], councils: ['nineveh', 'kirkuk', 'anbar'], step: 1 }]);
    expect(state.provenance['nineveh']).toEqual([{ step: 1, kind: 'incompatible', text: 'no coalition may contain both kdp and taqaddum' }]);
    // Kirkuk has kdp only, Anbar taqaddum only.
    expect(texts(state, 'kirkuk')).toBeUndefined();
    expect(texts(state, 'anbar')).toBeUndefined();

    const withActor = applyStep(base, { incompatible: { between: ['sadrists', 'wafaa'], councils: ['najaf', 'basra'] } }, 1, dataset).state;
    expect(texts(withActor, 'najaf')).toEqual(['no coalition may contain both sadrists and wafaa']);
    // wafaa has no seat in Basra.
    expect(texts(withActor, 'basra')).toBeUndefined();
  });
});

describe('group', () => {
  it('refuses a group step naming no council', () => {
    const error = stepError(fixture().base, { group: {} });
    expect(error.path).toBe('group');
    expect(error.message).toBe('name at least one council in A, B or C');
    expect(stepError(fixture().base, { group: { B: [] } }).message).toBe('name at least one council in A, B or C');
  });

  it('says which group already holds a council named twice', () => {
    const error = stepError(fixture().base, { group: { A: ['basra'], C: ['basra'] } });
    expect(error.path).toBe('group.C[0]');
    expect(error.message).toBe('council basra is already in group A');
  });

  it('sets and records each council\'s group', () => {
    const { dataset, base } = fixture();
    const { state } = applyStep(base, { group: { B: ['wasit'], C: ['maysan'] } }, 4, dataset);
    expect(state.grouping['wasit']).toEqual({ group: 'B', step: 4 });
    expect(state.provenance['wasit']).toEqual([{ step: 4, kind: 'group', text: 'group set to B' }]);
    expect(texts(state, 'maysan')).toEqual(['group set to C']);
  });
});

describe('package', () => {
  it('reports an unknown council at package.council', () => {
    expect(stepError(fixture().base, { package: { council: 'wasitt', posts: ['governor', 'chair'] } }).path).toBe('package.council');
  });

  it('refuses a post listed twice, at its second position', () => {
    const error = stepError(fixture().base, { package: { council: 'basra', posts: ['governor', 'chair', 'governor'] } });
    expect(error.path).toBe('package.posts[2]');
    expect(error.message).toBe('post "governor" is listed twice');
  });

  it('refuses a package without the governor', () => {
    const error = stepError(fixture().base, { package: { council: 'wasit', posts: ['chair', 'first-deputy'] } });
    expect(error.path).toBe('package.posts');
    expect(error.message).toBe('a package ballot must include the governor');
  });

  it('stores the posts and records the ballot', () => {
    const { dataset, base } = fixture();
    const { state } = applyStep(base, { package: { council: 'karbala', posts: ['governor', 'chair'] } }, 3, dataset);
    expect(state.packages['karbala']).toEqual({ posts: ['governor', 'chair'], step: 3 });
    expect(state.provenance['karbala']).toEqual([{ step: 3, kind: 'package', text: 'governor + chair voted in one ballot' }]);
  });
});
