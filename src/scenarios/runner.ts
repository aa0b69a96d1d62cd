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
import { type Council, councilMajority, councilQuorum, type CouncilConstraints, type VotingUnit } from '../model/council.js';
import { GovsimDataError } from '../model/errors.js';
import { type AlignmentContest, type AlignmentKind, type AlignmentStatus, type AlignmentTally, alignmentLabel, alignmentLine, decideAlignments } from '../model/vote/alignments.js';
import { councilAlignments, defectorUnitId, stepLabel } from './alignments.js';
import { type Confidence, resultConfidence } from './result-confidence.js';
import { analyze, clearAnalysisCache, type AnalysisLine, type VotedPost, votePosts } from './council-analysis.js';
import type { LoadedDataset } from '../dataset/dataset.js';
import { councilRulesFor } from './expression.js';
import { groupOf, type GroupSource } from './grouping.js';
import type { LoadedScenario, ResolvedStep } from './scenario-loader.js';
import type { Group, OutcomeStatus } from './scenario-schema.js';
import { defectedVotes, type ScenarioState, votingBlocsOf } from './scenario-state.js';
import { resolveInCouncil } from './steps/index.js';

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
  /** The reported alignment's label (`deal badr-sadr`, `cf (rump without badr)`, `list tasmim`); null when none. */
  readonly alignment: string | null;
  /** Whether the governor's party holds a seat in this council (a deal may name one from outside). */
  readonly governorSeated: boolean;
  /** The deal, bloc or list id. */
  readonly via: string | null;
}

export { DEFECTOR_SEPARATOR, defectorUnitId } from './alignments.js';

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

/** One competing alignment of a council, with its arithmetic (docs/semantics.md). */
export interface AlignmentResult {
  readonly kind: AlignmentKind;
  readonly id: string;
  readonly label: string;
  /** Model unit ids voting with it (defectors as `unit>target`). */
  readonly units: readonly string[];
  readonly actors: readonly string[];
  readonly votes: number;
  readonly governor: string | null;
  readonly governorSeated: boolean;
  readonly status: AlignmentStatus;
  readonly voidReason?: string;
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
  /**
   * The weakest confidence of the seat figures the outcome rests on: the elected alignment's units and
   * the council's size, or every unit when nobody is elected (docs/semantics.md, "Confidence").
   */
  readonly confidence: Confidence;
  readonly pivotal: readonly string[];
  readonly hinge: readonly string[];
  /** Coalition theories' predictions (minimal winning coalitions), listed unless a governor is elected. */
  readonly predictions: readonly { readonly label: string; readonly coalitions: readonly (readonly string[])[] }[];
  readonly posts?: readonly PostResult[];
  /**
   * The alignments competing in the council: every deal, bloc or rump (void ones with their reason),
   * defectors voting against every line, and a unit alone when it is elected or defectors rally to it;
   * every unit not listed votes alone.
   */
  readonly alignments: readonly AlignmentResult[];
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

/**
 * A council the steps made too costly to analyse (the analysis names no file: its input is a model
 * council) is reported against the scenario file and its steps.
 */
function inScenarioFile<T>(scenario: LoadedScenario, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (!(error instanceof GovsimDataError) || error.file !== undefined || scenario.file === undefined) throw error;
    throw new GovsimDataError(scenario.file, error.issues.map((issue) => ({ ...issue, path: `steps (${issue.path})` })), { cause: error });
  }
}

