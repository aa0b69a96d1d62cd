/** Golden cases for "what would it take", each computed by hand in the comments. */
import { describe, expect, it } from 'vitest';
import { breakingPoints, councilPaths, minimalSets, naivePackageFrontier, packageFrontier, packageOutcome, PathSearchError } from '../../src/model/paths/index.js';
import type { PackageInput, PathsCouncil } from '../../src/model/paths/index.js';
import { unit } from '../helpers/paths-unit.js';


// 15 members, threshold floor(15/2) + 1 = 8, quorum 8. Bloc x = a 5 + b 3 = 8 governs with margin 0.
const toy: PathsCouncil = {
  id: 'toy',
  threshold: 8,
  quorum: 8,
  units: [unit('a', 5, 'x'), unit('b', 3, 'x'), unit('c', 2), unit('d', 2), unit('e', 1), unit('f', 1), unit('g', 1)],
  alignments: [{ id: 'x', kind: 'bloc' }, ...['c', 'd', 'e', 'f', 'g'].map((id) => ({ id, kind: 'list' as const }))],
  governing: 'x',
  incompatible: [],
  confidence: 'documented',
};

describe('minimal partner sets', () => {
  it('lists every minimal set for a alone, ranked by seats then parties', () => {
    // a 5 needs 8 − 5 = 3 more. Minimal sets sum to 3..3+3−1 = 5 with sum − lightest < 3:
    //   sum 3: {b}; {c or d} × {e, f or g} (6 sets); {e, f, g}      sum 4: {c, d} (4 − 2 = 2 < 3)
    //   {b, e} = 4 is not minimal (4 − 1 = 3 ≥ 3); sum 5 needs items > 2: only b, impossible.
    const result = councilPaths(toy, { id: 'a', units: ['a'] }, { limit: 50 });
    const partners = result.paths.filter((path) => path.kind === 'partners').map((path) => path.add.join('+'));
    expect(partners).toEqual(['b', 'c+e', 'c+f', 'c+g', 'd+e', 'd+f', 'd+g', 'e+f+g', 'c+d']);
    expect(result.partnerSets).toBe(9);
    expect(result.complete).toBe(true);
    const first = result.paths[0]!;
    expect(first).toMatchObject({ kind: 'partners', add: ['b'], seatsAdded: 3, votes: 8, margin: 0 });
    expect(first.arithmetic).toBe('a 5 + b 3 = 8 ≥ 8, margin 0');
    const cd = result.paths.find((path) => path.add.join('+') === 'c+d')!;
    expect(cd).toMatchObject({ seatsAdded: 4, votes: 9, margin: 1 });
  });

  it('lists 3 members won over or moved from b, the only other unit with 3', () => {
    const result = councilPaths(toy, { id: 'a', units: ['a'] });
    const defections = result.paths.filter((path) => path.kind === 'defections');
    expect(defections.map((path) => path.members)).toEqual([[{ unit: 'b', seats: 3 }]]);
    expect(result.paths.filter((path) => path.kind === 'transfer').map((path) => path.members)).toEqual([[{ unit: 'b', seats: 3 }]]);
  });

  it('drops an incompatible unit and a set joining two incompatible partners', () => {
    // a–b incompatible: b cannot join. c–d incompatible: {c, d} cannot form. 9 − 2 = 7 sets left.
    const result = councilPaths({ ...toy, incompatible: [['a', 'b'], ['c', 'd']] }, { id: 'a', units: ['a'] }, { limit: 50 });
    const partners = result.paths.filter((path) => path.kind === 'partners').map((path) => path.add.join('+'));
    expect(partners).toEqual(['c+e', 'c+f', 'c+g', 'd+e', 'd+f', 'd+g', 'e+f+g']);
    expect(result.unavailable).toEqual([{ unit: 'b', reason: 'incompatible with a' }]);
    expect(result.partnerSets).toBe(7);
    expect(result.partnerCountIsExact).toBe(true);
  });

  it('keeps units bound by another deal out', () => {
    const council: PathsCouncil = { ...toy, units: toy.units.map((u) => (u.id === 'b' ? { ...u, alignment: 'deal-b' } : u)), alignments: [...toy.alignments, { id: 'deal-b', kind: 'deal' }] };
    const result = councilPaths(council, { id: 'a', units: ['a'] });
    expect(result.unavailable).toEqual([{ unit: 'b', reason: 'bound by deal deal-b' }]);
  });

  it('brings back absent members of the target first when they suffice', () => {
    // a has 5 seats, 2 present: 2 + b 3 = 5; a needs 8 − 2 = 6; 3 of a's members are absent, not enough;
    // with a at 4 present the deficit is 4 − … : use a at 6 seats, 4 present: deficit 8 − 4 = 4 > 2 absent.
    // a 7 seats, 5 present (2 absent) in a 17-seat council, threshold 9: deficit 4; absent 2 < 4 ⇒ no return path.
    // a 7 seats, 6 present, threshold 8 (explicit): deficit 2; 1 absent < 2 ⇒ none. 
    // Simplest: a 7 seats, 5 present, threshold 7: deficit 2 = the 2 absent ⇒ one return path, 2 members of a.
    const council: PathsCouncil = { ...toy, threshold: 7, units: [unit('a', 7, 'a', { present: 5 }), unit('b', 3), unit('c', 2)] };
    const result = councilPaths(council, { id: 'a', units: ['a'] });
    const back = result.paths.find((path) => path.kind === 'return')!;
    expect(back).toMatchObject({ members: [{ unit: 'a', seats: 2 }], seatsAdded: 2, votes: 7, margin: 0 });
  });

  it('carries the weakest confidence of the seats it rests on', () => {
    const council: PathsCouncil = { ...toy, units: toy.units.map((u) => (u.id === 'c' ? { ...u, confidence: 'unresolved' } : u)) };
    const result = councilPaths(council, { id: 'a', units: ['a'] }, { limit: 50 });
    expect(result.paths.find((path) => path.add.join('+') === 'b')!.confidence).toBe('documented');
    expect(result.paths.find((path) => path.add.join('+') === 'c+e')!.confidence).toBe('unresolved');
  });

  it('lists nothing for a target that already reaches the threshold or is blocked', () => {
    expect(councilPaths(toy, { id: 'x', units: ['a', 'b'] })).toMatchObject({ deficit: 0, paths: [] });
    expect(councilPaths(toy, { id: 'c', units: ['c'], blocked: 'vetoed' })).toMatchObject({ blocked: 'vetoed', paths: [] });
  });
});

