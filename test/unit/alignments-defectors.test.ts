/**
 * Defectors in the alignments of a run: one defectors' unit per (list, target), however many steps
 * sent members there, standing with the bloc or the list they rally to. Najaf as in
 * data/iraq-2023/councils/najaf.yaml: CF bloc nabni 3 + state-of-law 3 + nsf 2 + absher 1 = 9; wafaa 2, idraak 1.
 */
import { describe, expect, it } from 'vitest';
import { type ScenarioBuilder, scenario } from '../../src/scenarios/builder.js';

function lines(builder: ScenarioBuilder) {
  const council = builder.run().councils.find((entry) => entry.id === 'najaf')!;
  return council.alignments.map((line) => [line.kind, line.label, line.status, line.units, line.votes]);
}

const cf = () => scenario('defectors').bloc({ id: 'cf', councils: ['najaf'] });
const toIdraak = { council: 'najaf', from: 'wafaa', seats: 1, to: 'idraak' };

describe('defectors among the alignments', () => {
  it('a list that defectors rally to is listed, with them: idraak 1 + one wafaa member = 2', () => {
    expect(lines(cf().defect(toIdraak))).toEqual([
      ['bloc', 'bloc cf', 'elected', ['nabni', 'state-of-law', 'nsf', 'absher'], 9],
      ['list', 'list idraak', 'short', ['idraak', 'wafaa>idraak'], 2],
    ]);
  });

  it('two steps sending members of one list to one target make one defectors\' unit with both votes', () => {
    expect(lines(cf().defect(toIdraak).defect(toIdraak))[1]).toEqual(['list', 'list idraak', 'short', ['idraak', 'wafaa>idraak'], 3]);
    expect(lines(cf().defect({ ...toIdraak, to: 'cf' }).defect({ ...toIdraak, to: 'cf' }))).toEqual([
      ['bloc', 'bloc cf', 'elected', ['nabni', 'state-of-law', 'nsf', 'absher', 'wafaa>cf'], 11],
    ]);
  });
});
