/**
 * The one place the report reads the engine: a scenario and its run become plain report data (every
 * council's seats as units in drawing order, its competing alignments, confidence and sources). The
 * pictures and the page only read this shape, so a change in the run result changes this module alone.
 */
import { type Confidence, type LoadedDataset, publishedChecks, resolvedCouncil, weakestConfidence } from '../dataset/dataset.js';
import { type CouncilResult, type LoadedScenario, type ScenarioRun, modelCouncil, runScenario } from '../scenarios/index.js';

/** A seat figure's confidence, or `scenario` for seats a step of the scenario set (hypothetical). */
export type SeatConfidence = Confidence | 'scenario';

export interface ReportSource {
  readonly id: string;
  readonly outlet: string;
  readonly title?: string;
  readonly date?: string;
  readonly url?: string;
  readonly note?: string;
}

export interface ReportUnit {
  /** The model unit id (`wathiqoon>badr-sadr` for members voting apart from their list). */
  readonly id: string;
  /** The list, faction or member whose seats these are (colour follows it). */
  readonly owner: string;
  readonly name: string;
  readonly nameAr?: string;
  readonly seats: number;
  readonly present: number;
  /** The alignment these members vote with in this council, if any is declared. */
  readonly alignment: string | null;
  readonly confidence: SeatConfidence;
  readonly method?: string;
  readonly sources: readonly string[];
}

export interface ReportAlignment {
  readonly id: string;
  /** `deal badr-sadr`, `bloc cf`, `list tasmim`. */
  readonly label: string;
  readonly units: readonly string[];
  readonly votes: number;
  readonly governing: boolean;
}

export interface ReportCouncil {
  readonly id: string;
  readonly name: string;
  readonly nameAr: string;
  readonly seats: number;
  readonly majority: number;
  readonly present: number;
  readonly quorum: CouncilResult['quorum'];
  readonly group: string;
  readonly groupSource: string;
  readonly outcome: CouncilResult['outcome'];
  readonly decision: string;
  /** The governing alignment first, then any competing one. */
  readonly alignments: readonly ReportAlignment[];
  /** Units in drawing order: the governing alignment's, then competing ones', then the rest. */
  readonly units: readonly ReportUnit[];
  readonly pivotal: readonly string[];
  readonly hinge: readonly string[];
  readonly predictions: CouncilResult['predictions'];
  readonly explanation: CouncilResult['explanation'];
  readonly changes: CouncilResult['changes'];
  /** The weakest confidence among the seats the answer rests on. */
  readonly confidence: SeatConfidence;
  readonly sizeSources: readonly string[];
}

export interface NationalLine {
  readonly label: string;
  readonly seatSet: string;
  readonly published: number;
  readonly computed: number;
  readonly matches: boolean;
  readonly sources: readonly string[];
}

export interface ReportData {
  readonly id: string;
  readonly scenario: string;
  readonly description: string | null;
  readonly dataset: string;
  readonly datasetName: string;
  readonly seatSet: string;
  readonly focusBloc: string;
  readonly councils: readonly ReportCouncil[];
  readonly national: ScenarioRun['national'];
  /** The published CF lines (102 final, 101 preliminary) against the councils' sum. */
  readonly cfLines: readonly NationalLine[];
  readonly sources: ReadonlyMap<string, ReportSource>;
  readonly steps: readonly { readonly label: string; readonly kind: string; readonly note?: string; readonly source?: string }[];
  /** Sources of the majority and quorum rules (floor(n/2)+1 of all members). */
  readonly ruleSources: { readonly majority: readonly string[]; readonly quorum: readonly string[] };
}

const CONFIDENCE_ORDER: readonly SeatConfidence[] = ['documented', 'inferred', 'unresolved', 'scenario'];

export function weakest(values: Iterable<SeatConfidence>): SeatConfidence {
  let worst: SeatConfidence = 'documented';
  for (const value of values) if (CONFIDENCE_ORDER.indexOf(value) > CONFIDENCE_ORDER.indexOf(worst)) worst = value;
  return worst;
}

function idsOf(ref: string | readonly string[] | undefined): string[] {
  if (ref === undefined) return [];
  return typeof ref === 'string' ? [ref] : [...ref];
}

