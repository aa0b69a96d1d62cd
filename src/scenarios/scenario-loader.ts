/**
 * Loading a scenario: read the file (or a bundled name), validate it, follow `extends`, resolve the
 * dataset and seat set, and apply every step to the dataset's base state. Loading is validation: a
 * step that names an unknown unit or moves seats nobody holds is reported here, with the file and
 * the path inside it (`scenarios/x.yaml: steps[3].defect.from: unknown unit "wathiqon" …`).
 */
import { didYouMean } from '../model/suggest.js';
import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { type DataIssue, GovsimDataError, GovsimError, GovsimMissingFileError, GovsimUsageError } from '../model/errors.js';
import { checkDataShape, type DataDocument, issuesFromZod, located, parseDataPath, readDataDocument, yamlLocator } from '../dataset/data-file.js';
import { councilRulesFor, type ScenarioRules } from './expression.js';
import { bundledDatasets, type LoadedDataset } from '../dataset/dataset.js';
import { MAX_COUNCIL_SEATS, MAX_COUNCIL_UNITS } from '../dataset/dataset-schema.js';
import { packageRoot } from '../platform/package-root.js';
import { inputsHash, snapshotValue } from '../platform/snapshot-file.js';
import { probabilitiesSchemas } from './probabilities-schema.js';
import {
  type Expectation,
  scenarioSchemas,
  type ScenarioShell,
  type SourceEntry,
  STEP_KINDS,
  type Step,
  type StepKind,
} from './scenario-schema.js';
import { baseState, type ScenarioState } from './scenario-state.js';
import { loadNamedDataset } from '../dataset/dataset-registry.js';
import { applyStep, type StepTransition, StepError, stepKind } from './steps/index.js';
import { expectationIdIssues } from './expectation-ids.js';

/** A step of the flattened scenario, with where it was written. */
export interface ResolvedStep {
  readonly step: Step;
  readonly kind: StepKind;
  /** Position in the flattened list (inherited steps first). */
  readonly index: number;
  /** Human reference: `step 3`, or `baseline step 2` for an inherited step. */
  readonly label: string;
  readonly origin: { readonly scenario: string; readonly file: string | undefined; readonly position: number };
  readonly source?: SourceEntry;
  readonly note?: string;
}

export interface LoadedScenario {
  readonly name: string;
  readonly description?: string;
  /** The file as named by the caller (undefined for scenarios built in code). */
  readonly file?: string;
  readonly dataset: LoadedDataset;
  readonly seats: string;
  readonly units: 'lists' | 'factions';
  /** Rule overrides as written (thresholds may be formulas over `members`). */
  readonly rules: ScenarioRules;
  readonly sources: readonly SourceEntry[];
  readonly steps: readonly ResolvedStep[];
  readonly expect: readonly Expectation[];
  /** The dataset at the scenario's seat set, before any step. */
  readonly base: ScenarioState;
  /** After every step. */
  readonly state: ScenarioState;
  readonly transitions: readonly StepTransition[];
  /** Names of the scenarios this one extends, nearest first. */
  readonly extends: readonly string[];
  /** The `probabilities` block, passed through untouched for the uncertainty engine. */
  readonly probabilities?: unknown;
  /**
   * Where the `probabilities` block is written: the file of the scenario or of the ancestor it comes from
   * (undefined for a document built in code), and that file's document for line numbers.
   */
  readonly probabilitiesSource?: { readonly file: string | undefined; readonly document: DataDocument | undefined };
  /** The scenario's own dated sittings, each with the state after it (inherited sittings only contribute their steps). */
  readonly sittings: readonly SittingCheckpoint[];
}

/** One replayed sitting: where the state stood after it, and what it should show. */
export interface SittingCheckpoint {
  /** Position in the file's `sittings` list. */
  readonly index: number;
  readonly council: string;
  readonly date: string;
  readonly title?: string;
  readonly source?: string;
  readonly note?: string;
  /** The state after this sitting's steps (and every earlier one). */
  readonly state: ScenarioState;
  /** Every step applied so far, in order. */
  readonly steps: readonly ResolvedStep[];
  readonly expect: readonly Expectation[];
}

