/**
 * Saving an explorer session as a scenario file that `govsim run` and `govsim check` accept: the
 * opened scenario (by `extends` when it is bundled, else its steps inlined), the seat set, the user's
 * steps in order, and an `expect` block recording the outcome of every council the edits touched or
 * changed, so `govsim check` confirms the saved what-if still behaves as it did on screen.
 */
import { basename, dirname, extname, join, relative, resolve } from 'node:path';
import { Document, isMap, isSeq, YAMLMap } from 'yaml';
import { GovsimDataError } from '../model/errors.js';
import { writeFileAtomic } from '../platform/atomic-write.js';
import { checkExpectations } from '../scenarios/expectations.js';
import { packageRoot } from '../platform/package-root.js';
import { runScenario } from '../scenarios/runner.js';
import { loadScenario } from '../scenarios/scenario-loader.js';
import type { Step } from '../scenarios/scenario-schema.js';
import { touchedCouncils } from '../scenarios/steps/index.js';
import { DEFAULT_DATASET } from '../dataset/dataset.js';
import { diffRuns } from '../scenarios/diff.js';
import { startName, type Session } from './session.js';

/** Expectation ids must be plain ids; defectors' units (`wathiqoon>deal`) are not. */
const PLAIN_ID = /^[a-z0-9][a-z0-9-]*$/;

export interface SavedScenario {
  /** Absolute path written. */
  readonly file: string;
  /** Expectations written (per council). */
  readonly expectations: number;
}

function datasetRef(session: Session, fileDir: string): string | undefined {
  const ds = session.dataset;
  const bundledDir = join(packageRoot(), 'data', ds.id);
  if (ds.dir === bundledDir) return ds.id === DEFAULT_DATASET ? undefined : ds.id;
  return relative(fileDir, ds.dir) || '.';
}

/** Councils the user's steps touched or whose outcome differs from the opened scenario's. */
export function affectedCouncils(session: Session): string[] {
  const ids = new Set<string>();
  for (const entry of session.done) for (const transition of entry.transitions) for (const id of touchedCouncils(transition, session.state)) ids.add(id);
  for (const council of diffRuns(session.baseline, session.run).councils) ids.add(council.id);
  return session.state.councilOrder.filter((id) => ids.has(id));
}

/** The expectations that pin down the current outcome of `councils`. */
function expectations(session: Session, councils: readonly string[]): Record<string, unknown>[] {
  return councils.map((id) => {
    const result = session.run.councils.find((council) => council.id === id)!;
    const { outcome } = result;
    const coalition = outcome.coalition.filter((unit) => PLAIN_ID.test(unit));
    return {
      council: id,
      status: outcome.status,
      governorFrom: outcome.governorFrom,
      ...(outcome.via !== null ? { votes: outcome.votes } : {}),
      ...(outcome.margin !== null ? { marginAtLeast: outcome.margin, marginAtMost: outcome.margin } : {}),
      ...(coalition.length > 0 ? { coalitionIncludes: coalition } : {}),
      present: result.present,
      members: result.seats,
      group: result.group,
    };
  });
}

function withNote(step: Step, note: string | undefined): Step {
  return note === undefined || step.note !== undefined ? step : { ...step, note };
}

const WHAT_IF = 'What-if on ';

/**
 * Where the save prompt proposes to write: beside the opened file (`kirkuk-what-if.yaml` next to
 * `kirkuk.yaml`; a file already named `…-what-if` is proposed again), else `what-if-<name>.yaml` in
 * the working directory for a bundled scenario (the package's own files are not the user's to change),
 * relative to `cwd` when inside it.
 */
export function defaultSavePath(session: Session, cwd: string = process.cwd()): string {
  if (session.saved.file !== undefined) return shown(session.saved.file, cwd);
  if (session.origin.kind === 'file') {
    const file = session.origin.file;
    const stem = basename(file, extname(file));
    const name = stem.endsWith('-what-if') ? `${stem}.yaml` : `${stem}-what-if.yaml`;
    return shown(join(dirname(file), name), cwd);
  }
  return session.origin.kind === 'bundled' ? `what-if-${session.origin.name}.yaml` : 'what-if.yaml';
}

