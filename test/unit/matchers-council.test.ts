/**
 * The council claims behind the `govsim/vitest` matchers (src/testing/council-claims.ts): the pass/fail
 * decision and the exact words of the claim, of what the run shows and of the arithmetic, on bundled
 * scenarios whose figures are checked by hand against data/iraq-2023/councils/*.yaml (majority =
 * floor(n/2) + 1 of all members unless a scenario rule says otherwise). A few tests hand the claims a
 * run result edited in one field (a result from elsewhere, e.g. read back from JSON) to pin the
 * fallbacks the runner itself never needs.
 */
import { describe, expect, it } from 'vitest';
import '../../src/testing/matchers.js';
import { deadlocks, electsGovernor, formsMajority, hasGroup, hingesOn, isPivotal, lacksQuorum, majorityRuleText } from '../../src/testing/council-claims.js';
import { GovsimUsageError } from '../../src/model/errors.js';
import { loadScenario, runScenario, scenario, type ScenarioRun } from '../../src/scenarios/index.js';
import type { CouncilOutcome, CouncilResult } from '../../src/scenarios/runner.js';
import { failure } from '../helpers/failure.js';

function councilIn(run: ScenarioRun, id: string): CouncilResult {
  const council = run.councils.find((entry) => entry.id === id);
  if (council === undefined) throw new Error(`no council ${id}`);
  return council;
}

/** The run with one council replaced by `edit(council)`. */
function editCouncil(run: ScenarioRun, id: string, edit: (council: CouncilResult) => CouncilResult): ScenarioRun {
  return { ...run, councils: run.councils.map((council) => (council.id === id ? edit(council) : council)) };
}

function editOutcome(run: ScenarioRun, id: string, patch: Partial<CouncilOutcome>): ScenarioRun {
  return editCouncil(run, id, (council) => ({ ...council, outcome: { ...council.outcome, ...patch } }));
}

const NAJAF_UNITS = 'nabni, state-of-law, wafaa, nsf, absher, idraak, wathiqoon, qiyam, madar';
// Najaf, 15 members: floor(15/2) + 1 = 7 + 1 = 8 for both the majority and the quorum.
const NAJAF_FULL = 'najaf (Najaf): 15 members, absolute majority floor(15/2) + 1 = 8; present 15 ≥ 8, quorum met';
// Maysan, 12 general + 1 quota = 13 members: floor(13/2) + 1 = 6 + 1 = 7.
const MAYSAN_FULL = 'maysan (Maysan): 13 members, absolute majority floor(13/2) + 1 = 7; present 13 ≥ 7, quorum met';
// Basra, 22 general + 1 quota = 23 members: floor(23/2) + 1 = 11 + 1 = 12.
const BASRA_FULL = 'basra (Basra): 23 members, absolute majority floor(23/2) + 1 = 12; present 23 ≥ 12, quorum met';
// Baghdad, 52 members: floor(52/2) + 1 = 27.
const BAGHDAD_FULL = 'baghdad (Baghdad): 52 members, absolute majority floor(52/2) + 1 = 27; present 52 ≥ 27, quorum met';
// Najaf boycott: nabni 3 + state-of-law 3 + wafaa 2 = 8 absent ⇒ 15 − 8 = 7 present < 8.
const NAJAF_BOYCOTT = 'najaf (Najaf): 15 members, absolute majority floor(15/2) + 1 = 8; present 7 < 8: no quorum, no vote can be held (absent: nabni 3, state-of-law 3, wafaa 2)';

// Runs are made inside each test (a few ms each), never while the file is collected or in a hook.
const baseline = (): ScenarioRun => runScenario(loadScenario('baseline'));
const boycott = (): ScenarioRun => scenario('Najaf boycott').extends('baseline').absent({ council: 'najaf', units: ['state-of-law', 'wafaa', 'nabni'] }).run();
/**
 * Najaf with all but one member outside the CF away and the CF one short: wafaa 2, idraak, wathiqoon,
 * qiyam absent, and 1 of nsf's 2 and absher's 1. Present: nabni 3 + state-of-law 3 + nsf 1 + madar 1 = 8
 * (15 − 2 − 1 − 1 − 1 − 1 − 1 = 8 ≥ 8, quorum met); the CF has 3 + 3 + 1 + 0 = 7 < 8, short by 1. Only
 * madar's seat moving to the CF flips it (7 → 8): exactly one hinge line.
 */
