/**
 * `govsim simulate`: outcome probabilities under the scenario's `probabilities:` block. Exact when the
 * model allows it, seeded Monte Carlo otherwise (or on request). A progress bar goes to stderr on a
 * terminal; Ctrl-C stops the run and prints what was done, marked interrupted (exit 130).
 */
import type { Command } from 'commander';
import { ExitCode, GovsimUsageError } from '../../model/errors.js';
import type { Progress } from '../../model/uncertainty/monte-carlo.js';
import type { CouncilReport, ReportedMean, ReportedProbability, SimulationReport } from '../../scenarios/simulate.js';
import { type Column, parseFormat, renderJson, renderRows, writeOutput } from '../output.js';

export const METHODS = ['auto', 'exact', 'mc', 'both'] as const;
export type Method = (typeof METHODS)[number];

interface SimulateOptions {
  readonly runs?: string;
  readonly seed?: string;
  readonly precision?: string;
  readonly workers?: string;
  readonly method: string;
  readonly council?: string;
  readonly format: string;
  readonly out?: string;
  readonly progress?: boolean;
}

function integer(name: string, text: string, min: number, max: number): number {
  const value = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(value) || value < min || value > max) {
    throw new GovsimUsageError(`--${name} must be an integer from ${min} to ${max}, got "${text}"`);
  }
  return value;
}

function parseMethod(text: string): Method {
  if ((METHODS as readonly string[]).includes(text)) return text as Method;
  throw new GovsimUsageError(`unknown method "${text}" (expected one of: ${METHODS.join(', ')})`);
}

// ---------------------------------------------------------------------------------------------
// Rendering.

const fixed = (value: number, digits = 4): string => (Number.isNaN(value) ? '' : value.toFixed(digits));

/** Probabilities: exact 0 and 1 as such, tiny ones in scientific notation rather than a misleading 0.0000. */
function probabilityText(value: number): string {
  if (value === 0 || value === 1) return String(value);
  return value < 5e-5 ? value.toExponential(1) : value.toFixed(4);
}

function probabilityCell(p: ReportedProbability): string {
  const mc = p.monteCarlo
    ? `${probabilityText(p.monteCarlo.estimate)} [${probabilityText(p.monteCarlo.low)}, ${probabilityText(p.monteCarlo.high)}]`
    : undefined;
  if (p.value !== undefined) return mc ? `${probabilityText(p.value)} (MC ${mc})` : probabilityText(p.value);
  return mc ?? '';
}

function meanCell(m: ReportedMean): string {
  const mc = m.monteCarlo ? `${fixed(m.monteCarlo.mean, 2)} ±${fixed((m.monteCarlo.high - m.monteCarlo.low) / 2, 2)}` : undefined;
  if (m.value !== undefined) return mc ? `${fixed(m.value, 2)} (MC ${mc})` : fixed(m.value, 2);
  return mc ?? '';
}

/** The figure a probability is ranked by: exact when known. */
function rank(p: ReportedProbability): number {
  return p.value ?? p.monteCarlo?.estimate ?? 0;
}

function topPivotal(council: CouncilReport, count = 3): string {
  return Object.entries(council.pivotal)
    .filter(([, p]) => rank(p) > 0)
    .sort((a, b) => rank(b[1]) - rank(a[1]))
    .slice(0, count)
    .map(([unit, p]) => `${unit} ${fixed(rank(p), 2)}`)
    .join(' · ');
}

function councilColumns(bloc: string): Column<CouncilReport>[] {
  return [
    { header: 'council', value: (row) => row.council },
    { header: 'coalition', value: (row) => (row.coalition.length > 0 ? row.coalition.join('+') : '(none)') },
    { header: 'need', value: (row) => row.threshold, align: 'right' },
    { header: 'P(elected)', value: (row) => probabilityCell(row.elected), align: 'right' },
    { header: 'P(rival elected)', value: (row) => (row.rivals.length > 0 ? probabilityCell(row.rivalElected) : '—'), align: 'right' },
    { header: 'P(deadlock)', value: (row) => probabilityCell(row.deadlock), align: 'right' },
    { header: 'P(open)', value: (row) => probabilityCell(row.open), align: 'right' },
    { header: 'P(no quorum)', value: (row) => probabilityCell(row.noQuorum), align: 'right' },
    { header: `P(${bloc} governs)`, value: (row) => probabilityCell(row.blocGoverns), align: 'right' },
    { header: 'E[margin]', value: (row) => meanCell(row.expectedMargin), align: 'right' },
    { header: 'most often pivotal (probability)', value: (row) => topPivotal(row) },
  ];
}

type NationalRow = SimulationReport['national']['atLeast'][number];

function nationalColumns(bloc: string, councils: number): Column<NationalRow>[] {
  return [
    { header: 'k', value: (row) => row.k, align: 'right' },
    { header: `P(${bloc} governs ≥ k of the ${councils} simulated)`, value: (row) => probabilityCell(row), align: 'right' },
  ];
}

