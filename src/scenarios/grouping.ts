/**
 * The A/B/C grouping of councils. The Coordination Framework did group the provinces A, B and C (Shafaq,
 * late January 2024) but never published which province was in which group, so the default membership
 * is derived by a stated rule from the CF's seats:
 *
 * - A: the CF alone holds an absolute majority of all members (or the scenario's `rules.majority`);
 * - B: the CF falls short, but the other members together cannot reach a majority without it;
 * - C: a majority can form without the CF.
 *
 * The CF is every unit of the dataset bloc `cf` (or of a voting bloc `cf` the scenario declares);
 * defectors count outside it. Seats, not attendance, decide: the grouping is structural. A `group`
 * step overrides the derived value and is labelled with the step.
 */
import { type Council, councilMajority } from '../model/council.js';
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

export function deriveGroup(model: Council, bloc: string = GROUPING_BLOC): { group: Group; reason: string } {
  let members = 0;
  let inBloc = 0;
  for (const unit of model.units) {
    members += unit.seats;
    if (unit.blocs?.includes(bloc)) inBloc += unit.seats;
  }
  const majority = councilMajority(model);
  const others = members - inBloc;
  if (inBloc >= majority) return { group: 'A', reason: `${bloc.toUpperCase()} ${inBloc} ≥ ${majority} of ${members}: it holds a majority alone` };
  if (others < majority) {
    return { group: 'B', reason: `${bloc.toUpperCase()} ${inBloc} < ${majority}, others ${others} < ${majority}: no majority without it` };
  }
  return { group: 'C', reason: `others ${others} ≥ ${majority} of ${members}: a majority can form without the ${bloc.toUpperCase()} (${inBloc})` };
}

export function groupOf(
  state: ScenarioState,
  councilId: string,
  model: Council,
  labels: ReadonlyMap<number, ResolvedStep>,
): { group: Group; source: GroupSource } {
  const override = state.grouping[councilId];
  if (override) {
    const step = labels.get(override.step)?.label ?? `step ${override.step + 1}`;
    return { group: override.group, source: { label: `set by ${step}`, reason: 'the scenario sets it', step } };
  }
  const derived = deriveGroup(model);
  return { group: derived.group, source: { label: 'derived', reason: derived.reason } };
}
