/**
 * Datasets: load and validate a dataset directory (bundled by name, or any path), resolve a named seat
 * set, and hand the model its Councils. Everything else in govsim reads seat data through this module.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { absoluteMajority, type Council, type VotingUnit } from '../model/council.js';
import { GovsimDataError, GovsimMissingFileError, GovsimUsageError } from '../model/errors.js';
import { type DataDocument, issuesFromZod, readDataDocument } from './data-file.js';
import {
  type Actor,
  type Confidence,
  type CouncilFile,
  type Dataset,
  type DatasetPart,
  type FileIssues,
  type Outcome,
  type PublishedFigure,
  type UnattributedReading,
  checkDataset,
  datasetSchemas,
  seatSetChain,
  sourceIds,
} from './dataset-schema.js';
import { packageRoot } from '../platform/package-root.js';
import { inputsHash, snapshotValue } from '../platform/snapshot-file.js';
import type { z } from 'zod';

export type { Confidence, Dataset, Outcome, Reliability, UnattributedReading } from './dataset-schema.js';

export const DEFAULT_DATASET = 'iraq-2023';
export const DATASET_FILE = 'dataset.yaml';
const DEFAULT_OUTCOMES_FILE = 'outcomes-2024.yaml';

export interface LoadedDataset {
  readonly id: string;
  readonly name: string;
  /** Absolute path of the dataset directory. */
  readonly dir: string;
  readonly data: Dataset;
  /** Seat set ids, the default first. */
  readonly seatSets: readonly string[];
}

export interface DatasetOptions {
  /** Base for relative paths (default: process.cwd()). */
  readonly cwd?: string;
  /**
   * Bundled datasets only: `false` parses and validates the YAML afresh, bypassing both the per-process
   * cache and the snapshot validated at build time (see `loadWithSnapshot`).
   */
  readonly snapshot?: boolean;
}

const bundledCache = new Map<string, LoadedDataset>();

/**
 * Loads a dataset: a bundled name such as `iraq-2023` (default), a directory holding `dataset.yaml`, or
 * the `dataset.yaml` file itself. Synchronous; bundled datasets are cached per process.
 * Throws GovsimUsageError for an unknown bundled name, GovsimMissingFileError for a missing path and
 * GovsimDataError (naming every bad file and path) for invalid data.
 */
export function loadDataset(ref: string = DEFAULT_DATASET, options: DatasetOptions = {}): LoadedDataset {
  if (typeof ref !== 'string') throw new GovsimUsageError(`expected a dataset directory or bundled name, got ${typeof ref}`);
  const bundled = bundledDatasetDir(ref);
  if (bundled !== undefined) {
    // A fresh load (validation) leaves the per-process instance alone: callers may key caches on it.
    if (options.snapshot === false) return deepFreeze(loadDatasetDir(bundled, displayPath(bundled)));
    const cached = bundledCache.get(bundled);
    if (cached) return cached;
    const loaded = deepFreeze(loadWithSnapshot(bundled));
    bundledCache.set(bundled, loaded);
    return loaded;
  }
  const cwd = options.cwd ?? process.cwd();
  const target = resolve(cwd, ref);
  if (!existsSync(target)) {
    if (looksLikeName(ref)) {
      throw new GovsimUsageError(`unknown dataset "${ref}" (bundled datasets: ${bundledDatasets().join(', ')}; or give a directory path)`);
    }
    throw new GovsimMissingFileError(ref);
  }
  const dir = statSync(target).isDirectory() ? target : dirname(target);
  if (!statSync(target).isDirectory() && basename(target) !== DATASET_FILE) {
    throw new GovsimUsageError(`${ref}: a dataset is a directory with ${DATASET_FILE}, or that file itself`);
  }
  if (!existsSync(join(dir, DATASET_FILE))) throw new GovsimMissingFileError(join(ref, DATASET_FILE));
  return deepFreeze(loadDatasetDir(dir, isAbsolute(ref) ? dir : relative(cwd, dir) || '.'));
}