/** Fractions can run to hundreds of digits; the table shows their ends, JSON and CSV the whole. */
function shortFraction(text: string, limit = 60): string {
  if (text.length <= limit) return text;
  const [num = '', den = ''] = text.split('/');
  return `${num.slice(0, 12)}…/${den.slice(0, 12)}… (${num.length}/${den.length} digits)`;
}

function headerLines(report: SimulationReport): string[] {
  const lines = [`scenario: ${report.scenario}${report.file ? ` (${report.file})` : ''}`];
  if (report.exact !== null) {
    lines.push(
      'shockCombinations' in report.exact
        ? `exact: dynamic programme over seats${report.exact.shockCombinations > 1 ? `, ${report.exact.shockCombinations} shock combinations` : ''}`
        : `exact: not computed (${report.exact.unavailable})`,
    );
  }
  const mc = report.monteCarlo;
  if (mc !== null) {
    const target = mc.precision !== null ? ` (target ${mc.precision})` : '';
    lines.push(
      `Monte Carlo: seed ${mc.seed}, ${mc.draws.toLocaleString('en-US')} draws in ${mc.blocks} block${mc.blocks === 1 ? '' : 's'} of ${mc.blockSize.toLocaleString('en-US')}, ` +
        `largest 95% half-width ${fixed(mc.halfWidth)}${target}, stop: ${mc.stop}, ${mc.workers} thread${mc.workers === 1 ? '' : 's'}; intervals are Wilson 95%`,
    );
  }
  if (report.interrupted) lines.push(`INTERRUPTED: partial results after ${mc?.draws.toLocaleString('en-US') ?? 0} draws`);
  return lines;
}

interface LongRow {
  readonly council: string;
  readonly measure: string;
  readonly unit: string;
  readonly p: ReportedProbability | ReportedMean;
}

const LONG_COLUMNS: readonly Column<LongRow>[] = [
  { header: 'council', value: (row) => row.council },
  { header: 'measure', value: (row) => row.measure },
  { header: 'unit', value: (row) => row.unit },
  { header: 'exact', value: (row) => row.p.exact },
  { header: 'exact_value', value: (row) => row.p.value },
  { header: 'mc_estimate', value: (row) => (row.p.monteCarlo ? ('mean' in row.p.monteCarlo ? row.p.monteCarlo.mean : row.p.monteCarlo.estimate) : undefined) },
  { header: 'mc_low', value: (row) => row.p.monteCarlo?.low },
  { header: 'mc_high', value: (row) => row.p.monteCarlo?.high },
  { header: 'mc_count', value: (row) => (row.p.monteCarlo && 'count' in row.p.monteCarlo ? row.p.monteCarlo.count : undefined) },
];

function longRows(report: SimulationReport): LongRow[] {
  const rows: LongRow[] = [];
  for (const council of report.councils) {
    rows.push({ council: council.council, measure: 'elected', unit: '', p: council.elected });
    rows.push({ council: council.council, measure: 'rival-elected', unit: '', p: council.rivalElected });
    rows.push({ council: council.council, measure: 'deadlock', unit: '', p: council.deadlock });
    rows.push({ council: council.council, measure: 'open', unit: '', p: council.open });
    rows.push({ council: council.council, measure: 'no-quorum', unit: '', p: council.noQuorum });
    rows.push({ council: council.council, measure: `${report.bloc}-governs`, unit: '', p: council.blocGoverns });
    rows.push({ council: council.council, measure: 'expected-margin', unit: '', p: council.expectedMargin });
    for (const [unit, p] of Object.entries(council.pivotal)) rows.push({ council: council.council, measure: 'pivotal', unit, p });
  }
  for (const row of report.national.atLeast) rows.push({ council: 'national', measure: `${report.bloc}-governs-at-least`, unit: String(row.k), p: row });
  return rows;
}

/** The report in one of the output formats (CSV is long: one row per council, measure and unit). */
export function renderSimulation(report: SimulationReport, format: string): string {
  const chosen = parseFormat(format);
  if (chosen === 'json') return renderJson(report);
  if (chosen === 'csv') return renderRows('csv', LONG_COLUMNS, longRows(report));
  const councils = renderRows(chosen, councilColumns(report.bloc), report.councils);
  const national = renderRows(chosen, nationalColumns(report.bloc, report.councils.length), report.national.atLeast.slice(1));
  const header = headerLines(report);
  const fractions = report.councils
    .filter((council) => council.elected.exact !== undefined)
    .map((council) => `  ${council.council}: P(elected) = ${shortFraction(council.elected.exact!)}`);
  if (chosen === 'md') {
    return `${header.map((line) => `${line}  `).join('\n')}\n\n${councils}\n${national}`;
  }
  return `${header.join('\n')}\n\n${councils}\n${national}${fractions.length > 0 ? `\nexact fractions:\n${fractions.join('\n')}\n` : ''}`;
}

/** One line of the stderr progress bar. */
export function progressLine(progress: Progress, width = 24): string {
  const share = progress.expectedDraws > 0 ? Math.min(1, progress.draws / progress.expectedDraws) : 0;
  const filled = Math.round(share * width);
  return `simulating [${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${Math.floor(share * 100)}% ${progress.draws.toLocaleString('en-US')} draws, ±${fixed(progress.halfWidth)}`;
}

