/**
 * The explorer's one door into the scenario engine: the same loader, steps, runner, council analysis
 * and diff as `govsim run`, plus the model's power indices. Every number the UI shows comes from here
 * (majorities, votes, margins, groups, power shares, national figures); the views only lay them out.
 * The scenario engine has no notion of "the coalition on screen" or of a keyboard toggle, so this
 * module adds those as small functions that build ordinary scenario steps.
 */
import { type Council, councilMajority, presentCount, unitPresent } from '../model/council.js';
import { GovsimError } from '../model/errors.js';
import { rationalToNumber } from '../model/rational.js';
import { banzhaf, shapleyShubik } from '../model/power/index.js';
import { analyze } from '../scenarios/council-engine.js';
import { type Confidence, type LoadedDataset, nationalTotals, publishedChecks, resolvedCouncils } from '../scenarios/dataset.js';
import { type CouncilResult, type ExplanationEntry, modelCouncil, type ScenarioRun } from '../scenarios/runner.js';
import { bundledScenarioFile, loadScenario, resolveScenarioRef, scenarioFromDocument } from '../scenarios/scenario-loader.js';
import type { Group, OutcomeStatus, Step } from '../scenarios/scenario-schema.js';
import { defectedVotes, type ScenarioState } from '../scenarios/scenario-state.js';
import { diffRuns, type ScenarioDiff } from '../scenarios/diff.js';
import { exactSimulation, simulationModel } from '../scenarios/simulate.js';
import { type Session, sessionFrom, sessionScenario, type SessionOrigin } from './session.js';

/** The scenario `govsim` opens on when none is named. */
export const DEFAULT_START = 'baseline';

/** Bloc id used when a toggle has to create a coalition where none is active. */
export const WHAT_IF_BLOC = 'what-if';

/**
 * Opens a session: on `ref` (a scenario file or bundled name), or on the bundled baseline, or (if the
 * package ships none) on the dataset with no steps. Throws GovsimError subclasses for bad input.
 */
export function openSession(ref?: string, options: { cwd?: string } = {}): Session {
  const cwd = options.cwd ?? process.cwd();
  if (ref === undefined) {
    if (bundledScenarioFile(DEFAULT_START)) return sessionFrom(loadScenario(DEFAULT_START, { cwd }), { kind: 'bundled', name: DEFAULT_START });
    return datasetSession();
  }
  const file = resolveScenarioRef(ref, cwd);
  const origin: SessionOrigin = bundledScenarioFile(ref) === file ? { kind: 'bundled', name: ref } : { kind: 'file', file };
  return sessionFrom(loadScenario(ref, { cwd }), origin);
}

/** The bundled dataset as published, with no steps. */
export function datasetSession(): Session {
  return sessionFrom(scenarioFromDocument({ name: 'Dataset as published (no steps)' }), { kind: 'dataset' });
}

/** Display name of what the session was opened on. */
export function startName(session: Session): string {
  return session.origin.kind === 'bundled' ? session.origin.name : session.start.name;
}

// ---------------------------------------------------------------------------------------------------
// The coalition on screen

export type CoalitionKind = 'deal' | 'bloc' | 'list';

/** The coalition a council view edits: the governing one, else the first bloc or deal active there. */
export interface ScreenCoalition {
  readonly kind: CoalitionKind;
  readonly id: string;
  /** Whether the runner elected it in this council (the alignment it reports, elected; not a claim that fell short). */
  readonly governing: boolean;
  /** Model unit ids voting with it (defectors' units included when it governs). */
  readonly units: readonly string[];
}

function activeAlignment(state: ScenarioState, councilId: string): ScreenCoalition | null {
  for (const bloc of Object.values(state.blocs)) {
    const members = bloc.councils[councilId];
    if (members && members.length > 0) return { kind: 'bloc', id: bloc.id, governing: false, units: members };
  }
  for (const deal of Object.values(state.deals)) {
    const members = deal.councils[councilId];
    if (members && members.length > 0) return { kind: 'deal', id: deal.id, governing: false, units: members };
  }
  return null;
}

