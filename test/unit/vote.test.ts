/**
 * The council vote: quorum before each ballot, absolute majority of all members, packages, runoffs
 * under `rules.runoff`, and the seat a governor from the council leaves empty.
 */
import { describe, expect, it } from 'vitest';
import type { Council, VotingUnit } from '../../src/model/council.js';
import { RULES } from '../../src/model/explanation.js';
import { runVote } from '../../src/model/vote/index.js';
import { dataError } from '../helpers/errors.js';

function unit(id: string, seats: number, present?: number): VotingUnit {
  return { id, name: id, kind: 'list', seats, ...(present === undefined ? {} : { present }) };
}

// Kirkuk on 10 Aug 2024 (data/iraq-2023/outcomes-2024.yaml): 9 of 16 present; KDP 2, Arab Alliance 3 and ITF 2 boycotted.
const kirkuk2024: Council = {
  id: 'kirkuk',
  name: 'Kirkuk',
  units: [unit('puk-kirkuk', 5), unit('arab-alliance', 3, 0), unit('qiyada', 2), unit('itf', 2, 0), unit('kdp', 2, 0), unit('ouroba', 1), unit('quota-christian', 1)],
};
const kirkukCoalition = ['puk-kirkuk', 'qiyada', 'ouroba', 'quota-christian'];

describe('Kirkuk, 10 Aug 2024', () => {
  it('chair then governor: 9 present meet the quorum of 9; each post gets 5 + 2 + 1 + 1 = 9 ≥ 9, margin 0', () => {
    const outcome = runVote(kirkuk2024, {
      candidacies: [
        { post: 'chair', candidate: 'qiyada', supporters: kirkukCoalition },
        { post: 'governor', candidate: 'puk-kirkuk', supporters: kirkukCoalition },
      ],
    });
    expect(outcome.quorum).toEqual({ needed: 9, present: 9, met: true });
    expect(outcome.posts.map((p) => [p.post, p.status, p.winner, p.votes, p.needed, p.margin])).toEqual([
      ['chair', 'elected', 'qiyada', 9, 9, 0],
      ['governor', 'elected', 'puk-kirkuk', 9, 9, 0],
    ]);
    expect(outcome.posts[1]!.coalition).toEqual(kirkukCoalition);
    expect(outcome.posts[1]!.explanation.some((l) => l.rule === RULES.governorElection.citation)).toBe(true);
  });

  it('governor first: his vacated PUK seat leaves 8 present, so the chair vote has no quorum', () => {
    const outcome = runVote(kirkuk2024, {
      posts: ['governor', 'chair'],
      candidacies: [
        { post: 'chair', candidate: 'qiyada', supporters: kirkukCoalition },
        { post: 'governor', candidate: 'puk-kirkuk', supporters: kirkukCoalition },
      ],
    });
    expect(outcome.posts.map((p) => [p.post, p.status, p.present])).toEqual([
      ['governor', 'elected', 9],
      ['chair', 'no-quorum', 8],
    ]);
    const vacated = outcome.posts[0]!.explanation.find((l) => l.rule === RULES.governorVacatesSeat.citation);
    expect(vacated?.text).toContain('puk-kirkuk has 4 present for the remaining votes');
    expect(vacated?.text).toContain('n = 16 and 9 are still needed');
    // The seat still exists: the threshold stays 9.
    expect(outcome.posts[1]!.needed).toBe(9);
  });

  it('one more absence: 8 present < 9, no post can be voted', () => {
    const council = { ...kirkuk2024, units: kirkuk2024.units.map((u) => (u.id === 'ouroba' ? { ...u, present: 0 } : u)) };
    const outcome = runVote(council, { candidacies: [{ post: 'governor', candidate: 'puk-kirkuk', supporters: kirkukCoalition }] });
    expect(outcome.quorum.met).toBe(false);
    expect(outcome.posts.map((p) => [p.post, p.status, p.votes, p.margin])).toEqual([
      ['chair', 'no-quorum', 0, -9],
      ['governor', 'no-quorum', 0, -9],
    ]);
  });
});

// An abstract council of 15 (majority 8) for the procedural cases.
const fifteen: Council = { id: 'x', name: 'x', units: [unit('a', 6), unit('b', 5), unit('c', 3), unit('d', 1)] };

describe('uncontested posts', () => {
  it('no candidacy: open when some admissible coalition of those present can reach the majority', () => {
    const outcome = runVote(fifteen, { candidacies: [] });
    expect(outcome.posts.map((p) => p.status)).toEqual(['open', 'open']);
    // The smallest winning coalition of those present: a 6 + b 5 = 11? No: a + c = 9 and b + c = 8 are smaller.
    expect(outcome.posts[0]!.explanation.at(-1)!.text).toContain('e.g. b + c (8)');
  });

  it('no candidacy: deadlock when the constraints leave no coalition able to win', () => {
    // a 6, b 5, c 3, d 1 pairwise incompatible: no admissible coalition holds more than 6 < 8.
    const pairs: [string, string][] = [
      ['a', 'b'], ['a', 'c'], ['a', 'd'], ['b', 'c'], ['b', 'd'], ['c', 'd'],
    ];
    const outcome = runVote({ ...fifteen, constraints: { incompatible: pairs } }, { candidacies: [] });
    expect(outcome.posts.map((p) => p.status)).toEqual(['deadlock', 'deadlock']);
  });
});

