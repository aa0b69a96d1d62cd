/**
 * Paths and breaking points turned into scenario steps, and the summaries and refusals around them,
 * word for word. Najaf (data/iraq-2023/councils/najaf.yaml): nabni 3, state-of-law 3, wafaa 2, nsf 2,
 * absher 1, idraak 1, wathiqoon 1, qiyam 1, madar 1 = 15, majority 8.
 */
import { describe, expect, it } from 'vitest';
import type { BreakingPoint, CouncilPath } from '../../src/model/paths/index.js';
import { GovsimUsageError } from '../../src/model/errors.js';
import { scenario } from '../../src/scenarios/builder.js';
import { breakingSteps, nationalParties, pathSteps, pathSummary, pathsCouncil, pathsTarget, scenarioPaths } from '../../src/scenarios/paths.js';
import { runScenario } from '../../src/scenarios/runner.js';

/** A path of one kind in Najaf; the figures the steps do not read are left at zero. */
function path(kind: CouncilPath['kind'], target: string, fields: Partial<Pick<CouncilPath, 'add' | 'members'>>): CouncilPath {
  return { council: 'najaf', for: target, kind, add: [], members: [], seatsAdded: 0, votes: 0, threshold: 8, margin: 0, arithmetic: '', confidence: 'documented', ...fields };
}

function point(kind: BreakingPoint['kind'], alignment: string, units: string[], seats = 0): BreakingPoint {
  return { council: 'najaf', alignment, kind, units, seats, after: 0, arithmetic: '', confidence: 'documented' };
}

const cfBloc = () => scenario('cf').bloc({ id: 'cf', councils: ['najaf'] });

describe('pathSummary', () => {
  it('says each kind of path in words, seats singular and plural', () => {
    expect(pathSummary(path('partners', 'cf', { add: ['wafaa', 'idraak'] }))).toBe('add wafaa + idraak');
    expect(pathSummary(path('return', 'cf', { members: [{ unit: 'nabni', seats: 2 }, { unit: 'nsf', seats: 1 }] }))).toBe('bring back 2 of nabni, 1 of nsf');
    expect(pathSummary(path('defections', 'cf', { members: [{ unit: 'wafaa', seats: 1 }] }))).toBe('win over 1 of wafaa');
    expect(pathSummary(path('transfer', 'cf', { members: [{ unit: 'wafaa', seats: 1 }, { unit: 'madar', seats: 2 }] }))).toBe('move 1 seat from wafaa, 2 seats from madar');
  });
});

describe('pathSteps', () => {
  it('a bloc declared here takes partners by join and defectors by its id', () => {
    const loaded = cfBloc().load();
    expect(pathSteps(loaded, path('partners', 'cf', { add: ['wafaa', 'idraak'] }))).toEqual([{ join: { units: ['wafaa', 'idraak'], to: 'cf', councils: ['najaf'] } }]);
    expect(pathSteps(loaded, path('defections', 'cf', { members: [{ unit: 'wafaa', seats: 1 }] }))).toEqual([{ defect: { council: 'najaf', from: 'wafaa', seats: 1, to: 'cf' } }]);
    expect(pathSteps(loaded, path('return', 'cf', { members: [{ unit: 'nabni', seats: 2 }] }))).toEqual([{ attend: { council: 'najaf', units: ['nabni'], seats: 2 } }]);
    // Moved seats go to the target's largest unit here: nabni and state-of-law tie on 3, nabni comes first.
    expect(pathSteps(loaded, path('transfer', 'cf', { members: [{ unit: 'madar', seats: 1 }] }))).toEqual([{ transfer: { council: 'najaf', from: 'madar', to: 'nabni', seats: 1 } }]);
  });

  it('any other target first becomes a deal of its own here, which the steps then name', () => {
    const loaded = scenario('lists').load();
    const own = { deal: { id: 'state-of-law-najaf', parties: ['state-of-law', 'wafaa'], councils: ['najaf'], governor: 'state-of-law' } };
    expect(pathSteps(loaded, path('partners', 'state-of-law', { add: ['wafaa'] }))).toEqual([own]);
    const alone = { deal: { id: 'state-of-law-najaf', parties: ['state-of-law'], councils: ['najaf'], governor: 'state-of-law' } };
    expect(pathSteps(loaded, path('defections', 'state-of-law', { members: [{ unit: 'wafaa', seats: 2 }] }))).toEqual([alone, { defect: { council: 'najaf', from: 'wafaa', seats: 2, to: 'state-of-law-najaf' } }]);
    expect(pathSteps(loaded, path('transfer', 'state-of-law', { members: [{ unit: 'wafaa', seats: 1 }] }))).toEqual([alone, { transfer: { council: 'najaf', from: 'wafaa', to: 'state-of-law', seats: 1 } }]);
    // A bloc declared elsewhere only is no alignment here.
    const elsewhere = scenario('karbala bloc').bloc({ id: 'cf', councils: ['karbala'] }).load();
    expect(pathSteps(elsewhere, path('partners', 'cf', { add: ['wafaa'] }))[0]).toEqual({ deal: { id: 'cf-najaf', parties: ['cf', 'wafaa'], councils: ['najaf'], governor: 'cf' } });
    // The largest unit of a family here receives moved seats.
    expect(pathSteps(elsewhere, path('transfer', 'cf', { members: [{ unit: 'wafaa', seats: 1 }] }))[1]).toEqual({ transfer: { council: 'najaf', from: 'wafaa', to: 'nabni', seats: 1 } });
  });
});