export function screenCoalition(state: ScenarioState, result: CouncilResult): ScreenCoalition | null {
  const { outcome } = result;
  if (outcome.via !== null && outcome.basis !== 'none') {
    const model = new Set(modelCouncil(state, result.id).units.map((unit) => unit.id));
    return { kind: outcome.basis, id: outcome.via, governing: outcome.status === 'elected', units: outcome.coalition.filter((id) => model.has(id)) };
  }
  return activeAlignment(state, result.id);
}

// ---------------------------------------------------------------------------------------------------
// Country view

export interface CountryRow {
  readonly id: string;
  readonly name: string;
  readonly group: Group;
  /** `derived` or `set by …`. */
  readonly groupSource: string;
  readonly seats: number;
  readonly majority: number;
  readonly present: number;
  /** Weakest confidence of the council's seat figures at this seat set. */
  readonly confidence: Confidence;
  readonly status: OutcomeStatus;
  readonly governorFrom: string | null;
  readonly coalition: (ScreenCoalition & { readonly votes: number; readonly margin: number }) | null;
}

const countryCache = new WeakMap<ScenarioRun, readonly CountryRow[]>();

export function countryRows(session: Session): readonly CountryRow[] {
  const cached = countryCache.get(session.run);
  if (cached) return cached;
  const confidence = new Map(resolvedCouncils(session.dataset, session.seats).map((council) => [council.id, council.confidence]));
  const rows = session.run.councils.map((result): CountryRow => {
    const coalition = screenCoalition(session.state, result);
    let measured: CountryRow['coalition'] = null;
    if (coalition?.governing) {
      measured = { ...coalition, votes: result.outcome.votes, margin: result.outcome.margin ?? result.outcome.votes - result.outcome.needed };
    } else if (coalition) {
      // A bloc that does not govern: its present members against the absolute majority of all members.
      const model = modelCouncil(session.state, result.id);
      const votes = presentCount({ ...model, units: model.units.filter((unit) => coalition.units.includes(unit.id)) });
      measured = { ...coalition, votes, margin: votes - councilMajority(model) };
    }
    return {
      id: result.id,
      name: result.name,
      group: result.group,
      groupSource: result.groupSource,
      seats: result.seats,
      majority: result.majority,
      present: result.present,
      confidence: confidence.get(result.id) ?? 'documented',
      status: result.outcome.status,
      governorFrom: result.outcome.governorFrom,
      coalition: measured,
    };
  });
  countryCache.set(session.run, rows);
  return rows;
}

export interface NationalLine {
  readonly seatSet: string;
  readonly seatSetName: string;
  readonly seats: number;
  /** The focus bloc's core lists nationally (e.g. the CF big three: 102 final, 101 preliminary). */
  readonly figure?: { readonly label: string; readonly computed: number; readonly published?: number };
  readonly byStatus: Readonly<Record<OutcomeStatus, number>>;
  readonly groups: Readonly<Record<Group, number>>;
}

const nationalCache = new WeakMap<ScenarioRun, NationalLine>();

/**
 * National figures for the seat set in use: total seats and the published figure about the focus bloc's
 * lists (a figure summing several lists that all belong to `meta.focusBloc`), recomputed from the councils.
 */
export function nationalLine(session: Session): NationalLine {
  const cached = nationalCache.get(session.run);
  if (cached) return cached;
  const ds = session.dataset;
  const seats = session.seats;
  const focus = ds.data.meta.focusBloc;
  const members = new Set(ds.data.blocs.find((bloc) => bloc.id === focus)?.members ?? []);
  const candidates = ds.data.published.filter((figure) => figure.lists !== undefined && figure.lists.length > 1 && figure.lists.every((id) => members.has(id)));
  const here = candidates.find((figure) => figure.seatSets.includes(seats));
  let figure: NationalLine['figure'];
  if (here) {
    const check = publishedChecks(ds, seats).find((entry) => entry.id === here.id);
    if (check) figure = { label: here.label, computed: check.computed, published: check.published };
  } else if (candidates[0]) {
    // Never published for this seat set (an alternative estimate): show the computed value alone.
    const totals = nationalTotals(ds, seats);
    figure = { label: candidates[0].label, computed: candidates[0].lists!.reduce((sum, id) => sum + (totals.byList[id] ?? 0), 0) };
  }
  const line: NationalLine = {
    seatSet: seats,
    seatSetName: ds.data.seatSets.find((set) => set.id === seats)?.name ?? seats,
    seats: nationalTotals(ds, seats).seats,
    ...(figure ? { figure } : {}),
    byStatus: session.run.national.byStatus,
    groups: session.run.national.groups,
  };
  nationalCache.set(session.run, line);
  return line;
}

