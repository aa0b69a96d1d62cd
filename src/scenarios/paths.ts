/**
 * "What would it take" over a scenario: its final state and run become the plain input of
 * src/model/paths (per council: units with their alignment, threshold, quorum, incompatibilities,
 * vetoes, confidence of the seats), and each path found becomes ordinary scenario steps
 * (`join`/`deal`, `attend`, `defect`, `transfer`) that can be applied and undone like any other.
 */
import { type Council, councilMajority, councilQuorum } from '../model/council.js';
import { GovsimUsageError } from '../model/errors.js';
import {
  type BreakingPoint,
  breakingPoints,
  type CouncilBreaking,
  councilPaths,
  type CouncilPath,
  type CouncilPaths,
  type CouncilPathsOptions,
  type FrontierOptions,
  type PackageCouncil,
  packageFrontier,
  type PackageFrontier,
  type PackageInput,
  packageOutcome,
  type PackageOutcome,
  partnerCandidates,
  type PathConfidence,
  type PathsAlignment,
  type PathsCouncil,
  type PathsTarget,
  type PathsUnit,
  weakestConfidence,
} from '../model/paths/index.js';
import { type LoadedDataset, resolvedCouncils } from '../dataset/dataset.js';
import { didYouMean } from '../model/suggest.js';
import { DEFECTOR_SEPARATOR, modelCouncil, runScenario, type ScenarioRun } from './runner.js';
import type { LoadedScenario } from './scenario-loader.js';
import type { Step } from './scenario-schema.js';
import type { ScenarioState } from './scenario-state.js';
import { applySteps, resolveInCouncil } from './steps/index.js';
import { existsAnywhere } from './steps/resolve.js';

/** Confidence of each unit's seats and of the council's size, from the dataset at the scenario's seat set. */
function seatConfidence(dataset: LoadedDataset, state: ScenarioState, councilId: string): { size: PathConfidence; units: Map<string, PathConfidence> } {
  const resolved = resolvedCouncils(dataset, state.seats).find((council) => council.id === councilId);
  const units = new Map<string, PathConfidence>();
  if (!resolved) return { size: 'documented', units };
  for (const list of resolved.lists) {
    units.set(list.id, list.confidence);
    for (const faction of list.factions ?? []) units.set(faction.id, weakestConfidence([list.confidence, faction.confidence]));
  }
  for (const member of resolved.quotaMembers) units.set(member.id, member.confidence);
  return { size: resolved.sizeConfidence, units };
}

function alignmentsOf(state: ScenarioState, councilId: string, model: Council): { byUnit: Map<string, string>; alignments: PathsAlignment[] } {
  const byUnit = new Map<string, string>();
  const alignments = new Map<string, PathsAlignment>();
  const deals = Object.values(state.deals).filter((deal) => deal.councils[councilId] !== undefined);
  const blocs = Object.values(state.blocs).filter((bloc) => bloc.councils[councilId] !== undefined);
  const own = (unitId: string): string => {
    const deal = deals.find((entry) => entry.councils[councilId]!.includes(unitId));
    if (deal) {
      alignments.set(deal.id, { id: deal.id, kind: 'deal' });
      return deal.id;
    }
    const bloc = blocs.find((entry) => entry.councils[councilId]!.includes(unitId));
    if (bloc) {
      // A bloc some of whose members a deal took away here votes as a rump.
      const rump = bloc.councils[councilId]!.some((member) => deals.some((entry) => entry.councils[councilId]!.includes(member)));
      alignments.set(bloc.id, { id: bloc.id, kind: rump ? 'rump' : 'bloc' });
      return bloc.id;
    }
    alignments.set(unitId, { id: unitId, kind: 'list' });
    return unitId;
  };
  for (const unit of model.units) {
    const cut = unit.id.indexOf(DEFECTOR_SEPARATOR);
    if (cut < 0) {
      byUnit.set(unit.id, own(unit.id));
      continue;
    }
    // Defectors vote with their target: a deal or bloc, a unit's alignment, or (`none`) against all.
    const to = unit.id.slice(cut + 1);
    if (state.deals[to] || state.blocs[to]) {
      alignments.set(to, alignments.get(to) ?? { id: to, kind: state.deals[to] ? 'deal' : 'bloc' });
      byUnit.set(unit.id, to);
    } else if (model.units.some((other) => other.id === to)) byUnit.set(unit.id, own(to));
    else {
      alignments.set(unit.id, { id: unit.id, kind: 'list' });
      byUnit.set(unit.id, unit.id);
    }
  }
  return { byUnit, alignments: [...alignments.values()] };
}

