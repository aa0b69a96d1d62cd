/**
 * The typed builder: each method writes the same step or field a YAML file would hold, in call order,
 * and the document it hands the loader is a copy the caller cannot change afterwards.
 */
import { describe, expect, it } from 'vitest';
import { scenario } from '../../src/scenarios/builder.js';
import { scenarioFromDocument } from '../../src/scenarios/scenario-loader.js';

describe('the builder', () => {
  it('writes every step kind under its own key, with the source and note a step carries', () => {
    const document = scenario('every step')
      .split({ council: 'najaf', list: 'nabni', into: { badr: 1, aah: 2 } })
      .bloc({ id: 'cf', councils: ['najaf'] })
      .dissolve({ bloc: 'cf', councils: ['najaf'] })
      .deal({ id: 'd', parties: ['badr', 'state-of-law'], councils: ['najaf'], governor: 'badr' }, { source: 'src-1', note: 'the deal' })
      .defect({ council: 'najaf', from: 'wafaa', seats: 1, to: 'd' })
      .transfer({ council: 'najaf', from: 'idraak', to: 'madar' })
      .absent({ council: 'najaf', units: ['qiyam'] })
      .attend({ council: 'najaf', units: ['qiyam'] })
      .veto({ actor: 'sadrists', councils: ['najaf'], against: ['aah'] })
      .incompatible({ between: ['aah', 'wathiqoon'], councils: ['najaf'] })
      .group({ A: ['najaf'] })
      .package({ council: 'najaf', posts: ['governor', 'chair'] })
      .join({ units: ['nsf'], to: 'd' })
      .leave({ units: ['nsf'], from: 'd' })
      .setSeats({ council: 'najaf', unit: 'madar', seats: 2 })
      .toDocument();
    expect(document.steps!.map((step) => Object.keys(step))).toEqual([
      ['split'],
      ['bloc'],
      ['dissolve'],
      ['deal', 'source', 'note'],
      ['defect'],
      ['transfer'],
      ['absent'],
      ['attend'],
      ['veto'],
      ['incompatible'],
      ['group'],
      ['package'],
      ['join'],
      ['leave'],
      ['seats'],
    ]);
    expect(document.steps![3]).toEqual({
      deal: { id: 'd', parties: ['badr', 'state-of-law'], councils: ['najaf'], governor: 'badr' },
      source: 'src-1',
      note: 'the deal',
    });
    expect(document.steps![14]).toEqual({ seats: { council: 'najaf', unit: 'madar', seats: 2 } });
  });

  it('sets the document fields, merges rules call by call and lists sources and expectations in order', () => {
    const document = scenario('fields')
      .describe('what it is for')
      .dataset('iraq-2023')
      .seats('preliminary')
      .units('factions')
      .extends('baseline')
      .rules({ majority: 'ceil(2*members/3)' })
      .rules({ quorum: 'members' })
      .source({ id: 'a', url: 'https://example.org/a' })
      .source({ id: 'b', title: 'B' })
      .expect({ council: 'najaf', status: 'elected' })
      .expect({ council: 'basra', status: 'elected' })
      .toDocument();
    expect(document).toEqual({
      name: 'fields',
      description: 'what it is for',
      dataset: 'iraq-2023',
      seats: 'preliminary',
      units: 'factions',
      extends: 'baseline',
      rules: { majority: 'ceil(2*members/3)', quorum: 'members' },
      sources: [
        { id: 'a', url: 'https://example.org/a' },
        { id: 'b', title: 'B' },
      ],
      steps: [],
      expect: [
        { council: 'najaf', status: 'elected' },
        { council: 'basra', status: 'elected' },
      ],
    });
  });

  it('leaves out empty sources and expectations, as a file without them would', () => {
    expect(scenario('bare').toDocument()).toEqual({ name: 'bare', steps: [] });
  });

  it('hands out copies: changing a document or the object a step was given does not change the builder', () => {
    const into = { badr: 1, aah: 2 };
    const source = { id: 'a', url: 'https://example.org/a' };
    const claim = { council: 'najaf', coalitionIncludes: ['badr'] };
    const builder = scenario('copies').split({ council: 'najaf', list: 'nabni', into }).source(source).expect(claim);
    const first = builder.toDocument();
    first.steps!.push({ absent: { council: 'najaf', units: ['madar'] } });
    into.badr = 3;
    source.url = 'https://example.org/changed';
    claim.coalitionIncludes.push('aah');
    expect(builder.toDocument()).toEqual({
      name: 'copies',
      sources: [{ id: 'a', url: 'https://example.org/a' }],
      steps: [{ split: { council: 'najaf', list: 'nabni', into: { badr: 1, aah: 2 } } }],
      expect: [{ council: 'najaf', coalitionIncludes: ['badr'] }],
    });
  });

  it('load and run go through the loader, with the file a caller names', () => {
    const builder = scenario('najaf cf').bloc({ id: 'cf', councils: ['najaf'] });
    const loaded = builder.load({ file: 'najaf-cf.yaml' });
    expect(loaded.file).toBe('najaf-cf.yaml');
    expect(loaded.steps.map((step) => step.kind)).toEqual(['bloc']);
    expect(loaded.steps).toEqual(scenarioFromDocument(builder.toDocument(), { file: 'najaf-cf.yaml' }).steps);
    // Najaf: CF nabni 3 + state-of-law 3 + nsf 2 + absher 1 = 9 ≥ 8.
    const najaf = builder.run({ file: 'najaf-cf.yaml' }).councils.find((council) => council.id === 'najaf')!;
    expect([najaf.outcome.status, najaf.outcome.votes]).toEqual(['elected', 9]);
  });
});
