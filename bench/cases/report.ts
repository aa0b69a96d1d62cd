/**
 * `govsim report` as a user runs it: a whole process per bundled scenario, writing the page to a file
 * (against the baseline, with the probabilities block where there is one). The row is the slowest
 * scenario's median; the note names it and gives the fastest. Needs the bundle (`npm run bench` builds it).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchCase, Measurement } from '../harness.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = `${root}bin/govsim.cjs`;

function wallMs(args: readonly string[]): number {
  const start = process.hrtime.bigint();
  const child = spawnSync(process.execPath, [bin, ...args], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, CI: 'true' } });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (child.status !== 0) throw new Error(`govsim ${args.join(' ')} exited ${child.status}: ${child.stderr.toString()}`);
  return ms;
}

function reportMs(name: string, out: string): number {
  return wallMs(['report', name, '--out', out]);
}

function slowestReport(runs = 3): Measurement {
  if (!existsSync(`${root}dist/bin/cli.cjs`)) throw new Error('bundle missing: run `npm run build` first');
  const names = readdirSync(`${root}scenarios`).filter((file) => file.endsWith('.yaml')).map((file) => file.replace(/\.yaml$/, ''));
  const scratch = mkdtempSync(join(tmpdir(), 'govsim-bench-report-'));
  try {
    const medians = names.map((name) => {
      const out = join(scratch, `${name}.html`);
      reportMs(name, out);
      const times = Array.from({ length: runs }, () => reportMs(name, out)).sort((a, b) => a - b);
      return { name, ms: times[Math.floor(times.length / 2)]! };
    });
    medians.sort((a, b) => b.ms - a.ms);
    const slowest = medians[0]!;
    const fastest = medians[medians.length - 1]!;
    // Reference: the same scenario through `govsim run` (load and run, no page), so the note shows what drawing costs.
    const run = Array.from({ length: runs }, () => wallMs(['run', slowest.name, '--format', 'json'])).sort((a, b) => a - b)[Math.floor(runs / 2)]!;
    return {
      value: slowest.ms,
      unit: 'ms',
      note: `${medians.length} scenarios; slowest ${slowest.name} (govsim run of it ${run.toFixed(0)} ms), fastest ${fastest.name} ${fastest.ms.toFixed(0)} ms (whole process)`,
    };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

export const cases: BenchCase[] = [
  {
    name: 'report: govsim report, slowest bundled scenario',
    floor: { value: 1000, unit: 'ms', kind: 'max', source: 'issue 18' },
    measure: () => slowestReport(),
  },
];
