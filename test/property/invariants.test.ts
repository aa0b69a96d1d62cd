/**
 * Invariants under fuzzing, on random valid datasets written to disk and loaded through the real loader
 * (the other property files use the bundled councils or bare weighted games):
 *
 * - seats are conserved: by every seat set, by faction units, and by every step kind except `seats`,
 *   which changes its council by exactly the difference it sets;
 * - the threshold is floor(n/2)+1, i.e. the least m with 2m > n, in the dataset and in every run;
 * - undo(apply(s)) = s and redo(undo) = apply for all fifteen step kinds;
 * - at most one alignment is elected per council; every unit votes with exactly one alignment;
 * - two disjoint deals never both win; a unit joining a winning deal keeps it winning;
 * - removing a deal never lowers the best rump's votes;
 * - Monte Carlo from a scenario's `probabilities:` block is reproducible with its seed.
 *
 * Covered elsewhere, not repeated here: power indices sum to 1, null players get 0 and the DP equals
 * brute force (test/property/power.test.ts); adding a unit to a winning coalition of a bare council
 * (test/property/analysis.test.ts); seeded sampler tallies (test/property/uncertainty.test.ts).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { parse, stringify } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { absoluteMajority, memberCount } from '../../src/model/council.js';
import { GovsimDataError } from '../../src/model/errors.js';
import { councilsFor, type LoadedDataset, loadDataset, nationalTotals, resolvedCouncils } from '../../src/dataset/dataset.js';
import { type CouncilResult, runScenario, type ScenarioRun } from '../../src/scenarios/runner.js';
import { scenarioFromDocument } from '../../src/scenarios/scenario-loader.js';
import { scenarioSchemas } from '../../src/scenarios/scenario-schema.js';
import { baseState, type ScenarioState } from '../../src/scenarios/scenario-state.js';
import { monteCarloSimulation, simulationModel } from '../../src/scenarios/simulate.js';
import { applyStep, redo, StepError, type StepTransition, stepKind, undo } from '../../src/scenarios/steps/index.js';
import { councilSeats, generalSeats, type RandomCouncil, type RandomDataset, randomDatasets, writeDataset } from './invariants-arbitraries.js';

const parent = mkdtempSync(join(tmpdir(), 'govsim-invariants-'));
afterAll(() => rmSync(parent, { recursive: true, force: true }));

/** Written once per generated value: fast-check re-runs a value while shrinking. */
const written = new WeakMap<RandomDataset, string>();
function datasetDir(data: RandomDataset): string {
  let dir = written.get(data);
  if (dir === undefined) {
    dir = writeDataset(data, parent);
    written.set(data, dir);
  }
  return dir;
}

/** The least m with 2m > n, found by counting rather than by the formula under test. */
function leastStrictMajority(n: number): number {
  let m = 0;
  while (2 * m <= n) m++;
  return m;
}

function members(state: ScenarioState, council: string): number {
  return state.councils[council]!.units.reduce((sum, unit) => sum + unit.seats, 0);
}

function run(dir: string, steps: readonly unknown[], extra: Record<string, unknown> = {}): ScenarioRun {
  return runScenario(scenarioFromDocument({ name: 'random', dataset: dir, steps, ...extra }));
}