const oneHinge = (): ScenarioRun => scenario('Najaf, one seat short')
  .extends('baseline')
  .absent({ council: 'najaf', units: ['wafaa', 'idraak', 'wathiqoon', 'qiyam'] })
  .absent({ council: 'najaf', units: ['absher', 'nsf'], seats: 1 })
  .run();

describe('the majority rule a message names', () => {
  it('is the run\'s own rule line: the default, a formula, or a fixed number equal to the default', () => {
    expect(majorityRuleText(councilIn(baseline(), 'najaf'))).toBe('absolute majority floor(15/2) + 1 = 8');
    // ceil(2·15/3) = ceil(10) = 10.
    const twoThirds = scenario('two thirds').rules({ majority: 'ceil(2*members/3)' }).run();
    expect(majorityRuleText(councilIn(twoThirds, 'najaf'))).toBe('scenario rule ceil(2*members/3) = 10');
    // A fixed 8 equals floor(15/2) + 1 in Najaf, yet it is the scenario's rule, not the law's wording.
    const fixed = scenario('fixed eight').rules({ majority: 8 }).run();
    expect(majorityRuleText(councilIn(fixed, 'najaf'))).toBe('scenario rule (a fixed number) = 8');
  });

  it('falls back on the figures when the result carries no rule line', () => {
    const stripped = { ...councilIn(baseline(), 'najaf'), explanation: [] };
    // 8 = floor(15/2) + 1: the absolute majority.
    expect(majorityRuleText(stripped)).toBe('absolute majority floor(15/2) + 1 = 8');
    // 10 ≠ 8: a majority of another rule, named by its figure only.
    expect(majorityRuleText({ ...stripped, majority: 10 })).toBe('majority 10');
  });

  it('ignores a rule line for another figure', () => {
    // The two-thirds line says 10; a result whose majority is 8 must not borrow that rule's name.
    const twoThirds = councilIn(scenario('two thirds').rules({ majority: 'ceil(2*members/3)' }).run(), 'najaf');
    expect(majorityRuleText({ ...twoThirds, majority: 8 })).toBe('absolute majority floor(15/2) + 1 = 8');
  });
});

describe('the threshold line', () => {
  it('lists no absentees when everyone attends', () => {
    expect(formsMajority(baseline(), 'maysan').arithmetic[0]).toBe(MAYSAN_FULL);
    expect(formsMajority(baseline(), 'najaf').arithmetic[0]).toBe(NAJAF_FULL);
  });

  it('counts the absent members of each unit, a partial absence included', () => {
    // nsf: 2 seats, 1 present ⇒ 1 absent; absher 1 − 0 = 1; wafaa 2 − 0 = 2; the others 1 − 0 = 1.
    expect(formsMajority(oneHinge(), 'najaf').arithmetic[0]).toBe(
      'najaf (Najaf): 15 members, absolute majority floor(15/2) + 1 = 8; present 8 ≥ 8, quorum met (absent: wafaa 2, nsf 1, absher 1, idraak 1, wathiqoon 1, qiyam 1)',
    );
  });
});

