/**
 * An explorer session: the scenario it was opened on, the seat set in use, and the user's edits as a
 * timeline of entries. Each entry holds the steps it applied and their immer transitions, so undo
 * applies the inverse patches and redo the patches again; nothing is recomputed from scratch except
 * when the seat set changes (every step is then re-applied on the new seats).
 *
 * All functions here are pure: they return a new session or an error message, never throw for a step
 * that does not fit (the UI shows the message instead).
 */
import type { LoadedDataset } from '../dataset/dataset.js';
import { bundledScenarioFile, type LoadedScenario, loadScenario, type ResolvedStep, resolveScenarioRef, scenarioFromDocument } from '../scenarios/scenario-loader.js';
import { runScenario, type ScenarioRun } from '../scenarios/runner.js';
import type { Step } from '../scenarios/scenario-schema.js';
import { baseState, type ScenarioState } from '../scenarios/scenario-state.js';
import { applyStep, redo, StepError, stepKind, type StepTransition, undo } from '../scenarios/steps/index.js';

/** Where the session's starting point came from (decides how a save refers to it). */
export type SessionOrigin =
  | { readonly kind: 'dataset' }
  | { readonly kind: 'bundled'; readonly name: string }
  | { readonly kind: 'file'; readonly file: string };

/** One user action on the timeline: one or more steps undone and redone together. */
export interface TimelineEntry {
  /** Unique within the session; identifies the entry across undo/redo and saves. */
  readonly id: number;
  readonly label: string;
  readonly steps: readonly Step[];
  readonly transitions: readonly StepTransition[];
}

export interface Session {
  readonly dataset: LoadedDataset;
  readonly origin: SessionOrigin;
  /** The scenario as opened, at its own seat set. */
  readonly start: LoadedScenario;
  /** The opened scenario's run: what the diff compares against. */
  readonly baseline: ScenarioRun;
  /** The seat set in use (the opened scenario's unless switched). */
  readonly seats: string;
  /** The dataset at `seats` with the opened scenario's rules, before any step. */
  readonly base: ScenarioState;
  /** After the opened scenario's steps, at `seats`. */
  readonly startState: ScenarioState;
  readonly done: readonly TimelineEntry[];
  /** Undone entries, most recently undone last (the redo stack). */
  readonly undone: readonly TimelineEntry[];
  readonly state: ScenarioState;
  readonly run: ScenarioRun;
  /** The last save (or the opening): the top entry and seat set then. */
  readonly saved: { readonly top: number | undefined; readonly seats: string; readonly file?: string };
  readonly nextId: number;
}

export type SessionResult = { readonly ok: true; readonly session: Session } | { readonly ok: false; readonly message: string };

/** A session on a loaded scenario. */
export function sessionFrom(start: LoadedScenario, origin: SessionOrigin): Session {
  const run = runScenario(start);
  return {
    dataset: start.dataset,
    origin,
    start,
    baseline: run,
    seats: start.seats,
    base: start.base,
    startState: start.state,
    done: [],
    undone: [],
    state: start.state,
    run,
    saved: { top: undefined, seats: start.seats },
    nextId: 1,
  };
}

/**
 * One vocabulary everywhere (header, composer, timeline, explanation, diff): an *edit* is one user
 * action, undone and redone as a whole; it applies one or more *steps*. The n-th edit (1-based) is
 * `edit n`; its k-th of several steps is `edit n step k`.
 */
export function editLabel(edit: number, step?: number, steps = 1): string {
  return step === undefined || steps <= 1 ? `edit ${edit}` : `edit ${edit} step ${step}`;
}

/** `1 edit`, `2 edits (5 steps)`: the steps only when they are more than the edits. */
export function editCount(entries: readonly TimelineEntry[]): string {
  const steps = userStepCount(entries);
  return `${entries.length} edit${entries.length === 1 ? '' : 's'}${steps > entries.length ? ` (${steps} steps)` : ''}`;
}

function userStepCount(entries: readonly TimelineEntry[]): number {
  let count = 0;
  for (const entry of entries) count += entry.steps.length;
  return count;
}

/** The session as a loaded scenario, so the runner and the diff see exactly what a saved file would give. */
export function sessionScenario(session: Session, state: ScenarioState = session.state, entries: readonly TimelineEntry[] = session.done): LoadedScenario {
  const offset = session.start.steps.length;
  const steps: ResolvedStep[] = [...session.start.steps];
  const transitions: StepTransition[] = [...session.start.transitions];
  let n = 0;
  entries.forEach((entry, e) => {
    entry.steps.forEach((step, i) => {
      n++;
      steps.push({
        step,
        kind: stepKind(step),
        index: offset + n - 1,
        label: editLabel(e + 1, i + 1, entry.steps.length),
        origin: { scenario: 'explorer', file: undefined, position: n - 1 },
      });
      const transition = entry.transitions[i];
      if (transition) transitions.push(transition);
    });
  });
  return { ...session.start, seats: session.seats, base: session.base, state, steps, transitions };
}

