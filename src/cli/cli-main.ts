/**
 * `govsim <command> …`, as bin/govsim.cjs starts it (`govsim` alone goes to ./explorer-main.ts), and
 * `npm run dev` from the sources.
 */
import { reportFailure } from './failure.js';
import { main } from './main.js';

// No top-level await: the bundle of this entry is CommonJS (see scripts/build.mjs).
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.exitCode = reportFailure(error);
  },
);
