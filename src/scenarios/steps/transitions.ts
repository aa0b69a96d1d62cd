/**
 * Scenario edits as transitions: `applyStep` runs one step through immer's `produceWithPatches`, so
 * every edit comes with the patches that redo it and the inverse patches that undo it. The history
 * of a scenario is the list of these transitions; nothing else is needed for a diff, an explanation
 * trace or an interactive undo/redo.
 */
import { applyPatches, type Draft, enablePatches, type Patch, produceWithPatches } from 'immer';
import type { Step, StepKind, StepOf } from '../scenario-schema.js';
import type { LoadedDataset } from '../../dataset/dataset.js';
import type { ScenarioState } from '../scenario-state.js';
import { applyBloc, applyDeal, applyDissolve, applyJoin, applyLeave } from './alignment-steps.js';
import { applyGroup, applyIncompatible, applyPackage, applyVeto } from './rule-steps.js';
import { applyAbsent, applyAttend, applyDefect, applySetSeats, applySplit, applyTransfer } from './seat-steps.js';

enablePatches();

type Recipe<K extends StepKind> = (state: Draft<ScenarioState>, step: StepOf<K>, index: number, dataset: LoadedDataset) => void;

const RECIPES: { [K in StepKind]: Recipe<K> } = {
  split: applySplit,
  bloc: applyBloc,
  dissolve: applyDissolve,
  deal: applyDeal,
  defect: applyDefect,
  transfer: applyTransfer,
  absent: applyAbsent,
  attend: applyAttend,
  veto: applyVeto,
  incompatible: applyIncompatible,
  group: applyGroup,
  package: applyPackage,
  join: applyJoin,
  leave: applyLeave,
  seats: applySetSeats,
};

/** One applied step: the state after it, and the patches between the two states. */
export interface StepTransition {
  readonly state: ScenarioState;
  readonly patches: readonly Patch[];
  readonly inversePatches: readonly Patch[];
}

export function stepKind(step: Step): StepKind {
  for (const key of Object.keys(step)) if (Object.hasOwn(RECIPES, key)) return key as StepKind;
  throw new TypeError('a step needs exactly one kind key');
}

/**
 * Applies one step. `index` is the step's position in the flattened scenario (it is what provenance
 * records); `dataset` is the one the state was built from (a `split` without `into` reads its faction
 * estimate), passed in so that no step reaches disk or a process-wide registry. Throws StepError when
 * the step does not fit the state; the input state is never changed.
 */
export function applyStep(state: ScenarioState, step: Step, index: number, dataset: LoadedDataset): StepTransition {
  if (dataset.dir !== state.dataset) throw new RangeError(`a step on a state of ${state.dataset} was given the dataset ${dataset.dir}`);
  // States are immutable, so the same step at the same position on the same state always gives the
  // same transition: a batch whose files share their first steps (`bloc: { id: cf }`) computes them once.
  let memo = transitions.get(state);
  const key = `${index}\0${JSON.stringify(step)}`;
  const known = memo?.get(key);
  if (known) return known;
  const transition = produceTransition(state, step, index, dataset);
  if (!memo) transitions.set(state, (memo = new Map<string, StepTransition>()));
  if (memo.size < 64) memo.set(key, transition);
  return transition;
}

const transitions = new WeakMap<ScenarioState, Map<string, StepTransition>>();

function produceTransition(state: ScenarioState, step: Step, index: number, dataset: LoadedDataset): StepTransition {
  const kind = stepKind(step);
  const recipe = RECIPES[kind] as Recipe<StepKind>;
  const [next, patches, inversePatches] = produceWithPatches(state, (draft) => {
    recipe(draft, step as StepOf<StepKind>, index, dataset);
  }) as readonly [ScenarioState, Patch[], Patch[]];
  return { state: next, patches, inversePatches };
}

export interface AppliedSteps {
  readonly state: ScenarioState;
  readonly transitions: readonly StepTransition[];
}

/** Applies steps in order, keeping every transition. `offset` numbers them after earlier steps. */
export function applySteps(state: ScenarioState, steps: readonly Step[], dataset: LoadedDataset, offset = 0): AppliedSteps {
  const transitions: StepTransition[] = [];
  let current = state;
  steps.forEach((step, i) => {
    const transition = applyStep(current, step, offset + i, dataset);
    transitions.push(transition);
    current = transition.state;
  });
  return { state: current, transitions };
}

/** The state before `transition` (apply its inverse patches). */
export function undo(state: ScenarioState, transition: Pick<StepTransition, 'inversePatches'>): ScenarioState {
  return applyPatches(state, transition.inversePatches as Patch[]);
}

/** The state after `transition` again. */
export function redo(state: ScenarioState, transition: Pick<StepTransition, 'patches'>): ScenarioState {
  return applyPatches(state, transition.patches as Patch[]);
}

/** Councils a transition touched, read from its patches (paths under councils, blocs, deals, …). */
export function touchedCouncils(transition: Pick<StepTransition, 'patches'>, state: ScenarioState): string[] {
  const touched = new Set<string>();
  for (const patch of transition.patches) {
    const [root, key, field, council] = patch.path;
    if ((root === 'councils' || root === 'grouping' || root === 'packages' || root === 'provenance') && typeof key === 'string') touched.add(key);
    else if ((root === 'blocs' || root === 'deals') && field === 'councils' && typeof council === 'string') touched.add(council);
    else if ((root === 'blocs' || root === 'deals') && typeof key === 'string' && field === undefined) {
      const value = patch.value as { councils?: Record<string, unknown> } | undefined;
      for (const id of Object.keys(value?.councils ?? {})) touched.add(id);
    }
  }
  return state.councilOrder.filter((id) => touched.has(id));
}