export interface SeatSetOption {
  readonly id: string;
  readonly name: string;
  readonly description: string;
}

export function seatSetOptions(dataset: LoadedDataset): readonly SeatSetOption[] {
  return dataset.seatSets.map((id) => {
    const set = dataset.data.seatSets.find((entry) => entry.id === id);
    return { id, name: set?.name ?? id, description: set?.description.trim() ?? '' };
  });
}

// ---------------------------------------------------------------------------------------------------
// Council view

export interface UnitRow {
  readonly id: string;
  readonly name: string;
  readonly kind: string;
  readonly seats: number;
  readonly present: number;
  readonly defected: number;
  readonly parent?: string;
  readonly inCoalition: boolean;
  readonly pivotal: boolean;
  /** Normalised Banzhaf and Shapley–Shubik shares (0..1), when defined. */
  readonly banzhaf?: number;
  readonly shapleyShubik?: number;
  /** A list the dataset can split into factions here. */
  readonly splittable: boolean;
}

export interface CouncilDetail {
  readonly result: CouncilResult;
  readonly coalition: ScreenCoalition | null;
  /** The coalition's check: present votes against the absolute majority. */
  readonly check: { readonly votes: number; readonly needed: number; readonly margin: number; readonly majority: boolean } | null;
  readonly units: readonly UnitRow[];
  readonly pivotal: readonly string[];
  /** Single-seat changes that flip whether the coalition (or any coalition) has a majority. */
  readonly hinges: readonly string[];
  readonly explanation: readonly ExplanationEntry[];
  /** Why the power indices are missing, when they are. */
  readonly powerNote?: string;
}

const detailCache = new WeakMap<ScenarioRun, Map<string, CouncilDetail>>();
const powerCache = new Map<string, { banzhaf: Map<string, number>; shapleyShubik: Map<string, number> } | string>();
const POWER_CACHE_LIMIT = 512;

/**
 * Normalised Banzhaf and Shapley–Shubik shares of the council's weighted game (weights = present seats,
 * quota = the absolute majority, as the analysis defines it). They depend on attendance only, not on who
 * is in the coalition, so they are memoised by the game. A string says why they are undefined.
 */
function powerShares(model: Council): { banzhaf: Map<string, number>; shapleyShubik: Map<string, number> } | string {
  const quota = councilMajority(model);
  const weights = model.units.map(unitPresent);
  const names = model.units.map((unit) => unit.id);
  const key = `${quota}|${weights.join(',')}|${names.join(',')}`;
  const cached = powerCache.get(key);
  if (cached !== undefined) return cached;
  const present = presentCount(model);
  let shares: ReturnType<typeof powerShares>;
  if (present < quota) shares = `power indices undefined: those present (${present}) cannot reach ${quota}`;
  else {
    const game = { quota, weights, names };
    shares = {
      banzhaf: new Map(banzhaf(game).players.map((player) => [player.name, player.float])),
      shapleyShubik: new Map(shapleyShubik(game).players.map((player) => [player.name, player.float])),
    };
  }
  if (powerCache.size >= POWER_CACHE_LIMIT) powerCache.delete(powerCache.keys().next().value!);
  powerCache.set(key, shares);
  return shares;
}

/** A council's value memoised per owner (a run, a state): computed once for each pair. */
function perCouncil<K extends object, V>(cache: WeakMap<K, Map<string, V>>, owner: K, councilId: string, compute: () => V): V {
  let values = cache.get(owner);
  if (!values) {
    values = new Map();
    cache.set(owner, values);
  }
  let value = values.get(councilId);
  if (value === undefined) {
    value = compute();
    values.set(councilId, value);
  }
  return value;
}

