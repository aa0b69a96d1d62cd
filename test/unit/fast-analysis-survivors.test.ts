/**
 * The numeric core on hand-worked councils: the enumerated path taken with incompatibilities (fewest units,
 * a capped list, int32 masks up to 31 units), the declared-coalition default, the x → x slots, and the
 * single buffer its workspace is laid out in.
 */
import { describe, expect, it } from 'vitest';
import { analyzeFast, prepareCouncil } from '../../src/model/analysis/index.js';
import type { Council, VotingUnit } from '../../src/model/council.js';

function unit(id: string, seats: number): VotingUnit {
  return { id, name: id, kind: 'list', seats };
}

// a 5, b 4, c 4, d–h 1 each: n = 18, majority 10; a refuses both b and c. Minimal winning coalitions:
// {a, d, e, f, g, h} = 5 + 5 = 10 (6 units), and {b, c} + two of the five one-seat lists = 4 + 4 + 2 = 10
// (4 units, C(5,2) = 10 of them): 11 in all, fewest votes 10, fewest units 4. The search takes the heaviest
// first, so the first coalition it finds is a's, with 6 units.
const refusing: Council = {
  id: 'c',
  name: 'c',
  units: [unit('a', 5), unit('b', 4), unit('c', 4), unit('d', 1), unit('e', 1), unit('f', 1), unit('g', 1), unit('h', 1)],
  constraints: { incompatible: [['a', 'b'], ['a', 'c']] },
};

describe('the enumerated minimal winning coalitions (a council with incompatibilities)', () => {
  it('give the fewest units over all of them, not those of the first found', () => {
    const fast = analyzeFast(prepareCouncil(refusing), { power: false });
    expect([fast.minimalCount, fast.minimalCountExact]).toEqual([11, true]);
    expect(fast.minimal[0]).toBe(0b11111001); // a + d..h, found first
    expect([fast.fewestVotes, fast.fewestUnits]).toEqual([10, 4]);
  });

  it('report a count cut at the list limit as a lower bound', () => {
    const fast = analyzeFast(prepareCouncil(refusing), { power: false, listLimit: 5 });
    expect(fast.minimal.length).toBe(5);
    expect([fast.minimalCount, fast.minimalCountExact]).toEqual([5, false]);
  });

  it('stay an int32 list at 31 units, the widest that fits', () => {
    // 28 empty units, then a 2, b 2, c 1 at bits 28–30 with a and b apart: n = 5, majority 3, and the
    // minimal winning coalitions are {a, c} = 2^28 + 2^30 and {b, c} = 2^29 + 2^30, both below 2^31.
    const padding = Array.from({ length: 28 }, (_, i) => unit(`z${i}`, 0));
    const council: Council = { id: 'c', name: 'c', units: [...padding, unit('a', 2), unit('b', 2), unit('c', 1)], constraints: { incompatible: [['a', 'b']] } };
    const fast = analyzeFast(prepareCouncil(council), { power: false });
    expect(fast.minimal).toBeInstanceOf(Int32Array);
    expect(Array.from(fast.minimal).sort((x, y) => x - y)).toEqual([2 ** 28 + 2 ** 30, 2 ** 29 + 2 ** 30]);
  });
});

describe('the numeric core without a declared coalition', () => {
  it('gives -1 declared votes, not the weight of every unit', () => {
    expect(analyzeFast(prepareCouncil(refusing), { power: false }).declaredVotes).toBe(-1);
  });

  it('leaves the x → x slots (no change) at 0 in every table', () => {
    // a 3, b 2: n = 5, majority 3; {a} and {a, b} win, so a majority forms. Slot x·3 + y; x → x at 0 and 4.
    const council: Council = { id: 'c', name: 'c', units: [unit('a', 3), unit('b', 2)] };
    const fast = analyzeFast(prepareCouncil(council), { power: false });
    expect(fast.majorityForms).toBe(true);
    for (const slot of [0, 4]) expect([fast.hingeLost[slot], fast.hingeGained[slot], fast.majorityAfter[slot]]).toEqual([0, 0, 0]);
    // a → b leaves a 2, b 3: {b} wins.
    expect(fast.majorityAfter[1]).toBe(1);
  });
});

describe('the workspace buffer', () => {
  // All result arrays of a prepared council are carved from one ArrayBuffer: float64s, then int32s, then bytes.
  // Per m units: hinge lost, gained m(m+1) each, swings m, Shapley–Shubik m plus m² scratch; the minimal list
  // 1024 int32; majority after m(m+1) plus m defections plus m declared flags as bytes.

  it('holds the weight-count tables of a council without incompatibilities, computed once', () => {
    // a 3, b 2: q = 3. Count tables: g 4, without 2 weights × 4, scratch 4, pair tables 2² twice = 24 float64;
    // class search (2 weight classes, n = 3): 3 float64 and 2·3 + 5·3 = 21 int32; results 6 + 6 + 2 + 2 + 4 = 20.
    // (24 + 3 + 20)·8 + (1024 + 21)·4 + (6 + 2 + 2) = 376 + 4180 + 10 = 4566 bytes.
    const council: Council = { id: 'c', name: 'c', units: [unit('a', 3), unit('b', 2)] };
    expect(analyzeFast(prepareCouncil(council)).hingeLost.buffer.byteLength).toBe(4566);
  });

  it('leaves them out when incompatibilities are counted another way', () => {
    // m = 8, no class search: (72 + 72 + 8 + 8 + 64)·8 + 1024·4 + (72 + 8 + 8) = 1792 + 4096 + 88 = 5976 bytes.
    expect(analyzeFast(prepareCouncil(refusing)).hingeLost.buffer.byteLength).toBe(5976);
  });
});
