/**
 * `govsim paths <scenario>`: what would it take. Per council, the minimal ways for a party, bloc or
 * deal to reach the threshold and the breaking points of who governs; with `--national`, the
 * minimal packages of partners giving it k governorships, for every k; with `--package`, what one
 * package wins, loses and leaves open.
 */
import type { Command } from 'commander';
import { GovsimUsageError } from '../../model/errors.js';
import type { BreakingPoint, CouncilPath, FrontierLevel, PackageFrontier, PackageOutcome } from '../../model/paths/index.js';
import { pathSummary, type ScenarioPaths } from '../../scenarios/paths.js';
import { type Column, type OutputFormat, parseFormat, renderJson, renderRows, writeOutput } from '../output.js';

interface PathsOptions {
  readonly council?: string;
  readonly for?: string;
  readonly national?: boolean;
  readonly package?: string;
  readonly candidates?: string;
  readonly maxPartners?: string;
  readonly atLeast?: string;
  readonly limit: string;
  readonly format: string;
  readonly out?: string;
}

const CONFIDENCE_MARK = { documented: '', inferred: '~', unresolved: '?' } as const;

function idList(text: string, flag: string): string[] {
  const ids = text.split(',').map((id) => id.trim());
  if (ids.some((id) => id === '')) throw new GovsimUsageError(`${flag}: empty id in "${text}"`);
  return ids;
}

function count(text: string, flag: string, min: number): number {
  if (!/^\d+$/.test(text.trim()) || Number(text) < min) throw new GovsimUsageError(`${flag}: "${text}" is not an integer ≥ ${min}`);
  return Number(text);
}

const PATH_COLUMNS: readonly Column<CouncilPath>[] = [
  { header: 'council', value: (row) => row.council },
  { header: 'for', value: (row) => row.for },
  { header: 'path', value: pathSummary },
  { header: 'seats added', value: (row) => row.seatsAdded, align: 'right' },
  { header: 'votes', value: (row) => row.votes, align: 'right' },
  { header: 'needed', value: (row) => row.threshold, align: 'right' },
  { header: 'margin', value: (row) => row.margin, align: 'right' },
  { header: 'confidence', value: (row) => row.confidence },
  { header: 'arithmetic', value: (row) => row.arithmetic },
];

const BREAKING_COLUMNS: readonly Column<BreakingPoint>[] = [
  { header: 'council', value: (row) => row.council },
  { header: 'governing', value: (row) => row.alignment },
  { header: 'kind', value: (row) => row.kind },
  { header: 'units', value: (row) => row.units.join(' + ') },
  { header: 'seats', value: (row) => row.seats, align: 'right' },
  { header: 'confidence', value: (row) => row.confidence },
  { header: 'arithmetic', value: (row) => row.arithmetic },
];

interface LevelRow {
  readonly level: FrontierLevel;
  readonly rank: number;
}

const FRONTIER_COLUMNS: readonly Column<LevelRow>[] = [
  { header: 'at least', value: (row) => row.level.k, align: 'right' },
  { header: 'minimal packages', value: (row) => row.level.count, align: 'right' },
  { header: 'rank', value: (row) => (row.level.packages.length > 0 ? row.rank + 1 : ''), align: 'right' },
  { header: 'partners', value: (row) => packageText(row.level.packages[row.rank]?.partners) },
  { header: 'seats added', value: (row) => row.level.packages[row.rank]?.seatsAdded ?? '', align: 'right' },
  { header: 'wins', value: (row) => row.level.packages[row.rank]?.wins ?? '', align: 'right' },
  { header: 'councils', value: (row) => row.level.packages[row.rank]?.councils.join(' ') ?? '' },
  { header: 'confidence', value: (row) => row.level.packages[row.rank]?.confidence ?? '' },
];

function packageText(partners: readonly string[] | undefined): string {
  if (partners === undefined) return 'none';
  return partners.length === 0 ? '(alone)' : partners.join(' + ');
}

