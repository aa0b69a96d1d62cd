/**
 * `govsim councils`: one row per council (size, majority, largest list, the focus bloc's seats and
 * whether it governs alone), then the national totals checked against the published figures.
 * Figures the dataset marks inferred or unresolved are flagged, never shown as plain facts.
 */
import type { Command } from 'commander';
import { type Confidence, type PublishedFigure, sourceIds } from '../../dataset/dataset-schema.js';
import {
  type LoadedDataset,
  type NationalTotals,
  type PublishedCheck,
  type FittedEstimate,
  type PublishedKind,
  publishedVerdict,
  type ResolvedCouncil,
  loadDataset,
  nationalTotals,
  publishedChecks,
  measurePublishedFigure,
  resolvedCouncils,
  seatSetId,
  weakestConfidence,
} from '../../dataset/dataset.js';
import { type Column, parseFormat, renderJson, renderRows, writeOutput } from '../output.js';

interface CouncilsOptions {
  readonly dataset?: string;
  readonly seats?: string;
  readonly national?: boolean;
  readonly format: string;
  readonly out?: string;
}

export interface CouncilSummary {
  readonly id: string;
  readonly name: string;
  readonly nameAr: string;
  readonly seats: number;
  readonly general: number;
  readonly quota: number;
  readonly majority: number;
  /** Weakest confidence of the council's figures (documented, inferred, unresolved). */
  readonly confidence: Confidence;
  readonly sizeConfidence: Confidence;
  /** The largest named list (placeholders for unattributed seats excluded); ties: dataset order. */
  readonly largest: { readonly id: string; readonly seats: number; readonly confidence: Confidence } | null;
  /** The focus bloc (`meta.focusBloc`, e.g. `cf`) in this council. */
  readonly bloc: { readonly id: string; readonly seats: number; readonly majorityAlone: boolean; readonly confidence: Confidence } | null;
  readonly lists: readonly {
    readonly id: string;
    readonly name: string;
    readonly seats: number;
    readonly blocs: readonly string[];
    readonly confidence: Confidence;
    readonly method?: string;
    readonly overriddenBy?: string;
  }[];
  readonly quotaMembers: readonly { readonly id: string; readonly minority: string; readonly member: string; readonly confidence: Confidence }[];
}

export interface PublishedComparison {
  readonly id: string;
  readonly label: string;
  /** The seat sets the figure was published for (not the one reported). */
  readonly publishedFor: readonly string[];
  readonly published: number;
  /** The same measure computed for the reported seat set. */
  readonly computed: number;
  readonly computedConfidence: Confidence;
  readonly kind: PublishedKind;
  readonly fittedBy: readonly string[];
  readonly fittedEstimates: readonly FittedEstimate[];
  readonly source: readonly string[];
}

function computedFor(
  ds: LoadedDataset,
  figure: PublishedFigure,
  seatSet: string,
): Pick<PublishedComparison, 'computed' | 'computedConfidence' | 'kind' | 'fittedBy' | 'fittedEstimates'> {
  const { value, confidence, kind, fittedBy, fittedEstimates } = measurePublishedFigure(ds, figure, seatSet);
  return { computed: value, computedConfidence: confidence, kind, fittedBy, fittedEstimates };
}

export interface CouncilsReport {
  readonly schemaVersion: 1;
  readonly dataset: string;
  readonly datasetName: string;
  readonly seats: string;
  readonly seatSetName: string;
  readonly focusBloc: string | null;
  readonly councils: readonly CouncilSummary[];
  readonly totals: NationalTotals;
  /** Published national figures for this seat set, recomputed from the councils. */
  readonly published: readonly PublishedCheck[];
  /** Published figures about other seat sets only, with this set's computed value, for comparison. */
  readonly comparisons: readonly PublishedComparison[];
  readonly legend: Readonly<Record<string, string>>;
}

const MARKS: Record<Confidence, string> = { documented: '', inferred: '~', unresolved: '?' };
const LEGEND = {
  '~': 'inferred: an estimate (see the council file for the method)',
  '?': 'includes unresolved seats (lists the sources do not name)',
  '✓ confirmed': 'a published figure matched by documented seats alone: an independent check',
  '≈ fitted': 'a published figure the estimates were reconciled with: matching it is by construction, not a check',
} as const;

