/** councilPaths in detail: candidates, the early return, bringing members back, single-unit defections and budgets. */
import { describe, expect, it } from 'vitest';
import { councilPaths, fewestSet, minimalSets } from '../../src/model/paths/index.js';
import type { CouncilPath, PathsCouncil, PathsUnit } from '../../src/model/paths/index.js';
import { unit } from '../helpers/paths-unit.js';


const council = (units: PathsUnit[], extra: Partial<PathsCouncil> = {}): PathsCouncil => ({
  id: 'k',
  threshold: 8,
  quorum: 1,
  units,
  alignments: units.map((u) => ({ id: u.alignment, kind: 'list' as const })),
  governing: null,
  incompatible: [],
  confidence: 'documented',
  ...extra,
});

/** kind, who joins or gives members, and the sum, one line per path. */
const describePath = (path: CouncilPath): string =>
  `${path.kind} [${[...path.add, ...path.members.map((member) => `${member.unit}:${member.seats}`)].join(' ')}] ${path.arithmetic} (${path.confidence})`;

describe('councilPaths: every kind of path in one council', () => {
  it('lists partners, returning members, members won over and seats moved, with who is unavailable and why', () => {
    // Target t is unit a (7 seats, 4 present) voting with the deal "pact"; c votes with pact too, so it may join
    // although pact is another deal than t's id. z has nobody present. e–c incompatible (listed lighter first).
    // Present: a 4 + c 2 + e 1 + f 1 + z 0 = 8 < quorum 10: 2 short. Threshold 7: deficit 7 − 4 = 3.
    const k = council([unit('a', 7, 'pact', { present: 4 }), unit('c', 2, 'pact'), unit('e', 1), unit('f', 1), unit('z', 2, 'z', { present: 0 })], {
      threshold: 7,
      quorum: 10,
      alignments: [{ id: 'pact', kind: 'deal' }, ...['e', 'f', 'z'].map((id) => ({ id, kind: 'list' as const }))],
      incompatible: [['e', 'c']],
      confidence: 'inferred',
    });
    const result = councilPaths(k, { id: 't', units: ['a'] });
    expect(result).toMatchObject({ votes: 4, deficit: 3, quorumShort: 2 });
    expect(result.unavailable).toEqual([{ unit: 'z', reason: 'no member present' }]);
    // Partners over c 2, e 1, f 1 reaching 3: {c, e} (incompatible) and {c, f}; {e, f} = 2 falls short.
    // Return: a's 7 − 4 = 3 absent members are exactly the deficit.
    // Defections (present): no outsider has 3; c 2 + e 1 = 3 (largest first, f not needed).
    // Transfers (seats): nobody has 3; c 2 + z 1 (z's 2 seats count though nobody is there; c before z on a tie).
    // Every path adds 3 seats, so the return (1 party) leads, then by kind. The council is "inferred": all are.
    expect(result.paths.map(describePath)).toEqual([
      'return [a:3] a 4 + a returning 3 = 7 ≥ 7, margin 0 (inferred)',
      'partners [c f] a 4 + c 2 + f 1 = 7 ≥ 7, margin 0 (inferred)',
      'defections [c:2 e:1] a 4 + c won over 2 + e won over 1 = 7 ≥ 7, margin 0 (inferred)',
      'transfer [c:2 z:1] a 4 + c moved 2 + z moved 1 = 7 ≥ 7, margin 0 (inferred)',
    ]);
    expect(result.fewestPartners!.add).toEqual(['c', 'f']);
  });

  it('ignores a target unit the council does not have', () => {
    // b is not in the council: t counts a's 5 only, deficit 8 − 5 = 3, one partner b2 of 3 seats.
    const result = councilPaths(council([unit('a', 5), unit('b2', 3)]), { id: 't', units: ['a', 'b'] });
    expect(result).toMatchObject({ votes: 5, deficit: 3 });
    expect(result.paths[0]!.arithmetic).toBe('a 5 + b2 3 = 8 ≥ 8, margin 0');
  });
});

describe('councilPaths: nothing to find', () => {
  it('returns exactly the summary when the target already reaches the threshold, or is blocked', () => {
    // a 5 + b 3 = 8 = the threshold: deficit 0. 9 present of quorum 1: nobody short. c may join, nothing needed.
    const k = council([unit('a', 5), unit('b', 3), unit('c', 1)]);
    const summary = { council: 'k', threshold: 8, quorumShort: 0, unavailable: [], paths: [], partnerSets: 0, partnerCountIsExact: true, complete: true, fewestPartners: null };
    // toStrictEqual: no `blocked` key at all (not even undefined) when nothing blocks.
    expect(councilPaths(k, { id: 'ab', units: ['a', 'b'] })).toStrictEqual({ ...summary, for: 'ab', votes: 8, deficit: 0 });
    // c alone: 1 vote, deficit 7, but blocked.
    expect(councilPaths(k, { id: 'c', units: ['c'], blocked: 'vetoed' })).toStrictEqual({ ...summary, for: 'c', votes: 1, deficit: 7, blocked: 'vetoed' });
  });
});