describe('breaking points', () => {
  it('breaks a margin-0 majority with any exit or one member', () => {
    // x = a 5 + b 3 = 8, threshold 8, margin 0: one vote fewer breaks it. Exits: {b} (8 − 3 = 5), {a} (3).
    // Members: 1 from a or 1 from b. Boycott: present 15, quorum 8: 8 must stay away but the others hold 7.
    const result = breakingPoints(toy);
    expect(result.margin).toBe(0);
    expect(result.points.map((point) => `${point.kind}:${point.units.join('+')}:${point.seats}`)).toEqual(['members:a:1', 'members:b:1', 'exit:b:3', 'exit:a:5']);
    expect(result.points.find((point) => point.kind === 'exit' && point.units[0] === 'b')!.arithmetic).toBe('8 − b 3 = 5 < 8');
  });

  it('finds boycotts that sink the quorum', () => {
    // Quorum 12 of 15 present: 15 − 12 + 1 = 4 outsiders must stay away: {c, d} (4), {c or d} + two of e, f, g
    // … minimal sets over c 2, d 2, e 1, f 1, g 1 summing ≥ 4 with sum − lightest < 4:
    //   sum 4: {c, d}; {c, e, f}, {c, e, g}, {c, f, g}, {d, e, f}, {d, e, g}, {d, f, g}   sum 5: items > 1 only: c, d = 4, none.
    const result = breakingPoints({ ...toy, quorum: 12 }, { limit: 50 });
    const boycotts = result.points.filter((point) => point.kind === 'boycott').map((point) => point.units.join('+'));
    expect(boycotts).toEqual(['c+d', 'c+e+f', 'c+e+g', 'c+f+g', 'd+e+f', 'd+e+g', 'd+f+g']);
  });

  it('has nothing to break when nobody governs', () => {
    expect(breakingPoints({ ...toy, governing: null }).points).toEqual([]);
  });
});

describe('minimalSets bounds', () => {
  it('lists the best sets of a 40-list council at once and counts all of them exactly', () => {
    // 40 one-seat lists, deficit 20: the minimal sets are the C(40, 20) = 137,846,528,820 sets of 20.
    const result = minimalSets(new Array<number>(40).fill(1), 20, { limit: 10 });
    expect(result.sets).toHaveLength(10);
    expect(result.count).toBe(137_846_528_820);
    expect(result.complete).toBe(false);
  });

  it('stops with a clear error when conflicts prune too little', () => {
    // Two camps of 20 one-seat lists, every cross pair incompatible, deficit 21: no set can form, but the
    // table (blind to conflicts) says 21 of 40 can, so the walk tries the 2^20 subsets of the first camp.
    const conflict = (i: number, j: number): boolean => i < 20 !== j < 20;
    expect(() => minimalSets(new Array<number>(40).fill(1), 21, { limit: 10, conflict, budget: 10_000 })).toThrow(PathSearchError);
    expect(() => minimalSets(new Array<number>(40).fill(1), 21, { limit: 10, conflict, budget: 10_000 })).toThrow(/stopped after 10,000 steps/);
  });
});

