/**
 * Monte Carlo throughput (issue 7): council draws per second on one core, for a Kirkuk-like council
 * (16 members, 7 units) and a Baghdad-like one (52 members, 16 units), every member's attendance and
 * every unit's side uncertain; a naive reference (Math.random, objects per draw) for comparison; and
 * the speed-up of 2 threads over 1 on the same seeded run (the built worker entry in a plain node
 * process, so the figure includes real worker start-up).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { rational } from '../../src/model/rational.js';
import type { ProbabilisticScenario, ProbabilisticUnit } from '../../src/model/uncertainty/model.js';
import { compileScenario, sampleBlock } from '../../src/model/uncertainty/sampler.js';
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

const root = fileURLToPath(new URL('../..', import.meta.url));
// The library bundle (its `monteCarloSimulation` starts the workers from dist/bin).
const builtSimulate = `${root}dist/index.mjs`;

/**
 * Runs in a plain `node` child, not in this tsx process: worker threads inherit their parent's
 * execArgv, so under tsx every worker would first boot the TypeScript loader (about 100 ms) — a cost
 * `govsim simulate` never pays. Prints { one, two, machine } in milliseconds and as a ratio.
 */
const SCALING_CHILD = `
import { Worker } from 'node:worker_threads';
const [simulateUrl, modelJson, runsText] = process.argv.slice(1);
const { monteCarloSimulation } = await import(simulateUrl);
const model = JSON.parse(modelJson, (_key, value) => (typeof value === 'string' && /^-?\\d+n$/.test(value) ? BigInt(value.slice(0, -1)) : value));
const runs = Number(runsText);
const time = async (workers) => {
  const start = performance.now();
  const result = await monteCarloSimulation(model, { seed: 7, runs, workers });
  if (result.draws !== runs) throw new Error('short run');
  return performance.now() - start;
};
const cold = await time(2); // warm-up: module cache, JIT, a worker started and kept for the next runs
const one = [], two = [];
for (let i = 0; i < 3; i++) { one.push(await time(1)); two.push(await time(2)); }
const median = (values) => [...values].sort((a, b) => a - b)[1];
// The machine's own 2-thread speed-up on pure arithmetic, to read the figure against (shared hosts may give less than 2).
const spin = \`const { parentPort } = require('node:worker_threads');
  function spin() { let x = 0; for (let i = 0; i < 3e8; i++) x = (x + (i & 7)) | 0; return x; }
  spin(); parentPort.postMessage(spin());\`;
const wall = async (threads) => {
  const start = performance.now();
  await Promise.all(Array.from({ length: threads }, () => new Promise((resolve) => {
    const worker = new Worker(spin, { eval: true, execArgv: [] });
    worker.once('message', () => void worker.terminate().then(resolve));
  })));
  return performance.now() - start;
};
const machine = (2 * (await wall(1))) / (await wall(2));
process.stdout.write(JSON.stringify({ one: median(one), two: median(two), cold, machine }));
`;

function workerScaling(): Measurement {
  if (!existsSync(builtSimulate)) throw new Error('dist/ missing: run `npm run build` first (npm run bench does)');
  const runs = Number(process.env.SCALING_RUNS ?? 2_000_000);
  const modelJson = JSON.stringify(BAGHDAD_LIKE, (_key, value: unknown) => (typeof value === 'bigint' ? `${value}n` : value));
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', SCALING_CHILD, pathToFileURL(builtSimulate).href, modelJson, String(runs)], {
    encoding: 'utf8',
    env: { ...process.env, NODE_OPTIONS: '' },
  });
  if (child.status !== 0) throw new Error(`scaling child exited ${child.status}: ${child.stderr.split("\n").filter((line) => line.includes("Error")).join(" · ")}`);
  const { one, two, cold, machine } = JSON.parse(child.stdout) as { one: number; two: number; cold: number; machine: number };
  const ratio = one / two;
  return {
    value: ratio,
    unit: 'ratio',
    note:
      `speed-up ×${ratio.toFixed(2)}: ${runs.toLocaleString('en-US')} Baghdad-like draws in ${one.toFixed(0)} ms on 1 thread, ` +
      `${two.toFixed(0)} ms on 2 (the main one and a kept worker; ${cold.toFixed(0)} ms for the process's first, cold run); the machine's own 2-thread speed-up on pure arithmetic: ×${machine.toFixed(2)}`,
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
