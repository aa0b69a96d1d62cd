/**
 * Running a scenario: its final state becomes model councils once (no immer past this point), then
 * each council's governing coalition and status are decided by the rules in docs/semantics.md:
 *
 * 1. a deal covering the council governs (the one with most votes if several); its governor party
 *    provides the governor; if it falls short, the status is `deadlock`;
 * 2. else a voting bloc that alone reaches the absolute majority governs; the governor comes from its
 *    largest member unit in that council (ties: dataset order);
 * 3. else a single list whose present members alone reach the majority governs (Basra's Tasmim 12 of 23);
 * 4. else nobody does (`open`), and the analysis' predictions are listed.
 *
 * Attendance below the quorum makes any of these `no-quorum`. A deal whose governor party is vetoed,
 * or that joins two incompatible parties, is void and skipped (the explanation says why).
 */
import { basename, extname } from 'node:path';
import { type Council, councilMajority, type CouncilConstraints, type VotingUnit } from '../model/council.js';
import { analyze, clearAnalysisCache, type AnalysisLine, type VotedPost, votePosts } from './council-analysis.js';
import { councilRulesFor } from './expression.js';
import { groupOf, type GroupSource } from './grouping.js';
import type { LoadedScenario, ResolvedStep } from './scenario-loader.js';
import type { Group, OutcomeStatus } from './scenario-schema.js';
import { type CouncilState, defectedVotes, type ScenarioState, votingBlocsOf } from './scenario-state.js';
import { isActor, resolveInCouncil } from './steps/index.js';

export interface CouncilOutcome {
  readonly status: OutcomeStatus;
  /** The party providing the elected governor (a deal's governor party, or a bloc's largest unit); null unless elected. */
  readonly governorFrom: string | null;
  /** The governing coalition's candidate party, elected or not. */
  readonly candidate: string | null;
  /** Units voting for the governor (defectors appear as `unit>target`), then zero-seat actors backing a deal. */
  readonly coalition: readonly string[];
  readonly votes: number;
  readonly needed: number;
  /** votes − needed; null when no coalition governs (`open`). */
  readonly margin: number | null;
  /** What decided the coalition. */
  readonly basis: 'deal' | 'bloc' | 'list' | 'none';
  /** The deal, bloc or list id. */
  readonly via: string | null;
}

export interface ExplanationEntry {
  readonly text: string;
  readonly rule?: string;
  /** The step that caused this line (`step 3`, `baseline step 1`). */
  readonly step?: string;
  readonly source?: string;
}

export interface CouncilChange {
  readonly step: string;
  readonly kind: string;
  readonly text: string;
  readonly source?: string;
  /** Identity across scenarios: the same kind of step with the same effect on this council is the same change. */
  readonly key: string;
}

export interface UnitResult {
  readonly id: string;
  readonly seats: number;
  readonly present: number;
  /** The list a faction belongs to. */
  readonly parent?: string;
  /** Members voting apart from the unit (their seats stay with it). */
  readonly defected?: number;
}

export interface PostResult {
  readonly post: string;
  readonly status: OutcomeStatus;
  readonly winner: string | null;
  readonly votes: number;
  readonly needed: number;
  readonly margin: number;
}

export interface CouncilResult {
  readonly id: string;
  readonly name: string;
  /** Members n. */
  readonly seats: number;
  readonly majority: number;
  readonly present: number;
  readonly quorum: { readonly needed: number; readonly present: number; readonly met: boolean };
  readonly group: Group;
  /** `derived` or `set by step N`. */
  readonly groupSource: string;
  readonly outcome: CouncilOutcome;
  /** The arithmetic behind the outcome in one line (who, how many votes, against what threshold). */
  readonly decision: string;
  readonly pivotal: readonly string[];
  readonly hinge: readonly string[];
  /** Coalition theories' predictions (minimal winning coalitions), listed unless a governor is elected. */
  readonly predictions: readonly { readonly label: string; readonly coalitions: readonly (readonly string[])[] }[];
  readonly posts?: readonly PostResult[];
  readonly units: readonly UnitResult[];
  readonly changes: readonly CouncilChange[];
  readonly explanation: readonly ExplanationEntry[];
}

export interface NationalSummary {
  readonly councils: number;
  readonly byStatus: Readonly<Record<OutcomeStatus, number>>;
  readonly groups: Readonly<Record<Group, number>>;
  /** Governorships per governor party. */
  readonly governors: Readonly<Record<string, number>>;
}