describe('random valid datasets', () => {
  it('load, and every seat set conserves each council\'s members; the majority is the least m with 2m > n', () => {
    fc.assert(
      fc.property(randomDatasets, (data) => {
        const ds = loadDataset(datasetDir(data));
        const expected = new Map(data.councils.map((council) => [council.id, council]));
        for (const seats of ds.seatSets) {
          let total = 0;
          for (const council of resolvedCouncils(ds, seats)) {
            const generated = expected.get(council.id)!;
            const listed = council.lists.reduce((sum, list) => sum + list.seats, 0) + council.quotaMembers.length;
            total += council.seats;
            expect(council.seats).toBe(councilSeats(generated));
            expect(listed).toBe(council.seats);
            expect(council.majority).toBe(leastStrictMajority(council.seats));
            for (const list of council.lists) {
              if (list.factions) expect(list.factions.reduce((sum, faction) => sum + faction.seats, 0)).toBe(list.seats);
            }
          }
          expect(nationalTotals(ds, seats).seats).toBe(total);
          // Lists and faction units are two views of the same members.
          const byList = councilsFor(ds, { seats, units: 'lists' }).map(memberCount);
          const byFaction = councilsFor(ds, { seats, units: 'factions' }).map(memberCount);
          expect(byFaction).toEqual(byList);
        }
      }),
      { numRuns: 60, seed: 2023 },
    );
  });

  it('a list figure off by one is rejected, naming the council file and seats.general', () => {
    let checked = 0;
    fc.assert(
      fc.property(randomDatasets, fc.nat(), fc.constantFrom(-1, 1), (data, pick, delta) => {
        const council = data.councils[pick % data.councils.length]!;
        const entry = council.lists[pick % council.lists.length]!;
        if (entry.seats + delta < 0) return;
        const dir = datasetDir(data);
        const file = join(dir, 'councils', `${council.id}.yaml`);
        const original = readFileSync(file, 'utf8');
        const document = parse(original) as { lists: { list: string; seats: number; factions?: { seats: Record<string, number> } }[] };
        const target = document.lists.find((list) => list.list === entry.list)!;
        target.seats += delta;
        // Keep the faction split consistent, so that the council sum is the only error.
        if (target.factions) {
          const [first] = Object.keys(target.factions.seats);
          target.factions.seats[first!] = target.factions.seats[first!]! + delta;
          if (target.factions.seats[first!]! < 0) return;
        }
        writeFileSync(file, stringify(document));
        try {
          let error: unknown;
          try {
            loadDataset(dir);
          } catch (caught) {
            error = caught;
          }
          expect(error).toBeInstanceOf(GovsimDataError);
          const general = generalSeats(council);
          expect((error as Error).message).toContain(
            `councils/${council.id}.yaml: seats.general: lists sum to ${general + delta} seats but seats.general is ${general}`,
          );
          checked++;
        } finally {
          writeFileSync(file, original);
        }
      }),
      { numRuns: 40, seed: 18 },
    );
    expect(checked).toBeGreaterThan(20);
  });
});

/** Ids a step may name in a council: its lists, factions and quota seats, plus alignments and strangers. */
function refsOf(data: RandomDataset, council: RandomCouncil): string[] {
  const factions = data.lists.filter((list) => council.lists.some((entry) => entry.list === list.id)).flatMap((list) => list.factions ?? []);
  return [...council.lists.map((entry) => entry.list), ...factions, ...council.quota];
}

/** Raw step documents of all fifteen kinds; many do not fit the state they meet, which is part of the test. */
function rawSteps(data: RandomDataset): fc.Arbitrary<Record<string, unknown>> {
  return fc.constantFrom(...data.councils).chain((council) => {
    const refs = refsOf(data, council);
    const unit = fc.constantFrom(...refs);
    const units = fc.uniqueArray(unit, { minLength: 1, maxLength: 3 });
    const here = [council.id];
    const seats = fc.integer({ min: 1, max: 4 });
    const alignment = fc.constantFrom('b', 'x', 'd1', 'd2');
    const target = fc.constantFrom(...refs, 'b', 'x', 'd1', 'd2');
    return fc.oneof(
      { depthSize: 'small' },
      fc.record({ split: fc.record({ council: fc.constant(council.id), list: unit }) }),
      fc.record({ bloc: fc.oneof(fc.constant({ id: 'b' }), fc.record({ id: fc.constant('x'), members: units, councils: fc.constant(here) })) }),
      fc.record({ dissolve: fc.record({ bloc: fc.constantFrom('b', 'x') }) }),
      fc.record({ id: fc.constantFrom('d1', 'd2'), parties: units }).chain(({ id, parties }) =>
        fc.record({ deal: fc.record({ id: fc.constant(id), parties: fc.constant(parties), councils: fc.constant(here), governor: fc.constantFrom(...parties) }) }),
      ),
      fc.record({ defect: fc.record({ council: fc.constant(council.id), from: unit, seats, to: target }, { requiredKeys: ['council', 'from', 'seats'] }) }),
      fc.record({ transfer: fc.record({ council: fc.constant(council.id), from: unit, to: unit, seats }) }),
      fc.record({ absent: fc.record({ council: fc.constant(council.id), units, seats }, { requiredKeys: ['council', 'units'] }) }),
      fc.record({ attend: fc.record({ council: fc.constant(council.id), units, seats }, { requiredKeys: ['council', 'units'] }) }),
      fc.record({ seats: fc.record({ council: fc.constant(council.id), unit, seats: fc.integer({ min: 0, max: 12 }) }) }),
      fc.record({ veto: fc.record({ actor: fc.constantFrom(...data.lists.map((list) => list.id)), councils: fc.constant(here), against: units }) }),
      fc.record({ incompatible: fc.record({ between: fc.tuple(target, target), councils: fc.constant(here) }) }),
      fc.record({ group: fc.constantFrom({ A: here }, { B: here }, { C: here }) }),
      fc.record({ package: fc.constant({ council: council.id, posts: ['chair', 'governor'] }) }),
      fc.record({ join: fc.record({ units, to: alignment, councils: fc.constant(here) }) }),
      fc.record({ leave: fc.record({ units, from: alignment, councils: fc.constant(here) }) }),
    );
  });
}

