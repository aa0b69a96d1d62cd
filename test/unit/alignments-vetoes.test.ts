/**
 * Vetoes and the alignments they void, read from a scenario run. Najaf (data/iraq-2023/councils/najaf.yaml):
 * nabni 3, state-of-law 3, wafaa 2, nsf 2, absher 1, idraak 1, wathiqoon 1, qiyam 1, madar 1 = 15,
 * majority 8; CF bloc nabni + state-of-law + nsf + absher = 9. Steps are numbered from 1 in the texts.
 */
import { describe, expect, it } from 'vitest';
import { type ScenarioBuilder, scenario } from '../../src/scenarios/builder.js';

function najaf(builder: ScenarioBuilder) {
  const council = builder.run().councils.find((entry) => entry.id === 'najaf')!;
  return { status: council.outcome.status, lines: council.alignments.map((line) => [line.kind, line.label, line.status, line.units, line.voidReason ?? null]) };
}

const cf = () => scenario('vetoes').bloc({ id: 'cf', councils: ['najaf'] });

describe('vetoes', () => {
  it('a deal whose governor party is vetoed here is void, with the actor and the step', () => {
    const run = najaf(cf().deal({ id: 'd', parties: ['wafaa', 'idraak'], councils: ['najaf'], governor: 'wafaa' }).veto({ actor: 'sadrists', councils: ['najaf'], against: ['wafaa'] }));
    expect(run).toEqual({
      status: 'elected',
      lines: [
        ['deal', 'deal d', 'void', ['wafaa', 'idraak'], 'its governor party wafaa is vetoed by sadrists (step 3)'],
        ['bloc', 'bloc cf', 'elected', ['nabni', 'state-of-law', 'nsf', 'absher'], null],
      ],
    });
  });

  it('a veto in another council leaves the deal here standing', () => {
    // state-of-law 3 + nabni 3 + nsf 2 = 8 ≥ 8.
    const run = najaf(
      scenario('elsewhere')
        .deal({ id: 'd', parties: ['state-of-law', 'nabni', 'nsf'], councils: ['najaf'], governor: 'state-of-law' })
        .veto({ actor: 'sadrists', councils: ['karbala'], against: ['state-of-law'] }),
    );
    expect(run).toEqual({ status: 'elected', lines: [['deal', 'deal d', 'elected', ['state-of-law', 'nabni', 'nsf'], null]] });
  });

  it('a governor from outside the council, vetoed in every council, voids the deal too', () => {
    const run = najaf(cf().deal({ id: 'd', parties: ['wafaa', 'idraak'], councils: ['najaf'], governor: 'tasmim' }).veto({ actor: 'sadrists', against: ['tasmim'] }));
    expect(run.lines[0]).toEqual(['deal', 'deal d', 'void', ['wafaa', 'idraak'], 'its governor party tasmim is vetoed by sadrists (step 3)']);
  });

  it('a bloc whose every member is vetoed is void, and nobody else claims the council', () => {
    const run = najaf(scenario('all vetoed').bloc({ id: 'opp', members: ['wafaa', 'idraak'], councils: ['najaf'] }).veto({ actor: 'sadrists', councils: ['najaf'], against: ['wafaa', 'idraak'] }));
    expect(run).toEqual({ status: 'open', lines: [['bloc', 'bloc opp', 'void', ['wafaa', 'idraak'], 'every member is vetoed']] });
  });
});
