/**
 * The `govsim/vitest` matchers against hand-computed council arithmetic (final seats, data/iraq-2023/councils/*.yaml;
 * majority = floor(n/2) + 1 of all members). Each matcher is checked passing, failing with the message
 * that explains the arithmetic, negated, and asymmetric.
 */
import { describe, expect, it } from 'vitest';
import { failure } from '../helpers/failure.js';
import '../../src/testing/matchers.js';
import { parseHingeLine } from '../../src/testing/hinge-lines.js';
import { GovsimMissingFileError, GovsimUsageError } from '../../src/model/errors.js';
import { loadScenario, runScenario, scenario, type ScenarioRun } from '../../src/scenarios/index.js';

// Runs are made inside each test (a few ms each), never while the file is collected or in a hook.
const baseline = (): ScenarioRun => runScenario(loadScenario('baseline'));
const badrSadr = (): ScenarioRun => runScenario(loadScenario('badr-sadr-najaf-maysan'));

describe('toFormMajority', () => {
  it('holds for a governing bloc at or above floor(n/2) + 1', () => {
    // Maysan, 13 seats, majority 7: CF bloc nabni 6 + state-of-law 3 + nsf 3 = 12 ≥ 7.
    expect(baseline()).toFormMajority('maysan');
    // Basra, 23 seats, majority 12: Tasmim alone 12 ≥ 12 (margin 0).
    expect(baseline()).toFormMajority('basra');
  });

  it('fails where no alignment reaches the majority, with every sum and the shortfall', () => {
    // Najaf, 15 seats, majority 8: deal badr 1 + hikma 1 + 1 wathiqoon defector = 3 < 8; CF rump
    // aah 2 + state-of-law 3 + nasr 1 + absher 1 = 7 < 8 (the strongest claim, short by 1).
    expect(badrSadr()).not.toFormMajority('najaf');
    const message = failure(() => expect(badrSadr()).toFormMajority('najaf'));
    expect(message).toContain('Expected: the governing coalition in najaf to reach the absolute majority (8)');
    expect(message).toContain('Received: cf (rump without badr, hikma) has 7 of 8 votes, short by 1');
    expect(message).toContain('najaf (Najaf): 15 members, absolute majority floor(15/2) + 1 = 8; present 15 ≥ 8, quorum met');
    expect(message).toContain('deal badr-sadr: badr 1 + hikma 1 + wathiqoon>badr-sadr 1 + sadrists 0 = 3 < 8');
    expect(message).toContain('cf (rump without badr, hikma): aah 2 + state-of-law 3 + nasr 1 + absher 1 = 7 < 8');
    expect(message).toContain('scenario: Badr–Sadr understanding in Najaf and Maysan');
  });

  it('fails where a bloc claims the council and falls short', () => {
    // Baghdad, 52 seats, majority 27: CF 9 + 9 + 5 + 2 = 25 < 27 and no list holds 27 ⇒ deadlock.
    const message = failure(() => expect(baseline()).toFormMajority('baghdad'));
    expect(message).toContain('Received: bloc cf has 25 of 27 votes, short by 2');
    expect(message).toContain('bloc cf: nabni 9 + state-of-law 9 + nsf 5 + absher 2 = 25 < 27');
  });

  it('fails where no coalition claims the council', () => {
    // Kirkuk, 16 seats, majority 9: no bloc or deal, PUK 5 is the largest list ⇒ open.
    const message = failure(() => expect(baseline()).toFormMajority('kirkuk'));
    expect(message).toContain('Received: no coalition governs (open)');
  });

  it('checks a named coalition by its present members', () => {
    // Baghdad: state-of-law 9 + nabni 9 + taqaddum 8 + nsf 5 = 31 ≥ 27, margin 4.
    expect(baseline()).toFormMajority('baghdad', ['state-of-law', 'nabni', 'taqaddum', 'nsf']);
    // The CF four: 9 + 9 + 5 + 2 = 25 < 27, short by 2.
    const message = failure(() => expect(baseline()).toFormMajority('baghdad', ['state-of-law', 'nabni', 'nsf', 'absher']));
    expect(message).toContain('Expected: state-of-law + nabni + nsf + absher to reach the absolute majority (27) in baghdad');
    expect(message).toContain('Received: 25 present votes, short by 2');
    expect(message).toContain('present members state-of-law 9 + nabni 9 + nsf 5 + absher 2 = 25 < 27, short by 2');
  });

  it('counts a split list through its factions and leaves defectors out', () => {
    // Najaf after the split: nabni = badr 1 + aah 2; state-of-law 3; wathiqoon's only member defected (0 loyal).
    // 1 + 2 + 3 + 0 = 6 < 8.
    const message = failure(() => expect(badrSadr()).toFormMajority('najaf', ['nabni', 'state-of-law', 'wathiqoon']));
    expect(message).toContain('present members badr 1 + aah 2 + state-of-law 3 + wathiqoon 0 = 6 < 8, short by 2');
    expect(message).toContain('not counted, voting apart from their list: wathiqoon 1');
  });

  it('names a party without seats in the council', () => {
    // Tasmim sits in Basra only: 0 + state-of-law 3 in Najaf.
    const message = failure(() => expect(baseline()).toFormMajority('najaf', ['tasmim', 'state-of-law']));
    expect(message).toContain('no seat in najaf: tasmim');
  });
});

