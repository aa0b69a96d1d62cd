/**
 * The claim texts and branches the Wasit tests of expectations.test.ts do not reach: several units
 * missing or present at once, a failed quorum, voted posts, factions providing a governor, no council
 * elected, and the report's confidence notes. The councils here are small hand-made results (only the
 * fields the checks read), so every expected text is read off the inputs.
 */
import { describe, expect, it } from 'vitest';
import { checkExpectations, type ClaimResult, type ExpectationResult, formatCheckReport, type ScenarioCheck } from '../../src/scenarios/expectations.js';
import type { LoadedScenario } from '../../src/scenarios/scenario-loader.js';
import type { CouncilOutcome, CouncilResult, PostResult, ScenarioRun, UnitResult } from '../../src/scenarios/runner.js';
import type { Expectation } from '../../src/scenarios/scenario-schema.js';

interface Fields {
  readonly id?: string;
  readonly outcome?: Partial<CouncilOutcome>;
  readonly quorum?: CouncilResult['quorum'];
  readonly pivotal?: readonly string[];
  readonly posts?: readonly PostResult[];
  readonly units?: readonly Pick<UnitResult, 'id' | 'parent'>[];
}

/** A council result with only what the checks read; the rest stays undefined. */
function council(fields: Fields): CouncilResult {
  const outcome = { status: 'open', governorFrom: null, coalition: [], votes: 0, needed: 9, margin: null, ...fields.outcome };
  return { id: 'c', quorum: { needed: 9, present: 16, met: true }, pivotal: [], units: [], ...fields, outcome } as unknown as CouncilResult;
}

function run(...councils: CouncilResult[]): ScenarioRun {
  const elected = councils.filter((entry) => entry.outcome.status === 'elected').length;
  return {
    scenario: 'hand-made',
    file: null,
    councils,
    national: { byStatus: { elected, deadlock: 0, 'no-quorum': 0, open: councils.length - elected } },
  } as unknown as ScenarioRun;
}

function results(councils: readonly CouncilResult[], ...expectations: Expectation[]): readonly ExpectationResult[] {
  // No sittings: only the scenario's own `expect` list is checked.
  const scenario = { expect: expectations, sittings: [] } as unknown as LoadedScenario;
  return checkExpectations(scenario, run(...councils)).expectations;
}

const claimsOn = (subject: CouncilResult, expectation: Omit<Expectation, 'council'>): readonly ClaimResult[] =>
  results([subject], { ...expectation, council: subject.id })[0]!.claims;

describe('council claims naming several units', () => {
  it('coalitionExcludes lists every excluded unit found in the coalition', () => {
    const subject = council({ outcome: { coalition: ['a', 'b', 'c'] } });
    expect(claimsOn(subject, { coalitionExcludes: ['a', 'c'] })).toEqual([{ field: 'coalitionExcludes', ok: false, expected: 'a, c', actual: 'coalition a, b, c has a, c' }]);
  });

  it('pivotalIncludes lists every missing unit', () => {
    const subject = council({ pivotal: ['x'] });
    expect(claimsOn(subject, { pivotalIncludes: ['y', 'z'] })).toEqual([{ field: 'pivotalIncludes', ok: false, expected: 'y, z', actual: 'pivotal x lacks y, z' }]);
  });
});

describe('majority and quorum', () => {
  it('a failed quorum is reported with its attendance', () => {
    const subject = council({ quorum: { needed: 9, present: 7, met: false } });
    expect(claimsOn(subject, { quorum: 'fails' })).toEqual([{ field: 'quorum', ok: true, expected: 'fails', actual: 'fails (7 present, 9 needed)' }]);
    expect(claimsOn(subject, { quorum: 'met' })).toEqual([{ field: 'quorum', ok: false, expected: 'met', actual: 'fails (7 present, 9 needed)' }]);
  });

  it('holds exactly when the coalition reaches the votes needed', () => {
    // 9 of 9 holds, 8 of 9 fails.
    expect(claimsOn(council({ outcome: { coalition: ['a'], votes: 9, needed: 9 } }), { majority: 'holds' })[0]).toMatchObject({ ok: true, actual: 'holds' });
    expect(claimsOn(council({ outcome: { coalition: ['a'], votes: 8, needed: 9 } }), { majority: 'holds' })[0]).toMatchObject({ ok: false, actual: 'fails' });
  });
});

