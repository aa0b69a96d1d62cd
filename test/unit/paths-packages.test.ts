/** Package search across councils: ranking, listing limits, blocked councils and outcomes, computed by hand. */
import { describe, expect, it } from 'vitest';
import { MAX_CANDIDATES, packageFrontier, packageOutcome, PathSearchError } from '../../src/model/paths/index.js';
import type { PackageInput } from '../../src/model/paths/index.js';

// Target t, candidates a, b, c.
//   e1: threshold 3, t 1; a 2, b 2      → won with a or b (3)
//   e2: threshold 2, t 1; c 1           → won with c (2)
//   e3: threshold 2, t 1; c 1           → won with c (2)
//   e4: threshold 1, t 1, blocked       → never counted, though 1 ≥ 1
// W(∅) = 0, W(a) = W(b) = W(ab) = 1, W(c) = 2, W(ac) = W(bc) = W(abc) = 3.
// Seats added: a 2, b 2, c 1 + 1 = 2.
const ranked: PackageInput = {
  target: 't',
  candidates: ['a', 'b', 'c'],
  councils: [
    { id: 'e1', threshold: 3, core: 1, partners: [2, 2, 0], confidence: 'documented' },
    { id: 'e2', threshold: 2, core: 1, partners: [0, 0, 1], confidence: 'inferred' },
    { id: 'e3', threshold: 2, core: 1, partners: [0, 0, 1], confidence: 'documented' },
    { id: 'e4', threshold: 1, core: 1, blocked: 'vetoed', partners: [0, 0, 0], confidence: 'unresolved' },
  ],
};

// Target t, candidates p, q, r, all three in the package.
//   d1, d2: threshold 4, t 1; r 3        → 4 won; without r 1: r's defection costs both
//   d3: threshold 3, t 1; p 1, q 2       → 4 won; without q 2 < 3 (q costs it), without p 3 ≥ 3
//   d4: threshold 5, t 1; p 2; rival y 7 of which p 2   → 3 < 5, y keeps 7 − 2 = 5 ≥ 5: lost
//   d5: threshold 5, t 1; q 2; rival z 6 of which q 2   → 3 < 5, z keeps 6 − 2 = 4 < 5: open
//   d6: threshold 2, t 3, blocked
const outcome: PackageInput = {
  target: 't',
  candidates: ['p', 'q', 'r'],
  councils: [
    { id: 'd1', threshold: 4, core: 1, partners: [0, 0, 3], confidence: 'documented' },
    { id: 'd2', threshold: 4, core: 1, partners: [0, 0, 3], confidence: 'documented' },
    { id: 'd3', threshold: 3, core: 1, partners: [1, 2, 0], confidence: 'documented' },
    { id: 'd4', threshold: 5, core: 1, partners: [2, 0, 0], rival: { id: 'y', votes: 7, shares: [2, 0, 0] }, confidence: 'documented' },
    { id: 'd5', threshold: 5, core: 1, partners: [0, 2, 0], rival: { id: 'z', votes: 6, shares: [0, 2, 0] }, confidence: 'documented' },
    { id: 'd6', threshold: 2, core: 3, blocked: 'vetoed', partners: [0, 0, 0], confidence: 'documented' },
  ],
};

