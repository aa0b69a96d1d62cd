/**
 * The alignments competing in one council of a scenario state (docs/semantics.md, "Deciding each
 * council"): valid deals, then what is left of each voting bloc once the deals took their parties out
 * (the rump), then every remaining unit alone; defectors vote with the alignment they defect to. The
 * contest itself is pure arithmetic in the model (../model/vote/alignments.ts).
 */
import type { Council } from '../model/council.js';
import { type AlignmentInput } from '../model/vote/alignments.js';
import type { ResolvedStep } from './scenario-loader.js';
import type { CouncilState, ScenarioState } from './scenario-state.js';
import { AGAINST_ALL, isActor, resolveInCouncil } from './steps/index.js';

/** Separator in the id of a defectors' unit: `wathiqoon>badr-sadr` votes with badr-sadr. */
export const DEFECTOR_SEPARATOR = '>';

export function defectorUnitId(from: string, to: string | null): string {
  return `${from}${DEFECTOR_SEPARATOR}${to ?? AGAINST_ALL}`;
}

export function stepLabel(labels: ReadonlyMap<number, ResolvedStep>, index: number): string {
  return labels.get(index)?.label ?? `step ${index + 1}`;
}

/** Defectors' units whose votes go to `alignment` or to one of `members`. */
function defectorsInto(council: CouncilState, alignment: string, members: readonly string[]): string[] {
  const ids: string[] = [];
  for (const unit of council.units) {
    const seen = new Set<string | null>();
    for (const defection of unit.defections) {
      if (seen.has(defection.to)) continue;
      seen.add(defection.to);
      if (defection.to !== null && (defection.to === alignment || members.includes(defection.to))) ids.push(defectorUnitId(unit.id, defection.to));
    }
  }
  return ids;
}

export function vetoedUnits(state: ScenarioState, councilId: string): Map<string, { actor: string; step: number }> {
  const vetoed = new Map<string, { actor: string; step: number }>();
  for (const veto of state.vetoes) {
    if (!veto.councils.includes(councilId)) continue;
    for (const ref of veto.against) for (const unit of resolveInCouncil(state, councilId, ref)) if (!vetoed.has(unit)) vetoed.set(unit, { actor: veto.actor, step: veto.step });
  }
  return vetoed;
}

function incompatibility(
  state: ScenarioState,
  councilId: string,
  units: readonly string[],
  actors: readonly string[],
  labels: ReadonlyMap<number, ResolvedStep>,
): string | undefined {
  for (const rule of state.incompatibilities) {
    if (!rule.councils.includes(councilId)) continue;
    const hit = rule.between.map((ref) =>
      isActor(state, ref) ? actors.includes(ref) : resolveInCouncil(state, councilId, ref).some((unit) => units.includes(unit)),
    );
    if (hit[0] && hit[1]) return `it joins ${rule.between[0]} and ${rule.between[1]}, declared incompatible by ${stepLabel(labels, rule.step)}`;
  }
  return undefined;
}

/** Why a deal cannot govern here, if it cannot. */
function dealVoid(
  state: ScenarioState,
  councilId: string,
  dealId: string,
  members: readonly string[],
  vetoed: ReadonlyMap<string, { actor: string; step: number }>,
  labels: ReadonlyMap<number, ResolvedStep>,
): string | undefined {
  const deal = state.deals[dealId]!;
  const seated = resolveInCouncil(state, councilId, deal.governor);
  const inDeal = seated.filter((unit) => members.includes(unit));
  if (deal.parties.includes(deal.governor) && seated.length > 0 && inDeal.length === 0) return `its governor party ${deal.governor} is no longer in it here`;
  const candidates = inDeal.length > 0 ? inDeal : seated;
  if (candidates.length > 0 && candidates.every((unit) => vetoed.has(unit))) {
    const veto = vetoed.get(candidates[0]!)!;
    return `its governor party ${deal.governor} is vetoed by ${veto.actor} (${stepLabel(labels, veto.step)})`;
  }
  // A governor party with no unit here (an actor, a list seated elsewhere) is vetoed by name. One with
  // units here is not, unless all its candidates are: a veto naming it vetoes every unit it resolves to.
  const veto = state.vetoes.find((entry) => entry.councils.includes(councilId) && entry.against.includes(deal.governor));
  if (veto) return `its governor party ${deal.governor} is vetoed by ${veto.actor} (${stepLabel(labels, veto.step)})`;
  return incompatibility(state, councilId, members, deal.actors, labels);
}

