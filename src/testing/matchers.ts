/**
 * `govsim/vitest`: vitest matchers for council outcomes. Importing this module registers them with
 * `expect.extend`, so one line in a vitest config does it: `setupFiles: ['govsim/vitest']`.
 *
 * The received value is a scenario run (from `runScenario`), a loaded scenario, a scenario builder or
 * document (run on the spot), or a scenario file path or bundled name. The first argument is the
 * council id. Every matcher works with `.not` and as an asymmetric matcher (`expect.toDeadlock('najaf')`).
 */
import { expect, type MatcherState } from 'vitest';
import type { ScenarioRun } from '../scenarios/runner.js';
import type { Group } from '../scenarios/scenario-schema.js';
import { deadlocks, electsGovernor, formsMajority, hasGroup, hingesOn, isPivotal, lacksQuorum, type Verdict } from './council-claims.js';
import type { SeatMove } from './hinge-lines.js';
import { breaksWithout, needsPartners, scenarioOf, winsWithPackage } from './paths-claims.js';
import { runOf } from './subject.js';

export type { SeatMove } from './hinge-lines.js';
export type { ScenarioSubject } from './subject.js';

/** The govsim matchers, as they appear on `expect(…)` and (asymmetric) on `expect`. */
export interface GovsimMatchers<R = unknown> {
  /**
   * The governing coalition reaches the absolute majority, floor(n/2) + 1 of all members, with the
   * quorum met. With `coalition` (unit or list ids), the present members of those parties do.
   */
  toFormMajority: (council: string, coalition?: readonly string[]) => R;
  /** The council elects a governor from `party` (a unit, or a list through one of its factions). */
  toElectGovernor: (council: string, party: string) => R;
  /** A coalition governs but falls short of the absolute majority. */
  toDeadlock: (council: string) => R;
  /** Fewer members attend than the quorum (an absolute majority of all members): no vote is held. */
  toLackQuorum: (council: string) => R;
  /** The unit (or a faction of the list) is pivotal: its departure breaks the governing majority. */
  toBePivotal: (council: string, unit: string) => R;
  /** Some single-seat change flips whether a majority forms; with `seatMove`, that change does. */
  toHingeOn: (council: string, seatMove?: SeatMove) => R;
  /** The council's A/B/C group. */
  toHaveGroup: (council: string, group: Group) => R;
  /** The fewest partners that bring `party` (a party, bloc or deal) to the majority in the council is `count` (0: it has it). */
  toNeedPartners: (council: string, party: string, count: number) => R;
  /** The governing alignment falls below the majority when these units (or parties) leave it. */
  toBreakWithout: (council: string, units: readonly string[]) => R;
  /** The package of partners gives `party` the governorship in at least `councils` councils. */
  toGovernWithPackage: (party: string, partners: readonly string[], councils: number) => R;
}

declare module 'vitest' {
  // Vitest 4 merges `Matchers<T>` into both `Assertion<T>` and `ExpectStatic` (asymmetric matchers), so
  // one augmentation covers `expect(x).toDeadlock(…)` and `expect.toDeadlock(…)`. T must stay `any`.
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type, @typescript-eslint/no-explicit-any
  interface Matchers<T = any> extends GovsimMatchers<T> {}
}

interface MatcherOutcome {
  readonly pass: boolean;
  readonly message: () => string;
}

function outcome(state: MatcherState, name: keyof GovsimMatchers, args: string, run: Pick<ScenarioRun, 'scenario' | 'file'>, verdict: Verdict): MatcherOutcome {
  const { utils, isNot } = state;
  return {
    pass: verdict.pass,
    message: () =>
      [
        utils.matcherHint(name, 'scenario', args, { isNot }),
        '',
        `Expected: ${utils.EXPECTED_COLOR(`${isNot ? 'not ' : ''}${verdict.claim}`)}`,
        `Received: ${utils.RECEIVED_COLOR(verdict.actual)}`,
        '',
        ...verdict.arithmetic.map((line) => `  ${line}`),
        `  scenario: ${run.scenario}${run.file !== null ? ` (${run.file})` : ''}`,
      ].join('\n'),
  };
}

/** The matcher implementations, for `expect.extend(govsimMatchers)` where a setup file is not wanted. */
export const govsimMatchers = {
  toFormMajority(this: MatcherState, received: unknown, council: string, coalition?: readonly string[]): MatcherOutcome {
    const run = runOf(received);
    return outcome(this, 'toFormMajority', coalition === undefined ? 'council' : 'council, coalition', run, formsMajority(run, council, coalition));
  },
  toElectGovernor(this: MatcherState, received: unknown, council: string, party: string): MatcherOutcome {
    const run = runOf(received);
    return outcome(this, 'toElectGovernor', 'council, party', run, electsGovernor(run, council, party));
  },
  toDeadlock(this: MatcherState, received: unknown, council: string): MatcherOutcome {
    const run = runOf(received);
    return outcome(this, 'toDeadlock', 'council', run, deadlocks(run, council));
  },
  toLackQuorum(this: MatcherState, received: unknown, council: string): MatcherOutcome {
    const run = runOf(received);
    return outcome(this, 'toLackQuorum', 'council', run, lacksQuorum(run, council));
  },
  toBePivotal(this: MatcherState, received: unknown, council: string, unit: string): MatcherOutcome {
    const run = runOf(received);
    return outcome(this, 'toBePivotal', 'council, unit', run, isPivotal(run, council, unit));
  },
  toHingeOn(this: MatcherState, received: unknown, council: string, seatMove?: SeatMove): MatcherOutcome {
    const run = runOf(received);
    return outcome(this, 'toHingeOn', seatMove === undefined ? 'council' : 'council, seatMove', run, hingesOn(run, council, seatMove));
  },
  toHaveGroup(this: MatcherState, received: unknown, council: string, group: Group): MatcherOutcome {
    const run = runOf(received);
    return outcome(this, 'toHaveGroup', 'council, group', run, hasGroup(run, council, group));
  },
  toNeedPartners(this: MatcherState, received: unknown, council: string, party: string, count: number): MatcherOutcome {
    const scenario = scenarioOf(received);
    return outcome(this, 'toNeedPartners', 'council, party, count', { scenario: scenario.name, file: scenario.file ?? null }, needsPartners(scenario, council, party, count));
  },
  toBreakWithout(this: MatcherState, received: unknown, council: string, units: readonly string[]): MatcherOutcome {
    const scenario = scenarioOf(received);
    return outcome(this, 'toBreakWithout', 'council, units', { scenario: scenario.name, file: scenario.file ?? null }, breaksWithout(scenario, council, units));
  },
  toGovernWithPackage(this: MatcherState, received: unknown, party: string, partners: readonly string[], councils: number): MatcherOutcome {
    const scenario = scenarioOf(received);
    return outcome(this, 'toGovernWithPackage', 'party, partners, councils', { scenario: scenario.name, file: scenario.file ?? null }, winsWithPackage(scenario, party, partners, councils));
  },
};

expect.extend(govsimMatchers);
