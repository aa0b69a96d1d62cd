#!/usr/bin/env node
// Tiny on purpose: environment must be fixed before Ink's colour library is evaluated.
// chalk 5 honours FORCE_COLOR but not NO_COLOR (https://no-color.org), so map one to the other.
if (process.env['NO_COLOR'] && process.env['FORCE_COLOR'] === undefined) process.env['FORCE_COLOR'] = '0';
// `govsim` alone opens the explorer, which needs neither the command-line parser nor the other commands.
const entry = process.argv.length <= 2 ? '../dist/bin/explorer-main.mjs' : '../dist/bin/govsim.mjs';
try {
  await import(entry);
} catch (error) {
  if (error && error.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes(entry.slice(3))) {
    process.stderr.write('govsim: the CLI bundle is missing; run `npm run build` (npm install does it for you).\n');
    process.exit(70);
  }
  throw error;
}