/** A sitting's claims: `council` defaults to the sitting's; ids are resolved as in `expect`. */
function sittingExpectations(
  raws: readonly unknown[],
  council: string,
  sitting: number,
  state: ScenarioState,
  document: DataDocument | undefined,
): { parsed: Expectation[]; issues: DataIssue[] } {
  const parsed: Expectation[] = [];
  const issues: DataIssue[] = [];
  raws.forEach((raw, j) => {
    const at = ['sittings', sitting, 'expect', j];
    const filled = raw !== null && typeof raw === 'object' && !Array.isArray(raw) && !('council' in raw) && !('national' in raw) ? { council, ...raw } : raw;
    const result = scenarioSchemas().Expectation.safeParse(filled);
    if (!result.success) {
      issues.push(...issuesFromZod(result.error, document, at));
      return;
    }
    const expectation = result.data;
    if (expectation.council !== undefined && !state.councils[expectation.council]) {
      issues.push(located([...at, 'council'], `unknown council "${expectation.council}" (known: ${state.councilOrder.join(', ')})`, document));
      return;
    }
    // Paths of id issues are relative to `expect[j]`; re-root them under the sitting.
    for (const issue of expectationIdIssues(state, expectation, j, document)) issues.push({ ...issue, path: `sittings[${sitting}].${issue.path}` });
    parsed.push(expectation);
  });
  return { parsed, issues };
}

export interface LoadOptions {
  /** Resolves relative paths (default: process.cwd()). */
  readonly cwd?: string;
}

const SCENARIO_EXTENSIONS = ['.yaml', '.yml', '.json'];

/** One file of an extends chain, validated but not yet applied. */
interface Layer {
  readonly file: string | undefined;
  readonly dir: string;
  readonly document: DataDocument | undefined;
  readonly shell: ScenarioShell;
  readonly steps: readonly Step[];
  readonly probabilities?: unknown;
}

/** Where the bundled scenarios live. */
export function bundledScenarioDir(): string {
  return join(packageRoot(), 'scenarios');
}

/** The file of a bundled scenario, or undefined. */
export function bundledScenarioFile(name: string): string | undefined {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(name)) return undefined;
  for (const extension of SCENARIO_EXTENSIONS) {
    const file = join(bundledScenarioDir(), `${name}${extension}`);
    if (existsSync(file)) return file;
  }
  return undefined;
}

export function bundledScenarioNames(): string[] {
  const dir = bundledScenarioDir();
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((file) => SCENARIO_EXTENSIONS.includes(extname(file)))
    .map((file) => basename(file, extname(file)))
    .sort();
}

function looksLikePath(ref: string): boolean {
  return ref.includes('/') || ref.includes('\\') || SCENARIO_EXTENSIONS.includes(extname(ref)) || ref.startsWith('.');
}

/** A scenario reference → a file: an existing path, else a bundled scenario name. */
export function resolveScenarioRef(ref: string, cwd: string = process.cwd()): string {
  const asPath = resolve(cwd, ref);
  if (looksLikePath(ref) || existsSync(asPath)) {
    if (!existsSync(asPath)) throw new GovsimMissingFileError(ref);
    return asPath;
  }
  const bundled = bundledScenarioFile(ref);
  if (bundled) return bundled;
  throw new GovsimMissingFileError(ref, {
    cause: new Error(`not a file and not a bundled scenario (bundled: ${bundledScenarioNames().join(', ')})`),
  });
}

/** Loads, validates and applies a scenario file or bundled scenario. Throws GovsimError subclasses only. */
export function loadScenario(ref: string, options: LoadOptions = {}): LoadedScenario {
  if (typeof ref !== 'string') throw new GovsimUsageError(`expected a scenario file or bundled name, got ${typeof ref}`);
  const cwd = options.cwd ?? process.cwd();
  const file = resolveScenarioRef(ref, cwd);
  const display = displayPath(file, cwd);
  const layers = readChain(file, display, cwd, []);
  return assemble(layers, display);
}

/**
 * Validates and applies a scenario given as data (e.g. from the builder). `dir` resolves relative
 * `dataset` and `extends` references; `file` names it in errors.
 */