describe('post claims', () => {
  // The chair is listed first, so a lookup that ignored the post's name would report the chair.
  const posts: PostResult[] = [
    { post: 'chair', status: 'elected', winner: 'a', votes: 9, needed: 9, margin: 0 },
    { post: 'governor', status: 'deadlock', winner: null, votes: 7, needed: 9, margin: -2 },
  ];

  it('posts: the winner of the named post, or nobody', () => {
    const subject = council({ posts });
    expect(claimsOn(subject, { posts: { governor: 'a' } })).toEqual([{ field: 'posts.governor', ok: false, expected: 'a', actual: 'nobody (deadlock, 7 of 9)' }]);
    expect(claimsOn(subject, { posts: { governor: null } })).toEqual([{ field: 'posts.governor', ok: true, expected: 'nobody', actual: 'nobody (deadlock, 7 of 9)' }]);
    expect(claimsOn(subject, { posts: { chair: 'a' } })).toEqual([{ field: 'posts.chair', ok: true, expected: 'a', actual: 'a (elected, 9 of 9)' }]);
  });

  it('postVotes: the votes of the named post; a post not voted fails the claim', () => {
    const subject = council({ posts });
    expect(claimsOn(subject, { postVotes: { governor: 7 } })).toEqual([{ field: 'postVotes.governor', ok: true, expected: '7', actual: '7 (nobody, deadlock, 9 needed)' }]);
    expect(claimsOn(subject, { postVotes: { governor: 9 } })).toEqual([{ field: 'postVotes.governor', ok: false, expected: '9', actual: '7 (nobody, deadlock, 9 needed)' }]);
    expect(claimsOn(subject, { postVotes: { chair: 9 } })).toEqual([{ field: 'postVotes.chair', ok: true, expected: '9', actual: '9 (a, elected, 9 needed)' }]);
    expect(claimsOn(council({}), { postVotes: { governor: 7 } })).toEqual([
      { field: 'postVotes.governor', ok: false, expected: '7', actual: 'not voted (no package and no chair in a deal)' },
    ]);
  });
});

describe('national counts', () => {
  it('governorsFrom counts a governor from one of the party’s factions, not one from a council where it merely has a faction', () => {
    const councils = [
      // p's faction p-f1 provides the governor: one for p.
      council({ id: 'c1', outcome: { status: 'elected', governorFrom: 'p-f1' }, units: [{ id: 'p-f1', parent: 'p' }, { id: 'p-f2', parent: 'p' }, { id: 'q' }] }),
      // q provides it; p's faction sits there but governs nothing.
      council({ id: 'c2', outcome: { status: 'elected', governorFrom: 'q' }, units: [{ id: 'p-f1', parent: 'p' }, { id: 'q' }] }),
      // p itself: the second for p.
      council({ id: 'c3', outcome: { status: 'elected', governorFrom: 'p' }, units: [{ id: 'p' }] }),
    ];
    const [right, wrong] = results(councils, { national: { governorsFrom: { p: 2, r: 0 } } }, { national: { governorsFrom: { p: 3 } } });
    expect(right).toMatchObject({ council: 'national', ok: true });
    expect(right!.claims).toEqual([
      { field: 'governorsFrom.p', ok: true, expected: '2', actual: '2 (c1, c3)' },
      { field: 'governorsFrom.r', ok: true, expected: '0', actual: '0 (none)' },
    ]);
    expect(wrong).toMatchObject({ ok: false, claims: [{ field: 'governorsFrom.p', ok: false, expected: '3', actual: '2 (c1, c3)' }] });
  });

  it('elected says none when no council elects a governor', () => {
    const [entry] = results([council({ id: 'c1' }), council({ id: 'c2', outcome: { status: 'deadlock' } })], { national: { elected: 0 } });
    expect(entry).toMatchObject({ council: 'national', ok: true, claims: [{ field: 'elected', ok: true, expected: '0', actual: '0 (none)' }] });
    expect(entry!.arithmetic).toBe('0 elected, 0 deadlock, 0 no quorum, 2 open');
  });
});

describe('the report’s confidence notes', () => {
  const entry = (ok: boolean, fields: Partial<ExpectationResult>): ExpectationResult => ({
    index: 0,
    path: 'expect[0]',
    council: 'c',
    ok,
    claims: [{ field: 'votes', ok, expected: '9', actual: ok ? '9' : '8' }],
    arithmetic: 'a 8 = 8 < 9',
    ...fields,
  });
  const lines = (expectation: ExpectationResult): string[] => {
    const check: ScenarioCheck = { scenario: 's', file: null, ok: expectation.ok, expectations: [expectation] };
    return formatCheckReport([check]).split('\n').slice(1, -3);
  };

  it('a pass notes only estimated seats', () => {
    expect(lines(entry(true, { council: 'national' }))).toEqual(['  ✓ national: votes 9']);
    expect(lines(entry(true, { confidence: 'documented' }))).toEqual(['  ✓ c: votes 9']);
    expect(lines(entry(true, { confidence: 'unresolved' }))).toEqual(['  ✓ c: votes 9 (holds on unresolved seats)']);
  });

  it('a failure’s arithmetic notes only estimated seats', () => {
    const failed = (fields: Partial<ExpectationResult>): string[] => lines(entry(false, fields));
    expect(failed({ council: 'national' })).toEqual(['  ✗ national (expect[0])', '      ✗ votes: expected 9, got 8', '      arithmetic: a 8 = 8 < 9']);
    expect(failed({ confidence: 'documented' }).at(-1)).toBe('      arithmetic: a 8 = 8 < 9');
    expect(failed({ confidence: 'inferred' }).at(-1)).toBe('      arithmetic: a 8 = 8 < 9 (on inferred seats)');
  });
});