/** Names of the datasets shipped in the package's data/ directory. */
export function bundledDatasets(): string[] {
  const dataDir = join(packageRoot(), 'data');
  if (!existsSync(dataDir)) return [];
  return readdirSync(dataDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(dataDir, entry.name, DATASET_FILE)))
    .map((entry) => entry.name)
    .sort();
}

/** Council ids in the dataset's order. */
export function councilIds(ds: LoadedDataset): string[] {
  return ds.data.councils.map((council) => council.id);
}

/** Players outside the councils (zero seats): e.g. the Sadrist movement, the President. */
export function actorsOf(ds: LoadedDataset): { id: string; name: string; kind: string; description: string }[] {
  return ds.data.actors.map((actor: Actor) => ({ id: actor.id, name: actor.name, kind: actor.kind, description: actor.description }));
}

/** Blocs (a priori unions of lists and quota members). */
export function blocsOf(ds: LoadedDataset): { id: string; name: string; members: string[] }[] {
  return ds.data.blocs.map((bloc) => ({ id: bloc.id, name: bloc.name, members: [...bloc.members] }));
}

/** The 2024 chair and governor elections, one entry per council that has one. */
export function outcomesOf(ds: LoadedDataset): readonly Outcome[] {
  return ds.data.outcomes;
}

// ---------------------------------------------------------------------------------------------------
// Seat sets

export interface ResolvedFaction {
  readonly id: string;
  readonly name: string;
  readonly seats: number;
  readonly confidence: Confidence;
  /** The estimation method's summary. */
  readonly method?: string;
}

export interface ResolvedList {
  readonly id: string;
  readonly name: string;
  readonly seats: number;
  readonly confidence: Confidence;
  readonly source: readonly string[];
  /** The estimation method's summary, for inferred figures. */
  readonly method?: string;
  /** The estimation method's id (`methods` in dataset.yaml). */
  readonly methodId?: string;
  readonly note?: string;
  /** Bloc ids this list belongs to in this council. */
  readonly blocs: readonly string[];
  readonly factions?: readonly ResolvedFaction[];
  /** The seat set whose override produced this figure (absent: the council file). */
  readonly overriddenBy?: string;
  /** Seats the sources do not attribute to a named list (e.g. `unidentified`). */
  readonly placeholder?: boolean;
}

export interface ResolvedQuotaMember {
  readonly id: string;
  readonly minority: string;
  readonly member: string;
  readonly confidence: Confidence;
  readonly blocs: readonly string[];
}

export interface ResolvedCouncil {
  readonly id: string;
  readonly name: string;
  readonly nameAr: string;
  readonly general: number;
  readonly quota: number;
  readonly seats: number;
  readonly majority: number;
  /** Confidence of the council size. */
  readonly sizeConfidence: Confidence;
  /** The method id behind an inferred council size (e.g. `subtraction`). */
  readonly sizeMethod?: string;
  /** The weakest confidence among the seat figures (size, lists, quota). */
  readonly confidence: Confidence;
  /** Lists with at least one seat, in the council file's order. */
  readonly lists: readonly ResolvedList[];
  readonly quotaMembers: readonly ResolvedQuotaMember[];
}

const resolvedCache = new WeakMap<LoadedDataset, Map<string, readonly ResolvedCouncil[]>>();

/** The seat set's id, checked; `undefined` means the dataset's default. */
export function seatSetId(ds: LoadedDataset, seats?: string): string {
  const id = seats ?? ds.data.meta.defaultSeatSet;
  if (!ds.seatSets.includes(id)) {
    throw new GovsimUsageError(`unknown seat set "${id}" (dataset ${ds.id} has: ${ds.seatSets.join(', ')})`);
  }
  return id;
}

/** Every council's seats under a seat set (default: the dataset's default set), in dataset order. */
export function resolvedCouncils(ds: LoadedDataset, seats?: string): readonly ResolvedCouncil[] {
  const id = seatSetId(ds, seats);
  let perSet = resolvedCache.get(ds);
  if (!perSet) {
    perSet = new Map();
    resolvedCache.set(ds, perSet);
  }
  const cached = perSet.get(id);
  if (cached) return cached;
  const resolved = resolveSeatSet(ds.data, id);
  perSet.set(id, resolved);
  return resolved;
}

