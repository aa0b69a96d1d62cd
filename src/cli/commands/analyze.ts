/**
 * `govsim analyze <council>`: one council's analysis — thresholds and quorum, units with their power,
 * the declared coalition's check, minimal winning coalitions, predictions, hinge seats and the
 * explanation trace — as a table, Markdown, CSV sections or JSON.
 */
import type { Command } from 'commander';
import type { CouncilAnalysis, CouncilCoalition, HingeSeat, Prediction, UnitSummary } from '../../model/analysis/index.js';
import type { Council } from '../../model/council.js';
import { GovsimUsageError } from '../../model/errors.js';
import { formatExplanationLine } from '../../model/explanation.js';
import type { PowerIndexResult } from '../../model/power/index.js';
import { formatRational } from '../../model/rational.js';
import { type Column, type OutputFormat, parseFormat, renderJson, renderRows, writeOutput } from '../output.js';

interface AnalyzeOptions {
  readonly dataset?: string;
  readonly seats?: string;
  readonly units: string;
  readonly coalition?: string;
  readonly absent?: string;
  readonly order?: string;
  readonly format: string;
  readonly out?: string;
  readonly limit: string;
}

const UNIT_MODES = ['lists', 'factions'] as const;

/** Rows of the long lists (minimal winning coalitions, hinges) shown in table and Markdown output. */
const DEFAULT_LIMIT = 15;

function parseIdList(text: string, flag: string): string[] {
  const ids = text.split(',').map((id) => id.trim());
  if (ids.some((id) => id === '')) throw new GovsimUsageError(`${flag}: empty id in "${text}" (expected a comma-separated list such as nabni,state-of-law)`);
  return ids;
}

/** `--absent kdp=2,arab-alliance`: k members of a unit absent (all of them without `=k`). */
export function applyAbsences(council: Council, text: string): Council {
  const absent = new Map<string, number>();
  for (const token of text.split(',')) {
    const match = /^\s*([^=\s]+)\s*(?:=\s*(\d+)\s*)?$/.exec(token);
    if (match === null) throw new GovsimUsageError(`--absent: "${token.trim()}" is not unit=k (e.g. --absent kdp=2,arab-alliance=3)`);
    const id = match[1]!;
    const unit = council.units.find((u) => u.id === id);
    if (unit === undefined) {
      throw new GovsimUsageError(`--absent: unknown unit "${id}" in council ${council.id} (units: ${council.units.map((u) => u.id).join(', ')})`);
    }
    const count = match[2] === undefined ? unit.seats : Number(match[2]);
    if (count > unit.seats) throw new GovsimUsageError(`--absent: ${id} has ${unit.seats} seats, cannot have ${count} absent`);
    absent.set(id, count);
  }
  return { ...council, units: council.units.map((unit) => (absent.has(unit.id) ? { ...unit, present: unit.seats - absent.get(unit.id)! } : unit)) };
}

function parseLimit(text: string): number {
  if (!/^\d+$/.test(text.trim())) throw new GovsimUsageError(`--limit: "${text}" is not a non-negative integer`);
  return Number(text);
}

/** Rationals as "p/q", bigints as strings: the JSON view of an analysis. */
export function analysisJson(analysis: CouncilAnalysis, context: { dataset: string; seats: string; units: string; confidence?: string }): unknown {
  const powerJson = (result: PowerIndexResult): unknown => ({
    index: result.index,
    label: result.label,
    players: result.players.map((player) => ({
      name: player.name,
      weight: player.weight,
      ...(player.raw === undefined ? {} : { raw: player.raw.toString() }),
      value: formatRational(player.value),
      float: player.float,
    })),
  });
  const { power, ...rest } = analysis;
  return {
    schemaVersion: 1,
    dataset: context.dataset,
    seats: context.seats,
    unitsMode: context.units,
    ...(context.confidence !== undefined ? { confidence: context.confidence } : {}),
    ...rest,
    ...(power === undefined
      ? {}
      : { power: { quota: power.quota, weights: power.weights, banzhaf: powerJson(power.banzhaf), shapleyShubik: powerJson(power.shapleyShubik) } }),
  };
}

interface UnitRow extends UnitSummary {
  readonly banzhaf?: PowerIndexResult['players'][number];
  readonly shapleyShubik?: PowerIndexResult['players'][number];
  readonly inCoalition: boolean;
  readonly pivotal: boolean;
}

function unitRows(analysis: CouncilAnalysis): UnitRow[] {
  return analysis.units.map((unit, i) => ({
    ...unit,
    ...(analysis.power === undefined ? {} : { banzhaf: analysis.power.banzhaf.players[i], shapleyShubik: analysis.power.shapleyShubik.players[i] }),
    inCoalition: analysis.coalition?.units.includes(unit.id) ?? false,
    pivotal: analysis.coalition?.pivotal.includes(unit.id) ?? false,
  }));
}

function powerCell(player: PowerIndexResult['players'][number] | undefined): string {
  return player === undefined ? '' : `${player.float.toFixed(4)} (${formatRational(player.value)})`;
}