export function councilDetail(session: Session, councilId: string): CouncilDetail {
  return perCouncil(detailCache, session.run, councilId, () => computeDetail(session, councilId));
}

function computeDetail(session: Session, councilId: string): CouncilDetail {
  const result = session.run.councils.find((council) => council.id === councilId);
  if (!result) throw new RangeError(`unknown council ${councilId}`);
  const model = modelCouncil(session.state, councilId);
  const coalition = screenCoalition(session.state, result);
  // The runner's own analysis, with the coalition on screen declared (memoised by council content).
  const analysis = analyze(model, coalition?.units);
  let check: CouncilDetail['check'] = null;
  if (coalition?.governing) {
    const { outcome } = result;
    check = { votes: outcome.votes, needed: outcome.needed, margin: outcome.votes - outcome.needed, majority: outcome.status === 'elected' };
  } else if (coalition) {
    const votes = presentCount({ ...model, units: model.units.filter((unit) => coalition.units.includes(unit.id)) });
    check = { votes, needed: analysis.majority, margin: votes - analysis.majority, majority: analysis.quorum.met && votes >= analysis.majority };
  }
  const pivotal = coalition ? analysis.pivotal : result.pivotal;
  const power = powerShares(model);
  const members = new Set(coalition?.units ?? []);
  const splittable = new Set(splittableLists(session, councilId));
  // Units as the scenario state holds them (names, kinds, factions), with the run's attendance.
  const units = (session.state.councils[councilId]?.units ?? []).map((unit): UnitRow => {
    const bz = typeof power === 'string' ? undefined : power.banzhaf.get(unit.id);
    const ss = typeof power === 'string' ? undefined : power.shapleyShubik.get(unit.id);
    return {
      id: unit.id,
      name: unit.name,
      kind: unit.kind,
      seats: unit.seats,
      present: unit.present,
      defected: defectedVotes(unit),
      ...(unit.parent !== undefined ? { parent: unit.parent } : {}),
      inCoalition: members.has(unit.id),
      pivotal: pivotal.includes(unit.id),
      ...(bz !== undefined ? { banzhaf: bz } : {}),
      ...(ss !== undefined ? { shapleyShubik: ss } : {}),
      splittable: splittable.has(unit.id),
    };
  });
  return {
    result,
    coalition,
    check,
    units,
    pivotal,
    hinges: analysis.hinges,
    explanation: result.explanation,
    ...(typeof power === 'string' ? { powerNote: power } : {}),
  };
}

/** Lists in a council that the dataset can split into factions at the session's seat set. */
function splittableLists(session: Session, councilId: string): string[] {
  const council = resolvedCouncils(session.dataset, session.seats).find((entry) => entry.id === councilId);
  if (!council) return [];
  const units = session.state.councils[councilId]?.units ?? [];
  return council.lists
    .filter((list) => list.factions && list.factions.length > 0 && units.some((unit) => unit.id === list.id && unit.kind === 'list'))
    .map((list) => list.id);
}

// ---------------------------------------------------------------------------------------------------
// Edits: what a key in the council view means, as scenario steps

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
  for (let n = 2; state.deals[id] || state.actors.some((actor) => actor.id === id); n++) id = `${WHAT_IF_BLOC}-${n}`;
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

export interface DealDraft {
  readonly councils: readonly string[];
  readonly parties: readonly string[];
  readonly governor: string | null;
}

/** A free deal id made from the parties (`badr-sadrists`). */
export function dealId(state: ScenarioState, parties: readonly string[]): string {
  const stem = parties.join('-').slice(0, 40).replace(/-+$/, '') || 'deal';
  let id = stem;
  for (let n = 2; state.deals[id] || state.blocs[id] || state.actors.some((actor) => actor.id === id); n++) id = `${stem}-${n}`;
  return id;
}

