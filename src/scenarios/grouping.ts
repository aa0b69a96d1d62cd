/**
 * The A/B/C grouping of councils. The Coordination Framework did group the provinces A, B and C (Shafaq,
 * late January 2024) but never published which province was in which group, so the default membership
 * is derived by a stated rule from the CF's seats and the coalitions the scenario allows:
 *
 * - A: the CF alone holds an absolute majority of all members (or the scenario's `rules.majority`);
 * - B: the CF falls short, and no coalition the scenario allows can reach a majority without it;
 * - C: some allowed coalition without the CF reaches a majority.
 *
 * The CF is every unit of the dataset bloc `cf` (or of a voting bloc `cf` the scenario declares), and
 * every unit voting with CF units here (in a bloc or deal with them); defectors count outside it. A
 * coalition "without the CF" is a set of the other units with no incompatible pair inside (the
 * scenario's `incompatible` steps). Seats, not attendance, decide: the grouping is structural. A
 * `group` step overrides the derived value and is labelled with the step.
 */
import { type Council, councilMajority } from '../model/council.js';
import { coalitionCounts } from '../model/analysis/admissible-weight-counts.js';
import { prepareCouncil } from '../model/analysis/prepared-council.js';
import { stepLabel } from './alignments.js';
import type { ResolvedStep } from './scenario-loader.js';
import type { Group } from './scenario-schema.js';
import type { ScenarioState } from './scenario-state.js';

/** The bloc whose strength defines the grouping. */
export const GROUPING_BLOC = 'cf';

export interface GroupSource {
  /** `derived` or `set by step N`. */
  readonly label: string;
  /** The arithmetic or the step behind the group. */
  readonly reason: string;
  readonly step?: string;
}

/** What the grouping respects besides seats. */
export interface GroupConstraints {
  /** Units voting with CF units in this council (a bloc or deal with them): on the CF's side. */
  readonly withBloc?: ReadonlySet<string>;
  /** Unit pairs no coalition may contain together. */
  readonly incompatible?: readonly (readonly [string, string])[];
  /** Voting blocs among the others: each joins a coalition whole or not at all. */
  readonly together?: readonly (readonly string[])[];
}

export function deriveGroup(model: Council, bloc: string = GROUPING_BLOC, constraints: GroupConstraints = {}): { group: Group; reason: string } {
  const name = bloc.toUpperCase();
  let members = 0;
  let inBloc = 0;
  const others: Council['units'][number][] = [];
  for (const unit of model.units) {
    members += unit.seats;
    if (unit.blocs?.includes(bloc) || constraints.withBloc?.has(unit.id)) inBloc += unit.seats;
    else if (unit.seats > 0) others.push(unit);
  }
  const majority = councilMajority(model);
  const othersSeats = others.reduce((sum, unit) => sum + unit.seats, 0);
  const allies = constraints.withBloc && constraints.withBloc.size > 0 ? ` (with ${[...constraints.withBloc].join(', ')}, voting with it here)` : '';
  if (inBloc >= majority) return { group: 'A', reason: `${name}${allies} ${inBloc} ≥ ${majority} of ${members}: it holds a majority alone` };
  if (othersSeats < majority) {
    return { group: 'B', reason: `${name}${allies} ${inBloc} < ${majority}, others ${othersSeats} < ${majority}: no majority without it` };
  }
  // A voting bloc among the others is one player (its members vote as one); pairs map onto it.
  const playerOf = new Map(others.map((unit) => [unit.id, unit.id]));
  for (const members of constraints.together ?? []) for (const id of members) if (playerOf.has(id)) playerOf.set(id, `${members.filter((m) => playerOf.has(m)).join('+')}`);
  const seatsOf = new Map<string, number>();
  for (const unit of others) seatsOf.set(playerOf.get(unit.id)!, (seatsOf.get(playerOf.get(unit.id)!) ?? 0) + unit.seats);
  const pairs = (constraints.incompatible ?? [])
    .filter(([a, b]) => playerOf.has(a) && playerOf.has(b))
    .map(([a, b]) => [playerOf.get(a)!, playerOf.get(b)!] as const);
  // A bloc holding both sides of a pair can join no coalition at all; the pairs left are between players still in.
  for (const [a, b] of pairs) if (a === b) seatsOf.delete(a);
  const allowed = pairs.filter(([a, b]) => seatsOf.has(a) && seatsOf.has(b));
  const allowedSeats = [...seatsOf.values()].reduce((sum, seats) => sum + seats, 0);
  // With no pair nothing was removed: the others hold at least the majority (checked above).
  if (pairs.length === 0) {
    return { group: 'C', reason: `others ${othersSeats} ≥ ${majority} of ${members}: a majority can form without the ${name}${allies} (${inBloc})` };
  }
  // Only the coalitions the scenario allows count: search them (the council's units, bounded by the dataset's unit limit).
  const sub: Council = {
    id: model.id,
    name: model.name,
    units: [...seatsOf].map(([id, seats]) => ({ id, name: id, kind: 'list' as const, seats, present: seats })),
    // Only the majority matters to which coalitions win; the other rules decide who governs.
    rules: { majority },
    constraints: { incompatible: allowed },
  };
  const possible = allowedSeats >= majority && coalitionCounts(prepareCouncil(sub)).winning > 0;
  const listed = pairs.map(([a, b]) => `${a}/${b}`).join(', ');
  return possible
    ? { group: 'C', reason: `others ${othersSeats} ≥ ${majority}, and a coalition of them allowed by the incompatible pairs (${listed}) reaches ${majority}: a majority can form without the ${name}${allies} (${inBloc})` }
    : { group: 'B', reason: `${name}${allies} ${inBloc} < ${majority}; others ${othersSeats} ≥ ${majority}, but every coalition of them reaching ${majority} joins an incompatible pair (${listed}): no majority without it` };
}

export function groupOf(
  state: ScenarioState,
  councilId: string,
  model: Council,
  labels: ReadonlyMap<number, ResolvedStep>,
): { group: Group; source: GroupSource } {
  const override = state.grouping[councilId];
  if (override) {
    const step = stepLabel(labels, override.step);
    return { group: override.group, source: { label: `set by ${step}`, reason: 'the scenario sets it', step } };
  }
  const derived = deriveGroup(model, GROUPING_BLOC, groupConstraints(state, councilId, model));
  return { group: derived.group, source: { label: 'derived', reason: `over allowed coalitions: ${derived.reason}` } };
}

/**
 * Units in a voting bloc with CF units here (on the CF's side), the other voting blocs (each taken
 * whole: its members vote as one), and the council's incompatible pairs. Deals are outcomes, not
 * structure: they do not move anyone to a side.
 */
function groupConstraints(state: ScenarioState, councilId: string, model: Council): GroupConstraints {
  const cf = new Set(model.units.filter((unit) => unit.blocs?.includes(GROUPING_BLOC)).map((unit) => unit.id));
  const withBloc = new Set<string>();
  const together: string[][] = [];
  for (const bloc of Object.values(state.blocs)) {
    const members = bloc.councils[councilId];
    if (!members) continue;
    if (members.some((id) => cf.has(id))) {
      for (const id of members) if (!cf.has(id)) withBloc.add(id);
    } else {
      // Taken whole (a bloc of one is its own player already, so it changes nothing there).
      together.push([...members]);
    }
  }
  return { withBloc, together, ...(model.constraints?.incompatible ? { incompatible: model.constraints.incompatible } : {}) };
}