export interface ScenarioRun {
  /** Short reference: the file's stem (`baseline`) or, for scenarios built in code, the name. */
  readonly id: string;
  readonly scenario: string;
  readonly file: string | null;
  readonly description: string | null;
  readonly dataset: string;
  readonly seats: string;
  readonly councils: readonly CouncilResult[];
  readonly national: NationalSummary;
}

/** Runs every council of a loaded scenario. */
export function runScenario(scenario: LoadedScenario): ScenarioRun {
  const labels = new Map<number, ResolvedStep>();
  for (const step of scenario.steps) labels.set(step.index, step);
  const councils = scenario.state.councilOrder.map((id) => untouchedResult(scenario, id) ?? runCouncil(scenario.state, id, labels));
  return {
    id: scenario.file !== undefined ? basename(scenario.file, extname(scenario.file)) : scenario.name,
    scenario: scenario.name,
    file: scenario.file ?? null,
    description: scenario.description ?? null,
    dataset: scenario.dataset.id,
    seats: scenario.seats,
    councils,
    national: summarise(councils),
  };
}

/** Results of councils no step touched, per base state: they are the same in every scenario on that base. */
let untouched = new WeakMap<ScenarioState, Map<string, CouncilResult>>();

/** Forgets every memoised council result and analysis (benchmarks measure the cold path with it). */
export function clearRunCaches(): void {
  untouched = new WeakMap();
  clearAnalysisCache();
}

/**
 * A council no step touched (no provenance, same council object as the base) has the result it has in
 * the base state; a batch of scenarios that each edit a council or two computes the others once.
 */
function untouchedResult(scenario: LoadedScenario, councilId: string): CouncilResult | undefined {
  const { state, base } = scenario;
  if ((state.provenance[councilId]?.length ?? 0) > 0 || state.councils[councilId] !== base.councils[councilId]) return undefined;
  const key = `${councilId}\0${JSON.stringify(state.rules)}`;
  let byCouncil = untouched.get(base);
  const found = byCouncil?.get(key);
  if (found) return found;
  const result = Object.freeze(runCouncil(state, councilId, new Map()));
  if (!byCouncil) untouched.set(base, (byCouncil = new Map<string, CouncilResult>()));
  byCouncil.set(key, result);
  return result;
}

function summarise(councils: readonly CouncilResult[]): NationalSummary {
  const byStatus: Record<OutcomeStatus, number> = { elected: 0, deadlock: 0, 'no-quorum': 0, open: 0 };
  const groups: Record<Group, number> = { A: 0, B: 0, C: 0 };
  const governors: Record<string, number> = {};
  for (const council of councils) {
    byStatus[council.outcome.status]++;
    groups[council.group]++;
    if (council.outcome.status === 'elected' && council.outcome.governorFrom) {
      governors[council.outcome.governorFrom] = (governors[council.outcome.governorFrom] ?? 0) + 1;
    }
  }
  return { councils: councils.length, byStatus, groups, governors };
}

/** Separator in the id of a defectors' unit: `wathiqoon>badr-sadr` votes with badr-sadr. */
export const DEFECTOR_SEPARATOR = '>';

export function defectorUnitId(from: string, to: string | null): string {
  return `${from}${DEFECTOR_SEPARATOR}${to ?? 'none'}`;
}

/**
 * The model council for one council of a state: loyal members as the unit, and each group of
 * defectors as its own unit (they vote apart from their list, so they are players of their own).
 */
export function modelCouncil(state: ScenarioState, councilId: string): Council {
  const council = state.councils[councilId]!;
  const units: VotingUnit[] = [];
  for (const unit of council.units) {
    const defected = defectedVotes(unit);
    const blocs = [...unit.families];
    for (const bloc of votingBlocsOf(state, councilId, unit.id)) if (!blocs.includes(bloc)) blocs.push(bloc);
    units.push({
      id: unit.id,
      name: unit.name,
      kind: unit.kind,
      seats: unit.seats - defected,
      present: unit.present - defected,
      blocs,
      ...(unit.parent !== undefined ? { parent: unit.parent } : {}),
    });
    const byTarget = new Map<string | null, number>();
    for (const defection of unit.defections) byTarget.set(defection.to, (byTarget.get(defection.to) ?? 0) + defection.votes);
    for (const [to, votes] of byTarget) {
      units.push({ id: defectorUnitId(unit.id, to), name: `${unit.name} defectors${to ? ` → ${to}` : ''}`, kind: 'member', seats: votes, present: votes });
    }
  }
  const constraints = councilConstraints(state, councilId);
  return {
    id: council.id,
    name: council.name,
    units,
    rules: councilRulesFor(state.rules, memberTotal(units)),
    ...(constraints ? { constraints } : {}),
  };
}