describe('toFormMajority on the governing coalition', () => {
  it('passes with the margin: Maysan, CF 6 + 3 + 3 = 12 of 7, margin 5', () => {
    const maysan = councilIn(baseline(), 'maysan');
    expect(formsMajority(baseline(), 'maysan')).toEqual({
      pass: true,
      claim: 'the governing coalition in maysan to reach the absolute majority (7)',
      actual: 'bloc cf has 12 of 7 votes, margin 5',
      arithmetic: [MAYSAN_FULL, maysan.decision],
    });
    // The message `.not` shows when it passes.
    expect(failure(() => expect(baseline()).not.toFormMajority('maysan'))).toBe(
      [
        'expect(scenario).not.toFormMajority(council)',
        '',
        'Expected: not the governing coalition in maysan to reach the absolute majority (7)',
        'Received: bloc cf has 12 of 7 votes, margin 5',
        '',
        `  ${MAYSAN_FULL}`,
        `  ${maysan.decision}`,
        '  scenario: Baseline — final seats, the CF voting as one bloc (scenarios/baseline.yaml)',
      ].join('\n'),
    );
  });

  it('passes at margin 0: Basra, Tasmim 12 of 12', () => {
    expect(formsMajority(baseline(), 'basra').actual).toBe('list tasmim has 12 of 12 votes, margin 0');
    expect(formsMajority(baseline(), 'basra').pass).toBe(true);
  });

  it('fails short of the majority: Baghdad, CF 9 + 9 + 5 + 2 = 25 of 27, short by 2', () => {
    expect(formsMajority(baseline(), 'baghdad')).toMatchObject({ pass: false, actual: 'bloc cf has 25 of 27 votes, short by 2' });
  });

  it('fails without the quorum, short: Najaf boycott, CF present nsf 2 + absher 1 = 3 of 8, short by 5', () => {
    expect(formsMajority(boycott(), 'najaf')).toEqual({
      pass: false,
      claim: 'the governing coalition in najaf to reach the absolute majority (8)',
      actual: 'bloc cf has 3 of 8 votes, short by 5 and no quorum',
      arithmetic: [NAJAF_BOYCOTT, councilIn(boycott(), 'najaf').decision],
    });
  });

  it('fails without the quorum even with the votes, and shows the margin, not a shortfall', () => {
    // Quorum = all 15 members; idraak (1) away ⇒ 14 < 15. The CF still holds 3 + 3 + 2 + 1 = 9 ≥ 8, margin 1.
    const everyone = scenario('everyone must attend').extends('baseline').rules({ quorum: 'members' }).absent({ council: 'najaf', units: ['idraak'] }).run();
    expect(formsMajority(everyone, 'najaf')).toMatchObject({ pass: false, actual: 'bloc cf has 9 of 8 votes, margin 1 but no quorum' });
    expect(everyone).not.toFormMajority('najaf');
  });

  it('never passes for a result that lists no coalition, whatever its vote count', () => {
    const edited = editOutcome(baseline(), 'maysan', { coalition: [] });
    expect(formsMajority(edited, 'maysan')).toMatchObject({ pass: false, actual: 'no coalition governs (elected)' });
  });

  it('writes ? for a coalition without an alignment label', () => {
    const edited = editOutcome(baseline(), 'maysan', { alignment: null });
    expect(formsMajority(edited, 'maysan').actual).toBe('? has 12 of 7 votes, margin 5');
  });
});

describe('toFormMajority with a named coalition', () => {
  it('passes at exactly the majority: Basra, tasmim 12 = 12 ≥ 12, margin 0', () => {
    expect(formsMajority(baseline(), 'basra', ['tasmim'])).toEqual({
      pass: true,
      claim: 'tasmim to reach the absolute majority (12) in basra',
      actual: '12 present votes, margin 0',
      arithmetic: [BASRA_FULL, 'tasmim: present members tasmim 12 = 12 ≥ 12, margin 0', councilIn(baseline(), 'basra').decision],
    });
  });

  it('adds the present members of several parties: Maysan, nabni 6 + state-of-law 3 = 9 ≥ 7, margin 2', () => {
    expect(formsMajority(baseline(), 'maysan', ['nabni', 'state-of-law'])).toEqual({
      pass: true,
      claim: 'nabni + state-of-law to reach the absolute majority (7) in maysan',
      actual: '9 present votes, margin 2',
      arithmetic: [MAYSAN_FULL, 'nabni + state-of-law: present members nabni 6 + state-of-law 3 = 9 ≥ 7, margin 2', councilIn(baseline(), 'maysan').decision],
    });
  });

  it('says "nobody" when no named party sits in the council', () => {
    // Tasmim sits in Basra only: 0 < 8, short by 8.
    expect(formsMajority(baseline(), 'najaf', ['tasmim'])).toEqual({
      pass: false,
      claim: 'tasmim to reach the absolute majority (8) in najaf',
      actual: '0 present votes, short by 8',
      arithmetic: [NAJAF_FULL, 'tasmim: present members nobody = 0 < 8, short by 8', 'no seat in najaf: tasmim', councilIn(baseline(), 'najaf').decision],
    });
  });

  it('lists every seatless party: Tasmim (Basra) and Taqaddum (Baghdad) beside nabni 3 in Najaf', () => {
    expect(formsMajority(baseline(), 'najaf', ['tasmim', 'taqaddum', 'nabni']).arithmetic).toEqual([
      NAJAF_FULL,
      'tasmim + taqaddum + nabni: present members nabni 3 = 3 < 8, short by 5',
      'no seat in najaf: tasmim, taqaddum',
      councilIn(baseline(), 'najaf').decision,
    ]);
  });

  it('leaves out every defector: Maysan, 1 nabni and 1 state-of-law member vote against', () => {
    // Loyal: nabni 6 − 1 = 5, state-of-law 3 − 1 = 2, nsf 3 ⇒ 10 ≥ 7, margin 3.
    const run = scenario('two defectors').extends('baseline').defect({ council: 'maysan', from: 'nabni' }).defect({ council: 'maysan', from: 'state-of-law' }).run();
    expect(formsMajority(run, 'maysan', ['nabni', 'state-of-law', 'nsf'])).toEqual({
      pass: true,
      claim: 'nabni + state-of-law + nsf to reach the absolute majority (7) in maysan',
      actual: '10 present votes, margin 3',
      arithmetic: [
        MAYSAN_FULL,
        'nabni + state-of-law + nsf: present members nabni 5 + state-of-law 2 + nsf 3 = 10 ≥ 7, margin 3',
        'not counted, voting apart from their list: nabni 1, state-of-law 1',
        councilIn(run, 'maysan').decision,
      ],
    });
  });

  it('fails without the quorum: Najaf boycott, nsf 2 + absher 1 = 3 < 8, short by 5', () => {
    expect(formsMajority(boycott(), 'najaf', ['nsf', 'absher'])).toEqual({
      pass: false,
      claim: 'nsf + absher to reach the absolute majority (8) in najaf',
      actual: '3 present votes, short by 5, no quorum',
      arithmetic: [NAJAF_BOYCOTT, 'nsf + absher: present members nsf 2 + absher 1 = 3 < 8, short by 5 (and no quorum)', councilIn(boycott(), 'najaf').decision],
    });
  });

  it('names an unknown coalition member', () => {
    expect(() => formsMajority(baseline(), 'najaf', ['nabni', 'nobody'])).toThrow(
      new GovsimUsageError(`unknown coalition member "nobody" in scenario baseline (units in najaf: ${NAJAF_UNITS})`),
    );
  });
});

