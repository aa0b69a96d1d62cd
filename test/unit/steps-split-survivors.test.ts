/**
 * The `split` step (applySplit): its refusals word for word, the factions it seats and what it
 * records, plus the council path of the single-unit edits (transfer). Seat counts are hand-read from
 * data/iraq-2023/councils/*.yaml (Najaf 15 = nabni 3 + state-of-law 3 + wafaa 2 + nsf 2 + absher 1 +
 * idraak 1 + wathiqoon 1 + qiyam 1 + madar 1; Najaf nabni factions badr 1 + aah 2, nsf hikma 1 +
 * nasr 1; Karbala nabni 2). Transitions are memoised per (state, index, step), so every successful
 * step here has its own content or index: each test computes its own transition.
 */
import { describe, expect, it } from 'vitest';
import { applyStep } from '../../src/scenarios/steps/index.js';
import { fixture, stepError } from '../helpers/steps.js';

const COUNCILS = 'baghdad, basra, nineveh, kirkuk, anbar, diyala, salahaddin, najaf, karbala, babil, wasit, dhiqar, qadisiyah, muthanna, maysan';

describe('split: refusals', () => {
  it('a list other units defect to cannot split: their votes would be left without a unit to go to', () => {
    const { dataset, base } = fixture();
    // Maysan: one member each of two lists votes with nabni, then nabni is to be split.
    let { state } = applyStep(base, { defect: { council: 'maysan', from: 'state-of-law', seats: 1, to: 'nabni' } }, 20, dataset);
    ({ state } = applyStep(state, { defect: { council: 'maysan', from: 'nsf', seats: 1, to: 'nabni' } }, 21, dataset));
    const error = stepError(state, { split: { council: 'maysan', list: 'nabni', into: { badr: 3, aah: 3 } } }, 22);
    expect(error.path).toBe('split.list');
    expect(error.message).toBe('split "nabni" before defecting to it (members of state-of-law, nsf vote with it in council maysan)');
  });

  it('a defection to another list does not stop a split: only votes that go to the list itself would be orphaned', () => {
    const { dataset, base } = fixture();
    // Maysan: a state-of-law member votes with nsf; nabni, untouched, still splits.
    const { state: defected } = applyStep(base, { defect: { council: 'maysan', from: 'state-of-law', seats: 1, to: 'nsf' } }, 30, dataset);
    const { state } = applyStep(defected, { split: { council: 'maysan', list: 'nabni', into: { badr: 3, aah: 3 } } }, 31, dataset);
    expect(state.councils['maysan']!.units.filter((unit) => unit.parent === 'nabni').map((unit) => [unit.id, unit.seats])).toEqual([
      ['badr', 3],
      ['aah', 3],
    ]);
  });

  it('a faction cannot take an id that already names something else: it would shadow it in this council', () => {
    const { dataset, base } = fixture();
    const { state: withBloc } = applyStep(base, { bloc: { id: 'opp', members: ['wafaa', 'idraak'], councils: ['najaf'] } }, 40, dataset);
    const { state } = applyStep(withBloc, { deal: { id: 'pact', parties: ['madar'], councils: ['najaf'], governor: 'madar' } }, 41, dataset);
    // Najaf nabni holds 3 seats; each split gives one of them to the clashing id.
    const cases: [string, string][] = [
      ['sadrists', 'an actor with no seats'],
      ['opp', 'a bloc'],
      ['pact', 'a deal'],
      ['cf', 'a bloc of the dataset'],
      ['tasmim', 'a list of the dataset'],
      ['hikma', 'a faction of nsf in the dataset'],
    ];
    for (const [id, meaning] of cases) {
      const error = stepError(state, { split: { council: 'najaf', list: 'nabni', into: { [id]: 1, aah: 2 } } }, 42);
      expect([error.path, error.message]).toEqual([`split.into.${id}`, `"${id}" is already ${meaning}; a faction needs an id of its own`]);
    }
    // The list's own id and its dataset factions stay free.
    const { state: kept } = applyStep(state, { split: { council: 'najaf', list: 'nabni', into: { nabni: 1, badr: 2 } } }, 43, dataset);
    expect(kept.councils['najaf']!.units.filter((unit) => unit.parent === 'nabni').map((unit) => unit.id)).toEqual(['nabni', 'badr']);
  });

  it('a transfer in an unknown council is reported under transfer.council', () => {
    const { base } = fixture();
    const error = stepError(base, { transfer: { council: 'atlantis', from: 'nabni', to: 'wafaa', seats: 1 } });
    expect(error.path).toBe('transfer.council');
    expect(error.message).toBe(`unknown council "atlantis" (known: ${COUNCILS})`);
  });

  it('a split in an unknown council is reported under split.council', () => {
    const { base } = fixture();
    const error = stepError(base, { split: { council: 'atlantis', list: 'nabni', into: { badr: 1 } } });
    expect(error.path).toBe('split.council');
    expect(error.message).toBe(`unknown council "atlantis" (known: ${COUNCILS})`);
  });

  it('a list split twice names the factions it already became', () => {
    const { dataset, base } = fixture();
    const { state } = applyStep(base, { split: { council: 'najaf', list: 'nsf', into: { hikma: 1, nasr: 1 } } }, 6, dataset);
    const error = stepError(state, { split: { council: 'najaf', list: 'nsf', into: { hikma: 2 } } }, 7);
    expect(error.path).toBe('split.list');
    expect(error.message).toBe('"nsf" is already split into hikma, nasr in council najaf');
  });

  it('an unknown list lists the council\'s units (none split, so no faction is named)', () => {
    const { base } = fixture();
    const error = stepError(base, { split: { council: 'najaf', list: 'nabnii', into: { badr: 3 } } });
    expect(error.path).toBe('split.list');
    expect(error.message).toBe('unknown list "nabnii" in council najaf (known: nabni, state-of-law, wafaa, nsf, absher, idraak, wathiqoon, qiyam, madar)');
  });

  it('a quota member is not a list and does not split', () => {
    const { base } = fixture();
    const error = stepError(base, { split: { council: 'baghdad', list: 'quota-feyli', into: { feyli: 1 } } });
    expect(error.path).toBe('split.list');
    expect(error.message).toBe('"quota-feyli" is a member, not a list; only lists split into factions');
  });

  it('a list with absent members cannot split', () => {
    const { dataset, base } = fixture();
    const { state } = applyStep(base, { absent: { council: 'najaf', units: ['wafaa'], seats: 1 } }, 12, dataset);
    const error = stepError(state, { split: { council: 'najaf', list: 'wafaa', into: { 'wafaa-a': 1, 'wafaa-b': 1 } } }, 13);
    expect(error.path).toBe('split.list');
    expect(error.message).toBe('split "wafaa" before marking its members absent or defecting (council najaf)');
  });

  it('a list with defectors cannot split, though all its members attend', () => {
    const { dataset, base } = fixture();
    // Defectors attend (they vote), so only the defection itself stops the split.
    const { state } = applyStep(base, { defect: { council: 'najaf', from: 'state-of-law', seats: 1 } }, 4, dataset);
    expect(state.councils['najaf']!.units.find((unit) => unit.id === 'state-of-law')!.present).toBe(3);
    const error = stepError(state, { split: { council: 'najaf', list: 'state-of-law', into: { 'sol-a': 2, 'sol-b': 1 } } }, 5);
    expect(error.path).toBe('split.list');
    expect(error.message).toBe('split "state-of-law" before marking its members absent or defecting (council najaf)');
  });

  it('without `into`, a list the dataset does not split is refused', () => {
    const { base } = fixture();
    const error = stepError(base, { split: { council: 'najaf', list: 'state-of-law' } });
    expect(error.path).toBe('split.into');
    expect(error.message).toBe('the dataset has no faction estimate for "state-of-law" in council najaf; give `into`');
  });

  it('an empty `into` is refused as such, not as a wrong sum', () => {
    const { base } = fixture();
    const error = stepError(base, { split: { council: 'najaf', list: 'wafaa', into: {} } });
    expect(error.path).toBe('split.into');
    expect(error.message).toBe('expected at least one faction');
  });

  it('a dataset estimate that no longer sums to the list is reported under split.list', () => {
    const { dataset, base } = fixture();
    // After nabni 3 − 1 = 2 seats, the estimate badr 1 + aah 2 = 3 no longer fits.
    const { state } = applyStep(base, { transfer: { council: 'najaf', from: 'nabni', to: 'wafaa', seats: 1 } }, 8, dataset);
    const error = stepError(state, { split: { council: 'najaf', list: 'nabni' } }, 9);
    expect(error.path).toBe('split.list');
    expect(error.message).toBe('the factions sum to 3 (badr 1 + aah 2) but "nabni" holds 2 seats in council najaf');
  });

  it('a faction may not take the id of another unit in the council', () => {
    const { base } = fixture();
    // 2 + 1 = 3 = nabni's seats, so only the id clash is wrong.
    const error = stepError(base, { split: { council: 'najaf', list: 'nabni', into: { badr: 2, 'state-of-law': 1 } } });
    expect(error.path).toBe('split.into.state-of-law');
    expect(error.message).toBe('"state-of-law" is already a unit in council najaf');
  });
});

