/**
 * The dataset format: `dataset.yaml` (sources, rules, list registry, blocs, actors, seat sets, published
 * figures), one `councils/<id>.yaml` per council and an outcomes file. Every figure carries provenance:
 * a `source` id resolved in the sources table and a `confidence` (documented | inferred | unresolved).
 * The zod schemas check each file on its own; `checkDataset` then applies the cross-file rules.
 */
import { didYouMean } from '../model/suggest.js';
import { basename, isAbsolute } from 'node:path';
import { z } from 'zod';
import { MAX_UNITS } from '../model/analysis/prepared-council.js';
import type { DataIssue } from '../model/errors.js';
import { type DataDocument, type DataPath, located } from './data-file.js';

/** An id: lowercase letters, digits and hyphens, at most 100 characters (the length bounds every message and "did you mean"). */
export const ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,99}$/;
/** What an id is, in the words every refusal uses. */
export const ID_RULE = 'lowercase letters, digits and hyphens, at most 100';

/**
 * zod's own text for a bad record key is "Invalid key in record": a record of ids says what the key
 * must be instead (other issues keep zod's text). Shared by the dataset, scenario and probabilities schemas.
 */
export function recordKeyError(what: string): { error: (issue: { code?: string }) => string | undefined } {
  return { error: (issue) => (issue.code === 'invalid_key' ? `expected ${what}: ${ID_RULE}` : undefined) };
}

/**
 * The largest council a file may describe. The analysis allocates count tables proportional to the
 * members (2^53 − 1 of them crashed it; 10^8 took 13 s and 2.8 GB), and no legislature comes near:
 * Baghdad, the largest provincial council, has 52 members.
 */
export const MAX_COUNCIL_SEATS = 10_000;

/** Voting units (lists, their factions, quota seats) the analysis handles per council: 48, the bits of a coalition mask held exactly in a double. */
export const MAX_COUNCIL_UNITS = MAX_UNITS;

export const CONFIDENCES = ['documented', 'inferred', 'unresolved'] as const;

/**
 * How far a source can be relied on (data/iraq-2023/README.md defines each): `high` an official body,
 * the law's text or an established news outlet (or its verbatim mirror) reporting the figure itself;
 * `medium` a secondary analysis, a blog or an aggregator, or a page whose address was not recorded;
 * `low` a page of unclear provenance. A figure resting only on `low` sources cannot be `documented`.
 */
export const RELIABILITIES = ['high', 'medium', 'low'] as const;

/** How seats no source attributes to a list vote: each its own member (default), or as one unit. */
export const UNATTRIBUTED_READINGS = ['independent', 'bloc'] as const;

export const POSTS = ['chair', 'deputy-chair', 'governor'] as const;

export const LIST_FAMILIES = [
  'cf', 'cf-adjacent', 'sunni', 'kurdish', 'turkmen', 'incumbent', 'shia-other', 'civil', 'local', 'unknown',
] as const;

/**
 * The schemas, built on first use: zod schemas cost tens of milliseconds to build, and a start that
 * reads the validated snapshot of a dataset (every command on the bundled data) never needs them.
 */
