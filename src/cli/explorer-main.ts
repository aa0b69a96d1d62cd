/**
 * `govsim` with no arguments: bin/govsim.js starts the explorer from here, without loading the command
 * line (its parser and every command), which the explorer does not need.
 * `govsim explore [scenario]` goes through main.ts to the same openExplorer.
 */
import { openExplorer } from './commands/explore.js';
import { reportFailure } from './failure.js';

try {
  await openExplorer();
} catch (error) {
  process.exitCode = reportFailure(error);
}
