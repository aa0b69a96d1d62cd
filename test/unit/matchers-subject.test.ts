/**
 * What the `govsim/vitest` matchers accept as the received value and how their failure messages are laid
 * out: the hint naming each matcher's arguments, the blank lines, the scenario line with or without a file,
 * and the usage errors for values that are no scenario or ids that are no strings. Council figures are
 * hand-computed from data/iraq-2023/councils/*.yaml (majority = floor(n/2) + 1 of all members).
 */
import { describe, expect, it } from 'vitest';
import '../../src/testing/matchers.js';
import { runOf } from '../../src/testing/subject.js';
import { GovsimUsageError } from '../../src/model/errors.js';
import { loadScenario, runScenario, scenario, ScenarioBuilder, type ScenarioRun } from '../../src/scenarios/index.js';
import { failure } from '../helpers/failure.js';

/** The usage error every matcher throws for a received value that is no scenario. */
const NOT_A_SCENARIO = 'expected a scenario run, a loaded scenario, a scenario builder, a scenario document or a scenario path or name; received ';
const BASELINE_LINE = '  scenario: Baseline — final seats, the CF voting as one bloc (scenarios/baseline.yaml)';

/** The error a call throws (not an assertion failure: these are usage errors). */
function thrown(call: () => void): Error {
  try {
    call();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the call to throw');
}

// Runs are made inside each test (a few ms each), never while the file is collected or in a hook.
const baseline = (): ScenarioRun => runScenario(loadScenario('baseline'));
const badrSadr = (): ScenarioRun => runScenario(loadScenario('badr-sadr-najaf-maysan'));
/** The baseline again, built in code: its run has no file. */
const built = (): ScenarioBuilder => scenario('Baseline, built in code').extends('baseline');

describe('failure message layout', () => {
  // Maysan (maysan.yaml): 12 general + 1 quota = 13 members, majority floor(13/2) + 1 = 7. CF bloc:
  // nabni 6 + state-of-law 3 + nsf 3 = 12 ≥ 7, margin 12 − 7 = 5; nabni, the largest member, names the governor.
  const maysanLines = [
    '  maysan (Maysan): 13 members, absolute majority floor(13/2) + 1 = 7; present 13 ≥ 7, quorum met',
    "  bloc cf: nabni 6 + state-of-law 3 + nsf 3 = 12 ≥ 7 ⇒ elected; alone: quota-sabean 1 (each < 7); ⇒ bloc cf elected, margin 5; governor from nabni (the bloc's largest member here; ties: dataset order)",
  ];

  it('is hint, blank line, expected, received, blank line, the arithmetic indented, then the scenario and its file', () => {
    expect(failure(() => expect(baseline()).toDeadlock('maysan'))).toBe(
      [
        'expect(scenario).toDeadlock(council)',
        '',
        'Expected: a deadlock in maysan',
        'Received: a governor from nabni (bloc cf, 12 votes, margin 5)',
        '',
        ...maysanLines,
        BASELINE_LINE,
      ].join('\n'),
    );
  });

  it('names a scenario without a file (built in code) by its name alone', () => {
    expect(failure(() => expect(built()).toDeadlock('maysan'))).toBe(
      [
        'expect(scenario).toDeadlock(council)',
        '',
        'Expected: a deadlock in maysan',
        'Received: a governor from nabni (bloc cf, 12 votes, margin 5)',
        '',
        ...maysanLines,
        '  scenario: Baseline, built in code',
      ].join('\n'),
    );
  });

  it('under .not, names the negation in the hint and the expectation', () => {
    expect(failure(() => expect(baseline()).not.toFormMajority('maysan'))).toBe(
      [
        'expect(scenario).not.toFormMajority(council)',
        '',
        'Expected: not the governing coalition in maysan to reach the absolute majority (7)',
        'Received: bloc cf has 12 of 7 votes, margin 5',
        '',
        ...maysanLines,
        BASELINE_LINE,
      ].join('\n'),
    );
  });

  it('names the file of a path or bundled name for the scenario matchers too, and no file for a builder or document', () => {
    // Maysan: nabni 6 of 7, short by 1; quota-sabean 1 alone closes it (6 + 1 = 7), so 1 partner, not 3.
    const lines = (subject: unknown): string[] => failure(() => expect(subject).toNeedPartners('maysan', 'nabni', 3)).split('\n');
    expect(lines('baseline').at(-1)).toBe(BASELINE_LINE);
    expect(lines('scenarios/baseline.yaml').at(-1)).toBe(BASELINE_LINE);
    expect(lines(built()).at(-1)).toBe('  scenario: Baseline, built in code');
    expect(lines(built().toDocument()).at(-1)).toBe('  scenario: Baseline, built in code');
    expect(lines(built()).slice(0, 5)).toEqual([
      'expect(scenario).toNeedPartners(council, party, count)',
      '',
      'Expected: nabni needs 3 partners to reach 7 in maysan',
      'Received: at least 1 partner',
      '',
    ]);
  });
});

describe('the hint names each matcher\'s arguments', () => {
  /** The first line of the failure message. */
  const hint = (assertion: () => void): string => failure(assertion).split('\n')[0]!;

  it('toFormMajority: (council), or (council, coalition) with a coalition', () => {
    // Maysan: the CF holds 12 ≥ 7, so the negation fails; nsf alone has 3 < 7, so the claim fails.
    expect(hint(() => expect(baseline()).not.toFormMajority('maysan'))).toBe('expect(scenario).not.toFormMajority(council)');
    expect(hint(() => expect(baseline()).toFormMajority('kirkuk'))).toBe('expect(scenario).toFormMajority(council)');
    const message = failure(() => expect(baseline()).toFormMajority('maysan', ['nsf']));
    expect(message.split('\n')[0]).toBe('expect(scenario).toFormMajority(council, coalition)');
    expect(message).toContain('Received: 3 present votes, short by 4');
  });

  it('toElectGovernor: (council, party)', () => {
    // Maysan: the governor comes from nabni (6, the CF's largest member), not nsf (3).
    expect(hint(() => expect(baseline()).toElectGovernor('maysan', 'nsf'))).toBe('expect(scenario).toElectGovernor(council, party)');
    expect(hint(() => expect(baseline()).not.toElectGovernor('maysan', 'nabni'))).toBe('expect(scenario).not.toElectGovernor(council, party)');
  });

  it('toDeadlock and toLackQuorum: (council)', () => {
    // Maysan: 13 present ≥ 7 needed, so the quorum is met.
    const message = failure(() => expect(baseline()).toLackQuorum('maysan'));
    expect(message.split('\n').slice(0, 4)).toEqual([
      'expect(scenario).toLackQuorum(council)',
      '',
      'Expected: no quorum in maysan (fewer than 7 of 13 members present)',
      'Received: 13 present ≥ 7 needed: quorum met',
    ]);
    expect(hint(() => expect(badrSadr()).not.toDeadlock('najaf'))).toBe('expect(scenario).not.toDeadlock(council)');
  });

  it('toBePivotal: (council, unit)', () => {
    // Maysan: CF margin 5; only nabni's 6 exceeds it (state-of-law 3 and nsf 3 do not).
    const message = failure(() => expect(baseline()).toBePivotal('maysan', 'state-of-law'));
    expect(message.split('\n')[0]).toBe('expect(scenario).toBePivotal(council, unit)');
    expect(message).toContain('Received: pivotal: nabni');
  });

  it('toHingeOn: (council), or (council, seatMove) with a seat move', () => {
    // Maysan: margin 5; losing any one seat leaves the CF at least 11 ≥ 7 of 12 or 13 present.
    expect(hint(() => expect(baseline()).toHingeOn('maysan'))).toBe('expect(scenario).toHingeOn(council)');
    const message = failure(() => expect(baseline()).toHingeOn('maysan', { absent: 'nabni' }));
    expect(message.split('\n')[0]).toBe('expect(scenario).toHingeOn(council, seatMove)');
    expect(message).toContain('Received: 1 nabni member absent does not flip the outcome');
  });

  it('toHaveGroup: (council, group)', () => {
    // Maysan: CF 12 ≥ 7 on its own ⇒ group A.
    const message = failure(() => expect(baseline()).toHaveGroup('maysan', 'B'));
    expect(message.split('\n')[0]).toBe('expect(scenario).toHaveGroup(council, group)');
    expect(message).toContain('Received: group A (derived)');
  });

  it('toNeedPartners: (council, party, count)', () => {
    // Maysan: nabni 6 of 7 already, so it needs partners (1), not none.
    expect(hint(() => expect('baseline').toNeedPartners('maysan', 'nabni', 0))).toBe('expect(scenario).toNeedPartners(council, party, count)');
  });

  it('toBreakWithout: (council, units)', () => {
    // Maysan: CF 12 − state-of-law 3 = 9 ≥ 7 holds; 12 − nabni 6 = 6 < 7 breaks.
    const kept = failure(() => expect(built()).toBreakWithout('maysan', ['state-of-law']));
    expect(kept.split('\n')[0]).toBe('expect(scenario).toBreakWithout(council, units)');
    expect(kept).toContain('Received: cf keeps 9 of 7');
    expect(kept.split('\n').at(-1)).toBe('  scenario: Baseline, built in code');
    const broken = failure(() => expect('baseline').not.toBreakWithout('maysan', ['nabni']));
    expect(broken.split('\n')[0]).toBe('expect(scenario).not.toBreakWithout(council, units)');
    expect(broken).toContain('Received: cf keeps 6 of 7');
    expect(broken.split('\n').at(-1)).toBe(BASELINE_LINE);
  });

  it('toGovernWithPackage: (party, partners, councils)', () => {
    // Tasmim sits in Basra only (23 members, majority 12, Tasmim 12 ≥ 12): it governs 1 council alone and
    // no partner can make it 2.
    const one = failure(() => expect('baseline').not.toGovernWithPackage('tasmim', [], 1));
    expect(one.split('\n')[0]).toBe('expect(scenario).not.toGovernWithPackage(party, partners, councils)');
    expect(one).toContain('Received: 1 won, 0 lost, 0 open');
    const two = failure(() => expect(built()).toGovernWithPackage('tasmim', ['nabni'], 2));
    expect(two.split('\n')[0]).toBe('expect(scenario).toGovernWithPackage(party, partners, councils)');
    expect(two.split('\n').at(-1)).toBe('  scenario: Baseline, built in code');
  });
});

describe('received values that are scenarios', () => {
  it('uses a run as it is', () => {
    const run = baseline();
    expect(runOf(run)).toBe(run);
  });

  it('runs a loaded scenario once, however many assertions use it', () => {
    const loaded = loadScenario('baseline');
    const first = runOf(loaded);
    expect(runOf(loaded)).toBe(first);
    // Another loaded copy is another scenario: its own run.
    expect(runOf(loadScenario('baseline'))).not.toBe(first);
    expect(first.file).toBe('scenarios/baseline.yaml');
  });

  it('runs a builder of this copy of govsim, recognised by its class', () => {
    // Najaf in the Badr–Sadr scenario: deal 3 < 8 and CF rump 7 < 8 ⇒ deadlock; the baseline elects (CF 9 ≥ 8).
    expect(scenario('Badr–Sadr').extends('badr-sadr-najaf-maysan')).toDeadlock('najaf');
    // A subclass that runs a fixed scenario and exports no document is still a builder of this copy: its
    // class, not its shape, makes it one.
    class Fixed extends ScenarioBuilder {
      override run(): ScenarioRun {
        return badrSadr();
      }
    }
    const fixed = new Fixed('fixed');
    Object.defineProperty(fixed, 'toDocument', { value: undefined });
    expect(fixed).toDeadlock('najaf');
  });

  it('runs a builder from another copy of govsim by its run and toDocument methods', () => {
    const real = scenario('Badr–Sadr').extends('badr-sadr-najaf-maysan');
    const foreign = { run: () => real.run(), toDocument: () => real.toDocument() };
    expect(foreign).toDeadlock('najaf');
    expect(foreign).not.toDeadlock('maysan');
  });

  it('runs a scenario document', () => {
    expect({ name: 'Badr–Sadr', extends: 'badr-sadr-najaf-maysan' }).toDeadlock('najaf');
  });
});

describe('received values that are no scenario', () => {
  const rejection = (received: unknown): Error => thrown(() => expect(received).toDeadlock('maysan'));

  it('names what it received', () => {
    const cases: [unknown, string][] = [
      [null, 'null'],
      [undefined, 'undefined'],
      [[], 'an array'],
      [[baseline()], 'an array'],
      [{}, 'an object with keys (none)'],
      // At most six keys are listed.
      [{ a: 1, b: 2, c: 3, d: 4, e: 5, f: 6, g: 7 }, 'an object with keys a, b, c, d, e, f'],
      [() => baseline(), 'a function'],
      [42, 'number 42'],
      [true, 'boolean true'],
    ];
    for (const [received, description] of cases) {
      const error = rejection(received);
      expect(error, description).toBeInstanceOf(GovsimUsageError);
      expect(error.message).toBe(NOT_A_SCENARIO + description);
    }
  });

  it('does not take a run without its scenario name for a run', () => {
    // Councils and national figures alone, as from a run serialised without its header.
    const partial = { councils: baseline().councils, national: baseline().national };
    const error = rejection(partial);
    expect(error).toBeInstanceOf(GovsimUsageError);
    expect(error.message).toBe(`${NOT_A_SCENARIO}an object with keys councils, national`);
  });

  it('does not take a named object with councils for a scenario document', () => {
    // A run summary with a name: documents have steps, not councils.
    const error = rejection({ name: 'Baseline', councils: baseline().councils });
    expect(error).toBeInstanceOf(GovsimUsageError);
    expect(error.message).toBe(`${NOT_A_SCENARIO}an object with keys name, councils`);
  });

  it('takes an object for a builder only with both run and toDocument', () => {
    const builder = built();
    const runOnly = rejection({ run: () => baseline() });
    expect(runOnly).toBeInstanceOf(GovsimUsageError);
    expect(runOnly.message).toBe(`${NOT_A_SCENARIO}an object with keys run`);
    const documentOnly = rejection({ toDocument: () => builder.toDocument() });
    expect(documentOnly).toBeInstanceOf(GovsimUsageError);
    expect(documentOnly.message).toBe(`${NOT_A_SCENARIO}an object with keys toDocument`);
  });

  it('rejects the same way under .not', () => {
    expect(thrown(() => expect(null).not.toDeadlock('maysan')).message).toBe(`${NOT_A_SCENARIO}null`);
  });
});

describe('ids that are no strings', () => {
  it('rejects a council id that is not a string, naming what it is', () => {
    const error = thrown(() => expect(baseline()).toDeadlock(42 as never));
    expect(error).toBeInstanceOf(GovsimUsageError);
    expect(error.message).toBe('expected a council id (a string), received number 42');
    expect(thrown(() => expect(baseline()).not.toDeadlock(null as never)).message).toBe('expected a council id (a string), received null');
  });

  it('rejects a party, unit or coalition member that is not a string, naming its role', () => {
    expect(thrown(() => expect(baseline()).toElectGovernor('maysan', 42 as never)).message).toBe('expected party as an id (a string), received number 42');
    expect(thrown(() => expect(baseline()).not.toBePivotal('maysan', undefined as never)).message).toBe('expected unit as an id (a string), received undefined');
    expect(thrown(() => expect(baseline()).toFormMajority('maysan', [['nabni']] as never)).message).toBe('expected coalition member as an id (a string), received an array');
  });
});

describe('ids known only as a list or as a governor', () => {
  it('knows a list through its factions even where it is no unit in any council', () => {
    // Dhi Qar (dhiqar.yaml): 18 general seats, majority floor(18/2) + 1 = 10. The 8 unattributed seats are the
    // factions unidentified-1 … unidentified-8 of the list "unidentified", one member each: 8 < 10, short by 2.
    const message = failure(() => expect(baseline()).toFormMajority('dhiqar', ['unidentified']));
    expect(message).toContain('Received: 8 present votes, short by 2');
    expect(message).toContain(
      'unidentified: present members unidentified-1 1 + unidentified-2 1 + unidentified-3 1 + unidentified-4 1 + unidentified-5 1 + unidentified-6 1 + unidentified-7 1 + unidentified-8 1 = 8 < 10, short by 2',
    );
  });

  it('knows a governor named by a deal from outside every council (the Sunni bloc in Nineveh)', () => {
    // Nineveh (nineveh.yaml): 26 general + 3 quota = 29, majority 15. The package deal: sunni 14 + kurdish 6 +
    // cf 3 + minority 3 + hadba 2 = 28 ≥ 15, margin 13, governor from the bloc "sunni", which is no unit.
    expect('nineveh-package').toElectGovernor('nineveh', 'sunni');
    const message = failure(() => expect('nineveh-package').not.toElectGovernor('nineveh', 'sunni'));
    expect(message).toContain('Received: a governor from sunni (deal nineveh-package, 28 votes, margin 13)');
    expect(message).toContain('sunni holds no seat in nineveh (a governor from outside the council)');
  });
});
