/**
 * Properties of the council analysis on random small councils (≤ 8 units, with custom majority and quorum
 * rules drawn independently), checked against a brute-force reference (test/helpers/brute-force.ts) that
 * reads the council on its own and enumerates every coalition again for each single-seat change.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  analyzeCouncil,
  analyzeFast,
  type HingeChange,
  prepareCouncil,
  type PreparedCouncil,
  referenceAnalysis,
} from '../../src/model/analysis/index.js';
import { type Council, type CouncilRules, memberCount, type VotingUnit } from '../../src/model/council.js';
import { bruteForce, type BruteChange } from '../helpers/brute-force.js';

const RUNS = { numRuns: 100, seed: 20231218 };
const LETTERS = 'abcdefgh';

interface Scenario {
  readonly council: Council;
  readonly coalition?: string[];
}

/**
 * Councils of 1..8 units (seats 0..6, some absences, blocs p/q) with random constraints, a declared coalition,
 * and sometimes their own majority and quorum (each drawn on its own from 1..members).
 */
const scenarios: fc.Arbitrary<Scenario> = fc
  .array(
    fc.record({
      seats: fc.oneof(fc.integer({ min: 0, max: 6 }), fc.constantFrom(1, 2, 3)),
      absent: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 3 })),
      bloc: fc.constantFrom(undefined, 'p', 'q'),
    }),
    { minLength: 1, maxLength: 8 },
  )
  .chain((rows) => {
    const units: VotingUnit[] = rows.map((row, i) => ({
      id: LETTERS[i]!,
      name: LETTERS[i]!,
      kind: 'list',
      seats: row.seats,
      present: Math.max(0, row.seats - row.absent),
      ...(row.bloc === undefined ? {} : { blocs: [row.bloc] }),
    }));
    const id = fc.constantFrom(...units.map((u) => u.id), 'p', 'q');
    const unitId = fc.constantFrom(...units.map((u) => u.id));
    const members = units.reduce((total, u) => total + u.seats, 0);
    const threshold = members === 0 ? fc.constant(undefined) : fc.option(fc.integer({ min: 1, max: members }), { nil: undefined });
    return fc.record({
      majority: threshold,
      quorum: threshold,
      incompatible: fc.array(fc.tuple(id, id), { maxLength: 3 }),
      required: fc.oneof(fc.constant([] as string[]), fc.array(unitId, { maxLength: 1 })),
      excluded: fc.oneof(fc.constant([] as string[]), fc.array(unitId, { maxLength: 1 })),
      coalition: fc.option(fc.subarray(units.map((u) => u.id), { minLength: 1 }), { nil: undefined }),
    }).map(({ majority, quorum, incompatible, required, excluded, coalition }): Scenario => {
      // Bloc ids only resolve when some unit carries them.
      const known = (x: string): boolean => units.some((u) => u.id === x || (u.blocs ?? []).includes(x));
      const pairs = incompatible.filter(([a, b]) => known(a) && known(b));
      const rules: Partial<CouncilRules> = { ...(majority === undefined ? {} : { majority }), ...(quorum === undefined ? {} : { quorum }) };
      const council: Council = { id: 'random', name: 'random', units, rules, constraints: { incompatible: pairs, required, excluded } };
      return coalition === undefined ? { council } : { council, coalition };
    });
  });

/**
 * The same council inside one of 40 units: 28 excluded units with no seats before it and the rest after,
 * so its units sit at bits 28–35, across the int32 boundary of the coalition masks. Excluded units join
 * no coalition, so the brute force still tries only the subsets of the council's own units.
 */
function widened(scenario: Scenario): Scenario {
  const padding = (from: number, count: number): VotingUnit[] =>
    Array.from({ length: count }, (_, i) => ({ id: `z${from + i}`, name: `z${from + i}`, kind: 'list', seats: 0 }));
  const before = padding(0, 28);
  const after = padding(28, 40 - 28 - scenario.council.units.length);
  const constraints = scenario.council.constraints ?? {};
  const council: Council = {
    ...scenario.council,
    units: [...before, ...scenario.council.units, ...after],
    constraints: { ...constraints, excluded: [...(constraints.excluded ?? []), ...before.map((u) => u.id), ...after.map((u) => u.id)] },
  };
  return scenario.coalition === undefined ? { council } : { council, coalition: scenario.coalition };
}

/** Councils of 40 units, the most above 31 the property checks afford (see {@link widened}). */
const wideScenarios = scenarios.map(widened);

