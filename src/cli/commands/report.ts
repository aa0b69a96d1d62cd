/**
 * `govsim report`: a scenario as one self-contained HTML page (province map, hemicycles, diff against a
 * baseline, probabilities, sources), or one council's hemicycle as SVG. Rendering lives in src/report.
 */
import type { Command } from 'commander';
import { GovsimUsageError } from '../../model/errors.js';
import { writeOutput } from '../output.js';

interface ReportOptions {
  readonly against: string | false;
  readonly out?: string;
  readonly format: string;
  readonly council?: string;
  readonly probabilities: boolean;
}

export const REPORT_FORMATS = ['html', 'svg'] as const;

export function registerReport(program: Command): void {
  program
    .command('report')
    .description('a shareable HTML report of a scenario (province map, hemicycles, changes, sources), or one council\'s hemicycle as SVG')
    .argument('<scenario>', 'scenario file or bundled name')
    .option('-a, --against <scenario>', 'the scenario to compare with (file or bundled name)', 'baseline')
    .option('--no-against', 'no comparison section')
    .option('-f, --format <format>', 'html (the page) or svg (one council\'s hemicycle; needs --council)', 'html')
    .option('-c, --council <id>', 'the council to draw with --format svg')
    .option('--no-probabilities', 'leave out the probabilities: block\'s figures')
    .option('-o, --out <file>', 'write the output to FILE (atomically)')
    .action(async (target: string, options: ReportOptions) => {
      if (!(REPORT_FORMATS as readonly string[]).includes(options.format)) {
        throw new GovsimUsageError(`unknown format "${options.format}" (expected one of: ${REPORT_FORMATS.join(', ')})`);
      }
      if (options.format === 'svg' && options.council === undefined) throw new GovsimUsageError('--format svg draws one council: give --council ID');
      if (options.format === 'html' && options.council !== undefined) throw new GovsimUsageError('--council goes with --format svg');
      const { loadScenario } = await import('../../scenarios/scenario-loader.js');
      const { councilHemicycleSvg, scenarioReport } = await import('../../report/index.js');
      const scenario = loadScenario(target);
      if (options.format === 'svg') {
        writeOutput(councilHemicycleSvg(scenario, options.council!), options.out);
        return;
      }
      const against = options.against === false ? undefined : loadScenario(options.against);
      writeOutput(await scenarioReport(scenario, { ...(against ? { against } : {}), probabilities: options.probabilities }), options.out);
    });
}
