/**
 * Whole-process figures: a real `node bin/govsim.cjs …` against `node -e 0` measured in the same run, so the
 * floor (node + 100 ms) holds whatever the machine's speed. Each start is measured with an empty cache
 * directory (a new one per run: Node's compile cache, where Node has one, starts empty) and with a warm
 * one. Needs the bundle (`npm run bench` builds it).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchCase, Measurement } from '../harness.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = `${root}bin/govsim.cjs`;

const scratch = mkdtempSync(join(tmpdir(), 'govsim-bench-'));
process.on('exit', () => rmSync(scratch, { recursive: true, force: true }));
const warmCache = join(scratch, 'warm');
let emptyCaches = 0;

type Cache = 'empty' | 'warm';

/** CPU time (user + system) of the processes run, by start: on a loaded machine it moves far less than wall time. */
const cpuTimes = new Map<string, number[]>();

/**
 * Wall time of one run, in ms. Its CPU time, taken from bash's `times` (the children's user and
 * system time), is kept in `cpuTimes` under `label`.
 */
function wallMs(args: readonly string[], cache: Cache = 'warm', label = args.join(' ')): number {
  const cacheDir = cache === 'warm' ? warmCache : join(scratch, `empty-${++emptyCaches}`);
  const start = process.hrtime.bigint();
  const child = spawnSync('bash', ['-c', '"$@" >/dev/null || exit; times', 'bash', process.execPath, ...args], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, CI: 'true', GOVSIM_CACHE_DIR: cacheDir },
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (child.status !== 0) throw new Error(`${args.join(' ')} exited ${child.status}: ${child.stderr.toString()}`);
  const children = child.stdout.toString().trim().split('\n').at(-1) ?? '';
  const seconds = [...children.matchAll(/(\d+)m([\d.]+)s/g)].reduce((sum, [, m, s]) => sum + Number(m) * 60 + Number(s), 0);
  cpuTimes.set(label, [...(cpuTimes.get(label) ?? []), seconds * 1000]);
  return ms;
}

/** "CPU a vs b ms" for the runs labelled so, medians. */
function cpuNote(label: string, base: string): string {
  return `; CPU ${median(cpuTimes.get(label) ?? [0]).toFixed(0)} vs ${median(cpuTimes.get(base) ?? [0]).toFixed(0)} ms`;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Interleaves the two commands so that load changes hit both alike. */
function overNode(args: readonly string[], cache: Cache, runs = 15): Measurement {
  if (!existsSync(`${root}dist/snapshot.json`)) throw new Error('bundle missing: run `npm run build` first');
  const label = `${cache} ${args.join(' ')}`;
  cpuTimes.clear();
  wallMs(['-e', '0'], 'warm', 'warm-up');
  wallMs([bin, ...args], cache, 'warm-up');
  const node: number[] = [];
  const govsim: number[] = [];
  for (let i = 0; i < runs; i++) {
    node.push(wallMs(['-e', '0']));
    govsim.push(wallMs([bin, ...args], cache, label));
  }
  const base = median(node);
  const total = median(govsim);
  return { value: total - base, unit: 'ms', note: `govsim ${total.toFixed(0)} ms vs node -e 0 ${base.toFixed(0)} ms (×${(total / base).toFixed(2)})${cpuNote(label, '-e 0')}` };
}

const hasRun = existsSync(`${root}scenarios/baseline.yaml`);

const startFloor = { value: 100, unit: 'ms', kind: 'max', source: 'issue 14' } as const;

export const cases: BenchCase[] = [
  ...(['empty', 'warm'] as const).flatMap((cache): BenchCase[] => [
    {
      name: `CLI start: govsim councils, ${cache} cache, over node -e 0`,
      floor: startFloor,
      measure: () => overNode(['councils'], cache),
    },
    ...(hasRun
      ? [
          {
            name: `CLI start: govsim run <bundled scenario>, ${cache} cache, over node -e 0`,
            floor: startFloor,
            measure: () => overNode(['run', 'baseline', '--format', 'json'], cache),
          },
        ]
      : []),
  ]),
  {
    name: "library: import('govsim'), over node -e 0",
    floor: { value: 80, unit: 'ms', kind: 'max', source: 'issue 14' },
    measure: () => {
      // The package's own name resolves to itself from its root (the exports map), as for a user.
      const withImport = ['--input-type=module', '-e', "await import('govsim')"];
      cpuTimes.clear();
      wallMs(withImport, 'warm', 'warm-up');
      const node: number[] = [];
      const library: number[] = [];
      for (let i = 0; i < 15; i++) {
        node.push(wallMs(['--input-type=module', '-e', '0'], 'warm', 'node'));
        library.push(wallMs(withImport, 'warm', 'import'));
      }
      const base = median(node);
      const total = median(library);
      return { value: total - base, unit: 'ms', note: `import ${total.toFixed(0)} ms vs node -e 0 ${base.toFixed(0)} ms${cpuNote('import', 'node')}` };
    },
  },
];
