/**
 * Steps that change who votes with whom: voting blocs (declare, dissolve), deals, and units joining
 * or leaving either. Memberships are resolved to unit ids per council when the step applies, so the
 * state records exactly who was bound where.
 */
import { didYouMean } from '../../model/suggest.js';
import type { Draft } from 'immer';
import type { StepOf } from '../scenario-schema.js';
import { dictionary, type ScenarioState } from '../scenario-state.js';
import { record } from './provenance.js';
import { AGAINST_ALL, describeCouncils, existsAnywhere, isActor, knownRefs, namesUnit, resolveInCouncil, selectCouncils } from './resolve.js';
import { known, StepError } from './step-error.js';

type State = Draft<ScenarioState>;

const AGAINST_ALL_TEXT = '"none" stands for votes against all (a defection without `to`); choose another id';

function seatsOf(state: ScenarioState, councilId: string, ids: readonly string[]): number {
  let total = 0;
  for (const unit of state.councils[councilId]!.units) if (ids.includes(unit.id)) total += unit.seats;
  return total;
}

function sumText(state: ScenarioState, councilId: string, ids: readonly string[]): string {
  const units = state.councils[councilId]!.units.filter((unit) => ids.includes(unit.id));
  const total = seatsOf(state, councilId, ids);
  return `${units.map((unit) => `${unit.id} ${unit.seats}`).join(' + ')} = ${total} seat${total === 1 ? '' : 's'}`;
}

function blocHolding(state: ScenarioState, councilId: string, unitId: string, except: string): string | undefined {
  return Object.values(state.blocs).find((bloc) => bloc.id !== except && bloc.councils[councilId]?.includes(unitId))?.id;
}

/** No `except` as for blocs: a new deal does not exist yet, and a unit already in the deal it joins is skipped first. */
function dealHolding(state: ScenarioState, councilId: string, unitId: string): string | undefined {
  return Object.values(state.deals).find((deal) => deal.councils[councilId]?.includes(unitId))?.id;
}

export function applyBloc(state: State, step: StepOf<'bloc'>, index: number): void {
  const { id } = step.bloc;
  if (state.deals[id]) throw new StepError('bloc.id', `"${id}" is already a deal; a bloc needs another id`);
  if (isActor(state, id)) throw new StepError('bloc.id', `"${id}" is an actor with no seats; a bloc needs another id`);
  if (namesUnit(state, id)) throw new StepError('bloc.id', `"${id}" is a list, faction or member; a bloc needs another id`);
  if (id === AGAINST_ALL) throw new StepError('bloc.id', AGAINST_ALL_TEXT);
  const members = step.bloc.members ?? state.families[id];
  if (!members) {
    throw new StepError('bloc.members', `members are required: the dataset has no bloc "${id}" ${known(Object.keys(state.families), 'dataset blocs')}`);
  }
  const councils = selectCouncils(state, step.bloc.councils, 'bloc.councils');
  const byCouncil = dictionary<string[]>();
  const found = new Set<string>();
  for (const councilId of councils) {
    const units: string[] = [];
    members.forEach((member, i) => {
      if (isActor(state, member)) throw new StepError(`bloc.members[${i}]`, `"${member}" holds no seats; add it to a deal instead`);
      const resolved = resolveInCouncil(state, councilId, member, { alignments: false });
      if (resolved.length > 0) found.add(member);
      for (const unitId of resolved) {
        const other = blocHolding(state, councilId, unitId, id);
        if (other) throw new StepError(`bloc.members[${i}]`, `"${unitId}" already votes with bloc "${other}" in council ${councilId}; \`leave\` it first`);
        if (!units.includes(unitId)) units.push(unitId);
      }
    });
    if (units.length > 0) byCouncil[councilId] = units;
    else if (step.bloc.councils !== 'all') throw new StepError('bloc.councils', `no member of bloc "${id}" sits in council ${councilId}`);
  }
  if (Object.keys(byCouncil).length === 0) {
    throw new StepError('bloc.councils', `no member of bloc "${id}" sits in ${describeCouncils(councils, state.councilOrder.length)}`);
  }
  // Members taken from the dataset bloc need not sit in every selected council; named ones must sit in one.
  members.forEach((member, i) => {
    if (step.bloc.members && !found.has(member)) {
      throw new StepError(`bloc.members[${i}]`, `unknown unit or list "${member}" in ${describeCouncils(councils, state.councilOrder.length)} ${known(knownRefs(state, councils))}`);
    }
  });
  const existing = state.blocs[id];
  const bloc = existing ?? (state.blocs[id] = { id, name: step.bloc.name ?? id, members: [...members], councils: {}, step: index });
  if (step.bloc.name) bloc.name = step.bloc.name;
  for (const [councilId, units] of Object.entries(byCouncil)) {
    bloc.councils[councilId] = units;
    record(state, councilId, index, 'bloc', `bloc ${id} votes as one: ${sumText(state, councilId, units)}`);
  }
}

