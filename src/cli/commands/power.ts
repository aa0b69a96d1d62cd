/** `govsim power`: exact power indices of a weighted voting game given on the command line. */
import type { Command } from 'commander';
import { GovsimDataError, GovsimUsageError } from '../../model/errors.js';
import type { PowerIndexResult, WeightedGame } from '../../model/power/index.js';
import { formatRational, type Rational } from '../../model/rational.js';
import { type Column, parseFormat, renderJson, renderRows, writeOutput } from '../output.js';

interface PowerOptions {
  readonly quota: string;
  readonly weights: string;
  readonly names?: string;
  readonly index?: string;
  readonly unions?: string;
  readonly allowNonProper?: boolean;
  readonly format: string;
  readonly out?: string;
}

/** What the user can ask for; `coleman` yields two measures. */
export type IndexChoice = 'banzhaf' | 'shapley' | 'deegan-packel' | 'public-good' | 'johnston' | 'coleman' | 'owen';

const INDEX_ALIASES: Readonly<Record<string, IndexChoice>> = {
  banzhaf: 'banzhaf',
  bz: 'banzhaf',
  shapley: 'shapley',
  'shapley-shubik': 'shapley',
  ss: 'shapley',
  'deegan-packel': 'deegan-packel',
  dp: 'deegan-packel',
  'public-good': 'public-good',
  pgi: 'public-good',
  johnston: 'johnston',
  coleman: 'coleman',
  owen: 'owen',
};

/** One computed measure, keyed as it appears in JSON (`<key>`, `<key>Value`, `<key>Raw`). */
interface Measure {
  readonly key: string;
  readonly header: string;
  readonly result: PowerIndexResult;
  /** Show the raw integer in tables (swings, memberships); JSON always carries it when present. */
  readonly rawHeader?: string;
}

export interface PowerReport {
  readonly game: Required<Pick<WeightedGame, 'quota' | 'weights' | 'names'>>;
  readonly unions?: readonly (readonly number[])[];
  readonly winningCoalitions: bigint;
  readonly minimalWinningCoalitions: bigint;
  readonly measures: readonly Measure[];
  readonly powerOfCollectivity?: Rational;
}

function parseNumberList(text: string, flag: string): number[] {
  return text.split(',').map((token) => {
    const trimmed = token.trim();
    // Any number passes here; whether it is a valid weight (integer, ≥ 0) is the game validator's call.
    if (!/^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i.test(trimmed)) {
      throw new GovsimUsageError(`${flag}: "${trimmed}" is not a number (expected a comma-separated list such as 9,9,7,3,1,1)`);
    }
    return Number(trimmed);
  });
}

function parseQuota(text: string): number {
  const trimmed = text.trim();
  if (!/^[+-]?\d+(\.\d*)?(e[+-]?\d+)?$/i.test(trimmed)) throw new GovsimUsageError(`--quota: "${trimmed}" is not a number`);
  return Number(trimmed);
}

function parseNames(text: string): string[] {
  const names = text.split(',').map((name) => name.trim());
  const blank = names.findIndex((name) => name === '');
  if (blank >= 0) throw new GovsimUsageError(`--names: name ${blank + 1} is empty`);
  return names;
}

export function parseIndices(text: string | undefined, hasUnions: boolean): IndexChoice[] {
  if (text === undefined) return hasUnions ? ['banzhaf', 'shapley', 'owen'] : ['banzhaf', 'shapley'];
  const chosen: IndexChoice[] = [];
  for (const token of text.split(',')) {
    const name = token.trim().toLowerCase();
    const index = INDEX_ALIASES[name];
    if (index === undefined) {
      throw new GovsimUsageError(
        `--index: unknown index "${token.trim()}" (expected banzhaf, shapley (shapley-shubik, ss), deegan-packel, public-good (pgi), johnston, coleman, owen)`,
      );
    }
    if (!chosen.includes(index)) chosen.push(index);
  }
  if (chosen.includes('owen') && !hasUnions) throw new GovsimUsageError('--index owen needs --unions, e.g. --unions 0+1,2+3');
  if (hasUnions && !chosen.includes('owen')) throw new GovsimUsageError('--unions is only used by the owen index: add owen to --index');
  return chosen;
}