// ---------------------------------------------------------------------------------------------

export function registerSimulate(program: Command): void {
  program
    .command('simulate')
    .description('outcome probabilities under the scenario\'s probabilities: block (exact where possible, else seeded Monte Carlo)')
    .argument('<scenario>', 'scenario file or bundled name')
    .option('-n, --runs <n>', 'Monte Carlo: exactly N scenario draws')
    .option('-s, --seed <s>', 'Monte Carlo: seed, an integer from 0 to 2^53−1 (default 1)')
    .option('-e, --precision <e>', 'Monte Carlo: stop when every 95% interval half-width is below E (default 0.005)')
    .option('-w, --workers <k>', 'Monte Carlo: threads, the main one included (default 1; results do not depend on it)')
    .option('-m, --method <method>', 'auto (exact if possible; also Monte Carlo if a Monte Carlo option is given), exact, mc or both', 'auto')
    .option('-c, --council <ids>', 'councils to simulate, comma-separated, or `all` (default: those the scenario changes or the block names)')
    .option('-f, --format <format>', 'table, json, csv or md', 'table')
    .option('-o, --out <file>', 'write the output to FILE (atomically)')
    .option('--progress', 'show the progress bar on stderr even when it is not a terminal')
    .option('--no-progress', 'no progress bar, even on a terminal')
    .action(async (target: string, options: SimulateOptions) => {
      parseFormat(options.format);
      // About a million draws a second per core: 10^8 draws is minutes; a half-width of 10^-4 needs
      // (1.96 · 0.5 / 10^-4)^2 ≈ 10^8 draws. 1e-300 ran for ever.
      const MAX_RUNS = 100_000_000;
      const MIN_PRECISION = 0.0001;
      const method = parseMethod(options.method);
      const { MAX_SEED } = await import('../../model/random.js');
      const { MAX_WORKERS } = await import('../../scenarios/simulate.js');
      const runs = options.runs !== undefined ? integer('runs', options.runs, 1, MAX_RUNS) : undefined;
      const seed = options.seed !== undefined ? integer('seed', options.seed, 0, MAX_SEED) : undefined;
      const workers = options.workers !== undefined ? integer('workers', options.workers, 1, MAX_WORKERS) : 1;
      let precision: number | undefined;
      if (options.precision !== undefined) {
        precision = Number(options.precision);
        if (!(precision >= MIN_PRECISION && precision <= 0.5)) throw new GovsimUsageError(`--precision must be a number from ${MIN_PRECISION} to 0.5, got "${options.precision}"`);
      }
      if (runs !== undefined && precision !== undefined) throw new GovsimUsageError('give either --runs or --precision, not both');
      const listed = options.council?.split(',').map((id) => id.trim()).filter((id) => id !== '');
      const councils = listed?.length === 1 && listed[0] === 'all' ? 'all' : listed;

      const { loadScenario } = await import('../../scenarios/scenario-loader.js');
      const { simulationModel, exactSimulation, monteCarloSimulation, simulationReport } = await import('../../scenarios/simulate.js');
      const simulation = simulationModel(loadScenario(target), councils ? { councils } : {});

      const mcAsked = [options.runs, options.seed, options.precision, options.workers].some((value) => value !== undefined);
      const exact = method === 'mc' ? null : exactSimulation(simulation.model);
      if (method === 'exact' && exact !== null && 'unavailable' in exact) throw new GovsimUsageError(`exact probabilities are not available: ${exact.unavailable}`);
      const runMonteCarlo = method === 'mc' || method === 'both' || (method === 'auto' && (mcAsked || (exact !== null && 'unavailable' in exact)));

      let monteCarlo = null;
      if (runMonteCarlo) {
        const controller = new AbortController();
        const onInterrupt = (): void => controller.abort();
        process.once('SIGINT', onInterrupt);
        const bar = options.progress ?? process.stderr.isTTY;
        let lastDraw = 0;
        try {
          monteCarlo = await monteCarloSimulation(simulation.model, {
            ...(seed !== undefined ? { seed } : {}),
            ...(runs !== undefined ? { runs } : {}),
            ...(precision !== undefined ? { precision } : {}),
            workers,
            signal: controller.signal,
            ...(bar
              ? {
                  onProgress: (progress: Progress) => {
                    const now = Date.now();
                    if (now - lastDraw < 80) return;
                    lastDraw = now;
                    process.stderr.write(process.stderr.isTTY ? `\r${progressLine(progress)}\u001b[K` : `${progressLine(progress)}\n`);
                  },
                }
              : {}),
          });
        } finally {
          process.removeListener('SIGINT', onInterrupt);
          if (bar && process.stderr.isTTY) process.stderr.write('\r\u001b[K');
        }
      }
      const report = simulationReport(simulation, exact, monteCarlo, workers);
      for (const warning of report.warnings) process.stderr.write(`govsim simulate: warning: ${warning}\n`);
      writeOutput(renderSimulation(report, options.format), options.out);
      if (report.interrupted) process.exitCode = ExitCode.interrupted;
    });
}
