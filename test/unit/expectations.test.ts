/**
 * Every claim of an `expect:` entry, passing and failing, with the exact text `govsim check` prints, on
 * one hand-computed council. Wasit (data/iraq-2023/councils/wasit.yaml): wasit-ajmal 8, state-of-law 3,
 * nabni 2, nsf 2, quota-feyli 1 = 16 members, majority 9, quorum 9. The deal "af" (wasit-ajmal 8 +
 * quota-feyli 1 = 9 ≥ 9) elects a governor from wasit-ajmal with margin 0; each of its two units is pivotal.
 */
import { describe, expect, it } from 'vitest';
import { scenario } from '../../src/scenarios/builder.js';
import { checkExpectations, formatCheckReport, type ScenarioCheck } from '../../src/scenarios/expectations.js';
import { runScenario } from '../../src/scenarios/runner.js';
import type { Expectation } from '../../src/scenarios/scenario-schema.js';

function check(...expectations: Expectation[]): ScenarioCheck {
  const builder = scenario('wasit deal').deal({ id: 'af', parties: ['wasit-ajmal', 'quota-feyli'], councils: ['wasit'], governor: 'wasit-ajmal' });
  for (const expectation of expectations) builder.expect(expectation);
  const loaded = builder.load();
  return checkExpectations(loaded, runScenario(loaded));
}

const claimsOf = (expectation: Expectation): ScenarioCheck['expectations'][number]['claims'] => check(expectation).expectations[0]!.claims;

describe('council claims', () => {
  it('status, governor, votes', () => {
    expect(claimsOf({ council: 'wasit', status: 'elected', governorFrom: 'wasit-ajmal', votes: 9 })).toEqual([
      { field: 'status', ok: true, expected: 'elected', actual: 'elected' },
      { field: 'governorFrom', ok: true, expected: 'wasit-ajmal', actual: 'wasit-ajmal' },
      { field: 'votes', ok: true, expected: '9', actual: '9' },
    ]);
    expect(claimsOf({ council: 'wasit', status: 'deadlock', governorFrom: null, votes: 8 })).toEqual([
      { field: 'status', ok: false, expected: 'deadlock', actual: 'elected' },
      { field: 'governorFrom', ok: false, expected: 'none', actual: 'wasit-ajmal' },
      { field: 'votes', ok: false, expected: '8', actual: '9' },
    ]);
  });

  it('coalition membership, naming what is missing or present', () => {
    expect(claimsOf({ council: 'wasit', coalitionIncludes: ['wasit-ajmal', 'quota-feyli'], coalitionExcludes: ['nabni'] })).toEqual([
      { field: 'coalitionIncludes', ok: true, expected: 'wasit-ajmal, quota-feyli', actual: 'wasit-ajmal, quota-feyli' },
      { field: 'coalitionExcludes', ok: true, expected: 'nabni', actual: 'wasit-ajmal, quota-feyli' },
    ]);
    expect(claimsOf({ council: 'wasit', coalitionIncludes: ['wasit-ajmal', 'nabni', 'nsf'], coalitionExcludes: ['nsf', 'quota-feyli'] })).toEqual([
      { field: 'coalitionIncludes', ok: false, expected: 'wasit-ajmal, nabni, nsf', actual: 'coalition wasit-ajmal, quota-feyli lacks nabni, nsf' },
      { field: 'coalitionExcludes', ok: false, expected: 'nsf, quota-feyli', actual: 'coalition wasit-ajmal, quota-feyli has quota-feyli' },
    ]);
  });

  it('majority, quorum, attendance and size', () => {
    expect(claimsOf({ council: 'wasit', majority: 'holds', quorum: 'met', present: 16, members: 16 })).toEqual([
      { field: 'majority', ok: true, expected: 'holds', actual: 'holds' },
      { field: 'quorum', ok: true, expected: 'met', actual: 'met (16 present, 9 needed)' },
      { field: 'present', ok: true, expected: '16', actual: '16' },
      { field: 'members', ok: true, expected: '16', actual: '16' },
    ]);
    expect(claimsOf({ council: 'wasit', majority: 'fails', quorum: 'fails', present: 15, members: 17 }).map((claim) => claim.ok)).toEqual([false, false, false, false]);
  });

  it('pivotal units and posts', () => {
    expect(claimsOf({ council: 'wasit', pivotalIncludes: ['quota-feyli', 'wasit-ajmal'] })).toEqual([
      { field: 'pivotalIncludes', ok: true, expected: 'quota-feyli, wasit-ajmal', actual: expect.stringContaining('quota-feyli') },
    ]);
    const [pivotal] = claimsOf({ council: 'wasit', pivotalIncludes: ['nabni'] });
    expect(pivotal).toMatchObject({ field: 'pivotalIncludes', ok: false, expected: 'nabni' });
    expect(pivotal!.actual).toMatch(/^pivotal .* lacks nabni$/);
    // No package and no chair in the deal: the posts are not voted, so no claim about them holds.
    expect(claimsOf({ council: 'wasit', posts: { governor: 'wasit-ajmal' } })).toEqual([
      { field: 'posts.governor', ok: false, expected: 'wasit-ajmal', actual: 'not voted (no package and no chair in a deal)' },
    ]);
  });

  it('an expectation holds only when every claim does', () => {
    const result = check({ council: 'wasit', status: 'elected', votes: 9 }, { council: 'wasit', status: 'elected', votes: 10 });
    expect(result.expectations.map((entry) => entry.ok)).toEqual([true, false]);
    expect(result.ok).toBe(false);
    expect(check({ council: 'wasit', status: 'elected' }).ok).toBe(true);
  });
});