/** How a national figure's match reads: an independent check, or agreement by construction. */

/** The report behind every format: computed from the dataset, nothing typed. */
export function councilsReport(ds: LoadedDataset, seats?: string): CouncilsReport {
  const seatSet = seatSetId(ds, seats);
  const focusBloc = ds.data.meta.focusBloc ?? null;
  const councils = resolvedCouncils(ds, seatSet).map((council) => summarise(council, focusBloc));
  const here = publishedChecks(ds, seatSet);
  // A figure never published for this seat set (e.g. an alternative estimate) is still worth comparing
  // against: show this set's value next to the figure as published for its own sets, once per label.
  const labels = new Set(here.map((check) => check.label));
  const comparisons: PublishedComparison[] = [];
  for (const figure of ds.data.published) {
    if (labels.has(figure.label)) continue;
    labels.add(figure.label);
    comparisons.push({
      id: figure.id,
      label: figure.label,
      publishedFor: figure.seatSets,
      published: figure.value,
      ...computedFor(ds, figure, seatSet),
      source: sourceIds(figure.source),
    });
  }
  return {
    schemaVersion: 1,
    dataset: ds.id,
    datasetName: ds.name,
    seats: seatSet,
    seatSetName: ds.data.seatSets.find((set) => set.id === seatSet)?.name ?? seatSet,
    focusBloc,
    councils,
    totals: nationalTotals(ds, seatSet),
    published: here,
    comparisons,
    legend: LEGEND,
  };
}

function summarise(council: ResolvedCouncil, focusBloc: string | null): CouncilSummary {
  let largest: CouncilSummary['largest'] = null;
  for (const list of council.lists) {
    if (list.placeholder !== true && (largest === null || list.seats > largest.seats)) {
      largest = { id: list.id, seats: list.seats, confidence: list.confidence };
    }
  }
  let bloc: CouncilSummary['bloc'] = null;
  if (focusBloc !== null) {
    const members = [...council.lists.filter((list) => list.blocs.includes(focusBloc)), ...council.quotaMembers.filter((member) => member.blocs.includes(focusBloc))];
    const seats = members.reduce((sum, member) => sum + ('seats' in member ? member.seats : 1), 0);
    // Unattributed seats could belong to the bloc too, so they make its count uncertain.
    const confidence = weakestConfidence([
      council.sizeConfidence,
      ...members.map((member) => member.confidence),
      ...council.lists.filter((list) => list.placeholder === true).map((list) => list.confidence),
    ]);
    bloc = { id: focusBloc, seats, majorityAlone: seats >= council.majority, confidence };
  }
  return {
    id: council.id,
    name: council.name,
    nameAr: council.nameAr,
    seats: council.seats,
    general: council.general,
    quota: council.quota,
    majority: council.majority,
    confidence: council.confidence,
    sizeConfidence: council.sizeConfidence,
    largest,
    bloc,
    lists: council.lists.map((list) => ({
      id: list.id,
      name: list.name,
      seats: list.seats,
      blocs: list.blocs,
      confidence: list.confidence,
      ...(list.method !== undefined ? { method: list.method } : {}),
      ...(list.overriddenBy !== undefined ? { overriddenBy: list.overriddenBy } : {}),
    })),
    quotaMembers: council.quotaMembers.map((member) => ({ id: member.id, minority: member.minority, member: member.member, confidence: member.confidence })),
  };
}

function marked(value: number | string, confidence: Confidence): string {
  return `${value}${MARKS[confidence]}`;
}

function columns(report: CouncilsReport): Column<CouncilSummary>[] {
  const base: Column<CouncilSummary>[] = [
    { header: 'id', value: (c) => c.id },
    { header: 'council', value: (c) => c.name },
    { header: 'seats', value: (c) => marked(c.seats, c.sizeConfidence), align: 'right' },
    { header: 'majority', value: (c) => marked(c.majority, c.sizeConfidence), align: 'right' },
    { header: 'largest list', value: (c) => (c.largest ? marked(`${c.largest.id} ${c.largest.seats}`, c.largest.confidence) : '') },
  ];
  const bloc = report.focusBloc;
  if (bloc !== null) {
    base.push(
      { header: `${bloc} seats`, value: (c) => (c.bloc ? marked(c.bloc.seats, c.bloc.confidence) : ''), align: 'right' },
      { header: `${bloc} alone has majority`, value: (c) => (c.bloc ? marked(c.bloc.majorityAlone ? 'yes' : 'no', c.bloc.confidence) : '') },
    );
  }
  base.push({ header: 'confidence', value: (c) => c.confidence });
  return base;
}

