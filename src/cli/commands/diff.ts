/** `govsim diff`: what a scenario changes against a baseline, council by council, with the causing steps. */
import type { Command } from 'commander';
import type { ScenarioDiff } from '../../scenarios/diff.js';
import { type Column, parseFormat, renderJson, renderRows, writeOutput } from '../output.js';

interface DiffOptions {
  readonly against: string;
  readonly format: string;
  readonly out?: string;
}

interface Row {
  readonly council: string;
  readonly field: string;
  readonly before: string;
  readonly after: string;
  readonly cause: string;
}

const COLUMNS: readonly Column<Row>[] = [
  { header: 'council', value: (row) => row.council },
  { header: 'field', value: (row) => row.field },
  { header: 'before', value: (row) => row.before },
  { header: 'after', value: (row) => row.after },
  { header: 'caused by', value: (row) => row.cause },
];

export function renderDiff(diff: ScenarioDiff, format: string): string {
  const chosen = parseFormat(format);
  if (chosen === 'json') return renderJson({ schemaVersion: 1, ...diff });
  const rows: Row[] = [];
  for (const council of diff.councils) {
    const causes = [
      ...council.causes.map((change) => `${change.step} ${change.kind}: ${change.text}${change.source ? ` (source: ${change.source})` : ''}`),
      ...council.reverted.map((change) => `without ${change.step} ${change.kind}: ${change.text}`),
    ];
    council.changes.forEach((change, i) => {
      rows.push({ council: i === 0 ? council.id : '', field: change.field, before: change.before, after: change.after, cause: i === 0 ? causes.join('; ') : '' });
    });
  }
  if (chosen !== 'table') return renderRows(chosen, COLUMNS, rows);
  const header = `${diff.to} against ${diff.from}: ${diff.councils.length} council${diff.councils.length === 1 ? '' : 's'} changed, ${diff.unchanged.length} unchanged\n`;
  return rows.length > 0 ? `${header}\n${renderRows('table', COLUMNS, rows)}` : header;
}

export function registerDiff(program: Command): void {
  program
    .command('diff')
    .description('compare a scenario with a baseline: per-council changes and the steps that caused them')
    .argument('<scenario>', 'scenario file or bundled name')
    .option('-a, --against <scenario>', 'the scenario to compare with (file or bundled name)', 'baseline')
    .option('-f, --format <format>', 'table, json, csv or md', 'table')
    .option('-o, --out <file>', 'write the output to FILE (atomically)')
    .action(async (target: string, options: DiffOptions) => {
      parseFormat(options.format);
      const { loadScenario } = await import('../../scenarios/scenario-loader.js');
      const { diffScenarios } = await import('../../scenarios/diff.js');
      const scenario = loadScenario(target);
      const base = loadScenario(options.against);
      writeOutput(renderDiff(diffScenarios(base, scenario), options.format), options.out);
    });
}
