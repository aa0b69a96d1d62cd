/** The contest of alignments in the model, on hand-made councils. */
import { describe, expect, it } from 'vitest';
import { type AlignmentInput, alignmentLabel, alignmentLine, decideAlignments } from '../../src/model/vote/alignments.js';

const alignment = (kind: AlignmentInput['kind'], id: string, units: string[], extra: Partial<AlignmentInput> = {}): AlignmentInput => ({
  kind,
  id,
  units,
  actors: [],
  governor: kind === 'against' ? null : units[0] ?? null,
  governorSeated: true,
  step: kind === 'list' || kind === 'against' ? -1 : 0,
  ...extra,
});

const present = new Map([
  ['a', 5],
  ['b', 3],
  ['c', 4],
  ['d', 3],
]);

describe('decideAlignments', () => {
  it('elects the one alignment at the threshold (absolute majority 8 of 15)', () => {
    const contest = decideAlignments([alignment('deal', 'x', ['a', 'b']), alignment('bloc', 'y', ['c', 'd'])], present, 8, true);
    // x: 5 + 3 = 8 ≥ 8; y: 4 + 3 = 7 < 8.
    expect(contest.elected?.id).toBe('x');
    expect(contest.alignments.map((a) => a.status)).toEqual(['elected', 'short']);
    expect(alignmentLine(contest.alignments[0]!, 8, true)).toBe('deal x: a 5 + b 3 = 8 ≥ 8 ⇒ elected');
    expect(alignmentLine(contest.alignments[1]!, 8, true)).toBe('bloc y: c 4 + d 3 = 7 < 8');
  });

  it('elects nobody on a tie under a low scenario threshold (7 and 7 with a threshold of 6)', () => {
    const tied = new Map([...present, ['d', 2]]);
    // x: a 5 + d 2 = 7; y: c 4 + b 3 = 7; both ≥ 6 with equal votes.
    const contest = decideAlignments([alignment('deal', 'x', ['a', 'd']), alignment('bloc', 'y', ['c', 'b'])], tied, 6, true);
    expect(contest.elected).toBeUndefined();
    expect(contest.tie).toBe(true);
    expect(contest.alignments.map((a) => a.status)).toEqual(['tied', 'tied']);
  });

  it('elects the one with most votes when several reach a low threshold', () => {
    // x: 5 + 3 = 8, y: 4 + 3 = 7, threshold 6 ⇒ x.
    const contest = decideAlignments([alignment('deal', 'x', ['a', 'b']), alignment('bloc', 'y', ['c', 'd'])], present, 6, true);
    expect(contest.elected?.id).toBe('x');
    expect(contest.alignments[1]!.status).toBe('short');
  });

  it('never elects a void alignment, voters against, or anyone without quorum', () => {
    const contest = decideAlignments([alignment('deal', 'x', ['a', 'b'], { voidReason: 'vetoed' }), alignment('against', 'c>none', ['c'])], present, 4, true);
    expect(contest.elected).toBeUndefined();
    expect(contest.claimed).toBe(false);
    expect(decideAlignments([alignment('list', 'a', ['a'])], present, 4, false).elected).toBeUndefined();
  });

  it('reports the strongest claim when nobody is elected: most votes, a deal before a bloc on a tie', () => {
    const contest = decideAlignments([alignment('bloc', 'y', ['b']), alignment('deal', 'x', ['d']), alignment('list', 'a', ['a'])], present, 8, true);
    // y 3 and x 3 tie ⇒ the deal x; the list a (5) is not a claim.
    expect(contest.leading?.id).toBe('x');
    expect(contest.claimed).toBe(true);
  });

  it('elects an alignment above a low threshold even when voters against or a void deal hold more votes', () => {
    // Threshold 4 (a scenario rule), list a 5 ≥ 4 in both contests; first c>none c 4 + d 3 = 7 votes against, then
    // deal v b 3 + d 3 = 6 is void. Neither 7 nor 6 is a candidate, so a's 5 is the top vote and a alone is elected.
    const against = decideAlignments([alignment('list', 'a', ['a']), alignment('against', 'c>none', ['c', 'd'])], present, 4, true);
    expect(against.alignments.map((a) => a.status)).toEqual(['elected', 'against']);
    expect(against.elected?.id).toBe('a');
    expect(against.tie).toBe(false);
    const voided = decideAlignments([alignment('deal', 'v', ['b', 'd'], { voidReason: 'its governor party left it' }), alignment('list', 'a', ['a'])], present, 4, true);
    expect(voided.alignments.map((a) => a.status)).toEqual(['void', 'elected']);
    expect(voided.elected?.id).toBe('a');
  });

  it('elects an alignment that reaches a threshold of 0 with no votes at all', () => {
    // Unit e is not in the present map: 0 members; 0 ≥ 0 with quorum ⇒ elected (scenario rules start at 1, the rule holds below).
    const contest = decideAlignments([alignment('list', 'e', ['e'])], present, 0, true);
    expect(contest.alignments[0]!.status).toBe('elected');
    expect(contest.elected?.id).toBe('e');
  });

  it('reports the bloc with most votes over a deal with fewer, whatever the order', () => {
    // bloc y a 5 > deal x b 3; both short of 8: the deal-first rule only breaks equal votes.
    const contest = decideAlignments([alignment('bloc', 'y', ['a']), alignment('deal', 'x', ['b'])], present, 8, true);
    expect(contest.elected).toBeUndefined();
    expect(contest.leading?.id).toBe('y');
  });

  it('gives each tally exactly the input fields it has, plus votes, parts and status', () => {
    const contest = decideAlignments(
      [
        alignment('list', 'a', ['a']),
        alignment('rump', 'cf', ['c', 'd'], { without: ['b'] }),
        alignment('deal', 'v', ['b'], { voidReason: 'vetoed' }),
      ],
      present,
      8,
      true,
    );
    // a 5 < 8; cf c 4 + d 3 = 7 < 8; v b 3 (void). No key for an absent `without` or `voidReason`.
    expect(contest.alignments).toStrictEqual([
      { kind: 'list', id: 'a', units: ['a'], actors: [], governor: 'a', governorSeated: true, step: -1, votes: 5, parts: [{ unit: 'a', votes: 5 }], status: 'short' },
      {
        kind: 'rump',
        id: 'cf',
        units: ['c', 'd'],
        actors: [],
        governor: 'c',
        governorSeated: true,
        step: 0,
        without: ['b'],
        votes: 7,
        parts: [
          { unit: 'c', votes: 4 },
          { unit: 'd', votes: 3 },
        ],
        status: 'short',
      },
      { kind: 'deal', id: 'v', units: ['b'], actors: [], governor: 'b', governorSeated: true, step: 0, voidReason: 'vetoed', votes: 3, parts: [{ unit: 'b', votes: 3 }], status: 'void' },
    ]);
  });
});