function buildDatasetSchemas() {
  const requiredOr = (expected: string) => (issue: { input?: unknown }) =>
    issue.input === undefined ? `missing (expected ${expected})` : `expected ${expected}`;

  const Id = z
    .string({ error: requiredOr('an id string') })
    .regex(ID_PATTERN, { error: `expected an id: ${ID_RULE} (e.g. "state-of-law")` });

  const SeatCount = z
    .int({ error: requiredOr('non-negative integer') })
    .min(0, { error: 'expected non-negative integer' });

  const CouncilSeats = SeatCount.max(MAX_COUNCIL_SEATS, { error: `expected at most ${MAX_COUNCIL_SEATS} seats (the largest council govsim analyses)` });

  const Text = z.string({ error: requiredOr('text') }).min(1, { error: 'expected non-empty text' });

  /** A calendar date, or a month or year when that is all the source gives. */
  const PartialDate = z
    .string({ error: requiredOr('a date YYYY-MM-DD') })
    .regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, { error: 'expected a date YYYY-MM-DD (or YYYY-MM, YYYY)' });

  const IsoDate = z
    .string({ error: requiredOr('a date YYYY-MM-DD') })
    .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { error: 'expected a date YYYY-MM-DD' });

  const Confidence = z.enum(CONFIDENCES, { error: `expected one of: ${CONFIDENCES.join(', ')}` });

  /** One source id, or several when a figure rests on more than one. */
  const SourceRef = z.union([Id, z.array(Id).min(1)], { error: 'expected a source id or a list of source ids' });

  // ---------------------------------------------------------------------------------------------------
  // dataset.yaml

  const Source = z
    .object({
      id: Id,
      publisher: Text,
      title: Text,
      /** Publication date shown on the page; absent when the page shows none. */
      date: PartialDate.optional(),
      dateNote: Text.optional(),
      url: z.url({ error: 'expected an absolute URL' }).optional(),
      language: z.enum(['en', 'ar', 'fa', 'tr', 'ku']).optional(),
      reliability: z.enum(RELIABILITIES, { error: `expected one of: ${RELIABILITIES.join(', ')}` }).optional(),
      note: Text.optional(),
    })
    .strict()
    .refine((source) => source.url !== undefined || source.note !== undefined, {
      error: 'give the `url`, or a `note` saying why there is none',
    });

  /** A named estimation method, referenced by id from inferred figures. */
  const EstimateMethod = z
    .object({
      id: Id,
      summary: Text,
      text: Text,
      confidence: Confidence,
      source: SourceRef,
      /**
       * Published figures (ids in `published`) the method's estimates were reconciled with: matching
       * them is then by construction, not an independent check.
       */
      fittedTo: z.array(Id).min(1).optional(),
    })
    .strict();

  const Provenanced = {
    text: Text,
    source: SourceRef,
    confidence: Confidence,
    note: Text.optional(),
  };

  const Post = z.enum(POSTS);

  const Rules = z
    .object({
      majority: z
        .object({ formula: z.literal('floor(n/2)+1'), base: z.literal('all-members'), appliesTo: z.array(Post).min(1), ...Provenanced })
        .strict(),
      quorum: z.object({ formula: z.literal('floor(n/2)+1'), base: z.literal('all-members'), ...Provenanced }).strict(),
      order: z.object({ posts: z.array(Post).min(1), ...Provenanced }).strict(),
      deadlines: z
        .array(z.object({ id: Id, days: z.int().min(1), from: Text, ...Provenanced }).strict())
        .min(1),
      runoff: z.object({ value: z.enum(['none', 'top-two']), ...Provenanced }).strict(),
      governorVacatesSeat: z.object({ value: z.boolean(), ...Provenanced }).strict(),
      presidentialDecree: z.object({ required: z.boolean(), ...Provenanced }).strict(),
      notes: z.array(z.object({ id: Id, ...Provenanced }).strict()).default([]),
    })
    .strict();

  const Faction = z
    .object({ id: Id, name: Text, leader: Text.optional(), note: Text.optional(), source: SourceRef.optional() })
    .strict();

  /** An electoral list in the national registry; councils refer to it by id. */
  const ListEntry = z
    .object({
      id: Id,
      name: Text,
      translit: Text.optional(),
      nameAr: Text.optional(),
      leader: Text.optional(),
      family: z.enum(LIST_FAMILIES, { error: `expected one of: ${LIST_FAMILIES.join(', ')}` }),
      /** Stands for seats the sources do not attribute (possibly several lists): never "the largest list". */
      placeholder: z.boolean().optional(),
      /** Parties running inside the list, in whose names seats may be split. */
      factions: z.array(Faction).min(2).optional(),
      source: SourceRef.optional(),
      confidence: Confidence.optional(),
      note: Text.optional(),
    })
    .strict();

  const Bloc = z
    .object({
      id: Id,
      name: Text,
      description: Text.optional(),
      /** List ids, or quota member ids such as `quota-christian`. */
      members: z.array(Id).min(1),
      /** Limits the bloc to these councils (default: all). */
      councils: z.array(Id).min(1).optional(),
      source: SourceRef,
      confidence: Confidence,
      note: Text.optional(),
    })
    .strict();

  /** A player with no council seats (a boycotting movement, the President's decree). */
  const Actor = z
    .object({
      id: Id,
      name: Text,
      kind: z.enum(['movement', 'office', 'court']),
      description: Text,
      leverage: z.array(Text).default([]),
      councils: z.array(Id).min(1).optional(),
      source: SourceRef,
      confidence: Confidence,
    })
    .strict();

  const SeatOverride = z
    .object({
      council: Id,
      list: Id,
      seats: SeatCount,
      /** The split inside the list, required when the base figure has one and the seats change. */
      factions: z.record(Id, SeatCount, recordKeyError('a faction id')).optional(),
      source: SourceRef,
      confidence: Confidence,
      method: Id.optional(),
      note: Text.optional(),
    })
    .strict();

  /** A named variant of the seat figures: overrides applied on top of `extends` (default: the council files). */
  const SeatSet = z
    .object({
      id: Id,
      name: Text,
      description: Text,
      extends: Id.optional(),
      /** How unattributed (placeholder) seats vote; inherited through `extends`, default `independent`. */
      unattributed: z.enum(UNATTRIBUTED_READINGS).optional(),
      overrides: z.array(SeatOverride).default([]),
    })
    .strict();

  const PublishedFigure = z
    .object({
      id: Id,
      label: Text,
      value: SeatCount,
      /** The seat sets the published figure describes. */
      seatSets: z.array(Id).min(1),
      lists: z.array(Id).min(1).optional(),
      bloc: Id.optional(),
      total: z.enum(['seats', 'general', 'quota']).optional(),
      source: SourceRef,
      confidence: Confidence,
      note: Text.optional(),
    })
    .strict()
    .refine((figure) => [figure.lists, figure.bloc, figure.total].filter((part) => part !== undefined).length === 1, {
      error: 'give exactly one of `lists`, `bloc` or `total`',
    });

  const DatasetMeta = z
    .object({
      country: Text,
      election: Text,
      electionDate: IsoDate,
      finalResultsDate: IsoDate.optional(),
      approvalDate: IsoDate.optional(),
      /** Council ids in display order; each has `councils/<id>.yaml`. */
      councils: z.array(Id).min(1),
      defaultSeatSet: Id,
      /** The bloc the councils overview reports on (seats, and whether it holds a majority alone). */
      focusBloc: Id.optional(),
      /** Outcomes file, relative to the dataset directory. */
      outcomes: Text.refine((path) => !isAbsolute(path) && !path.split(/[\\/]/).includes('..'), {
        error: 'expected a file inside the dataset directory (a relative path without "..")',
      }).optional(),
    })
    .strict();

  const DatasetFile = z
    .object({
      schemaVersion: z.literal(1, { error: 'expected schemaVersion: 1' }),
      id: Id,
      name: Text,
      description: Text,
      meta: DatasetMeta,
      sources: z.array(Source).min(1),
      methods: z.array(EstimateMethod).default([]),
      rules: Rules,
      lists: z.array(ListEntry).min(1),
      blocs: z.array(Bloc).default([]),
      actors: z.array(Actor).default([]),
      // Each seat set resolves its chain of `extends`: thousands of them would cost their square.
      seatSets: z.array(SeatSet).min(1).max(200, { error: 'at most 200 seat sets' }),
      published: z.array(PublishedFigure).default([]),
    })
    .strict();

  // ---------------------------------------------------------------------------------------------------
  // councils/<id>.yaml

  const FactionSplit = z
    .object({
      seats: z.record(Id, SeatCount, recordKeyError('a faction id')),
      confidence: Confidence,
      method: Id,
      source: SourceRef.optional(),
      note: Text.optional(),
    })
    .strict();

  const Votes = z.object({ count: SeatCount, stage: z.enum(['preliminary', 'final']), source: SourceRef }).strict();

  const CouncilList = z
    .object({
      list: Id,
      seats: SeatCount,
      source: SourceRef,
      confidence: Confidence,
      method: Id.optional(),
      votes: Votes.optional(),
      factions: FactionSplit.optional(),
      note: Text.optional(),
    })
    .strict();

  /** A minority quota seat: one member who votes on his or her own. */
  const QuotaMember = z
    .object({
      id: Id.regex(/^quota-/, { error: 'quota member ids start with "quota-"' }),
      minority: Text,
      member: Text,
      affiliation: Text.optional(),
      source: SourceRef,
      confidence: Confidence,
      note: Text.optional(),
    })
    .strict();

  const CouncilFile = z
    .object({
      id: Id,
      name: Text,
      nameAr: Text,
      seats: z
        .object({ general: CouncilSeats, quota: CouncilSeats, source: SourceRef, confidence: Confidence, method: Id.optional(), note: Text.optional() })
        .strict(),
      lists: z.array(CouncilList).min(1),
      quota: z.array(QuotaMember).default([]),
      /** Present when the per-list figures are partly reconstructed rather than documented. */
      estimate: z.object({ method: Id, confidence: Confidence, note: Text }).strict().optional(),
      source: SourceRef,
      confidence: Confidence,
      note: Text.optional(),
    })
    .strict();

  // ---------------------------------------------------------------------------------------------------
  // outcomes file

  const Officeholder = z
    .object({
      name: Text.nullable(),
      list: Id.nullable().optional(),
      faction: Id.optional(),
      votes: SeatCount.optional(),
      date: IsoDate.optional(),
      source: SourceRef.optional(),
      confidence: Confidence,
      note: Text.optional(),
    })
    .strict();

  /** Units (list, faction or quota ids of the council) and, when known, how many members. */
  const UnitGroup = z
    .object({ units: z.array(Id).default([]), members: SeatCount.optional(), confidence: Confidence, note: Text.optional() })
    .strict();

  const OutcomeEvent = z
    .object({ date: PartialDate, text: Text, source: SourceRef, confidence: Confidence })
    .strict();

  const Outcome = z
    .object({
      council: Id,
      firstSitting: IsoDate.optional(),
      /** The sitting that elected the governor now in office (2024). */
      governorSitting: IsoDate.optional(),
      place: Text.optional(),
      present: SeatCount.optional(),
      presentNote: Text.optional(),
      governor: Officeholder,
      chair: Officeholder,
      votingCoalition: UnitGroup.optional(),
      boycott: UnitGroup.optional(),
      opposed: UnitGroup.optional(),
      events: z.array(OutcomeEvent).default([]),
      source: SourceRef,
      confidence: Confidence,
      note: Text.optional(),
    })
    .strict();

  const OutcomesFile = z
    .object({
      schemaVersion: z.literal(1, { error: 'expected schemaVersion: 1' }),
      description: Text,
      outcomes: z.array(Outcome),
    })
    .strict();

  return { Id, SeatCount, CouncilSeats, Text, PartialDate, IsoDate, Confidence, SourceRef, Source, EstimateMethod, Provenanced, Post, Rules, Faction, ListEntry, Bloc, Actor, SeatOverride, SeatSet, PublishedFigure, DatasetMeta, DatasetFile, FactionSplit, Votes, CouncilList, QuotaMember, CouncilFile, Officeholder, UnitGroup, OutcomeEvent, Outcome, OutcomesFile };
}

