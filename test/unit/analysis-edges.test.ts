/** Hand-computed edge cases of the council analysis, each also checked against the independent brute force. */
import { describe, expect, it } from 'vitest';
import { analyzeFast, prepareCouncil } from '../../src/model/analysis/index.js';
import { type Council, majorityText, quorumBasisText } from '../../src/model/council.js';
import { bruteForce } from '../helpers/brute-force.js';

describe('a move that leaves no winning coalition at all', () => {
  // a 5 free, b 4 excluded: n = 9, majority 5. Only {a} wins (5 ≥ 5). One seat a → b leaves a with 4 and b
  // excluded: no admissible coalition reaches 5, so the majority is lost although no coalition is declared.
  const council: Council = { id: 'c', name: 'c', units: [{ id: 'a', name: 'a', kind: 'list', seats: 5 }, { id: 'b', name: 'b', kind: 'list', seats: 4 }], constraints: { excluded: ['b'] } };

  it('is a majority flip', () => {
    const prepared = prepareCouncil(council);
    const fast = analyzeFast(prepared, { power: false });
    const slot = 0 * (prepared.size + 1) + 1;
    expect(fast.winningCount).toBe(1);
    expect(fast.majorityForms).toBe(true);
    expect([fast.hingeLost[slot], fast.hingeGained[slot], fast.majorityAfter[slot]]).toEqual([1, 0, 0]);
    const move = bruteForce(council).changes.find((change) => change.kind === 'move' && change.from === 0 && change.to === 1)!;
    expect([move.winningLost, move.winningGained, move.after.majorityForms]).toEqual([1, 0, false]);
  });
});

describe('the fewest votes among minimal winning coalitions, with an incompatibility', () => {
  // a 5, b 3, c 1, d 5, e 3, f 3, g 5 = 25, majority 13; f and a refuse each other. The enumeration finds a
  // 15-vote coalition first and does not end on a 13-vote one; the least is 13 (d 5 + g 5 + b 3), 3 units.
  const seats = [5, 3, 1, 5, 3, 3, 5];
  const council: Council = {
    id: 'c',
    name: 'c',
    units: seats.map((n, i) => ({ id: 'abcdefg'[i]!, name: 'abcdefg'[i]!, kind: 'list', seats: n })),
    constraints: { incompatible: [['f', 'a']] },
  };

  it('is the minimum over all of them, not the first or the last found', () => {
    const fast = analyzeFast(prepareCouncil(council), { power: false });
    const votes = (mask: number): number => seats.reduce((sum, n, i) => sum + ((mask >> i) & 1 ? n : 0), 0);
    const minimal = bruteForce(council).base.minimal;
    expect(Math.min(...minimal.map(votes))).toBe(13);
    expect([fast.fewestVotes, fast.fewestUnits]).toEqual([13, 3]);
    expect(votes(fast.minimal[fast.minimal.length - 1]!)).not.toBe(13);
  });
});

describe('rule texts without a stated basis', () => {
  const units = [{ id: 'a', name: 'a', kind: 'list' as const, seats: 15 }];

  it('name a custom majority and quorum generically, and a stated basis as given', () => {
    expect(majorityText({ id: 'c', name: 'c', units, rules: { majority: 10 } }, 15, 10)).toBe('custom majority = 10 of 15 members, present or not');
    expect(majorityText({ id: 'c', name: 'c', units, rules: { majority: 10, basis: 'two thirds' } }, 15, 10)).toBe('two thirds = 10 of 15 members, present or not');
    expect(majorityText({ id: 'c', name: 'c', units }, 15, 8)).toBe('absolute majority = floor(15/2) + 1 = 8 of 15 members, present or not');
    expect(quorumBasisText({ id: 'c', name: 'c', units, rules: { quorum: 12 } })).toBe(' (custom quorum)');
    expect(quorumBasisText({ id: 'c', name: 'c', units, rules: { quorum: 12, quorumBasis: 'members - 3' } })).toBe(' (members - 3)');
    expect(quorumBasisText({ id: 'c', name: 'c', units })).toBe('');
  });
});
