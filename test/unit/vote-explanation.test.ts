/**
 * The explanation every vote prints, line by line: the majority and quorum lines (the law's or the
 * scenario's), one tally line per candidate or slate, the verdict, the runoff, the vacated seat, and the
 * summary line per post. Every expected line is worked out by hand in the comment above it.
 */
import { describe, expect, it } from 'vitest';
import type { Council, VotingUnit } from '../../src/model/council.js';
import { type ExplanationLine, RULES, type RuleId } from '../../src/model/explanation.js';
import { runVote } from '../../src/model/vote/index.js';

function unit(id: string, seats: number, present?: number): VotingUnit {
  return { id, name: id, kind: 'list', seats, ...(present === undefined ? {} : { present }) };
}

/** A line citing the rule `id`. */
function law(id: RuleId, text: string): ExplanationLine {
  return { rule: RULES[id].citation, text };
}

/** A line citing no rule. */
function plain(text: string): ExplanationLine {
  return { text };
}

// 15 members: n = 6 + 5 + 3 + 1 = 15, majority floor(15/2) + 1 = 8, quorum 8.
const fifteen: Council = { id: 'x', name: 'x', units: [unit('a', 6), unit('b', 5), unit('c', 3), unit('d', 1)] };
const majority15 = law('absoluteMajority', 'absolute majority = floor(15/2) + 1 = 8 of 15 members, present or not');
const vacatedLine = (who: string, left: number, later: boolean): ExplanationLine =>
  law(
    'governorVacatesSeat',
    `the governor's seat (${who}) is vacated: ${who} has ${left} present${later ? ' for the remaining votes' : ''}; the seat still exists, so n = 15 and 8 are still needed until the replacement is sworn in`,
  );

describe('chair then governor, both contested', () => {
  // Run inside each test, not at collection: mutation runs credit a test only with the code it runs itself.
  const outcome = (): ReturnType<typeof runVote> => runVote(fifteen, {
    candidacies: [
      // Supporters listed out of council order: the tally line keeps the listing, the coalition is in council order.
      { post: 'chair', candidate: 'c', supporters: ['c', 'b'] },
      { post: 'chair', candidate: 'a', supporters: ['a', 'd'] },
      { post: 'governor', candidate: 'b', supporters: ['a', 'b'] },
    ],
  });
  // Both ballots: all 15 present, 15 ≥ 8.
  const quorum = law('quorum', 'present 15 of 15 ≥ 8 ⇒ quorum met');
  // chair: c 3 + b 5 = 8 ≥ 8 (margin 8 − 8 = 0); a 6 + d 1 = 7 < 8.
  const chairLines = [quorum, law('chairElection', 'c (c 3 + b 5) = 8 ≥ 8'), law('chairElection', 'a (a 6 + d 1) = 7 < 8'), plain('c elected, margin 0')];
  // governor: a 6 + b 5 = 11 ≥ 8, margin 11 − 8 = 3; b gives up a seat: 5 − 1 = 4 present, last ballot so no "remaining votes".
  const governorLines = [quorum, law('governorElection', 'b (a 6 + b 5) = 11 ≥ 8'), plain('b elected, margin 3')];

  it('prints the majority line, then per ballot the quorum, the tally, the verdict and the post summary', () => {
    expect(outcome().explanation).toEqual([
      majority15,
      ...chairLines,
      plain('chair: elected (c)'),
      ...governorLines,
      plain('governor: elected (b)'),
      vacatedLine('b', 4, false),
    ]);
  });

  it("each post's own explanation holds its ballot's lines, and the vacated seat only for the governor", () => {
    expect(outcome().posts.map((p) => p.explanation)).toEqual([chairLines, [...governorLines, vacatedLine('b', 4, false)]]);
  });

  it('the coalition lists the present supporters in council order', () => {
    expect(outcome().posts.map((p) => [p.post, p.winner, p.votes, p.margin, p.coalition])).toEqual([
      ['chair', 'c', 8, 0, ['b', 'c']],
      ['governor', 'b', 11, 3, ['a', 'b']],
    ]);
  });
});

