/**
 * The `deal` step (applyDeal): which councils a deal covers, the units it binds there, what it
 * records, and its refusals word for word. Seat counts are hand-read from the final seat tables in
 * data/iraq-2023/councils/*.yaml (Najaf 15 = nabni 3 + state-of-law 3 + wafaa 2 + nsf 2 + absher 1 +
 * idraak 1 + wathiqoon 1 + qiyam 1 + madar 1). Transitions are memoised per (state, index, step), so
 * every test uses its own deal ids: each computes its own transition.
 */
import { describe, expect, it } from 'vitest';
import { scenario } from '../../src/scenarios/builder.js';
import { runScenario } from '../../src/scenarios/runner.js';
import { applyStep, applySteps } from '../../src/scenarios/steps/index.js';
import { fixture, stepError } from '../helpers/steps.js';



/** Councils in dataset order where nabni (Tasmim/Nabni list) holds seats. */
const NABNI_COUNCILS = ['baghdad', 'basra', 'najaf', 'karbala', 'babil', 'wasit', 'dhiqar', 'qadisiyah', 'muthanna', 'maysan'];

describe('deal: refusals', () => {
  it('a second deal with the same id names the step of the first (1-based)', () => {
    const { dataset, base } = fixture();
    const { state } = applyStep(base, { deal: { id: 'twice', parties: ['nabni'], councils: ['najaf'], governor: 'nabni' } }, 4, dataset);
    // Declared at index 4, i.e. the 5th step.
    const error = stepError(state, { deal: { id: 'twice', parties: ['nsf'], councils: ['babil'], governor: 'nsf' } }, 5);
    expect(error.path).toBe('deal.id');
    expect(error.message).toBe('deal "twice" is already declared (step 5); use join/leave or another id');
  });

  it('a deal cannot take the id of a bloc', () => {
    const { dataset, base } = fixture();
    const { state } = applyStep(base, { bloc: { id: 'bloc-then-deal', members: ['wafaa'], councils: ['najaf'] } }, 0, dataset);
    const error = stepError(state, { deal: { id: 'bloc-then-deal', parties: ['nabni'], councils: ['najaf'], governor: 'nabni' } }, 1);
    expect(error.path).toBe('deal.id');
    expect(error.message).toBe('"bloc-then-deal" is already a bloc; a deal needs another id');
  });

  it('the chair must be one of the parties', () => {
    const { base } = fixture();
    const error = stepError(base, { deal: { id: 'chair-outside', parties: ['nabni', 'nsf'], councils: ['najaf'], governor: 'nabni', chair: 'qiyam' } });
    expect(error.path).toBe('deal.chair');
    expect(error.message).toBe('chair "qiyam" is not among the parties (nabni, nsf)');
  });

  it('an unknown council is reported under deal.councils[i]', () => {
    const { base } = fixture();
    const error = stepError(base, { deal: { id: 'typo-council', parties: ['nabni'], councils: ['najf'], governor: 'nabni' } });
    expect(error.path).toBe('deal.councils[0]');
  });

  it('in a named council every seated party must sit there, with that council\'s ids as hints', () => {
    const { base } = fixture();
    // Jamaheer sits only in Salahaddin; the hint lists Najaf's nine lists (none is split).
    const error = stepError(base, { deal: { id: 'nabni-jamaheer-najaf', parties: ['nabni', 'jamaheer'], councils: ['najaf'], governor: 'nabni' } });
    expect(error.path).toBe('deal.parties[1]');
    expect(error.message).toBe('unknown unit, list or bloc "jamaheer" in council najaf (known: nabni, state-of-law, wafaa, nsf, absher, idraak, wathiqoon, qiyam, madar)');
  });

  it('with councils: all, a party seated in none of the governor\'s councils is refused', () => {
    const { base } = fixture();
    // The deal covers the ten councils where nabni sits; jamaheer sits in none of them (only Salahaddin).
    const error = stepError(base, { deal: { id: 'nabni-jamaheer-all', parties: ['nabni', 'jamaheer'], councils: 'all', governor: 'nabni' } });
    expect(error.path).toBe('deal.parties[1]');
    expect(error.message).toBe('unknown unit, list, bloc or actor "jamaheer" in the deal\'s councils');
  });

  it('with councils: all, a governor party with no unit anywhere covers no council', () => {
    const { base } = fixture();
    // The Sadrists are a zero-seat actor, so as governor and party they name no council.
    const error = stepError(base, { deal: { id: 'sadr-all', parties: ['sadrists'], councils: 'all', governor: 'sadrists' } });
    expect(error.path).toBe('deal.governor');
    expect(error.message).toBe('governor party "sadrists" has no unit in any council');
  });

  it('with councils: all and an outside governor, parties with no unit anywhere cover no council', () => {
    const { base } = fixture();
    const error = stepError(base, { deal: { id: 'sadr-president', parties: ['sadrists'], councils: 'all', governor: 'president' } });
    expect(error.path).toBe('deal.parties');
    expect(error.message).toBe('no party of deal "sadr-president" sits in any council');
  });
});

