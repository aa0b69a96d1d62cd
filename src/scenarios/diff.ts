/**
 * Comparing two scenario runs council by council: what changed in the outcome (status, governor,
 * coalition, votes, margin, group, attendance) and which steps caused it. A cause is a step that
 * touched the council in one scenario and not in the other (read from the recorded provenance, which
 * the steps wrote while their patches were produced).
 */
import { GovsimUsageError } from '../model/errors.js';
import type { LoadedScenario } from './scenario-loader.js';
import { type CouncilChange, type CouncilResult, runScenario, type ScenarioRun } from './runner.js';
import { type AlignmentVotes, alignmentSeatDiffs, type ListFigure, type NationalDiff, nationalDiff, type UnitDiff, unitDiffs } from './seat-diff.js';

export type DiffField = 'status' | 'governorFrom' | 'coalition' | 'votes' | 'margin' | 'group' | 'present' | 'seats';

export interface FieldChange {
  readonly field: DiffField;
  readonly before: string;
  readonly after: string;
}

export interface CouncilDiff {
  readonly id: string;
  readonly name: string;
  readonly changes: readonly FieldChange[];
  /** Deals, blocs and rumps whose seats differ. */
  readonly alignments: readonly AlignmentVotes[];
  /** Units whose seats, attendance or alignment differ. */
  readonly units: readonly UnitDiff[];
  /** Steps of the second scenario that touched this council and are not in the first. */
  readonly causes: readonly CouncilChange[];
  /** Steps of the first scenario that touched this council and are not in the second. */
  readonly reverted: readonly CouncilChange[];
  /** `seat set a → b` when seats differ and the runs start from different seat sets. */
  readonly seatSet?: string;
  /** The weakest confidence of the seats the outcome rests on, before and after. */
  readonly confidence: { readonly before: CouncilResult['confidence']; readonly after: CouncilResult['confidence'] };
}

export interface ScenarioDiff {
  /** Short references of the two runs (file stems or names). */
  readonly from: string;
  readonly to: string;
  /** Councils whose outcome differs. */
  readonly councils: readonly CouncilDiff[];
  /** Councils with the same outcome, seats, attendance and alignments. */
  readonly unchanged: readonly string[];
  /** National seat totals that differ (lists, published list figures such as the CF big three). */
  readonly national: NationalDiff;
}

function fieldsOf(council: CouncilResult): Record<DiffField, string> {
  return {
    status: council.outcome.status,
    governorFrom: council.outcome.governorFrom ?? '—',
    coalition: council.outcome.coalition.length > 0 ? council.outcome.coalition.join(' + ') : '—',
    votes: String(council.outcome.votes),
    margin: council.outcome.margin === null ? '—' : String(council.outcome.margin),
    group: `${council.group} (${council.groupSource})`,
    present: `${council.present} of ${council.seats}`,
    seats: String(council.seats),
  };
}

const FIELDS: readonly DiffField[] = ['status', 'governorFrom', 'coalition', 'votes', 'margin', 'group', 'present', 'seats'];

/** Council-by-council differences from run `a` to run `b`; `figures` adds national list figures to compare. */
export function diffRuns(a: ScenarioRun, b: ScenarioRun, figures: readonly ListFigure[] = []): ScenarioDiff {
  // Councils of two datasets share ids but not seats or lists: a diff of them would compare nothing real.
  if (a.dataset !== b.dataset) {
    throw new GovsimUsageError(`cannot compare ${b.file ?? b.id} with ${a.file ?? a.id}: they use different datasets (${b.dataset} and ${a.dataset})`);
  }
  const before = new Map(a.councils.map((council) => [council.id, council]));
  const councils: CouncilDiff[] = [];
  const unchanged: string[] = [];
  const seatSets = a.seats !== b.seats ? `seat set ${a.seats} → ${b.seats}` : undefined;
  for (const after of b.councils) {
    const previous = before.get(after.id);
    if (!previous) continue;
    const x = fieldsOf(previous);
    const y = fieldsOf(after);
    // The group's label changes whenever a step sets it; only a different letter is a change.
    const changes = FIELDS.filter((field) => (field === 'group' ? previous.group !== after.group : x[field] !== y[field])).map((field) => ({
      field,
      before: x[field],
      after: y[field],
    }));
    const units = unitDiffs(previous, after);
    const alignments = alignmentSeatDiffs(previous, after);
    if (changes.length === 0 && units.length === 0 && alignments.length === 0) {
      unchanged.push(after.id);
      continue;
    }
    const keysA = new Set(previous.changes.map((change) => change.key));
    const keysB = new Set(after.changes.map((change) => change.key));
    const seatsMoved = units.some((unit) => unit.seats !== undefined);
    councils.push({
      id: after.id,
      name: after.name,
      changes,
      alignments,
      units,
      causes: after.changes.filter((change) => !keysA.has(change.key)),
      reverted: previous.changes.filter((change) => !keysB.has(change.key)),
      ...(seatSets !== undefined && seatsMoved ? { seatSet: seatSets } : {}),
      confidence: { before: previous.confidence, after: after.confidence },
    });
  }
  return { from: a.id, to: b.id, councils, unchanged, national: nationalDiff(a, b, figures) };
}

/** Differences from scenario `a` to scenario `b` (loaded scenarios or their runs). */
export function diffScenarios(a: LoadedScenario | ScenarioRun, b: LoadedScenario | ScenarioRun): ScenarioDiff {
  if (!isRun(a) && !isRun(b) && a.dataset.dir !== b.dataset.dir) {
    throw new GovsimUsageError(`cannot compare ${b.file ?? b.name} with ${a.file ?? a.name}: they use different datasets (${b.dataset.dir} and ${a.dataset.dir})`);
  }
  return diffRuns(asRun(a), asRun(b), [...listFigures(a), ...listFigures(b)]);
}

/** The dataset's published figures that count lists (the CF big three), for the national comparison. */
function listFigures(value: LoadedScenario | ScenarioRun): ListFigure[] {
  if (isRun(value)) return [];
  return value.dataset.data.published.flatMap((figure) => (figure.lists !== undefined ? [{ label: figure.label, lists: figure.lists }] : []));
}

function isRun(value: LoadedScenario | ScenarioRun): value is ScenarioRun {
  return 'councils' in value && Array.isArray(value.councils);
}

function asRun(value: LoadedScenario | ScenarioRun): ScenarioRun {
  return isRun(value) ? value : runScenario(value);
}
