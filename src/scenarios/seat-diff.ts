/**
 * The seat-level part of a diff: per council, each unit whose seats, attendance or alignment differ;
 * nationally, each list whose seat total differs and each published list figure (the CF big three)
 * recomputed from both runs. A seat change no step explains comes from the seat set.
 */
import type { CouncilResult, ScenarioRun } from './runner.js';

export interface UnitDiff {
  readonly unit: string;
  /** `before → after`; a unit absent from one run reads `—`. */
  readonly seats?: { readonly before: string; readonly after: string };
  readonly present?: { readonly before: string; readonly after: string };
  readonly alignment?: { readonly before: string; readonly after: string };
}

export interface NationalChange {
  /** A list id, or a published figure's label (`CF big three (Nabni + State of Law + NSF)`). */
  readonly label: string;
  readonly before: number;
  readonly after: number;
}

export interface NationalDiff {
  /** The seat sets of the two runs, when they differ: every seat change no step made comes from them. */
  readonly seatSets?: { readonly before: string; readonly after: string };
  readonly changes: readonly NationalChange[];
}

/** A figure counted over lists (the dataset's published figures that name lists). */
export interface ListFigure {
  readonly label: string;
  readonly lists: readonly string[];
}

/** The alignment each unit votes with, by label. */
function alignmentOf(council: CouncilResult): Map<string, string> {
  const byUnit = new Map<string, string>();
  for (const alignment of council.alignments) {
    if (alignment.status === 'void') continue;
    for (const unit of alignment.units) byUnit.set(unit, alignment.kind === 'list' ? 'alone' : alignment.label);
  }
  // Every unit not listed votes alone.
  for (const unit of council.units) if (!byUnit.has(unit.id)) byUnit.set(unit.id, 'alone');
  return byUnit;
}

/** Units whose seats, attendance or alignment differ between two results of one council. */
export function unitDiffs(before: CouncilResult, after: CouncilResult): UnitDiff[] {
  const a = new Map(before.units.map((unit) => [unit.id, unit]));
  const b = new Map(after.units.map((unit) => [unit.id, unit]));
  const alignedA = alignmentOf(before);
  const alignedB = alignmentOf(after);
  const ids = [...after.units.map((unit) => unit.id), ...before.units.map((unit) => unit.id).filter((id) => !b.has(id))];
  const diffs: UnitDiff[] = [];
  for (const id of ids) {
    const x = a.get(id);
    const y = b.get(id);
    const seats = { before: x ? String(x.seats) : '—', after: y ? String(y.seats) : '—' };
    const present = { before: x ? String(x.present) : '—', after: y ? String(y.present) : '—' };
    const alignment = { before: alignedA.get(id) ?? '—', after: alignedB.get(id) ?? '—' };
    const diff: UnitDiff = {
      unit: id,
      ...(seats.before !== seats.after ? { seats } : {}),
      // Attendance follows seats when every member attends; only a different absence is news.
      ...(present.before !== present.after && (x?.seats ?? 0) - (x?.present ?? 0) !== (y?.seats ?? 0) - (y?.present ?? 0) ? { present } : {}),
      ...(alignment.before !== alignment.after ? { alignment } : {}),
    };
    if (diff.seats || diff.present || diff.alignment) diffs.push(diff);
  }
  return diffs;
}

export interface AlignmentVotes {
  /** `bloc cf`, `cf (rump without badr)`, `deal badr-sadr`. */
  readonly label: string;
  /** Seats of its units (defectors who vote with it included); `—` where it does not exist. */
  readonly before: string;
  readonly after: string;
}

/** Seats of every deal, bloc and rump whose total differs between the two results (present or not). */
export function alignmentSeatDiffs(before: CouncilResult, after: CouncilResult): AlignmentVotes[] {
  const seatsOf = (council: CouncilResult): Map<string, number> => {
    const seats = new Map<string, number>();
    const byId = new Map(council.units.map((unit) => [unit.id, unit]));
    for (const alignment of council.alignments) {
      if (alignment.kind === 'list' || alignment.kind === 'against') continue;
      // Loyal seats of its units, plus its defectors' units (`unit>target`), who always attend: their
      // seats are the votes left once the loyal units' present members are counted.
      let loyalSeats = 0;
      let loyalPresent = 0;
      for (const id of alignment.units) {
        const unit = byId.get(id);
        if (unit === undefined) continue;
        loyalSeats += unit.seats - (unit.defected ?? 0);
        loyalPresent += unit.present - (unit.defected ?? 0);
      }
      seats.set(alignment.label, loyalSeats + alignment.votes - loyalPresent);
    }
    return seats;
  };
  const x = seatsOf(before);
  const y = seatsOf(after);
  const out: AlignmentVotes[] = [];
  for (const label of new Set([...x.keys(), ...y.keys()])) {
    const a = x.get(label);
    const b = y.get(label);
    if (a !== b) out.push({ label, before: a === undefined ? '—' : String(a), after: b === undefined ? '—' : String(b) });
  }
  return out;
}

/** Seats per list over all councils (a faction counts for its list). */
function listTotals(run: ScenarioRun): Map<string, number> {
  const totals = new Map<string, number>();
  for (const council of run.councils) {
    for (const unit of council.units) {
      const list = unit.parent ?? unit.id;
      totals.set(list, (totals.get(list) ?? 0) + unit.seats);
    }
  }
  return totals;
}

/** National seat differences: every list whose total differs, then each list figure that differs. */
export function nationalDiff(a: ScenarioRun, b: ScenarioRun, figures: readonly ListFigure[] = []): NationalDiff {
  const x = listTotals(a);
  const y = listTotals(b);
  const changes: NationalChange[] = [];
  for (const list of new Set([...x.keys(), ...y.keys()])) {
    const before = x.get(list) ?? 0;
    const after = y.get(list) ?? 0;
    if (before !== after) changes.push({ label: list, before, after });
  }
  const seen = new Set<string>();
  for (const figure of figures) {
    // A one-list figure repeats that list's row.
    if (seen.has(figure.label) || figure.lists.length < 2) continue;
    seen.add(figure.label);
    const sum = (totals: Map<string, number>): number => figure.lists.reduce((total, list) => total + (totals.get(list) ?? 0), 0);
    const before = sum(x);
    const after = sum(y);
    if (before !== after) changes.push({ label: figure.label, before, after });
  }
  return { ...(a.seats !== b.seats ? { seatSets: { before: a.seats, after: b.seats } } : {}), changes };
}
