/**
 * The plain-text line of each hinge, word for word, on small hand-built councils: the change, the declared
 * coalition's arithmetic or whether any majority is left, the minimal winning coalitions removed and added
 * (named up to two, counted above), and the changes folded in as alike. Worked by hand in the comments;
 * majority and quorum are floor(members/2) + 1.
 */
import { describe, expect, it } from 'vitest';
import { analyzeCouncil, type AnalysisOptions, type HingeChange, type HingeSeat } from '../../src/model/analysis/index.js';
import type { Council, VotingUnit } from '../../src/model/council.js';

function unit(id: string, seats: number, present?: number): VotingUnit {
  return { id, name: id, kind: 'list', seats, blocs: [], ...(present === undefined ? {} : { present }) };
}

function council(units: VotingUnit[]): Council {
  return { id: 'x', name: 'x', units };
}

/** The hinge entry led by `change` (not one folded into another entry's alike list). */
function hingeText(c: Council, change: HingeChange, options: AnalysisOptions = {}): string | undefined {
  const same = (h: HingeSeat): boolean => JSON.stringify(h.change) === JSON.stringify(change);
  return analyzeCouncil(c, options).hinges.find(same)?.text;
}

describe('hinge text without a declared coalition', () => {
  it('a 3, b 2, c 2: three coalitions are counted, one is named, alike changes are listed', () => {
    // 7 members, quota 4. Minimal winning: a+b 5, a+c 5, b+c 4. b and c are interchangeable.
    const c = council([unit('a', 3), unit('b', 2), unit('c', 2)]);
    // b → a: a 4 wins alone, so a is the only minimal winning coalition: all three are lost, a is gained.
    expect(hingeText(c, { kind: 'move', from: 'b', to: 'a' })).toBe('move 1 seat b → a: minimal winning coalitions −3 coalitions, +a (alike: c → a)');
    // b absent: a 3, b 1, c 2, 6 present ≥ 4 (quorum unchanged, so voting against is the same game).
    // a+b 4 and a+c 5 stay minimal; b+c 3 loses; nothing new.
    expect(hingeText(c, { kind: 'absent', from: 'b' })).toBe('1 b member absent: minimal winning coalitions −b + c (alike: b against, c absent, c against)');
  });

  it('a 2, b 2, c 1: two lost coalitions are named, separated by a semicolon', () => {
    // 5 members, quota 3. Minimal winning: a+b 4, a+c 3, b+c 3.
    // c absent: a 2, b 2, 4 present ≥ 3; only a+b is left, a+c and b+c (2 each) lose.
    const c = council([unit('a', 2), unit('b', 2), unit('c', 1)]);
    expect(hingeText(c, { kind: 'absent', from: 'c' })).toBe('1 c member absent: minimal winning coalitions −a + c; b + c (alike: c against)');
  });

  it('a 3, b 2, c 2 of whom none present: one lost and one gained, or only gained, without alike', () => {
    // 7 members, quota 4, 5 present ≥ 4. Minimal winning: a+b 5 only (c weighs 0).
    const c = council([unit('a', 3), unit('b', 2), unit('c', 2, 0)]);
    // b → a: a 4 wins alone: a+b lost, a gained.
    expect(hingeText(c, { kind: 'move', from: 'b', to: 'a' })).toBe('move 1 seat b → a: minimal winning coalitions −a + b, +a');
    // b → c: a 3, b 1, c 1: a+b 4 stays, a+c 4 is new, b+c 2 does not win.
    expect(hingeText(c, { kind: 'move', from: 'b', to: 'c' })).toBe('move 1 seat b → c: minimal winning coalitions +a + c');
  });

  it('a majority becomes possible when a seat leaves an excluded unit', () => {
    // 7 members, quota 4; a excluded: b 2 + c 1 = 3 < 4, no majority.
    // a → b: b 3 + c 1 = 4 wins; a → c: b 2 + c 2 = 4 wins (b and c differ in weight: two entries).
    const c = council([unit('a', 4), unit('b', 2), unit('c', 1)]);
    const options = { constraints: { excluded: ['a'] } };
    expect(hingeText(c, { kind: 'move', from: 'a', to: 'b' }, options)).toBe('move 1 seat a → b: a majority becomes possible: minimal winning coalitions +b + c');
    expect(hingeText(c, { kind: 'move', from: 'a', to: 'c' }, options)).toBe('move 1 seat a → c: a majority becomes possible: minimal winning coalitions +b + c');
  });

  it('no admissible coalition reaches the quota once a seat leaves it', () => {
    // 7 members, quota 4; c excluded: a 2 + b 2 = 4, the one minimal winning coalition.
    // a → c or a absent (6 present ≥ 4): a 1 + b 2 = 3 < 4. a and b are interchangeable.
    const c = council([unit('a', 2), unit('b', 2), unit('c', 3)]);
    const options = { constraints: { excluded: ['c'] } };
    expect(hingeText(c, { kind: 'move', from: 'a', to: 'c' }, options)).toBe(
      'move 1 seat a → c: no admissible coalition can reach 4 any more: minimal winning coalitions −a + b (alike: b → c)',
    );
    expect(hingeText(c, { kind: 'absent', from: 'a' }, options)).toBe(
      '1 a member absent: no admissible coalition can reach 4 any more: minimal winning coalitions −a + b (alike: a against, b absent, b against)',
    );
  });
});