describe('toElectGovernor', () => {
  it('passes for the governor party with only the threshold and the decision', () => {
    // Najaf: CF 3 + 3 + 2 + 1 = 9 ≥ 8, margin 1; nabni and state-of-law tie on 3, nabni comes first.
    expect(electsGovernor(baseline(), 'najaf', 'nabni')).toEqual({
      pass: true,
      claim: 'a governor from nabni in najaf',
      actual: 'a governor from nabni (bloc cf, 9 votes, margin 1)',
      arithmetic: [NAJAF_FULL, councilIn(baseline(), 'najaf').decision],
    });
  });

  it('adds that the party holds no seat when it has none', () => {
    expect(electsGovernor(baseline(), 'najaf', 'tasmim')).toEqual({
      pass: false,
      claim: 'a governor from tasmim in najaf',
      actual: 'a governor from nabni (bloc cf, 9 votes, margin 1)',
      arithmetic: [NAJAF_FULL, councilIn(baseline(), 'najaf').decision, 'tasmim holds no seat in najaf'],
    });
  });

  it('counts a faction with no seat as no seat: Basra, nsf split into hikma 1 and nasr 0', () => {
    const split = scenario('NSF split in Basra').extends('baseline').split({ council: 'basra', list: 'nsf' }).run();
    expect(electsGovernor(split, 'basra', 'nasr').arithmetic).toEqual([BASRA_FULL, councilIn(split, 'basra').decision, 'nasr holds no seat in basra']);
  });

  it('passes for a governor from outside the council: Diyala 2024, deal 3 + 3 + 2 + 1 + 1 + 1 = 11 of 8', () => {
    // Diyalna's 4 absent ⇒ 15 − 4 = 11 present ≥ 8; the deal's governor is State of Law, with no Diyala seat.
    const run = runScenario(loadScenario('diyala-2024'));
    expect(electsGovernor(run, 'diyala', 'state-of-law')).toEqual({
      pass: true,
      claim: 'a governor from state-of-law in diyala',
      actual: 'a governor from state-of-law (no seat in this council) (deal diyala-2024, 11 votes, margin 3)',
      arithmetic: [
        'diyala (Diyala): 15 members, absolute majority floor(15/2) + 1 = 8; present 11 ≥ 8, quorum met (absent: diyalna 4)',
        councilIn(run, 'diyala').decision,
        'state-of-law holds no seat in diyala (a governor from outside the council)',
      ],
    });
  });

  it('does not credit a list with a governor from outside it: Najaf with Nabni split', () => {
    // CF = badr 1 + aah 2 + state-of-law 3 + nsf 2 + absher 1 = 9 ≥ 8; the largest member is state-of-law (3).
    // The first unit, badr, is Nabni's, but the governor is not.
    const split = scenario('Nabni split in Najaf').extends('baseline').split({ council: 'najaf', list: 'nabni' }).run();
    expect(electsGovernor(split, 'najaf', 'nabni')).toMatchObject({ pass: false, actual: 'a governor from state-of-law (bloc cf, 9 votes, margin 1)' });
    expect(electsGovernor(split, 'najaf', 'state-of-law').pass).toBe(true);
  });

  it('never passes without an election, even for a result that names a governor party', () => {
    const edited = editOutcome(baseline(), 'maysan', { status: 'deadlock' });
    expect(councilIn(edited, 'maysan').outcome.governorFrom).toBe('nabni');
    expect(electsGovernor(edited, 'maysan', 'nabni').pass).toBe(false);
  });

  it('writes ? for an elected result missing its party or alignment', () => {
    expect(electsGovernor(editOutcome(baseline(), 'maysan', { governorFrom: null }), 'maysan', 'nabni')).toMatchObject({
      pass: false,
      actual: 'a governor from ? (bloc cf, 12 votes, margin 5)',
    });
    expect(electsGovernor(editOutcome(baseline(), 'maysan', { alignment: null }), 'maysan', 'nabni').actual).toBe('a governor from nabni (?, 12 votes, margin 5)');
  });
});

