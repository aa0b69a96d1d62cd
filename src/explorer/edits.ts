/**
 * Edits: what a key in the council view or the deal composer means, as ordinary scenario steps. The
 * scenarios layer has no notion of "the coalition on screen" or of a keyboard toggle; these functions
 * build the steps, and the session applies them (src/explorer/session.ts).
 */
import type { Step } from '../scenarios/scenario-schema.js';
import type { ScenarioState } from '../scenarios/scenario-state.js';
import { isActor, namesUnit } from '../scenarios/steps/index.js';
import { resolvedCouncils } from '../dataset/dataset.js';
import { councilDetail } from './queries.js';
import type { Session } from './session.js';

/** Bloc id used when a toggle has to create a coalition where none is active. */
export const WHAT_IF_BLOC = 'what-if';

export interface Edit {
  readonly label: string;
  readonly steps: readonly Step[];
}

export type EditResult = { readonly ok: true; readonly edit: Edit } | { readonly ok: false; readonly message: string };

function alignmentHolding(state: ScenarioState, kind: 'bloc' | 'deal', councilId: string, unitId: string, except: string): string | undefined {
  const alignments = kind === 'bloc' ? Object.values(state.blocs) : Object.values(state.deals);
  return alignments.find((entry) => entry.id !== except && entry.councils[councilId]?.includes(unitId))?.id;
}

function freeBlocId(state: ScenarioState): string {
  let id = WHAT_IF_BLOC;
  for (let n = 2; state.deals[id] || isActor(state, id) || namesUnit(state, id); n++) id = `${WHAT_IF_BLOC}-${n}`;
  return id;
}

/** Puts a unit into the coalition on screen, or takes it out. */
export function toggleMembership(session: Session, councilId: string, unitId: string): EditResult {
  const state = session.state;
  const detail = councilDetail(session, councilId);
  const coalition = detail.coalition;
  const where = detail.result.name;
  const councils = [councilId];
  if (coalition && coalition.kind !== 'list' && coalition.units.includes(unitId)) {
    const step = { leave: { units: [unitId], from: coalition.id, councils } } as Step;
    return { ok: true, edit: { label: `${where}: ${unitId} leaves ${coalition.kind} ${coalition.id}`, steps: [step] } };
  }
  if (coalition?.kind === 'list' && coalition.id === unitId) {
    return { ok: false, message: `${unitId} governs ${where} alone; mark its members absent (a) or add another unit to form a bloc` };
  }
  const steps: Step[] = [];
  const joining = coalition?.kind === 'list' ? [coalition.id, unitId] : [unitId];
  const kind: 'bloc' | 'deal' = coalition?.kind === 'deal' ? 'deal' : 'bloc';
  const target = coalition && coalition.kind !== 'list' ? coalition.id : freeBlocId(state);
  // A unit votes with one bloc (and sits in one deal) per council: leave the other one first.
  for (const member of joining) {
    const other = alignmentHolding(state, kind, councilId, member, target);
    if (other) steps.push({ leave: { units: [member], from: other, councils } });
  }
  if (coalition && coalition.kind !== 'list') {
    steps.push({ join: { units: [unitId], to: coalition.id, councils } });
    return { ok: true, edit: { label: `${where}: ${unitId} joins ${coalition.kind} ${coalition.id}`, steps } };
  }
  steps.push({ bloc: { id: target, members: joining, councils } });
  return { ok: true, edit: { label: `${where}: ${joining.join(' + ')} vote as bloc ${target}`, steps } };
}

/** All of a unit's members stay away, or (if any are away) all come back. */
export function toggleAttendance(session: Session, councilId: string, unitId: string): EditResult {
  const unit = session.state.councils[councilId]?.units.find((entry) => entry.id === unitId);
  if (!unit) return { ok: false, message: `unknown unit ${unitId}` };
  const name = session.state.councils[councilId]!.name;
  if (unit.present < unit.seats) {
    return { ok: true, edit: { label: `${name}: ${unitId}'s absent members return`, steps: [{ attend: { council: councilId, units: [unitId] } }] } };
  }
  return { ok: true, edit: { label: `${name}: ${unitId} stays away`, steps: [{ absent: { council: councilId, units: [unitId] } }] } };
}