describe('thresholds set by the scenario', () => {
  it('the majority and quorum lines name the scenario rule and cite no law; an absent supporter adds 0 and is not in the coalition', () => {
    // ceil(2·15/3) = 10 needed; quorum 15 − 3 = 12; d absent: 6 + 5 + 3 + 0 = 14 present ≥ 12.
    const council: Council = {
      ...fifteen,
      units: [unit('a', 6), unit('b', 5), unit('c', 3), unit('d', 1, 0)],
      rules: { majority: 10, basis: 'scenario rule ceil(2*members/3)', quorum: 12, quorumBasis: 'scenario rule members - 3' },
    };
    const outcome = runVote(council, { posts: ['governor'], candidacies: [{ post: 'governor', candidate: 'a', supporters: ['a', 'b', 'd'] }] });
    // a 6 + b 5 + d 0 = 11 ≥ 10, margin 1; a keeps 6 − 1 = 5 present.
    expect(outcome.explanation).toEqual([
      plain('scenario rule ceil(2*members/3) = 10 of 15 members, present or not'),
      plain('present 14 of 15 ≥ 12 (scenario rule members - 3) ⇒ quorum met'),
      law('governorElection', 'a (a 6 + b 5 + d 0) = 11 ≥ 10'),
      plain('a elected, margin 1'),
      plain('governor: elected (a)'),
      law(
        'governorVacatesSeat',
        "the governor's seat (a) is vacated: a has 5 present; the seat still exists, so n = 15 and 10 are still needed until the replacement is sworn in",
      ),
    ]);
    // d voted for a but has nobody present: the coalition is a and b.
    expect(outcome.posts[0]).toMatchObject({ winner: 'a', votes: 11, margin: 1, coalition: ['a', 'b'] });
  });
});

describe('no quorum', () => {
  it('says per post that it was not voted, and the outcome carries no winner or runoff', () => {
    // a absent, b 1 of 5: 0 + 1 + 3 + 1 = 5 present < 8.
    const council: Council = { ...fifteen, units: [unit('a', 6, 0), unit('b', 5, 1), unit('c', 3), unit('d', 1)] };
    const outcome = runVote(council, { candidacies: [{ post: 'chair', candidate: 'c', supporters: ['c'] }] });
    const quorum = law('quorum', 'present 5 of 15 < 8 ⇒ quorum not met');
    expect(outcome.explanation).toEqual([
      majority15,
      quorum,
      plain('chair: no-quorum'),
      plain('chair not voted: no quorum'),
      quorum,
      plain('governor: no-quorum'),
      plain('governor not voted: no quorum'),
    ]);
    // margin 0 − 8 = −8; toStrictEqual: no `winner` or `runoff` key at all.
    expect(outcome.posts[0]).toStrictEqual({
      post: 'chair',
      status: 'no-quorum',
      votes: 0,
      needed: 8,
      margin: -8,
      coalition: [],
      present: 5,
      ballot: 0,
      explanation: [quorum, plain('chair not voted: no quorum')],
    });
  });
});