/** The national footer: totals, then each published figure against the computed one. */
function nationalLines(report: CouncilsReport): string[] {
  const { totals } = report;
  const lines = [`National (seat set ${report.seats}: ${report.seatSetName}): ${totals.seats} seats = ${totals.general} general + ${totals.quota} quota`];
  if (report.focusBloc !== null) {
    const alone = report.councils.filter((c) => c.bloc?.majorityAlone).length;
    lines.push(`${report.focusBloc}: ${totals.byBloc[report.focusBloc] ?? 0} seats; a majority on its own in ${alone} of ${report.councils.length} councils`);
  }
  for (const check of report.published) {
    lines.push(`${check.label}: ${marked(check.computed, check.computedConfidence)} (published ${check.published} ${publishedVerdict(check)}; ${check.source.join(', ')})`);
  }
  for (const check of report.comparisons) {
    lines.push(`${check.label}: ${marked(check.computed, check.computedConfidence)} (published ${check.published} for ${check.publishedFor.join(', ')}, not for this seat set)`);
  }
  if (report.published.length === 0 && report.comparisons.length === 0) lines.push('No published figures describe this seat set.');
  lines.push(...Object.entries(report.legend).map(([mark, meaning]) => `${mark} ${meaning}`));
  return lines;
}

const NATIONAL_COLUMNS: Column<PublishedCheck>[] = [
  { header: 'figure', value: (check) => check.id },
  { header: 'label', value: (check) => check.label },
  { header: 'published', value: (check) => String(check.published), align: 'right' },
  { header: 'computed', value: (check) => marked(check.computed, check.computedConfidence), align: 'right' },
  { header: 'matches', value: (check) => (check.matches ? 'yes' : 'no') },
  { header: 'kind', value: (check) => check.kind },
  { header: 'fitted by', value: (check) => check.fittedBy.join(' ') },
  { header: 'source', value: (check) => check.source.join(' ') },
];

/** `--national`: one row per published figure of the seat set, with whether its match is fitted or confirmed. */
export function renderNational(report: CouncilsReport, format: string): string {
  const chosen = parseFormat(format);
  if (chosen === 'json') return renderJson({ schemaVersion: report.schemaVersion, dataset: report.dataset, seats: report.seats, published: report.published, legend: report.legend });
  return renderRows(chosen, NATIONAL_COLUMNS, report.published);
}

export function renderCouncils(report: CouncilsReport, format: string): string {
  const chosen = parseFormat(format);
  if (chosen === 'json') return renderJson(report);
  const table = renderRows(chosen, columns(report), report.councils);
  if (chosen === 'csv') return table;
  const footer = nationalLines(report);
  return chosen === 'md' ? `${table}\n${footer.map((line) => `- ${line}`).join('\n')}\n` : `${table}\n${footer.join('\n')}\n`;
}

export function registerCouncils(program: Command): void {
  program
    .command('councils')
    .description('list the councils: seats, majority, largest list, and whether the focus bloc governs alone')
    .option('-d, --dataset <name|path>', 'bundled dataset name or dataset directory', 'iraq-2023')
    .option('-s, --seats <set>', 'seat set: final, preliminary, ihec-final or a named alternative (default: the dataset\'s default)')
    .option('-n, --national', 'one row per published national figure: matches, and whether fitted or confirmed')
    .option('-f, --format <format>', 'table, json, csv or md', 'table')
    .option('-o, --out <file>', 'write the output to FILE (atomically)')
    .action((options: CouncilsOptions) => {
      parseFormat(options.format);
      const ds = loadDataset(options.dataset);
      const report = councilsReport(ds, options.seats);
      writeOutput(options.national === true ? renderNational(report, options.format) : renderCouncils(report, options.format), options.out);
    });
}