/** The largest unit among `members` that is not vetoed (loyal seats; ties: council order). */
function largestMember(model: Council, members: readonly string[], vetoed: ReadonlyMap<string, unknown>): string | null {
  let governor: string | null = null;
  let best = -1;
  for (const unit of model.units) {
    if (!members.includes(unit.id) || vetoed.has(unit.id)) continue;
    if (unit.seats > best) {
      best = unit.seats;
      governor = unit.id;
    }
  }
  return governor;
}

/**
 * Every alignment of a council, void ones included (listed with their reason; their units vote as if
 * they had not been declared here). Each model unit is in exactly one alignment that is not void.
 */
export function councilAlignments(state: ScenarioState, councilId: string, model: Council, labels: ReadonlyMap<number, ResolvedStep>): AlignmentInput[] {
  const council = state.councils[councilId]!;
  const vetoed = vetoedUnits(state, councilId);
  const taken = new Set<string>();
  const found: AlignmentInput[] = [];
  const claim = (units: readonly string[]): void => {
    for (const unit of units) taken.add(unit);
  };

  for (const deal of Object.values(state.deals)) {
    const members = deal.councils[councilId];
    if (!members) continue;
    const units = [...members, ...defectorsInto(council, deal.id, members)];
    const voidReason = dealVoid(state, councilId, deal.id, members, vetoed, labels);
    const seated = resolveInCouncil(state, councilId, deal.governor).length > 0;
    found.push({ kind: 'deal', id: deal.id, units, actors: deal.actors, governor: deal.governor, governorSeated: seated, step: deal.step, ...(voidReason ? { voidReason } : {}) });
    if (!voidReason) claim(units);
  }

  for (const bloc of Object.values(state.blocs)) {
    const all = bloc.councils[councilId];
    if (!all) continue;
    const members = all.filter((unit) => !taken.has(unit));
    if (members.length === 0) continue;
    const without = all.filter((unit) => taken.has(unit));
    const units = [...members, ...defectorsInto(council, bloc.id, members)].filter((unit) => !taken.has(unit));
    const governor = largestMember(model, members, vetoed);
    const voidReason = governor === null ? 'every member is vetoed' : incompatibility(state, councilId, members, [], labels);
    found.push({
      kind: without.length > 0 ? 'rump' : 'bloc',
      id: bloc.id,
      units,
      actors: [],
      governor,
      governorSeated: governor !== null,
      ...(without.length > 0 ? { without } : {}),
      step: bloc.step,
      ...(voidReason ? { voidReason } : {}),
    });
    if (!voidReason) claim(units);
  }

  // Everyone else votes alone: a loyal unit (with the defectors who rally to it), or defectors voting against every line.
  for (const unit of council.units) {
    if (taken.has(unit.id)) continue;
    const units = [unit.id, ...defectorsInto(council, unit.id, [unit.id])].filter((id) => !taken.has(id));
    const governor = vetoed.has(unit.id) ? null : unit.id;
    found.push({
      kind: 'list',
      id: unit.id,
      units,
      actors: [],
      governor,
      // A vetoed list provides no governor, seated or not (as a void bloc and a defectors' unit).
      governorSeated: governor !== null,
      step: -1,
      ...(governor === null ? { voidReason: `${unit.id} is vetoed by ${vetoed.get(unit.id)!.actor}` } : {}),
    });
    claim(units);
  }
  for (const unit of model.units) {
    if (taken.has(unit.id)) continue;
    found.push({ kind: 'against', id: unit.id, units: [unit.id], actors: [], governor: null, governorSeated: false, step: -1 });
    taken.add(unit.id);
  }
  return found;
}