describe('toDeadlock and the status a message shows', () => {
  it('shows a missing quorum', () => {
    expect(deadlocks(boycott(), 'najaf')).toEqual({
      pass: false,
      claim: 'a deadlock in najaf',
      actual: 'no governor: no quorum (7 present, 8 needed)',
      arithmetic: [NAJAF_BOYCOTT, councilIn(boycott(), 'najaf').decision],
    });
  });

  it('shows an open council: Kirkuk, no bloc or deal and no list near 9', () => {
    expect(deadlocks(baseline(), 'kirkuk')).toMatchObject({ pass: false, actual: 'no governor: open (no deal or bloc claims the council, no list governs alone)' });
  });

  it('shows a tie between lists as a tie, not as a shortfall', () => {
    // A fixed majority of 3 and no bloc: nabni 3 and state-of-law 3 both reach 3 ⇒ nobody is elected.
    const run = scenario('three to govern').rules({ majority: 3 }).run();
    expect(deadlocks(run, 'najaf')).toMatchObject({ pass: true, actual: 'no governor: deadlock (tie: several alignments reach 3 with equal votes)' });
  });

  it('shows a tie a deal is part of with its votes, not a shortfall of 0', () => {
    // Majority 7: deal nsf 2 + wafaa 2 + idraak 1 + wathiqoon 1 + qiyam 1 = 7; CF rump nabni 3 + state-of-law 3 + absher 1 = 7.
    const run = scenario('tied deal')
      .extends('baseline')
      .rules({ majority: 7 })
      .deal({ id: 'd2', parties: ['nsf', 'wafaa', 'idraak', 'wathiqoon', 'qiyam'], councils: ['najaf'], governor: 'wafaa' })
      .run();
    expect(deadlocks(run, 'najaf')).toMatchObject({ pass: true, actual: 'no governor: deadlock (tie: several alignments reach 7 with equal votes; deal d2 for wafaa has 7)' });
    expect(deadlocks(editOutcome(run, 'najaf', { candidate: null }), 'najaf').actual).toBe('no governor: deadlock (tie: several alignments reach 7 with equal votes; deal d2 for ? has 7)');
  });

  it('writes ? for a deadlocked claim without a candidate', () => {
    const edited = editOutcome(baseline(), 'baghdad', { candidate: null });
    expect(deadlocks(edited, 'baghdad').actual).toBe('no governor: deadlock (bloc cf for ?: 25 of 27 votes, short by 2)');
  });
});

describe('toLackQuorum', () => {
  it('passes below the quorum with the attendance', () => {
    expect(lacksQuorum(boycott(), 'najaf')).toEqual({
      pass: true,
      claim: 'no quorum in najaf (fewer than 8 of 15 members present)',
      actual: '7 present < 8 needed: quorum fails',
      arithmetic: [NAJAF_BOYCOTT, councilIn(boycott(), 'najaf').decision],
    });
  });
});