const UNIT_COLUMNS: readonly Column<UnitRow>[] = [
  { header: 'unit', value: (row) => row.id },
  { header: 'kind', value: (row) => row.kind },
  { header: 'seats', value: (row) => row.seats, align: 'right' },
  { header: 'present', value: (row) => row.present, align: 'right' },
  { header: 'blocs', value: (row) => row.blocs.join(' ') },
  { header: 'role', value: (row) => (row.role === 'free' ? '' : row.role) },
  { header: 'coalition', value: (row) => (row.pivotal ? 'pivotal' : row.inCoalition ? 'member' : '') },
  { header: 'Banzhaf', value: (row) => powerCell(row.banzhaf), align: 'right' },
  { header: 'Shapley-Shubik', value: (row) => powerCell(row.shapleyShubik), align: 'right' },
];

const COALITION_COLUMNS: readonly Column<CouncilCoalition>[] = [
  { header: 'coalition', value: (row) => row.units.join(' + ') },
  { header: 'units', value: (row) => row.units.length, align: 'right' },
  { header: 'votes', value: (row) => row.votes, align: 'right' },
  { header: 'margin', value: (row) => row.margin, align: 'right' },
];

interface PredictionRow {
  readonly prediction: Prediction;
  readonly coalition: CouncilCoalition | undefined;
}

const PREDICTION_COLUMNS: readonly Column<PredictionRow>[] = [
  { header: 'theory', value: (row) => row.prediction.label },
  { header: 'coalition', value: (row) => row.coalition?.units.join(' + ') ?? '(none)' },
  { header: 'votes', value: (row) => row.coalition?.votes, align: 'right' },
];

const HINGE_COLUMNS: readonly Column<HingeSeat>[] = [
  { header: 'change', value: (row) => row.text },
  { header: 'majority', value: (row) => (row.flips ? (row.majority.after ? 'gained' : 'lost') : row.majority.after ? 'kept' : 'none') },
  { header: 'winning −/+', value: (row) => `−${row.winningLost} +${row.winningGained}`, align: 'right' },
  { header: 'minimal −/+', value: (row) => `−${row.minimalLost} +${row.minimalGained}`, align: 'right' },
];

interface Section {
  readonly title: string;
  readonly body: string;
}

function headline(analysis: CouncilAnalysis): string {
  const quorum = analysis.quorum.met ? 'met' : 'NOT met';
  return `${analysis.name} (${analysis.council}): ${analysis.members} members, majority ${analysis.majority}, present ${analysis.present}, quorum ${analysis.quorum.needed}: ${quorum}`;
}

function coalitionText(analysis: CouncilAnalysis): string | undefined {
  const check = analysis.coalition;
  if (check === undefined) return undefined;
  const verdict = check.majority ? `majority, margin ${check.margin}` : check.votes >= check.needed ? 'enough votes but no quorum' : `no majority, short by ${-check.margin}`;
  const lines = [`${check.units.join(' + ')}: ${check.votes} of ${check.needed} needed ⇒ ${verdict}`];
  if (check.pivotal.length > 0) lines.push(`pivotal: ${check.pivotal.join(', ')}`);
  if (check.swingMembers > 0) lines.push(`swing: each of its ${check.swingMembers} present members (${check.swingUnits.join(', ')})`);
  if (!check.admissible) lines.push(`breaks the constraints: ${check.violations.join('; ')}`);
  return `${lines.join('\n')}\n`;
}

function more(total: number, shown: number): string {
  return total > shown ? `… and ${total - shown} more (see --format json or --limit)\n` : '';
}

function sections(analysis: CouncilAnalysis, format: Exclude<OutputFormat, 'json'>, limit: number): Section[] {
  const out: Section[] = [{ title: 'Units', body: renderRows(format, UNIT_COLUMNS, unitRows(analysis)) }];
  const coalition = coalitionText(analysis);
  if (coalition !== undefined) out.push({ title: 'Declared coalition', body: coalition });
  const minimal = analysis.winning.minimal;
  const shown = format === 'csv' ? minimal : minimal.slice(0, limit);
  out.push({
    title: `Minimal winning coalitions (${analysis.winning.minimalCountExact ? '' : 'more than '}${analysis.winning.minimalCount}${minimal.length < analysis.winning.minimalCount || !analysis.winning.minimalCountExact ? `, the first ${minimal.length} found listed` : ''}; ${analysis.winning.count} admissible winning in all)`,
    body: minimal.length === 0 ? 'none\n' : renderRows(format, COALITION_COLUMNS, shown) + (format === 'csv' ? '' : more(minimal.length, shown.length)),
  });
  const predictionRows = analysis.predictions.flatMap((prediction): PredictionRow[] => {
    const listed = format === 'csv' ? prediction.coalitions : prediction.coalitions.slice(0, 3);
    return listed.length === 0 ? [{ prediction, coalition: undefined }] : listed.map((coalition) => ({ prediction, coalition }));
  });
  out.push({ title: 'Predictions', body: renderRows(format, PREDICTION_COLUMNS, predictionRows) });
  const hinges = format === 'csv' ? analysis.hinges : analysis.hinges.slice(0, limit);
  out.push({
    title: `Hinge seats (${analysis.hinges.length}; majority flips first)`,
    body: analysis.hinges.length === 0 ? 'none\n' : renderRows(format, HINGE_COLUMNS, hinges) + (format === 'csv' ? '' : more(analysis.hinges.length, hinges.length)),
  });
  out.push({ title: 'Explanation', body: `${analysis.explanation.map((line) => `- ${formatExplanationLine(line)}`).join('\n')}\n` });
  return out;
}