type OutcomeRow = PackageOutcome['councils'][number];
const OUTCOME_COLUMNS: readonly Column<OutcomeRow>[] = [
  { header: 'council', value: (row) => row.council },
  { header: 'status', value: (row) => row.status },
  { header: 'votes', value: (row) => row.votes, align: 'right' },
  { header: 'needed', value: (row) => row.threshold, align: 'right' },
  { header: 'confidence', value: (row) => `${row.confidence}${CONFIDENCE_MARK[row.confidence]}` },
  { header: 'arithmetic', value: (row) => row.arithmetic },
];

interface Section {
  readonly title: string;
  readonly body: string;
}

function render(format: Exclude<OutputFormat, 'json'>, sections: readonly Section[]): string {
  if (format === 'csv') return sections.map((section) => `# ${section.title}\n${section.body}`).join('\n');
  if (format === 'md') return sections.map((section) => `### ${section.title}\n\n${section.body}`).join('\n');
  return sections.map((section) => `${section.title}\n${section.body}`).join('\n');
}

function councilSections(result: ScenarioPaths, format: Exclude<OutputFormat, 'json'>): Section[] {
  const notes = result.councils
    .map((council) => {
      if (council.blocked !== undefined) return `${council.council}: ${result.for} cannot govern here: ${council.blocked}`;
      if (council.deficit <= 0) return `${council.council}: ${result.for} already has ${council.votes} ≥ ${council.threshold}`;
      const more = council.complete ? '' : ` (${council.paths.filter((path) => path.kind === 'partners').length} of ${council.partnerSets}${council.partnerCountIsExact ? '' : ' at most'} minimal partner sets listed)`;
      const quorum = council.quorumShort > 0 ? `; ${council.quorumShort} more members must attend for the quorum` : '';
      return council.paths.length === 0 ? `${council.council}: no path reaches ${council.threshold}` : more || quorum ? `${council.council}:${more}${quorum}` : '';
    })
    .filter(Boolean);
  const points = result.breaking.flatMap((entry) => entry.points);
  return [
    { title: `Paths to a majority for ${result.for} (ranked: seats added, then parties)`, body: (result.paths.length > 0 ? renderRows(format, PATH_COLUMNS, result.paths) : 'none\n') + (notes.length > 0 && format !== 'csv' ? `\n${notes.join('\n')}\n` : '') },
    { title: 'Breaking points of the governing alignments', body: points.length > 0 ? renderRows(format, BREAKING_COLUMNS, points) : 'none\n' },
  ];
}

function frontierSection(frontier: PackageFrontier, format: Exclude<OutputFormat, 'json'>, limit: number): Section {
  const rows: LevelRow[] = frontier.levels.flatMap((level) =>
    level.packages.length === 0 ? [{ level, rank: 0 }] : level.packages.slice(0, format === 'csv' ? level.packages.length : Math.min(limit, 3)).map((_, rank) => ({ level, rank })),
  );
  return {
    title: `Minimal packages for ${frontier.target} over ${frontier.candidates.length} candidate partners (${frontier.candidates.join(', ')}); alone it wins ${frontier.alone}, at most ${frontier.best}`,
    body: renderRows(format, FRONTIER_COLUMNS, rows),
  };
}

function outcomeSections(outcome: PackageOutcome, format: Exclude<OutputFormat, 'json'>): Section[] {
  const costliest = outcome.defections[0];
  return [
    {
      title: `Package ${packageText(outcome.partners)} for ${outcome.target}: ${outcome.won} won, ${outcome.lost} lost, ${outcome.open} open`,
      body: renderRows(format, OUTCOME_COLUMNS, outcome.councils) +
        (costliest && format !== 'csv' ? `\ncostliest defection: ${costliest.partner} (${costliest.costs} governorship${costliest.costs === 1 ? '' : 's'}: ${costliest.councils.join(', ') || 'none'})\n` : ''),
    },
  ];
}

