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