/** One member more absent (`-1`) or back (`+1`). */
export function changeAttendance(session: Session, councilId: string, unitId: string, delta: -1 | 1): EditResult {
  const name = session.state.councils[councilId]?.name ?? councilId;
  if (delta < 0) {
    return { ok: true, edit: { label: `${name}: one ${unitId} member absent`, steps: [{ absent: { council: councilId, units: [unitId], seats: 1 } }] } };
  }
  return { ok: true, edit: { label: `${name}: one ${unitId} member returns`, steps: [{ attend: { council: councilId, units: [unitId], seats: 1 } }] } };
}

/** Splits a list into its factions by the dataset's estimate. */
export function splitList(session: Session, councilId: string, unitId: string): EditResult {
  const council = session.state.councils[councilId];
  const unit = council?.units.find((entry) => entry.id === unitId);
  if (!council || !unit) return { ok: false, message: `unknown unit ${unitId}` };
  if (unit.kind !== 'list') return { ok: false, message: `${unitId} is a ${unit.kind}; only a list splits into factions` };
  return { ok: true, edit: { label: `${council.name}: split ${unitId} into its factions`, steps: [{ split: { council: councilId, list: unitId } }] } };
}

// ---------------------------------------------------------------------------------------------------
// Deals across councils

export type PartyKind = 'list' | 'faction' | 'member' | 'actor' | 'bloc';

export interface PartyOption {
  readonly id: string;
  readonly name: string;
  readonly kind: PartyKind;
  /** Seats the party holds in the chosen councils (0 for actors). */
  readonly seats: number;
  /** The list a faction belongs to. */
  readonly parent?: string;
  /** Councils where the party's list must be split first. */
  readonly needsSplit: readonly string[];
}

/** Parties a deal in `councils` can name: units, lists, factions (splitting as needed), blocs and actors. */
export function partyOptions(session: Session, councils: readonly string[]): readonly PartyOption[] {
  const state = session.state;
  const chosen = councils.length > 0 ? councils : state.councilOrder;
  const registry = new Map(session.dataset.data.lists.map((list) => [list.id, list]));
  const resolved = new Map(resolvedCouncils(session.dataset, session.seats).map((council) => [council.id, council]));
  const options = new Map<string, { id: string; name: string; kind: PartyKind; seats: number; parent?: string; needsSplit: string[] }>();
  const add = (id: string, name: string, kind: PartyKind, seats: number, parent?: string, splitIn?: string): void => {
    const entry = options.get(id) ?? { id, name, kind, seats: 0, ...(parent !== undefined ? { parent } : {}), needsSplit: [] };
    entry.seats += seats;
    if (splitIn !== undefined) entry.needsSplit.push(splitIn);
    options.set(id, entry);
  };
  for (const councilId of chosen) {
    const council = state.councils[councilId];
    if (!council) continue;
    for (const unit of council.units) {
      add(unit.id, unit.name, unit.kind === 'faction' ? 'faction' : unit.kind === 'member' ? 'member' : 'list', unit.seats, unit.parent);
      if (unit.parent !== undefined) add(unit.parent, registry.get(unit.parent)?.name ?? unit.parent, 'list', unit.seats);
      if (unit.kind === 'list') {
        const factions = resolved.get(councilId)?.lists.find((list) => list.id === unit.id)?.factions ?? [];
        for (const faction of factions) add(faction.id, faction.name, 'faction', faction.seats, unit.id, councilId);
      }
    }
  }
  const ordered = [...options.values()].sort((a, b) => b.seats - a.seats || a.id.localeCompare(b.id));
  const blocs = Object.keys(state.families)
    .filter((id) => chosen.some((councilId) => state.councils[councilId]?.units.some((unit) => unit.families.includes(id))))
    .map((id) => ({ id, name: session.dataset.data.blocs.find((bloc) => bloc.id === id)?.name ?? id, kind: 'bloc' as const, seats: 0, needsSplit: [] }));
  const actors = state.actors.map((actor) => ({ id: actor.id, name: actor.name, kind: 'actor' as const, seats: 0, needsSplit: [] }));
  return [...ordered, ...actors, ...blocs.filter((bloc) => !options.has(bloc.id))];
}