/** One council under a seat set; unknown ids are a usage error listing the valid ones. */
export function resolvedCouncil(ds: LoadedDataset, councilId: string, seats?: string): ResolvedCouncil {
  const council = resolvedCouncils(ds, seats).find((c) => c.id === councilId);
  if (!council) throw new GovsimUsageError(`unknown council "${councilId}" (known: ${councilIds(ds).join(', ')})`);
  return council;
}

export interface CouncilsOptions {
  /** Seat set id (default: the dataset's default, `final`). */
  readonly seats?: string;
  /** `lists` (default): one unit per list; `factions`: lists split into their factions where the data has a split. */
  readonly units?: 'lists' | 'factions';
}

/**
 * Model councils for a seat set: units are the lists (or their factions) plus one `member` unit per quota
 * seat, with their blocs, in the dataset's council order. Rules come from the dataset.
 */
export function councilsFor(ds: LoadedDataset, options: CouncilsOptions = {}): Council[] {
  const byFaction = (options.units ?? 'lists') === 'factions';
  const reading = unattributedReading(ds, options.seats);
  const rules = { runoff: ds.data.rules.runoff.value, governorVacatesSeat: ds.data.rules.governorVacatesSeat.value };
  return resolvedCouncils(ds, options.seats).map((council) => {
    const units: VotingUnit[] = [];
    for (const list of council.lists) {
      if (list.placeholder === true && reading === 'independent') {
        // Unattributed seats may belong to several lists: by default no two of them are assumed to vote together.
        for (let seat = 1; seat <= list.seats; seat++) {
          units.push({ id: `${list.id}-${seat}`, name: `${list.name}: seat ${seat} of ${list.seats}`, kind: 'member', seats: 1, blocs: list.blocs, parent: list.id });
        }
      } else if (byFaction && list.factions) {
        for (const faction of list.factions) {
          if (faction.seats > 0) units.push({ id: faction.id, name: faction.name, kind: 'faction', seats: faction.seats, blocs: list.blocs, parent: list.id });
        }
      } else {
        units.push({ id: list.id, name: list.name, kind: 'list', seats: list.seats, blocs: list.blocs });
      }
    }
    for (const member of council.quotaMembers) {
      units.push({ id: member.id, name: `${member.minority} quota seat (${member.member})`, kind: 'member', seats: 1, blocs: member.blocs });
    }
    return { id: council.id, name: council.name, units, rules };
  });
}

/**
 * How a seat set reads unattributed (placeholder) seats: `independent` (default: each seat is its own
 * member, the neutral choice) or `bloc` (each placeholder list votes as one unit).
 */
export function unattributedReading(ds: LoadedDataset, seats?: string): UnattributedReading {
  const seatSets = new Map(ds.data.seatSets.map((set) => [set.id, set]));
  const chain = seatSetChain(seatSetId(ds, seats), seatSets) ?? [];
  let reading: UnattributedReading = 'independent';
  for (const set of chain) reading = set.unattributed ?? reading;
  return reading;
}

/**
 * The dataset's estimated split of a list into its factions in one council (e.g. nabni → badr + aah),
 * or undefined when the list has no split there. Splits are estimates: each carries its confidence and method.
 */
export function factionSplit(
  ds: LoadedDataset,
  councilId: string,
  listId: string,
  seats?: string,
): { id: string; name: string; seats: number; confidence: string; method?: string }[] | undefined {
  const council = resolvedCouncil(ds, councilId, seats);
  if (!ds.data.lists.some((list) => list.id === listId)) {
    throw new GovsimUsageError(`unknown list "${listId}" (lists in ${councilId}: ${council.lists.map((list) => list.id).join(', ')})`);
  }
  const list = council.lists.find((entry) => entry.id === listId);
  return list?.factions?.map((faction) => ({ ...faction }));
}

export interface NationalTotals {
  readonly seats: number;
  readonly general: number;
  readonly quota: number;
  /** Seats per list id, over all councils. */
  readonly byList: Record<string, number>;
  /** Seats per bloc id (lists and quota members in the bloc), over all councils. */
  readonly byBloc: Record<string, number>;
}