/** The analysis as text in `format`. */
export function renderAnalysis(analysis: CouncilAnalysis, format: Exclude<OutputFormat, 'json'>, limit = DEFAULT_LIMIT, confidence?: string): string {
  const parts = sections(analysis, format, limit);
  // The whole council is analysed, so every seat figure counts: its weakest confidence, in a word.
  if (confidence !== undefined && confidence !== 'documented') {
    const words = `the analysis rests on ${confidence} seat figures (${confidence === 'inferred' ? 'estimates' : 'unresolved in the sources'}; \`govsim councils\` marks them)`;
    const explanation = parts.find((part) => part.title === 'Explanation');
    if (explanation) parts[parts.indexOf(explanation)] = { ...explanation, body: `${explanation.body}- confidence: ${words}\n` };
  }
  const mark = confidence === 'inferred' ? ' ~' : confidence === 'unresolved' ? ' ?' : '';
  switch (format) {
    case 'table':
      return [`${headline(analysis)}${mark}\n`, ...parts.map((part) => `${part.title}\n${part.body}`)].join('\n');
    case 'md':
      return [`# ${headline(analysis)}${confidence !== undefined ? ` (confidence: ${confidence})` : ''}\n`, ...parts.map((part) => `## ${part.title}\n\n${part.body}`)].join('\n');
    case 'csv':
      // One CSV table per section, each introduced by a `# title` line (prose sections as one column).
      return parts
        .map((part) => {
          const body = part.title === 'Explanation' || part.title === 'Declared coalition' ? part.body.split('\n').filter(Boolean).map(csvLine).join('\n') + '\n' : part.body;
          return `# ${part.title}\n${body}`;
        })
        .join('\n');
  }
}

function csvLine(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Registers `govsim analyze`. */
export function registerAnalyze(program: Command): void {
  program
    .command('analyze')
    .description('analyse one council: majority and quorum, coalitions, predictions, hinge seats, power indices, explanation')
    .argument('<council>', 'council id, e.g. najaf (see `govsim councils`)')
    .option('--dataset <name|path>', 'bundled dataset name or a dataset directory', 'iraq-2023')
    .option('--seats <set>', 'seat set: final (default), preliminary, or a named estimate of the dataset')
    .option('--units <mode>', 'voting units: lists or factions', 'lists')
    .option('--coalition <ids>', 'declared coalition to check: unit or bloc ids, comma-separated')
    .option('--absent <unit=k,...>', 'members absent from the sitting (unit alone: all its members)')
    .option('--order <ids>', 'ideological order of unit ids, for minimal connected winning coalitions')
    .option('--limit <n>', 'rows of coalitions and hinges shown in table/md output', String(DEFAULT_LIMIT))
    .option('--format <format>', 'table, json, csv or md', 'table')
    .option('--out <file>', 'write to a file (atomically) instead of stdout')
    .action(async (councilId: string, options: AnalyzeOptions) => {
      const format = parseFormat(options.format);
      if (!(UNIT_MODES as readonly string[]).includes(options.units)) {
        throw new GovsimUsageError(`--units: unknown mode "${options.units}" (expected lists or factions)`);
      }
      const limit = parseLimit(options.limit);
      const { loadDataset, councilsFor, resolvedCouncil, seatSetId, weakestConfidence } = await import('../../dataset/dataset.js');
      const { analyzeCouncil } = await import('../../model/analysis/index.js');
      const dataset = loadDataset(options.dataset);
      const seats = seatSetId(dataset, options.seats);
      const councils = councilsFor(dataset, { seats, units: options.units as (typeof UNIT_MODES)[number] });
      let council = councils.find((c) => c.id === councilId);
      if (council === undefined) throw new GovsimUsageError(`unknown council "${councilId}" (councils: ${councils.map((c) => c.id).join(', ')})`);
      if (options.absent !== undefined) council = applyAbsences(council, options.absent);
      const analysis = analyzeCouncil(council, {
        ...(options.coalition === undefined ? {} : { coalition: parseIdList(options.coalition, '--coalition') }),
        ...(options.order === undefined ? {} : { order: parseIdList(options.order, '--order') }),
      });
      // Faction seats are estimates even where the list's figure is documented.
      const seatConfidence = resolvedCouncil(dataset, councilId, seats).confidence;
      const confidence = options.units === 'factions' ? weakestConfidence([seatConfidence, 'inferred']) : seatConfidence;
      const text =
        format === 'json'
          ? renderJson(analysisJson(analysis, { dataset: dataset.id, seats, units: options.units, confidence }))
          : renderAnalysis(analysis, format, limit, confidence);
      writeOutput(text, options.out);
    });
}