/**
 * Sequences that often start by declaring the dataset bloc, a deal or an absence, so that the steps
 * needing one (join, leave, attend, dissolve) get their chance.
 */
const datasetsWithSteps = randomDatasets.chain((data) => {
  const first = data.councils[0]!;
  const seated = first.lists.filter((entry) => entry.seats > 0).map((entry) => entry.list);
  const setup: Record<string, unknown>[] = [{ bloc: { id: 'b' } }];
  if (seated.length > 0) {
    setup.push({ deal: { id: 'd1', parties: seated.slice(0, 1), councils: [first.id], governor: seated[0] } });
    setup.push({ absent: { council: first.id, units: seated.slice(0, 1), seats: 1 } });
  }
  return fc.tuple(
    fc.constant(data),
    fc.tuple(fc.subarray(setup), fc.array(rawSteps(data), { minLength: 1, maxLength: 12 })).map(([prefix, rest]) => [...prefix, ...rest]),
  );
});

/** Applies what fits, in order; returns the raw documents that applied and every state passed through. */
function applyFitting(state: ScenarioState, raws: readonly Record<string, unknown>[], dataset: LoadedDataset) {
  const applied: { raw: Record<string, unknown>; transition: StepTransition; before: ScenarioState }[] = [];
  let current = state;
  for (const raw of raws) {
    const step = scenarioSchemas().Step.parse(raw);
    try {
      const transition = applyStep(current, step, applied.length, dataset);
      applied.push({ raw, transition, before: current });
      current = transition.state;
    } catch (error) {
      if (!(error instanceof StepError)) throw error;
    }
  }
  return { applied, state: current };
}

/** A council of the dataset with its seated units, and two disjoint non-empty groups of them. */
const disjointDeals = randomDatasets
  .chain((data) => {
    const seated = (council: RandomCouncil) => [...council.lists.filter((entry) => entry.seats > 0).map((entry) => entry.list), ...council.quota];
    const eligible = data.councils.filter((council) => seated(council).length >= 2);
    if (eligible.length === 0) return fc.constant(undefined);
    return fc.constantFrom(...eligible).chain((council) =>
      fc.shuffledSubarray(seated(council), { minLength: 2 }).chain((chosen) =>
        fc.integer({ min: 1, max: chosen.length - 1 }).map((cut) => ({ data, council: council.id, a: chosen.slice(0, cut), b: chosen.slice(cut), all: seated(council) })),
      ),
    );
  })
  .filter((value) => value !== undefined);

const deal = (id: string, parties: readonly string[], council: string) => ({ deal: { id, parties, councils: [council], governor: parties[0] } });

