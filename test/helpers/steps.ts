import { type LoadedDataset, loadDataset } from '../../src/dataset/dataset.js';
import type { Step } from '../../src/scenarios/scenario-schema.js';
import { baseState, type ScenarioState } from '../../src/scenarios/scenario-state.js';
import { applyStep, applySteps, StepError } from '../../src/scenarios/steps/index.js';
import { thrown } from './errors.js';

/** The bundled dataset and its final-seats state; call it inside each test, never while the file is collected. */
export function fixture(): { dataset: LoadedDataset; base: ScenarioState } {
  const dataset = loadDataset('iraq-2023');
  return { dataset, base: baseState(dataset, 'final') };
}

/** The StepError one step throws on `state`, at position `index`. */
export function stepError(state: ScenarioState, step: Step, index = 0): StepError {
  return thrown(() => applyStep(state, step, index, fixture().dataset), StepError);
}

/** The StepError a list of steps throws on the final-seats state. */
export function stepsError(steps: readonly Step[]): StepError {
  const { dataset, base } = fixture();
  return thrown(() => applySteps(base, steps, dataset), StepError);
}
