/** `govsim run`: run scenario files, directories, globs or bundled names; print per-council results. */
import type { Command } from 'commander';
import { CONFIDENCE_MARK } from '../../scenarios/result-confidence.js';
import type { CouncilResult, ScenarioRun } from '../../scenarios/runner.js';
import type { LoadedScenario } from '../../scenarios/scenario-loader.js';
import { GovsimUsageError } from '../../model/errors.js';
import { didYouMean } from '../../model/suggest.js';
import { councilSources } from '../../dataset/sources.js';
import { type Column, parseFormat, renderRows, writeOutput } from '../output.js';

interface RunOptions {
  readonly format: string;
  readonly out?: string;
  readonly explain?: boolean;
  readonly council?: string;
}

interface Row {
  readonly run: ScenarioRun;
  readonly council: CouncilResult;
}

const COLUMNS: readonly Column<Row>[] = [
  { header: 'scenario', value: (row) => row.run.id },
  { header: 'council', value: (row) => row.council.id },
  { header: 'seats', value: (row) => row.council.seats, align: 'right' },
  { header: 'majority', value: (row) => row.council.majority, align: 'right' },
  { header: 'present', value: (row) => row.council.present, align: 'right' },
  { header: 'group', value: (row) => `${row.council.group}${row.council.groupSource === 'derived' ? ' (derived)' : ` (${row.council.groupSource})`}` },
  { header: 'status', value: (row) => row.council.outcome.status },
  { header: 'governor from', value: (row) => governorText(row.council) },
  { header: 'coalition', value: (row) => row.council.outcome.alignment ?? '' },
  { header: 'votes', value: (row) => (row.council.outcome.via ? row.council.outcome.votes : ''), align: 'right' },
  { header: 'margin', value: (row) => row.council.outcome.margin ?? '', align: 'right' },
  { header: 'pivotal', value: (row) => row.council.pivotal.join(' ') },
  { header: 'hinges', value: (row) => row.council.hinge.length, align: 'right' },
  { header: 'changed by', value: (row) => [...new Set(row.council.changes.map((change) => change.step))].join(', ') },
];

/** The table marks the seats the outcome rests on as `govsim councils` does (`~` inferred, `?` unresolved); CSV and Markdown say it in a word. */
function columnsFor(format: string): readonly Column<Row>[] {
  if (format === 'table') {
    return COLUMNS.map((column) => (column.header === 'seats' ? { ...column, value: (row: Row) => `${row.council.seats}${CONFIDENCE_MARK[row.council.confidence]}` } : column));
  }
  const at = COLUMNS.findIndex((column) => column.header === 'status');
  return [...COLUMNS.slice(0, at + 1), { header: 'confidence', value: (row: Row) => row.council.confidence }, ...COLUMNS.slice(at + 1)];
}

/** The governor's party, marked when it holds no seat in the council (a deal may name one from outside). */
function governorText(council: CouncilResult): string {
  const from = council.outcome.governorFrom;
  if (from === null) return '';
  return council.outcome.governorSeated ? from : `${from} (no seat in this council)`;
}

/** The JSON document of `govsim run` (also used by tests). */
export function runsToJson(runs: readonly ScenarioRun[]): unknown {
  return { schemaVersion: 1, results: runs };
}

export function renderRuns(runs: readonly ScenarioRun[], format: string, explain = false): string {
  const chosen = parseFormat(format);
  // Scenario results hold no bigints, so the native serialiser needs no replacer. One scenario is
  // indented for reading; a batch is compact (a 1,000-file run would otherwise print twice the bytes).
  if (chosen === 'json') return `${JSON.stringify(runsToJson(runs), null, runs.length === 1 ? 2 : undefined)}\n`;
  const rows = runs.flatMap((run) => run.councils.map((council) => ({ run, council })));
  const all = columnsFor(chosen);
  const columns = runs.length === 1 && chosen === 'table' ? all.slice(1) : all;
  let text = renderRows(chosen, columns, rows);
  if (chosen === 'table') {
    const notes = runs.map((run) => {
      const { byStatus, groups } = run.national;
      return `${run.scenario}: ${byStatus.elected} elected, ${byStatus.deadlock} deadlock, ${byStatus['no-quorum']} no quorum, ${byStatus.open} open; groups A ${groups.A} · B ${groups.B} · C ${groups.C} (derived unless set by a step); ~ outcome rests on inferred seats, ? on unresolved ones`;
    });
    text += `\n${notes.join('\n')}\n`;
    if (explain) {
      for (const run of runs) {
        for (const council of run.councils) {
          text += `\n${run.scenario} · ${council.id} (${council.name})\n`;
          for (const line of council.explanation) text += `  ${line.rule ? `[${line.rule}] ` : ''}${line.text}\n`;
          if (council.hinge.length > 0) text += `  hinge seats:\n${council.hinge.map((hinge) => `    ${hinge}`).join('\n')}\n`;
        }
      }
    }
  }
  return text;
}

