/**
 * Where each figure of a council comes from: its seat total, every list's seats (and faction split),
 * every quota seat, the seat-set overrides in force and the blocs that apply there, each with its
 * confidence and its sources resolved from the dataset's sources table (publisher, title, date, URL,
 * reliability, note). What `govsim sources`, the explorer's `i` pane and JSON source ids show.
 */
import type { LoadedDataset } from './dataset.js';
import type { Source, SourceRef } from './dataset-schema.js';

export interface SourcedFigure {
  /** What the figure is: `seats`, `list nabni`, `nabni factions`, `quota-sabean`, `seat set preliminary: nabni`, `bloc cf`. */
  readonly subject: string;
  /** The figure itself in words: `15 seats`, `3 seats`, `badr 1, aah 2`. */
  readonly value: string;
  /** The unit the figure is about, when it is one (for the explorer's cursor). */
  readonly unit?: string;
  readonly confidence: string;
  readonly method?: string;
  readonly note?: string;
  readonly sources: readonly string[];
}

export interface CouncilSources {
  readonly council: string;
  readonly name: string;
  readonly figures: readonly SourcedFigure[];
  /** Every source cited above, once, in order of first citation; ids the dataset lacks are listed with `missing`. */
  readonly sources: readonly (Source | { readonly id: string; readonly missing: true })[];
}

function ids(ref: SourceRef | undefined): string[] {
  if (ref === undefined) return [];
  return typeof ref === 'string' ? [ref] : [...ref];
}

function optional<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, string>);
}

/** Seat-set overrides in force for `seats`, following `extends` (nearest last, so it wins when listed). */
function overridesFor(dataset: LoadedDataset, seats: string) {
  const chain: (typeof dataset.data.seatSets)[number][] = [];
  const seen = new Set<string>();
  let id: string | undefined = seats;
  while (id !== undefined && !seen.has(id)) {
    seen.add(id);
    const set = dataset.data.seatSets.find((entry) => entry.id === id);
    if (!set) break;
    chain.unshift(set);
    id = set.extends;
  }
  return chain.flatMap((set) => set.overrides.map((override) => ({ set: set.id, override })));
}

/** The sourced figures of one council at a seat set (default: the dataset's first). */
export function councilSources(dataset: LoadedDataset, councilId: string, seats: string = dataset.seatSets[0]!): CouncilSources {
  const file = dataset.data.councils.find((council) => council.id === councilId);
  if (!file) throw new RangeError(`unknown council ${councilId}`);
  const figures: SourcedFigure[] = [];
  figures.push({
    subject: 'seats',
    value: `${file.seats.general + file.seats.quota} seats (${file.seats.general} general + ${file.seats.quota} quota)`,
    confidence: file.seats.confidence,
    ...optional('method', file.seats.method),
    ...optional('note', file.seats.note),
    sources: ids(file.seats.source),
  });
  for (const list of file.lists) {
    figures.push({
      subject: `list ${list.list}`,
      value: `${list.seats} seat${list.seats === 1 ? '' : 's'}${list.votes ? `, ${list.votes.count.toLocaleString('en-US')} votes (${list.votes.stage})` : ''}`,
      unit: list.list,
      confidence: list.confidence,
      ...optional('method', list.method),
      ...optional('note', list.note),
      sources: [...new Set([...ids(list.source), ...ids(list.votes?.source)])],
    });
    if (list.factions) {
      figures.push({
        subject: `${list.list} factions`,
        value: Object.entries(list.factions.seats).map(([id, n]) => `${id} ${n}`).join(', '),
        unit: list.list,
        confidence: list.factions.confidence,
        method: list.factions.method,
        ...optional('note', list.factions.note),
        sources: ids(list.factions.source),
      });
    }
  }
  for (const quota of file.quota) {
    figures.push({
      subject: quota.id,
      value: `${quota.minority} seat: ${quota.member}${quota.affiliation ? ` (${quota.affiliation})` : ''}`,
      unit: quota.id,
      confidence: quota.confidence,
      ...optional('note', quota.note),
      sources: ids(quota.source),
    });
  }
  if (file.estimate) {
    figures.push({ subject: 'estimate', value: 'per-list figures partly reconstructed', confidence: file.estimate.confidence, method: file.estimate.method, note: file.estimate.note, sources: [] });
  }
  for (const { set, override } of overridesFor(dataset, seats)) {
    if (override.council !== councilId) continue;
    figures.push({
      subject: `seat set ${set}: ${override.list}`,
      value: `${override.seats} seat${override.seats === 1 ? '' : 's'}${override.factions ? ` (${Object.entries(override.factions).map(([id, n]) => `${id} ${n}`).join(', ')})` : ''}`,
      unit: override.list,
      confidence: override.confidence,
      ...optional('method', override.method),
      ...optional('note', override.note),
      sources: ids(override.source),
    });
  }
  for (const bloc of dataset.data.blocs) {
    if (bloc.councils !== undefined && !bloc.councils.includes(councilId)) continue;
    const here = new Set([...file.lists.map((list) => list.list), ...file.quota.map((quota) => quota.id)]);
    const members = bloc.members.filter((id) => here.has(id));
    if (members.length === 0) continue;
    figures.push({ subject: `bloc ${bloc.id}`, value: `${bloc.name}: ${members.join(', ')}`, confidence: bloc.confidence, ...optional('note', bloc.note), sources: ids(bloc.source) });
  }
  const table = new Map(dataset.data.sources.map((source) => [source.id, source]));
  const cited = [...new Set([...ids(file.source), ...figures.flatMap((figure) => figure.sources)])];
  return {
    council: file.id,
    name: file.name,
    figures,
    sources: cited.map((id) => table.get(id) ?? { id, missing: true as const }),
  };
}

/** One source on one line: publisher, title, date, reliability, URL, note. */
export function sourceLine(source: CouncilSources['sources'][number]): string {
  if ('missing' in source) return `${source.id}: (not in the dataset's sources table)`;
  const date = source.date !== undefined ? String(source.date) : (source.dateNote ?? 'undated');
  const parts = [`${source.publisher}, "${source.title}"`, date, source.reliability !== undefined ? `reliability ${source.reliability}` : undefined, source.url, source.note];
  return `${source.id}: ${parts.filter((part): part is string => part !== undefined).join(' · ')}`;
}
