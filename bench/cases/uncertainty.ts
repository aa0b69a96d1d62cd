/**
 * Monte Carlo throughput (issue 7): council draws per second on one core, for a Kirkuk-like council
 * (16 members, 7 units) and a Baghdad-like one (52 members, 16 units), every member's attendance and
 * every unit's side uncertain; a naive reference (Math.random, objects per draw) for comparison; and
 * the speed-up of 2 worker threads over 1 on the same seeded run (the bundle's worker entry, so the
 * figure includes real worker start-up).
 */
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { rational } from '../../src/model/rational.js';
import type { ProbabilisticScenario, ProbabilisticUnit } from '../../src/model/uncertainty/model.js';
import { compileScenario, sampleBlock } from '../../src/model/uncertainty/sampler.js';
import type * as SimulateSource from '../../src/scenarios/simulate.js';
import type { BenchCase, Measurement } from '../harness.js';
import { medianMicros } from '../harness.js';

const ISSUE = 'issue 7';
const DRAWS = 4096;

function unit(id: string, seats: number, attendPercent: number, inCoalition: boolean, switchPercent: number): ProbabilisticUnit {
  return {
    id,
    seats,
    attendance: Array.from({ length: seats }, () => rational(attendPercent, 100)),
    inCoalition,
    switchProbability: rational(switchPercent, 100),
  };
}

function single(id: string, threshold: number, units: ProbabilisticUnit[]): ProbabilisticScenario {
  return { bloc: 'cf', shocks: [], councils: [{ id, threshold, quorum: threshold, governedByBloc: true, units }] };
}

/** Kirkuk, 16 seats: PUK 5, Arab Alliance 3, Qiyada 2, ITF 2, KDP 2, Ouroba 1, Babylon 1. */
export const KIRKUK_LIKE = single('kirkuk', 9, [
  unit('puk', 5, 95, true, 2),
  unit('arab-alliance', 3, 40, false, 10),
  unit('qiyada', 2, 90, true, 10),
  unit('itf', 2, 30, false, 5),
  unit('kdp', 2, 30, false, 5),
  unit('ouroba', 1, 90, true, 15),
  unit('babylon', 1, 95, true, 5),
]);

/** Baghdad, 52 seats in 16 units (sizes after the final results), majority 27. */
export const BAGHDAD_LIKE = single(
  'baghdad',
  27,
  [9, 9, 6, 5, 4, 4, 3, 3, 2, 2, 1, 1, 1, 1, 1, 0].map((seats, i) => unit(`u${i}`, seats === 0 ? 1 : seats, 90, i % 2 === 0, 10)),
);

function drawsPerSecond(scenario: ProbabilisticScenario): number {
  const compiled = compileScenario(scenario);
  let block = 0;
  const micros = medianMicros(() => sampleBlock(compiled, 1, block++, DRAWS), { minTimeMs: 1500, warmupMs: 300, batch: 1 });
  return (DRAWS * 1e6) / micros;
}

/** The obvious implementation: Math.random and an object per unit and per draw. */
function naiveDrawsPerSecond(scenario: ProbabilisticScenario): number {
  const council = scenario.councils[0]!;
  const units = council.units.map((u) => ({
    seats: u.seats,
    attend: Number(u.attendance[0]!.num) / Number(u.attendance[0]!.den),
    inCoalition: u.inCoalition,
    switches: Number(u.switchProbability.num) / Number(u.switchProbability.den),
  }));
  const micros = medianMicros(
    () => {
      let elected = 0;
      for (let d = 0; d < DRAWS; d++) {
        const drawn = units.map((u) => {
          let present = 0;
          for (let m = 0; m < u.seats; m++) if (Math.random() < u.attend) present++;
          const backs = Math.random() < u.switches ? !u.inCoalition : u.inCoalition;
          return { present, backs };
        });
        const present = drawn.reduce((sum, u) => sum + u.present, 0);
        const votes = drawn.filter((u) => u.backs).reduce((sum, u) => sum + u.present, 0);
        const outcome = { quorum: present >= council.quorum, elected: votes >= council.threshold };
        if (outcome.quorum && outcome.elected) elected++;
      }
      return elected;
    },
    { minTimeMs: 1500, warmupMs: 300, batch: 1 },
  );
  return (DRAWS * 1e6) / micros;
}

