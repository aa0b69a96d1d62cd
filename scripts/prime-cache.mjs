// Run by `npm install` (prepare) after the build: fills govsim's cache (README, "Files govsim keeps")
// so that the first command and the first explorer start after an install are as fast as later ones,
// instead of validating the bundled data and compiling the code then. Best effort: whatever fails here
// is done by the first start instead, so this never fails an install.
import { spawnSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const quiet = { cwd: root, stdio: 'ignore', timeout: 60_000 };

try {
  // The command line: the README's first command, and a scenario run.
  spawnSync(process.execPath, [`${root}bin/govsim.cjs`, 'councils'], quiet);
  spawnSync(process.execPath, [`${root}bin/govsim.cjs`, 'run', 'baseline', '--format', 'json'], quiet);
  // The explorer, without a terminal: its session opened once, its code stored under a label of its
  // own, so that the first real start still adds the code that draws.
  const { runCachedScript } = await import(pathToFileURL(`${root}dist/cli/cached-script.js`).href);
  const explorer = await runCachedScript(`${root}dist/bin/explorer.js`, 'prime');
  explorer.exports.openDefaultSession();
  explorer.storeCodeCache();
} catch {
  // See above: the first start does it.
}