describe('package ballot', () => {
  it('a leading slate that wins nothing leaves its unnamed post deadlocked, not open', () => {
    const outcome = runVote(fifteen, {
      packages: [['chair', 'governor']],
      candidacies: [
        { post: 'chair', candidate: 'a', supporters: ['a'] },
        { post: 'chair', candidate: 'b', supporters: ['b'] },
        { post: 'governor', candidate: 'b', supporters: ['b'] },
      ],
    });
    // Slates: (chair a, no governor) 6; (chair b, governor b) 5; both < 8, no runoff: nobody is elected.
    // The leader names no governor, but the ballot was lost, so the post is a deadlock like the chair.
    expect(outcome.posts.map((p) => [p.post, p.status])).toEqual([
      ['chair', 'deadlock'],
      ['governor', 'deadlock'],
    ]);
  });

  it('tallies slates, cites the package rule, vacates the governor seat for the remaining votes', () => {
    const outcome = runVote(fifteen, {
      posts: ['chair', 'governor', 'deputy-chair'],
      packages: [['chair', 'governor']],
      candidacies: [
        { post: 'chair', candidate: 'c', supporters: ['b', 'c'] },
        { post: 'governor', candidate: 'b', supporters: ['b', 'c'] },
        { post: 'chair', candidate: 'a', supporters: ['a'] },
        { post: 'deputy-chair', candidate: 'd', supporters: ['a', 'd'] },
      ],
    });
    // Slates: a votes (chair a, no governor) = 6; b and c vote (chair c, governor b) = 5 + 3 = 8; d votes no slate.
    // The slate line cites the absolute majority (a package is not one post's election).
    const packageLines = [
      law('quorum', 'present 15 of 15 ≥ 8 ⇒ quorum met'),
      law('packageBallot', 'chair and governor voted together in one ballot'),
      law('absoluteMajority', 'chair: c, governor: b (b 5 + c 3) = 8 ≥ 8'),
      law('absoluteMajority', 'chair: a, governor: — (a 6) = 6 < 8'),
      plain('chair: c, governor: b elected, margin 0'),
    ];
    // b's seat is vacated before the deputy chair vote: b 5 − 1 = 4, present 15 − 1 = 14.
    const vacated = vacatedLine('b', 4, true);
    // deputy-chair is neither chair nor governor: the absolute majority rule; a 6 + d 1 = 7 < 8, no runoff rule.
    const deputyLines = [
      law('quorum', 'present 14 of 15 ≥ 8 ⇒ quorum met'),
      law('absoluteMajority', 'd (a 6 + d 1) = 7 < 8'),
      law('noRunoff', 'nobody reaches 8 (best 7): deadlock'),
    ];
    expect(outcome.explanation).toEqual([
      majority15,
      ...packageLines,
      plain('chair: elected (c)'),
      plain('governor: elected (b)'),
      vacated,
      ...deputyLines,
      plain('deputy-chair: deadlock'),
    ]);
    expect(outcome.posts.map((p) => p.explanation)).toEqual([packageLines, [...packageLines, vacated], deputyLines]);
    expect(outcome.posts.map((p) => [p.post, p.status, p.winner, p.votes, p.coalition, p.present, p.ballot])).toEqual([
      ['chair', 'elected', 'c', 8, ['b', 'c'], 15, 0],
      ['governor', 'elected', 'b', 8, ['b', 'c'], 15, 0],
      ['deputy-chair', 'deadlock', undefined, 7, ['a', 'd'], 14, 1],
    ]);
  });

  it('slates differ by their candidates, not by their concatenated names', () => {
    // (chair x, governor y) from a = 6 and (chair xy, no governor) from b = 5 are two slates: neither reaches 8.
    const outcome = runVote(fifteen, {
      packages: [['chair', 'governor']],
      candidacies: [
        { post: 'chair', candidate: 'x', supporters: ['a'] },
        { post: 'governor', candidate: 'y', supporters: ['a'] },
        { post: 'chair', candidate: 'xy', supporters: ['b'] },
      ],
    });
    expect(outcome.posts[0]!.explanation.slice(2)).toEqual([
      law('absoluteMajority', 'chair: x, governor: y (a 6) = 6 < 8'),
      law('absoluteMajority', 'chair: xy, governor: — (b 5) = 5 < 8'),
      law('noRunoff', 'nobody reaches 8 (best 6): deadlock'),
    ]);
    expect(outcome.posts.map((p) => [p.post, p.status, p.votes, p.coalition])).toEqual([
      ['chair', 'deadlock', 6, ['a']],
      ['governor', 'deadlock', 6, ['a']],
    ]);
  });

  it('a winning slate without a governor fills the chair and leaves the governor post open', () => {
    const outcome = runVote(fifteen, {
      packages: [['chair', 'governor']],
      candidacies: [
        { post: 'chair', candidate: 'c', supporters: ['b', 'c', 'd'] },
        { post: 'chair', candidate: 'a', supporters: ['a'] },
        { post: 'governor', candidate: 'a', supporters: ['a'] },
      ],
    });
    // (chair c, —) = b 5 + c 3 + d 1 = 9 ≥ 8, margin 1; (chair a, governor a) = 6 < 8.
    // Nobody vacates (no governor elected), so all 15 are present; the smallest winning coalition
    // of a 6, b 5, c 3, d 1 against 8 is b + c = 8 (a + c = 9, a + b = 11).
    expect(outcome.explanation.slice(3)).toEqual([
      law('absoluteMajority', 'chair: c, governor: — (b 5 + c 3 + d 1) = 9 ≥ 8'),
      law('absoluteMajority', 'chair: a, governor: a (a 6) = 6 < 8'),
      plain('chair: c, governor: — elected, margin 1'),
      plain('chair: elected (c)'),
      plain('governor: open'),
      plain('the winning slate names no candidate for governor'),
      plain('no candidate for governor; a majority of 8 could still form, e.g. b + c (8): open'),
    ]);
    expect(outcome.posts.map((p) => [p.post, p.status, p.winner, p.votes, p.margin, p.coalition])).toEqual([
      ['chair', 'elected', 'c', 9, 1, ['b', 'c', 'd']],
      ['governor', 'open', undefined, 0, -8, []],
    ]);
    expect('winner' in outcome.posts[1]!).toBe(false);
  });
});

