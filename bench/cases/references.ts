/**
 * In-run references for the floors whose rows carry none of their own: the same work done by plain
 * enumeration (bench/reference/naive-scenario.ts), and `node -e 0` timed in this run for the batch's
 * whole-process figure. Information rows: the floors themselves are measured in scenario.ts and ui.ts.
 */
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { councilsFor, loadDataset } from '../../src/dataset/dataset.js';
import { clearRunCaches, runScenario } from '../../src/scenarios/runner.js';
import { loadScenario } from '../../src/scenarios/scenario-loader.js';
import { type BenchCase, medianMicros } from '../harness.js';
import { naiveCouncilRefresh, naiveScenarioAnalysis } from '../reference/naive-scenario.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Median wall time of a few calls, in µs, for functions too slow for the harness' sampling. */
function slowMedianMicros(fn: () => unknown, runs: number): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    if (fn() === undefined) throw new Error('the reference returned nothing');
    times.push((performance.now() - start) * 1000);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

function nodeStartMs(runs = 9): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    spawnSync(process.execPath, ['-e', '0'], { stdio: 'ignore' });
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

/** One scenario's 15 councils by enumeration, in µs: seconds per call, so measured once and shared. */
let naiveScenarioMicros: number | undefined;
function naiveScenario(): number {
  naiveScenarioMicros ??= slowMedianMicros(() => naiveScenarioAnalysis(loadScenario('badr-sadr-najaf-maysan', { cwd: root })), 3);
  return naiveScenarioMicros;
}

export const cases: BenchCase[] = [
  {
    name: 'reference: 15-council scenario (badr-sadr-najaf-maysan) by plain enumeration',
    measure: () => {
      const loaded = loadScenario('badr-sadr-najaf-maysan', { cwd: root });
      const naive = naiveScenario();
      const engine = medianMicros(() => {
        clearRunCaches();
        return runScenario(loaded);
      });
      return {
        value: naive / 1000,
        unit: 'ms',
        note: `for the "scenario: 15 councils" floor; the engine with nothing cached: ${(engine / 1000).toFixed(2)} ms (×${(naive / engine).toFixed(0)})`,
      };
    },
  },
  {
    name: 'reference: 1,000 scenario files by plain enumeration (in process, extrapolated)',
    measure: () => {
      // Every file of the batch runs all 15 councils, as the scenario above does; enumeration has no memo to share.
      const node = nodeStartMs();
      return {
        value: (naiveScenario() * 1000) / 1e6,
        unit: 's',
        note: `for the "1,000 files" floor: 1,000 × the 15-council reference above; node -e 0 in this run: ${node.toFixed(0)} ms`,
      };
    },
  },
  {
    name: 'reference: explorer edit on Baghdad (analysis + Banzhaf + Shapley-Shubik) by plain enumeration',
    measure: () => {
      const baghdad = councilsFor(loadDataset('iraq-2023'), { seats: 'final' }).find((council) => council.id === 'baghdad');
      if (baghdad === undefined) throw new Error('council baghdad missing from the bundled dataset');
      const naive = slowMedianMicros(() => naiveCouncilRefresh(baghdad), 3);
      return {
        value: naive / 1000,
        unit: 'ms',
        note: `for the "TUI keypress → frame" floor: what one edit key recomputes for the open council, ${baghdad.units.length} units`,
      };
    },
  },
];