/** National totals under a seat set, computed from the councils (never typed in the data). */
export function nationalTotals(ds: LoadedDataset, seats?: string): NationalTotals {
  let general = 0;
  let quota = 0;
  const byList: Record<string, number> = {};
  const byBloc: Record<string, number> = {};
  for (const bloc of ds.data.blocs) byBloc[bloc.id] = 0;
  for (const council of resolvedCouncils(ds, seats)) {
    general += council.general;
    quota += council.quota;
    for (const list of council.lists) {
      byList[list.id] = (byList[list.id] ?? 0) + list.seats;
      for (const bloc of list.blocs) byBloc[bloc] = (byBloc[bloc] ?? 0) + list.seats;
    }
    for (const member of council.quotaMembers) for (const bloc of member.blocs) byBloc[bloc] = (byBloc[bloc] ?? 0) + 1;
  }
  return { seats: general + quota, general, quota, byList, byBloc };
}

export interface PublishedCheck {
  readonly id: string;
  readonly label: string;
  readonly seatSet: string;
  readonly published: number;
  readonly computed: number;
  /**
   * The weakest confidence among the seat figures the computed value adds up: `documented` means the
   * match is an independent check; otherwise estimates contributed (and may have been reconciled to it).
   */
  readonly computedConfidence: Confidence;
  readonly matches: boolean;
  /**
   * `fitted`: estimates that enter the figure were reconciled with it (`fittedBy` names their methods),
   * so a match is by construction; `confirmed`: every seat in it is documented and none was fitted, so a
   * match is an independent check; `estimated`: estimates enter it, none fitted to it.
   */
  readonly kind: PublishedKind;
  /** Ids of the methods whose estimates in this figure were fitted to it. */
  readonly fittedBy: readonly string[];
  /** The estimated seat figures in it that were fitted to it: a list's seats, or a council's size. */
  readonly fittedEstimates: readonly FittedEstimate[];
  readonly source: readonly string[];
}

export type PublishedKind = 'fitted' | 'confirmed' | 'estimated';

/**
 * How a published figure compares with the councils: `✓ confirmed` only when documented seats alone make
 * it; `≈ fitted (…)` when estimates reconciled with that very figure enter it (no independent check).
 */
export function publishedVerdict(check: { readonly matches: boolean; readonly kind: PublishedKind; readonly fittedBy: readonly string[] }): string {
  if (!check.matches) return '✗ MISMATCH';
  if (check.kind === 'fitted') return `≈ fitted (${check.fittedBy.join(', ')})`;
  return check.kind === 'confirmed' ? '✓ confirmed' : '✓ estimated';
}

export interface FittedEstimate {
  readonly council: string;
  /** Absent for a council's size. */
  readonly list?: string;
  readonly seats: number;
  readonly method: string;
}

/** Each published national figure that describes `seats` (default: every seat set it names), recomputed from the councils. */
export function publishedChecks(ds: LoadedDataset, seats?: string): PublishedCheck[] {
  const checks: PublishedCheck[] = [];
  for (const figure of ds.data.published) {
    for (const set of figure.seatSets) {
      if (seats !== undefined && set !== seats) continue;
      const { value, confidence, kind, fittedBy, fittedEstimates } = measurePublishedFigure(ds, figure, set);
      checks.push({
        id: figure.id,
        label: figure.label,
        seatSet: set,
        published: figure.value,
        computed: value,
        computedConfidence: confidence,
        matches: value === figure.value,
        kind,
        fittedBy,
        fittedEstimates,
        source: sourceIds(figure.source),
      });
    }
  }
  return checks;
}

/**
 * What a published figure measures (lists, a bloc or a total), computed from the councils of a seat
 * set, with the weakest confidence of the figures that went into it.
 */
