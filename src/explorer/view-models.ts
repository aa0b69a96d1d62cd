/**
 * Rows of the read-only screens (timeline, differences), shared by their views and their reducers so
 * the cursor always ranges over exactly what is drawn.
 */
import type { ScenarioRun } from '../scenarios/runner.js';
import { baselineDiff } from './queries.js';
import { editLabel, startName, type Session } from './session.js';

export interface TimelineRow {
  readonly kind: 'start' | 'done' | 'undone';
  /** `step 1`, `edit 3`, … */
  readonly label: string;
  readonly text: string;
  /** The scenario steps behind the row, as the saved file will hold them. */
  readonly steps: readonly string[];
}

function stepText(step: object): string {
  const entry: [string, unknown] = Object.entries(step).find(([key]) => key !== 'source' && key !== 'note') ?? ['?', {}];
  const [kind, body] = entry;
  const fields = Object.entries(body as Record<string, unknown>)
    .map(([key, value]) => `${key} ${Array.isArray(value) ? value.join(',') : typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value)}`)
    .join(', ');
  return `${kind}: ${fields}`;
}

export function timelineRows(session: Session): TimelineRow[] {
  const rows: TimelineRow[] = session.start.steps.map((resolved) => ({
    kind: 'start',
    label: resolved.label,
    text: `${stepText(resolved.step)}  (from ${startName(session)})`,
    steps: [stepText(resolved.step)],
  }));
  session.done.forEach((entry, e) => {
    const count = entry.steps.length > 1 ? ` (${entry.steps.length} steps)` : '';
    rows.push({ kind: 'done', label: editLabel(e + 1), text: `${entry.label}${count}`, steps: entry.steps.map(stepText) });
  });
  for (let i = session.undone.length - 1; i >= 0; i--) {
    const entry = session.undone[i]!;
    rows.push({ kind: 'undone', label: 'undone', text: `${entry.label}  (r redoes)`, steps: entry.steps.map(stepText) });
  }
  return rows;
}

export interface DiffLine {
  readonly kind: 'council' | 'change' | 'cause' | 'reverted';
  readonly text: string;
}

/**
 * Seat by seat, the units whose seats differ between two runs of one council (`nabni 3 → 4`,
 * `quota-sabean 1 → —` for a unit only in one): what a switch of seat set changes even where no
 * outcome does.
 */
export function unitSeatChanges(before: ScenarioRun, after: ScenarioRun, councilId: string): string[] {
  const a = before.councils.find((council) => council.id === councilId);
  const b = after.councils.find((council) => council.id === councilId);
  if (!a || !b) return [];
  const seatsA = new Map(a.units.map((unit) => [unit.id, unit.seats]));
  const seatsB = new Map(b.units.map((unit) => [unit.id, unit.seats]));
  const ids = [...new Set([...seatsA.keys(), ...seatsB.keys()])];
  return ids.filter((id) => seatsA.get(id) !== seatsB.get(id)).map((id) => `${id} ${seatsA.get(id) ?? '—'} → ${seatsB.get(id) ?? '—'}`);
}

export function diffLines(session: Session): DiffLine[] {
  const lines: DiffLine[] = [];
  const outcomes = baselineDiff(session).councils;
  const listed = new Set(outcomes.map((council) => council.id));
  if (session.seats !== session.start.seats) {
    lines.push({ kind: 'council', text: `Seat set ${session.start.seats} → ${session.seats}` });
    for (const council of session.run.councils) {
      const seats = unitSeatChanges(session.baseline, session.run, council.id);
      if (seats.length > 0 && !listed.has(council.id)) lines.push({ kind: 'change', text: `${council.name} (same outcome): seats ${seats.join(', ')}` });
    }
  }
  for (const council of outcomes) {
    lines.push({ kind: 'council', text: council.name });
    for (const change of council.changes) lines.push({ kind: 'change', text: `${change.field}: ${change.before} → ${change.after}` });
    // Seat level, as `govsim diff` prints it: deals, blocs and rumps, then each unit.
    for (const alignment of council.alignments) lines.push({ kind: 'change', text: `seats ${alignment.label}: ${alignment.before} → ${alignment.after}` });
    for (const unit of council.units) {
      if (unit.seats) lines.push({ kind: 'change', text: `seats ${unit.unit}: ${unit.seats.before} → ${unit.seats.after}` });
      if (unit.present) lines.push({ kind: 'change', text: `present ${unit.unit}: ${unit.present.before} → ${unit.present.after}` });
      if (unit.alignment) lines.push({ kind: 'change', text: `alignment ${unit.unit}: ${unit.alignment.before} → ${unit.alignment.after}` });
    }
    for (const cause of council.causes) lines.push({ kind: 'cause', text: `caused by ${cause.step} ${cause.kind}: ${cause.text}` });
    if (council.seatSet !== undefined) lines.push({ kind: 'cause', text: `caused by the ${council.seatSet}` });
    for (const reverted of council.reverted) lines.push({ kind: 'reverted', text: `without ${reverted.step} ${reverted.kind}: ${reverted.text}` });
  }
  const national = baselineDiff(session).national;
  if (national.changes.length > 0) {
    lines.push({ kind: 'council', text: 'National seats' });
    for (const change of national.changes) lines.push({ kind: 'change', text: `${change.label}: ${change.before} → ${change.after}` });
    if (national.seatSets) lines.push({ kind: 'cause', text: `caused by the seat set ${national.seatSets.before} → ${national.seatSets.after}` });
  }
  return lines;
}