describe('claims on an open council (baseline Baghdad: CF 25 of 27 needed, no list alone reaches 27)', () => {
  it('say there is no coalition, no margin and no governor', () => {
    expect(claimsOf({ council: 'baghdad', governorFrom: 'nabni', coalitionIncludes: ['nabni'], marginAtLeast: 0, marginAtMost: 5, majority: 'fails' })).toEqual([
      { field: 'governorFrom', ok: false, expected: 'nabni', actual: 'none' },
      { field: 'coalitionIncludes', ok: false, expected: 'nabni', actual: 'coalition (none) lacks nabni' },
      { field: 'margin', ok: false, expected: '≥ 0', actual: 'no coalition' },
      { field: 'margin', ok: false, expected: '≤ 5', actual: 'no coalition' },
      { field: 'majority', ok: true, expected: 'fails', actual: 'fails' },
    ]);
  });

  it('a group claim shows how the group was set', () => {
    expect(claimsOf({ council: 'baghdad', group: 'C' })).toEqual([{ field: 'group', ok: true, expected: 'C', actual: 'C (derived)' }]);
    expect(claimsOf({ council: 'baghdad', group: 'A' })).toEqual([{ field: 'group', ok: false, expected: 'A', actual: 'C (derived)' }]);
  });
});

describe('national claims', () => {
  it('sum seats of the named parties across councils, and count governors', () => {
    const result = check(
      // quota-feyli sits in Baghdad and Wasit (one Feyli quota seat each): 1 + 1 = 2 nationally.
      { national: { seatsOf: ['quota-feyli', 'wasit-ajmal'], seats: 10, governorsFrom: { 'wasit-ajmal': 1 } } },
      { national: { seatsOf: ['quota-feyli'], seats: 1 }, note: 'off by one' },
    );
    const [right, wrong] = result.expectations;
    expect(right).toMatchObject({ council: 'national', ok: true });
    expect(right!.claims).toEqual([
      { field: 'seats', ok: true, expected: 'quota-feyli + wasit-ajmal = 10', actual: 'quota-feyli 2 + wasit-ajmal 8 = 10' },
      { field: 'governorsFrom.wasit-ajmal', ok: true, expected: '1', actual: '1 (wasit)' },
    ]);
    expect(right!.arithmetic).toMatch(/^quota-feyli 2 \+ wasit-ajmal 8 = 10; \d+ elected, \d+ deadlock, \d+ no quorum, \d+ open$/);
    expect(wrong).toMatchObject({ ok: false, note: 'off by one', claims: [{ field: 'seats', ok: false, expected: 'quota-feyli = 1', actual: 'quota-feyli 2 = 2' }] });
  });
});