function memberTotal(units: readonly VotingUnit[]): number {
  let total = 0;
  for (const unit of units) total += unit.seats;
  return total;
}

/** Incompatible pairs that apply in this council, as unit pairs (actors hold no seats, so they drop out). */
function councilConstraints(state: ScenarioState, councilId: string): CouncilConstraints | undefined {
  const pairs: [string, string][] = [];
  for (const rule of state.incompatibilities) {
    if (!rule.councils.includes(councilId)) continue;
    const [a, b] = rule.between;
    if (isActor(state, a) || isActor(state, b)) continue;
    for (const x of resolveInCouncil(state, councilId, a)) for (const y of resolveInCouncil(state, councilId, b)) if (x !== y) pairs.push([x, y]);
  }
  return pairs.length > 0 ? { incompatible: pairs } : undefined;
}

interface Contender {
  readonly basis: 'deal' | 'bloc' | 'list';
  readonly id: string;
  readonly step: number;
  /** Model unit ids (members and defectors voting with them). */
  readonly units: string[];
  readonly actors: readonly string[];
  readonly votes: number;
  readonly governorFrom: string | null;
  readonly voidReason?: string;
}

function stepLabel(labels: ReadonlyMap<number, ResolvedStep>, index: number): string {
  return labels.get(index)?.label ?? `step ${index + 1}`;
}