/** One council of a scenario as the paths model sees it. */
export function pathsCouncil(scenario: LoadedScenario, run: ScenarioRun, councilId: string): PathsCouncil {
  const { state } = scenario;
  const result = run.councils.find((council) => council.id === councilId);
  if (!result) throw new GovsimUsageError(`unknown council "${councilId}" in scenario ${run.id} (councils: ${run.councils.map((council) => council.id).join(', ')})`);
  const model = modelCouncil(state, councilId);
  const { byUnit, alignments } = alignmentsOf(state, councilId, model);
  const confidence = seatConfidence(scenario.dataset, state, councilId);
  const elected = result.outcome.status === 'elected' ? result.outcome.via : null;
  // A list governing alone from inside a bloc that falls short: its coalition is its alignment here.
  const governingUnits = new Set(elected !== null && !alignments.some((entry) => entry.id === elected) ? result.outcome.coalition : []);
  if (governingUnits.size > 0) alignments.push({ id: elected!, kind: 'list' });
  const units: PathsUnit[] = model.units.map((unit) => {
    const from = unit.id.split(DEFECTOR_SEPARATOR)[0]!;
    return {
      id: unit.id,
      seats: unit.seats,
      present: unit.present ?? unit.seats,
      alignment: governingUnits.has(unit.id) ? elected! : byUnit.get(unit.id)!,
      party: unit.parent ?? from,
      confidence: confidence.units.get(from) ?? 'documented',
    };
  });
  return {
    id: councilId,
    threshold: councilMajority(model),
    quorum: councilQuorum(model),
    units,
    alignments,
    governing: elected,
    incompatible: model.constraints?.incompatible ?? [],
    confidence: confidence.size,
  };
}

/** The dataset's focus bloc (the CF in iraq-2023): the default `for`. */
export function defaultTarget(scenario: LoadedScenario): string {
  const focus = scenario.dataset.data.meta.focusBloc;
  if (focus === undefined) throw new GovsimUsageError('this dataset names no focus bloc: say whom the paths are for (--for PARTY|BLOC|DEAL)');
  return focus;
}

function checkTarget(state: ScenarioState, id: string): void {
  if (existsAnywhere(state, id)) return;
  const blocs = [...new Set([...Object.keys(state.blocs), ...Object.keys(state.families)])];
  const known = [...Object.keys(state.deals), ...blocs, ...state.councilOrder.flatMap((council) => state.councils[council]!.units.map((unit) => unit.id))];
  throw new GovsimUsageError(`unknown party, bloc or deal "${id}"${didYouMean(id, known)} (deals: ${Object.keys(state.deals).join(', ') || 'none'}; blocs: ${blocs.join(', ')})`);
}