describe('contested posts', () => {
  it('the best candidate short of the majority deadlocks without a verified runoff rule', () => {
    const outcome = runVote(fifteen, {
      posts: ['governor'],
      candidacies: [
        { post: 'governor', candidate: 'a', supporters: ['a', 'd'] },
        { post: 'governor', candidate: 'b', supporters: ['b'] },
      ],
    });
    // a + d = 7 < 8; b = 5.
    expect(outcome.posts[0]).toMatchObject({ status: 'deadlock', votes: 7, needed: 8, margin: -1, coalition: ['a', 'd'] });
    expect(outcome.posts[0]!.winner).toBeUndefined();
    expect(outcome.posts[0]!.explanation.some((l) => l.rule === RULES.noRunoff.citation)).toBe(true);
  });

  it('top-two runoff: plurality between the two leaders', () => {
    const council: Council = { ...fifteen, rules: { runoff: 'top-two' } };
    const outcome = runVote(council, {
      posts: ['governor'],
      candidacies: [
        { post: 'governor', candidate: 'a', supporters: ['a'] },
        { post: 'governor', candidate: 'b', supporters: ['b'] },
        { post: 'governor', candidate: 'c', supporters: ['c', 'd'] },
      ],
    });
    // First round a 6, b 5, c 4: nobody reaches 8; runoff a 6 vs b 5 ⇒ a.
    expect(outcome.posts[0]).toMatchObject({ status: 'elected', winner: 'a', votes: 6, margin: -2, runoff: { candidates: ['a', 'b'], votes: [6, 5] } });
    expect(outcome.posts[0]!.explanation.some((l) => l.rule === RULES.runoffTopTwo.citation)).toBe(true);
  });

  it('top-two runoff: a tie between the leaders, or for second place, deadlocks', () => {
    const council: Council = { id: 'y', name: 'y', units: [unit('a', 5), unit('b', 5), unit('c', 4), unit('d', 4)], rules: { runoff: 'top-two' } };
    // 18 members, majority 10.
    const tied = runVote(council, {
      posts: ['governor'],
      candidacies: [
        { post: 'governor', candidate: 'a', supporters: ['a'] },
        { post: 'governor', candidate: 'b', supporters: ['b'] },
      ],
    });
    expect(tied.posts[0]).toMatchObject({ status: 'deadlock', runoff: { candidates: ['a', 'b'], votes: [5, 5] } });
    const secondTied = runVote(council, {
      posts: ['governor'],
      candidacies: [
        { post: 'governor', candidate: 'a', supporters: ['a'] },
        { post: 'governor', candidate: 'c', supporters: ['c'] },
        { post: 'governor', candidate: 'd', supporters: ['d'] },
      ],
    });
    // a 5 < 10 leads; c and d tie for second with 4: the two leaders cannot be named.
    expect(secondTied.posts[0]).toMatchObject({ status: 'deadlock', votes: 5, margin: -5 });
    expect(secondTied.posts[0]!.runoff).toBeUndefined();
    expect(secondTied.posts[0]!.explanation.at(-1)!.text).toContain('second place tied (4 each)');
  });
});

describe('package ballots', () => {
  it('elects all posts of the package with one count', () => {
    const outcome = runVote(fifteen, {
      packages: [['chair', 'governor']],
      candidacies: [
        { post: 'chair', candidate: 'c', supporters: ['b', 'c'] },
        { post: 'governor', candidate: 'b', supporters: ['b', 'c'] },
        { post: 'chair', candidate: 'a', supporters: ['a'] },
      ],
    });
    // Slate (chair c, governor b) from b 5 + c 3 = 8 ≥ 8; slate (chair a, —) from a 6.
    expect(outcome.posts.map((p) => [p.post, p.status, p.winner, p.votes, p.ballot])).toEqual([
      ['chair', 'elected', 'c', 8, 0],
      ['governor', 'elected', 'b', 8, 0],
    ]);
    expect(outcome.posts[0]!.explanation.some((l) => l.rule === RULES.packageBallot.citation)).toBe(true);
  });

  it('a package that falls short deadlocks all its posts; the governor seat is vacated only after the package', () => {
    const outcome = runVote(fifteen, {
      posts: ['governor', 'chair', 'deputy-chair'],
      packages: [['governor', 'chair']],
      candidacies: [
        { post: 'governor', candidate: 'a', supporters: ['a', 'd'] },
        { post: 'chair', candidate: 'd', supporters: ['a', 'd'] },
        { post: 'deputy-chair', candidate: 'c', supporters: ['b', 'c'] },
      ],
    });
    // Slate a 6 + d 1 = 7 < 8: both deadlock, nobody vacates; deputy chair b 5 + c 3 = 8 elected.
    expect(outcome.posts.map((p) => [p.post, p.status, p.votes])).toEqual([
      ['governor', 'deadlock', 7],
      ['chair', 'deadlock', 7],
      ['deputy-chair', 'elected', 8],
    ]);
  });
});