describe('steps on random datasets', () => {
  it('every kind conserves members (`seats` changes them by exactly what it sets), keeps 0 ≤ present ≤ seats, and undo(apply(s)) = s', () => {
    const kinds = new Set<string>();
    fc.assert(
      fc.property(datasetsWithSteps, ([data, raws]) => {
        const dataset = loadDataset(datasetDir(data));
        const { applied } = applyFitting(baseState(dataset, 'final'), raws, dataset);
        for (const { raw, transition, before } of applied) {
          const after = transition.state;
          const kind = stepKind(scenarioSchemas().Step.parse(raw));
          kinds.add(kind);
          for (const council of after.councilOrder) {
            let expected = members(before, council);
            if (kind === 'seats') {
              const body = raw['seats'] as { council: string; unit: string; seats: number };
              if (body.council === council) expected += body.seats - before.councils[council]!.units.find((u) => u.id === body.unit)!.seats;
            }
            expect(members(after, council)).toBe(expected);
            for (const unit of after.councils[council]!.units) {
              expect(unit.present).toBeGreaterThanOrEqual(0);
              expect(unit.present).toBeLessThanOrEqual(unit.seats);
              expect(unit.defections.reduce((sum, d) => sum + d.votes, 0)).toBeLessThanOrEqual(unit.present);
            }
          }
          expect(undo(after, transition)).toEqual(before);
          expect(redo(before, transition)).toEqual(after);
        }
      }),
      { numRuns: 120, seed: 9 },
    );
    // The generator must actually reach every kind, or the property says less than it claims.
    expect([...kinds].sort()).toEqual(['absent', 'attend', 'bloc', 'deal', 'defect', 'dissolve', 'group', 'incompatible', 'join', 'leave', 'package', 'seats', 'split', 'transfer', 'veto']);
  });

  it('runs keep the threshold at floor(n/2)+1, votes ≤ present, and statuses consistent with it', () => {
    fc.assert(
      fc.property(datasetsWithSteps, ([data, raws]) => {
        const dir = datasetDir(data);
        const dataset = loadDataset(dir);
        const { applied } = applyFitting(baseState(dataset, 'final'), raws, dataset);
        for (const council of run(dir, applied.map(({ raw }) => raw)).councils) {
          expect(council.majority).toBe(leastStrictMajority(council.seats));
          expect(council.majority).toBe(absoluteMajority(council.seats));
          expect(council.outcome.votes).toBeLessThanOrEqual(council.present);
          expect(council.present).toBeLessThanOrEqual(council.seats);
          if (council.outcome.status === 'elected') expect(council.outcome.votes).toBeGreaterThanOrEqual(council.majority);
          if (council.outcome.status === 'deadlock') expect(council.outcome.votes).toBeLessThan(council.majority);
          if (council.outcome.status === 'no-quorum') expect(council.present).toBeLessThan(council.majority);
          // At most one alignment is elected, and it is the outcome's.
          const elected = council.alignments.filter((x) => x.status === 'elected');
          expect(elected.length).toBeLessThanOrEqual(1);
          expect(elected.length === 1).toBe(council.outcome.status === 'elected');
          // Every unit (defectors included) votes with exactly one alignment: the listed ones are disjoint
          // (a void deal, bloc or rump hands its members on), and a unit listed nowhere votes alone.
          const voting = council.alignments.filter((x) => x.status !== 'void');
          const counted = new Map<string, number>();
          for (const alignment of voting) for (const unit of alignment.units) counted.set(unit, (counted.get(unit) ?? 0) + 1);
          for (const times of counted.values()) expect(times).toBe(1);
          // Votes add up: the listed alignments plus the loyal present members of every unit alone = present.
          const alone = council.units.filter((unit) => !counted.has(unit.id)).reduce((sum, unit) => sum + unit.present - (unit.defected ?? 0), 0);
          expect(voting.reduce((sum, x) => sum + x.votes, 0) + alone).toBe(council.present);
        }
      }),
      { numRuns: 40, seed: 10 },
    );
  });

  it('two disjoint deals never both win', () => {
    let oneWins = 0;
    const dealIn = (c: CouncilResult, id: string) => c.alignments.find((x) => x.kind === 'deal' && x.id === id)!;
    fc.assert(
      fc.property(disjointDeals, ({ data, council, a, b }) => {
        const dir = datasetDir(data);
        const alone = (parties: readonly string[]) => run(dir, [deal('d', parties, council)]).councils.find((c) => c.id === council)!;
        const withA = dealIn(alone(a), 'd');
        const withB = dealIn(alone(b), 'd');
        const present = alone(a).present;
        expect(withA.votes + withB.votes).toBeLessThanOrEqual(present);
        expect(withA.status === 'elected' && withB.status === 'elected').toBe(false);
        if (withA.status === 'elected' || withB.status === 'elected') oneWins++;
        // Declared together, at most one of them is elected, each with the votes it had alone.
        const both = run(dir, [deal('a', a, council), deal('b', b, council)]).councils.find((c) => c.id === council)!;
        expect(dealIn(both, 'a').votes).toBe(withA.votes);
        expect(dealIn(both, 'b').votes).toBe(withB.votes);
        expect(both.alignments.filter((x) => x.status === 'elected').length).toBeLessThanOrEqual(1);
      }),
      { numRuns: 40, seed: 11 },
    );
    // Without cases where one side does win, the property would hold vacuously.
    expect(oneWins).toBeGreaterThan(10);
  });

  it('a unit joining a winning deal keeps it winning, its members added to the votes', () => {
    let joined = 0;
    const dealIn = (c: CouncilResult) => c.alignments.find((x) => x.kind === 'deal')!;
    fc.assert(
      fc.property(disjointDeals, ({ data, council, a, b }) => {
        const dir = datasetDir(data);
        // Every chosen unit but one in the deal, so that it often wins; the one left out joins it.
        const [joiner, ...rest] = b;
        const parties = [...a, ...rest];
        const before = run(dir, [deal('d', parties, council)]).councils.find((c) => c.id === council)!;
        if (dealIn(before).status !== 'elected') return;
        const seats = before.units.find((unit) => unit.id === joiner)!.present;
        const after = run(dir, [deal('d', parties, council), { join: { units: [joiner!], to: 'd', councils: [council] } }]).councils.find((c) => c.id === council)!;
        expect(after.outcome).toMatchObject({ status: 'elected', via: 'd' });
        expect(after.outcome.votes).toBe(before.outcome.votes + seats);
        joined++;
      }),
      { numRuns: 40, seed: 12 },
    );
    expect(joined).toBeGreaterThan(10);
  });

  it('removing a deal never lowers the best rump\'s votes: the rump and the bloc members in the deal add up to the bloc', () => {
    let pulled = 0;
    const blocVotes = (c: CouncilResult) => Math.max(0, ...c.alignments.filter((x) => x.kind === 'bloc' || x.kind === 'rump').map((x) => x.votes));
    fc.assert(
      fc.property(disjointDeals, ({ data, council, a, b, all }) => {
        const dir = datasetDir(data);
        // A bloc of some seated units (often overlapping the deal, often not).
        const bloc = { bloc: { id: 'x', members: [...b, ...all.filter((_, i) => i % 2 === 0)].filter((id, i, ids) => ids.indexOf(id) === i), councils: [council] } };
        const without = run(dir, [bloc]).councils.find((c) => c.id === council)!;
        const withDeal = run(dir, [bloc, deal('d', a, council)]).councils.find((c) => c.id === council)!;
        expect(blocVotes(withDeal)).toBeLessThanOrEqual(blocVotes(without));
        // Bloc members the deal took: their present members are exactly what the rump lost.
        const members = without.alignments.find((x) => x.kind === 'bloc')?.units ?? [];
        const taken = a.filter((id) => members.includes(id));
        const lost = withDeal.units.filter((unit) => taken.includes(unit.id)).reduce((sum, unit) => sum + unit.present, 0);
        expect(blocVotes(withDeal)).toBe(blocVotes(without) - lost);
        if (lost > 0) pulled++;
      }),
      { numRuns: 40, seed: 13 },
    );
    expect(pulled).toBeGreaterThan(5);
  });
});