function throughput(scenario: ProbabilisticScenario, label: string): Measurement {
  const fast = drawsPerSecond(scenario);
  const naive = naiveDrawsPerSecond(scenario);
  return { value: fast, unit: 'per-s', note: `${label}; naive Math.random + objects ${Math.round(naive).toLocaleString('en-US')}/s (×${(fast / naive).toFixed(1)})` };
}

type SimulateModule = typeof SimulateSource;

const root = fileURLToPath(new URL('../..', import.meta.url));
const builtSimulate = `${root}dist/scenarios/simulate.js`;

/** The machine's own 2-thread speed-up on pure arithmetic, to read the figure against (shared hosts may give less than 2). */
async function machineParallelism(): Promise<number> {
  const code = `const { parentPort } = require('node:worker_threads');
    function spin() { let x = 0; for (let i = 0; i < 3e8; i++) x = (x + (i & 7)) | 0; return x; }
    spin(); parentPort.postMessage(spin());`;
  const wall = async (threads: number): Promise<number> => {
    const start = performance.now();
    await Promise.all(
      Array.from({ length: threads }, () => new Promise<void>((resolve) => {
        const worker = new Worker(code, { eval: true });
        worker.once('message', () => void worker.terminate().then(() => resolve()));
      })),
    );
    return performance.now() - start;
  };
  return (2 * (await wall(1))) / (await wall(2));
}

async function workerScaling(): Promise<Measurement> {
  if (!existsSync(builtSimulate)) throw new Error('dist/ missing: run `npm run build` first (npm run bench does)');
  const simulate = (await import(pathToFileURL(builtSimulate).href)) as SimulateModule;
  const runs = 2_000_000;
  const time = async (workers: number): Promise<number> => {
    const start = performance.now();
    const result = await simulate.monteCarloSimulation(BAGHDAD_LIKE, { seed: 7, runs, workers });
    if (result.draws !== runs) throw new Error('short run');
    return performance.now() - start;
  };
  await time(2); // warm-up: module cache, JIT, worker start-up paths
  const one: number[] = [];
  const two: number[] = [];
  for (let i = 0; i < 3; i++) {
    one.push(await time(1));
    two.push(await time(2));
  }
  const median = (values: number[]): number => [...values].sort((a, b) => a - b)[1]!;
  const ratio = median(one) / median(two);
  const machine = await machineParallelism();
  return {
    value: ratio,
    unit: 'ratio',
    note:
      `speed-up ×${ratio.toFixed(2)}: ${runs.toLocaleString('en-US')} Baghdad-like draws in ${median(one).toFixed(0)} ms on 1 thread, ` +
      `${median(two).toFixed(0)} ms on 2 workers; the machine's own 2-thread speed-up on pure arithmetic: ×${machine.toFixed(2)}`,
  };
}

export const cases: BenchCase[] = [
  {
    name: 'uncertainty: Kirkuk-like council draws/s, 1 core',
    floor: { value: 1_000_000, unit: 'per-s', kind: 'min', source: ISSUE },
    measure: () => throughput(KIRKUK_LIKE, '16 members, 7 units'),
  },
  {
    name: 'uncertainty: Baghdad-like council draws/s, 1 core',
    floor: { value: 1_000_000, unit: 'per-s', kind: 'min', source: ISSUE },
    measure: () => throughput(BAGHDAD_LIKE, '52 members, 16 units'),
  },
  {
    // T(1 thread) / T(2 workers).
    name: 'uncertainty: 2-worker speed-up',
    floor: { value: 1.6, unit: 'ratio', kind: 'min', source: `${ISSUE}: near-linear on 2 cores` },
    measure: workerScaling,
  },
];
