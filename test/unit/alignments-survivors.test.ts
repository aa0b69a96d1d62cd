/**
 * Every field of every alignment of one council, read from `councilAlignments` itself: which deals and
 * blocs are void and why, who is taken, the rump's `without`, the governor and whether it is seated,
 * the declaring step. Najaf (data/iraq-2023/councils/najaf.yaml): nabni 3, state-of-law 3, wafaa 2,
 * nsf 2, absher 1, idraak 1, wathiqoon 1, qiyam 1, madar 1 = 15; the dataset bloc cf is nabni,
 * state-of-law, nsf and absher. Splitting nabni there gives badr 1 + aah 2 (the dataset's estimate).
 * Step indexes count from 0; texts count from 1.
 */
import { describe, expect, it } from 'vitest';
import { councilAlignments } from '../../src/scenarios/alignments.js';
import { type ScenarioBuilder, scenario } from '../../src/scenarios/builder.js';
import { modelCouncil } from '../../src/scenarios/runner.js';

/** One line per alignment: kind id | units | governor | seated | step | without | void reason, and the actors backing it when any. */
function lines(builder: ScenarioBuilder, options: { labels?: boolean } = {}): string[] {
  const loaded = builder.load();
  const labels = new Map(options.labels === false ? [] : loaded.steps.map((step) => [step.index, step] as const));
  return councilAlignments(loaded.state, 'najaf', modelCouncil(loaded.state, 'najaf'), labels).map((line) =>
    [`${line.kind} ${line.id}`, line.units.join(','), line.governor ?? 'none', line.governorSeated ? 'seated' : 'unseated', line.step, line.without?.join(',') ?? '-', line.voidReason ?? '-', ...(line.actors.length > 0 ? [`actors ${line.actors.join(',')}`] : [])].join(' | '),
  );
}

const alone = (id: string) => `list ${id} | ${id} | ${id} | seated | -1 | - | -`;
const vetoedAlone = (id: string, actor: string) => `list ${id} | ${id} | none | unseated | -1 | - | ${id} is vetoed by ${actor}`;
const OTHERS = ['wathiqoon', 'qiyam', 'madar'].map(alone);

describe('alignments: defectors and lists', () => {
  it('defectors voting against every line stand alone, backed by nobody, seated nowhere, declared by no step', () => {
    expect(lines(scenario('against').bloc({ id: 'cf', councils: ['najaf'] }).defect({ council: 'najaf', from: 'wafaa', seats: 1 }))).toEqual([
      'bloc cf | nabni,state-of-law,nsf,absher | nabni | seated | 0 | - | -',
      alone('wafaa'),
      alone('idraak'),
      ...OTHERS,
      'against wafaa>none | wafaa>none | none | unseated | -1 | - | -',
    ]);
  });

  it('a vetoed list still votes alone but provides no governor', () => {
    const all = lines(scenario('veto').veto({ actor: 'sadrists', councils: ['najaf'], against: ['idraak'] }));
    expect(all).toHaveLength(9);
    expect(all[5]).toBe(vetoedAlone('idraak', 'sadrists'));
  });

  it('of two vetoes against one list, the first is the one cited', () => {
    const all = lines(scenario('two vetoes').veto({ actor: 'sadrists', councils: ['najaf'], against: ['wafaa'] }).veto({ actor: 'president', councils: ['najaf'], against: ['wafaa'] }));
    expect(all[2]).toBe(vetoedAlone('wafaa', 'sadrists'));
  });

  it('an incompatibility declared for another council does not void a bloc here', () => {
    expect(lines(scenario('elsewhere').bloc({ id: 'cf', councils: ['najaf', 'karbala'] }).incompatible({ between: ['nabni', 'nsf'], councils: ['karbala'] }))[0]).toBe(
      'bloc cf | nabni,state-of-law,nsf,absher | nabni | seated | 0 | - | -',
    );
  });
});