export function applyDissolve(state: State, step: StepOf<'dissolve'>, index: number): void {
  const { bloc: id } = step.dissolve;
  const bloc = state.blocs[id];
  if (!bloc) throw new StepError('dissolve.bloc', `unknown bloc "${id}" ${known(Object.keys(state.blocs), 'blocs')}`);
  const councils = selectCouncils(state, step.dissolve.councils, 'dissolve.councils');
  const active = councils.filter((councilId) => bloc.councils[councilId]);
  if (active.length === 0) throw new StepError('dissolve.bloc', `bloc "${id}" is not active in ${describeCouncils(councils, state.councilOrder.length)}`);
  for (const councilId of active) {
    const members = bloc.councils[councilId]!;
    delete bloc.councils[councilId];
    record(state, councilId, index, 'dissolve', `bloc ${id} dissolved: ${members.join(', ')} vote separately`);
  }
}

export function applyDeal(state: State, step: StepOf<'deal'>, index: number): void {
  const { id, parties, governor, chair } = step.deal;
  if (state.deals[id]) throw new StepError('deal.id', `deal "${id}" is already declared (step ${state.deals[id].step + 1}); use join/leave or another id`);
  if (state.blocs[id]) throw new StepError('deal.id', `"${id}" is already a bloc; a deal needs another id`);
  if (namesUnit(state, id)) throw new StepError('deal.id', `"${id}" is a list, faction or member; a deal needs another id`);
  if (id === AGAINST_ALL) throw new StepError('deal.id', AGAINST_ALL_TEXT);
  // The governor need not be a party nor hold a seat (Law 21/2008 does not require a council member;
  // Diyala 2024 elected a State of Law governor where State of Law holds no seat): any party or actor.
  const outside = !parties.includes(governor);
  if (outside && !existsAnywhere(state, governor)) {
    throw new StepError('deal.governor', `unknown party "${governor}": not a party of the deal (${parties.join(', ')}), nor a list or faction seated in some council (a split seats a list's factions), nor a bloc or actor`);
  }
  if (chair !== undefined && !parties.includes(chair)) throw new StepError('deal.chair', `chair "${chair}" is not among the parties (${parties.join(', ')})`);
  parties.forEach((party, i) => {
    if (parties.indexOf(party) !== i) throw new StepError(`deal.parties[${i}]`, `"${party}" is listed twice`);
  });
  const explicit = step.deal.councils !== 'all';
  const councils = selectCouncils(state, step.deal.councils, 'deal.councils');
  const actors = parties.filter((party) => isActor(state, party));
  const byCouncil = dictionary<string[]>();
  const found = new Set<string>(actors);
  for (const councilId of councils) {
    // With `councils: all`, a deal covers the councils where its governor party sits (an outside
    // governor: where any of its parties sits); named councils are covered whoever sits there.
    if (!explicit && !outside && resolveInCouncil(state, councilId, governor).length === 0) continue;
    const units: string[] = [];
    parties.forEach((party, i) => {
      if (isActor(state, party)) return;
      const resolved = resolveInCouncil(state, councilId, party);
      if (resolved.length === 0 && explicit) {
        throw new StepError(`deal.parties[${i}]`, `unknown unit, list or bloc "${party}" in council ${councilId} ${known(knownRefs(state, [councilId]))}`);
      }
      if (resolved.length > 0) found.add(party);
      for (const unitId of resolved) {
        const other = dealHolding(state, councilId, unitId);
        if (other) throw new StepError(`deal.parties[${i}]`, `"${unitId}" is already in deal "${other}" in council ${councilId}; a member can be in one deal per council`);
        if (!units.includes(unitId)) units.push(unitId);
      }
    });
    if (units.length === 0 && !explicit) continue;
    byCouncil[councilId] = units;
  }
  if (Object.keys(byCouncil).length === 0) {
    throw new StepError(outside ? 'deal.parties' : 'deal.governor', outside ? `no party of deal "${id}" sits in any council` : `governor party "${governor}" has no unit in any council`);
  }
  parties.forEach((party, i) => {
    if (!found.has(party)) throw new StepError(`deal.parties[${i}]`, `unknown unit, list, bloc or actor "${party}" in the deal's councils`);
  });
  state.deals[id] = {
    id,
    name: step.deal.name ?? id,
    parties: [...parties],
    governor,
    ...(chair !== undefined ? { chair } : {}),
    actors,
    councils: byCouncil,
    step: index,
  };
  for (const [councilId, units] of Object.entries(byCouncil)) {
    const backers = actors.length > 0 ? ` (backed by ${actors.join(', ')})` : '';
    // A bloc or deal named as the governor stands for its members here (docs/semantics.md).
    const seatless = resolveInCouncil(state, councilId, governor).length === 0 ? ' (no seat in this council)' : '';
    record(state, councilId, index, 'deal', `deal ${id}: ${units.length > 0 ? sumText(state, councilId, units) : 'no seats'}${backers} for a governor from ${governor}${seatless}`);
  }
}