describe('toBePivotal', () => {
  it('passes at margin 0 with the margin rule: Basra, Tasmim 12 of 12', () => {
    expect(isPivotal(baseline(), 'basra', 'tasmim')).toEqual({
      pass: true,
      claim: 'tasmim to be pivotal in basra',
      actual: 'pivotal: tasmim',
      arithmetic: [
        BASRA_FULL,
        councilIn(baseline(), 'basra').decision,
        'pivotal = members of list tasmim whose present votes exceed its margin 0 (leaving drops it below 12)',
        'tasmim: tasmim 12 present',
      ],
    });
  });

  it('says nobody is pivotal in a coalition short of the majority: Baghdad, CF 25 of 27', () => {
    expect(isPivotal(baseline(), 'baghdad', 'nabni')).toEqual({
      pass: false,
      claim: 'nabni to be pivotal in baghdad',
      actual: 'pivotal: none',
      arithmetic: [BAGHDAD_FULL, councilIn(baseline(), 'baghdad').decision, 'bloc cf is short of the majority, so no member is pivotal', 'nabni: nabni 9 present'],
    });
  });

  it('uses the minimal-winning rule where no coalition governs: Kirkuk', () => {
    // 16 members, majority 9; PUK 5 is not needed (3 + 2 + 2 + 2 + 1 + 1 = 11 ≥ 9 without it).
    expect(isPivotal(baseline(), 'kirkuk', 'puk-kirkuk')).toMatchObject({
      pass: false,
      actual: 'pivotal: none',
      arithmetic: [expect.any(String), expect.any(String), 'no coalition governs: pivotal = units in every minimal winning coalition', 'puk-kirkuk: puk-kirkuk 5 present'],
    });
  });

  it('sums a list through its factions and does not pass for a list none of whose factions is pivotal', () => {
    // Najaf with NSF split: CF nabni 3 + state-of-law 3 + hikma 1 + nasr 1 + absher 1 = 9, margin 1 ⇒
    // pivotal: members with more than 1 present vote, nabni and state-of-law; neither hikma nor nasr.
    const split = scenario('NSF split in Najaf').extends('baseline').split({ council: 'najaf', list: 'nsf' }).run();
    expect(isPivotal(split, 'najaf', 'nsf')).toMatchObject({ pass: false, actual: 'pivotal: nabni, state-of-law' });
    expect(isPivotal(split, 'najaf', 'nsf').arithmetic[3]).toBe('nsf: hikma 1 + nasr 1 present');
  });

  it('counts 0 for a party without a seat', () => {
    expect(isPivotal(baseline(), 'najaf', 'tasmim')).toMatchObject({ pass: false, claim: 'tasmim to be pivotal in najaf', actual: 'pivotal: nabni, state-of-law, nsf' });
    expect(isPivotal(baseline(), 'najaf', 'tasmim').arithmetic[3]).toBe('tasmim: tasmim 0 present');
  });

  it('writes ? for a coalition without an alignment label', () => {
    expect(isPivotal(editOutcome(baseline(), 'basra', { alignment: null }), 'basra', 'tasmim').arithmetic[2]).toBe(
      'pivotal = members of ? whose present votes exceed its margin 0 (leaving drops it below 12)',
    );
    expect(isPivotal(editOutcome(baseline(), 'baghdad', { alignment: null }), 'baghdad', 'nabni').arithmetic[2]).toBe('? is short of the majority, so no member is pivotal');
  });

  it('treats a result that lists no coalition as ungoverned, whatever its margin', () => {
    const edited = editOutcome(baseline(), 'maysan', { coalition: [] });
    expect(isPivotal(edited, 'maysan', 'nabni').arithmetic[2]).toBe('no coalition governs: pivotal = units in every minimal winning coalition');
  });

  it('names an unknown unit', () => {
    expect(() => isPivotal(baseline(), 'najaf', 'nobody')).toThrow(new GovsimUsageError(`unknown unit "nobody" in scenario baseline (units in najaf: ${NAJAF_UNITS})`));
  });
});

