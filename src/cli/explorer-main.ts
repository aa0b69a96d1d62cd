/**
 * `govsim` with no arguments: bin/govsim.cjs starts the explorer from here, without loading the command
 * line (its parser and every command), which the explorer does not need.
 * `govsim explore [scenario]` goes through main.ts to the same openExplorer.
 */
import { openExplorer } from './commands/explore.js';
import { endQuietlyWhenOutputCloses } from './closed-output.js';
import { reportFailure } from './failure.js';

endQuietlyWhenOutputCloses();
// No top-level await: the bundle of this entry is CommonJS (see scripts/build.mjs).
openExplorer().catch((error: unknown) => {
  process.exitCode = reportFailure(error);
});