function alignmentNamed(state: State, id: string, path: string): { kind: 'bloc' | 'deal'; councils: Record<string, string[]> } {
  const bloc = state.blocs[id];
  if (bloc) return { kind: 'bloc', councils: bloc.councils };
  const deal = state.deals[id];
  if (deal) return { kind: 'deal', councils: deal.councils };
  throw new StepError(path, `unknown bloc or deal "${id}"${didYouMean(id, [...Object.keys(state.blocs), ...Object.keys(state.deals)])} ${known([...Object.keys(state.blocs), ...Object.keys(state.deals)], 'blocs and deals')}`);
}

export function applyJoin(state: State, step: StepOf<'join'>, index: number): void {
  const { units: refs, to } = step.join;
  const target = alignmentNamed(state, to, 'join.to');
  const explicit = step.join.councils !== 'all';
  const councils = selectCouncils(state, step.join.councils, 'join.councils');
  const found = new Set<string>();
  let joined = false;
  for (const councilId of councils) {
    const members = target.councils[councilId];
    if (!members) {
      if (explicit) throw new StepError('join.councils', `${target.kind} "${to}" is not active in council ${councilId}`);
      continue;
    }
    const added: string[] = [];
    refs.forEach((ref, i) => {
      const resolved = resolveInCouncil(state, councilId, ref, { alignments: false });
      if (resolved.length === 0 && explicit) {
        throw new StepError(`join.units[${i}]`, `unknown unit "${ref}" in council ${councilId}${didYouMean(ref, knownRefs(state, [councilId]))} ${known(knownRefs(state, [councilId]))}`);
      }
      if (resolved.length > 0) found.add(ref);
      for (const unitId of resolved) {
        if (members.includes(unitId)) continue;
        const other = target.kind === 'bloc' ? blocHolding(state, councilId, unitId, to) : dealHolding(state, councilId, unitId);
        if (other) throw new StepError(`join.units[${i}]`, `"${unitId}" is already in ${target.kind} "${other}" in council ${councilId}; \`leave\` it first`);
        members.push(unitId);
        added.push(unitId);
      }
    });
    if (added.length > 0) {
      joined = true;
      record(state, councilId, index, 'join', `${added.join(', ')} join ${target.kind} ${to}: now ${sumText(state, councilId, members)}`);
    }
  }
  refs.forEach((ref, i) => {
    if (!found.has(ref)) throw new StepError(`join.units[${i}]`, `"${ref}" names no unit in the councils where ${target.kind} "${to}" is active`);
  });
  if (!joined) throw new StepError('join.units', `every unit is already in ${target.kind} "${to}"`);
}

export function applyLeave(state: State, step: StepOf<'leave'>, index: number): void {
  const { units: refs, from } = step.leave;
  const target = alignmentNamed(state, from, 'leave.from');
  const councils = selectCouncils(state, step.leave.councils, 'leave.councils');
  const found = new Set<string>();
  for (const councilId of councils) {
    const members = target.councils[councilId];
    if (!members) continue;
    const removed: string[] = [];
    refs.forEach((ref) => {
      for (const unitId of resolveInCouncil(state, councilId, ref, { alignments: false })) {
        const at = members.indexOf(unitId);
        if (at === -1) continue;
        members.splice(at, 1);
        removed.push(unitId);
        found.add(ref);
      }
    });
    if (removed.length > 0) {
      record(state, councilId, index, 'leave', `${removed.join(', ')} leave ${target.kind} ${from}: now ${members.length > 0 ? sumText(state, councilId, members) : 'empty'}`);
    }
    if (members.length === 0) delete target.councils[councilId];
  }
  refs.forEach((ref, i) => {
    if (!found.has(ref)) throw new StepError(`leave.units[${i}]`, `"${ref}" is not a member of ${target.kind} "${from}" in ${describeCouncils(councils, state.councilOrder.length)}`);
  });
}