describe('toElectGovernor', () => {
  it('passes for the governor party, and for a list through its faction', () => {
    // Najaf: CF 9 ≥ 8; nabni 3 and state-of-law 3 tie, nabni comes first in the dataset.
    expect(baseline()).toElectGovernor('najaf', 'nabni');
    expect(baseline()).toElectGovernor('basra', 'tasmim');
    // Maysan with Nabni split (badr 3, aah 3): the CF still holds 12 ≥ 7; the bloc's first largest member is badr.
    const split = scenario('Nabni split in Maysan').extends('baseline').split({ council: 'maysan', list: 'nabni' }).run();
    expect(split).toElectGovernor('maysan', 'badr');
    expect(split).toElectGovernor('maysan', 'nabni');
    expect(split).not.toElectGovernor('maysan', 'aah');
  });

  it('explains who governs instead', () => {
    const message = failure(() => expect(baseline()).toElectGovernor('najaf', 'state-of-law'));
    expect(message).toContain('Expected: a governor from state-of-law in najaf');
    expect(message).toContain('Received: a governor from nabni (bloc cf, 9 votes, margin 1)');
    expect(message).toContain('bloc cf: nabni 3 + state-of-law 3 + nsf 2 + absher 1 = 9 ≥ 8 ⇒ elected');
    expect(message).toContain('⇒ bloc cf elected, margin 1; governor from nabni');
  });

  it('explains a deadlock', () => {
    const message = failure(() => expect(badrSadr()).toElectGovernor('najaf', 'badr'));
    // Najaf: deal 3 < 8; CF rump aah 2 + state-of-law 3 + nasr 1 + absher 1 = 7 < 8, short by 1; the rump's
    // candidate comes from its largest member, state-of-law (3).
    expect(message).toContain('Received: no governor: deadlock (cf (rump without badr, hikma) for state-of-law: 7 of 8 votes, short by 1)');
  });

  it('explains who governs instead of the deal: the CF rump', () => {
    // Maysan: deal badr 3 + hikma 2 = 5 < 7; CF rump aah 3 + state-of-law 3 + nasr 1 = 7 ≥ 7; aah first of the tie.
    const message = failure(() => expect(badrSadr()).toElectGovernor('maysan', 'badr'));
    expect(message).toContain('Received: a governor from aah (cf (rump without badr, hikma), 7 votes, margin 0)');
  });

  it('passes for a governor from outside the council (Diyala 2024: State of Law, no seat there)', () => {
    expect('diyala-2024').toElectGovernor('diyala', 'state-of-law');
  });

  it('says when the party holds no seat in the council, and the negation passes', () => {
    expect(baseline()).not.toElectGovernor('najaf', 'tasmim');
    expect(failure(() => expect(baseline()).toElectGovernor('najaf', 'tasmim'))).toContain('tasmim holds no seat in najaf');
  });
});

describe('toDeadlock', () => {
  it('passes when no alignment reaches the majority', () => {
    expect(badrSadr()).toDeadlock('najaf');
    expect(badrSadr()).not.toDeadlock('maysan');
    expect(baseline()).not.toDeadlock('najaf');
  });

  it('explains an election that is no deadlock', () => {
    const message = failure(() => expect(baseline()).toDeadlock('maysan'));
    expect(message).toContain('Expected: a deadlock in maysan');
    expect(message).toContain('Received: a governor from nabni (bloc cf, 12 votes, margin 5)');
    const negated = failure(() => expect(badrSadr()).not.toDeadlock('najaf'));
    expect(negated).toContain('expect(scenario).not.toDeadlock(council)');
    expect(negated).toContain('Expected: not a deadlock in najaf');
  });
});

