/**
 * Declaring and dissolving voting blocs: the refusals (word for word) and the provenance texts. Seat
 * counts are hand-read from data/iraq-2023/councils/najaf.yaml (Najaf 15 = nabni 3 + state-of-law 3 +
 * wafaa 2 + nsf 2 + absher 1 + idraak 1 + wathiqoon 1 + qiyam 1 + madar 1) and kirkuk.yaml. Each test uses
 * its own bloc ids, since transitions are memoised per (state, index, step).
 */
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/dataset/dataset.js';
import type { Step } from '../../src/scenarios/scenario-schema.js';
import { baseState, type ScenarioState } from '../../src/scenarios/scenario-state.js';
import { applySteps } from '../../src/scenarios/steps/index.js';
import { stepsError } from '../helpers/steps.js';

function run(steps: Step[]): ScenarioState {
  const dataset = loadDataset('iraq-2023');
  return applySteps(baseState(dataset, 'final'), steps, dataset).state;
}


const NAJAF_KNOWN = '(known: nabni, state-of-law, wafaa, nsf, absher, idraak, wathiqoon, qiyam, madar)';

describe('bloc', () => {
  it('records the seat sum, in the singular for one seat (idraak 1) and plural otherwise (3 + 2 = 5)', () => {
    const state = run([
      { bloc: { id: 'b-one', members: ['idraak'], councils: ['najaf'] } },
      { bloc: { id: 'b-two', members: ['nabni', 'nsf'], councils: ['najaf'] } },
    ]);
    expect(state.provenance['najaf']!.map((entry) => entry.text)).toEqual([
      'bloc b-one votes as one: idraak 1 = 1 seat',
      'bloc b-two votes as one: nabni 3 + nsf 2 = 5 seats',
    ]);
    // The bloc keeps the members as named, not just the units they resolved to.
    expect(state.blocs['b-two']!.members).toEqual(['nabni', 'nsf']);
  });

  it('refuses a unit that already votes with another bloc in that council', () => {
    const error = stepsError([
      { bloc: { id: 'b-first', members: ['wathiqoon'], councils: ['najaf'] } },
      { bloc: { id: 'b-second', members: ['wathiqoon', 'madar'], councils: ['najaf'] } },
    ]);
    expect(error.path).toBe('bloc.members[0]');
    expect(error.message).toBe('"wathiqoon" already votes with bloc "b-first" in council najaf; `leave` it first');
  });

  it('may be declared again under its own id, keeping the members it already binds', () => {
    const state = run([
      { bloc: { id: 'b-again', members: ['qiyam'], councils: ['najaf'] } },
      { bloc: { id: 'b-again', members: ['qiyam', 'madar'], councils: ['najaf'], name: 'Again' } },
    ]);
    expect(state.blocs['b-again']!.councils).toEqual({ najaf: ['qiyam', 'madar'] });
    expect(state.blocs['b-again']!.name).toBe('Again');
  });

  it('lists a unit once when two members name it (cf already holds nabni)', () => {
    const state = run([{ bloc: { id: 'b-dup', members: ['cf', 'nabni'], councils: ['najaf'] } }]);
    // cf in Najaf: nabni 3 + state-of-law 3 + nsf 2 + absher 1 = 9.
    expect(state.blocs['b-dup']!.councils['najaf']).toEqual(['nabni', 'state-of-law', 'nsf', 'absher']);
    expect(state.provenance['najaf']!.at(-1)!.text).toBe('bloc b-dup votes as one: nabni 3 + state-of-law 3 + nsf 2 + absher 1 = 9 seats');
  });

  it('refuses an id that is already a deal', () => {
    const error = stepsError([
      { deal: { id: 'dl-taken', parties: ['wafaa'], councils: ['najaf'], governor: 'wafaa' } },
      { bloc: { id: 'dl-taken', members: ['idraak'], councils: ['najaf'] } },
    ]);
    expect(error.path).toBe('bloc.id');
    expect(error.message).toBe('"dl-taken" is already a deal; a bloc needs another id');
  });

  it('refuses an actor id as the bloc id', () => {
    const error = stepsError([{ bloc: { id: 'sadrists', members: ['idraak'], councils: ['najaf'] } }]);
    expect(error.path).toBe('bloc.id');
    expect(error.message).toBe('"sadrists" is an actor with no seats; a bloc needs another id');
  });

  it('needs members when the id is no dataset bloc, and lists the dataset blocs', () => {
    const error = stepsError([{ bloc: { id: 'b-nomembers', councils: ['najaf'] } }]);
    expect(error.path).toBe('bloc.members');
    // The families of data/iraq-2023, in file order.
    expect(error.message).toBe('members are required: the dataset has no bloc "b-nomembers" (dataset blocs: cf, cf-adjacent, sunni, '
      + 'taqaddum-bloc, kurdish, turkmen, minority, incumbents, shia-other, civil)');
  });

  it('names the bad council entry of bloc.councils', () => {
    const error = stepsError([{ bloc: { id: 'b-badcouncil', members: ['idraak'], councils: ['najf'] } }]);
    expect(error.path).toBe('bloc.councils[0]');
  });

  it('refuses a seatless actor as a member, pointing to deals', () => {
    const error = stepsError([{ bloc: { id: 'b-actor', members: ['idraak', 'sadrists'], councils: ['najaf'] } }]);
    expect(error.path).toBe('bloc.members[1]');
    expect(error.message).toBe('"sadrists" holds no seats; add it to a deal instead');
  });

  it('does not let a deal stand for its members (so a bloc of a deal has no member in the council)', () => {
    const error = stepsError([
      { deal: { id: 'dl-member', parties: ['idraak', 'madar'], councils: ['najaf'], governor: 'idraak' } },
      { bloc: { id: 'b-ofdeal', members: ['dl-member'], councils: ['najaf'] } },
    ]);
    expect(error.path).toBe('bloc.councils');
    expect(error.message).toBe('no member of bloc "b-ofdeal" sits in council najaf');
  });

  it('refuses a named council where no member sits (idraak sits in Najaf, not Kirkuk)', () => {
    const error = stepsError([{ bloc: { id: 'b-kirkuk', members: ['idraak'], councils: ['najaf', 'kirkuk'] } }]);
    expect(error.path).toBe('bloc.councils');
    expect(error.message).toBe('no member of bloc "b-kirkuk" sits in council kirkuk');
  });

  it('refuses a bloc whose members sit nowhere', () => {
    const error = stepsError([{ bloc: { id: 'b-nowhere', members: ['no-such-list'], councils: 'all' } }]);
    expect(error.path).toBe('bloc.councils');
    expect(error.message).toBe('no member of bloc "b-nowhere" sits in any council');
  });

  it('refuses a named member that resolves in none of the councils, even when another member does', () => {
    const error = stepsError([{ bloc: { id: 'b-unknown', members: ['idraak', 'no-such-unit'], councils: ['najaf'] } }]);
    expect(error.path).toBe('bloc.members[1]');
    expect(error.message).toBe(`unknown unit or list "no-such-unit" in council najaf ${NAJAF_KNOWN}`);
  });
});