describe('hinge text with a declared coalition', () => {
  it('gains the majority', () => {
    // a 3, b 2, c 2: quota 4. a alone 3; b → a gives a 4: a is then the only minimal winning coalition.
    const c = council([unit('a', 3), unit('b', 2), unit('c', 2)]);
    expect(hingeText(c, { kind: 'move', from: 'b', to: 'a' }, { coalition: ['a'] })).toBe(
      'move 1 seat b → a: a 3 → 4 of 4 needed: gains the majority: minimal winning coalitions −3 coalitions, +a (alike: c → a)',
    );
  });

  it('still a majority, with the votes unchanged or changed', () => {
    // a 3, b 2, c 2: quota 4; a + b hold 5. c absent: a + b still 5; b absent: 4. Either way b+c (then 3) loses.
    const c = council([unit('a', 3), unit('b', 2), unit('c', 2)]);
    const options = { coalition: ['a', 'b'] };
    expect(hingeText(c, { kind: 'absent', from: 'c' }, options)).toBe('1 c member absent: a + b 5 of 4 needed: still a majority: minimal winning coalitions −b + c (alike: c against)');
    expect(hingeText(c, { kind: 'absent', from: 'b' }, options)).toBe('1 b member absent: a + b 5 → 4 of 4 needed: still a majority: minimal winning coalitions −b + c (alike: b against)');
  });

  it('still no majority', () => {
    // a 3, b 2, c 2: quota 4; c holds 2. b absent: c still 2 < 4; b+c (then 3) loses.
    const c = council([unit('a', 3), unit('b', 2), unit('c', 2)]);
    expect(hingeText(c, { kind: 'absent', from: 'b' }, { coalition: ['c'] })).toBe('1 b member absent: c 2 of 4 needed: still no majority: minimal winning coalitions −b + c (alike: b against)');
  });

  it('contradictory constraints: the declared votes flip, with no coalition to list', () => {
    // a 3, b 1, c 3: quota 4; a and b required but incompatible, so no admissible coalition exists before or
    // after any change. a + b hold 4; a absent leaves 3 < 4.
    const c = council([unit('a', 3), unit('b', 1), unit('c', 3)]);
    const options = { coalition: ['a', 'b'], constraints: { required: ['a', 'b'], incompatible: [['a', 'b']] as [string, string][] } };
    const analysis = analyzeCouncil(c, options);
    const absent = analysis.hinges.find((h) => h.change.kind === 'absent' && h.change.from === 'a')!;
    expect(absent.text).toBe('1 a member absent: a + b 4 → 3 of 4 needed: loses the majority (alike: a against)');
    expect(analysis.hinges.every((h) => h.minimalGained === 0 && h.minimalLost === 0)).toBe(true);
  });
});