describe('breakingSteps', () => {
  it('units leaving a bloc or deal leave it; a list governing alone votes against itself instead', () => {
    const loaded = cfBloc().defect({ council: 'najaf', from: 'state-of-law', seats: 1 }).load();
    expect(breakingSteps(loaded, point('exit', 'cf', ['nsf', 'absher']))).toEqual([{ leave: { units: ['nsf', 'absher'], from: 'cf', councils: ['najaf'] } }]);
    // state-of-law has 3 seats, one defected already: 2 loyal votes are left to turn.
    expect(breakingSteps(loaded, point('exit', 'state-of-law', ['state-of-law']))).toEqual([{ defect: { council: 'najaf', from: 'state-of-law', seats: 2 } }]);
  });

  it('members are drawn from the units in order, as many as each still has present', () => {
    const loaded = cfBloc().absent({ council: 'najaf', units: ['nabni'], seats: 2 }).load();
    // nabni has 1 present, nsf 2: 3 seats are nabni 1 + nsf 2; absher is not needed.
    expect(breakingSteps(loaded, point('members', 'cf', ['nabni', 'nsf', 'absher'], 3))).toEqual([
      { defect: { council: 'najaf', from: 'nabni', seats: 1 } },
      { defect: { council: 'najaf', from: 'nsf', seats: 2 } },
    ]);
    // A unit with nobody present gives nothing.
    const away = cfBloc().absent({ council: 'najaf', units: ['nabni'] }).load();
    expect(breakingSteps(away, point('members', 'cf', ['nabni', 'absher'], 1))).toEqual([{ defect: { council: 'najaf', from: 'absher', seats: 1 } }]);
  });

  it('a boycott keeps the units away; a group of defectors has no id a step could name', () => {
    const loaded = cfBloc().load();
    expect(breakingSteps(loaded, point('boycott', 'cf', ['nabni', 'state-of-law']))).toEqual([{ absent: { council: 'najaf', units: ['nabni', 'state-of-law'] } }]);
    expect(breakingSteps(loaded, point('members', 'cf', ['wafaa>cf'], 1))).toBeNull();
  });
});

describe('targets and councils', () => {
  it('a target with no seat here, a deal not covering this council, and a vetoed governor party are blocked, with the reason', () => {
    const loaded = scenario('blocked')
      .deal({ id: 'd', parties: ['ibdaa-karbala', 'nabni'], councils: ['karbala'], governor: 'ibdaa-karbala' })
      .veto({ actor: 'sadrists', councils: ['najaf'], against: ['wafaa'] })
      .load();
    const run = runScenario(loaded);
    const najaf = pathsCouncil(loaded, run, 'najaf');
    expect(pathsTarget(loaded, najaf, 'd').blocked).toBe('deal d does not cover this council');
    expect(pathsTarget(loaded, najaf, 'tasmim').blocked).toBe('tasmim holds no seat in this council');
    expect(pathsTarget(loaded, najaf, 'wafaa').blocked).toBe("its governor's party is vetoed by sadrists");
    expect(pathsTarget(loaded, najaf, 'nabni')).toEqual({ id: 'nabni', units: ['nabni'] });
  });

  it('an unknown target or council is a usage error naming what is known', () => {
    const loaded = cfBloc().load();
    expect(() => scenarioPaths(loaded, { for: 'nabnni' })).toThrow(GovsimUsageError);
    expect(() => scenarioPaths(loaded, { for: 'nabnni' })).toThrow(/^unknown party, bloc or deal "nabnni" \(did you mean "nabni"\?\) \(deals: none; blocs: cf, /);
    expect(() => scenarioPaths(loaded, { councils: ['najaf', 'sumer'] })).toThrow(/^unknown council "sumer" \(councils: baghdad, basra, .*, maysan\)$/);
    expect(() => pathsCouncil(loaded, runScenario(loaded), 'sumer')).toThrow(/^unknown council "sumer" in scenario .* \(councils: baghdad, /);
    // Councils keep the dataset's order whatever order they are asked in.
    expect(scenarioPaths(loaded, { councils: ['maysan', 'najaf'] }).councils.map((entry) => entry.council)).toEqual(['najaf', 'maysan']);
  });

  it('national partners: parties with seats in two councils or more, outside the target, largest first', () => {
    const parties = nationalParties(scenario('national').load(), 'cf');
    // The CF's own lists are inside it everywhere; quota seats and placeholders are not parties.
    for (const inside of ['nabni', 'state-of-law', 'nsf', 'absher']) expect(parties).not.toContain(inside);
    expect(parties.some((id) => id.startsWith('quota-') || id.startsWith('unidentified'))).toBe(false);
    expect(parties.slice(0, 2)).toEqual(['taqaddum', 'siyada']);
    expect(parties).not.toContain('tasmim');
  });
});
