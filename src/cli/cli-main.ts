/**
 * `govsim <command> …`, as bin/govsim.cjs starts it (`govsim` alone goes to ./explorer-main.ts). The
 * command line runs from one script, dist/bin/cli.js, compiled with V8's code cache
 * (./cached-script.ts): Node 20 keeps no compiled code between runs for ES modules, and parsing and
 * compiling the CLI's modules (yaml and zod among them) was most of a command's start.
 */
import { join } from 'node:path';
import { packageRoot } from '../platform/package-root.js';
import { runCachedScript } from './cached-script.js';
import { reportFailure } from './failure.js';
import type * as Main from './main.js';

/** Set by scripts/build.mjs: the CLI's script, relative to the package root. */
declare const __GOVSIM_CLI_SCRIPT__: string;

const args = process.argv.slice(2);
// The command's name labels the code it compiles (anything but a plain word counts as no command).
const command = /^[a-z][a-z-]{0,30}$/.test(args[0] ?? '') ? args[0]! : '';

async function start(): Promise<void> {
  try {
    const cli = await runCachedScript<typeof Main>(join(packageRoot(), __GOVSIM_CLI_SCRIPT__), command);
    process.exitCode = await cli.exports.main(args);
    // For the next start: the code this command compiled, once per command.
    cli.storeCodeCache();
  } catch (error) {
    process.exitCode = reportFailure(error);
  }
}

// No top-level await: the bundle of this entry is CommonJS (see scripts/build.mjs).
void start();
