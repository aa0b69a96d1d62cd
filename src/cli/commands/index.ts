import type { Command } from 'commander';
import { registerCheck } from './check.js';
import { registerDiff } from './diff.js';
import { registerRun } from './run.js';
import { registerScenarios } from './scenarios.js';
import { registerSchema } from './schema.js';

/** Every subcommand, in the order `govsim --help` lists them. */
export function registerCommands(program: Command): void {
  void program;
  registerRun(program);
  registerDiff(program);
  registerCheck(program);
  registerScenarios(program);
  registerSchema(program);
}