/** Every source a figure of this report may cite: the dataset's, then the scenario's own. */
function sourceTable(scenario: LoadedScenario): Map<string, ReportSource> {
  const table = new Map<string, ReportSource>();
  for (const source of scenario.dataset.data.sources) {
    table.set(source.id, {
      id: source.id,
      outlet: source.publisher,
      title: source.title,
      ...(source.date !== undefined ? { date: String(source.date) } : {}),
      ...(source.url !== undefined ? { url: source.url } : {}),
      ...(source.note !== undefined || source.dateNote !== undefined ? { note: [source.dateNote, source.note].filter(Boolean).join(' ') } : {}),
    });
  }
  for (const source of scenario.sources) {
    if (table.has(source.id)) continue;
    table.set(source.id, {
      id: source.id,
      outlet: source.url ? hostOf(source.url) : (source.title ?? source.id),
      ...(source.title !== undefined ? { title: source.title } : {}),
      ...(source.date !== undefined ? { date: source.date } : {}),
      ...(source.url !== undefined ? { url: source.url } : {}),
      ...(source.note !== undefined ? { note: source.note } : {}),
    });
  }
  return table;
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}

interface SeatFacts {
  readonly seats: number;
  readonly confidence: Confidence;
  readonly method?: string;
  readonly sources: readonly string[];
  readonly nameAr?: string;
}

/** The dataset's seat figure for each list, faction and quota member of one council, with its confidence and sources. */
function seatFacts(ds: LoadedDataset, councilId: string, seatSet: string): Map<string, SeatFacts> {
  const facts = new Map<string, SeatFacts>();
  const resolved = resolvedCouncil(ds, councilId, seatSet);
  const file = ds.data.councils.find((council) => council.id === councilId);
  const methods = new Map(ds.data.methods.map((method) => [method.id, method.summary]));
  const listNames = new Map(ds.data.lists.map((list) => [list.id, list]));
  for (const list of resolved.lists) {
    const nameAr = (listNames.get(list.id) as { nameAr?: string } | undefined)?.nameAr;
    facts.set(list.id, {
      seats: list.seats,
      confidence: list.confidence,
      ...(list.method !== undefined ? { method: list.method } : {}),
      sources: list.source,
      ...(nameAr ? { nameAr } : {}),
    });
    const entry = file?.lists.find((candidate) => candidate.list === list.id) as { factions?: { source?: string | string[] } } | undefined;
    for (const faction of list.factions ?? []) {
      facts.set(faction.id, {
        seats: faction.seats,
        confidence: weakestConfidence([faction.confidence, list.confidence]),
        ...(faction.method !== undefined ? { method: methods.get(faction.method) ?? faction.method } : {}),
        // A split cites its own source where it has one (the post behind the odd seat), and the list's figure.
        sources: [...new Set([...idsOf(entry?.factions?.source), ...list.source])],
      });
    }
  }
  const quotaFile = (file as { quota?: readonly { id: string; source?: string | string[] }[] } | undefined)?.quota ?? [];
  for (const member of resolved.quotaMembers) {
    facts.set(member.id, { seats: 1, confidence: member.confidence, sources: idsOf(quotaFile.find((entry) => entry.id === member.id)?.source) });
  }
  return facts;
}

/**
 * The alignments a picture rings: the elected one (whatever its kind) and every other deal, bloc or rump
 * that claimed the council (a list voting alone is not a claim); void ones are left out, their members
 * vote as if undeclared. The governing one comes first.
 */
function alignmentsOf(result: CouncilResult): ReportAlignment[] {
  const found: ReportAlignment[] = [];
  for (const alignment of result.alignments) {
    const governing = alignment.status === 'elected' && result.outcome.status === 'elected';
    if (!governing && (alignment.status === 'void' || alignment.kind === 'list' || alignment.kind === 'against')) continue;
    found.push({ id: alignment.id, label: alignment.label, units: alignment.units, votes: alignment.votes, governing });
  }
  return found.sort((a, b) => Number(b.governing) - Number(a.governing));
}

