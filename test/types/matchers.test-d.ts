/**
 * Types of the public surface: the `govsim/vitest` augmentation of vitest's `Matchers` (on `expect(…)`
 * and, asymmetric, on `expect`), and the typed builder of the `govsim` entry. Checked by
 * `npm run typecheck` and by `npx vitest run --typecheck.only`; a wrong argument must not compile.
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { GovsimMatchers, ScenarioSubject, SeatMove } from '../../src/testing/matchers.js';
import {
  type CouncilResult,
  type DataIssue,
  type Group,
  type GovsimDataError,
  type LoadedScenario,
  loadScenario,
  runScenario,
  scenario,
  type ScenarioBuilder,
  type ScenarioRun,
} from '../../src/index.js';

declare const run: ScenarioRun;

describe('govsim/vitest matchers', () => {
  it('are on expect(…) with typed arguments', () => {
    expectTypeOf(expect(run).toFormMajority).parameters.toEqualTypeOf<[council: string, coalition?: readonly string[] | undefined]>();
    expectTypeOf(expect(run).toElectGovernor).parameters.toEqualTypeOf<[council: string, party: string]>();
    expectTypeOf(expect(run).toDeadlock).parameters.toEqualTypeOf<[council: string]>();
    expectTypeOf(expect(run).toLackQuorum).parameters.toEqualTypeOf<[council: string]>();
    expectTypeOf(expect(run).toBePivotal).parameters.toEqualTypeOf<[council: string, unit: string]>();
    expectTypeOf(expect(run).toHingeOn).parameters.toEqualTypeOf<[council: string, seatMove?: SeatMove | undefined]>();
    expectTypeOf(expect(run).toHaveGroup).parameters.toEqualTypeOf<[council: string, group: Group]>();
    expectTypeOf(expect(run).not.toDeadlock).toBeCallableWith('najaf');
  });

  it('ask what it would take', () => {
    expectTypeOf(expect('baseline').toNeedPartners).parameters.toEqualTypeOf<[council: string, party: string, count: number]>();
    expectTypeOf(expect('baseline').toBreakWithout).parameters.toEqualTypeOf<[council: string, units: readonly string[]]>();
    expectTypeOf(expect('baseline').toGovernWithPackage).parameters.toEqualTypeOf<[party: string, partners: readonly string[], councils: number]>();
    // @ts-expect-error the count of partners is a number
    expect('baseline').toNeedPartners('wasit', 'cf', 'one');
  });

  it('take the three kinds of seat move', () => {
    expectTypeOf(expect(run).toHingeOn).toBeCallableWith('basra', { from: 'tasmim' });
    expectTypeOf(expect(run).toHingeOn).toBeCallableWith('basra', { from: 'tasmim', to: 'nabni' });
    expectTypeOf(expect(run).toHingeOn).toBeCallableWith('basra', { absent: 'tasmim' });
    expectTypeOf(expect(run).toHingeOn).toBeCallableWith('basra', { votesAgainst: 'tasmim' });
  });

  it('are asymmetric matchers on expect', () => {
    expectTypeOf(expect.toDeadlock).toBeCallableWith('najaf');
    expectTypeOf(expect.toElectGovernor('najaf', 'nabni')).toBeAny();
    expectTypeOf<GovsimMatchers<void>['toHaveGroup']>().returns.toBeVoid();
  });

  it('reject wrong arguments', () => {
    // @ts-expect-error the group is A, B or C
    expect(run).toHaveGroup('najaf', 'D');
    // @ts-expect-error a coalition is a list of ids, not one id
    expect(run).toFormMajority('najaf', 'nabni');
    // @ts-expect-error the party is required
    expect(run).toElectGovernor('najaf');
    // @ts-expect-error a seat move needs `from`, `absent` or `votesAgainst`
    expect(run).toHingeOn('basra', { to: 'nabni' });
    // @ts-expect-error the council id is a string
    expect(run).toDeadlock(7);
    // @ts-expect-error asymmetric matchers are typed too
    expect.toBePivotal('najaf');
  });

  it('accept every form of scenario', () => {
    expectTypeOf<ScenarioRun>().toExtend<ScenarioSubject>();
    expectTypeOf<LoadedScenario>().toExtend<ScenarioSubject>();
    expectTypeOf<ScenarioBuilder>().toExtend<ScenarioSubject>();
    expectTypeOf<'baseline'>().toExtend<ScenarioSubject>();
  });
});

describe('the govsim entry', () => {
  it('types the load → run chain and the builder', () => {
    expectTypeOf(loadScenario).returns.toEqualTypeOf<LoadedScenario>();
    expectTypeOf(runScenario).parameters.toEqualTypeOf<[scenario: LoadedScenario]>();
    expectTypeOf(runScenario).returns.toEqualTypeOf<ScenarioRun>();
    expectTypeOf<ScenarioRun['councils'][number]>().toEqualTypeOf<CouncilResult>();
    expectTypeOf(scenario('x').split({ council: 'najaf', list: 'nabni' }).run()).toEqualTypeOf<ScenarioRun>();
    // @ts-expect-error a split names its list
    scenario('x').split({ council: 'najaf' });
    // @ts-expect-error defect seats are a number
    scenario('x').defect({ council: 'najaf', from: 'wathiqoon', seats: 'one' });
  });

  it('types errors with their file and issues', () => {
    expectTypeOf<GovsimDataError['file']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<GovsimDataError['issues']>().toEqualTypeOf<readonly DataIssue[]>();
    expectTypeOf<DataIssue>().toEqualTypeOf<{ readonly path: string; readonly message: string }>();
  });
});