describe('toLackQuorum', () => {
  // Najaf, 15 seats: state-of-law 3 + wafaa 2 + nabni 3 = 8 absent ⇒ 7 present < 8.
  const boycott = () => scenario('Najaf boycott').extends('baseline').absent({ council: 'najaf', units: ['state-of-law', 'wafaa', 'nabni'] });

  it('passes below floor(n/2) + 1 present', () => {
    expect(boycott()).toLackQuorum('najaf');
    expect(boycott()).not.toLackQuorum('maysan');
  });

  it('explains attendance when the quorum is met', () => {
    const message = failure(() => expect(baseline()).toLackQuorum('najaf'));
    expect(message).toContain('Expected: no quorum in najaf (fewer than 8 of 15 members present)');
    expect(message).toContain('Received: 15 present ≥ 8 needed: quorum met');
  });

  it('lists the absent members', () => {
    const message = failure(() => expect(boycott()).toFormMajority('najaf'));
    expect(message).toContain('present 7 < 8: no quorum, no vote can be held (absent: nabni 3, state-of-law 3, wafaa 2)');
  });
});

describe('toBePivotal', () => {
  it('marks members whose departure breaks the majority', () => {
    // Najaf: CF 9 of 8 needed, margin 1: nabni 3, state-of-law 3 and nsf 2 are pivotal; absher 1 is not (9 − 1 = 8 ≥ 8).
    expect(baseline()).toBePivotal('najaf', 'nabni');
    expect(baseline()).toBePivotal('najaf', 'nsf');
    expect(baseline()).not.toBePivotal('najaf', 'absher');
  });

  it('explains the margin rule', () => {
    const message = failure(() => expect(baseline()).toBePivotal('najaf', 'absher'));
    expect(message).toContain('Received: pivotal: nabni, state-of-law, nsf');
    expect(message).toContain('pivotal = members of bloc cf whose present votes exceed its margin 1 (leaving drops it below 8)');
    expect(message).toContain('absher: absher 1 present');
  });

  it('covers a list through its factions', () => {
    // Najaf with Nabni split: badr 1 + aah 2 + state-of-law 3 + nsf 2 + absher 1 = 9, margin 1 ⇒ aah (2) is pivotal, badr (1) is not.
    const split = scenario('Badr splits in Najaf').extends('baseline').split({ council: 'najaf', list: 'nabni' });
    expect(split).toBePivotal('najaf', 'aah');
    expect(split).toBePivotal('najaf', 'nabni');
    expect(split).not.toBePivotal('najaf', 'badr');
  });
});

describe('toHingeOn', () => {
  it('finds the single seats that flip a margin-0 majority', () => {
    // Basra: Tasmim 12 of 12 needed, margin 0: one Tasmim seat lost, absent or voting against breaks it.
    expect(baseline()).toHingeOn('basra');
    expect(baseline()).toHingeOn('basra', { from: 'tasmim', to: 'nabni' });
    expect(baseline()).toHingeOn('basra', { from: 'tasmim' });
    expect(baseline()).toHingeOn('basra', { absent: 'tasmim' });
    expect(baseline()).toHingeOn('basra', { votesAgainst: 'tasmim' });
    // A seat moving to Tasmim only widens its margin.
    expect(baseline()).not.toHingeOn('basra', { from: 'nabni', to: 'tasmim' });
  });

  it('explains a council no single seat flips', () => {
    // Najaf: CF 9, margin 1: losing one seat leaves 8 ≥ 8.
    const message = failure(() => expect(baseline()).toHingeOn('najaf'));
    expect(message).toContain('Expected: najaf to hinge on a single seat');
    expect(message).toContain('no single-seat change flips the outcome');
    const listed = failure(() => expect(baseline()).toHingeOn('basra', { from: 'nabni', to: 'tasmim' }));
    expect(listed).toContain('Received: 1 seat nabni → tasmim does not flip the outcome');
    expect(listed).toContain('move 1 seat tasmim → nabni, state-of-law, nsf, asas or quota-christian: tasmim 12 → 11 of 12 needed: loses the majority');
  });

  it('parses the runner\'s hinge lines', () => {
    expect(parseHingeLine('move 1 seat tasmim → nabni, state-of-law or asas: tasmim 12 → 11 of 12 needed: loses the majority')).toMatchObject({
      kind: 'move',
      from: 'tasmim',
      to: ['nabni', 'state-of-law', 'asas'],
    });
    expect(parseHingeLine('1 wasit-ajmal member absent: present 16 → 15: …')).toMatchObject({ kind: 'absent', unit: 'wasit-ajmal' });
    expect(parseHingeLine('1 kdp member votes against: …')).toMatchObject({ kind: 'votes-against', unit: 'kdp' });
    expect(parseHingeLine('something else')).toBeUndefined();
  });

  it('matches every hinge line the runner writes for a bundled scenario', () => {
    // Wasit: Ajmal 8 + Feyli 1 = 9 of 9, margin 0 (wasit-one-seat).
    const run = runScenario(loadScenario('wasit-one-seat'));
    const wasit = run.councils.find((council) => council.id === 'wasit')!;
    expect(wasit.hinge.length).toBeGreaterThan(0);
    for (const line of wasit.hinge) expect(parseHingeLine(line), line).toBeDefined();
    expect(run).toHingeOn('wasit', { from: 'quota-feyli', to: 'state-of-law' });
    expect(run).toHingeOn('wasit', { absent: 'wasit-ajmal' });
  });
});