function shown(file: string, cwd: string): string {
  const path = relative(cwd, file);
  return path !== '' && !path.startsWith('..') ? path : file;
}

/** `What-if on <start>`; a session opened on a saved what-if keeps its name rather than nesting it. */
export function whatIfName(session: Session): string {
  const start = startName(session);
  return start.startsWith(WHAT_IF) ? start : `${WHAT_IF}${start}`;
}

/** The scenario document for the session (what the YAML file holds). */
export function scenarioDocument(session: Session, file: string, now: Date = new Date()): Record<string, unknown> {
  const fileDir = dirname(resolve(file));
  const extendsName = session.origin.kind === 'bundled' ? session.origin.name : undefined;
  const edits = session.done.map((entry, i) => `${i + 1}) ${entry.label}`);
  const steps: Step[] = [];
  if (extendsName === undefined) steps.push(...session.start.steps.map((resolved) => resolved.step));
  for (const entry of session.done) entry.steps.forEach((step, i) => steps.push(withNote(step, i === 0 ? `explorer: ${entry.label}` : undefined)));
  const dataset = extendsName === undefined ? datasetRef(session, fileDir) : undefined;
  const rules = session.start.rules;
  const expect = expectations(session, affectedCouncils(session));
  return {
    name: whatIfName(session),
    description: [
      `Saved from govsim explore on ${now.toISOString().slice(0, 10)}, starting from ${startName(session)} at seat set ${session.seats}.`,
      edits.length > 0 ? `Edits: ${edits.join('; ')}.` : 'No edits.',
    ].join(' '),
    ...(dataset !== undefined ? { dataset } : {}),
    seats: session.seats,
    ...(extendsName === undefined && session.start.units !== 'lists' ? { units: session.start.units } : {}),
    ...(extendsName !== undefined ? { extends: extendsName } : {}),
    ...(extendsName === undefined && Object.keys(rules).length > 0 ? { rules } : {}),
    ...(extendsName === undefined && session.start.sources.length > 0 ? { sources: session.start.sources } : {}),
    steps,
    ...(expect.length > 0 ? { expect } : {}),
  };
}

/** The document as YAML: one flow mapping per step and per expectation, so a file reads like a script. */
export function scenarioYaml(session: Session, file: string, now?: Date): string {
  const document = new Document(scenarioDocument(session, file, now));
  document.commentBefore = ' Saved by govsim explore. Run it with `govsim run <file>`; `govsim check <file>` re-checks the expectations.';
  const steps = document.get('steps');
  if (isSeq(steps)) {
    for (const item of steps.items) {
      if (!isMap(item)) continue;
      const body = item.items[0]?.value;
      if (body instanceof YAMLMap) body.flow = true;
    }
  }
  const expect = document.get('expect');
  if (isSeq(expect)) {
    expect.commentBefore = ' The outcome of every council the edits touched or changed, as shown when saved.';
    for (const item of expect.items) if (item instanceof YAMLMap) item.flow = true;
  }
  return document.toString({ lineWidth: 0 });
}

/**
 * Writes the session to `file` atomically, then loads it back and checks its expectations, so a file
 * that `govsim check` would reject is reported here rather than discovered later.
 */
export function saveScenario(session: Session, file: string, options: { cwd?: string; now?: Date } = {}): SavedScenario {
  const cwd = options.cwd ?? process.cwd();
  const target = resolve(cwd, file);
  writeFileAtomic(target, scenarioYaml(session, target, options.now));
  const loaded = loadScenario(target, { cwd });
  const check = checkExpectations(loaded, runScenario(loaded));
  if (!check.ok) {
    const failed = check.expectations.filter((entry) => !entry.ok).map((entry) => ({
      path: `expect[${entry.index}]`,
      message: `${entry.council}: ${entry.claims.filter((claim) => !claim.ok).map((claim) => `${claim.field} expected ${claim.expected}, got ${claim.actual}`).join('; ')}`,
    }));
    throw new GovsimDataError(file, failed);
  }
  return { file: target, expectations: loaded.expect.length };
}