// Three councils, target t, candidates p, q, r.
//   c1: threshold 5, t 3; p 2, q 1, r 0   → won with p (5), not with q + r (4)
//   c2: threshold 4, t 1; p 0, q 2, r 1   → won with q + r (4) only; rival y holds 4 with q 2 + r 1 of them
//   c3: threshold 3, t 3                  → won alone
// W(∅) = 1, W(p) = 2, W(q) = W(r) = 1, W(pq) = W(pr) = W(qr) = 2, W(pqr) = 3.
const packages: PackageInput = {
  target: 't',
  candidates: ['p', 'q', 'r'],
  councils: [
    { id: 'c1', threshold: 5, core: 3, partners: [2, 1, 0], confidence: 'documented' },
    { id: 'c2', threshold: 4, core: 1, partners: [0, 2, 1], rival: { id: 'y', votes: 4, shares: [0, 2, 1] }, confidence: 'inferred' },
    { id: 'c3', threshold: 3, core: 3, partners: [0, 0, 0], confidence: 'documented' },
  ],
};

describe('package frontier', () => {
  it('gives the minimal packages for every k', () => {
    // k = 1: ∅. k = 2: {p} (drop W(∅) = 1 < 2) and {q, r} (drop max(W(q), W(r)) = 1); {p, q} is not
    // minimal (W(p) = 2). k = 3: {p, q, r} (every two-partner package wins 2).
    const frontier = packageFrontier(packages);
    expect(frontier.alone).toBe(1);
    expect(frontier.best).toBe(3);
    expect(frontier.levels.map((level) => [level.k, level.count, level.packages.map((entry) => entry.partners.join('+'))])).toEqual([
      [1, 1, ['']],
      [2, 2, ['p', 'q+r']],
      [3, 1, ['p+q+r']],
    ]);
    expect(frontier.levels[1]!.packages[1]).toMatchObject({ councils: ['c2', 'c3'], seatsAdded: 4, confidence: 'inferred' });
  });

  it('agrees with the literal definition', () => {
    const fast = packageFrontier(packages, { limit: 100 }).levels.map((level) => ({ k: level.k, count: level.count, packages: level.packages.map((entry) => entry.partners.join('+')).sort() }));
    const naive = naivePackageFrontier(packages).map((level) => ({ k: level.k, count: level.count, packages: level.packages.map((entry) => entry.join('+')).sort() }));
    expect(fast).toEqual(naive);
  });

  it('respects incompatibilities and the partner cap', () => {
    // q–r incompatible: k = 2 leaves {p}; k = 3 needs p, q and r: none.
    const frontier = packageFrontier({ ...packages, incompatible: [['q', 'r']] });
    expect(frontier.levels.map((level) => level.count)).toEqual([1, 1, 0]);
    // At most 2 partners: k = 3 unreachable.
    expect(packageFrontier({ ...packages, maxPartners: 2 }).best).toBe(2);
  });

  it('says what a package wins, loses and leaves open, and whose defection costs most', () => {
    // {p}: c1 3 + 2 = 5 ≥ 5 won; c2 1 + 0 = 1 < 4 and y keeps 4 − 0 = 4 ≥ 4: lost; c3 won.
    const withP = packageOutcome(packages, ['p']);
    expect(withP.councils.map((council) => council.status)).toEqual(['won', 'lost', 'won']);
    expect(withP.councils[1]!.arithmetic).toBe('t 1 + p 0 = 1 < 4; y keeps 4 ≥ 4');
    expect(withP.defections).toEqual([{ partner: 'p', costs: 1, councils: ['c1'] }]);
    // {q, r}: c1 3 + 1 + 0 = 4 < 5, no rival: open; c2 1 + 2 + 1 = 4 won; each defection costs c2.
    const withQr = packageOutcome(packages, ['q', 'r']);
    expect(withQr.councils.map((council) => council.status)).toEqual(['open', 'won', 'won']);
    expect(withQr.defections.map((entry) => [entry.partner, entry.costs])).toEqual([['q', 1], ['r', 1]]);
  });

  it('refuses more candidates than it can enumerate', () => {
    const many = { ...packages, candidates: Array.from({ length: 23 }, (_, i) => `p${i}`) };
    expect(() => packageFrontier(many)).toThrow(/at most 22/);
  });
});