export function measurePublishedFigure(
  ds: LoadedDataset,
  figure: PublishedFigure,
  seats?: string,
): { value: number; confidence: Confidence; kind: PublishedKind; fittedBy: string[]; fittedEstimates: FittedEstimate[] } {
  let value = 0;
  const confidences: Confidence[] = [];
  const fittedTo = new Set(ds.data.methods.filter((method) => method.fittedTo?.includes(figure.id)).map((method) => method.id));
  const fittedBy = new Set<string>();
  const fittedEstimates: FittedEstimate[] = [];
  const fitted = (method: string | undefined, estimate: Omit<FittedEstimate, 'method'>) => {
    if (method === undefined || !fittedTo.has(method)) return;
    fittedBy.add(method);
    fittedEstimates.push({ ...estimate, method });
  };
  for (const council of resolvedCouncils(ds, seats)) {
    if (figure.total !== undefined) {
      value += figure.total === 'seats' ? council.seats : figure.total === 'general' ? council.general : council.quota;
      if (figure.total === 'quota') {
        // Quota seats are named one by one, so their own labels apply, not the council size's.
        confidences.push(...council.quotaMembers.map((member) => member.confidence));
        continue;
      }
      confidences.push(council.sizeConfidence);
      fitted(council.sizeMethod, { council: council.id, seats: figure.total === 'seats' ? council.seats : council.general });
      continue;
    }
    for (const list of council.lists) {
      const counted = figure.bloc !== undefined ? list.blocs.includes(figure.bloc) : (figure.lists ?? []).includes(list.id);
      if (!counted) continue;
      value += list.seats;
      confidences.push(list.confidence);
      fitted(list.methodId, { council: council.id, list: list.id, seats: list.seats });
    }
    if (figure.bloc !== undefined) {
      for (const member of council.quotaMembers) {
        if (!member.blocs.includes(figure.bloc)) continue;
        value += 1;
        confidences.push(member.confidence);
      }
    }
  }
  const confidence = weakestConfidence(confidences);
  const kind: PublishedKind = fittedBy.size > 0 ? 'fitted' : confidence === 'documented' ? 'confirmed' : 'estimated';
  return { value, confidence, kind, fittedBy: [...fittedBy], fittedEstimates };
}

// ---------------------------------------------------------------------------------------------------
// Validated snapshots of bundled datasets
//
// Parsing ~90 KB of YAML and checking it costs 70-250 ms, and every CLI start needs the dataset: the
// build validates the bundled one and stores the result with a hash of its files
// (../platform/snapshot-file.ts). Files that hash differently are validated in full.

type Snapshot = Omit<LoadedDataset, 'dir'>;

function loadWithSnapshot(dir: string): LoadedDataset {
  let files: string[] | undefined;
  try {
    files = dataFiles(dir);
  } catch {
    // An unreadable directory: the full load reports it.
  }
  const stored = files === undefined ? undefined : snapshotValue(`dataset:${basename(dir)}`, files, dir);
  if (isSnapshot(stored)) return { ...stored, dir };
  return loadDatasetDir(dir, displayPath(dir));
}

/** For the build (scripts/build.mjs): a bundled dataset validated in full, and the hash of its files. */
export function datasetSnapshotEntry(name: string): { key: string; hash: string; value: Snapshot } {
  const dir = join(packageRoot(), 'data', name);
  const hash = inputsHash(dataFiles(dir), dir);
  if (hash === undefined) throw new Error(`cannot read the files of ${dir}`);
  return { key: `dataset:${name}`, hash, value: snapshotOf(loadDatasetDir(dir, displayPath(dir))) };
}

function snapshotOf(loaded: LoadedDataset): Snapshot {
  return { id: loaded.id, name: loaded.name, data: loaded.data, seatSets: [...loaded.seatSets] };
}

function isSnapshot(value: unknown): value is Snapshot {
  if (typeof value !== 'object' || value === null) return false;
  const entry = value as Partial<Snapshot>;
  return typeof entry.id === 'string' && typeof entry.name === 'string' && typeof entry.data === 'object' && entry.data !== null && Array.isArray(entry.seatSets);
}

function dataFiles(dir: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...dataFiles(path));
    else if (/\.(ya?ml|json)$/i.test(entry.name)) files.push(path);
  }
  return files;
}

// ---------------------------------------------------------------------------------------------------
// Loading and resolution

