/**
 * "What would it take" in the explorer: the paths to a majority for the coalition on screen and the
 * breaking points of whoever governs (per council), the national package frontier, and the edits that
 * carry out a path, a breaking point, a hinge seat or a one-seat move as ordinary scenario steps. The
 * arithmetic is src/scenarios/paths.ts's; this module only picks the target, memoises per run (each
 * query runs once per state, and only when its pane is open) and turns results into labelled edits.
 */
import { GovsimError } from '../model/errors.js';
import type { Package, PackageFrontier, PackageOutcome, PathConfidence } from '../model/paths/index.js';
import type { HingeChange } from '../model/analysis/index.js';
import { DEFECTOR_SEPARATOR, type ScenarioRun } from '../scenarios/runner.js';
import { coalitionAnalysis } from '../scenarios/run-queries.js';
import type { Step } from '../scenarios/scenario-schema.js';
import { breakingSteps, defaultTarget, pathSteps, pathSummary, scenarioPackage, scenarioPackages, scenarioPaths } from '../scenarios/paths.js';
import type { EditResult } from './edits.js';
import { councilDetail, perCouncil } from './queries.js';
import { type Session, sessionScenario } from './session.js';

/** Paths of each kind listed per council: enough to choose from, cheap to compute on a keypress. */
export const PATHS_LIMIT = 12;

/** One row of the paths pane: a path to the threshold or a breaking point of who governs. */
export interface PathRow {
  readonly kind: 'path' | 'breaking';
  /** What it takes, in words (`add kdp + azm`, `win over 2 of taqaddum`, `siyada leaves`). */
  readonly text: string;
  /** The sum behind it (`cf 7 + wasit-ajmal 8 = 15 ≥ 9`). */
  readonly arithmetic: string;
  readonly confidence: PathConfidence;
  /** The scenario steps that carry it out; null when no step can (a group of defectors). */
  readonly steps: readonly Step[] | null;
}

export interface CouncilPathsView {
  /** Whom the paths are for (the coalition on screen, else the dataset's focus bloc); null: nobody. */
  readonly target: string | null;
  /**
   * Where the target stands and who governs: `cf has 7 of 9 needed: 2 short | nobody governs`, or, when
   * the target governs, `cf governs with 9 of 8 needed: margin 1`.
   */
  readonly summary: string;
  readonly rows: readonly PathRow[];
  /** Why something is missing or partial (blocked, a search stopped, more paths than listed). */
  readonly notes: readonly string[];
}

const pathsCache = new WeakMap<ScenarioRun, Map<string, CouncilPathsView>>();

function failure(error: unknown): string {
  if (error instanceof GovsimError || error instanceof Error) return error.message;
  return String(error);
}

/**
 * Whom a council's paths can be for, in the order `f` cycles through them: the coalition on screen
 * (else the dataset's focus bloc), then every other deal, bloc or unit voting on its own here,
 * largest first.
 */
export function pathsTargets(session: Session, councilId: string): readonly string[] {
  const state = session.state;
  const coalition = councilDetail(session, councilId).coalition;
  const first = coalition?.id ?? session.dataset.data.meta.focusBloc;
  const seats = new Map<string, number>();
  for (const unit of state.councils[councilId]?.units ?? []) {
    if (unit.seats === 0) continue;
    const deal = Object.values(state.deals).find((entry) => entry.councils[councilId]?.includes(unit.id));
    const bloc = Object.values(state.blocs).find((entry) => entry.councils[councilId]?.includes(unit.id));
    const id = deal?.id ?? bloc?.id ?? unit.id;
    seats.set(id, (seats.get(id) ?? 0) + unit.seats);
  }
  const others = [...seats].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([id]) => id);
  return first !== undefined ? [first, ...others.filter((id) => id !== first)] : others;
}

/** The target the paths are for: `wanted` when the council has it, else the first of `pathsTargets`. */
export function pathsTarget(session: Session, councilId: string, wanted?: string): string | null {
  const targets = pathsTargets(session, councilId);
  return wanted !== undefined && targets.includes(wanted) ? wanted : (targets[0] ?? null);
}

/** A unit in words: defectors (`a>b` in the model) are `a (won over to b)`. */
function unitText(id: string): string {
  const cut = id.indexOf(DEFECTOR_SEPARATOR);
  return cut < 0 ? id : `${id.slice(0, cut)} (won over to ${id.slice(cut + 1)})`;
}