export function scenarioFromDocument(document: unknown, options: { file?: string; dir?: string; cwd?: string } = {}): LoadedScenario {
  const cwd = options.cwd ?? process.cwd();
  const dir = options.dir ?? cwd;
  // The checks a file gets when it is read (depth, forbidden keys, control characters).
  checkDataShape(options.file, document);
  const own = validateLayer(document, options.file, dir, undefined);
  const parents = own.shell.extends ? readChain(resolveExtends(own), undefined, cwd, [options.file ?? '<scenario>'], own) : [];
  return assemble([own, ...parents], options.file);
}

function displayPath(file: string, cwd: string): string {
  const rel = relative(cwd, file);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : file;
}

const layerCache = new Map<string, { mtime: number; layer: Layer }>();

/** Forgets the scenario files read in this process. */
export function clearLayerCache(): void {
  layerCache.clear();
}

/**
 * Most steps a scenario may apply, inherited ones included. Each step copies the per-council records it
 * appends to (immer, for undo and provenance), so the cost grows with the square of the steps: 16,000
 * took 52 s and 1.7 GB; real scenarios have tens.
 */
export const MAX_STEPS = 2000;

/** Longest `extends` chain: real chains are two or three files deep; 5,000 overflowed the stack. */
export const MAX_EXTENDS_DEPTH = 64;

/** Reads a file and its ancestors, nearest first. `seen` holds the files already on the chain. Iterative. */
function readChain(file: string, display: string | undefined, cwd: string, seen: readonly string[], child?: Layer): Layer[] {
  const layers: Layer[] = [];
  const chain = [...seen];
  const onChain = new Set(seen);
  let next: string | undefined = file;
  let shown = display ?? displayPath(file, cwd);
  let from = child;
  while (next !== undefined) {
    if (onChain.has(next)) {
      const cycle = [...chain, next].map((entry) => (isAbsolute(entry) ? displayPath(entry, cwd) : entry));
      throw new GovsimDataError(from?.file, [{ path: 'extends', message: `extends cycle: ${cycle.join(' → ')}` }]);
    }
    if (layers.length >= MAX_EXTENDS_DEPTH) {
      throw new GovsimDataError(from?.file, [{ path: 'extends', message: `extends chain deeper than ${MAX_EXTENDS_DEPTH} files` }]);
    }
    const layer = readLayer(next, shown);
    layers.push(layer);
    chain.push(next);
    onChain.add(next);
    next = layer.shell.extends ? resolveExtends(layer) : undefined;
    if (next !== undefined) shown = displayPath(next, cwd);
    from = layer;
  }
  return layers;
}

function readLayer(file: string, shown: string): Layer {
  let mtime = 0;
  try {
    mtime = statSync(file).mtimeMs;
  } catch {
    // readDataDocument reports the missing file with its proper error.
  }
  const cached = layerCache.get(file);
  if (cached && cached.mtime === mtime && cached.layer.file === shown) return cached.layer;
  const layer = isBundledScenarioFile(file) ? readBundledLayer(file, shown) : parseLayer(file, shown);
  layerCache.set(file, { mtime, layer });
  return layer;
}

function parseLayer(file: string, shown: string): Layer {
  const document = readDataDocumentAs(file, shown);
  return validateLayer(document.value, shown, dirname(file), document);
}

/** What the build keeps of a validated bundled layer (its document's positions are found again on demand). */
interface StoredLayer {
  readonly value: unknown;
  readonly shell: ScenarioShell;
  readonly steps: readonly Step[];
  readonly probabilities?: unknown;
}

function isBundledScenarioFile(file: string): boolean {
  return dirname(file) === bundledScenarioDir() && extname(file) === '.yaml';
}

/**
 * A bundled scenario: validated at build time, and taken from the snapshot while its file is unchanged
 * (../platform/snapshot-file.ts); the explorer opens on one, and YAML parsing and schema checks are most
 * of a start's loading time.
 */
function readBundledLayer(file: string, shown: string): Layer {
  const stored = snapshotValue(`scenario:${basename(file, '.yaml')}`, [file], dirname(file));
  if (!isStoredLayer(stored)) return parseLayer(file, shown);
  let locate: DataDocument['locate'] | undefined;
  const document: DataDocument = {
    file: shown,
    value: stored.value,
    locate: (path, at) => (locate ??= yamlLocator(readFileSync(file, 'utf8')))(path, at),
  };
  return { file: shown, dir: dirname(file), document, shell: stored.shell, steps: stored.steps, ...(stored.probabilities !== undefined ? { probabilities: stored.probabilities } : {}) };
}