function loadDatasetDir(dir: string, shownDir: string): LoadedDataset {
  const shown = (name: string) => join(shownDir, name);
  const problems: FileIssues[] = [];
  const readPart = <S extends z.ZodType>(name: string, schema: S): DatasetPart<z.output<S>> | undefined => {
    const file = shown(name);
    let document: DataDocument;
    try {
      document = readDataDocument(join(dir, name));
    } catch (error) {
      if (error instanceof GovsimDataError) {
        problems.push({ file, issues: error.issues });
        return undefined;
      }
      if (error instanceof GovsimMissingFileError) {
        problems.push({ file, issues: [{ path: '', message: 'missing file' }] });
        return undefined;
      }
      throw error;
    }
    const displayed: DataDocument = { ...document, file };
    const result = schema.safeParse(document.value);
    if (!result.success) {
      problems.push({ file, issues: issuesFromZod(result.error, displayed) });
      return undefined;
    }
    return { file, data: result.data, document: displayed };
  };

  const schemas = datasetSchemas();
  const datasetPart = readPart(DATASET_FILE, schemas.DatasetFile);
  if (!datasetPart) throw datasetError(problems);
  const councilParts: DatasetPart<CouncilFile>[] = [];
  for (const id of datasetPart.data.meta.councils) {
    const part = readPart(join('councils', `${id}.yaml`), schemas.CouncilFile);
    if (part) councilParts.push(part);
  }
  const outcomesName = datasetPart.data.meta.outcomes ?? DEFAULT_OUTCOMES_FILE;
  const outcomesPart = existsSync(join(dir, outcomesName)) || datasetPart.data.meta.outcomes !== undefined
    ? readPart(outcomesName, schemas.OutcomesFile)
    : undefined;
  if (problems.length > 0) throw datasetError(problems);

  problems.push(...checkDataset(datasetPart, councilParts, outcomesPart));
  if (problems.length > 0) throw datasetError(problems);

  const file = datasetPart.data;
  const data: Dataset = { ...file, councils: councilParts.map((part) => part.data), outcomes: outcomesPart?.data.outcomes ?? [] };
  const seatSets = [file.meta.defaultSeatSet, ...file.seatSets.map((set) => set.id).filter((id) => id !== file.meta.defaultSeatSet)];
  return { id: file.id, name: file.name, dir, data, seatSets };
}

/** One error for every bad file: the message lists each file's issues. */
function datasetError(problems: readonly FileIssues[]): GovsimDataError {
  const first = problems[0]!;
  const error = new GovsimDataError(first.file, first.issues);
  if (problems.length > 1) {
    error.message = problems.map((problem) => new GovsimDataError(problem.file, problem.issues).message).join('\n');
  }
  return Object.assign(error, { files: problems });
}

const CONFIDENCE_RANK: Record<Confidence, number> = { documented: 0, inferred: 1, unresolved: 2 };

/** The weakest of several confidences. */
export function weakestConfidence(values: Iterable<Confidence>): Confidence {
  let worst: Confidence = 'documented';
  for (const value of values) if (CONFIDENCE_RANK[value] > CONFIDENCE_RANK[worst]) worst = value;
  return worst;
}

interface MutableList {
  seats: number;
  confidence: Confidence;
  source: readonly string[];
  method: string | undefined;
  note: string | undefined;
  factions: Readonly<Record<string, number>> | undefined;
  factionConfidence: Confidence;
  factionMethod: string | undefined;
  overriddenBy: string | undefined;
}

