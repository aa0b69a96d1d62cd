/** `govsim check`: evaluate scenario `expect:` blocks; exit 1 when any expectation fails. */
import type { Command } from 'commander';
import { ExitCode } from '../../model/errors.js';
import { parseFormat, renderJson, writeOutput } from '../output.js';

interface CheckOptions {
  readonly format: string;
  readonly out?: string;
}

export function registerCheck(program: Command): void {
  program
    .command('check')
    .description('evaluate the expect: blocks of scenarios (✓/✗ with the arithmetic on failure); exit 1 on any failure')
    .argument('<inputs...>', 'scenario files, directories, globs or bundled scenario names')
    .option('-f, --format <format>', 'table (the readable report) or json', 'table')
    .option('-o, --out <file>', 'write the report to FILE (atomically)')
    .action(async (inputs: string[], options: CheckOptions) => {
      const format = parseFormat(options.format);
      const { checkScenarios } = await import('../../scenarios/batch.js');
      const { formatCheckReport } = await import('../../scenarios/expectations.js');
      const checks = checkScenarios(inputs);
      const ok = checks.every((check) => check.ok);
      writeOutput(format === 'json' ? renderJson({ schemaVersion: 1, ok, scenarios: checks }) : formatCheckReport(checks), options.out);
      if (!ok) process.exitCode = ExitCode.expectationFailed;
    });
}
