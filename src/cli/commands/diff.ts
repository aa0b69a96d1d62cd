/** `govsim diff`: what a scenario changes against a baseline, council by council, with the causing steps. */
import type { Command } from 'commander';
import type { ScenarioDiff } from '../../scenarios/diff.js';
import type { ScenarioRun } from '../../scenarios/runner.js';
import { GovsimUsageError } from '../../model/errors.js';
import { type Column, parseFormat, renderJson, renderRows, terminalWidth, writeOutput } from '../output.js';
import { renderSideBySide } from '../../explorer/side-by-side-lines.js';

interface DiffOptions {
  readonly against: string;
  readonly sideBySide?: boolean;
  readonly seats?: string;
  readonly all?: boolean;
  readonly width?: string;
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
    .option('-s, --side-by-side', 'the two in two columns, council by council and seat by seat')
    .option('--seats <set>', 'compare the scenario with itself at another seat set (implies --side-by-side)')
    .option('--all', 'side by side: every council, not only those that differ')
    .option('--width <columns>', 'side by side: the width to fit (default: the terminal\'s, else 120)')
    .option('-f, --format <format>', 'table, json, csv or md', 'table')
    .option('-o, --out <file>', 'write the output to FILE (atomically)')
    .action(async (target: string, options: DiffOptions) => {
      const format = parseFormat(options.format);
      const { loadScenario } = await import('../../scenarios/scenario-loader.js');
      const scenario = loadScenario(target);
      if (options.sideBySide || options.seats !== undefined) {
        const { runScenario } = await import('../../scenarios/runner.js');
        const { sideBySide } = await import('../../scenarios/side-by-side.js');
        const right = runScenario(scenario);
        let left: ScenarioRun;
        let labels: { left?: string; right?: string } = {};
        if (options.seats !== undefined) {
          const { sessionFrom, switchSeats } = await import('../../explorer/session.js');
          const switched = switchSeats(sessionFrom(scenario, { kind: 'dataset' }), options.seats);
          if (!switched.ok) throw new GovsimUsageError(switched.message);
          left = switched.session.run;
          labels = { left: `${right.id} at seat set ${options.seats}`, right: `${right.id} at seat set ${right.seats}` };
        } else {
          left = runScenario(loadScenario(options.against));
        }
        const view = sideBySide(left, right, labels);
        if (format === 'json') {
          writeOutput(renderJson({ schemaVersion: 1, ...view }), options.out);
          return;
        }
        const width = options.width !== undefined ? Number(options.width) : (terminalWidth() ?? 120);
        if (!Number.isInteger(width) || width < 60) throw new GovsimUsageError(`--width must be an integer of at least 60, got "${options.width}"`);
        writeOutput(renderSideBySide(view, { width, ...(options.all ? { all: true } : {}) }), options.out);
        return;
      }
      const { diffScenarios } = await import('../../scenarios/diff.js');
      const base = loadScenario(options.against);
      writeOutput(renderDiff(diffScenarios(base, scenario), options.format), options.out);
    });
}
