/** The contest of alignments in the model, on hand-made councils. */
import { describe, expect, it } from 'vitest';
import { type AlignmentInput, alignmentLine, decideAlignments } from '../../src/model/vote/alignments.js';

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
    expect(alignmentLine(contest.alignments[0]!, 8)).toBe('deal x: a 5 + b 3 = 8 ≥ 8 ⇒ elected');
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
});