/** "0+1,2+3": unions of player indices (0-based) or names. */
export function parseUnions(text: string, names: readonly string[] | undefined): number[][] {
  return text.split(',').map((group) =>
    group.split('+').map((token) => {
      const trimmed = token.trim();
      if (/^\d+$/.test(trimmed)) return Number(trimmed);
      const byName = names?.indexOf(trimmed) ?? -1;
      if (byName < 0) {
        throw new GovsimUsageError(`--unions: "${trimmed}" is neither a player index (0-based) nor one of the --names`);
      }
      return byName;
    }),
  );
}

export async function computePowerReport(game: WeightedGame, indices: readonly IndexChoice[], unions: readonly (readonly number[])[] | undefined, allowNonProper: boolean): Promise<PowerReport> {
  const power = await import('../../model/power/index.js');
  power.validateGame(game, { allowNonProper, source: 'command line' });
  const measures: Measure[] = [];
  let powerOfCollectivity: Rational | undefined;
  for (const index of indices) {
    switch (index) {
      case 'banzhaf':
        measures.push({ key: 'banzhaf', header: 'Banzhaf', result: power.banzhaf(game), rawHeader: 'swings' });
        break;
      case 'shapley':
        measures.push({ key: 'shapleyShubik', header: 'Shapley-Shubik', result: power.shapleyShubik(game) });
        break;
      case 'deegan-packel':
        measures.push({ key: 'deeganPackel', header: 'Deegan-Packel', result: power.deeganPackel(game) });
        break;
      case 'public-good':
        measures.push({ key: 'publicGood', header: 'Public Good', result: power.publicGood(game), rawHeader: 'MWC memberships' });
        break;
      case 'johnston':
        measures.push({ key: 'johnston', header: 'Johnston', result: power.johnston(game) });
        break;
      case 'coleman': {
        const result = power.coleman(game);
        measures.push({ key: 'colemanInitiate', header: 'Coleman initiate', result: result.initiate });
        measures.push({ key: 'colemanPrevent', header: 'Coleman prevent', result: result.prevent });
        powerOfCollectivity = result.powerOfCollectivity;
        break;
      }
      case 'owen':
        measures.push({ key: 'owen', header: 'Owen', result: power.owen(game, unions ?? []) });
        break;
    }
  }
  const names = game.weights.map((_, i) => game.names?.[i] ?? `P${i + 1}`);
  return {
    game: { quota: game.quota, weights: game.weights, names },
    ...(unions ? { unions: power.unionPartition(game.weights.length, unions) } : {}),
    winningCoalitions: power.countWinning(game),
    minimalWinningCoalitions: power.countMinimalWinning(game),
    measures,
    ...(powerOfCollectivity ? { powerOfCollectivity } : {}),
  };
}

/** The JSON document: the game, the coalition counts, one object per player with every measure. */
export function powerReportToJson(report: PowerReport): unknown {
  const players = report.game.weights.map((weight, i) => {
    const player: Record<string, unknown> = { name: report.game.names[i], weight };
    for (const measure of report.measures) {
      const power = measure.result.players[i]!;
      if (power.raw !== undefined) player[`${measure.key}Raw`] = power.raw.toString();
      player[measure.key] = formatRational(power.value);
      player[`${measure.key}Value`] = power.float;
    }
    return player;
  });
  return {
    game: { ...report.game, ...(report.unions ? { unions: report.unions } : {}) },
    indices: report.measures.map((measure) => ({ key: measure.key, index: measure.result.index, label: measure.result.label })),
    winningCoalitions: report.winningCoalitions.toString(),
    minimalWinningCoalitions: report.minimalWinningCoalitions.toString(),
    ...(report.powerOfCollectivity ? { colemanPowerOfCollectivity: formatRational(report.powerOfCollectivity) } : {}),
    players,
  };
}