describe('alignments: when a deal is void', () => {
  it('its governor party left it here', () => {
    const all = lines(
      scenario('left')
        .deal({ id: 'd', parties: ['wafaa', 'idraak', 'nabni'], councils: ['najaf'], governor: 'nabni' })
        .leave({ units: ['nabni'], from: 'd', councils: ['najaf'] }),
    );
    expect(all[0]).toBe('deal d | wafaa,idraak | nabni | seated | 0 | - | its governor party nabni is no longer in it here');
    // Void: its members vote as if it were not declared.
    expect(all.slice(1)).toEqual(['nabni', 'state-of-law', 'wafaa', 'nsf', 'absher', 'idraak', 'wathiqoon', 'qiyam', 'madar'].map(alone));
  });

  it('an actor among the parties may provide the governor: with no seat here it is not "no longer in it"', () => {
    expect(lines(scenario('actor').deal({ id: 'd', parties: ['wafaa', 'idraak', 'sadrists'], councils: ['najaf'], governor: 'sadrists' }))[0]).toBe(
      'deal d | wafaa,idraak | sadrists | unseated | 0 | - | - | actors sadrists',
    );
  });

  it('a governor party outside the deal, vetoed through a bloc it belongs to', () => {
    const all = lines(
      scenario('through a bloc')
        .bloc({ id: 'cf', councils: ['najaf'] })
        .deal({ id: 'd', parties: ['wafaa', 'idraak'], councils: ['najaf'], governor: 'nabni' })
        .veto({ actor: 'sadrists', councils: ['najaf'], against: ['cf'] }),
    );
    expect(all.slice(0, 3)).toEqual([
      'deal d | wafaa,idraak | nabni | seated | 1 | - | its governor party nabni is vetoed by sadrists (step 3)',
      'bloc cf | nabni,state-of-law,nsf,absher | none | unseated | 0 | - | every member is vetoed',
      vetoedAlone('nabni', 'sadrists'),
    ]);
  });

  it('without labels a step is named by its position, counted from 1', () => {
    const builder = scenario('no labels')
      .bloc({ id: 'cf', councils: ['najaf'] })
      .deal({ id: 'd', parties: ['wafaa', 'idraak'], councils: ['najaf'], governor: 'nabni' })
      .veto({ actor: 'sadrists', councils: ['najaf'], against: ['cf'] });
    expect(lines(builder, { labels: false })[0]).toBe('deal d | wafaa,idraak | nabni | seated | 1 | - | its governor party nabni is vetoed by sadrists (step 3)');
  });

  it('a split list as governor: only its factions in the deal are candidates, and all of them must be vetoed', () => {
    const split = () => scenario('split').split({ council: 'najaf', list: 'nabni' });
    // badr is nabni's only faction in the deal: vetoed, the deal has no candidate left (aah is not in it).
    const badrVetoed = lines(split().deal({ id: 'd', parties: ['badr', 'wafaa', 'idraak'], councils: ['najaf'], governor: 'nabni' }).veto({ actor: 'sadrists', councils: ['najaf'], against: ['badr'] }));
    expect(badrVetoed[0]).toBe('deal d | badr,wafaa,idraak | nabni | seated | 1 | - | its governor party nabni is vetoed by sadrists (step 3)');
    // Both factions in the deal, one vetoed: the other can still provide the governor.
    const aahVetoed = lines(split().deal({ id: 'd', parties: ['badr', 'aah', 'wafaa'], councils: ['najaf'], governor: 'nabni' }).veto({ actor: 'sadrists', councils: ['najaf'], against: ['aah'] }));
    expect(aahVetoed[0]).toBe('deal d | badr,aah,wafaa | nabni | seated | 1 | - | -');
  });

  it('a governor from outside the council is vetoed by the veto that names it here, not by the first veto', () => {
    const all = lines(
      scenario('outside')
        .deal({ id: 'd', parties: ['wafaa', 'idraak'], councils: ['najaf'], governor: 'tasmim' })
        .veto({ actor: 'president', councils: ['najaf'], against: ['madar'] })
        .veto({ actor: 'sadrists', against: ['tasmim'] }),
    );
    expect(all[0]).toBe('deal d | wafaa,idraak | tasmim | unseated | 0 | - | its governor party tasmim is vetoed by sadrists (step 3)');
    expect(all.at(-1)).toBe(vetoedAlone('madar', 'president'));
  });
});

describe('alignments: blocs after the deals', () => {
  it('a bloc whose every member a deal took is not listed at all', () => {
    expect(lines(scenario('taken').bloc({ id: 'cf', councils: ['najaf'] }).deal({ id: 'd', parties: ['nabni', 'state-of-law', 'nsf', 'absher'], councils: ['najaf'], governor: 'nabni' }))).toEqual([
      'deal d | nabni,state-of-law,nsf,absher | nabni | seated | 1 | - | -',
      alone('wafaa'),
      alone('idraak'),
      ...OTHERS,
    ]);
  });

  it('the rest of a bloc is a rump, with the members the deal took', () => {
    expect(lines(scenario('rump').bloc({ id: 'cf', councils: ['najaf'] }).deal({ id: 'd', parties: ['nabni', 'wafaa', 'idraak'], councils: ['najaf'], governor: 'nabni' }))).toEqual([
      'deal d | nabni,wafaa,idraak | nabni | seated | 1 | - | -',
      'rump cf | state-of-law,nsf,absher | state-of-law | seated | 0 | nabni | -',
      ...OTHERS,
    ]);
  });

  it('a void bloc claims nobody: its members are listed alone', () => {
    expect(lines(scenario('all vetoed').bloc({ id: 'opp', members: ['wafaa', 'idraak'], councils: ['najaf'] }).veto({ actor: 'sadrists', councils: ['najaf'], against: ['wafaa', 'idraak'] }))).toEqual([
      'bloc opp | wafaa,idraak | none | unseated | 0 | - | every member is vetoed',
      alone('nabni'),
      alone('state-of-law'),
      vetoedAlone('wafaa', 'sadrists'),
      alone('nsf'),
      alone('absher'),
      vetoedAlone('idraak', 'sadrists'),
      ...OTHERS,
    ]);
  });
});