describe('councilPaths: members brought back', () => {
  it('brings back the largest absences first, exactly the deficit and no one past it', () => {
    // Target units in this order: a 5 seats 3 present (2 absent), b 5 / 2 (3 absent), c 3 / 3 (none).
    // Votes 3 + 2 + 3 = 8, threshold 12: deficit 4. Largest absence first: b 3, then 1 of a's 2; c not reached.
    const k = council([unit('a', 5, 'a', { present: 3 }), unit('b', 5, 'b', { present: 2 }), unit('c', 3), unit('d', 9)], { threshold: 12 });
    const back = councilPaths(k, { id: 't', units: ['a', 'b', 'c'] }).paths.filter((path) => path.kind === 'return');
    expect(back.map(describePath)).toEqual(['return [b:3 a:1] a 3 + b 2 + c 3 + b returning 3 + a returning 1 = 12 ≥ 12, margin 0 (documented)']);
  });

  it('takes the weakest confidence of the council and the target units', () => {
    // Documented council, but a's own figure is unresolved: bringing its members back rests on it.
    const k = council([unit('a', 8, 'a', { present: 6, confidence: 'unresolved' }), unit('b', 3)]);
    const back = councilPaths(k, { id: 'a', units: ['a'] }).paths.find((path) => path.kind === 'return')!;
    expect(back.confidence).toBe('unresolved');
  });
});

describe('councilPaths: members from one unit', () => {
  it('lists every unit that alone has the deficit, the smallest first, each kind with its own word', () => {
    // a 5, threshold 8: deficit 3. Outsiders c 5 and d 3 (e 2 is too small): both can give 3, d first (3 < 5)
    // although c comes first by name and in the council.
    const k = council([unit('a', 5), unit('c', 5), unit('d', 3), unit('e', 2)]);
    const result = councilPaths(k, { id: 'a', units: ['a'] });
    const single = result.paths.filter((path) => path.kind === 'defections' || path.kind === 'transfer').map(describePath);
    expect(single).toEqual([
      'defections [d:3] a 5 + d won over 3 = 8 ≥ 8, margin 0 (documented)',
      'defections [c:3] a 5 + c won over 3 = 8 ≥ 8, margin 0 (documented)',
      'transfer [d:3] a 5 + d moved 3 = 8 ≥ 8, margin 0 (documented)',
      'transfer [c:3] a 5 + c moved 3 = 8 ≥ 8, margin 0 (documented)',
    ]);
    // At most `limit` of them per kind: the smallest, d.
    const one = councilPaths(k, { id: 'a', units: ['a'] }, { limit: 1 });
    expect(one.paths.filter((path) => path.kind === 'defections').map((path) => path.members)).toEqual([[{ unit: 'd', seats: 3 }]]);
  });

  it('counts members present for defections but seats for transfers', () => {
    // a 5, deficit 3. b has 4 seats but 2 present: 2 cannot defect to make 3, but its 4 seats can move 3.
    // c 1 present: defections need b 2 + c 1 together.
    const k = council([unit('a', 5), unit('b', 4, 'b', { present: 2 }), unit('c', 1)]);
    const paths = councilPaths(k, { id: 'a', units: ['a'] }).paths.filter((path) => path.kind !== 'partners').map(describePath);
    expect(paths).toEqual(['transfer [b:3] a 5 + b moved 3 = 8 ≥ 8, margin 0 (documented)', 'defections [b:2 c:1] a 5 + b won over 2 + c won over 1 = 8 ≥ 8, margin 0 (documented)']);
  });
});

describe('councilPaths: the search budget', () => {
  it('hands the budget to both the partner listing and the fewest-partners search', () => {
    // a 1, threshold 11: deficit 10. Candidates h1..h6 of 6 seats, pairwise incompatible, and o1..o10 of 1.
    // The listing (limit 1) goes straight to a 6 and four 1s; the fewest search first tries in vain 2, 3 and
    // 4 partners (any two 6s clash, a 6 and up to three 1s fall short). Counted directly: 13 and 24 steps.
    const heavy = Array.from({ length: 6 }, (_, i) => unit(`h${i + 1}`, 6));
    const light = Array.from({ length: 10 }, (_, i) => unit(`o${i + 1}`, 1));
    const incompatible = heavy.flatMap((x, i) => heavy.slice(i + 1).map((y) => [x.id, y.id] as const));
    const k = council([unit('a', 1), ...heavy, ...light], { threshold: 11, incompatible });
    const weights = [...heavy, ...light].map((u) => u.present);
    const conflict = (i: number, j: number): boolean => i < 6 && j < 6;
    // The two searches themselves, on the same candidates: 18 steps suffice for the listing, not for the fewest.
    expect(minimalSets(weights, 10, { limit: 1, conflict, budget: 18 }).sets).toHaveLength(1);
    expect(() => fewestSet(weights, 10, { conflict, budget: 18 })).toThrow(/fewest partners stopped after 18 steps/);
    // Through councilPaths: 1 step stops the listing, 18 the fewest search; unbounded, h1 + o1..o4.
    expect(() => councilPaths(k, { id: 'a', units: ['a'] }, { limit: 1, budget: 1 })).toThrow(/search for minimal sets stopped after 1 steps/);
    expect(() => councilPaths(k, { id: 'a', units: ['a'] }, { limit: 1, budget: 18 })).toThrow(/fewest partners stopped after 18 steps/);
    expect(councilPaths(k, { id: 'a', units: ['a'] }, { limit: 1 }).fewestPartners!.add).toEqual(['h1', 'o1', 'o2', 'o3', 'o4']);
  });
});
