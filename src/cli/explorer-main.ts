/**
 * `govsim` with no arguments: bin/govsim.js starts the explorer from here, without the command-line
 * parser and every command's modules, which the explorer does not need (about 50 ms of its start).
 * `govsim explore [scenario]` goes through main.ts to the same openExplorer.
 */
import { openExplorer } from './commands/explore.js';
import { reportFailure } from './failure.js';

try {
  await openExplorer();
} catch (error) {
  process.exitCode = reportFailure(error);
}