/** For the build (scripts/build.mjs): a bundled scenario validated in full, and the hash of its file. */
export function scenarioSnapshotEntry(name: string): { key: string; hash: string; value: StoredLayer } {
  const file = join(bundledScenarioDir(), `${name}.yaml`);
  const hash = inputsHash([file], dirname(file));
  if (hash === undefined) throw new Error(`cannot read ${file}`);
  const layer = parseLayer(file, displayPath(file, process.cwd()));
  const value = { value: layer.document?.value, shell: layer.shell, steps: layer.steps, ...(layer.probabilities !== undefined ? { probabilities: layer.probabilities } : {}) };
  return { key: `scenario:${name}`, hash, value };
}

function isStoredLayer(value: unknown): value is StoredLayer {
  if (typeof value !== 'object' || value === null) return false;
  const entry = value as Partial<StoredLayer>;
  return typeof entry.shell === 'object' && entry.shell !== null && Array.isArray(entry.steps);
}

function readDataDocumentAs(file: string, shown: string): DataDocument {
  try {
    return readDataDocument(file);
  } catch (error) {
    // Name the file as the user wrote it, not as an absolute path.
    if (error instanceof GovsimDataError && error.file === file) throw new GovsimDataError(shown, error.issues, { cause: error });
    if (error instanceof GovsimMissingFileError && error.file === file) throw new GovsimMissingFileError(shown, { cause: error });
    throw error;
  }
}

function resolveExtends(layer: Layer): string {
  const ref = layer.shell.extends!;
  if (looksLikePath(ref)) {
    const target = resolve(layer.dir, ref);
    // The real path: a cycle through symbolic links is then a cycle of the same names, and a relative
    // `extends` in the target is read from where the file really is.
    try {
      return realpathSync(target);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const message = code === 'ELOOP' ? `"${ref}" is a symbolic link that points back to itself (a cycle)` : `no such scenario file "${ref}" (relative to ${layer.dir})`;
      throw new GovsimDataError(layer.file, [{ path: 'extends', message }], { cause: error });
    }
  }
  const bundled = bundledScenarioFile(ref);
  if (!bundled) {
    throw new GovsimDataError(layer.file, [{ path: 'extends', message: `unknown bundled scenario "${ref}" (bundled: ${bundledScenarioNames().join(', ')})` }]);
  }
  return bundled;
}

/** Schema checks of one file: the document shell, then each step against its kind's schema. */
function validateLayer(value: unknown, file: string | undefined, dir: string, document: DataDocument | undefined): Layer {
  let probabilities: unknown;
  let body = value;
  if (value !== null && typeof value === 'object' && !Array.isArray(value) && 'probabilities' in value) {
    // The uncertainty engine owns this block's schema; scenario runs ignore it.
    const { probabilities: block, ...rest } = value as Record<string, unknown>;
    probabilities = block;
    body = rest;
  }
  const shell = scenarioSchemas().ScenarioShell.safeParse(body);
  const issues: DataIssue[] = shell.success ? [] : issuesFromZod(shell.error, document);
  if (probabilities !== undefined) {
    // Shape only here; `govsim simulate` checks the ids against the councils.
    const checked = probabilitiesSchemas().ProbabilitiesSchema.safeParse(probabilities);
    if (!checked.success) {
      issues.push(...issuesFromZod(checked.error, document, ['probabilities']));
    }
  }
  const steps: Step[] = [];
  const rawSteps = shell.success ? (shell.data.steps ?? []) : [];
  rawSteps.forEach((raw, i) => {
    const result = parseStep(raw, i, document);
    if ('issues' in result) issues.push(...result.issues);
    else steps.push(result.step);
  });
  if (issues.length > 0 || !shell.success) throw new GovsimDataError(file, issues);
  return { file, dir, document, shell: shell.data, steps, ...(probabilities !== undefined ? { probabilities } : {}) };
}

