#!/usr/bin/env node
// Tiny on purpose, and CommonJS so that a start never boots Node's ES module loader.
'use strict';
// The environment must be fixed before Ink's colour library is evaluated.
// chalk 5 honours FORCE_COLOR but not NO_COLOR (https://no-color.org), so map one to the other.
if (process.env['NO_COLOR'] && process.env['FORCE_COLOR'] === undefined) process.env['FORCE_COLOR'] = '0';
// `govsim` alone opens the explorer, which needs neither the command-line parser nor the other commands.
const entry = require('node:path').join(__dirname, '..', 'dist', 'bin', process.argv.length <= 2 ? 'explorer-main.cjs' : 'govsim.cjs');
try {
  require(entry);
} catch (error) {
  if (error && error.code === 'MODULE_NOT_FOUND' && String(error.message).includes(entry)) {
    process.stderr.write('govsim: the CLI bundle is missing; run `npm run build` (npm install does it for you).\n');
    process.exit(70);
  }
  throw error;
}
