/**
 * The govsim command line: parse, call, format. Commands register themselves from src/cli/commands;
 * heavy modules (Ink, mathjs) are imported lazily inside the actions that need them.
 */
import { Command, CommanderError } from 'commander';
import { ExitCode, GovsimUsageError } from '../model/errors.js';
import { didYouMean } from '../model/suggest.js';
import { openExplorer } from './commands/explore.js';
import { registerCommands } from './commands/index.js';
import { reportFailure } from './failure.js';
import { VERSION } from './version.js';
import { endQuietlyWhenOutputCloses } from './closed-output.js';
import { escapeControls } from '../model/terminal-text.js';

export function createProgram(): Command {
  const program = new Command('govsim')
    .description('Governor-selection scenario simulator for Iraq\'s provincial councils (elections of 18 Dec 2023)')
    .version(VERSION, '-V, --version')
    .showHelpAfterError('(add --help for usage)')
    .exitOverride()
    .configureOutput({ writeErr: (text) => process.stderr.write(escapeControls(text)) });
  registerCommands(program);
  // `govsim` with no command opens the explorer; a word that is no command stays a usage error.
  program.allowExcessArguments().action(async (_options: unknown, command: Command) => {
    if (command.args.length > 0) {
      const word = command.args[0]!;
      throw new GovsimUsageError(`unknown command '${word}'${didYouMean(word, program.commands.map((entry) => entry.name()))} (see govsim --help)`);
    }
    await openExplorer();
  });
  return program;
}

export async function main(argv: readonly string[]): Promise<number> {
  // stdin: only the explorer reads it, and `openExplorer` watches it.
  endQuietlyWhenOutputCloses({ stdin: false });
  const program = createProgram();
  // Commands report failure through process.exitCode; start clean so an earlier in-process run can't leak in.
  process.exitCode = undefined;
  try {
    await program.parseAsync(argv, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : ExitCode.ok;
  } catch (error) {
    return reportError(error);
  }
}

export function reportError(error: unknown): number {
  if (error instanceof CommanderError) {
    // --help and --version "fail" with exit code 0 by design.
    if (error.exitCode === 0 || error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return ExitCode.ok;
    return ExitCode.usage;
  }
  return reportFailure(error);
}