/** The units voting with `id` in a council (its own, and defectors won over to it), and whether a veto blocks it. */
export function pathsTarget(scenario: LoadedScenario, council: PathsCouncil, id: string): PathsTarget {
  const { state } = scenario;
  checkTarget(state, id);
  // A deal takes its parties out of their blocs: a bloc or party here votes without them (its rump).
  const dealIds = new Set(council.alignments.filter((entry) => entry.kind === 'deal' && entry.id !== id).map((entry) => entry.id));
  const alignmentOf = new Map(council.units.map((unit) => [unit.id, unit.alignment]));
  const own = resolveInCouncil(state, council.id, id).filter((unit) => !dealIds.has(alignmentOf.get(unit)!));
  const units = [...own];
  for (const unit of council.units) {
    const cut = unit.id.indexOf(DEFECTOR_SEPARATOR);
    if (cut < 0) continue;
    const to = unit.id.slice(cut + 1);
    if (to === id || own.includes(to)) units.push(unit.id);
  }
  const governorRef = state.deals[id]?.governor;
  const governorUnits = governorRef !== undefined ? resolveInCouncil(state, council.id, governorRef) : own;
  const vetoes = state.vetoes.filter((veto) => veto.councils.includes(council.id));
  const vetoed = (unit: string): string | undefined => vetoes.find((veto) => veto.against.some((ref) => resolveInCouncil(state, council.id, ref).includes(unit)))?.actor;
  // Blocked only when every unit the governor could come from is vetoed (none here: not blocked by a veto).
  const vetoers = governorUnits.map(vetoed);
  const vetoedBy = vetoers.every((actor) => actor !== undefined) ? vetoers[0] : undefined;
  let blocked: string | undefined;
  if (state.deals[id] && !state.deals[id].councils[council.id]) blocked = `deal ${id} does not cover this council`;
  // The engine names a governor from a seated party; a governor from outside the council is not modelled here.
  else if (own.length === 0) blocked = `${id} holds no seat in this council`;
  else if (vetoedBy !== undefined) blocked = `its governor's party is vetoed by ${vetoedBy}`;
  return { id, units, ...(blocked !== undefined ? { blocked } : {}) };
}

export interface PathsQuery {
  /** Party, bloc or deal id (default: the dataset's focus bloc). */
  readonly for?: string;
  /** Only these councils (default: all). */
  readonly councils?: readonly string[];
  readonly limit?: number;
}

export interface ScenarioPaths {
  readonly scenario: string;
  readonly for: string;
  /** Every council's paths, ranked inside each council. */
  readonly councils: readonly CouncilPaths[];
  /** The same paths, flattened, council by council. */
  readonly paths: readonly CouncilPath[];
  readonly breaking: readonly CouncilBreaking[];
}

function selected(scenario: LoadedScenario, councils: readonly string[] | undefined): string[] {
  const order = scenario.state.councilOrder;
  if (councils === undefined) return [...order];
  for (const id of councils) if (!order.includes(id)) throw new GovsimUsageError(`unknown council "${id}" (councils: ${order.join(', ')})`);
  return order.filter((id) => councils.includes(id));
}

/** Paths to the threshold for a party, bloc or deal, and the breaking points of who governs, per council. */
export function scenarioPaths(scenario: LoadedScenario, query: PathsQuery = {}, run: ScenarioRun = runScenario(scenario)): ScenarioPaths {
  const target = query.for ?? defaultTarget(scenario);
  checkTarget(scenario.state, target);
  const options: CouncilPathsOptions = query.limit !== undefined ? { limit: query.limit } : {};
  const councils: CouncilPaths[] = [];
  const breaking: CouncilBreaking[] = [];
  for (const id of selected(scenario, query.councils)) {
    const council = pathsCouncil(scenario, run, id);
    councils.push(councilPaths(council, pathsTarget(scenario, council, target), options));
    breaking.push(breakingPoints(council, options));
  }
  return { scenario: run.id, for: target, councils, paths: councils.flatMap((entry) => entry.paths), breaking };
}

/** A path in words: `add a + b`, `bring back 2 of x`, `win over 1 of y`, `move 1 seat from z`. */
export function pathSummary(path: CouncilPath): string {
  switch (path.kind) {
    case 'partners':
      return `add ${path.add.join(' + ')}`;
    case 'return':
      return `bring back ${path.members.map((member) => `${member.seats} of ${member.unit}`).join(', ')}`;
    case 'defections':
      return `win over ${path.members.map((member) => `${member.seats} of ${member.unit}`).join(', ')}`;
    case 'transfer':
      return `move ${path.members.map((member) => `${member.seats} seat${member.seats === 1 ? '' : 's'} from ${member.unit}`).join(', ')}`;
  }
}

/**
 * The scenario steps that carry out a path (applied after the scenario's own steps, they reach the
 * threshold). A target that is a deal or a bloc here takes partners by `join` and defectors by name;
 * any other target (a party, a list, a political family) first becomes a deal of its own here, so
 * that its votes, partners' and defectors' included, count as one alignment.
 */