/** The steps of a deal: the splits its factions need, then the deal itself. */
export function dealEdit(session: Session, draft: DealDraft): EditResult {
  if (draft.councils.length === 0) return { ok: false, message: 'choose at least one council (space in the councils column)' };
  if (draft.parties.length === 0) return { ok: false, message: 'choose the parties (space in the parties column)' };
  if (draft.governor === null) return { ok: false, message: 'choose the governor party (enter in the governor column)' };
  if (!draft.parties.includes(draft.governor)) return { ok: false, message: `the governor party ${draft.governor} must be one of the parties` };
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

// ---------------------------------------------------------------------------------------------------
// Probabilities (the uncertainty engine, exact only: a keypress must stay fast)

export const NO_PROBABILITIES = 'this scenario has no probabilities: block';

export type CouncilProbabilities =
  | {
      readonly elected: number;
      readonly deadlock: number;
      readonly noQuorum: number;
      /** E[votes − threshold]. */
      readonly expectedMargin: number;
      /** The units most often pivotal (at most 3, P > 0), most often first. */
      readonly pivotal: readonly { readonly id: string; readonly p: number }[];
    }
  | { readonly unavailable: string };

const probabilityCache = new WeakMap<ScenarioState, Map<string, CouncilProbabilities>>();

/**
 * Exact outcome probabilities of one council for the session's current steps under the opened
 * scenario's `probabilities:` block (as `govsim simulate --exact` would give for the saved what-if).
 * Memoised per (state, council).
 */
export function councilProbabilities(session: Session, councilId: string): CouncilProbabilities {
  return perCouncil(probabilityCache, session.state, councilId, () => computeProbabilities(session, councilId));
}

function computeProbabilities(session: Session, councilId: string): CouncilProbabilities {
  // The session as a loaded scenario: opened scenario's steps, the user's edits, its probabilities block.
  const scenario = sessionScenario(session);
  if (scenario.probabilities === undefined || scenario.probabilities === null) return { unavailable: NO_PROBABILITIES };
  try {
    // The user's attendance edits are certain; the block's probabilities are for the rest.
    const simulation = simulationModel(scenario, { councils: [councilId], editsSince: session.startState });
    const exact = exactSimulation(simulation.model);
    if ('unavailable' in exact) return { unavailable: exact.unavailable };
    const council = exact.outcome.councils.find((entry) => entry.council === councilId);
    if (!council) return { unavailable: `${councilId} is not in the simulation` };
    const pivotal = Object.entries(council.pivotal)
      .map(([id, p]) => ({ id, p: rationalToNumber(p) }))
      .filter((entry) => entry.p > 0)
      .sort((a, b) => b.p - a.p || a.id.localeCompare(b.id))
      .slice(0, 3);
    return {
      elected: rationalToNumber(council.elected),
      deadlock: rationalToNumber(council.deadlock),
      noQuorum: rationalToNumber(council.noQuorum),
      expectedMargin: rationalToNumber(council.expectedMargin),
      pivotal,
    };
  } catch (error) {
    if (error instanceof GovsimError) return { unavailable: error.message };
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------------
// Diff

export function baselineDiff(session: Session): ScenarioDiff {
  // The dataset's published list figures (the CF big three) are compared nationally, as `govsim diff` does.
  const figures = session.dataset.data.published.flatMap((figure) => (figure.lists !== undefined ? [{ label: figure.label, lists: figure.lists }] : []));
  return diffRuns(session.baseline, session.run, figures);
}

/** Councils whose outcome differs between two runs (status, governor, votes, …), with a short summary. */
export function changedCouncils(before: ScenarioRun, after: ScenarioRun): { id: string; summary: string }[] {
  return diffRuns(before, after).councils.map((council) => {
    const status = council.changes.find((change) => change.field === 'status');
    const governor = council.changes.find((change) => change.field === 'governorFrom');
    const margin = council.changes.find((change) => change.field === 'margin');
    const parts = [
      status ? `${status.before} → ${status.after}` : undefined,
      governor ? `governor ${governor.before} → ${governor.after}` : undefined,
      !status && margin ? `margin ${margin.before} → ${margin.after}` : undefined,
    ].filter((part): part is string => part !== undefined);
    const fields = council.changes.length > 0 ? council.changes.map((change) => change.field).join(', ') : 'seats and alignments';
    return { id: council.id, summary: `${council.name} ${parts.length > 0 ? parts.join(', ') : fields}` };
  });
}