/** Runs every council of a loaded scenario. */
export function runScenario(scenario: LoadedScenario): ScenarioRun {
  const labels = new Map<number, ResolvedStep>();
  for (const step of scenario.steps) labels.set(step.index, step);
  const councils = scenario.state.councilOrder.map((id) => untouchedResult(scenario, id) ?? inScenarioFile(scenario, () => runCouncil(scenario.dataset, scenario.state, id, labels)));
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
  const result = Object.freeze(runCouncil(scenario.dataset, state, councilId, new Map()));
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

/** Incompatible pairs that apply in this council, as unit pairs (an actor resolves to no unit, so its pairs drop out). */
function councilConstraints(state: ScenarioState, councilId: string): CouncilConstraints | undefined {
  const pairs: [string, string][] = [];
  for (const rule of state.incompatibilities) {
    if (!rule.councils.includes(councilId)) continue;
    const [a, b] = rule.between;
    for (const x of resolveInCouncil(state, councilId, a)) for (const y of resolveInCouncil(state, councilId, b)) if (x !== y) pairs.push([x, y]);
  }
  return pairs.length > 0 ? { incompatible: pairs } : undefined;
}

function runCouncil(dataset: LoadedDataset, state: ScenarioState, councilId: string, labels: ReadonlyMap<number, ResolvedStep>): CouncilResult {
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

  const inputs = councilAlignments(state, councilId, model, labels);
  const majority = councilMajority(model);
  const quorumNeeded = councilQuorum(model);
  const presentTotal = model.units.reduce((total, unit) => total + (unit.present ?? unit.seats), 0);
  const presentByUnit = new Map(model.units.map((unit) => [unit.id, unit.present ?? unit.seats]));
  const contest = decideAlignments(inputs, presentByUnit, majority, presentTotal >= quorumNeeded);
  for (const alignment of contest.alignments) {
    if (alignment.status === 'void' && alignment.kind !== 'list') {
      lines.push({ text: `${alignmentLabel(alignment)} is void: ${alignment.voidReason}; its members vote as if it were not declared here`, step: stepLabel(labels, alignment.step) });
    }
  }
  const governing = contest.leading;

  const analysis = analyze(model, governing?.units);
  const quorum = analysis.quorum;
  let status: OutcomeStatus;
  if (!quorum.met) status = 'no-quorum';
  else if (contest.elected) status = 'elected';
  else status = contest.claimed || contest.tie ? 'deadlock' : 'open';

  const outcome: CouncilOutcome = governing
    ? {
        status,
        governorFrom: status === 'elected' ? governing.governor : null,
        candidate: governing.governor,
        governorSeated: governing.governorSeated,
        alignment: alignmentLabel(governing),
        coalition: [...governing.units, ...governing.actors],
        votes: governing.votes,
        needed: analysis.majority,
        margin: governing.votes - analysis.majority,
        basis: governing.kind === 'rump' ? 'bloc' : governing.kind === 'against' ? 'none' : governing.kind,
        via: governing.id,
      }
    : { status, governorFrom: null, candidate: null, governorSeated: false, alignment: null, coalition: [], votes: 0, needed: analysis.majority, margin: null, basis: 'none', via: null };

  for (const line of analysis.explanation) lines.push(explanationEntry(line));
  const decision = decisionLine(contest, outcome, analysis.majority, labels);
  lines.push(decision);
  const confidence = resultConfidence(dataset, state, councilId, contest.elected?.units);
  if (confidence !== 'documented') {
    lines.push({ text: `confidence: ${confidence} — the outcome rests on seat figures that are ${confidence === 'inferred' ? 'estimates' : 'unresolved in the sources'} (${contest.elected ? 'the elected alignment\'s seats or the council size' : 'the seats of the council\'s units'})` });
  }

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
    confidence,
    pivotal,
    hinge: analysis.hinges,
    // Predictions matter where no declared coalition elected a governor.
    predictions: outcome.status === 'elected' ? [] : analysis.predictions,
    ...(posts ? { posts } : {}),
    // Units alone are implied (every unit not listed votes alone); one is listed when it is elected or
    // tied, or when defectors rally to it.
    alignments: contest.alignments.filter((a) => a.kind !== 'list' || a.status === 'elected' || a.status === 'tied' || a.units.length > 1).map(alignmentResult),
    units,
    changes,
    explanation: lines,
  };
}

function explanationEntry(line: AnalysisLine): ExplanationEntry {
  return line.rule !== undefined ? { text: line.text, rule: line.rule } : { text: line.text };
}

function alignmentResult(alignment: AlignmentTally): AlignmentResult {
  return {
    kind: alignment.kind,
    id: alignment.id,
    label: alignmentLabel(alignment),
    units: alignment.units,
    actors: alignment.actors,
    votes: alignment.votes,
    governor: alignment.governor,
    governorSeated: alignment.governorSeated,
    status: alignment.status,
    ...(alignment.voidReason !== undefined ? { voidReason: alignment.voidReason } : {}),
  };
}