type DatasetSchemas = ReturnType<typeof buildDatasetSchemas>;

let built: DatasetSchemas | undefined;

/** The dataset files' zod schemas (built once, on first call). */
export function datasetSchemas(): DatasetSchemas {
  return (built ??= buildDatasetSchemas());
}

export type Confidence = z.infer<DatasetSchemas['Confidence']>;
export type Reliability = (typeof RELIABILITIES)[number];
export type UnattributedReading = (typeof UNATTRIBUTED_READINGS)[number];
export type SourceRef = z.infer<DatasetSchemas['SourceRef']>;
export type Source = z.infer<DatasetSchemas['Source']>;
export type EstimateMethod = z.infer<DatasetSchemas['EstimateMethod']>;
export type Rules = z.infer<DatasetSchemas['Rules']>;
export type Faction = z.infer<DatasetSchemas['Faction']>;
export type ListEntry = z.infer<DatasetSchemas['ListEntry']>;
export type Bloc = z.infer<DatasetSchemas['Bloc']>;
export type Actor = z.infer<DatasetSchemas['Actor']>;
export type SeatOverride = z.infer<DatasetSchemas['SeatOverride']>;
export type SeatSet = z.infer<DatasetSchemas['SeatSet']>;
export type PublishedFigure = z.infer<DatasetSchemas['PublishedFigure']>;
export type DatasetFile = z.infer<DatasetSchemas['DatasetFile']>;
export type FactionSplit = z.infer<DatasetSchemas['FactionSplit']>;
export type CouncilList = z.infer<DatasetSchemas['CouncilList']>;
export type QuotaMember = z.infer<DatasetSchemas['QuotaMember']>;
export type CouncilFile = z.infer<DatasetSchemas['CouncilFile']>;
export type Officeholder = z.infer<DatasetSchemas['Officeholder']>;
export type UnitGroup = z.infer<DatasetSchemas['UnitGroup']>;
export type Outcome = z.infer<DatasetSchemas['Outcome']>;
export type OutcomesFile = z.infer<DatasetSchemas['OutcomesFile']>;