function parseStep(raw: unknown, i: number, document: DataDocument | undefined, prefix: readonly (string | number)[] = []): { step: Step } | { issues: DataIssue[] } {
  const at = [...prefix, 'steps', i] as const;
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return { issues: [located(at, `expected a step object such as { split: {...} } (kinds: ${STEP_KINDS.join(', ')})`, document)] };
  }
  const kinds = Object.keys(raw).filter((key): key is StepKind => (STEP_KINDS as readonly string[]).includes(key));
  if (kinds.length !== 1) {
    const others = Object.keys(raw).filter((key) => key !== 'source' && key !== 'note');
    const message =
      kinds.length === 0
        ? `unknown step kind${others.length ? ` "${others.join('", "')}"` : ''}${others.length === 1 ? didYouMean(others[0]!, STEP_KINDS) : ''} (kinds: ${STEP_KINDS.join(', ')})`
        : `a step has exactly one kind, found ${kinds.join(' and ')}`;
    return { issues: [located(at, message, document)] };
  }
  const result = scenarioSchemas().STEP_SCHEMAS[kinds[0]!].safeParse(raw);
  if (result.success) return { step: result.data };
  return { issues: issuesFromZod(result.error, document, at) };
}

/** How inherited steps are labelled: the file's stem (`baseline`), or the name for documents built in code. */
function nameOf(layer: Layer): string {
  return layer.file !== undefined ? basename(layer.file, extname(layer.file)) : layer.shell.name;
}