describe('the threshold', () => {
  it('floor(n/2)+1 is the least m with 2m > n, for councils of any size', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), (n) => {
        const m = absoluteMajority(n);
        expect(2 * m).toBeGreaterThan(n);
        expect(2 * (m - 1)).toBeLessThanOrEqual(n);
      }),
      { numRuns: 300 },
    );
  });
});

describe('Monte Carlo from a scenario file', () => {
  it('is reproducible with its seed', async () => {
    await fc.assert(
      fc.asyncProperty(
        disjointDeals,
        fc.integer({ min: 0, max: 2 ** 32 }),
        fc.constantFrom('1/2', '0.9', '3/4'),
        fc.constantFrom(0.05, 0.2, '1/3'),
        async ({ data, council, a, all }, seed, attend, defect) => {
          const scenario = scenarioFromDocument({
            name: 'random',
            dataset: datasetDir(data),
            steps: [deal('d', a, council)],
            probabilities: { bloc: 'b', attendance: { all: attend }, defect: Object.fromEntries(all.map((id) => [id, defect])) },
          });
          const { model } = simulationModel(scenario, { councils: [council] });
          const first = await monteCarloSimulation(model, { seed, runs: 8192 });
          const second = await monteCarloSimulation(model, { seed, runs: 8192 });
          expect(second).toEqual(first);
          expect(first.draws).toBe(8192);
        },
      ),
      { numRuns: 12, seed: 13 },
    );
  });
});