function breakingText(breaking: { kind: 'exit' | 'members' | 'boycott'; units: readonly string[]; seats: number }): string {
  const point = { ...breaking, units: breaking.units.map(unitText) };
  switch (point.kind) {
    case 'exit':
      return `${point.units.join(' + ')} ${point.units.length === 1 ? 'leaves' : 'leave'}`;
    case 'members':
      return `${point.seats} member${point.seats === 1 ? '' : 's'} of ${point.units.join(' or ')} defect or stay away`;
    case 'boycott':
      return `${point.units.join(' + ')} stay${point.units.length === 1 ? 's' : ''} away: no quorum`;
  }
}

/** The paths pane of a council for a target (default: the coalition on screen), computed once per run. */
export function councilPathsView(session: Session, councilId: string, wanted?: string): CouncilPathsView {
  const target = pathsTarget(session, councilId, wanted);
  return perCouncil(pathsCache, session.run, `${councilId}|${target ?? ''}`, () => computePaths(session, councilId, target));
}

function computePaths(session: Session, councilId: string, target: string | null): CouncilPathsView {
  const scenario = sessionScenario(session);
  const notes: string[] = [];
  const rows: PathRow[] = [];
  let summary = 'no coalition on screen and no focus bloc: nobody to find paths for';
  let governing = 'nobody governs';
  try {
    const found = scenarioPaths(scenario, { ...(target !== null ? { for: target } : { for: defaultTarget(scenario) }), councils: [councilId], limit: PATHS_LIMIT }, session.run);
    const council = found.councils[0]!;
    const breaking = found.breaking[0]!;
    if (council.blocked !== undefined) summary = `${found.for} cannot govern here: ${council.blocked}`;
    else if (council.deficit <= 0) summary = `${found.for} has ${council.votes} of ${council.threshold} needed: it reaches the majority`;
    else summary = `${found.for} has ${council.votes} of ${council.threshold} needed: ${council.deficit} short`;
    if (council.quorumShort > 0) notes.push(`${council.quorumShort} more member${council.quorumShort === 1 ? '' : 's'} must attend for a quorum; the paths assume they do`);
    if (!council.complete) notes.push(`${council.partnerSets}${council.partnerCountIsExact ? '' : '+'} minimal partner sets; the best ${PATHS_LIMIT} of each kind are listed`);
    for (const entry of council.unavailable) notes.push(`${entry.unit} cannot join: ${entry.reason}`);
    for (const path of council.paths) {
      rows.push({ kind: 'path', text: pathSummary(path), arithmetic: path.arithmetic, confidence: path.confidence, steps: pathSteps(scenario, path) });
    }
    if (breaking.alignment !== null) {
      governing = `${breaking.alignment} governs with ${breaking.votes} of ${breaking.threshold} needed: margin ${breaking.margin ?? 0}`;
      for (const point of breaking.points) {
        rows.push({ kind: 'breaking', text: breakingText(point), arithmetic: point.arithmetic, confidence: point.confidence, steps: breakingSteps(scenario, point) });
      }
      if (!breaking.complete) notes.push('more breaking points than listed');
    }
  } catch (error) {
    notes.push(failure(error));
  }
  return { target, summary: governing.startsWith(`${target ?? ''} governs`) ? governing : `${summary} | ${governing}`, rows, notes };
}

/** Applying a row of the paths pane: its steps as one edit. */
export function pathEdit(session: Session, councilId: string, index: number, target?: string): EditResult {
  const row = councilPathsView(session, councilId, target).rows[index];
  if (!row) return { ok: false, message: 'no path or breaking point here' };
  if (row.steps === null) return { ok: false, message: `${row.text}: no scenario step names a group of defectors; move their members one by one` };
  const name = session.state.councils[councilId]?.name ?? councilId;
  const label = row.kind === 'path' ? `${name}: ${row.text} (${row.arithmetic})` : `${name}: break: ${row.text} (${row.arithmetic})`;
  return { ok: true, edit: { label, steps: row.steps } };
}

/** The hinge seats' changes, in the order the hinge pane lists them. */
export function hingeChanges(session: Session, councilId: string): readonly HingeChange[] {
  const coalition = councilDetail(session, councilId).coalition;
  return coalitionAnalysis(session.state, councilId, coalition?.units).hingeChanges;
}