/** A validated dataset: dataset.yaml plus its councils (in `meta.councils` order) and outcomes. */
export interface Dataset extends DatasetFile {
  readonly councils: readonly CouncilFile[];
  readonly outcomes: readonly Outcome[];
}

// ---------------------------------------------------------------------------------------------------
// Cross-file checks

/** Where a parsed part of the dataset came from, so issues can name the file and line. */
export interface DatasetPart<T> {
  readonly file: string;
  readonly data: T;
  readonly document?: DataDocument;
}

export interface FileIssues {
  readonly file: string;
  readonly issues: readonly DataIssue[];
}

/** Source ids of a `source` field. */
export function sourceIds(ref: SourceRef | undefined): readonly string[] {
  if (ref === undefined) return [];
  return typeof ref === 'string' ? [ref] : ref;
}

/**
 * The rules no single-file schema can check: unique ids, every reference resolves (sources, methods,
 * lists, factions, blocs, councils, seat sets), seats add up (lists to general seats, factions to their
 * list, quota members to quota seats, and every seat set after its overrides). Returns issues per file.
 */
export function checkDataset(
  dataset: DatasetPart<DatasetFile>,
  councils: readonly DatasetPart<CouncilFile>[],
  outcomes?: DatasetPart<OutcomesFile>,
): FileIssues[] {
  const report = new IssueReport();
  const ds = dataset.data;
  const at = (part: DatasetPart<unknown>) => (path: DataPath, message: string) => report.add(part, path, message);
  const inDataset = at(dataset);

  const sources = uniqueIds(ds.sources, ['sources'], inDataset);
  const methods = uniqueIds(ds.methods, ['methods'], inDataset);
  const checkSources = (ref: SourceRef | undefined, path: DataPath, add: (path: DataPath, message: string) => void) => {
    const ids = sourceIds(ref);
    ids.forEach((id, index) => {
      if (!sources.has(id)) add(typeof ref === 'string' ? path : [...path, index], `unknown source "${id}"${suggest(id, sources)}`);
    });
  };
  const checkMethod = (id: string | undefined, path: DataPath, add: (path: DataPath, message: string) => void) => {
    if (id !== undefined && !methods.has(id)) add(path, `unknown method "${id}"${suggest(id, methods)}`);
  };
  ds.methods.forEach((method, i) => checkSources(method.source, ['methods', i, 'source'], inDataset));
  const publishedIds = new Set(ds.published.map((figure) => figure.id));
  ds.methods.forEach((method, i) => method.fittedTo?.forEach((id, j) => {
    if (!publishedIds.has(id)) inDataset(['methods', i, 'fittedTo', j], `unknown published figure "${id}"${suggest(id, publishedIds)}`);
  }));

  // One namespace for everything a scenario can name: lists, factions, blocs, actors, quota members.
  const namespace = new Map<string, string>();
  const claim = (id: string, what: string, path: DataPath, add: (path: DataPath, message: string) => void) => {
    const previous = namespace.get(id);
    if (previous !== undefined && previous !== what) add(path, `id "${id}" is already used by ${previous}`);
    else namespace.set(id, what);
  };
  const lists = new Map<string, ListEntry>();
  ds.lists.forEach((list, i) => {
    if (lists.has(list.id)) inDataset(['lists', i, 'id'], `duplicate list id "${list.id}"`);
    lists.set(list.id, list);
    claim(list.id, `list ${list.id}`, ['lists', i, 'id'], inDataset);
    checkSources(list.source, ['lists', i, 'source'], inDataset);
    list.factions?.forEach((faction, j) => {
      claim(faction.id, `faction ${faction.id}`, ['lists', i, 'factions', j, 'id'], inDataset);
      checkSources(faction.source, ['lists', i, 'factions', j, 'source'], inDataset);
    });
  });
  const factionsOf = (listId: string) => new Set((lists.get(listId)?.factions ?? []).map((faction) => faction.id));

  // Rules
  for (const [key, rule] of Object.entries(ds.rules)) {
    if (Array.isArray(rule)) rule.forEach((item: { source: SourceRef }, i) => checkSources(item.source, ['rules', key, i, 'source'], inDataset));
    else checkSources((rule as { source: SourceRef }).source, ['rules', key, 'source'], inDataset);
  }

  // Councils
  const councilIds = new Set<string>();
  ds.meta.councils.forEach((id, i) => {
    if (councilIds.has(id)) inDataset(['meta', 'councils', i], `duplicate council id "${id}"`);
    councilIds.add(id);
  });
  const quotaIds = new Set<string>();
  const baseSeats = new Map<string, Map<string, CouncilList>>();
  for (const council of councils) {
    const add = at(council);
    const c = council.data;
    const expectedId = basename(council.file).replace(/\.(ya?ml|json)$/i, '');
    if (c.id !== expectedId) add(['id'], `council id "${c.id}" does not match its file name "${expectedId}"`);
    checkSources(c.source, ['source'], add);
    checkSources(c.seats.source, ['seats', 'source'], add);
    checkMethod(c.estimate?.method, ['estimate', 'method'], add);
    checkMethod(c.seats.method, ['seats', 'method'], add);
    const seen = new Map<string, CouncilList>();
    let general = 0;
    c.lists.forEach((entry, i) => {
      general += entry.seats;
      if (!lists.has(entry.list)) add(['lists', i, 'list'], `unknown list "${entry.list}"${suggest(entry.list, lists)}`);
      if (seen.has(entry.list)) add(['lists', i, 'list'], `list "${entry.list}" appears twice in council ${c.id}`);
      seen.set(entry.list, entry);
      checkSources(entry.source, ['lists', i, 'source'], add);
      checkMethod(entry.method, ['lists', i, 'method'], add);
      if (entry.votes) checkSources(entry.votes.source, ['lists', i, 'votes', 'source'], add);
      if (entry.factions) {
        checkFactionSplit(entry.list, entry.seats, entry.factions.seats, factionsOf(entry.list), ['lists', i, 'factions', 'seats'], add);
        checkMethod(entry.factions.method, ['lists', i, 'factions', 'method'], add);
        checkSources(entry.factions.source, ['lists', i, 'factions', 'source'], add);
      }
    });
    if (general !== c.seats.general) {
      add(['seats', 'general'], `lists sum to ${general} seats but seats.general is ${c.seats.general}`);
    }
    if (c.quota.length !== c.seats.quota) {
      add(['seats', 'quota'], `${c.quota.length} quota members listed but seats.quota is ${c.seats.quota}`);
    }
    // Units as the analysis sees them with factions split: each seated list, or each seated faction of it.
    const units = c.quota.length + c.lists.reduce((sum, entry) => {
      if (entry.seats === 0) return sum;
      const factions = entry.factions ? Object.values(entry.factions.seats).filter((seats) => seats > 0).length : 0;
      return sum + Math.max(1, factions);
    }, 0);
    if (units > MAX_COUNCIL_UNITS) {
      add(['lists'], `council ${c.id} has ${units} voting units (seated lists or their factions, and quota seats); the analysis handles at most ${MAX_COUNCIL_UNITS}`);
    }
    const local = new Set<string>();
    c.quota.forEach((member, i) => {
      if (local.has(member.id)) add(['quota', i, 'id'], `duplicate quota member id "${member.id}" in council ${c.id}`);
      local.add(member.id);
      quotaIds.add(member.id);
      claim(member.id, 'quota members', ['quota', i, 'id'], add);
      checkSources(member.source, ['quota', i, 'source'], add);
    });
    baseSeats.set(c.id, seen);
  }

  // Blocs and actors
  const blocIds = new Set<string>();
  ds.blocs.forEach((bloc, i) => {
    if (blocIds.has(bloc.id)) inDataset(['blocs', i, 'id'], `duplicate bloc id "${bloc.id}"`);
    blocIds.add(bloc.id);
    claim(bloc.id, `bloc ${bloc.id}`, ['blocs', i, 'id'], inDataset);
    checkSources(bloc.source, ['blocs', i, 'source'], inDataset);
    bloc.members.forEach((member, j) => {
      if (!lists.has(member) && !quotaIds.has(member)) {
        inDataset(['blocs', i, 'members', j], `unknown bloc member "${member}" (not a list or quota member)${suggest(member, lists)}`);
      }
    });
    bloc.councils?.forEach((id, j) => {
      if (!councilIds.has(id)) inDataset(['blocs', i, 'councils', j], `unknown council "${id}"${suggest(id, councilIds)}`);
    });
  });
  if (ds.meta.focusBloc !== undefined && !blocIds.has(ds.meta.focusBloc)) {
    inDataset(['meta', 'focusBloc'], `unknown bloc "${ds.meta.focusBloc}"${suggest(ds.meta.focusBloc, blocIds)}`);
  }
  ds.actors.forEach((actor, i) => {
    claim(actor.id, `actor ${actor.id}`, ['actors', i, 'id'], inDataset);
    checkSources(actor.source, ['actors', i, 'source'], inDataset);
    actor.councils?.forEach((id, j) => {
      if (!councilIds.has(id)) inDataset(['actors', i, 'councils', j], `unknown council "${id}"${suggest(id, councilIds)}`);
    });
  });

  // Seat sets: references, cycles, and sums after the overrides.
  const seatSets = new Map<string, SeatSet>();
  ds.seatSets.forEach((set, i) => {
    if (seatSets.has(set.id)) inDataset(['seatSets', i, 'id'], `duplicate seat set id "${set.id}"`);
    seatSets.set(set.id, set);
  });
  if (!seatSets.has(ds.meta.defaultSeatSet)) {
    inDataset(['meta', 'defaultSeatSet'], `unknown seat set "${ds.meta.defaultSeatSet}"${suggest(ds.meta.defaultSeatSet, seatSets)}`);
  }
  ds.seatSets.forEach((set, i) => {
    if (set.extends !== undefined && !seatSets.has(set.extends)) {
      inDataset(['seatSets', i, 'extends'], `unknown seat set "${set.extends}"${suggest(set.extends, seatSets)}`);
      return;
    }
    const chain = seatSetChain(set.id, seatSets);
    if (chain === undefined) {
      inDataset(['seatSets', i, 'extends'], `seat set "${set.id}" extends itself through a cycle`);
      return;
    }
    const overridden = new Set<string>();
    set.overrides.forEach((override, j) => {
      const path = ['seatSets', i, 'overrides', j];
      checkSources(override.source, [...path, 'source'], inDataset);
      checkMethod(override.method, [...path, 'method'], inDataset);
      const key = `${override.council}/${override.list}`;
      if (overridden.has(key)) inDataset([...path, 'list'], `list "${override.list}" is overridden twice in council ${override.council}`);
      overridden.add(key);
      if (!councilIds.has(override.council)) {
        inDataset([...path, 'council'], `unknown council "${override.council}"${suggest(override.council, councilIds)}`);
        return;
      }
      if (!lists.has(override.list)) {
        inDataset([...path, 'list'], `unknown list "${override.list}"${suggest(override.list, lists)}`);
        return;
      }
      const base = baseSeats.get(override.council)?.get(override.list);
      if (override.factions) {
        checkFactionSplit(override.list, override.seats, override.factions, factionsOf(override.list), [...path, 'factions'], inDataset);
      } else if (base?.factions && override.seats > 0 && override.seats !== base.seats) {
        inDataset([...path, 'factions'], `list "${override.list}" is split into factions in council ${override.council}; give the split for ${override.seats} seats`);
      }
    });
    // Sums after applying the whole chain, base first.
    const seats = new Map<string, Map<string, number>>();
    for (const [council, entries] of baseSeats) seats.set(council, new Map([...entries].map(([list, entry]) => [list, entry.seats])));
    for (const link of chain) {
      for (const override of link.overrides) seats.get(override.council)?.set(override.list, override.seats);
    }
    for (const council of councils) {
      const sum = [...(seats.get(council.data.id)?.values() ?? [])].reduce((a, b) => a + b, 0);
      if (sum !== council.data.seats.general) {
        inDataset(['seatSets', i, 'overrides'], `council ${council.data.id}: lists sum to ${sum} seats in seat set "${set.id}", expected ${council.data.seats.general} general seats`);
      }
    }
  });

  // Published figures
  ds.published.forEach((figure, i) => {
    checkSources(figure.source, ['published', i, 'source'], inDataset);
    figure.seatSets.forEach((id, j) => {
      if (!seatSets.has(id)) inDataset(['published', i, 'seatSets', j], `unknown seat set "${id}"${suggest(id, seatSets)}`);
    });
    figure.lists?.forEach((id, j) => {
      if (!lists.has(id)) inDataset(['published', i, 'lists', j], `unknown list "${id}"${suggest(id, lists)}`);
    });
    if (figure.bloc !== undefined && !blocIds.has(figure.bloc)) inDataset(['published', i, 'bloc'], `unknown bloc "${figure.bloc}"${suggest(figure.bloc, blocIds)}`);
  });

  // Outcomes
  if (outcomes) {
    const add = at(outcomes);
    const seenCouncils = new Set<string>();
    outcomes.data.outcomes.forEach((outcome, i) => {
      checkSources(outcome.source, ['outcomes', i, 'source'], add);
      if (!councilIds.has(outcome.council)) {
        add(['outcomes', i, 'council'], `unknown council "${outcome.council}"${suggest(outcome.council, councilIds)}`);
        return;
      }
      if (seenCouncils.has(outcome.council)) add(['outcomes', i, 'council'], `second outcome for council ${outcome.council}`);
      seenCouncils.add(outcome.council);
      const council = councils.find((part) => part.data.id === outcome.council)?.data;
      const units = new Set<string>();
      for (const entry of council?.lists ?? []) {
        units.add(entry.list);
        for (const faction of factionsOf(entry.list)) units.add(faction);
      }
      for (const member of council?.quota ?? []) units.add(member.id);
      // Office-holders need not sit in the council (a governor may come from outside), so their
      // list only has to exist; coalitions and boycotts are made of the council's own units.
      for (const post of ['governor', 'chair'] as const) {
        const holder = outcome[post];
        checkSources(holder.source, ['outcomes', i, post, 'source'], add);
        if (holder.list != null && !lists.has(holder.list)) add(['outcomes', i, post, 'list'], `unknown list "${holder.list}"${suggest(holder.list, lists)}`);
        if (holder.faction !== undefined) {
          const known = holder.list != null ? factionsOf(holder.list) : new Set<string>();
          if (!known.has(holder.faction)) add(['outcomes', i, post, 'faction'], `"${holder.faction}" is not a faction of list "${holder.list ?? '(none)'}"`);
        }
      }
      for (const group of ['votingCoalition', 'boycott', 'opposed'] as const) {
        outcome[group]?.units.forEach((unit, j) => {
          if (!units.has(unit)) add(['outcomes', i, group, 'units', j], `"${unit}" is not a unit of council ${outcome.council}${suggest(unit, units)}`);
        });
      }
      if (council && outcome.present !== undefined && outcome.present > council.seats.general + council.seats.quota) {
        add(['outcomes', i, 'present'], `${outcome.present} present but council ${outcome.council} has ${council.seats.general + council.seats.quota} members`);
      }
      outcome.events.forEach((event, j) => checkSources(event.source, ['outcomes', i, 'events', j, 'source'], add));
    });
  }

  // Unattributed seats vote as members `<placeholder>-1`, `<placeholder>-2`, ...: no other id may look like one.
  ds.lists.forEach((list, i) => {
    if (list.placeholder !== true) return;
    const generated = new RegExp(`^${list.id}-\\d+$`);
    for (const [id, what] of namespace) {
      if (generated.test(id)) inDataset(['lists', i, 'id'], `${what} has an id of the form "${list.id}-<n>", which the placeholder's seats take as members`);
    }
  });

  // A `documented` label needs a source that is not low-reliability.
  const reliability = new Map(ds.sources.map((source) => [source.id, source.reliability]));
  const lowOnly = (ref: unknown): boolean => {
    const ids = sourceIds(ref as SourceRef);
    return ids.length > 0 && ids.every((id) => reliability.get(id) === 'low');
  };
  const checkLabels = (add: (path: DataPath, message: string) => void) => (figure: Record<string, unknown>, path: DataPath) => {
    if (figure['confidence'] === 'documented' && lowOnly(figure['source'])) {
      add([...path, 'confidence'], `"documented" rests only on low-reliability sources (${sourceIds(figure['source'] as SourceRef).join(', ')}); label it inferred or unresolved`);
    }
  };
  visitLabelled(ds, [], checkLabels(inDataset));
  for (const council of councils) visitLabelled(council.data, [], checkLabels(at(council)));
  if (outcomes) visitLabelled(outcomes.data, [], checkLabels(at(outcomes)));

  return report.byFile();
}