describe('vacated seat', () => {
  const plan = {
    posts: ['governor', 'chair'],
    candidacies: [
      { post: 'governor', candidate: 'b', supporters: ['b', 'c'] },
      { post: 'chair', candidate: 'c', supporters: ['b', 'c'] },
    ],
  };

  it('a governor from the council leaves one seat empty for later votes: 5 + 3 = 8 becomes 4 + 3 = 7 < 8', () => {
    const outcome = runVote(fifteen, plan);
    expect(outcome.posts.map((p) => [p.post, p.status, p.votes, p.needed])).toEqual([
      ['governor', 'elected', 8, 8],
      ['chair', 'deadlock', 7, 8],
    ]);
  });

  it('not when the governor comes from outside the council, or the rules say the seat is kept', () => {
    expect(runVote(fifteen, { ...plan, governorIsMember: false }).posts[1]).toMatchObject({ status: 'elected', votes: 8 });
    expect(runVote({ ...fifteen, rules: { governorVacatesSeat: false } }, plan).posts[1]).toMatchObject({ status: 'elected', votes: 8 });
  });
});

describe('plan errors name the path', () => {
  it('a unit supporting two candidates for one post', () => {
    const error = dataError(() =>
      runVote(fifteen, {
        candidacies: [
          { post: 'governor', candidate: 'a', supporters: ['a', 'd'] },
          { post: 'governor', candidate: 'b', supporters: ['b', 'd'] },
        ],
      }),
    );
    expect(error.issues).toEqual([{ path: 'candidacies[1].supporters[1]', message: 'unit "d" already supports "a" for governor (candidacies[0])' }]);
  });

  it('unknown posts, units and duplicate candidacies', () => {
    const error = dataError(() =>
      runVote(fifteen, {
        packages: [['chair', 'mayor']],
        candidacies: [
          { post: 'speaker', candidate: 'a', supporters: ['a'] },
          { post: 'chair', candidate: 'a', supporters: ['zz'] },
          { post: 'chair', candidate: 'a', supporters: ['b'] },
        ],
      }),
    );
    expect(error.issues.map((i) => i.path)).toEqual(['packages[0][1]', 'candidacies[0].post', 'candidacies[1].supporters[0]', 'candidacies[2].candidate']);
    expect(error.message).toContain('unknown unit "zz" in council x (units: a, b, c, d)');
  });

  it('each message names the post, candidate or unit at fault', () => {
    const error = dataError(() =>
      runVote(fifteen, {
        candidacies: [
          { post: 'speaker', candidate: 'a', supporters: ['a'] },
          { post: 'chair', candidate: 'a', supporters: ['b', 'b'] },
          { post: 'chair', candidate: 'a', supporters: ['c'] },
        ],
      }),
    );
    expect(error.issues).toEqual([
      { path: 'candidacies[0].post', message: 'unknown post "speaker" (posts: chair, governor)' },
      { path: 'candidacies[1].supporters[1]', message: 'unit "b" is listed twice as a supporter' },
      { path: 'candidacies[2].candidate', message: '"a" already stands for chair (candidacies[1])' },
    ]);
  });

  it('an empty candidate name', () => {
    // '' is how a slate says it names nobody for a post, so a candidacy may not use it as a name.
    const error = dataError(() => runVote(fifteen, { candidacies: [{ post: 'governor', candidate: '', supporters: ['a', 'b'] }] }));
    expect(error.issues).toEqual([{ path: 'candidacies[0].candidate', message: 'the candidate is empty: name a party or actor' }]);
  });

  it('a post listed twice', () => {
    const error = dataError(() => runVote(fifteen, { posts: ['chair', 'governor', 'chair'], candidacies: [] }));
    expect(error.issues).toEqual([{ path: 'posts[2]', message: 'post "chair" is listed twice' }]);
  });

  it('a package naming an unknown post, and a post in two packages', () => {
    const error = dataError(() => runVote(fifteen, { packages: [['chair', 'mayor'], ['governor', 'chair']], candidacies: [] }));
    expect(error.issues).toEqual([
      { path: 'packages[0][1]', message: 'unknown post "mayor" (posts: chair, governor)' },
      { path: 'packages[1][1]', message: 'post "chair" is already in packages[0]' },
    ]);
  });
});