function resolveSeatSet(data: Dataset, setId: string): ResolvedCouncil[] {
  const seatSets = new Map(data.seatSets.map((set) => [set.id, set]));
  const chain = seatSetChain(setId, seatSets) ?? [];
  const registry = new Map(data.lists.map((list) => [list.id, list]));
  const methods = new Map(data.methods.map((method) => [method.id, method.summary]));
  const blocsByMember = new Map<string, { id: string; councils: readonly string[] | undefined }[]>();
  for (const bloc of data.blocs) {
    for (const member of bloc.members) {
      const entries = blocsByMember.get(member) ?? [];
      entries.push({ id: bloc.id, councils: bloc.councils });
      blocsByMember.set(member, entries);
    }
  }
  const blocsFor = (member: string, council: string): string[] =>
    (blocsByMember.get(member) ?? []).filter((bloc) => bloc.councils === undefined || bloc.councils.includes(council)).map((bloc) => bloc.id);

  return data.councils.map((council) => {
    const lists = new Map<string, MutableList>();
    for (const entry of council.lists) {
      lists.set(entry.list, {
        seats: entry.seats,
        confidence: entry.confidence,
        source: sourceIds(entry.source),
        method: entry.method,
        note: entry.note,
        factions: entry.factions?.seats,
        factionConfidence: entry.factions?.confidence ?? entry.confidence,
        factionMethod: entry.factions?.method,
        overriddenBy: undefined,
      });
    }
    for (const set of chain) {
      for (const override of set.overrides) {
        if (override.council !== council.id) continue;
        const previous = lists.get(override.list);
        const factions = override.factions ?? (override.seats === 0 || override.seats === previous?.seats ? previous?.factions : undefined);
        lists.set(override.list, {
          seats: override.seats,
          confidence: override.confidence,
          source: sourceIds(override.source),
          method: override.method,
          note: override.note,
          factions: override.seats === 0 ? undefined : factions,
          factionConfidence: override.factions ? override.confidence : (previous?.factionConfidence ?? override.confidence),
          factionMethod: override.factions ? (override.method ?? previous?.factionMethod) : previous?.factionMethod,
          overriddenBy: set.id,
        });
      }
    }
    const resolvedLists: ResolvedList[] = [];
    for (const [id, list] of lists) {
      if (list.seats === 0) continue;
      const entry = registry.get(id);
      const factionNames = new Map((entry?.factions ?? []).map((faction) => [faction.id, faction.name]));
      const factionMethod = list.factionMethod !== undefined ? methods.get(list.factionMethod) : undefined;
      const method = list.method !== undefined ? methods.get(list.method) : undefined;
      resolvedLists.push({
        id,
        name: entry?.name ?? id,
        seats: list.seats,
        confidence: list.confidence,
        source: list.source,
        ...(method !== undefined ? { method } : {}),
        ...(list.method !== undefined ? { methodId: list.method } : {}),
        ...(list.note !== undefined ? { note: list.note } : {}),
        blocs: blocsFor(id, council.id),
        ...(list.factions
          ? {
              factions: Object.entries(list.factions).map(([factionId, seats]) => ({
                id: factionId,
                name: factionNames.get(factionId) ?? factionId,
                seats,
                confidence: list.factionConfidence,
                ...(factionMethod !== undefined ? { method: factionMethod } : {}),
              })),
            }
          : {}),
        ...(list.overriddenBy !== undefined ? { overriddenBy: list.overriddenBy } : {}),
        ...(entry?.placeholder === true ? { placeholder: true } : {}),
      });
    }
    const quotaMembers = council.quota.map((member) => ({
      id: member.id,
      minority: member.minority,
      member: member.member,
      confidence: member.confidence,
      blocs: blocsFor(member.id, council.id),
    }));
    const seats = council.seats.general + council.seats.quota;
    return {
      id: council.id,
      name: council.name,
      nameAr: council.nameAr,
      general: council.seats.general,
      quota: council.seats.quota,
      seats,
      majority: absoluteMajority(seats),
      sizeConfidence: council.seats.confidence,
      ...(council.seats.method !== undefined ? { sizeMethod: council.seats.method } : {}),
      confidence: weakestConfidence([
        council.confidence,
        council.seats.confidence,
        ...resolvedLists.map((list) => list.confidence),
        ...quotaMembers.map((member) => member.confidence),
      ]),
      lists: resolvedLists,
      quotaMembers,
    };
  });
}

function bundledDatasetDir(ref: string): string | undefined {
  if (!looksLikeName(ref)) return undefined;
  const dir = join(packageRoot(), 'data', ref);
  return existsSync(join(dir, DATASET_FILE)) ? dir : undefined;
}

function looksLikeName(ref: string): boolean {
  return /^[a-z0-9][a-z0-9-]*$/.test(ref);
}

/** Bundled files are shown relative to the package root (`data/iraq-2023/...`). */
function displayPath(dir: string): string {
  return relative(packageRoot(), dir) || '.';
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}

