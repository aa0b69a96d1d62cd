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

/** `step 2` of scenario x reads `x step 2`; inherited labels (`baseline step 1`) already name theirs. */
function stepOf(scenario: string, label: string): string {
  return label.startsWith('step ') ? `${scenario} ${label}` : label;
}

function causesOf(diff: ScenarioDiff, council: ScenarioDiff['councils'][number]): string[] {
  return [
    ...council.causes.map((change) => `${stepOf(diff.to, change.step)} ${change.kind}: ${change.text}${change.source ? ` (source: ${change.source})` : ''}`),
    ...council.reverted.map((change) => `without ${stepOf(diff.from, change.step)} ${change.kind}: ${change.text}`),
  ];
}

export function renderDiff(diff: ScenarioDiff, format: string): string {
  const chosen = parseFormat(format);
  if (chosen === 'json') return renderJson({ schemaVersion: 1, ...diff });
  if (chosen === 'table') {
    // One block per council: the causes are sentences, too long for a column.
    const lines = [`${diff.to} against ${diff.from}: ${diff.councils.length} council${diff.councils.length === 1 ? '' : 's'} changed, ${diff.unchanged.length} unchanged`];
    for (const council of diff.councils) {
      lines.push('', `${council.id} (${council.name})`);
      const width = Math.max(...council.changes.map((change) => change.field.length));
      for (const change of council.changes) lines.push(`  ${change.field.padEnd(width)}  ${change.before} → ${change.after}`);
      const causes = causesOf(diff, council);
      lines.push(...(causes.length > 0 ? causes.map((cause, i) => `  ${i === 0 ? 'caused by' : '         '} ${cause}`) : ['  caused by: (no step touched this council; its outcome follows from changes elsewhere)']));
    }
    return `${lines.join('\n')}\n`;
  }
  const rows: Row[] = [];
  for (const council of diff.councils) {
    const causes = causesOf(diff, council).join('; ');
    council.changes.forEach((change) => {
      rows.push({ council: council.id, field: change.field, before: change.before, after: change.after, cause: causes });
    });
  }
  return renderRows(chosen, COLUMNS, rows);
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