describe('toHaveGroup', () => {
  it('reads the derived group with its reason', () => {
    // Najaf: CF 9 ≥ 8 ⇒ A. Baghdad: others 27 ≥ 27 ⇒ C.
    expect(baseline()).toHaveGroup('najaf', 'A');
    expect(baseline()).toHaveGroup('baghdad', 'C');
    const message = failure(() => expect(baseline()).toHaveGroup('baghdad', 'A'));
    expect(message).toContain('Received: group C (derived)');
    expect(message).toContain('group C (derived: over allowed coalitions: others 27 ≥ 27 of 52: a majority can form without the CF (25))');
  });

  it('reads a group set by a step', () => {
    const run = scenario('Najaf contested').extends('baseline').group({ B: ['najaf'] }).run();
    expect(run).toHaveGroup('najaf', 'B');
    expect(failure(() => expect(run).toHaveGroup('najaf', 'A'))).toContain('Received: group B (set by step 1)');
  });
});

describe('received values', () => {
  it('accepts a run, a loaded scenario, a builder, a document, a bundled name and a path', () => {
    const loaded = loadScenario('badr-sadr-najaf-maysan');
    const builder = scenario('Badr–Sadr in Najaf')
      .split({ council: 'najaf', list: 'nabni' })
      .split({ council: 'najaf', list: 'nsf' })
      .deal({ id: 'badr-sadr', parties: ['badr', 'sadrists', 'hikma'], councils: ['najaf'], governor: 'badr' });
    const document = builder.toDocument();
    for (const subject of [badrSadr(), loaded, builder, document, 'badr-sadr-najaf-maysan', 'scenarios/badr-sadr-najaf-maysan.yaml']) {
      expect(subject).toDeadlock('najaf');
    }
  });

  it('works as asymmetric matchers inside other assertions', () => {
    expect([baseline(), badrSadr()]).toEqual([expect.toElectGovernor('najaf', 'nabni'), expect.toDeadlock('najaf')]);
    expect({ scenario: baseline() }).toMatchObject({ scenario: expect.toHaveGroup('baghdad', 'C') });
    expect(() => expect([baseline()]).toEqual([expect.toDeadlock('najaf')])).toThrow();
  });

  it('rejects what is no scenario, unknown councils and unknown ids, even under .not', () => {
    expect(() => expect(42).toDeadlock('najaf')).toThrow(GovsimUsageError);
    expect(() => expect(42).toDeadlock('najaf')).toThrow(/expected a scenario run, .* received number 42/);
    expect(() => expect(baseline()).not.toDeadlock('atlantis')).toThrow(/unknown council "atlantis" in scenario baseline \(councils: baghdad, basra, /);
    expect(() => expect(baseline()).not.toElectGovernor('najaf', 'nabnii')).toThrow(/unknown party "nabnii" in scenario baseline \(units in najaf: nabni, /);
    expect(() => expect(baseline()).not.toHingeOn('basra', { from: 'tasmim', to: 'nobody' })).toThrow(/unknown unit "nobody"/);
    expect(() => expect(baseline()).toHingeOn('basra', {} as never)).toThrow(/expected a seat move/);
    expect(() => expect(baseline()).toHaveGroup('najaf', 'D' as never)).toThrow(/expected a group A, B or C/);
    expect(() => expect(baseline()).toFormMajority('najaf', [])).toThrow(/non-empty array/);
    expect(() => expect('no-such-scenario').toDeadlock('najaf')).toThrow(GovsimMissingFileError);
  });
});