describe('top-two runoff lines', () => {
  // n = 5 + 5 + 4 + 4 = 18: majority floor(18/2) + 1 = 10, quorum 10.
  const council: Council = { id: 'y', name: 'y', units: [unit('a', 5), unit('b', 5), unit('c', 4), unit('d', 4)], rules: { runoff: 'top-two' } };
  const quorum = law('quorum', 'present 18 of 18 ≥ 10 ⇒ quorum met');

  it('the leader wins the runoff by most votes, and the outcome records it', () => {
    const outcome = runVote(council, {
      posts: ['governor'],
      candidacies: [
        { post: 'governor', candidate: 'c', supporters: ['c', 'd'] },
        { post: 'governor', candidate: 'a', supporters: ['a'] },
      ],
    });
    // c 4 + d 4 = 8 < 10; a 5 < 10; runoff c 8 vs a 5 ⇒ c; margin 8 − 10 = −2; c keeps 4 − 1 = 3 present.
    expect(outcome.posts[0]!.explanation).toEqual([
      quorum,
      law('governorElection', 'c (c 4 + d 4) = 8 < 10'),
      law('governorElection', 'a (a 5) = 5 < 10'),
      law('runoffTopTwo', 'runoff c 8 vs a 5: c elected by most votes'),
      law(
        'governorVacatesSeat',
        "the governor's seat (c) is vacated: c has 3 present; the seat still exists, so n = 18 and 10 are still needed until the replacement is sworn in",
      ),
    ]);
    expect(outcome.posts[0]).toMatchObject({ status: 'elected', winner: 'c', votes: 8, margin: -2, coalition: ['c', 'd'], runoff: { candidates: ['c', 'a'], votes: [8, 5] } });
  });

  it('a tied runoff deadlocks and says so', () => {
    const outcome = runVote(council, {
      posts: ['governor'],
      candidacies: [
        { post: 'governor', candidate: 'a', supporters: ['a'] },
        { post: 'governor', candidate: 'b', supporters: ['b'] },
      ],
    });
    // a 5 and b 5, both < 10; the runoff is 5 to 5. Ties keep the candidacy order: a leads.
    expect(outcome.explanation).toEqual([
      law('absoluteMajority', 'absolute majority = floor(18/2) + 1 = 10 of 18 members, present or not'),
      quorum,
      law('governorElection', 'a (a 5) = 5 < 10'),
      law('governorElection', 'b (b 5) = 5 < 10'),
      law('runoffTopTwo', 'runoff tied 5 to 5: deadlock'),
      plain('governor: deadlock'),
    ]);
    expect(outcome.posts[0]).toMatchObject({ status: 'deadlock', votes: 5, coalition: ['a'] });
  });

  it('a single candidate short of the majority cannot go to a runoff', () => {
    const outcome = runVote(council, { posts: ['governor'], candidacies: [{ post: 'governor', candidate: 'a', supporters: ['a', 'c'] }] });
    // a 5 + c 4 = 9 < 10, nobody to run against.
    expect(outcome.posts[0]!.explanation).toEqual([
      quorum,
      law('governorElection', 'a (a 5 + c 4) = 9 < 10'),
      law('runoffTopTwo', 'only one candidate, short of 10: no runoff possible, deadlock'),
    ]);
    expect(outcome.posts[0]).toMatchObject({ status: 'deadlock', votes: 9, margin: -1 });
    expect('runoff' in outcome.posts[0]!).toBe(false);
  });
});