function presentOf(model: Council, ids: readonly string[]): number {
  let total = 0;
  for (const unit of model.units) if (ids.includes(unit.id)) total += unit.present ?? unit.seats;
  return total;
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

function vetoedUnits(state: ScenarioState, councilId: string): Map<string, { actor: string; step: number }> {
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

function contenders(state: ScenarioState, councilId: string, model: Council, labels: ReadonlyMap<number, ResolvedStep>): Contender[] {
  const council = state.councils[councilId]!;
  const vetoed = vetoedUnits(state, councilId);
  const found: Contender[] = [];
  for (const deal of Object.values(state.deals)) {
    const members = deal.councils[councilId];
    if (!members) continue;
    const units = [...members, ...defectorsInto(council, deal.id, members)];
    const governorUnits = resolveInCouncil(state, councilId, deal.governor).filter((unit) => members.includes(unit));
    let voidReason: string | undefined;
    if (governorUnits.length === 0) voidReason = `its governor party ${deal.governor} is no longer in it here`;
    else if (governorUnits.every((unit) => vetoed.has(unit))) {
      const veto = vetoed.get(governorUnits[0]!)!;
      voidReason = `its governor party ${deal.governor} is vetoed by ${veto.actor} (${stepLabel(labels, veto.step)})`;
    } else voidReason = incompatibility(state, councilId, members, deal.actors, labels);
    found.push({
      basis: 'deal',
      id: deal.id,
      step: deal.step,
      units,
      actors: deal.actors,
      votes: presentOf(model, units),
      governorFrom: deal.governor,
      ...(voidReason ? { voidReason } : {}),
    });
  }
  for (const bloc of Object.values(state.blocs)) {
    const members = bloc.councils[councilId];
    if (!members) continue;
    const units = [...members, ...defectorsInto(council, bloc.id, members)];
    // The governor comes from the bloc's largest member here (loyal seats; ties: dataset order).
    let governor: string | null = null;
    let best = -1;
    for (const unit of model.units) {
      if (!members.includes(unit.id) || vetoed.has(unit.id)) continue;
      if (unit.seats > best) {
        best = unit.seats;
        governor = unit.id;
      }
    }
    let voidReason: string | undefined;
    if (governor === null) voidReason = 'every member is vetoed';
    else voidReason = incompatibility(state, councilId, members, [], labels);
    found.push({
      basis: 'bloc',
      id: bloc.id,
      step: bloc.step,
      units,
      actors: [],
      votes: presentOf(model, units),
      governorFrom: governor,
      ...(voidReason ? { voidReason } : {}),
    });
  }
  return found;
}

/** A unit (a list, faction or member) whose present members alone reach the majority governs by itself. */
function singleListMajority(state: ScenarioState, councilId: string, model: Council, majority: number): Contender | undefined {
  const vetoed = vetoedUnits(state, councilId);
  const council = state.councils[councilId]!;
  for (const unit of model.units) {
    if ((unit.present ?? unit.seats) < majority || vetoed.has(unit.id) || !council.units.some((entry) => entry.id === unit.id)) continue;
    const units = [unit.id, ...defectorsInto(council, unit.id, [unit.id])];
    return { basis: 'list', id: unit.id, step: -1, units, actors: [], votes: presentOf(model, units), governorFrom: unit.id };
  }
  return undefined;
}

function sumText(model: Council, ids: readonly string[]): string {
  const parts = model.units.filter((unit) => ids.includes(unit.id)).map((unit) => `${unit.id} ${unit.present ?? unit.seats}`);
  return parts.length > 0 ? parts.join(' + ') : 'nobody';
}

function runCouncil(state: ScenarioState, councilId: string, labels: ReadonlyMap<number, ResolvedStep>): CouncilResult {
  const council = state.councils[councilId]!;
  const model = modelCouncil(state, councilId);
  const lines: ExplanationEntry[] = [];
  const changes: CouncilChange[] = [];
  for (const entry of state.provenance[councilId] ?? []) {
    const step = labels.get(entry.step);
    const label = stepLabel(labels, entry.step);
    const source = step?.source ? (step.source.url ? `${step.source.id} ${step.source.url}` : step.source.id) : undefined;
    changes.push({
      step: label,
      kind: entry.kind,
      text: entry.text,
      ...(source ? { source } : {}),
      key: `${entry.kind}#${entry.text}`,
    });
    lines.push({
      text: `changed by ${label} \`${entry.kind}\`${source ? ` (source: ${source})` : ''}: ${entry.text}`,
      step: label,
      ...(source ? { source } : {}),
    });
  }

  const all = contenders(state, councilId, model, labels);
  for (const contender of all) {
    if (contender.voidReason) lines.push({ text: `${contender.basis} ${contender.id} is void: ${contender.voidReason}`, step: stepLabel(labels, contender.step) });
  }
  const valid = all.filter((contender) => !contender.voidReason);
  const deals = valid.filter((contender) => contender.basis === 'deal');
  const majority = councilMajority(model);
  let governing: Contender | undefined;
  if (deals.length > 0) {
    governing = deals.reduce((best, next) => (next.votes > best.votes ? next : best));
  } else {
    governing = valid.find((contender) => contender.basis === 'bloc' && contender.votes >= majority) ?? singleListMajority(state, councilId, model, majority);
  }

  const analysis = analyze(model, governing?.units);
  const quorum = analysis.quorum;
  let status: OutcomeStatus;
  if (!quorum.met) status = 'no-quorum';
  else if (!governing) status = 'open';
  else status = governing.votes >= analysis.majority ? 'elected' : 'deadlock';

  const outcome: CouncilOutcome = governing
    ? {
        status,
        governorFrom: status === 'elected' ? governing.governorFrom : null,
        candidate: governing.governorFrom,
        coalition: [...governing.units, ...governing.actors],
        votes: governing.votes,
        needed: analysis.majority,
        margin: governing.votes - analysis.majority,
        basis: governing.basis,
        via: governing.id,
      }
    : { status, governorFrom: null, candidate: null, coalition: [], votes: 0, needed: analysis.majority, margin: null, basis: 'none', via: null };

  for (const line of analysis.explanation) lines.push(explanationEntry(line));
  const decision = decisionLine(model, governing, valid, outcome, analysis.majority, labels);
  lines.push(decision);

  const pivotal = governing ? [...analysis.pivotal] : [...analysis.vetoPlayers];
  const { group, source: groupSource } = groupOf(state, councilId, model, labels);
  lines.push(groupLine(group, groupSource));

  const posts = votedPosts(state, councilId, model, governing);
  const units = council.units.map((unit) => {
    const defected = defectedVotes(unit);
    return {
      id: unit.id,
      seats: unit.seats,
      present: unit.present,
      ...(unit.parent !== undefined ? { parent: unit.parent } : {}),
      ...(defected > 0 ? { defected } : {}),
    };
  });
  return {
    id: council.id,
    name: council.name,
    seats: analysis.members,
    majority: analysis.majority,
    present: analysis.present,
    quorum,
    group,
    groupSource: groupSource.label,
    outcome,
    decision: decision.text,
    pivotal,
    hinge: analysis.hinges,
    // Predictions matter where no declared coalition elected a governor.
    predictions: outcome.status === 'elected' ? [] : analysis.predictions,
    ...(posts ? { posts } : {}),
    units,
    changes,
    explanation: lines,
  };
}

function explanationEntry(line: AnalysisLine): ExplanationEntry {
  return line.rule !== undefined ? { text: line.text, rule: line.rule } : { text: line.text };
}

function decisionLine(
  model: Council,
  governing: Contender | undefined,
  valid: readonly Contender[],
  outcome: CouncilOutcome,
  majority: number,
  labels: ReadonlyMap<number, ResolvedStep>,
): ExplanationEntry {
  if (!governing) {
    const blocs = valid.filter((contender) => contender.basis === 'bloc');
    const short = blocs.map((bloc) => `bloc ${bloc.id} ${sumText(model, bloc.units)} = ${bloc.votes} < ${majority}`).join('; ');
    const text =
      outcome.status === 'no-quorum'
        ? 'attendance is below the quorum: no vote can be held'
        : `no deal covers this council and no bloc or list reaches ${majority} alone${short ? ` (${short})` : ''}: open`;
    return { text };
  }
  const kind = `${governing.basis} ${governing.id}${governing.basis === 'list' ? ' (alone: no deal, no bloc reaches the majority)' : ''}`;
  const backers = governing.actors.length > 0 ? ` (backed by ${governing.actors.join(', ')}, no seats)` : '';
  const comparison = governing.votes >= majority ? `≥ ${majority}` : `< ${majority}, short by ${majority - governing.votes}`;
  const verdict =
    outcome.status === 'elected'
      ? `elected, margin ${governing.votes - majority}; governor from ${governing.governorFrom}${governing.basis === 'bloc' ? ' (the bloc\'s largest member here; ties: dataset order)' : ''}`
      : outcome.status;
  return {
    text: `${kind}${backers}: ${sumText(model, governing.units)} = ${governing.votes} ${comparison} ⇒ ${verdict}`,
    ...(governing.step >= 0 ? { step: stepLabel(labels, governing.step) } : {}),
  };
}

function groupLine(group: Group, source: GroupSource): ExplanationEntry {
  return { text: `group ${group} (${source.label}: ${source.reason})`, ...(source.step ? { step: source.step } : {}) };
}

/** Votes the posts through the council vote when the scenario packages posts or a deal names a chair. */
function votedPosts(state: ScenarioState, councilId: string, model: Council, governing: Contender | undefined): PostResult[] | undefined {
  const ballot = state.packages[councilId];
  const deal = governing?.basis === 'deal' ? state.deals[governing.id] : undefined;
  if (!ballot && deal?.chair === undefined) return undefined;
  const candidacies: { post: string; candidate: string; supporters: string[] }[] = [];
  if (governing?.governorFrom) {
    const candidate = largestUnit(model, resolveInCouncil(state, councilId, governing.governorFrom).filter((unit) => governing.units.includes(unit)));
    if (candidate) candidacies.push({ post: 'governor', candidate, supporters: governing.units });
    const chairParty = deal?.chair;
    const chair = chairParty ? largestUnit(model, resolveInCouncil(state, councilId, chairParty)) : candidate;
    if (chair) candidacies.push({ post: 'chair', candidate: chair, supporters: governing.units });
  }
  const posts = ['chair', 'governor', ...(ballot?.posts.filter((post) => post !== 'chair' && post !== 'governor') ?? [])];
  const outcomes: VotedPost[] = votePosts(model, { posts, packages: ballot ? [ballot.posts] : [], candidacies });
  return outcomes.map((post) => ({
    post: post.post,
    status: post.status,
    winner: post.winner ?? null,
    votes: post.votes,
    needed: post.needed,
    margin: post.margin,
  }));
}

function largestUnit(model: Council, ids: readonly string[]): string | undefined {
  let best: VotingUnit | undefined;
  for (const unit of model.units) if (ids.includes(unit.id) && (!best || unit.seats > best.seats)) best = unit;
  return best?.id;
}
