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
  // A step both runs share but that reads differently (its seat sums moved) is one line, not a cause and a revert.
  const same = (old: { step: string; kind: string }, now: { step: string; kind: string }): boolean => stepOf(diff.from, old.step) === stepOf(diff.to, now.step) && old.kind === now.kind;
  return [
    ...council.causes.map((change) => {
      const was = council.reverted.find((old) => same(old, change));
      return `${stepOf(diff.to, change.step)} ${change.kind}: ${change.text}${was ? ` (was: ${was.text})` : ''}${change.source ? ` (source: ${change.source})` : ''}`;
    }),
    ...council.reverted.filter((old) => !council.causes.some((change) => same(old, change))).map((change) => `without ${stepOf(diff.from, change.step)} ${change.kind}: ${change.text}`),
    ...(council.seatSet !== undefined ? [council.seatSet] : []),
  ];
}

/** Every change of a council as field/before/after: the outcome fields, then each unit's seats, attendance and alignment. */
function fieldRows(council: ScenarioDiff['councils'][number]): { field: string; before: string; after: string }[] {
  const rows: { field: string; before: string; after: string }[] = council.changes.map((change) => ({ field: change.field, before: change.before, after: change.after }));
  for (const alignment of council.alignments) rows.push({ field: `seats ${alignment.label}`, before: alignment.before, after: alignment.after });
  for (const unit of council.units) {
    if (unit.seats) rows.push({ field: `seats ${unit.unit}`, ...unit.seats });
    if (unit.present) rows.push({ field: `present ${unit.unit}`, ...unit.present });
    if (unit.alignment) rows.push({ field: `alignment ${unit.unit}`, ...unit.alignment });
  }
  return rows;
}

function nationalCause(diff: ScenarioDiff): string {
  return diff.national.seatSets ? `seat set ${diff.national.seatSets.before} → ${diff.national.seatSets.after}` : 'steps (see the councils)';
}

export function renderDiff(diff: ScenarioDiff, format: string): string {
  const chosen = parseFormat(format);
  if (chosen === 'json') return renderJson({ schemaVersion: 1, ...diff });
  if (chosen === 'table') return renderDiffTable(diff);
  return renderRows(chosen, COLUMNS, diffRows(diff));
}

function diffRows(diff: ScenarioDiff): Row[] {
  const rows: Row[] = [];
  for (const council of diff.councils) {
    const causes = causesOf(diff, council).join('; ');
    for (const change of fieldRows(council)) rows.push({ council: council.id, ...change, cause: causes });
    if (council.confidence.before !== council.confidence.after) rows.push({ council: council.id, field: 'confidence', before: council.confidence.before, after: council.confidence.after, cause: causes });
  }
  for (const change of diff.national.changes) rows.push({ council: 'national', field: `seats ${change.label}`, before: String(change.before), after: String(change.after), cause: nationalCause(diff) });
  return rows;
}

function renderDiffTable(diff: ScenarioDiff): string {
  // One block per council: the causes are sentences, too long for a column.
  const lines = [`${diff.to} against ${diff.from}: ${diff.councils.length} council${diff.councils.length === 1 ? '' : 's'} changed, ${diff.unchanged.length} unchanged`];
  for (const council of diff.councils) {
    const { before, after } = council.confidence;
    const basis = before === 'documented' && after === 'documented' ? '' : before === after ? ` — rests on ${after} seats` : ` — rests on ${before} → ${after} seats`;
    lines.push('', `${council.id} (${council.name})${basis}`);
    const rows = fieldRows(council);
    const width = Math.max(...rows.map((row) => row.field.length));
    for (const row of rows) lines.push(`  ${row.field.padEnd(width)}  ${row.before} → ${row.after}`);
    const causes = causesOf(diff, council);
    lines.push(...(causes.length > 0 ? causes.map((cause, i) => `  ${i === 0 ? 'caused by' : '         '} ${cause}`) : ['  caused by: (no step touched this council; its outcome follows from changes elsewhere)']));
  }
  if (diff.national.changes.length > 0) {
    lines.push('', 'national seats');
    const width = Math.max(...diff.national.changes.map((change) => change.label.length));
    for (const change of diff.national.changes) lines.push(`  ${change.label.padEnd(width)}  ${change.before} → ${change.after}`);
    lines.push(`  caused by ${nationalCause(diff)}`);
  }
  return `${lines.join('\n')}\n`;
}

export function registerDiff(program: Command): void {
  program
    .command('diff')
    .description('compare scenarios with a baseline: per-council seats, attendance, alignments and outcomes, nationally too, with the steps or seat sets that caused them')
    .argument('<scenarios...>', 'scenario files, directories, globs or bundled names (each is compared with the baseline)')
    .option('-a, --against <scenario>', 'the scenario to compare with (file or bundled name)', 'baseline')
    .option('-s, --side-by-side', 'the two in two columns, council by council and seat by seat')
    .option('--seats <set>', 'compare the scenario with itself at another seat set (implies --side-by-side)')
    .option('--all', 'side by side: every council, not only those that differ')
    .option('--width <columns>', 'side by side: the width to fit (default: the terminal\'s, else 120)')
    .option('-f, --format <format>', 'table, json, csv or md', 'table')
    .option('-o, --out <file>', 'write the output to FILE (atomically)')
    .action(async (targets: string[], options: DiffOptions) => {
      const chosen = parseFormat(options.format);
      const format = chosen;
      const { loadScenario } = await import('../../scenarios/scenario-loader.js');
      if (options.sideBySide || options.seats !== undefined) {
        if (targets.length !== 1) throw new GovsimUsageError(`--side-by-side and --seats compare one scenario, got ${targets.length}`);
        const scenario = loadScenario(targets[0]!);
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
      const { loadScenarios } = await import('../../scenarios/batch.js');
      const { diffScenarios } = await import('../../scenarios/diff.js');
      const scenarios = loadScenarios(targets);
      const base = loadScenario(options.against);
      const diffs = scenarios.map((scenario) => diffScenarios(base, scenario));
      let text: string;
      if (diffs.length === 1) text = renderDiff(diffs[0]!, options.format);
      else if (chosen === 'json') text = renderJson({ schemaVersion: 1, diffs });
      else if (chosen === 'table') text = diffs.map((diff) => renderDiffTable(diff)).join('\n');
      else text = renderRows(chosen, [{ header: 'scenario', value: (row: Row & { scenario: string }) => row.scenario }, ...COLUMNS], diffs.flatMap((diff) => diffRows(diff).map((row) => ({ ...row, scenario: diff.to }))));
      writeOutput(text, options.out);
    });
}
