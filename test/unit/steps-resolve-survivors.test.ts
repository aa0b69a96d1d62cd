/**
 * The small step helpers: how references resolve in a council (resolve.ts), the dataset's faction
 * estimate a `split` defaults to (dataset-split.ts), the "known:" hint and StepError (step-error.ts),
 * and how a split renames bloc members (provenance.ts). Seat counts and faction estimates are
 * hand-read from data/iraq-2023 (councils/babil.yaml: nabni 4, split badr 2 + aah 2; councils/najaf.yaml:
 * nabni 3, split badr 1 + aah 2, method faction-split). Transitions are memoised per (state, index,
 * step), so every test uses step content of its own.
 */
import { describe, expect, it } from 'vitest';
import type { Dataset, LoadedDataset } from '../../src/dataset/dataset.js';
import { applySteps, StepError } from '../../src/scenarios/steps/index.js';
import { datasetSplit } from '../../src/scenarios/steps/dataset-split.js';
import { describeCouncils, resolveInCouncil } from '../../src/scenarios/steps/resolve.js';
import { known } from '../../src/scenarios/steps/step-error.js';
import { fixture, stepsError } from '../helpers/steps.js';

/** The summary of method faction-split in data/iraq-2023/dataset.yaml (methods). */
const FACTION_SPLIT = 'even split; odd seat to the faction holding the list\'s senior 2024 post there, else to the senior partner';

describe('singleUnit: a split list must be named by faction', () => {
  it('a transfer from a split list names its factions, in council order', () => {
    // Babil's Nabni (4 seats) split 3 + 1 as given; the factions take its place in the order given.
    const error = stepsError([
      { split: { council: 'babil', list: 'nabni', into: { aah: 3, badr: 1 } } },
      { transfer: { council: 'babil', from: 'nabni', to: 'state-of-law', seats: 1 } },
    ]);
    expect(error.path).toBe('transfer.from');
    expect(error.message).toBe('"nabni" is split into aah, badr in council babil; name one of them');
  });
});

describe('resolveInCouncil', () => {
  it('names nothing in a council the state does not have', () => {
    const { base } = fixture();
    expect(resolveInCouncil(base, 'atlantis', 'nabni')).toEqual([]);
  });

  it('a dataset bloc names the units that carry it, and nothing in a council it is not recorded for', () => {
    const { base } = fixture();
    // dataset.yaml: taqaddum-bloc (taqaddum, anbar-hawiyatuna, qimam) is limited to Anbar ("councils: [anbar]").
    // Taqaddum also sits in Baghdad, but the bloc does not reach there.
    expect(base.councils['baghdad']!.units.some((unit) => unit.id === 'taqaddum')).toBe(true);
    expect(resolveInCouncil(base, 'baghdad', 'taqaddum-bloc')).toEqual([]);
    expect(resolveInCouncil(base, 'anbar', 'taqaddum-bloc').sort()).toEqual(['anbar-hawiyatuna', 'qimam', 'taqaddum']);
  });
});

describe('describeCouncils', () => {
  it('says "any council" for all of them, else names the one or the several', () => {
    expect(describeCouncils(['najaf', 'babil', 'wasit'], 3)).toBe('any council');
    expect(describeCouncils(['najaf'], 15)).toBe('council najaf');
    expect(describeCouncils(['najaf', 'babil'], 15)).toBe('councils najaf, babil');
  });
});

describe('datasetSplit', () => {
  it('reads the faction estimate, its confidence and its method\'s summary from the dataset', () => {
    const { dataset } = fixture();
    // councils/najaf.yaml: nabni factions { badr: 1, aah: 2 }, confidence inferred, method faction-split.
    expect(datasetSplit(dataset, 'final', 'najaf', 'nabni')).toEqual({
      parts: [
        { id: 'badr', name: 'Badr Organization', seats: 1 },
        { id: 'aah', name: 'Asaib Ahl al-Haq (Sadiqoun)', seats: 2 },
      ],
      note: `confidence inferred: ${FACTION_SPLIT}`,
    });
  });

  it('has no estimate for a list the dataset does not split there', () => {
    const { dataset } = fixture();
    // councils/najaf.yaml gives State of Law no factions.
    expect(datasetSplit(dataset, 'final', 'najaf', 'state-of-law')).toBeUndefined();
  });

  it('leaves the method out of the note when the split has none', () => {
    const { dataset } = fixture();
    // A seat set that seats Nabni in Anbar (where the council file has no Nabni) with a split but no
    // method: the split has nothing to inherit a method from.
    const set: Dataset['seatSets'][number] = {
      id: 'anbar-nabni',
      name: 'Nabni in Anbar',
      description: 'test only',
      extends: 'final',
      overrides: [{ council: 'anbar', list: 'nabni', seats: 2, factions: { badr: 1, aah: 1 }, source: 'rudaw-research-2023-12-20', confidence: 'unresolved' }],
    };
    const custom: LoadedDataset = { ...dataset, data: { ...dataset.data, seatSets: [...dataset.data.seatSets, set] }, seatSets: [...dataset.seatSets, set.id] };
    expect(datasetSplit(custom, 'anbar-nabni', 'anbar', 'nabni')?.note).toBe('confidence unresolved');
  });
});

describe('renameMember: a split renames the list in blocs that hold it', () => {
  it('replaces the list by its factions where it stands', () => {
    const { dataset, base } = fixture();
    const { state } = applySteps(base, [
      { bloc: { id: 'b-sol-nabni-babil', members: ['state-of-law', 'nabni'], councils: ['babil'] } },
      { split: { council: 'babil', list: 'nabni', into: { aah: 2, badr: 2 } } },
    ], dataset);
    expect(state.blocs['b-sol-nabni-babil']!.councils['babil']).toEqual(['state-of-law', 'aah', 'badr']);
  });

  it('leaves a bloc without the list as it was', () => {
    const { dataset, base } = fixture();
    const { state } = applySteps(base, [
      { bloc: { id: 'b-sol-nsf-babil', members: ['state-of-law', 'nsf'], councils: ['babil'] } },
      { split: { council: 'babil', list: 'nabni', into: { badr: 3, aah: 1 } } },
    ], dataset);
    expect(state.blocs['b-sol-nsf-babil']!.councils['babil']).toEqual(['state-of-law', 'nsf']);
  });
});

describe('known', () => {
  it('lists up to 30 ids in full', () => {
    const ids = Array.from({ length: 30 }, (_, i) => `u${i + 1}`);
    expect(known(ids)).toBe(`(known: ${ids.join(', ')})`);
  });

  it('past 30 ids shows the first 30 and counts the rest', () => {
    const ids = Array.from({ length: 32 }, (_, i) => `u${i + 1}`);
    // 32 ids: u1 … u30 shown, 32 - 30 = 2 more.
    expect(known(ids, 'units')).toBe(`(units: ${ids.slice(0, 30).join(', ')}, … 2 more)`);
  });
});

describe('StepError', () => {
  it('is named StepError and carries its path', () => {
    const error = new StepError('defect.from', 'no such unit');
    expect(error.name).toBe('StepError');
    expect(error.path).toBe('defect.from');
    expect(error.message).toBe('no such unit');
  });
});
