import type { Command } from 'commander';
import { registerAnalyze } from './analyze.js';
import { registerCheck } from './check.js';
import { registerCompletion } from './completion.js';
import { registerCouncils } from './councils.js';
import { registerDiff } from './diff.js';
import { registerExplore } from './explore.js';
import { registerPaths } from './paths.js';
import { registerPower } from './power.js';
import { registerReport } from './report.js';
import { registerRun } from './run.js';
import { registerScenarios } from './scenarios.js';
import { registerSchema } from './schema.js';
import { registerSimulate } from './simulate.js';
import { registerSources } from './sources.js';
import { registerValidate } from './validate.js';

/** Every subcommand, in the order `govsim --help` lists them. */
export function registerCommands(program: Command): void {
  void program;
  registerExplore(program);
  registerCouncils(program);
  registerAnalyze(program);
  registerRun(program);
  registerDiff(program);
  registerReport(program);
  registerCheck(program);
  registerScenarios(program);
  registerSchema(program);
  registerSimulate(program);
  registerPower(program);
  registerPaths(program);
  registerSources(program);
  registerValidate(program);
  registerCompletion(program);
}
