/**
 * One run of src/cli/cached-script.ts in a process of its own (a process keeps compiled code in memory,
 * so only a new one shows what the stored cache does): `node --import tsx cached-script-child.ts
 * <script> [store] [label]` prints what the run reports and what the script's functions return.
 */
import { runCachedScript } from '../../src/cli/cached-script.js';

interface ProbeExports {
  readonly sum: (values: readonly number[]) => number;
  readonly moduleUrl: string;
  readonly separator: string;
  readonly strict: boolean;
}

const [file, store, label] = process.argv.slice(2);
const run = await runCachedScript<ProbeExports>(file!, label);
if (store === 'store') run.storeCodeCache();
const { sum, moduleUrl, separator, strict } = run.exports;
process.stdout.write(JSON.stringify({ compilation: run.compilation, sum: sum([1, 2, 3.5]), moduleUrl, separator, strict }));
