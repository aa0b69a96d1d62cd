/** `govsim schema`: the JSON Schema of scenario files. */
import type { Command } from 'commander';
import { renderJson, writeOutput } from '../output.js';

export function registerSchema(program: Command): void {
  program
    .command('schema')
    .description('print the JSON Schema of scenario files (draft 2020-12)')
    .option('-o, --out <file>', 'write the schema to FILE (atomically)')
    .action(async (options: { out?: string }) => {
      const { scenarioJsonSchema } = await import('../../scenarios/scenario-schema.js');
      writeOutput(renderJson(scenarioJsonSchema()), options.out);
    });
}
