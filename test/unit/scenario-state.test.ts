/**
 * The scenario state before any step (baseState) and its small readers, and how `govsim validate`
 * tells a scenario file from a dataset file. Seats are hand-read from data/iraq-2023/councils/najaf.yaml:
 * nabni 3 (factions badr 1 + aah 2), state-of-law 3, wafaa 2, nsf 2 (hikma 1 + nasr 1), absher 1, …
 */
import { describe, expect, it, vi } from 'vitest';
import { loadDataset } from '../../src/dataset/dataset.js';
import { baseState, dealOf, loyalSeats, type UnitState } from '../../src/scenarios/scenario-state.js';
import { isScenarioDocument } from '../../src/scenarios/scenario-validation.js';
import { applySteps } from '../../src/scenarios/steps/index.js';

describe('baseState', () => {
  it('starts from the final seats, lists as units, each with its dataset blocs and no parent', () => {
    const state = baseState(loadDataset());
    expect([state.seats, state.units]).toEqual(['final', 'lists']);
    const nabni = state.councils['najaf']!.units[0]!;
    expect(nabni).toEqual({ id: 'nabni', name: nabni.name, kind: 'list', seats: 3, present: 3, families: ['cf'], defections: [] });
    expect(Object.hasOwn(nabni, 'parent')).toBe(false);
    // dataset.yaml `blocs`: wafaa is a member of shia-other only.
    expect(state.councils['najaf']!.units.find((unit) => unit.id === 'wafaa')!.families).toEqual(['shia-other']);
  });

  it('with factions as units, each faction names its list', () => {
    const units = baseState(loadDataset(), 'final', 'factions').councils['najaf']!.units;
    expect(units.filter((unit) => unit.parent === 'nabni').map((unit) => [unit.id, unit.seats, unit.kind])).toEqual([
      ['badr', 1, 'faction'],
      ['aah', 2, 'faction'],
    ]);
  });

  it('is frozen all the way down, so no step can edit the shared base in place', async () => {
    // Bases are built once per process: build this one on a fresh module copy, inside the test.
    vi.resetModules();
    const fresh = await import('../../src/scenarios/scenario-state.js');
    const { loadDataset: load } = await import('../../src/dataset/dataset.js');
    const state = fresh.baseState(load());
    expect(Object.isFrozen(state)).toBe(true);
    expect(Object.isFrozen(state.councils['najaf']!.units[0]!.families)).toBe(true);
  });
});

describe('loyalSeats and dealOf', () => {
  it('a unit\'s loyal seats are its seats less every defected vote', () => {
    const unit: UnitState = {
      id: 'state-of-law',
      name: 'State of Law',
      kind: 'list',
      seats: 3,
      present: 3,
      families: ['cf'],
      defections: [
        { to: 'wafaa', votes: 1, step: 0 },
        { to: null, votes: 1, step: 1 },
      ],
    };
    expect(loyalSeats(unit)).toBe(1);
  });

  it('finds the deal binding a unit in a council, and nothing elsewhere', () => {
    const dataset = loadDataset();
    const { state } = applySteps(baseState(dataset), [{ deal: { id: 'd', parties: ['wafaa', 'idraak'], councils: ['najaf'], governor: 'wafaa' } }], dataset);
    expect(dealOf(state, 'najaf', 'idraak')?.id).toBe('d');
    expect(dealOf(state, 'najaf', 'nabni')).toBeUndefined();
    expect(dealOf(state, 'karbala', 'idraak')).toBeUndefined();
  });
});

describe('isScenarioDocument', () => {
  it('a name with steps, extends or expect is a scenario; councils make it a dataset', () => {
    expect(isScenarioDocument({ name: 'x', steps: [] })).toBe(true);
    expect(isScenarioDocument({ name: 'x', extends: 'baseline' })).toBe(true);
    expect(isScenarioDocument({ name: 'x', expect: [] })).toBe(true);
    expect(isScenarioDocument({ name: 'x' })).toBe(false);
    expect(isScenarioDocument({ steps: [], extends: 'baseline', expect: [] })).toBe(false);
    expect(isScenarioDocument({ name: 'x', steps: [], councils: [] })).toBe(false);
  });

  it('only a plain object can be one: not null, text or an array, whatever keys it carries', () => {
    expect(isScenarioDocument(null)).toBe(false);
    expect(isScenarioDocument('name: x')).toBe(false);
    expect(isScenarioDocument(Object.assign([], { name: 'x', steps: [] }))).toBe(false);
  });
});
