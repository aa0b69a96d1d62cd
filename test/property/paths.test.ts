/**
 * Properties of "what would it take" on random small councils, against brute force over every subset:
 * every listed path reaches the threshold, no listed partner set has a proper subset that does, the
 * listing is complete and ranked, breaking points break; the package frontier equals the literal
 * definition. Then on the bundled scenarios: every path, applied as scenario steps, makes the target govern.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  breakingPoints,
  councilPaths,
  fewestSet,
  minimalSets,
  naivePackageFrontier,
  packageFrontier,
  type PackageInput,
  type PathsCouncil,
} from '../../src/model/paths/index.js';
import { runScenario } from '../../src/scenarios/runner.js';
import { breakingSteps, pathSteps, scenarioPaths, withSteps } from '../../src/scenarios/paths.js';
import { loadScenario } from '../../src/scenarios/scenario-loader.js';

const RUNS = { numRuns: 150, seed: 20240101 };
const LETTERS = 'abcdefghij';

function subsets(n: number): number[][] {
  const all: number[][] = [];
  for (let mask = 0; mask < 1 << n; mask++) all.push([...Array(n).keys()].filter((i) => mask & (1 << i)));
  return all;
}

const weightsAndDeficit = fc.record({
  weights: fc.array(fc.integer({ min: 0, max: 7 }), { minLength: 0, maxLength: 10 }),
  deficit: fc.integer({ min: 1, max: 20 }),
  conflicts: fc.array(fc.tuple(fc.integer({ min: 0, max: 9 }), fc.integer({ min: 0, max: 9 })), { maxLength: 6 }),
});

describe('minimalSets against brute force', () => {
  it('lists exactly the minimal sets, ranked by sum then size', () => {
    fc.assert(
      fc.property(weightsAndDeficit, ({ weights, deficit, conflicts }) => {
        const clash = new Set(conflicts.flatMap(([a, b]) => [`${a},${b}`, `${b},${a}`]));
        const conflict = (i: number, j: number): boolean => clash.has(`${i},${j}`);
        const sum = (set: readonly number[]): number => set.reduce((total, i) => total + weights[i]!, 0);
        const admissible = (set: readonly number[]): boolean => set.every((i) => set.every((j) => i === j || !conflict(i, j)));
        const reaches = (set: readonly number[]): boolean => admissible(set) && sum(set) >= deficit;
        // Minimal by the definition: no proper subset reaches (all of them, not just one-smaller ones).
        const expected = subsets(weights.length).filter((set) => reaches(set) && !subsets(set.length).some((sub) => sub.length < set.length && reaches(sub.map((k) => set[k]!))));
        const found = minimalSets(weights, deficit, { limit: 10_000, conflict });
        expect(found.complete).toBe(true);
        expect(found.sets.map((set) => [...set].sort((a, b) => a - b).join(',')).sort()).toEqual(expected.map((set) => set.join(',')).sort());
        for (let i = 1; i < found.sets.length; i++) {
          const [a, b] = [found.sets[i - 1]!, found.sets[i]!];
          expect(sum(a) < sum(b) || (sum(a) === sum(b) && a.length <= b.length)).toBe(true);
        }
        const noConflicts = minimalSets(weights, deficit, { limit: 10_000 });
        expect(noConflicts.count).toBe(subsets(weights.length).filter((set) => sum(set) >= deficit && set.every((i) => sum(set) - weights[i]! < deficit)).length);
      }),
      RUNS,
    );
  });

  it('returns the best sets first when truncated', () => {
    fc.assert(
      fc.property(weightsAndDeficit, fc.integer({ min: 1, max: 5 }), ({ weights, deficit }, limit) => {
        const all = minimalSets(weights, deficit, { limit: 10_000 });
        const some = minimalSets(weights, deficit, { limit });
        expect(some.sets).toEqual(all.sets.slice(0, limit));
        expect(some.complete).toBe(all.sets.length <= limit);
      }),
      RUNS,
    );
  });
});

describe('fewestSet against brute force', () => {
  it('finds a set of the fewest compatible items reaching the deficit, with and without conflicts', () => {
    fc.assert(
      fc.property(weightsAndDeficit, fc.boolean(), ({ weights, deficit, conflicts }, withConflicts) => {
        const clash = new Set(conflicts.flatMap(([a, b]) => [`${a},${b}`, `${b},${a}`]));
        const conflict = (i: number, j: number): boolean => clash.has(`${i},${j}`);
        const sum = (set: readonly number[]): number => set.reduce((total, i) => total + weights[i]!, 0);
        const admissible = (set: readonly number[]): boolean => !withConflicts || set.every((i) => set.every((j) => i === j || !conflict(i, j)));
        const sizes = subsets(weights.length)
          .filter((set) => admissible(set) && sum(set) >= deficit)
          .map((set) => set.length);
        const expected = sizes.length === 0 ? null : Math.min(...sizes);
        const found = fewestSet(weights, deficit, withConflicts ? { conflict } : {});
        if (expected === null) {
          expect(found).toBeNull();
          return;
        }
        expect(found).not.toBeNull();
        expect(found!.length).toBe(expected);
        expect(new Set(found).size).toBe(found!.length);
        expect(found!.every((i) => i >= 0 && i < weights.length)).toBe(true);
        expect(admissible(found!)).toBe(true);
        expect(sum(found!)).toBeGreaterThanOrEqual(deficit);
        // A fewest set is minimal: no item can be dropped.
        expect(found!.every((i) => sum(found!) - weights[i]! < deficit)).toBe(true);
      }),
      { ...RUNS, numRuns: 400 },
    );
  });

  it('returns the empty set for a deficit already met', () => {
    expect(fewestSet([3, 1], 0)).toEqual([]);
    expect(fewestSet([], -2, { conflict: () => true })).toEqual([]);
  });

  it('throws past its node budget', () => {
    // Every pair in conflict: no two items go together, so k = 5, 6, …, 30 are searched in vain
    // (about 31 nodes each: the root and one per item, whose deeper branches all clash).
    const weights = Array.from({ length: 30 }, () => 1);
    expect(() => fewestSet(weights, 5, { conflict: () => true, budget: 100 })).toThrow(/fewest partners stopped after 100 steps/);
    expect(fewestSet(weights, 5, { conflict: () => true })).toBeNull();
  });
});

const councils: fc.Arbitrary<PathsCouncil> = fc
  .array(fc.record({ seats: fc.integer({ min: 0, max: 6 }), absent: fc.integer({ min: 0, max: 2 }), bloc: fc.constantFrom('x', 'y', null) }), { minLength: 2, maxLength: 8 })
  .chain((rows) =>
    fc.record({
      incompatible: fc.array(fc.tuple(fc.integer({ min: 0, max: rows.length - 1 }), fc.integer({ min: 0, max: rows.length - 1 })), { maxLength: 3 }),
      governing: fc.constantFrom('x', 'y', null),
    }).map(({ incompatible, governing }) => {
      const units = rows.map((row, i) => ({
        id: LETTERS[i]!,
        seats: row.seats,
        present: Math.max(0, row.seats - row.absent),
        alignment: row.bloc ?? LETTERS[i]!,
        party: LETTERS[i]!,
        confidence: 'documented' as const,
      }));
      const members = units.reduce((total, unit) => total + unit.seats, 0);
      const threshold = Math.floor(members / 2) + 1;
      const votes = (id: string): number => units.filter((unit) => unit.alignment === id).reduce((total, unit) => total + unit.present, 0);
      return {
        id: 'random',
        threshold,
        quorum: threshold,
        units,
        alignments: [{ id: 'x', kind: 'bloc' as const }, { id: 'y', kind: 'bloc' as const }],
        governing: governing !== null && votes(governing) >= threshold ? governing : null,
        incompatible: incompatible.filter(([a, b]) => a !== b).map(([a, b]): [string, string] => [LETTERS[a]!, LETTERS[b]!]),
        confidence: 'documented' as const,
      };
    }),
  );

describe('council paths on random councils', () => {
  it('every path reaches the threshold, partner sets are minimal, and complete', () => {
    fc.assert(
      fc.property(councils, (council) => {
        const present = new Map(council.units.map((unit) => [unit.id, unit.present]));
        const target = { id: 'a', units: ['a'] };
        const result = councilPaths(council, target, { limit: 1000 });
        const clash = (a: string, b: string): boolean => council.incompatible.some(([x, y]) => (x === a && y === b) || (x === b && y === a));
        for (const path of result.paths) {
          // Applied: the target's votes plus what the path adds.
          const votes = (present.get('a') ?? 0) + path.add.reduce((total, id) => total + present.get(id)!, 0) + path.members.reduce((total, member) => total + member.seats, 0);
          expect(votes).toBe(path.votes);
          expect(votes).toBeGreaterThanOrEqual(council.threshold);
          if (path.kind !== 'partners') continue;
          expect(path.add.some((id) => clash(id, 'a'))).toBe(false);
          for (const id of path.add) {
            // No proper subset reaches it: removing any one partner falls short (weights are positive).
            expect(votes - present.get(id)!).toBeLessThan(council.threshold);
          }
        }
        // Complete: every admissible subset of the others that reaches the threshold contains a listed set.
        const others = council.units.filter((unit) => unit.id !== 'a' && unit.present > 0 && !clash(unit.id, 'a'));
        const listed = result.paths.filter((path) => path.kind === 'partners').map((path) => new Set(path.add));
        for (const set of subsets(others.length)) {
          const ids = set.map((i) => others[i]!.id);
          if (ids.some((x) => ids.some((y) => x !== y && clash(x, y)))) continue;
          const votes = (present.get('a') ?? 0) + ids.reduce((total, id) => total + present.get(id)!, 0);
          if (votes >= council.threshold && result.deficit > 0) expect(listed.some((chosen) => [...chosen].every((id) => ids.includes(id)))).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it('every breaking point, applied, breaks the majority or the quorum', () => {
    fc.assert(
      fc.property(councils, (council) => {
        const result = breakingPoints(council, { limit: 1000 });
        const present = new Map(council.units.map((unit) => [unit.id, unit.present]));
        const votes = council.units.filter((unit) => unit.alignment === council.governing).reduce((total, unit) => total + unit.present, 0);
        const attending = council.units.reduce((total, unit) => total + unit.present, 0);
        for (const point of result.points) {
          if (point.kind === 'exit') expect(votes - point.units.reduce((total, id) => total + present.get(id)!, 0)).toBeLessThan(council.threshold);
          if (point.kind === 'members') {
            expect(point.units.reduce((total, id) => total + present.get(id)!, 0)).toBeGreaterThanOrEqual(point.seats);
            expect(votes - point.seats).toBeLessThan(council.threshold);
          }
          if (point.kind === 'boycott') expect(attending - point.units.reduce((total, id) => total + present.get(id)!, 0)).toBeLessThan(council.quorum);
        }
        if (council.governing !== null) expect(result.points.some((point) => point.kind === 'members')).toBe(true);
      }),
      RUNS,
    );
  });
});

const packageInputs: fc.Arbitrary<PackageInput> = fc.integer({ min: 1, max: 6 }).chain((n) =>
  fc.record({
    councils: fc.array(
      fc.record({ threshold: fc.integer({ min: 1, max: 12 }), core: fc.integer({ min: 0, max: 8 }), partners: fc.array(fc.integer({ min: 0, max: 5 }), { minLength: n, maxLength: n }), blocked: fc.boolean() }),
      { minLength: 1, maxLength: 6 },
    ),
    incompatible: fc.array(fc.tuple(fc.integer({ min: 0, max: n - 1 }), fc.integer({ min: 0, max: n - 1 })), { maxLength: 2 }),
    maxPartners: fc.option(fc.integer({ min: 0, max: n }), { nil: undefined }),
  }).map(({ councils, incompatible, maxPartners }) => {
    const candidates = Array.from({ length: n }, (_, i) => `p${i}`);
    return {
      target: 't',
      candidates,
      councils: councils.map((council, i) => ({
        id: `c${i}`,
        threshold: council.threshold,
        core: council.core,
        partners: council.partners,
        ...(council.blocked && i === 0 ? { blocked: 'vetoed' } : {}),
        confidence: 'documented' as const,
      })),
      incompatible: incompatible.map(([a, b]): [string, string] => [candidates[a]!, candidates[b]!]),
      ...(maxPartners !== undefined ? { maxPartners } : {}),
    };
  }),
);

describe('package frontier', () => {
  it('equals the literal definition for every k', () => {
    fc.assert(
      fc.property(packageInputs, (input) => {
        const fast = packageFrontier(input, { limit: 1000 }).levels.map((level) => ({ k: level.k, count: level.count, packages: level.packages.map((entry) => entry.partners.join('+')).sort() }));
        const naive = naivePackageFrontier(input).map((level) => ({ k: level.k, count: level.count, packages: level.packages.map((entry) => entry.join('+')).sort() }));
        expect(fast).toEqual(naive);
      }),
      RUNS,
    );
  });
});

describe('paths applied as scenario steps', () => {
  const cases: [string, string | undefined][] = [
    ['baseline', undefined],
    ['baseline', 'taqaddum'],
    ['badr-sadr-najaf-maysan', 'badr-sadr'],
    ['cf-four-lists', 'state-of-law'],
  ];
  it.each(cases)('%s, for %s: each path makes its target govern with at least the threshold', (name, target) => {
    const scenario = loadScenario(name);
    const result = scenarioPaths(scenario, { ...(target !== undefined ? { for: target } : {}), limit: 3 });
    expect(result.paths.length).toBeGreaterThan(0);
    for (const path of result.paths) {
      const after = runScenario(withSteps(scenario, pathSteps(scenario, path))).councils.find((council) => council.id === path.council)!;
      const label = `${path.council}: ${path.kind} ${path.add.join('+')}${JSON.stringify(path.members)} → ${after.decision}`;
      expect(after.outcome.status, label).toBe('elected');
      expect(after.outcome.votes, label).toBeGreaterThanOrEqual(after.majority);
      expect(after.outcome.votes, label).toBe(path.votes);
    }
  });
});

describe('breaking points applied as scenario steps', () => {
  it.each(['baseline', 'what-would-it-take', 'nineveh-package', 'diyala-2024'])('%s: each breaking point ends the governing majority', (name) => {
    const scenario = loadScenario(name);
    const result = scenarioPaths(scenario, { limit: 4 });
    const before = runScenario(scenario);
    let applied = 0;
    for (const point of result.breaking.flatMap((entry) => entry.points)) {
      const steps = breakingSteps(scenario, point);
      if (steps === null) continue;
      applied++;
      const council = runScenario(withSteps(scenario, steps)).councils.find((entry) => entry.id === point.council)!;
      const label = `${point.council}: ${point.kind} ${point.units.join('+')} ${point.seats} → ${council.decision}`;
      expect(before.councils.find((entry) => entry.id === point.council)!.outcome.via, label).toBe(point.alignment);
      // Broken: the alignment no longer governs with a majority (another may, or nobody).
      expect(council.outcome.status === 'elected' && council.outcome.via === point.alignment, label).toBe(false);
    }
    expect(applied).toBeGreaterThan(0);
  });
});