describe('national seats of a split list', () => {
  it('count its factions: Nabni + State of Law + NSF stay 102 (final results) after Nabni splits in Najaf', () => {
    const loaded = scenario('split').split({ council: 'najaf', list: 'nabni' }).expect({ national: { seatsOf: ['nabni', 'state-of-law', 'nsf'], seats: 102 } }).load();
    expect(checkExpectations(loaded, runScenario(loaded)).expectations[0]!.claims).toEqual([
      { field: 'seats', ok: true, expected: 'nabni + state-of-law + nsf = 102', actual: 'nabni 43 + state-of-law 35 + nsf 24 = 102' },
    ]);
  });
});

describe('national counts', () => {
  it('elected councils and groups, naming the councils counted', () => {
    // Elected with the deal: basra (Tasmim 12 of 23), karbala (Ibdaa 7 of 13), wasit (the deal, 9 of 16). The
    // groups are those of the README's country view: A 6, B 0, C 9.
    const [entry] = check({ national: { elected: 3, groups: { B: 0, A: 6, C: 10 } } }).expectations;
    expect(entry!.claims[0]).toEqual({ field: 'elected', ok: true, expected: '3', actual: '3 (basra, karbala, wasit)' });
    expect(entry!.claims.slice(1).map((claim) => [claim.field, claim.ok, claim.expected])).toEqual([
      ['groups.A', true, '6'],
      ['groups.B', true, '0'],
      ['groups.C', false, '10'],
    ]);
    expect(entry!.claims[2]!.actual).toBe('0 (none)');
    expect(entry!.claims[3]!.actual).toMatch(/^9 \(baghdad, basra, /);
    expect(check({ national: { elected: 2 } }).expectations[0]!.claims[0]).toMatchObject({ ok: false, actual: '3 (basra, karbala, wasit)' });
  });
});

describe('the report', () => {
  it('lists each expectation, and for a failed one every claim and the arithmetic', () => {
    const failing = check({ council: 'wasit', status: 'elected', votes: 10, note: 'one vote too many' });
    const report = formatCheckReport([failing]).split('\n');
    expect(report[0]).toBe('✗ wasit deal — wasit deal (1 expectation)');
    expect(report[1]).toBe('  ✗ wasit (expect[0]) — one vote too many');
    expect(report[2]).toBe('      ✓ status: elected');
    expect(report[3]).toBe('      ✗ votes: expected 10, got 9');
    expect(report[4]).toMatch(/^ {6}arithmetic: .*wasit-ajmal 8 \+ quota-feyli 1 = 9 ≥ 9/);
    expect(report.slice(5)).toEqual(['', '1 of 1 expectations failed', '']);
  });

  it('a national expectation fails when any of its claims does; a failure without a note has no dash', () => {
    const mixed = check({ national: { seatsOf: ['wasit-ajmal'], seats: 8, elected: 4 } });
    expect(mixed.expectations[0]!.ok).toBe(false);
    expect(formatCheckReport([mixed]).split('\n')[1]).toBe('  ✗ national (expect[0])');
    expect(formatCheckReport([check({ council: 'wasit' })]).split('\n')[1]).toBe('  ✓ wasit: (no claims)');
  });

  it('sums up passing scenarios, and says when a scenario has no expectations', () => {
    const passing = check({ council: 'wasit', status: 'elected' }, { council: 'wasit', votes: 9 });
    const empty = check();
    const report = formatCheckReport([passing, empty]);
    expect(report).toBe(
      [
        '✓ wasit deal — wasit deal (2 expectations)',
        // Wasit's Ajmal 8 is a reconstruction: a pass that rests on it says so.
        '  ✓ wasit: status elected (holds on inferred seats)',
        '  ✓ wasit: votes 9 (holds on inferred seats)',
        '✓ wasit deal — wasit deal (0 expectations)',
        '  (no expectations)',
        '',
        'all 2 expectations hold in 2 scenarios',
        '',
      ].join('\n'),
    );
    expect(formatCheckReport([passing]).trimEnd().split('\n').at(-1)).toBe('all 2 expectations hold in 1 scenario');
  });
});