describe('alignmentLabel', () => {
  it('names each kind of alignment', () => {
    expect(alignmentLabel({ kind: 'deal', id: 'badr-sadr' })).toBe('deal badr-sadr');
    expect(alignmentLabel({ kind: 'bloc', id: 'cf' })).toBe('bloc cf');
    expect(alignmentLabel({ kind: 'rump', id: 'cf', without: ['badr', 'nsf'] })).toBe('cf (rump without badr, nsf)');
    expect(alignmentLabel({ kind: 'list', id: 'tasmim' })).toBe('list tasmim');
    expect(alignmentLabel({ kind: 'against', id: 'badr>none' })).toBe('badr>none (voting against)');
  });

  it('names nobody after "without" for a rump given no departed units', () => {
    expect(alignmentLabel({ kind: 'rump', id: 'cf' })).toBe('cf (rump without )');
  });
});

describe('alignmentLine', () => {
  it('writes a tie under a low threshold as not elected', () => {
    const tied = new Map([...present, ['d', 2]]);
    // x: a 5 + d 2 = 7; y: c 4 + b 3 = 7; both ≥ 6 with equal votes.
    const contest = decideAlignments([alignment('deal', 'x', ['a', 'd']), alignment('bloc', 'y', ['c', 'b'])], tied, 6, true);
    expect(contest.alignments.map((a) => alignmentLine(a, 6, true))).toEqual([
      'deal x: a 5 + d 2 = 7 ≥ 6, tied with another alignment ⇒ not elected',
      'bloc y: c 4 + b 3 = 7 ≥ 6, tied with another alignment ⇒ not elected',
    ]);
  });

  it('writes an alignment outvoted under a low threshold as not elected, not as lacking quorum', () => {
    // x: a 5 + b 3 = 8 and y: c 4 + d 3 = 7 both reach 6 with quorum; 8 > 7 ⇒ x.
    const contest = decideAlignments([alignment('deal', 'x', ['a', 'b']), alignment('bloc', 'y', ['c', 'd'])], present, 6, true);
    expect(contest.alignments.map((a) => alignmentLine(a, 6, true))).toEqual([
      'deal x: a 5 + b 3 = 8 ≥ 6 ⇒ elected',
      'bloc y: c 4 + d 3 = 7 ≥ 6, fewer votes than another alignment ⇒ not elected',
    ]);
  });

  it('writes a void alignment with its reason, even at the threshold', () => {
    // a 5 + b 3 = 8 ≥ 8, but void: never elected.
    const contest = decideAlignments([alignment('deal', 'x', ['a', 'b'], { voidReason: 'its governor party left it' })], present, 8, true);
    expect(contest.alignments[0]!.status).toBe('void');
    expect(alignmentLine(contest.alignments[0]!, 8, true)).toBe('deal x: a 5 + b 3 = 8 (void: its governor party left it)');
  });

  it('writes voters against as backing no candidate', () => {
    // c 4 + d 3 = 7 ≥ 6, but they vote against every line.
    const contest = decideAlignments([alignment('against', 'c>none', ['c', 'd'])], present, 6, true);
    expect(contest.alignments[0]!.status).toBe('against');
    expect(alignmentLine(contest.alignments[0]!, 6, true)).toBe('c>none (voting against): c 4 + d 3 = 7 (no candidate)');
  });

  it('writes alignments at and above the threshold without quorum as lacking it, those below as short', () => {
    // Threshold 7, no quorum: x a 5 + b 3 = 8 > 7, y c 4 + d 3 = 7 = 7, list e (nobody present) 0 < 7. Nobody is elected.
    const contest = decideAlignments([alignment('deal', 'x', ['a', 'b']), alignment('bloc', 'y', ['c', 'd']), alignment('list', 'e', ['e'])], present, 7, false);
    expect(contest.alignments.map((a) => a.status)).toEqual(['short', 'short', 'short']);
    expect(contest.alignments.map((a) => alignmentLine(a, 7, false))).toEqual([
      'deal x: a 5 + b 3 = 8 ≥ 7 but no quorum',
      'bloc y: c 4 + d 3 = 7 ≥ 7 but no quorum',
      'list e: e 0 = 0 < 7',
    ]);
  });

  it('writes a rump with the units that left it', () => {
    // Deals took a and b out of bloc cf: c 4 + d 3 = 7 < 8.
    const contest = decideAlignments([alignment('rump', 'cf', ['c', 'd'], { without: ['a', 'b'] })], present, 8, true);
    expect(alignmentLine(contest.alignments[0]!, 8, true)).toBe('cf (rump without a, b): c 4 + d 3 = 7 < 8');
  });

  it('writes "nobody" for an alignment with neither units nor backers, and names zero-seat backers', () => {
    const contest = decideAlignments([alignment('deal', 'ghost', []), alignment('deal', 'outside', [], { actors: ['pm'] })], present, 8, true);
    // No parts: nobody = 0 < 8; one zero-seat backer: pm 0 = 0 < 8.
    expect(contest.alignments.map((a) => alignmentLine(a, 8, true))).toEqual(['deal ghost: nobody = 0 < 8', 'deal outside: pm 0 = 0 < 8']);
  });
});