/** One council of a run as report data. */
export function reportCouncil(scenario: LoadedScenario, result: CouncilResult): ReportCouncil {
  const ds = scenario.dataset;
  const resolved = resolvedCouncil(ds, result.id, scenario.seats);
  const facts = seatFacts(ds, result.id, scenario.seats);
  const model = modelCouncil(scenario.state, result.id);
  const alignments = alignmentsOf(result);
  const alignmentOf = new Map<string, string>();
  for (const alignment of alignments) for (const unit of alignment.units) if (!alignmentOf.has(unit)) alignmentOf.set(unit, alignment.id);
  const stateUnits = new Map(scenario.state.councils[result.id]!.units.map((unit) => [unit.id, unit]));
  const resultUnits = new Map(result.units.map((unit) => [unit.id, unit]));
  const units: ReportUnit[] = model.units.map((unit) => {
    const separator = unit.id.indexOf('>');
    const owner = separator > 0 ? unit.id.slice(0, separator) : unit.id;
    const fact = facts.get(owner);
    const recorded = resultUnits.get(owner)?.seats ?? stateUnits.get(owner)?.seats;
    // Seats a step changed (or a unit a step created) are the scenario's, not the dataset's.
    const confidence: SeatConfidence = fact && fact.seats === recorded ? fact.confidence : 'scenario';
    const name = separator > 0 ? unit.name : (stateUnits.get(unit.id)?.name ?? unit.name);
    return {
      id: unit.id,
      owner,
      name,
      ...(fact?.nameAr ? { nameAr: fact.nameAr } : {}),
      seats: unit.seats,
      present: unit.present ?? unit.seats,
      alignment: alignmentOf.get(unit.id) ?? null,
      confidence,
      ...(fact?.method !== undefined ? { method: fact.method } : {}),
      sources: fact?.sources ?? [],
    };
  });
  const rank = (unit: ReportUnit): number => {
    const index = alignments.findIndex((alignment) => alignment.id === unit.alignment);
    return index < 0 ? alignments.length : index;
  };
  // Stable: within an alignment (and among the rest) units keep the council's order.
  const ordered = units.map((unit, index) => ({ unit, index })).sort((a, b) => rank(a.unit) - rank(b.unit) || a.index - b.index).map((entry) => entry.unit);
  return {
    id: result.id,
    name: result.name,
    nameAr: resolved.nameAr,
    seats: result.seats,
    majority: result.majority,
    present: result.present,
    quorum: result.quorum,
    group: result.group,
    groupSource: result.groupSource,
    outcome: result.outcome,
    decision: result.decision,
    alignments,
    units: ordered,
    pivotal: result.pivotal,
    hinge: result.hinge,
    predictions: result.predictions,
    explanation: result.explanation,
    changes: result.changes,
    confidence: result.confidence,
    sizeSources: idsOf((ds.data.councils.find((council) => council.id === result.id) as { source?: string | string[] } | undefined)?.source),
  };
}

/** The whole scenario as report data (runs it unless a run is given). */
export function reportData(scenario: LoadedScenario, run: ScenarioRun = runScenario(scenario)): ReportData {
  const ds = scenario.dataset;
  const cfLines: NationalLine[] = [];
  const seen = new Set<string>();
  for (const set of ds.seatSets) {
    for (const check of publishedChecks(ds, set)) {
      // One line per published figure (`final` and `ihec-final` share the 102), in seat-set order.
      if (!ds.data.meta.focusBloc || !check.id.startsWith(`${ds.data.meta.focusBloc}-`) || seen.has(check.id)) continue;
      seen.add(check.id);
      cfLines.push({ label: check.label, seatSet: set, published: check.published, computed: check.computed, matches: check.matches, sources: check.source });
    }
  }
  return {
    id: run.id,
    scenario: run.scenario,
    description: run.description,
    dataset: ds.id,
    datasetName: ds.name,
    seatSet: scenario.seats,
    focusBloc: ds.data.meta.focusBloc ?? '',
    councils: run.councils.map((result) => reportCouncil(scenario, result)),
    national: run.national,
    cfLines,
    sources: sourceTable(scenario),
    ruleSources: { majority: idsOf(ds.data.rules.majority.source), quorum: idsOf(ds.data.rules.quorum.source) },
    steps: scenario.steps.map((step) => ({
      label: step.label,
      kind: step.kind,
      ...(step.note !== undefined ? { note: step.note } : {}),
      ...(step.source !== undefined ? { source: step.source.id } : {}),
    })),
  };
}
