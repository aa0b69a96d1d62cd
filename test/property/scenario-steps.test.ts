/**
 * Properties of steps as transitions, over random sequences of seat, attendance and defection steps on
 * the real councils: undo (inverse patches) restores every earlier state exactly, redo replays it,
 * transfers and defections conserve the council size, and attendance never leaves 0..seats.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type LoadedDataset, loadDataset } from '../../src/dataset/dataset.js';
import { runScenario } from '../../src/scenarios/runner.js';
import type { Step } from '../../src/scenarios/scenario-schema.js';
import { baseState, type ScenarioState } from '../../src/scenarios/scenario-state.js';
import { applyStep, redo, StepError, type StepTransition, undo } from '../../src/scenarios/steps/index.js';
import { scenarioFromDocument } from '../../src/scenarios/scenario-loader.js';

/** The dataset, its final-seats state, five of its councils and their steps: built inside each test, never while the file is collected. */
function fixture(): { dataset: LoadedDataset; base: ScenarioState; councils: string[]; stepArbitrary: fc.Arbitrary<Step> } {
  const dataset = loadDataset('iraq-2023');
  const base = baseState(dataset, 'final');
  const councils = base.councilOrder.filter((id) => ['najaf', 'wasit', 'kirkuk', 'basra', 'maysan'].includes(id));
  return { dataset, base, councils, stepArbitrary: stepsOn(base, councils) };
}

/** A step drawn from ids that exist; it may still not fit the state (then it must throw StepError). */
function stepsOn(base: ScenarioState, councils: readonly string[]): fc.Arbitrary<Step> {
  return fc.constantFrom(...councils).chain((council) => {
    const units = base.councils[council]!.units.map((unit) => unit.id);
    const unit = fc.constantFrom(...units);
    const seats = fc.integer({ min: 1, max: 3 });
    return fc.oneof(
      fc.record({ transfer: fc.record({ council: fc.constant(council), from: unit, to: unit, seats }) }),
      fc.record({ absent: fc.record({ council: fc.constant(council), units: fc.tuple(unit).map((u) => [...u]), seats }) }),
      fc.record({ attend: fc.record({ council: fc.constant(council), units: fc.tuple(unit).map((u) => [...u]), seats }) }),
      fc.record({ defect: fc.record({ council: fc.constant(council), from: unit, seats, to: unit }) }),
      fc.record({ seats: fc.record({ council: fc.constant(council), unit, seats: fc.integer({ min: 0, max: 6 }) }) }),
    );
  });
}

function members(state: ScenarioState, council: string): number {
  return state.councils[council]!.units.reduce((sum, unit) => sum + unit.seats, 0);
}

describe('step transitions (property)', () => {
  it('undo restores every earlier state; redo replays; invariants hold', () => {
    const { dataset, base, councils, stepArbitrary } = fixture();
    fc.assert(
      fc.property(fc.array(stepArbitrary, { maxLength: 12 }), (steps) => {
        const states: ScenarioState[] = [base];
        const applied: StepTransition[] = [];
        for (const step of steps) {
          const before = states.at(-1)!;
          let transition: StepTransition;
          try {
            transition = applyStep(before, step, applied.length, dataset);
          } catch (error) {
            expect(error).toBeInstanceOf(StepError);
            continue;
          }
          const after = transition.state;
          const kind = Object.keys(step)[0]!;
          for (const council of councils) {
            // Only `seats` may change a council's size.
            if (kind !== 'seats') expect(members(after, council)).toBe(members(before, council));
            for (const unit of after.councils[council]!.units) {
              expect(unit.present).toBeGreaterThanOrEqual(0);
              expect(unit.present).toBeLessThanOrEqual(unit.seats);
              const defected = unit.defections.reduce((sum, d) => sum + d.votes, 0);
              expect(defected).toBeLessThanOrEqual(unit.present);
            }
          }
          applied.push(transition);
          states.push(after);
        }
        let current = states.at(-1)!;
        for (let i = applied.length - 1; i >= 0; i--) {
          current = undo(current, applied[i]!);
          expect(current).toEqual(states[i]);
        }
        for (let i = 0; i < applied.length; i++) current = redo(current, applied[i]!);
        expect(current).toEqual(states.at(-1));
      }),
      { numRuns: 100 },
    );
  });

  it('a run reports votes that never exceed those present, and statuses consistent with the threshold', () => {
    const { dataset, base, stepArbitrary } = fixture();
    fc.assert(
      fc.property(fc.array(stepArbitrary, { maxLength: 6 }), (steps) => {
        // Keep only the steps that apply, in order, then run them as a scenario document.
        let state = base;
        const valid: Step[] = [];
        for (const step of steps) {
          try {
            state = applyStep(state, step, valid.length, dataset).state;
            valid.push(step);
          } catch (error) {
            if (!(error instanceof StepError)) throw error;
          }
        }
        const run = runScenario(scenarioFromDocument({ name: 'random', steps: [{ bloc: { id: 'cf' } }, ...valid] }));
        for (const council of run.councils) {
          expect(council.outcome.votes).toBeLessThanOrEqual(council.present);
          expect(council.majority).toBe(Math.floor(council.seats / 2) + 1);
          if (council.outcome.status === 'elected') expect(council.outcome.votes).toBeGreaterThanOrEqual(council.majority);
          if (council.outcome.status === 'no-quorum') expect(council.present).toBeLessThan(council.majority);
          if (council.outcome.status === 'deadlock') expect(council.outcome.votes).toBeLessThan(council.majority);
        }
      }),
      { numRuns: 40 },
    );
  });
});