function prepared(scenario: Scenario): PreparedCouncil {
  return prepareCouncil(scenario.council, scenario.coalition === undefined ? {} : { coalition: scenario.coalition });
}

function sameChange(ids: readonly string[], change: HingeChange, reference: BruteChange): boolean {
  if (change.kind !== reference.kind || change.from !== ids[reference.from]) return false;
  return change.kind !== 'move' || change.to === ids[reference.to!];
}

describe.each([
  { councils: 'up to 8 units', arbitrary: scenarios, runs: RUNS },
  { councils: '40 units, 32 of them excluded', arbitrary: wideScenarios, runs: { ...RUNS, numRuns: 25 } },
])('fast numeric core = brute force ($councils)', ({ arbitrary, runs }) => {
  it('winning count, minimal winning coalitions, majority, and every single-seat change', () => {
    fc.assert(
      fc.property(arbitrary, (scenario) => {
        const p = prepared(scenario);
        const fast = analyzeFast(p, { power: false });
        const reference = bruteForce(scenario.council, scenario.coalition);
        expect([p.majority, p.quorum]).toEqual([reference.majority, reference.quorum]);
        expect(fast.winningCount).toBe(reference.base.winning.size);
        expect(Array.from(fast.minimal).sort((a, b) => a - b)).toEqual(reference.base.minimal);
        expect(fast.majorityForms).toBe(reference.base.majorityForms);
        // The predictions' minima: fewest votes and fewest units among the minimal winning coalitions (0: none).
        const weights = scenario.council.units.map((u) => u.present ?? u.seats);
        const members = (mask: number): number[] => weights.map((_, u) => u).filter((u) => Math.floor(mask / 2 ** u) % 2 === 1); // masks pass bit 31 in the 40-unit councils
        const least = (values: number[]): number => (values.length === 0 ? 0 : Math.min(...values));
        expect(fast.fewestVotes).toBe(least(reference.base.minimal.map((mask) => members(mask).reduce((sum, u) => sum + weights[u]!, 0))));
        expect(fast.fewestUnits).toBe(least(reference.base.minimal.map((mask) => members(mask).length)));
        const stride = p.size + 1;
        for (const change of reference.changes) {
          const slot = change.from * stride + (change.kind === 'move' ? change.to! : p.size);
          expect(fast.hingeLost[slot]).toBe(change.winningLost);
          expect(change.kind === 'move' ? fast.hingeGained[slot] : 0).toBe(change.winningGained);
          const after = change.kind === 'defect' ? fast.majorityAfterDefect[change.from] : fast.majorityAfter[slot];
          expect(after === 1).toBe(change.after.majorityForms);
        }
        expect(fast.hingeCount).toBe(reference.changes.filter((c) => c.hinge).length);
      }),
      runs,
    );
  });
});

describe('the in-repo reference (used by the benchmark) = the independent brute force', () => {
  it('same base state and the same verdict on every single-seat change', () => {
    fc.assert(
      fc.property(scenarios, (scenario) => {
        const mine = referenceAnalysis(prepared(scenario));
        const theirs = bruteForce(scenario.council, scenario.coalition);
        expect(mine.base.minimal).toEqual(theirs.base.minimal);
        expect(mine.base.majorityForms).toBe(theirs.base.majorityForms);
        expect(mine.changes.map((c) => [c.kind, c.from, c.to, c.hinge, c.after.majorityForms, c.winningLost, c.winningGained])).toEqual(
          theirs.changes.map((c) => [c.kind, c.from, c.to, c.hinge, c.after.majorityForms, c.winningLost, c.winningGained]),
        );
      }),
      { ...RUNS, numRuns: 40 },
    );
  });
});

