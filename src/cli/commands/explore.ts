/**
 * `govsim explore [scenario]` (and `govsim` with no arguments): the interactive explorer. Ink and React
 * are imported only here, after the terminal check, so batch commands never load them.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Command } from 'commander';
import { GovsimUsageError } from '../../model/errors.js';
import { packageRoot } from '../../platform/package-root.js';
import { endQuietlyWhenOutputCloses } from '../closed-output.js';
import type * as Explorer from '../../ui/explorer.js';

export async function openExplorer(scenario?: string): Promise<void> {
  if (!process.stdin.isTTY || !process.stdout.isTTY) {
    throw new GovsimUsageError('explore needs an interactive terminal; in scripts and pipes use `govsim run <scenario>` (see govsim run --help)');
  }
  endQuietlyWhenOutputCloses();
  // chalk (Ink's colours) honours FORCE_COLOR but not NO_COLOR; the bin maps it, this covers `tsx` runs.
  if (process.env['NO_COLOR'] && process.env['FORCE_COLOR'] === undefined) process.env['FORCE_COLOR'] = '0';
  const { runExplorer } = await loadExplorer();
  process.exitCode = await runExplorer(scenario === undefined ? {} : { scenario });
}

/** Set by scripts/build.mjs in the bundles: the explorer's bundle, relative to the package root. */
declare const __GOVSIM_EXPLORER_BUNDLE__: string | undefined;

/**
 * The explorer's code: in the command line's bundle, the explorer's own (see scripts/build.mjs); from
 * the sources, the module.
 *
 * Yoga (Ink's layout engine) loads its WebAssembly from an inline base64 string, through `fetch` when
 * there is one; Node's first use of `fetch` loads undici, about 50 ms of the explorer's start. With
 * `fetch` hidden while the explorer's modules load, Yoga decodes the string itself. The global is put
 * back as it was, its lazy getter untouched.
 */
async function loadExplorer(): Promise<typeof Explorer> {
  const fetchDescriptor = Object.getOwnPropertyDescriptor(globalThis, 'fetch');
  const hide = fetchDescriptor?.configurable === true;
  if (hide) Object.defineProperty(globalThis, 'fetch', { value: undefined, configurable: true, writable: true });
  try {
    if (typeof __GOVSIM_EXPLORER_BUNDLE__ === 'string') {
      return (await import(pathToFileURL(join(packageRoot(), __GOVSIM_EXPLORER_BUNDLE__)).href)) as typeof Explorer;
    } else {
      return await import('../../ui/explorer.js');
    }
  } finally {
    if (hide) Object.defineProperty(globalThis, 'fetch', fetchDescriptor);
  }
}

export function registerExplore(program: Command): void {
  program
    .command('explore')
    .description('explore what-ifs interactively: councils, coalitions, deals, undo, diff, save (also `govsim` alone)')
    .argument('[scenario]', 'scenario file or bundled name to start from (default: the bundled baseline)')
    .action(async (scenario: string | undefined) => {
      await openExplorer(scenario);
    });
}