/** A governor the composer offers: `seated` when the party holds seats in the chosen councils. */
export interface GovernorOption extends PartyOption {
  readonly inDeal: boolean;
  readonly seated: boolean;
}

/**
 * Governors a deal can name: its own seated parties first, then any other party or actor of the
 * dataset (a governor need not hold a seat: Diyala 2024 elected a State of Law governor there).
 */
export function governorOptions(session: Session, draft: Pick<DealDraft, 'councils' | 'parties'>): readonly GovernorOption[] {
  const here = new Map(partyOptions(session, draft.councils).map((option) => [option.id, option]));
  const everywhere = partyOptions(session, []);
  const seated = (id: string): boolean => (here.get(id)?.seats ?? 0) > 0;
  const own = draft.parties
    .map((id) => here.get(id) ?? everywhere.find((option) => option.id === id))
    .filter((option): option is PartyOption => option !== undefined)
    .map((option) => ({ ...option, inDeal: true, seated: seated(option.id) }));
  const ownIds = new Set(own.map((option) => option.id));
  const others = everywhere.filter((option) => !ownIds.has(option.id)).map((option) => ({ ...option, inDeal: false, seated: seated(option.id) }));
  return [...own.filter((option) => option.seated), ...others.filter((option) => option.seated), ...own.filter((option) => !option.seated), ...others.filter((option) => !option.seated)];
}

export interface DealDraft {
  readonly councils: readonly string[];
  readonly parties: readonly string[];
  readonly governor: string | null;
}

/** A free deal id made from the parties (`badr-sadrists`); a lone party's deal is `badr-deal`, since a deal id is never a unit's. */
export function dealId(state: ScenarioState, parties: readonly string[]): string {
  const joined = parties.join('-').slice(0, 40).replace(/-+$/, '') || 'deal';
  const stem = parties.includes(joined) || namesUnit(state, joined) ? `${joined}-deal` : joined;
  let id = stem;
  for (let n = 2; state.deals[id] || state.blocs[id] || isActor(state, id) || namesUnit(state, id); n++) id = `${stem}-${n}`;
  return id;
}

/** The steps of a deal: the splits its factions need, then the deal itself. */
export function dealEdit(session: Session, draft: DealDraft): EditResult {
  if (draft.councils.length === 0) return { ok: false, message: 'choose at least one council (space in the councils column)' };
  if (draft.parties.length === 0) return { ok: false, message: 'choose the parties (space in the parties column)' };
  if (draft.governor === null) return { ok: false, message: 'choose the governor party (enter in the governor column)' };
  if (!draft.parties.includes(draft.governor) && !partyOptions(session, []).some((option) => option.id === draft.governor)) {
    return { ok: false, message: `unknown governor party ${draft.governor}: not a party, list, faction, bloc or actor of the dataset` };
  }
  const options = new Map(partyOptions(session, draft.councils).map((option) => [option.id, option]));
  const steps: Step[] = [];
  for (const party of draft.parties) {
    const option = options.get(party);
    if (!option?.parent) continue;
    for (const councilId of option.needsSplit) {
      const already = steps.some((step) => 'split' in step && step.split.council === councilId && step.split.list === option.parent);
      if (!already) steps.push({ split: { council: councilId, list: option.parent } });
    }
  }
  const id = dealId(session.state, draft.parties);
  const councils = session.state.councilOrder.filter((councilId) => draft.councils.includes(councilId));
  steps.push({ deal: { id, parties: [...draft.parties], councils, governor: draft.governor } });
  return { ok: true, edit: { label: `deal ${id}: ${draft.parties.join(', ')} in ${councils.join(', ')}; governor from ${draft.governor}`, steps } };
}