describe('dissolve', () => {
  it('records who votes separately again', () => {
    const state = run([
      { bloc: { id: 'b-diss', members: ['wafaa', 'madar'], councils: ['najaf'] } },
      { dissolve: { bloc: 'b-diss', councils: ['najaf'] } },
    ]);
    expect(state.blocs['b-diss']!.councils).toEqual({});
    // The entry is the second step's (index 1), of kind dissolve.
    expect(state.provenance['najaf']!.at(-1)).toEqual({ step: 1, kind: 'dissolve', text: 'bloc b-diss dissolved: wafaa, madar vote separately' });
  });

  it('refuses an unknown bloc, listing the declared ones (none yet)', () => {
    const error = stepsError([{ dissolve: { bloc: 'b-never', councils: 'all' } }]);
    expect(error.path).toBe('dissolve.bloc');
    expect(error.message).toBe('unknown bloc "b-never" (blocs: none)');
  });

  it('names the bad council entry of dissolve.councils', () => {
    const error = stepsError([
      { bloc: { id: 'b-dissbad', members: ['absher'], councils: ['najaf'] } },
      { dissolve: { bloc: 'b-dissbad', councils: ['najaf', 'najf'] } },
    ]);
    expect(error.path).toBe('dissolve.councils[1]');
  });

  it('refuses councils where the bloc is not active', () => {
    const error = stepsError([
      { bloc: { id: 'b-inactive', members: ['kdp'], councils: ['kirkuk'] } },
      { dissolve: { bloc: 'b-inactive', councils: ['najaf'] } },
    ]);
    expect(error.path).toBe('dissolve.bloc');
    expect(error.message).toBe('bloc "b-inactive" is not active in council najaf');
  });
});
