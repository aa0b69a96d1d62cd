/**
 * `govsim sources [council]`: where the figures come from. Without a council, the dataset's sources
 * table; with one, each of its figures (seats, lists, factions, quota seats, seat-set overrides, blocs)
 * with its confidence and source ids, then those sources in full.
 */
import type { Command } from 'commander';
import { GovsimUsageError } from '../../model/errors.js';
import { loadDataset, seatSetId } from '../../dataset/dataset.js';
import type { Source } from '../../dataset/dataset-schema.js';
import { type CouncilSources, type SourcedFigure, councilSources, sourceLine } from '../../dataset/sources.js';
import { type Column, parseFormat, renderJson, renderRows, writeOutput } from '../output.js';
import { didYouMean } from '../../model/suggest.js';

interface SourcesOptions {
  readonly dataset?: string;
  readonly seats?: string;
  readonly format: string;
  readonly out?: string;
}

const FIGURE_COLUMNS: readonly Column<SourcedFigure>[] = [
  { header: 'figure', value: (row) => row.subject },
  { header: 'value', value: (row) => row.value },
  { header: 'confidence', value: (row) => `${row.confidence}${row.method ? ` (${row.method})` : ''}` },
  { header: 'sources', value: (row) => row.sources.join(', ') },
];

const SOURCE_COLUMNS: readonly Column<Source>[] = [
  { header: 'id', value: (row) => row.id },
  { header: 'publisher', value: (row) => row.publisher },
  { header: 'date', value: (row) => (row.date !== undefined ? String(row.date) : '') },
  { header: 'reliability', value: (row) => row.reliability },
  { header: 'url', value: (row) => row.url ?? row.note },
];

export function renderCouncilSources(report: CouncilSources, format: string): string {
  const chosen = parseFormat(format);
  if (chosen === 'json') return renderJson(report);
  if (chosen === 'csv') return renderRows('csv', FIGURE_COLUMNS, report.figures);
  const notes = report.figures.filter((figure) => figure.note !== undefined).map((figure) => `  ${figure.subject}: ${figure.note}`);
  return [
    `${report.name} (${report.council}): every figure, its confidence and its sources`,
    '',
    renderRows(chosen, FIGURE_COLUMNS, report.figures),
    ...(notes.length > 0 ? ['notes:', ...notes, ''] : []),
    'sources:',
    ...report.sources.map((source) => `  ${sourceLine(source)}`),
    '',
  ].join('\n');
}

export function registerSources(program: Command): void {
  program
    .command('sources')
    .description('where the figures come from: the sources table, or one council\'s figures with confidence and sources')
    .argument('[council]', 'a council id (e.g. najaf); without it, every source of the dataset')
    .option('--dataset <name|dir>', 'dataset (default: the bundled iraq-2023)')
    .option('--seats <set>', 'seat set whose overrides to include (default: the dataset\'s first)')
    .option('-f, --format <format>', 'table, json, csv or md', 'table')
    .option('-o, --out <file>', 'write the output to FILE (atomically)')
    .action((council: string | undefined, options: SourcesOptions) => {
      parseFormat(options.format);
      const dataset = loadDataset(options.dataset);
      const seats = seatSetId(dataset, options.seats);
      if (council === undefined) {
        const chosen = parseFormat(options.format);
        writeOutput(chosen === 'json' ? renderJson(dataset.data.sources) : renderRows(chosen, SOURCE_COLUMNS, dataset.data.sources), options.out);
        return;
      }
      const known = dataset.data.councils.map((entry) => entry.id);
      if (!known.includes(council)) throw new GovsimUsageError(`unknown council "${council}"${didYouMean(council, known)} (known: ${known.join(', ')})`);
      writeOutput(renderCouncilSources(councilSources(dataset, council, seats), options.format), options.out);
    });
}