function withState(session: Session, state: ScenarioState, done: readonly TimelineEntry[], undone: readonly TimelineEntry[]): Session {
  const next = { ...session, state, done, undone };
  return { ...next, run: runScenario(sessionScenario(next, state, done)) };
}

function stepFailure(error: unknown, label: string): string {
  if (error instanceof StepError) return `${label}: ${error.message}`;
  if (error instanceof Error) return `${label}: ${error.message}`;
  return `${label}: ${String(error)}`;
}

/** Applies `steps` as one timeline entry (clears the redo stack). */
export function applyEdit(session: Session, label: string, steps: readonly Step[]): SessionResult {
  if (steps.length === 0) return { ok: false, message: `${label}: nothing to do` };
  const offset = session.start.steps.length + userStepCount(session.done);
  let state = session.state;
  const transitions: StepTransition[] = [];
  try {
    steps.forEach((step, i) => {
      const transition = applyStep(state, step, offset + i, session.dataset);
      transitions.push(transition);
      state = transition.state;
    });
  } catch (error) {
    return { ok: false, message: stepFailure(error, label) };
  }
  const entry: TimelineEntry = { id: session.nextId, label, steps: [...steps], transitions };
  return { ok: true, session: { ...withState(session, state, [...session.done, entry], []), nextId: session.nextId + 1 } };
}

/** Reverts the last entry with its inverse patches. */
export function undoEdit(session: Session): SessionResult {
  const entry = session.done.at(-1);
  if (!entry) return { ok: false, message: 'nothing to undo' };
  let state = session.state;
  for (let i = entry.transitions.length - 1; i >= 0; i--) state = undo(state, entry.transitions[i]!);
  return { ok: true, session: withState(session, state, session.done.slice(0, -1), [...session.undone, entry]) };
}

/** Re-applies the most recently undone entry with its patches. */
export function redoEdit(session: Session): SessionResult {
  const entry = session.undone.at(-1);
  if (!entry) return { ok: false, message: 'nothing to redo' };
  let state = session.state;
  for (const transition of entry.transitions) state = redo(state, transition);
  return { ok: true, session: withState(session, state, [...session.done, entry], session.undone.slice(0, -1)) };
}

/**
 * Moves the session to another seat set: the dataset at those seats, then the opened scenario's steps
 * and every edit re-applied. The redo stack is dropped (its patches belong to the old seats). Fails,
 * leaving the session as it was, when a step no longer fits (e.g. it moves seats a list lacks there).
 */
export function switchSeats(session: Session, seats: string): SessionResult {
  if (seats === session.seats) return { ok: true, session };
  if (!session.dataset.seatSets.includes(seats)) {
    return { ok: false, message: `unknown seat set "${seats}" (known: ${session.dataset.seatSets.join(', ')})` };
  }
  const rules = session.start.rules;
  let base = baseState(session.dataset, seats, session.start.units);
  if (Object.keys(rules).length > 0) base = { ...base, rules };
  let state = base;
  let index = 0;
  for (const resolved of session.start.steps) {
    try {
      state = applyStep(state, resolved.step, index++, session.dataset).state;
    } catch (error) {
      return { ok: false, message: stepFailure(error, `seat set ${seats}: the opened scenario's ${resolved.label} no longer applies`) };
    }
  }
  const startState = state;
  const done: TimelineEntry[] = [];
  for (const entry of session.done) {
    const transitions: StepTransition[] = [];
    for (const step of entry.steps) {
      try {
        const transition = applyStep(state, step, index++, session.dataset);
        transitions.push(transition);
        state = transition.state;
      } catch (error) {
        return { ok: false, message: stepFailure(error, `seat set ${seats}: "${entry.label}" no longer applies`) };
      }
    }
    done.push({ ...entry, transitions });
  }
  const moved = { ...session, seats, base, startState };
  return { ok: true, session: withState(moved, state, done, []) };
}

/** Whether the session differs from its last save (or from how it was opened). */
export function isDirty(session: Session): boolean {
  return session.done.at(-1)?.id !== session.saved.top || session.seats !== session.saved.seats;
}

/** Records a save of the current state to `file`. */
export function markSaved(session: Session, file: string): Session {
  return { ...session, saved: { top: session.done.at(-1)?.id, seats: session.seats, file } };
}

/** The scenario `govsim` opens on when none is named. */
export const DEFAULT_START = 'baseline';

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