describe('a governor who leaves no present seat', () => {
  it('an outsider vacates no council seat', () => {
    const outcome = runVote(fifteen, {
      posts: ['governor', 'chair'],
      candidacies: [
        { post: 'governor', candidate: 'outsider', supporters: ['a', 'b'] },
        { post: 'chair', candidate: 'c', supporters: ['b', 'c'] },
      ],
    });
    expect(outcome.posts[0]!.explanation.at(-1)).toEqual(plain('governor outsider is not a council unit: no council seat is vacated'));
    // Nobody left: the chair vote still has 15 present and b 5 + c 3 = 8 ≥ 8.
    expect(outcome.posts[1]).toMatchObject({ status: 'elected', present: 15, votes: 8 });
  });

  it('a governor whose list is absent vacates no present seat', () => {
    // d absent: 14 present; a 6 + b 5 = 11 ≥ 8 elect d.
    const council: Council = { ...fifteen, units: [unit('a', 6), unit('b', 5), unit('c', 3), unit('d', 1, 0)] };
    const outcome = runVote(council, {
      posts: ['governor', 'chair'],
      candidacies: [{ post: 'governor', candidate: 'd', supporters: ['a', 'b'] }],
    });
    expect(outcome.posts[0]!.explanation.at(-1)).toEqual(plain('no d member was present, so no present seat is vacated'));
    expect(outcome.posts[1]!.present).toBe(14);
  });
});

describe('uncontested posts', () => {
  it('no admissible coalition: the deadlock line names the majority', () => {
    // a 6, b 5, c 3, d 1 pairwise incompatible: the best admissible coalition is a alone, 6 < 8.
    const pairs: [string, string][] = [
      ['a', 'b'], ['a', 'c'], ['a', 'd'], ['b', 'c'], ['b', 'd'], ['c', 'd'],
    ];
    const outcome = runVote({ ...fifteen, constraints: { incompatible: pairs } }, { posts: ['chair'], candidacies: [] });
    expect(outcome.posts[0]!.explanation).toEqual([
      law('quorum', 'present 15 of 15 ≥ 8 ⇒ quorum met'),
      plain('no candidate for chair, and no admissible coalition of those present reaches 8: deadlock'),
    ]);
  });

  it('the example coalition is the one with fewest votes, ties broken by the lowest unit mask', () => {
    // a 1, b 1, c 2, d 3: n = 7, majority 4. Minimal winning: a + d = 4, b + d = 4, a + b + c = 4, c + d = 5.
    // Among the 4-vote ones, with unit bits a 1, b 2, c 4, d 8: a + b + c = 7 < a + d = 9 < b + d = 10.
    const council: Council = { id: 'z', name: 'z', units: [unit('a', 1), unit('b', 1), unit('c', 2), unit('d', 3)] };
    const outcome = runVote(council, { posts: ['chair'], candidacies: [] });
    expect(outcome.posts[0]!.explanation.at(-1)).toEqual(plain('no candidate for chair; a majority of 4 could still form, e.g. a + b + c (4): open'));
  });
});