/**
 * A batch's JSON, byte for byte what `renderRuns` prints, as one string per scenario. Each run is
 * serialised as soon as it is computed, so a 1,000-file batch never holds 15,000 council results at
 * once: they die young, which is what the garbage collector is fast at.
 */
export function batchJsonChunks(scenarios: readonly LoadedScenario[], run: (scenario: LoadedScenario) => ScenarioRun): string[] {
  const chunks = ['{"schemaVersion":1,"results":['];
  scenarios.forEach((scenario, i) => chunks.push((i === 0 ? '' : ',') + runJson(run(scenario))));
  chunks.push(']}\n');
  return chunks;
}

/**
 * Councils that no step touched share one frozen result object across the scenarios on a base (see
 * the runner), so their JSON is made once and reused.
 */
const sharedCouncilJson = new WeakMap<CouncilResult, string>();

function councilJson(council: CouncilResult): string {
  if (!Object.isFrozen(council)) return JSON.stringify(council);
  let text = sharedCouncilJson.get(council);
  if (text === undefined) sharedCouncilJson.set(council, (text = JSON.stringify(council)));
  return text;
}

/** `JSON.stringify(run)`, with each council's JSON from `councilJson`. */
export function runJson(run: ScenarioRun): string {
  const fields: string[] = [];
  for (const [key, value] of Object.entries(run)) {
    if (value === undefined) continue;
    const text = key === 'councils' ? `[${run.councils.map(councilJson).join(',')}]` : JSON.stringify(value);
    fields.push(`${JSON.stringify(key)}:${text}`);
  }
  return `{${fields.join(',')}}`;
}

/** `--council najaf,maysan` as a set of ids; an unknown id is a usage error with a suggestion. */
function councilFilter(text: string | undefined, known: readonly string[]): ReadonlySet<string> | undefined {
  if (text === undefined) return undefined;
  const ids = text.split(',').map((id) => id.trim()).filter((id) => id !== '');
  for (const id of ids) {
    if (!known.includes(id)) throw new GovsimUsageError(`--council: unknown council "${id}"${didYouMean(id, known)} (known: ${known.join(', ')})`);
  }
  return new Set(ids);
}

const sourceIdCache = new WeakMap<object, Map<string, Readonly<Record<string, readonly string[]>>>>();

/** The run with `councilSources`: council id → the source ids of its figures at the run's seat set. */
function withSourceIds(run: ScenarioRun, scenario: LoadedScenario): ScenarioRun {
  let bySeats = sourceIdCache.get(scenario.dataset);
  if (!bySeats) sourceIdCache.set(scenario.dataset, (bySeats = new Map<string, Readonly<Record<string, readonly string[]>>>()));
  let ids = bySeats.get(run.seats);
  if (!ids) {
    ids = Object.fromEntries(scenario.dataset.data.councils.map((council) => [council.id, councilSources(scenario.dataset, council.id, run.seats).sources.map((source) => source.id)]));
    bySeats.set(run.seats, ids);
  }
  const all = ids;
  return { ...run, councilSources: Object.fromEntries(run.councils.map((council) => [council.id, all[council.id] ?? []])) } as ScenarioRun;
}

function onlyCouncils(run: ScenarioRun, wanted: ReadonlySet<string>): ScenarioRun {
  return { ...run, councils: run.councils.filter((council) => wanted.has(council.id)) };
}

export function registerRun(program: Command): void {
  program
    .command('run')
    .description('run scenarios (files, directories, globs or bundled names) and print each council\'s outcome')
    .argument('<inputs...>', 'scenario files, directories, globs or bundled scenario names')
    .option('-f, --format <format>', 'table, json (indented for one scenario, compact for several), csv or md', 'table')
    .option('-o, --out <file>', 'write the output to FILE (atomically; nothing is written if any input is invalid)')
    .option('--explain', 'table format: print each council\'s explanation trace and hinge seats')
    .option('-c, --council <ids>', 'only these councils, comma-separated (e.g. najaf,maysan)')
    .action(async (inputs: string[], options: RunOptions) => {
      const format = parseFormat(options.format);
      const [{ loadScenarios }, { runScenario }] = await Promise.all([import('../../scenarios/batch.js'), import('../../scenarios/runner.js')]);
      const scenarios = loadScenarios(inputs);
      const wanted = councilFilter(options.council, scenarios[0]?.state.councilOrder ?? []);
      const filtered = wanted === undefined ? runScenario : (scenario: (typeof scenarios)[number]): ScenarioRun => onlyCouncils(runScenario(scenario), wanted);
      // JSON carries, per council, the ids of the sources its seat figures rest on (`govsim sources <council>` resolves them).
      const run = format === 'json' ? (scenario: (typeof scenarios)[number]): ScenarioRun => withSourceIds(filtered(scenario), scenario) : filtered;
      if (format === 'json' && scenarios.length > 1) writeOutput(batchJsonChunks(scenarios, run), options.out);
      else writeOutput(renderRuns(scenarios.map(run), options.format, options.explain ?? false), options.out);
    });
}