describe('split: factions and provenance', () => {
  it('factions given by `into` inherit the list\'s families and record "as given"', () => {
    const { dataset, base } = fixture();
    const { state } = applyStep(base, { split: { council: 'karbala', list: 'nabni', into: { badr: 1, aah: 1 } } }, 2, dataset);
    const factions = state.councils['karbala']!.units.filter((unit) => unit.parent === 'nabni');
    // Nabni is a member of the dataset bloc cf (dataset.yaml), so each faction is too.
    expect(factions).toEqual([
      { id: 'badr', name: 'badr', kind: 'faction', seats: 1, present: 1, families: ['cf'], parent: 'nabni', defections: [] },
      { id: 'aah', name: 'aah', kind: 'faction', seats: 1, present: 1, families: ['cf'], parent: 'nabni', defections: [] },
    ]);
    expect(state.provenance['karbala']).toEqual([{ step: 2, kind: 'split', text: 'split nabni (2) into badr 1 + aah 1 (as given)' }]);
  });

  it('the dataset estimate is recorded with its confidence and method', () => {
    const { dataset, base } = fixture();
    const { state } = applyStep(base, { split: { council: 'najaf', list: 'nabni' } }, 14, dataset);
    // najaf.yaml: nabni 3 → badr 1 + aah 2, confidence inferred, method faction-split, whose summary
    // (dataset.yaml `methods`) is the text after the colon.
    expect(state.provenance['najaf']).toEqual([
      {
        step: 14,
        kind: 'split',
        text: 'split nabni (3) into badr 1 + aah 2 (dataset estimate, confidence inferred: even split; odd seat to the faction holding the list\'s senior 2024 post there, else to the senior partner)',
      },
    ]);
    expect(state.councils['najaf']!.units.slice(0, 2).map((unit) => [unit.id, unit.name, unit.seats])).toEqual([
      ['badr', 'Badr Organization', 1],
      ['aah', 'Asaib Ahl al-Haq (Sadiqoun)', 2],
    ]);
  });
});
