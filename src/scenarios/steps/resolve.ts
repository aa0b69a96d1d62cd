/**
 * How a step's ids name units in one council. A reference may be a unit (`badr`), a list that has
 * been split (`nabni` → its factions), a voting bloc or deal active in that council, or a dataset bloc
 * (`cf`, the political family). Zero-seat actors (`sadrists`) name no unit.
 */
import { didYouMean } from '../../model/suggest.js';
import type { CouncilSelection } from '../scenario-schema.js';
import type { CouncilState, ScenarioState, UnitState } from '../scenario-state.js';
import { known, StepError } from './step-error.js';

export function isActor(state: ScenarioState, id: string): boolean {
  return state.actors.some((actor) => actor.id === id);
}

/** What defectors without a target vote with (`madar>none`): no deal or bloc may take that id. */
export const AGAINST_ALL = 'none';

/** Whether an id names a seated list, faction or member: a deal or bloc with that id could not be told apart from it in a vote. */
export function namesUnit(state: ScenarioState, id: string): boolean {
  return state.councilOrder.some((councilId) => state.councils[councilId]!.units.some((unit) => unit.id === id || unit.parent === id));
}

export function councilOf(state: ScenarioState, id: string, path: string): CouncilState {
  const council = state.councils[id];
  if (!council) throw new StepError(path, `unknown council "${id}"${didYouMean(id, state.councilOrder)} ${known(state.councilOrder)}`);
  return council;
}

/** Council ids a selection names, in dataset order; unknown ids are errors at `path[i]`. */
export function selectCouncils(state: ScenarioState, selection: CouncilSelection, path: string): string[] {
  if (selection === 'all') return [...state.councilOrder];
  selection.forEach((id, i) => councilOf(state, id, `${path}[${i}]`));
  return state.councilOrder.filter((id) => selection.includes(id));
}

export function findUnit(council: CouncilState, id: string): UnitState | undefined {
  return council.units.find((unit) => unit.id === id);
}

export function unitIds(council: CouncilState): string[] {
  return council.units.map((unit) => unit.id);
}

/**
 * A reference that must name exactly one unit (defections, transfers, seat edits). A split list is
 * rejected with its factions named, since the edit must say which faction it touches.
 */
export function singleUnit(council: CouncilState, id: string, path: string): UnitState {
  const unit = findUnit(council, id);
  if (unit) return unit;
  const factions = council.units.filter((candidate) => candidate.parent === id).map((candidate) => candidate.id);
  if (factions.length > 0) {
    throw new StepError(path, `"${id}" is split into ${factions.join(', ')} in council ${council.id}; name one of them`);
  }
  throw new StepError(path, `unknown unit "${id}" in council ${council.id}${didYouMean(id, unitIds(council))} ${known(unitIds(council))}`);
}

export interface ResolveOptions {
  /** Let voting blocs and deals stand for their members (not when declaring a bloc). */
  readonly alignments?: boolean;
}

/** Unit ids a reference stands for in one council; empty when it names nothing there. */
export function resolveInCouncil(state: ScenarioState, councilId: string, ref: string, options: ResolveOptions = {}): string[] {
  const council = state.councils[councilId];
  if (!council) return [];
  if (findUnit(council, ref)) return [ref];
  const factions = council.units.filter((unit) => unit.parent === ref);
  if (factions.length > 0) return factions.map((unit) => unit.id);
  if (options.alignments !== false) {
    const bloc = state.blocs[ref]?.councils[councilId];
    if (bloc) return [...bloc];
    const deal = state.deals[ref]?.councils[councilId];
    if (deal) return [...deal];
  }
  // A dataset bloc names the units that carry it, so one limited to some councils names nothing elsewhere.
  return council.units.filter((unit) => unit.families.includes(ref)).map((unit) => unit.id);
}

/** Every id a step could name in the given councils, for "known:" hints. */
export function knownRefs(state: ScenarioState, councilIds: readonly string[]): string[] {
  const ids = new Set<string>();
  for (const id of councilIds) {
    const council = state.councils[id];
    if (!council) continue;
    for (const unit of council.units) {
      ids.add(unit.id);
      if (unit.parent) ids.add(unit.parent);
    }
  }
  return [...ids];
}

/** Whether `ref` names anything anywhere: a unit, list, bloc, deal, dataset bloc or actor. */
export function existsAnywhere(state: ScenarioState, ref: string): boolean {
  if (isActor(state, ref) || state.blocs[ref] || state.deals[ref] || state.families[ref]) return true;
  return state.councilOrder.some((id) => resolveInCouncil(state, id, ref).length > 0);
}

export function describeCouncils(ids: readonly string[], total: number): string {
  return ids.length === total ? 'any council' : ids.length === 1 ? `council ${ids[0]}` : `councils ${ids.join(', ')}`;
}
