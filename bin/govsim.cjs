#!/usr/bin/env node
// Tiny on purpose, and CommonJS so that a start never boots Node's ES module loader.
'use strict';
const { join } = require('node:path');
const bundles = join(__dirname, '..', 'dist', 'bin');
// The environment must be fixed before Ink's colour library is evaluated.
// chalk 5 honours FORCE_COLOR but not NO_COLOR (https://no-color.org), so map one to the other.
if (process.env['NO_COLOR'] && process.env['FORCE_COLOR'] === undefined) process.env['FORCE_COLOR'] = '0';
// `govsim` alone opens the explorer, which needs neither the command-line parser nor the other commands.
const entry = join(bundles, process.argv.length <= 2 ? 'explorer-main.cjs' : 'cli.cjs');
try {
  // Node's compile cache (22.1+), before the bundles load: src/platform/compile-cache.ts.
  require(join(bundles, 'compile-cache.cjs')).enableCompileCache();
  require(entry);
} catch (error) {
  if (error && error.code === 'MODULE_NOT_FOUND' && String(error.message).includes(bundles)) {
    process.stderr.write('govsim: the CLI bundle is missing; run `npm run build` (npm install does it for you).\n');
    process.exit(70);
  }
  throw error;
}