/** Merges the chain (root ancestor first), then applies every step to the dataset's base state. */
function assemble(layers: readonly Layer[], display: string | undefined): LoadedScenario {
  const own = layers[0]!;
  const ordered = [...layers].reverse();
  // The nearest layer that names a dataset (or seat set) decides it; relative paths resolve from that file.
  const datasetLayer = layers.find((layer) => layer.shell.dataset !== undefined);
  const dataset = loadDatasetFor(datasetLayer);
  const seatsLayer = layers.find((layer) => layer.shell.seats !== undefined);
  const seats = seatsLayer?.shell.seats ?? 'final';
  if (!dataset.seatSets.includes(seats)) {
    throw new GovsimDataError(seatsLayer?.file, [{ path: 'seats', message: `unknown seat set "${seats}" (known: ${dataset.seatSets.join(', ')})` }]);
  }
  const units = layers.find((layer) => layer.shell.units !== undefined)?.shell.units ?? 'lists';
  const rules: { -readonly [K in keyof ScenarioRules]: ScenarioRules[K] } = {};
  for (const layer of ordered) Object.assign(rules, stripUndefined(layer.shell.rules ?? {}));
  const sources = new Map<string, SourceEntry>();
  for (const layer of ordered) for (const source of layer.shell.sources ?? []) sources.set(source.id, source);

  let base: ScenarioState;
  try {
    base = baseState(dataset, seats, units);
  } catch (error) {
    if (error instanceof GovsimDataError) throw error;
    if (error instanceof GovsimError) throw new GovsimDataError(seatsLayer?.file ?? own.file, [{ path: 'seats', message: error.message }], { cause: error });
    throw error;
  }
  if (Object.keys(rules).length > 0) base = { ...base, rules };

  const total = ordered.reduce((count, layer) => count + layer.steps.length, 0);
  if (total > MAX_STEPS) {
    throw new GovsimDataError(own.file, [{ path: 'steps', message: `${total} steps${ordered.length > 1 ? ' with the files it extends' : ''}; a scenario may have at most ${MAX_STEPS}` }]);
  }
  const steps: ResolvedStep[] = [];
  const transitions: StepTransition[] = [];
  const checkpoints: SittingCheckpoint[] = [];
  let state = base;
  /** Applies one list of steps of `layer` (its `steps`, or a sitting's, under `prefix`), labelled `${label} n`. */
  const applyAll = (layer: Layer, list: readonly Step[], prefix: readonly (string | number)[], label: string): void => {
    const issues: DataIssue[] = [];
    list.forEach((step, position) => {
      const index = steps.length;
      const kind = stepKind(step);
      let source: SourceEntry | undefined;
      if (step.source !== undefined) {
        source = sources.get(step.source) ?? (/^https?:\/\//.test(step.source) ? { id: step.source, url: step.source } : undefined);
        if (!source) {
          issues.push(located([...prefix, 'steps', position, 'source'], `unknown source "${step.source}" (known: ${[...sources.keys()].join(', ') || 'none; add a sources list'})`, layer.document));
          return;
        }
      }
      if (issues.length > 0) return;
      try {
        const transition = applyStep(state, step, index, dataset);
        const exceeded = councilLimitExceeded(transition.state);
        if (exceeded !== undefined) {
          issues.push(located([...prefix, 'steps', position, kind], exceeded, layer.document));
          return;
        }
        transitions.push(transition);
        state = transition.state;
      } catch (error) {
        if (!(error instanceof StepError)) throw error;
        issues.push(located([...prefix, 'steps', position, ...parseDataPath(error.path)], error.message, layer.document));
        return;
      }
      steps.push({
        step,
        kind,
        index,
        label: `${label} ${position + 1}`,
        origin: { scenario: nameOf(layer), file: layer.file, position },
        ...(source ? { source } : {}),
        ...(step.note !== undefined ? { note: step.note } : {}),
      });
    });
    if (issues.length > 0) throw new GovsimDataError(layer.file, issues);
  };
  for (const layer of ordered) {
    const inherited = layer === own ? '' : `${nameOf(layer)} `;
    applyAll(layer, layer.steps, [], `${inherited}step`);
    // Sittings replay in order after the steps; each starts from the state the previous one left.
    (layer.shell.sittings ?? []).forEach((sitting, i) => {
      const at = ['sittings', i] as const;
      if (!state.councils[sitting.council]) {
        throw new GovsimDataError(layer.file, [located([...at, 'council'], `unknown council "${sitting.council}" (known: ${state.councilOrder.join(', ')})`, layer.document)]);
      }
      if (sitting.source !== undefined && !sources.has(sitting.source) && !/^https?:\/\//.test(sitting.source)) {
        throw new GovsimDataError(layer.file, [located([...at, 'source'], `unknown source "${sitting.source}" (known: ${[...sources.keys()].join(', ') || 'none; add a sources list'})`, layer.document)]);
      }
      const parsed: Step[] = [];
      const issues: DataIssue[] = [];
      (sitting.steps ?? []).forEach((raw, j) => {
        const result = parseStep(raw, j, layer.document, at);
        if ('issues' in result) issues.push(...result.issues);
        else parsed.push(result.step);
      });
      if (issues.length > 0) throw new GovsimDataError(layer.file, issues);
      applyAll(layer, parsed, at, `${inherited}sitting ${i + 1} (${sitting.date}) step`);
      if (layer !== own) return;
      const expect = sittingExpectations(sitting.expect ?? [], sitting.council, i, state, layer.document);
      if (expect.issues.length > 0) throw new GovsimDataError(layer.file, expect.issues);
      checkpoints.push({
        index: i,
        council: sitting.council,
        date: sitting.date,
        ...(sitting.title !== undefined ? { title: sitting.title } : {}),
        ...(sitting.source !== undefined ? { source: sitting.source } : {}),
        ...(sitting.note !== undefined ? { note: sitting.note } : {}),
        state,
        steps: [...steps],
        expect: expect.parsed,
      });
    });
  }

  checkThresholds(rules, state, layers);

  const expect = own.shell.expect ?? [];
  const expectIssues: DataIssue[] = [];
  expect.forEach((expectation, i) => {
    if (expectation.council !== undefined && !state.councils[expectation.council]) {
      expectIssues.push(located(['expect', i, 'council'], `unknown council "${expectation.council}"${didYouMean(expectation.council, state.councilOrder)} (known: ${state.councilOrder.join(', ')})`, own.document));
    }
    expectIssues.push(...expectationIdIssues(state, expectation, i, own.document));
  });
  if (expectIssues.length > 0) throw new GovsimDataError(own.file, expectIssues);

  const probabilitiesLayer = layers.find((layer) => layer.probabilities !== undefined);
  const probabilities = probabilitiesLayer?.probabilities;
  return {
    name: own.shell.name,
    ...(own.shell.description !== undefined ? { description: own.shell.description } : {}),
    ...(display !== undefined ? { file: display } : {}),
    dataset,
    seats,
    units,
    rules,
    sources: [...sources.values()],
    steps,
    expect,
    sittings: checkpoints,
    base,
    state,
    transitions,
    extends: layers.slice(1).map(nameOf),
    ...(probabilities !== undefined ? { probabilities, probabilitiesSource: { file: probabilitiesLayer!.file, document: probabilitiesLayer!.document } } : {}),
  };
}

/**
 * Thresholds are checked on every council as the steps left it: a formula that does not parse, uses
 * anything outside the allow-list, or gives no whole number from 1 to members is an error at
 * `rules.majority` (or `rules.quorum`) of the nearest file that sets it.
 */
function checkThresholds(rules: ScenarioRules, state: ScenarioState, layers: readonly Layer[]): void {
  if (rules.majority === undefined && rules.quorum === undefined) return;
  for (const key of ['majority', 'quorum'] as const) {
    if (rules[key] === undefined) continue;
    const layer = layers.find((entry) => entry.shell.rules?.[key] !== undefined);
    const only: ScenarioRules = { [key]: rules[key] };
    for (const councilId of state.councilOrder) {
      let members = 0;
      for (const unit of state.councils[councilId]!.units) members += unit.seats;
      try {
        councilRulesFor(only, members, layer?.file);
      } catch (error) {
        if (!(error instanceof GovsimDataError)) throw error;
        // Name the council: a formula's message starts "for N members", an integer's names no council at all.
        const inCouncil = (message: string) =>
          /^for \d+ members/.test(message) ? message.replace(/^for (\d+) members/, `for council ${councilId} ($1 members)`) : `for council ${councilId} (${members} members): ${message}`;
        const issues = error.issues.map((issue) => located(['rules', key], inCouncil(issue.message), layer?.document));
        throw new GovsimDataError(layer?.file, issues, { cause: error });
      }
    }
  }
}

/** `into.badr` → ['into', 'badr']; `members[2]` → ['members', 2]. */
/**
 * A council a step took past what the analysis handles (members, or voting units: defectors vote as
 * units of their own), in words; undefined when every council is within bounds.
 */
function councilLimitExceeded(state: ScenarioState): string | undefined {
  // States are immutable and shared between the files of a batch (applyStep memoises transitions).
  if (withinLimits.has(state)) return undefined;
  for (const councilId of state.councilOrder) {
    let members = 0;
    let units = 0;
    for (const unit of state.councils[councilId]!.units) {
      members += unit.seats;
      units += 1 + (unit.defections.length === 0 ? 0 : new Set(unit.defections.map((defection) => defection.to)).size);
    }
    if (units > MAX_COUNCIL_UNITS) return `council ${councilId} would have ${units} voting units; the analysis handles at most ${MAX_COUNCIL_UNITS}`;
    if (members > MAX_COUNCIL_SEATS) return `council ${councilId} would have ${members} members; govsim analyses councils of at most ${MAX_COUNCIL_SEATS}`;
  }
  withinLimits.add(state);
  return undefined;
}

const withinLimits = new WeakSet<ScenarioState>();

/**
 * A dataset path is relative to the scenario's file. An existing one is handed to the loader relative to
 * the working directory, so that errors name dataset files the way the scenario file itself is named.
 */
function datasetRef(ref: string, layer: Layer | undefined): [ref: string, cwd: string | undefined] {
  if (!layer || bundledDatasets().includes(ref)) return [ref, layer?.dir];
  const target = resolve(layer.dir, ref);
  if (!existsSync(target)) return [ref, layer.dir];
  const fromCwd = relative(process.cwd(), target);
  return [fromCwd.startsWith('..') || isAbsolute(fromCwd) ? target : `.${sep}${fromCwd}`, process.cwd()];
}

function loadDatasetFor(layer: Layer | undefined): LoadedDataset {
  const ref = layer?.shell.dataset ?? 'iraq-2023';
  try {
    return loadNamedDataset(...datasetRef(ref, layer));
  } catch (error) {
    if (error instanceof GovsimDataError && error.file !== undefined && error.file !== layer?.file) throw error;
    if (error instanceof GovsimError && layer) {
      throw new GovsimDataError(layer.file, [{ path: 'dataset', message: error.message }], { cause: error });
    }
    throw error;
  }
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** Name, title and first line of the description of every bundled scenario (files are only read, not applied). */
export function bundledScenarioSummaries(): { name: string; title: string; description: string }[] {
  return bundledScenarioNames().map((name) => {
    const file = bundledScenarioFile(name)!;
    const value = readDataDocument(file).value as { name?: unknown; description?: unknown } | null;
    const title = typeof value?.name === 'string' ? value.name : name;
    const description = typeof value?.description === 'string' ? value.description.trim().split('\n')[0]!.trim() : title;
    return { name, title, description };
  });
}
