/**
 * Whole-process figures: a real `node bin/govsim.cjs …` against `node -e 0` measured in the same run, so the
 * floor (node + 150 ms) holds whatever the machine's speed. Needs the bundle (`npm run bench` builds it).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { BenchCase, Measurement } from '../harness.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = `${root}bin/govsim.cjs`;

function wallMs(args: readonly string[]): number {
  const start = process.hrtime.bigint();
  const child = spawnSync(process.execPath, args, { cwd: root, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, CI: 'true' } });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (child.status !== 0) throw new Error(`${args.join(' ')} exited ${child.status}: ${child.stderr.toString()}`);
  return ms;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Interleaves the two commands so that load changes hit both alike. */
function overNode(args: readonly string[], runs = 15): Measurement {
  if (!existsSync(`${root}dist/bin/govsim.cjs`)) throw new Error('bundle missing: run `npm run build` first');
  wallMs(['-e', '0']);
  wallMs([bin, ...args]);
  const node: number[] = [];
  const govsim: number[] = [];
  for (let i = 0; i < runs; i++) {
    node.push(wallMs(['-e', '0']));
    govsim.push(wallMs([bin, ...args]));
  }
  const base = median(node);
  const total = median(govsim);
  return { value: total - base, unit: 'ms', note: `govsim ${total.toFixed(0)} ms vs node -e 0 ${base.toFixed(0)} ms (×${(total / base).toFixed(2)})` };
}

const hasRun = existsSync(`${root}scenarios/baseline.yaml`);

export const cases: BenchCase[] = [
  {
    name: 'CLI start: govsim councils --format json, over node -e 0',
    floor: { value: 150, unit: 'ms', kind: 'max', source: 'issue 9' },
    measure: () => overNode(['councils', '--format', 'json']),
  },
  ...(hasRun
    ? [
        {
          name: 'CLI start: govsim run <one scenario>, over node -e 0',
          floor: { value: 150, unit: 'ms', kind: 'max', source: 'issue 9' },
          measure: () => overNode(['run', 'scenarios/baseline.yaml', '--format', 'json']),
        } satisfies BenchCase,
      ]
    : []),
];