describe.each([
  { councils: 'up to 8 units', arbitrary: scenarios, runs: RUNS },
  { councils: '40 units, 32 of them excluded', arbitrary: wideScenarios, runs: { ...RUNS, numRuns: 15 } },
])('hinge seats = brute-force recomputation ($councils)', ({ arbitrary, runs }) => {
  it('lists exactly the changes that flip the majority or change the minimal winning coalitions, with their diffs', () => {
    fc.assert(
      fc.property(arbitrary, (scenario) => {
        const p = prepared(scenario);
        const analysis = analyzeCouncil(scenario.council, { ...(scenario.coalition ? { coalition: scenario.coalition } : {}), power: false, hingeCoalitions: Infinity });
        const reference = bruteForce(scenario.council, scenario.coalition);
        const listed = analysis.hinges.flatMap((hinge) => [hinge.change, ...hinge.alike].map((change) => ({ hinge, change })));
        const expected = reference.changes.filter((c) => c.hinge);
        expect(listed).toHaveLength(expected.length);
        const masksOf = (lists: readonly (readonly string[])[]): number[] =>
          lists.map((ids) => ids.reduce((mask, id) => mask + 2 ** p.ids.indexOf(id), 0)).sort((a, b) => a - b);
        for (const { hinge, change } of listed) {
          const match = expected.find((c) => sameChange(p.ids, change, c));
          expect(match, `${JSON.stringify(change)} is not a hinge by brute force`).toBeDefined();
          const before = new Set(reference.base.minimal);
          const after = new Set(match!.after.minimal);
          const lost = reference.base.minimal.filter((m) => !after.has(m));
          const gained = match!.after.minimal.filter((m) => !before.has(m));
          // Folded changes are symmetric: the same counts and the same majority.
          expect([hinge.minimalLost, hinge.minimalGained]).toEqual([lost.length, gained.length]);
          expect([hinge.winningLost, hinge.winningGained]).toEqual([match!.winningLost, match!.winningGained]);
          expect(hinge.majority.after).toBe(match!.after.majorityForms);
          expect(hinge.flips).toBe(match!.after.majorityForms !== reference.base.majorityForms);
          if (change === hinge.change) {
            expect(masksOf(hinge.lost)).toEqual(lost);
            expect(masksOf(hinge.gained)).toEqual(gained);
          }
        }
        // Majority flips come first.
        const firstKept = analysis.hinges.findIndex((h) => !h.flips);
        if (firstKept >= 0) expect(analysis.hinges.slice(firstKept).every((h) => !h.flips)).toBe(true);
      }),
      runs,
    );
  });

  it('a hinge move applied to the council conserves the seats and gives the predicted outcome', () => {
    fc.assert(
      fc.property(arbitrary, (scenario) => {
        const options = { ...(scenario.coalition ? { coalition: scenario.coalition } : {}), power: false };
        const analysis = analyzeCouncil(scenario.council, options);
        for (const hinge of analysis.hinges.filter((h) => h.change.kind === 'move').slice(0, 4)) {
          const { from, to } = hinge.change as Extract<HingeChange, { kind: 'move' }>;
          const moved: Council = {
            ...scenario.council,
            units: scenario.council.units.map((u) => {
              const present = u.present ?? u.seats;
              if (u.id === from) return { ...u, seats: u.seats - 1, present: present - 1 };
              if (u.id === to) return { ...u, seats: u.seats + 1, present: present + 1 };
              return u;
            }),
          };
          expect(memberCount(moved)).toBe(memberCount(scenario.council));
          const again = analyzeCouncil(moved, options);
          expect(again.majority).toBe(analysis.majority);
          const majorityAfter = again.coalition ? again.coalition.majority : again.quorum.met && again.winning.count > 0;
          expect(majorityAfter).toBe(hinge.majority.after);
          expect(again.winning.count).toBe(analysis.winning.count - hinge.winningLost + hinge.winningGained);
        }
      }),
      { ...runs, numRuns: Math.min(runs.numRuns, 60) },
    );
  });
});

describe('coalition properties', () => {
  it('adding a unit to a winning coalition keeps it winning; removing any member of a minimal one makes it lose', () => {
    fc.assert(
      fc.property(scenarios, (scenario) => {
        const { council } = scenario;
        const analysis = analyzeCouncil(council, { power: false });
        const required = new Set(analysis.units.filter((u) => u.role === 'required').map((u) => u.id));
        for (const minimal of analysis.winning.minimal.slice(0, 5)) {
          for (const extra of council.units.filter((u) => !minimal.units.includes(u.id))) {
            const bigger = analyzeCouncil(council, { coalition: [...minimal.units, extra.id], power: false }).coalition!;
            expect(bigger.votes).toBeGreaterThanOrEqual(analysis.majority);
            expect(bigger.majority).toBe(analysis.quorum.met);
          }
          for (const member of minimal.units.filter((id) => !required.has(id))) {
            const smaller = minimal.units.filter((id) => id !== member);
            const check = analyzeCouncil(council, { coalition: smaller.length > 0 ? smaller : [], power: false }).coalition!;
            expect(check.votes).toBeLessThan(analysis.majority);
            expect(check.majority).toBe(false);
          }
        }
      }),
      { ...RUNS, numRuns: 60 },
    );
  });
});