describe('toHingeOn', () => {
  it('fails where no single seat flips the outcome: Najaf, CF 9, margin 1', () => {
    expect(hingesOn(baseline(), 'najaf')).toEqual({
      pass: false,
      claim: 'najaf to hinge on a single seat',
      actual: 'no single-seat change flips it',
      arithmetic: [NAJAF_FULL, councilIn(baseline(), 'najaf').decision, 'no single-seat change flips the outcome'],
    });
  });

  it('counts the hinge lines: Basra, one Tasmim member absent, voting against, or its seat moving', () => {
    const basra = councilIn(baseline(), 'basra');
    expect(basra.hinge).toHaveLength(3);
    expect(hingesOn(baseline(), 'basra')).toEqual({
      pass: true,
      claim: 'basra to hinge on a single seat',
      actual: '3 single-seat changes flip it',
      arithmetic: [BASRA_FULL, basra.decision, 'single-seat changes that flip the outcome:', ...basra.hinge.map((line) => `  ${line}`)],
    });
  });

  it('says "1 single-seat change flips it" for a single line', () => {
    expect(hingesOn(oneHinge(), 'najaf')).toMatchObject({
      pass: true,
      actual: '1 single-seat change flips it',
      arithmetic: [
        expect.any(String),
        expect.any(String),
        'single-seat changes that flip the outcome:',
        '  move 1 seat madar → nabni, state-of-law, nsf or absher: nabni + state-of-law + nsf + absher 7 → 8 of 8 needed: gains the majority',
      ],
    });
  });

  it('shows the matching line for a named change, and each line when several match', () => {
    expect(hingesOn(baseline(), 'basra', { absent: 'tasmim' })).toMatchObject({
      pass: true,
      claim: 'basra to hinge on 1 tasmim member absent',
      actual: '1 tasmim member absent: present 23 → 22: tasmim 12 → 11 of 12 needed: loses the majority',
    });
    // Dhi Qar (unattributed seats): the outside-CF deal holds 10 of 10; each of the 8 unidentified members is one absence from losing it.
    const run = runScenario(loadScenario('dhiqar-unattributed'));
    const verdict = hingesOn(run, 'dhiqar', { absent: 'unidentified' });
    const lines = verdict.actual.split('; ');
    expect(lines).toHaveLength(8);
    expect(lines.map((line) => line.split(':')[0])).toEqual([1, 2, 3, 4, 5, 6, 7, 8].map((n) => `1 unidentified-${n} member absent`));
  });

  it('says a named change does not flip the outcome', () => {
    expect(hingesOn(baseline(), 'basra', { from: 'nabni', to: 'tasmim' })).toMatchObject({
      pass: false,
      claim: 'basra to hinge on 1 seat nabni → tasmim',
      actual: '1 seat nabni → tasmim does not flip the outcome',
    });
  });

  it('accepts a move with `to` left undefined and rejects ids that are not strings', () => {
    // `to: undefined` (a JavaScript caller, or a spread of an optional field) means any other unit.
    expect(hingesOn(baseline(), 'basra', { from: 'tasmim', to: undefined } as never).pass).toBe(true);
    const usage = new GovsimUsageError('expected a seat move: { from, to? }, { absent } or { votesAgainst } with unit or list ids');
    for (const move of [{ from: 42 }, { from: 'tasmim', to: 42 }, { absent: 42 }, { votesAgainst: 42 }]) {
      expect(() => hingesOn(baseline(), 'basra', move as never), JSON.stringify(move)).toThrow(usage);
    }
  });
});

describe('toHaveGroup', () => {
  it('reads the group line of the explanation, not another line that mentions a group', () => {
    // A source whose reference text happens to read like a group line precedes the real one.
    const run = scenario('Najaf contested')
      .extends('baseline')
      .source({ id: 'memo', url: 'council memo, group A (withdrawn)' })
      .group({ B: ['najaf'] }, { source: 'memo' })
      .run();
    expect(hasGroup(run, 'najaf', 'B')).toEqual({
      pass: true,
      claim: 'najaf in group B',
      actual: 'group B (set by step 1)',
      arithmetic: [NAJAF_FULL, 'group B (set by step 1: the scenario sets it)'],
    });
  });

  it('shows only the threshold for a result without a group line', () => {
    const edited = editCouncil(baseline(), 'najaf', (council) => ({ ...council, explanation: council.explanation.filter((entry) => !entry.text.startsWith('group ')) }));
    expect(hasGroup(edited, 'najaf', 'A')).toEqual({ pass: true, claim: 'najaf in group A', actual: 'group A (derived)', arithmetic: [NAJAF_FULL] });
  });
});