export function pathSteps(scenario: LoadedScenario, path: CouncilPath): Step[] {
  const { state } = scenario;
  const council = path.council;
  const targetUnits = resolveInCouncil(state, council, path.for);
  // Moved seats need one unit to go to: the target's largest here.
  const anchor = [...(state.councils[council]?.units ?? [])].filter((unit) => targetUnits.includes(unit.id)).sort((a, b) => b.seats - a.seats)[0]?.id ?? path.for;
  const alignment = state.deals[path.for]?.councils[council] !== undefined || state.blocs[path.for]?.councils[council] !== undefined;
  const dealId = `${path.for}-${council}`;
  const own: Step[] = alignment ? [] : [{ deal: { id: dealId, parties: [path.for, ...path.add], councils: [council], governor: path.for } }];
  const to = alignment ? path.for : dealId;
  switch (path.kind) {
    case 'partners':
      return alignment ? [{ join: { units: [...path.add], to: path.for, councils: [council] } }] : own;
    case 'return':
      return [...own, ...path.members.map((member): Step => ({ attend: { council, units: [member.unit], seats: member.seats } }))];
    case 'defections':
      return [...own, ...path.members.map((member): Step => ({ defect: { council, from: member.unit, seats: member.seats, to } }))];
    case 'transfer':
      return [...own, ...path.members.map((member): Step => ({ transfer: { council, from: member.unit, to: anchor, seats: member.seats } }))];
  }
}

/**
 * The scenario steps that carry out a breaking point: `leave` for units exiting a bloc or deal (a
 * list governing alone votes against itself instead), `defect` (votes against) for members, `absent`
 * for a boycott. Null when the point names a group of defectors, which no step can address by id.
 */
export function breakingSteps(scenario: LoadedScenario, point: BreakingPoint): Step[] | null {
  if (point.units.some((unit) => unit.includes(DEFECTOR_SEPARATOR))) return null;
  const { state } = scenario;
  const council = point.council;
  const present = new Map((state.councils[council]?.units ?? []).map((unit) => [unit.id, unit.present - unit.defections.reduce((total, entry) => total + entry.votes, 0)]));
  switch (point.kind) {
    case 'exit':
      return state.deals[point.alignment] !== undefined || state.blocs[point.alignment] !== undefined
        ? [{ leave: { units: [...point.units], from: point.alignment, councils: [council] } }]
        : point.units.map((unit): Step => ({ defect: { council, from: unit, seats: present.get(unit) ?? 0 } }));
    case 'members': {
      const steps: Step[] = [];
      let left = point.seats;
      for (const unit of point.units) {
        const seats = Math.min(left, present.get(unit) ?? 0);
        if (seats > 0) steps.push({ defect: { council, from: unit, seats } });
        left -= seats;
      }
      return steps;
    }
    case 'boycott':
      return [{ absent: { council, units: [...point.units] } }];
  }
}

/** The scenario with extra steps applied after its own, ready to run. */
export function withSteps(scenario: LoadedScenario, steps: readonly Step[]): LoadedScenario {
  const applied = applySteps(scenario.state, steps, scenario.dataset, scenario.steps.length);
  return { ...scenario, state: applied.state, transitions: [...scenario.transitions, ...applied.transitions] };
}

export interface NationalQuery {
  readonly for?: string;
  /** Candidate partners (default: every party with seats in two councils or more, outside the target). */
  readonly candidates?: readonly string[];
  readonly maxPartners?: number;
  /** Candidate pairs that may not be in one package (added to the scenario's incompatibilities). */
  readonly incompatible?: readonly (readonly [string, string])[];
  readonly limit?: number;
}

/**
 * Parties with seats in at least two councils, largest first, that are not wholly inside the target
 * (so never the target itself).
 * Quota members (individuals) and the seats the sources attribute to no list are not parties.
 */