describe('package frontier ranking', () => {
  it('ranks by partners, then seats, then most councils won, then candidate order, and skips blocked councils', () => {
    // k = 1: a, b, c (∅ wins 0); all one partner and 2 seats, c wins 2 so it leads; a before b.
    // k = 2: c only (ac, bc contain c). k = 3: ac and bc (4 seats, 3 wins each; drop W(c) = 2), a first.
    // k = 4: e4 is blocked, nothing reaches 4.
    const frontier = packageFrontier(ranked);
    expect(frontier.alone).toBe(0);
    expect(frontier.best).toBe(3);
    expect(frontier.levels.map((level) => [level.k, level.count, level.packages.map((entry) => entry.partners.join('+'))])).toEqual([
      [1, 3, ['c', 'a', 'b']],
      [2, 1, ['c']],
      [3, 2, ['a+c', 'b+c']],
      [4, 0, []],
    ]);
    // e4 would be won numerically (1 ≥ 1) but is blocked: not among the councils, nor its confidence.
    expect(frontier.levels[0]!.packages.map((entry) => [entry.councils, entry.wins, entry.seatsAdded, entry.confidence])).toEqual([
      [['e2', 'e3'], 2, 2, 'inferred'],
      [['e1'], 1, 2, 'documented'],
      [['e1'], 1, 2, 'documented'],
    ]);
  });

  it('lists at most `limit` packages per level but counts them all', () => {
    const frontier = packageFrontier(ranked, { limit: 1 });
    expect(frontier.levels.map((level) => [level.count, level.packages.map((entry) => entry.partners.join('+'))])).toEqual([
      [3, ['c']],
      [1, ['c']],
      [2, ['a+c']],
      [0, []],
    ]);
  });

  it('reports the most any admissible package wins, not the last one enumerated', () => {
    // p wins f1 and f2 (1 + 1 = 2 each), q only f2; p–q incompatible. Enumerated ∅, p, q: best W(p) = 2.
    const frontier = packageFrontier({
      target: 't',
      candidates: ['p', 'q'],
      incompatible: [['p', 'q']],
      councils: [
        { id: 'f1', threshold: 2, core: 1, partners: [1, 0], confidence: 'documented' },
        { id: 'f2', threshold: 2, core: 1, partners: [1, 1], confidence: 'documented' },
      ],
    });
    expect(frontier.best).toBe(2);
  });
});

describe('package outcome', () => {
  it('says council by council what the package does, and orders defections by cost', () => {
    const result = packageOutcome(outcome, ['p', 'q', 'r']);
    expect(result.councils.map((council) => [council.council, council.status, council.votes, council.arithmetic])).toEqual([
      ['d1', 'won', 4, 't 1 + p 0 + q 0 + r 3 = 4 ≥ 4'],
      ['d2', 'won', 4, 't 1 + p 0 + q 0 + r 3 = 4 ≥ 4'],
      ['d3', 'won', 4, 't 1 + p 1 + q 2 + r 0 = 4 ≥ 3'],
      ['d4', 'lost', 3, 't 1 + p 2 + q 0 + r 0 = 3 < 5; y keeps 5 ≥ 5'],
      ['d5', 'open', 3, 't 1 + p 0 + q 2 + r 0 = 3 < 5'],
      ['d6', 'blocked', 3, 't 3 + p 0 + q 0 + r 0 = 3 (vetoed)'],
    ]);
    expect([result.won, result.lost, result.open]).toEqual([3, 1, 1]);
    // Given in name order, listed by cost: r (d1, d2), q (d3), p (nothing).
    expect(result.defections).toEqual([
      { partner: 'r', costs: 2, councils: ['d1', 'd2'] },
      { partner: 'q', costs: 1, councils: ['d3'] },
      { partner: 'p', costs: 0, councils: [] },
    ]);
  });

  it('rejects a partner that is not a candidate, naming the candidates', () => {
    expect(() => packageOutcome(outcome, ['p', 'x'])).toThrow(PathSearchError);
    expect(() => packageOutcome(outcome, ['p', 'x'])).toThrow('"x" is not a candidate partner (candidates: p, q, r)');
  });

  it('accepts exactly MAX_CANDIDATES candidates and refuses one more', () => {
    const ids = (n: number): string[] => Array.from({ length: n }, (_, i) => `p${i}`);
    expect(MAX_CANDIDATES).toBe(22);
    expect(packageOutcome({ target: 't', candidates: ids(22), councils: [] }, ['p21'])).toMatchObject({ partners: ['p21'], won: 0, defections: [{ partner: 'p21', costs: 0 }] });
    expect(() => packageOutcome({ target: 't', candidates: ids(23), councils: [] }, [])).toThrow(/23 candidate partners: a package search covers at most 22/);
  });
});