/** Lone units worth naming in the decision line: those with votes, most first (at most six). */
function aloneText(contest: AlignmentContest, majority: number): string {
  const alone = contest.alignments.filter((a) => a.kind === 'list' && a.status !== 'elected' && a.votes > 0).sort((a, b) => b.votes - a.votes);
  if (alone.length === 0) return '';
  // "each < majority" only when it is true: under a low scenario threshold a lone unit can reach it and still
  // not be elected (no quorum, or outvoted), and then its own line says so.
  const below = alone.every((a) => a.votes < majority);
  const shown = alone.slice(0, 6).map((a) => `${a.id} ${a.votes}${below || a.votes < majority ? '' : ` ≥ ${majority}`}`);
  return `alone: ${shown.join(', ')}${alone.length > 6 ? `, … (${alone.length - 6} more)` : ''}${below ? ` (each < ${majority})` : ''}`;
}

/**
 * The deciding arithmetic in one line: every deal, bloc and rump with its sum, the winner first, the
 * lone units in brief, then the verdict.
 */
function decisionLine(contest: AlignmentContest, outcome: CouncilOutcome, majority: number, labels: ReadonlyMap<number, ResolvedStep>): ExplanationEntry {
  const elected = contest.elected;
  const claims = contest.alignments.filter((a) => a !== elected && (a.kind === 'deal' || a.kind === 'bloc' || a.kind === 'rump'));
  const parts = [...(elected ? [elected] : []), ...claims].map((a) => alignmentLine(a, majority, outcome.status !== 'no-quorum'));
  const alone = aloneText(contest, majority);
  if (alone) parts.push(alone);
  let verdict: string;
  if (outcome.status === 'no-quorum') verdict = 'attendance is below the quorum: no vote can be held';
  else if (elected) {
    const why =
      elected.kind === 'deal'
        ? elected.governorSeated
          ? ''
          : ' (no seat in this council)'
        : elected.kind === 'list'
          ? ' (alone)'
          : ` (the ${elected.kind === 'rump' ? 'rump' : 'bloc'}'s largest member here; ties: dataset order)`;
    verdict = `${alignmentLabel(elected)} elected, margin ${elected.votes - majority}; governor from ${elected.governor}${why}`;
  } else if (contest.tie) verdict = `several alignments reach ${majority} with equal votes: nobody is elected, deadlock`;
  // Unelected, the leading alignment is the strongest claim, so it exists exactly when a deal or bloc claimed the council.
  else if (contest.leading) verdict = `no alignment reaches ${majority}: deadlock (strongest claim: ${alignmentLabel(contest.leading)}, short by ${majority - contest.leading.votes})`;
  else verdict = `no deal or bloc claims this council and no list reaches ${majority} alone: open`;
  parts.push(`⇒ ${verdict}`);
  const step = elected ?? contest.leading;
  return { text: parts.join('; '), ...(step && step.step >= 0 ? { step: stepLabel(labels, step.step) } : {}) };
}

function groupLine(group: Group, source: GroupSource): ExplanationEntry {
  return { text: `group ${group} (${source.label}: ${source.reason})`, ...(source.step ? { step: source.step } : {}) };
}

/** Votes the posts through the council vote when the scenario packages posts or a deal names a chair. */
function votedPosts(state: ScenarioState, councilId: string, model: Council, governing: AlignmentTally | undefined): PostResult[] | undefined {
  const ballot = state.packages[councilId];
  const deal = governing?.kind === 'deal' ? state.deals[governing.id] : undefined;
  if (!ballot && deal?.chair === undefined) return undefined;
  const candidacies: { post: string; candidate: string; supporters: string[] }[] = [];
  if (governing?.governor) {
    const own = resolveInCouncil(state, councilId, governing.governor);
    // The governor's party's own unit among the voters, else its unit outside the deal (a deal may elect
    // a member of a party that is not in it).
    const seated = largestUnit(model, own.filter((unit) => governing.units.includes(unit))) ?? largestUnit(model, own);
    // A governor from outside the council stands under the party's id, which names no council unit: no seat is vacated.
    const candidate = seated ?? governing.governor;
    candidacies.push({ post: 'governor', candidate, supporters: [...governing.units] });
    const chairParty = deal?.chair;
    const chair = chairParty ? largestUnit(model, resolveInCouncil(state, councilId, chairParty)) : seated;
    if (chair) candidacies.push({ post: 'chair', candidate: chair, supporters: [...governing.units] });
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
