/** `govsim scenarios`: the bundled scenarios with one-line descriptions. */
import type { Command } from 'commander';
import { type Column, parseFormat, renderJson, renderRows, writeOutput } from '../output.js';

interface Entry {
  readonly name: string;
  readonly title: string;
  readonly description: string;
}

const COLUMNS: readonly Column<Entry>[] = [
  { header: 'name', value: (entry) => entry.name },
  { header: 'description', value: (entry) => entry.description },
];

export function registerScenarios(program: Command): void {
  program
    .command('scenarios')
    .description('list the bundled scenarios')
    .option('-f, --format <format>', 'table, json, csv or md', 'table')
    .option('-o, --out <file>', 'write the output to FILE (atomically)')
    .action(async (options: { format: string; out?: string }) => {
      const format = parseFormat(options.format);
      const { bundledScenarioSummaries } = await import('../../scenarios/scenario-loader.js');
      const entries = bundledScenarioSummaries();
      writeOutput(format === 'json' ? renderJson({ schemaVersion: 1, scenarios: entries }) : renderRows(format, COLUMNS, entries), options.out);
    });
}