/** Calls `visit` on every object in `value` that carries both a `confidence` and a `source`. */
function visitLabelled(value: unknown, path: DataPath, visit: (figure: Record<string, unknown>, path: DataPath) => void): void {
  if (Array.isArray(value)) {
    value.forEach((item, i) => visitLabelled(item, [...path, i], visit));
    return;
  }
  if (value === null || typeof value !== 'object') return;
  const record = value as Record<string, unknown>;
  if ('confidence' in record && 'source' in record) visit(record, path);
  for (const [key, child] of Object.entries(record)) {
    if (child !== null && typeof child === 'object') visitLabelled(child, [...path, key], visit);
  }
}

/** The seat sets from the root to `id` (root first); undefined on a cycle or a dangling `extends`. */
export function seatSetChain(id: string, seatSets: ReadonlyMap<string, SeatSet>): SeatSet[] | undefined {
  const chain: SeatSet[] = [];
  const seen = new Set<string>();
  let current: string | undefined = id;
  while (current !== undefined) {
    if (seen.has(current)) return undefined;
    seen.add(current);
    const set = seatSets.get(current);
    if (set === undefined) return undefined;
    chain.unshift(set);
    current = set.extends;
  }
  return chain;
}

function checkFactionSplit(
  listId: string,
  seats: number,
  split: Readonly<Record<string, number>>,
  known: ReadonlySet<string>,
  path: DataPath,
  add: (path: DataPath, message: string) => void,
): void {
  let sum = 0;
  for (const [faction, count] of Object.entries(split)) {
    sum += count;
    if (!known.has(faction)) {
      add([...path, faction], known.size === 0 ? `list "${listId}" has no factions in the registry` : `unknown faction "${faction}" of list "${listId}" (known: ${[...known].join(', ')})`);
    }
  }
  if (sum !== seats) add(path, `factions sum to ${sum} seats but list "${listId}" has ${seats}`);
}

function uniqueIds(items: readonly { id: string }[], path: DataPath, add: (path: DataPath, message: string) => void): Set<string> {
  const ids = new Set<string>();
  items.forEach((item, i) => {
    if (ids.has(item.id)) add([...path, i, 'id'], `duplicate id "${item.id}"`);
    ids.add(item.id);
  });
  return ids;
}

/** ` (did you mean "x"?)` for a near miss, else the empty string. */
export function suggest(id: string, known: ReadonlySet<string> | ReadonlyMap<string, unknown>): string {
  return didYouMean(id, known.keys());
}

class IssueReport {
  private readonly files = new Map<string, DataIssue[]>();
  add(part: DatasetPart<unknown>, path: DataPath, message: string): void {
    const issues = this.files.get(part.file) ?? [];
    issues.push(located(path, message, part.document));
    this.files.set(part.file, issues);
  }
  byFile(): FileIssues[] {
    return [...this.files].map(([file, issues]) => ({ file, issues }));
  }
}
