/**
 * Two runs side by side, council by council and seat by seat: each side's outcome (status, governor,
 * coalition, votes against the majority) and every unit's seats, attendance and membership of the
 * governing coalition. Two scenarios, a scenario and its baseline, or one scenario at two seat sets:
 * whatever two runs are given. The CLI (`govsim diff --side-by-side`) and the explorer lay it out.
 */
import type { CouncilResult, ScenarioRun } from './runner.js';

export interface SideOutcome {
  readonly status: string;
  readonly governorFrom: string | null;
  readonly coalition: readonly string[];
  readonly votes: number;
  readonly majority: number;
  readonly margin: number | null;
  readonly seats: number;
  readonly present: number;
}

export interface SideUnit {
  readonly id: string;
  /** Absent on a side where the council has no such unit. */
  readonly left: { readonly seats: number; readonly present: number; readonly inCoalition: boolean } | null;
  readonly right: { readonly seats: number; readonly present: number; readonly inCoalition: boolean } | null;
  readonly differs: boolean;
}

export interface SideCouncil {
  readonly id: string;
  readonly name: string;
  /** Whether the outcome differs (status, governor, coalition, votes, margin). */
  readonly outcomeDiffers: boolean;
  /** Whether any unit's seats, attendance or membership differs. */
  readonly seatsDiffer: boolean;
  readonly left: SideOutcome;
  readonly right: SideOutcome;
  readonly units: readonly SideUnit[];
}

export interface SideBySide {
  readonly left: string;
  readonly right: string;
  readonly councils: readonly SideCouncil[];
}

function outcomeOf(council: CouncilResult): SideOutcome {
  const { outcome } = council;
  return {
    status: outcome.status,
    governorFrom: outcome.governorFrom,
    coalition: outcome.coalition,
    votes: outcome.votes,
    majority: council.majority,
    margin: outcome.margin,
    seats: council.seats,
    present: council.present,
  };
}

function unitsOf(council: CouncilResult): Map<string, NonNullable<SideUnit['left']>> {
  const coalition = new Set(council.outcome.coalition);
  return new Map(council.units.map((unit) => [unit.id, { seats: unit.seats, present: unit.present, inCoalition: coalition.has(unit.id) }]));
}

const same = (a: SideUnit['left'], b: SideUnit['left']): boolean =>
  a !== null && b !== null && a.seats === b.seats && a.present === b.present && a.inCoalition === b.inCoalition;

/** Councils in the right run's order; a council only one run has is left out (runs on one dataset have the same councils). */
export function sideBySide(left: ScenarioRun, right: ScenarioRun, labels: { left?: string; right?: string } = {}): SideBySide {
  const byId = new Map(left.councils.map((council) => [council.id, council]));
  const councils: SideCouncil[] = [];
  for (const after of right.councils) {
    const before = byId.get(after.id);
    if (!before) continue;
    const a = unitsOf(before);
    const b = unitsOf(after);
    const ids = [...a.keys(), ...[...b.keys()].filter((id) => !a.has(id))];
    const units = ids.map((id): SideUnit => {
      const l = a.get(id) ?? null;
      const r = b.get(id) ?? null;
      return { id, left: l, right: r, differs: !same(l, r) };
    });
    const x = outcomeOf(before);
    const y = outcomeOf(after);
    const outcomeDiffers =
      x.status !== y.status || x.governorFrom !== y.governorFrom || x.coalition.join('+') !== y.coalition.join('+') || x.votes !== y.votes || x.margin !== y.margin;
    councils.push({ id: after.id, name: after.name, outcomeDiffers, seatsDiffer: units.some((unit) => unit.differs), left: x, right: y, units });
  }
  return { left: labels.left ?? `${left.id} (${left.seats})`, right: labels.right ?? `${right.id} (${right.seats})`, councils };
}

/** `ELECTED +1, governor nabni`, `OPEN`, `DEADLOCK -5`: one side's outcome in a few words. */
export function outcomeText(side: SideOutcome): string {
  const margin = side.margin === null ? '' : ` ${side.margin > 0 ? '+' : ''}${side.margin}`;
  return `${side.status.toUpperCase().replace('-', ' ')}${margin}${side.governorFrom ? `, governor ${side.governorFrom}` : ''}`;
}

/** `3 [x]`, `3 (1 absent)`, `—`: one side's unit in a cell. */
export function unitText(unit: SideUnit['left']): string {
  if (unit === null) return '—';
  const absent = unit.seats - unit.present;
  return `${unit.seats}${absent > 0 ? ` (${absent} absent)` : ''}${unit.inCoalition ? ' [x]' : ''}`;
}
