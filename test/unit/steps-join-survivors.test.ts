/**
 * `join` on the real dataset: how units join a bloc or deal, and every refusal word for word. Seats are
 * hand-read from data/iraq-2023/councils/najaf.yaml, in its list order: nabni 3, state-of-law 3, wafaa 2,
 * nsf 2, absher 1, idraak 1, wathiqoon 1, qiyam 1, madar 1 (= 15). Each test declares its own bloc or deal
 * id, so that no transition is served from the step memo of another test.
 */
import { describe, expect, it } from 'vitest';
import type { Step } from '../../src/scenarios/scenario-schema.js';
import { applySteps } from '../../src/scenarios/steps/index.js';
import { fixture, stepsError } from '../helpers/steps.js';

const NAJAF_KNOWN = '(known: nabni, state-of-law, wafaa, nsf, absher, idraak, wathiqoon, qiyam, madar)';


function najafDeal(id: string, parties: string[] = ['nabni']): Step {
  return { deal: { id, parties, councils: ['najaf'], governor: 'nabni' } };
}

function najafBloc(id: string, members: string[]): Step {
  return { bloc: { id, members, councils: ['najaf'] } };
}


describe('join', () => {
  it('names an unknown target with the nearest and every known bloc and deal', () => {
    const error = stepsError([
      najafBloc('left1', ['wafaa']),
      najafDeal('deal1'),
      { join: { units: ['nsf'], to: 'deal2', councils: ['najaf'] } },
    ]);
    expect(error.path).toBe('join.to');
    // "deal2" is one edit from "deal1" and four from "left1": only deal1 is suggested.
    expect(error.message).toBe('unknown bloc or deal "deal2" (did you mean "deal1"?) (blocs and deals: left1, deal1)');
  });

  it('refuses a named council where the deal is not active', () => {
    const error = stepsError([najafDeal('deal-b'), { join: { units: ['wafaa'], to: 'deal-b', councils: ['babil'] } }]);
    expect(error.path).toBe('join.councils');
    expect(error.message).toBe('deal "deal-b" is not active in council babil');
  });

  it('with `councils: all` skips the councils where the deal is not active', () => {
    const { dataset, base } = fixture();
    const { state } = applySteps(base, [najafDeal('deal-c'), { join: { units: ['wafaa'], to: 'deal-c', councils: 'all' } }], dataset);
    expect(state.deals['deal-c']!.councils).toEqual({ najaf: ['nabni', 'wafaa'] });
  });

  it('checks the council ids it names', () => {
    const error = stepsError([najafDeal('deal-d'), { join: { units: ['wafaa'], to: 'deal-d', councils: ['najf'] } }]);
    expect(error.path).toBe('join.councils[0]');
  });

  it('adds the new units only and records them with the new sum (nabni 3 + wafaa 2 + nsf 2 = 7)', () => {
    const { dataset, base } = fixture();
    const { state } = applySteps(base, [najafDeal('deal-e'), { join: { units: ['nabni', 'nsf', 'wafaa'], to: 'deal-e', councils: ['najaf'] } }], dataset);
    // nabni is already a member: it is neither added twice nor named as joining.
    expect(state.deals['deal-e']!.councils).toEqual({ najaf: ['nabni', 'nsf', 'wafaa'] });
    expect(state.provenance['najaf']!.at(-1)).toEqual({ step: 1, kind: 'join', text: 'nsf, wafaa join deal deal-e: now nabni 3 + wafaa 2 + nsf 2 = 7 seats' });
  });

  it('refuses a unit that already votes with another bloc', () => {
    const error = stepsError([
      najafBloc('bl-f', ['nabni']),
      najafBloc('bl-g', ['wafaa']),
      { join: { units: ['wafaa'], to: 'bl-f', councils: ['najaf'] } },
    ]);
    expect(error.path).toBe('join.units[0]');
    expect(error.message).toBe('"wafaa" is already in bloc "bl-g" in council najaf; `leave` it first');
  });

  it('names an unknown unit of a named council with a hint and the known ids', () => {
    const error = stepsError([najafDeal('deal-h'), { join: { units: ['nsf', 'wafa'], to: 'deal-h', councils: ['najaf'] } }]);
    expect(error.path).toBe('join.units[1]');
    // "wafa" starts "wafaa", which is suggested alone.
    expect(error.message).toBe(`unknown unit "wafa" in council najaf (did you mean "wafaa"?) ${NAJAF_KNOWN}`);
  });

  it('takes units and lists, not a bloc standing for its members', () => {
    const error = stepsError([
      najafBloc('bl-i', ['wafaa']),
      najafDeal('deal-i'),
      { join: { units: ['bl-i'], to: 'deal-i', councils: ['najaf'] } },
    ]);
    expect(error.path).toBe('join.units[0]');
    expect(error.message).toBe(`unknown unit "bl-i" in council najaf ${NAJAF_KNOWN}`);
  });

  it('with `councils: all` refuses a unit that sits in no council where the deal is active', () => {
    // kdp sits in Kirkuk, not in Najaf, the deal's only council; nsf joins, yet the step fails.
    const error = stepsError([najafDeal('deal-j'), { join: { units: ['nsf', 'kdp'], to: 'deal-j', councils: 'all' } }]);
    expect(error.path).toBe('join.units[1]');
    expect(error.message).toBe('"kdp" names no unit in the councils where deal "deal-j" is active');
  });

  it('refuses a step where every unit is already a member', () => {
    const error = stepsError([najafDeal('deal-k', ['nabni', 'nsf']), { join: { units: ['nsf'], to: 'deal-k', councils: ['najaf'] } }]);
    expect(error.path).toBe('join.units');
    expect(error.message).toBe('every unit is already in deal "deal-k"');
  });
});
