/**
 * The state a scenario edits: plain, serialisable data that immer manages. Steps are transitions on it
 * (see ./steps/), each recorded with its patches, so a diff, an explanation trace or an undo can be
 * read back from the history. The runner converts the final state to model councils once.
 */
import { freeze } from 'immer';
import type { UnitKind } from '../model/council.js';
import type { ScenarioRules } from './expression.js';
import { actorsOf, blocsOf, councilsFor, type LoadedDataset } from '../dataset/dataset.js';
import type { Group, StepKind } from './scenario-schema.js';

/** Members of a unit whose votes go elsewhere; their seats stay with the unit. */
export interface DefectionState {
  /** A deal, bloc or unit id; null: the defectors vote against. */
  readonly to: string | null;
  readonly votes: number;
  readonly step: number;
}

export interface UnitState {
  readonly id: string;
  readonly name: string;
  readonly kind: UnitKind;
  readonly seats: number;
  /** Members attending, defectors included (defectors always attend: they vote). */
  readonly present: number;
  /** Dataset blocs (political families such as `cf`); not a voting discipline by themselves. */
  readonly families: readonly string[];
  readonly parent?: string;
  readonly defections: readonly DefectionState[];
}

export interface CouncilState {
  readonly id: string;
  readonly name: string;
  readonly units: readonly UnitState[];
}

/** A voting bloc: its members vote as one in each council where it is declared. */
export interface BlocState {
  readonly id: string;
  readonly name: string;
  /** Member ids as declared (units, lists or dataset blocs). */
  readonly members: readonly string[];
  /** Council id → the unit ids voting with the bloc there. */
  readonly councils: Readonly<Record<string, readonly string[]>>;
  readonly step: number;
}

/** A deal: its parties' present members vote for one governor in each council it covers. */
export interface DealState {
  readonly id: string;
  readonly name: string;
  readonly parties: readonly string[];
  readonly governor: string;
  readonly chair?: string;
  /** Zero-seat actors among the parties (e.g. `sadrists`). */
  readonly actors: readonly string[];
  /** Council id → the unit ids bound by the deal there. */
  readonly councils: Readonly<Record<string, readonly string[]>>;
  readonly step: number;
}

export interface VetoState {
  readonly actor: string;
  readonly against: readonly string[];
  readonly councils: readonly string[];
  readonly step: number;
}

export interface IncompatibilityState {
  readonly between: readonly [string, string];
  readonly councils: readonly string[];
  readonly step: number;
}

export interface GroupOverride {
  readonly group: Group;
  readonly step: number;
}

export interface PackageState {
  readonly posts: readonly string[];
  readonly step: number;
}

/** What a step did to a council, in words; the explanation trace and the diff cite it. */
export interface ProvenanceEntry {
  readonly step: number;
  readonly kind: StepKind;
  readonly text: string;
}

export interface ActorState {
  readonly id: string;
  readonly name: string;
}

export interface ScenarioState {
  /** The dataset's directory. */
  readonly dataset: string;
  readonly seats: string;
  readonly units: 'lists' | 'factions';
  /** Rule overrides as written; thresholds may be formulas, evaluated per council (see ./expression.ts). */
  readonly rules: ScenarioRules;
  readonly councilOrder: readonly string[];
  readonly councils: Readonly<Record<string, CouncilState>>;
  readonly actors: readonly ActorState[];
  /** Dataset blocs: id → member list ids (used to resolve `cf` in a step). */
  readonly families: Readonly<Record<string, readonly string[]>>;
  readonly blocs: Readonly<Record<string, BlocState>>;
  readonly deals: Readonly<Record<string, DealState>>;
  readonly vetoes: readonly VetoState[];
  readonly incompatibilities: readonly IncompatibilityState[];
  readonly grouping: Readonly<Record<string, GroupOverride>>;
  readonly packages: Readonly<Record<string, PackageState>>;
  readonly provenance: Readonly<Record<string, readonly ProvenanceEntry[]>>;
}

/** Seats held by a unit's loyal members (not defected). */
export function loyalSeats(unit: UnitState): number {
  return unit.seats - defectedVotes(unit);
}

export function defectedVotes(unit: UnitState): number {
  let total = 0;
  for (const defection of unit.defections) total += defection.votes;
  return total;
}

/** Voting blocs a unit belongs to in a council. */
export function votingBlocsOf(state: ScenarioState, councilId: string, unitId: string): string[] {
  const found: string[] = [];
  for (const bloc of Object.values(state.blocs)) if (bloc.councils[councilId]?.includes(unitId)) found.push(bloc.id);
  return found;
}

/** The deal binding a unit in a council, if any. */
export function dealOf(state: ScenarioState, councilId: string, unitId: string): DealState | undefined {
  for (const deal of Object.values(state.deals)) if (deal.councils[councilId]?.includes(unitId)) return deal;
  return undefined;
}

/** Base states owned by the dataset object they were built from (a reloaded dataset gets its own). */
const bases = new WeakMap<LoadedDataset, Map<string, ScenarioState>>();

/**
 * An empty record keyed by ids from input, with no prototype: ids such as `constructor` or `toString`
 * are valid and must not find Object.prototype's members (immer keeps the null prototype on copies).
 */
export function dictionary<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

/**
 * The unedited state for a dataset at a seat set: the councils as the dataset gives them, no voting
 * blocs, no deals. Built once per (dataset, seats, units) and shared (immer never mutates it).
 */
export function baseState(dataset: LoadedDataset, seats = 'final', units: 'lists' | 'factions' = 'lists'): ScenarioState {
  const key = `${seats}\0${units}`;
  let owned = bases.get(dataset);
  if (!owned) bases.set(dataset, (owned = new Map<string, ScenarioState>()));
  const cached = owned.get(key);
  if (cached) return cached;
  const councils = dictionary<CouncilState>();
  const order: string[] = [];
  for (const council of councilsFor(dataset, { seats, units })) {
    order.push(council.id);
    councils[council.id] = {
      id: council.id,
      name: council.name,
      units: council.units.map((unit) => ({
        id: unit.id,
        name: unit.name,
        kind: unit.kind,
        seats: unit.seats,
        present: unit.present ?? unit.seats,
        families: [...(unit.blocs ?? [])],
        ...(unit.parent !== undefined ? { parent: unit.parent } : {}),
        defections: [],
      })),
    };
  }
  const families = dictionary<string[]>();
  for (const bloc of blocsOf(dataset)) families[bloc.id] = [...bloc.members];
  const state: ScenarioState = freeze(
    {
      dataset: dataset.dir,
      seats,
      units,
      rules: {},
      councilOrder: order,
      councils,
      actors: actorsOf(dataset).map((actor) => ({ id: actor.id, name: actor.name })),
      families,
      blocs: dictionary(),
      deals: dictionary(),
      vetoes: [],
      incompatibilities: [],
      grouping: dictionary(),
      packages: dictionary(),
      provenance: dictionary(),
    },
    true,
  );
  owned.set(key, state);
  return state;
}