export function registerPaths(program: Command): void {
  program
    .command('paths')
    .description('what would it take: minimal partner sets, members to win, breaking points; --national: packages of governorships')
    .argument('<scenario>', 'scenario file or bundled scenario name')
    .option('--council <ids>', 'only these councils (comma-separated)')
    .option('--for <id>', 'party, bloc or deal the paths are for (default: the dataset\'s focus bloc)')
    .option('--national', 'the minimal packages giving it k governorships, for every k')
    .option('--package <ids>', 'what this package of partners wins, loses and leaves open (comma-separated)')
    .option('--candidates <ids>', '--national: candidate partners (default: every party with seats in two councils or more)')
    .option('--max-partners <n>', '--national: packages of at most n partners')
    .option('--at-least <k>', '--national: only the packages giving at least k governorships, and what the best one wins, loses and leaves open')
    .option('--limit <n>', 'paths per kind and council, packages per level', '10')
    .option('-f, --format <format>', 'table, json, csv or md (markdown)', 'table')
    .option('-o, --out <file>', 'write the output to FILE (atomically)')
    .action(async (ref: string, options: PathsOptions) => {
      const format = parseFormat(options.format === 'markdown' ? 'md' : options.format);
      const limit = count(options.limit, '--limit', 1);
      // Paths are listed best first; past a thousand per kind they are a listing, not an answer.
      if (limit > 1000) throw new GovsimUsageError(`--limit: at most 1000 (got ${limit})`);
      const [{ loadScenario }, { runScenario }, paths] = await Promise.all([
        import('../../scenarios/scenario-loader.js'),
        import('../../scenarios/runner.js'),
        import('../../scenarios/paths.js'),
      ]);
      const scenario = loadScenario(ref);
      const run = runScenario(scenario);
      const national = {
        ...(options.for !== undefined ? { for: options.for } : {}),
        ...(options.candidates !== undefined ? { candidates: idList(options.candidates, '--candidates') } : {}),
        ...(options.maxPartners !== undefined ? { maxPartners: count(options.maxPartners, '--max-partners', 0) } : {}),
        limit,
      };
      const result = paths.scenarioPaths(
        scenario,
        { ...(options.for !== undefined ? { for: options.for } : {}), ...(options.council !== undefined ? { councils: idList(options.council, '--council') } : {}), limit },
        run,
      );
      const atLeast = options.atLeast !== undefined ? count(options.atLeast, '--at-least', 1) : undefined;
      const wantsFrontier = options.national === true || atLeast !== undefined;
      const full = wantsFrontier ? paths.scenarioPackages(scenario, national, run) : undefined;
      if (full && atLeast !== undefined && atLeast > full.levels.length) throw new GovsimUsageError(`--at-least: ${atLeast} is more than the ${full.levels.length} councils`);
      const frontier = full && atLeast !== undefined ? { ...full, levels: full.levels.filter((level) => level.k === atLeast) } : full;
      const chosen = options.package !== undefined ? idList(options.package, '--package') : atLeast !== undefined ? frontier?.levels[0]?.packages[0]?.partners : undefined;
      const outcome = chosen !== undefined ? paths.scenarioPackage(scenario, chosen, national, run) : undefined;
      if (format === 'json') {
        writeOutput(
          renderJson({
            schemaVersion: 1,
            scenario: result.scenario,
            for: result.for,
            paths: result.paths.map((path) => ({ ...path, steps: paths.pathSteps(scenario, path) })),
            breaking: result.breaking.flatMap((entry) => entry.points),
            councils: result.councils.map(({ paths: _paths, ...rest }) => rest),
            ...(frontier ? { national: frontier } : {}),
            ...(outcome ? { package: outcome } : {}),
          }),
          options.out,
        );
        return;
      }
      // A national question alone prints the national answer; --council adds the councils' paths.
      const sections = [
        ...(wantsFrontier && options.council === undefined ? [] : councilSections(result, format)),
        ...(frontier ? [frontierSection(frontier, format, limit)] : []),
        ...(outcome ? outcomeSections(outcome, format) : []),
      ];
      writeOutput(render(format, sections), options.out);
    });
}