export function renderPowerReport(report: PowerReport, format: string): string {
  const chosen = parseFormat(format);
  if (chosen === 'json') return renderJson(powerReportToJson(report));
  const columns: Column<number>[] = [
    { header: 'player', value: (i) => report.game.names[i] },
    { header: 'weight', value: (i) => report.game.weights[i], align: 'right' },
  ];
  for (const measure of report.measures) {
    const players = measure.result.players;
    if (measure.rawHeader) columns.push({ header: measure.rawHeader, value: (i) => players[i]!.raw, align: 'right' });
    columns.push({ header: measure.header, value: (i) => players[i]!.float.toFixed(4), align: 'right' });
    columns.push({ header: `${measure.header} exact`, value: (i) => formatRational(players[i]!.value), align: 'right' });
  }
  let text = renderRows(chosen, columns, report.game.weights.map((_, i) => i));
  if (chosen === 'table') {
    const total = report.game.weights.reduce((a, b) => a + b, 0);
    const lines = [
      `quota ${report.game.quota} of ${total}; ${report.winningCoalitions.toString()} winning coalitions of 2^${report.game.weights.length}, ${report.minimalWinningCoalitions.toString()} minimal winning`,
      ...report.measures.filter((measure) => measure.header !== measure.result.label).map((measure) => `${measure.header}: ${measure.result.label}`),
    ];
    if (report.powerOfCollectivity) lines.push(`Coleman power of the collectivity to act: ${formatRational(report.powerOfCollectivity)}`);
    if (report.unions) lines.push(`unions: ${report.unions.map((union) => union.map((i) => report.game.names[i]).join('+')).join(', ')}`);
    text += `\n${lines.join('\n')}\n`;
  }
  return text;
}

export function registerPower(program: Command): void {
  program
    .command('power')
    .description('exact power indices (Banzhaf, Shapley-Shubik, Deegan-Packel, Public Good, Johnston, Coleman, Owen) of a weighted voting game')
    .requiredOption('-q, --quota <q>', 'votes a coalition needs to win')
    .requiredOption('-w, --weights <list>', 'comma-separated weights (seats) per player, e.g. 9,9,7,3,1,1')
    .option('-n, --names <list>', 'comma-separated player names, one per weight')
    .option('-i, --index <list>', 'banzhaf, shapley (shapley-shubik, ss), deegan-packel, public-good (pgi), johnston, coleman, owen (default: banzhaf,shapley)')
    .option('-u, --unions <spec>', 'a priori unions for owen: player indices (0-based) or names joined by +, unions separated by commas, e.g. 0+1,2+3')
    .option('--allow-non-proper', 'accept a quota at or below half the total weight')
    .option('-f, --format <format>', 'table, json, csv or md', 'table')
    .option('-o, --out <file>', 'write the output to FILE (atomically)')
    .action(async (options: PowerOptions) => {
      parseFormat(options.format);
      const weights = parseNumberList(options.weights, '--weights');
      const quota = parseQuota(options.quota);
      const names = options.names === undefined ? undefined : parseNames(options.names);
      const unions = options.unions === undefined ? undefined : parseUnions(options.unions, names);
      const indices = parseIndices(options.index, unions !== undefined);
      const game: WeightedGame = names ? { quota, weights, names } : { quota, weights };
      let report: PowerReport;
      try {
        report = await computePowerReport(game, indices, unions, options.allowNonProper ?? false);
      } catch (error) {
        // The model does not know where the game came from; say it was the command line.
        if (error instanceof GovsimDataError && error.file === undefined) throw new GovsimDataError('command line', error.issues, { cause: error });
        throw error;
      }
      writeOutput(renderPowerReport(report, options.format), options.out);
    });
}