export function nationalParties(scenario: LoadedScenario, target: string): string[] {
  const { state } = scenario;
  const placeholders = new Set(resolvedCouncils(scenario.dataset, state.seats).flatMap((council) => council.lists.filter((list) => list.placeholder).map((list) => list.id)));
  const seats = new Map<string, { councils: Set<string>; seats: number; outside: boolean }>();
  for (const councilId of state.councilOrder) {
    const inTarget = new Set(resolveInCouncil(state, councilId, target));
    for (const unit of state.councils[councilId]!.units) {
      if (unit.kind === 'member' || placeholders.has(unit.id)) continue;
      const party = unit.parent ?? unit.id;
      const entry = seats.get(party) ?? { councils: new Set<string>(), seats: 0, outside: false };
      entry.councils.add(councilId);
      entry.seats += unit.seats;
      if (!inTarget.has(unit.id)) entry.outside = true;
      seats.set(party, entry);
    }
  }
  return [...seats]
    .filter(([, entry]) => entry.councils.size >= 2 && entry.outside)
    .sort((a, b) => b[1].seats - a[1].seats || a[0].localeCompare(b[0]))
    .map(([id]) => id);
}

/** The national package search's input: per council, the target's votes and what each candidate brings. */
export function packageInput(scenario: LoadedScenario, query: NationalQuery = {}, run: ScenarioRun = runScenario(scenario)): PackageInput {
  const target = query.for ?? defaultTarget(scenario);
  checkTarget(scenario.state, target);
  const candidates = [...(query.candidates ?? nationalParties(scenario, target))];
  for (const id of candidates) checkTarget(scenario.state, id);
  const incompatible: [string, string][] = [...(query.incompatible ?? []).map(([a, b]): [string, string] => [a, b])];
  const councils: PackageCouncil[] = scenario.state.councilOrder.map((councilId) => {
    const council = pathsCouncil(scenario, run, councilId);
    const goal = pathsTarget(scenario, council, target);
    const available = new Set(partnerCandidates(council, goal).candidates.map((unit) => unit.id));
    const unitsOf = candidates.map((id) => resolveInCouncil(scenario.state, councilId, id).filter((unit) => !goal.units.includes(unit)));
    const present = (ids: readonly string[], filter: (id: string) => boolean): number =>
      council.units.filter((unit) => ids.includes(unit.id) && filter(unit.id)).reduce((total, unit) => total + unit.present, 0);
    // Two candidates declared incompatible in any council cannot share one national package.
    for (const [a, b] of council.incompatible) {
      const i = unitsOf.findIndex((ids) => ids.includes(a));
      const j = unitsOf.findIndex((ids) => ids.includes(b));
      if (i >= 0 && j >= 0 && i !== j) incompatible.push([candidates[i]!, candidates[j]!]);
    }
    const presentTotal = council.units.reduce((total, unit) => total + unit.present, 0);
    const blocked = goal.blocked ?? (presentTotal < council.quorum ? `attendance ${presentTotal} is below the quorum ${council.quorum}` : undefined);
    const rival = council.governing !== null && council.governing !== target
      ? {
          id: council.governing,
          votes: present(council.units.filter((unit) => unit.alignment === council.governing).map((unit) => unit.id), () => true),
          shares: unitsOf.map((ids) => present(ids, (id) => council.units.find((unit) => unit.id === id)?.alignment === council.governing)),
        }
      : undefined;
    const core = present(goal.units, () => true);
    return {
      id: councilId,
      threshold: council.threshold,
      core,
      ...(blocked !== undefined ? { blocked } : {}),
      partners: unitsOf.map((ids) => present(ids, (id) => available.has(id))),
      ...(rival ? { rival } : {}),
      confidence: weakestConfidence([council.confidence, ...council.units.map((unit) => unit.confidence)]),
    };
  });
  return { target, candidates, councils, incompatible, ...(query.maxPartners !== undefined ? { maxPartners: query.maxPartners } : {}) };
}

/** The k = 1..councils frontier of minimal packages for a party or bloc. */
export function scenarioPackages(scenario: LoadedScenario, query: NationalQuery = {}, run?: ScenarioRun): PackageFrontier {
  const options: FrontierOptions = query.limit !== undefined ? { limit: query.limit } : {};
  return packageFrontier(packageInput(scenario, query, run), options);
}

/** What one package wins, loses and leaves open, and whose defection costs the most. */
export function scenarioPackage(scenario: LoadedScenario, partners: readonly string[], query: NationalQuery = {}, run?: ScenarioRun): PackageOutcome {
  const candidates = [...new Set(partners)];
  return packageOutcome(packageInput(scenario, { ...query, candidates }, run), candidates);
}