/** Applying a hinge seat: its single-seat change as one step. */
export function hingeEdit(session: Session, councilId: string, index: number): EditResult {
  const change = hingeChanges(session, councilId)[index];
  const text = councilDetail(session, councilId).hinges[index];
  if (!change || text === undefined) return { ok: false, message: 'no hinge seat here' };
  const name = session.state.councils[councilId]?.name ?? councilId;
  const label = `${name}: ${text.split(': ')[0]}`;
  switch (change.kind) {
    case 'absent':
      return { ok: true, edit: { label, steps: [{ absent: { council: councilId, units: [change.from], seats: 1 } }] } };
    case 'defect':
      return { ok: true, edit: { label, steps: [{ defect: { council: councilId, from: change.from, seats: 1 } }] } };
    case 'move':
      return transferEdit(session, councilId, change.from, change.to);
  }
}

/** One seat moves from one unit to another (a recount, a court ruling): a `transfer` step. */
export function transferEdit(session: Session, councilId: string, from: string, to: string): EditResult {
  const council = session.state.councils[councilId];
  if (!council) return { ok: false, message: `unknown council ${councilId}` };
  if (from === to) return { ok: false, message: 'a seat moves between two different units' };
  const source = council.units.find((unit) => unit.id === from);
  if (!source || !council.units.some((unit) => unit.id === to)) return { ok: false, message: `${from} → ${to}: no such unit in ${council.name}` };
  if (source.seats < 1) return { ok: false, message: `${from} holds no seat in ${council.name}` };
  return { ok: true, edit: { label: `${council.name}: move 1 seat ${from} → ${to}`, steps: [{ transfer: { council: councilId, from, to, seats: 1 } }] } };
}

// ---------------------------------------------------------------------------------------------------
// National packages

/** Packages listed per level of the frontier. */
export const PACKAGES_LIMIT = 3;

/** One row of the packages pane: one of the best minimal packages for at least k governorships. */
export interface PackageRow extends Package {
  readonly k: number;
  /** Minimal packages at this level. */
  readonly count: number;
}

export interface PackagesView {
  readonly target: string;
  readonly frontier: PackageFrontier | null;
  /** Levels with a package, best packages first; levels no package reaches are summed up in `unreachable`. */
  readonly rows: readonly PackageRow[];
  /** The smallest k no package reaches (null when every level is reachable). */
  readonly unreachable: number | null;
  readonly note?: string;
}

const packagesCache = new WeakMap<ScenarioRun, Map<string, PackagesView>>();
const outcomeCache = new WeakMap<ScenarioRun, Map<string, PackageOutcome | string>>();

/** Blocs a packages pane can be for: the dataset's focus bloc first, then the others. */
export function packageTargets(session: Session): readonly string[] {
  const focus = session.dataset.data.meta.focusBloc;
  const blocs = Object.keys(session.state.families);
  return focus !== undefined ? [focus, ...blocs.filter((id) => id !== focus)] : blocs;
}

/** The k-frontier of minimal packages for a bloc or party, computed once per run and target. */
export function packagesView(session: Session, target: string): PackagesView {
  return perCouncil(packagesCache, session.run, target, () => {
    try {
      const frontier = scenarioPackages(sessionScenario(session), { for: target, limit: PACKAGES_LIMIT }, session.run);
      const rows: PackageRow[] = [];
      let unreachable: number | null = null;
      for (const level of frontier.levels) {
        if (level.packages.length === 0) {
          unreachable ??= level.k;
          continue;
        }
        // Levels the target already reaches alone repeat one row: show it once, at the highest such k.
        if (level.packages[0]!.partners.length === 0 && level.k < frontier.alone) continue;
        for (const pkg of level.packages) rows.push({ ...pkg, k: level.k, count: level.count });
      }
      return { target, frontier, rows, unreachable };
    } catch (error) {
      return { target, frontier: null, rows: [], unreachable: null, note: failure(error) };
    }
  });
}

/** What one package wins, loses and leaves open (or why it cannot be said). */
export function packageDetail(session: Session, target: string, partners: readonly string[]): PackageOutcome | string {
  return perCouncil(outcomeCache, session.run, `${target}|${partners.join(',')}`, () => {
    try {
      return scenarioPackage(sessionScenario(session), partners, { for: target }, session.run);
    } catch (error) {
      return failure(error);
    }
  });
}
