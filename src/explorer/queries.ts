/**
 * The explorer's questions, over one run result per state: the country rows, the national line, a
 * council's detail (the coalition on screen, its check, units, power shares, hinges), probabilities and
 * the diff against the opened scenario. Every number comes from the run or the scenarios layer's run
 * queries (src/scenarios/run-queries.ts) and the model's power indices; the views only lay them out.
 */
import { GovsimError } from '../model/errors.js';
import { rationalToNumber } from '../model/rational.js';
import { banzhaf, shapleyShubik } from '../model/power/index.js';
import { type Confidence, type LoadedDataset, measurePublishedFigure, nationalTotals, publishedChecks, publishedVerdict, resolvedCouncils } from '../dataset/dataset.js';
import type { CouncilResult, ExplanationEntry, ScenarioRun } from '../scenarios/runner.js';
import { type CoalitionCheck, coalitionAnalysis, coalitionCheck, governingUnits, votingGame } from '../scenarios/run-queries.js';
import type { LoadedScenario } from '../scenarios/scenario-loader.js';
import type { Group, OutcomeStatus } from '../scenarios/scenario-schema.js';
import type { ScenarioState } from '../scenarios/scenario-state.js';
import { diffRuns, type ScenarioDiff } from '../scenarios/diff.js';
import { exactSimulation, simulationModel } from '../scenarios/simulate.js';
import { type Session, sessionScenario } from './session.js';

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
    return { kind: outcome.basis, id: outcome.via, governing: outcome.status === 'elected', units: governingUnits(state, result) };
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
    if (coalition) {
      // The same check as the council view's: the run's votes and threshold, one definition.
      const { votes, margin } = coalitionCheck(session.state, result, coalition.units, coalition.governing);
      measured = { ...coalition, votes, margin };
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
  readonly figure?: { readonly label: string; readonly computed: number; readonly published?: number; /** `✓ confirmed`, `≈ fitted (…)`, …: what the match is worth. */ readonly verdict?: string };
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
    if (check) figure = { label: here.label, computed: check.computed, published: check.published, verdict: publishedVerdict(check) };
  } else if (candidates[0]) {
    // Never published for this seat set (an alternative estimate): show the computed value alone.
    figure = { label: candidates[0].label, computed: measurePublishedFigure(ds, candidates[0], seats).value };
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
  readonly check: CoalitionCheck | null;
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
 * Normalised Banzhaf and Shapley–Shubik shares of the council's weighted game (the scenarios layer's
 * `votingGame`: weights = present seats, quota = the run's threshold). They depend on attendance only,
 * not on who is in the coalition, so they are memoised by the game. A string says why they are undefined.
 */
function powerShares(session: Session, result: CouncilResult): { banzhaf: Map<string, number>; shapleyShubik: Map<string, number> } | string {
  const game = votingGame(session.state, result.id);
  const key = `${game.quota}|${game.weights.join(',')}|${game.names!.join(',')}`;
  const cached = powerCache.get(key);
  if (cached !== undefined) return cached;
  let shares: ReturnType<typeof powerShares>;
  if (result.present < result.majority) shares = `power indices undefined: those present (${result.present}) cannot reach ${result.majority}`;
  else {
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
export function perCouncil<K extends object, V>(cache: WeakMap<K, Map<string, V>>, owner: K, councilId: string, compute: () => V): V {
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
  const coalition = screenCoalition(session.state, result);
  // The runner's own analysis, with the coalition on screen declared (memoised by council content).
  const analysis = coalitionAnalysis(session.state, councilId, coalition?.units);
  const check = coalition ? coalitionCheck(session.state, result, coalition.units, coalition.governing) : null;
  const pivotal = coalition ? analysis.pivotal : result.pivotal;
  const power = powerShares(session, result);
  const defected = new Map(result.units.map((unit) => [unit.id, unit.defected ?? 0]));
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
      defected: defected.get(unit.id) ?? 0,
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
// Probabilities (the uncertainty engine, exact only: a keypress must stay fast)

export const NO_PROBABILITIES = 'this scenario has no probabilities: block';

export type CouncilProbabilities =
  | {
      readonly elected: number;
      /** Another alignment elected (the CF rump against a deal, say). */
      readonly rivalElected: number;
      readonly deadlock: number;
      readonly noQuorum: number;
      /** E[votes − threshold]. */
      readonly expectedMargin: number;
      /** The units most often pivotal (at most 3, P > 0), most often first. */
      readonly pivotal: readonly { readonly id: string; readonly p: number }[];
    }
  | { readonly unavailable: string };

/**
 * Keyed by the opened scenario and then the state: two sessions can reach the same state object (the
 * dataset's shared base state, say) from scenarios with different `probabilities:` blocks.
 */
const probabilityCache = new WeakMap<LoadedScenario, WeakMap<ScenarioState, Map<string, CouncilProbabilities>>>();

/**
 * Exact outcome probabilities of one council for the session's current steps under the opened
 * scenario's `probabilities:` block (as `govsim simulate --exact` would give for the saved what-if).
 * Memoised per (opened scenario, state, council).
 */
export function councilProbabilities(session: Session, councilId: string): CouncilProbabilities {
  let byState = probabilityCache.get(session.start);
  if (!byState) probabilityCache.set(session.start, (byState = new WeakMap<ScenarioState, Map<string, CouncilProbabilities>>()));
  return perCouncil(byState, session.state, councilId, () => computeProbabilities(session, councilId));
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
      rivalElected: rationalToNumber(council.rivalElected),
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
    // No status, governor or margin change: say which figures moved and how (`present 29 of 29 → 28 of 29`), not just their names.
    const fields = council.changes.length > 0 ? council.changes.map((change) => `${change.field} ${change.before} → ${change.after}`).join(', ') : 'seats and alignments';
    return { id: council.id, summary: `${council.name} ${parts.length > 0 ? parts.join(', ') : fields}` };
  });
}