describe('deal: councils and units', () => {
  it('with councils: all, a party governor covers only the councils where the governor sits', () => {
    const { dataset, base } = fixture();
    const { state } = applyStep(base, { deal: { id: 'nabni-taqaddum', parties: ['nabni', 'taqaddum'], councils: 'all', governor: 'nabni' } }, 0, dataset);
    // Taqaddum also sits in Nineveh, Anbar, Diyala and Salahaddin, where nabni does not: not covered.
    const deal = state.deals['nabni-taqaddum']!;
    expect(Object.keys(deal.councils)).toEqual(NABNI_COUNCILS);
    expect(deal.councils['baghdad']).toEqual(['nabni', 'taqaddum']);
    expect(deal.councils['najaf']).toEqual(['nabni']);
  });

  it('with councils: all, an outside governor covers the councils where any party sits, and only those', () => {
    const { dataset, base } = fixture();
    const { state } = applyStep(base, { deal: { id: 'sunni-sol', parties: ['taqaddum', 'siyada'], councils: 'all', governor: 'state-of-law' } }, 0, dataset);
    // Taqaddum or Siyada sit in Baghdad, Nineveh, Anbar, Diyala and Salahaddin (both in each).
    expect(state.deals['sunni-sol']!.councils).toEqual({
      baghdad: ['taqaddum', 'siyada'],
      nineveh: ['taqaddum', 'siyada'],
      anbar: ['taqaddum', 'siyada'],
      diyala: ['taqaddum', 'siyada'],
      salahaddin: ['taqaddum', 'siyada'],
    });
  });

  it('overlapping parties bind each unit once, and the deal keeps its parties as given', () => {
    const { dataset, base } = fixture();
    const { state } = applyStep(base, { deal: { id: 'nabni-cf', parties: ['nabni', 'cf'], councils: ['najaf'], governor: 'nabni' } }, 0, dataset);
    const deal = state.deals['nabni-cf']!;
    // cf in Najaf = nabni, state-of-law, nsf, absher; nabni is already bound by the first party.
    expect(deal.councils).toEqual({ najaf: ['nabni', 'state-of-law', 'nsf', 'absher'] });
    expect(deal.parties).toEqual(['nabni', 'cf']);
    // 3 + 3 + 2 + 1 = 9; no actor backs it and nabni holds a seat, so nothing more is said.
    expect(state.provenance['najaf']!.map((entry) => entry.text)).toEqual(['deal nabni-cf: nabni 3 + state-of-law 3 + nsf 2 + absher 1 = 9 seats for a governor from nabni']);
  });

  it('a named council where only actors are parties is covered with no seats', () => {
    const { dataset, base } = fixture();
    const { state } = applyStep(base, { deal: { id: 'sadr-maysan', parties: ['sadrists'], councils: ['maysan'], governor: 'sadrists' } }, 0, dataset);
    expect(state.deals['sadr-maysan']).toMatchObject({ actors: ['sadrists'], councils: { maysan: [] } });
    expect(state.provenance['maysan']!.map((entry) => entry.text)).toEqual(['deal sadr-maysan: no seats (backed by sadrists) for a governor from sadrists (no seat in this council)']);
  });
});

describe('deal: provenance', () => {
  it('names the zero-seat actors that back the deal, comma-separated', () => {
    const { dataset, base } = fixture();
    const { state } = applyStep(base, { deal: { id: 'wafaa-sadr', parties: ['wafaa', 'sadrists', 'president'], councils: ['najaf'], governor: 'wafaa' } }, 0, dataset);
    expect(state.provenance['najaf']!.map((entry) => entry.text)).toEqual(['deal wafaa-sadr: wafaa 2 = 2 seats (backed by sadrists, president) for a governor from wafaa']);
  });

  it('a governor named by a bloc id is seated through its members (wafaa 2 + idraak 1 sit in Najaf)', () => {
    const { dataset, base } = fixture();
    const { state } = applySteps(base, [
      { bloc: { id: 'najaf-others', members: ['wafaa', 'idraak'], councils: ['najaf'] } },
      { deal: { id: 'nabni-for-bloc', parties: ['nabni'], councils: ['najaf'], governor: 'najaf-others' } },
    ], dataset);
    expect(state.provenance['najaf']!.at(-1)!.text).toBe('deal nabni-for-bloc: nabni 3 = 3 seats for a governor from najaf-others');
  });

  it('a governor from a bloc with no member in the council holds no seat there (idraak sits in Najaf only)', () => {
    const { dataset, base } = fixture();
    const { state } = applySteps(base, [
      { bloc: { id: 'idraak-alone', members: ['idraak'], councils: ['najaf'] } },
      { deal: { id: 'nabni-for-idraak', parties: ['nabni'], councils: ['karbala'], governor: 'idraak-alone' } },
    ], dataset);
    expect(state.provenance['karbala']!.at(-1)!.text).toBe('deal nabni-for-idraak: nabni 2 = 2 seats for a governor from idraak-alone (no seat in this council)');
  });
});

describe('a deal whose governor is named by a bloc, in a run', () => {
  it('counts the governor as seated where the bloc has members, and not elsewhere', () => {
    const loaded = scenario('bloc governor')
      .bloc({ id: 'south-others', members: ['wafaa', 'idraak'], councils: ['najaf'] })
      .deal({ id: 'for-south-others', parties: ['nabni'], councils: ['najaf', 'karbala'], governor: 'south-others' })
      .load();
    const seated = (id: string) =>
      runScenario(loaded).councils.find((council) => council.id === id)!.alignments.find((entry) => entry.id === 'for-south-others')!.governorSeated;
    expect([seated('najaf'), seated('karbala')]).toEqual([true, false]);
  });
});
