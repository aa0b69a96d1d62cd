/**
 * Explorer floors (issue 6):
 *
 * - keypress → rendered frame ≤ 16 ms p95 on the Baghdad council (52 seats, 14 units), measured in
 *   process: the App rendered by Ink (not in debug mode, so through its real throttled log-update path)
 *   into a fake 80×24 TTY; each sample is the time from writing a key to stdin to the frame reaching
 *   stdout. Keys alternate edits (space: in/out of the coalition, a: attendance), which re-run every
 *   council and the Baghdad analysis with power indices, and cursor moves. Keys are 50 ms apart, as
 *   typed, so Ink's 30 fps throttle never delays a frame. React runs its production build, colour is
 *   on, Ink's output caches are shared and its text measuring goes through src/ui/fast-string-width.ts,
 *   as in the shipped bin on a terminal.
 * - first frame ≤ 400 ms after launch, whole process: `node bin/govsim.cjs` under a pseudo-terminal made
 *   by `script(1)` (util-linux) at 80×24, timed from spawn to the moment the last council row of the
 *   first frame arrives on the pty. `node -e 0` is timed alike in the same run for comparison.
 */
import { spawn, spawnSync } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { register } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { FakeStdin } from '../../test/helpers/fake-stdin.js';
import type { BenchCase, Measurement } from '../harness.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

class Tty extends EventEmitter {
  readonly isTTY = true;
  readonly columns = 80;
  readonly rows = 24;
  text = '';
  onWrite: (() => void) | undefined;
  write = (chunk: string): boolean => {
    this.text += chunk;
    this.onWrite?.();
    return true;
  };
}

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/**
 * Time from a key on stdin to the end of the next frame on stdout. One render is several synchronous
 * writes (synchronized-output markers, erase, frame): the frame is complete at the last of them.
 */
function timeKey(stdout: Tty, stdin: FakeStdin, key: string, cpu?: number[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    let last = 0;
    stdout.text = '';
    const timer = setTimeout(() => reject(new Error(`no frame after key ${JSON.stringify(key)}`)), 2000);
    stdout.onWrite = () => {
      if (last === 0) {
        clearTimeout(timer);
        setImmediate(() => {
          stdout.onWrite = undefined;
          const used = process.cpuUsage(cpuStart);
          cpu?.push((used.user + used.system) / 1000);
          resolve(last - start);
        });
      }
      last = performance.now();
    };
    stdin.write(key);
  });
}

async function keypressToFrame(): Promise<Measurement> {
  // As the shipped bundle runs: React's production build, and colour on (a real terminal's styling
  // costs Ink work). Both are read when the modules load, hence the imports here.
  process.env['NODE_ENV'] ??= 'production';
  process.env['FORCE_COLOR'] ??= '1';
  // And Ink's text measuring as the bundle routes it.
  register('../string-width-hook.mjs', import.meta.url);
  const { render } = await import('ink');
  const { createElement } = await import('react');
  const { App } = await import('../../src/ui/App.js');
  const { openSession } = await import('../../src/explorer/session.js');
  const { createUiState } = await import('../../src/ui/ui-state.js');
  const { shareInkOutputCaches } = await import('../../src/ui/ink-output-cache.js');
  if (!shareInkOutputCaches()) throw new Error('Ink output caches not shared'); // as runExplorer does
  const stdout = new Tty();
  const stdin = new FakeStdin();
  const inkTimes: number[] = [];
  const instance = render(createElement(App, { initial: createUiState(openSession()) }), {
    stdout: stdout as unknown as NodeJS.WriteStream,
    stdin: stdin as unknown as NodeJS.ReadStream,
    exitOnCtrlC: false,
    patchConsole: false,
    onRender: ({ renderTime }) => inkTimes.push(renderTime),
  });
  try {
    await pause(100);
    await timeKey(stdout, stdin, '\r');
    const shown = stdout.text.replace(new RegExp(`${String.fromCharCode(0x1b)}\\[[0-9;?]*[A-Za-z]`, 'g'), '');
    if (!shown.includes('Baghdad | 52 members')) throw new Error(`the Baghdad view did not open: ${JSON.stringify(shown.slice(-400))}`);
    await pause(50);
    const cycle = [' ', 'j', ' ', 'a', 'k', 'a', 'j', 'j', ' ', ' ', 'k', 'k'];
    // Warm-up, then the measured keys.
    for (const key of cycle) {
      await timeKey(stdout, stdin, key);
      await pause(50);
    }
    const edits: number[] = [];
    const moves: number[] = [];
    const cpu: number[] = [];
    inkTimes.length = 0;
    for (let round = 0; round < 12; round++) {
      for (const key of cycle) {
        const ms = await timeKey(stdout, stdin, key, cpu);
        (key === 'j' || key === 'k' ? moves : edits).push(ms);
        await pause(50);
      }
    }
    const all = [...edits, ...moves];
    return {
      value: percentile(edits, 95),
      unit: 'ms',
      note: `${edits.length} edit keys, p50 ${percentile(edits, 50).toFixed(1)} ms; all ${all.length} keys p95 ${percentile(all, 95).toFixed(1)} ms, moves p50 ${percentile(moves, 50).toFixed(1)} ms; CPU per key p50 ${percentile(cpu, 50).toFixed(1)} / p95 ${percentile(cpu, 95).toFixed(1)} ms, of which Ink's output p50 ${percentile(inkTimes, 50).toFixed(1)} ms (${(inkTimes.length / all.length).toFixed(2)} renders per key)`,
    };
  } finally {
    instance.unmount();
  }
}

/** Milliseconds from spawn until `ready` appears in the output of a command run under a pty. */
function underPty(command: string, ready: string, cacheDir?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    // Ink renders only the final frame when it believes it runs in CI (is-in-ci: CI set, not 0/false).
    const env: NodeJS.ProcessEnv = { ...process.env, TERM: 'xterm-256color', ...(cacheDir === undefined ? {} : { GOVSIM_CACHE_DIR: cacheDir }) };
    delete env['CI'];
    delete env['CONTINUOUS_INTEGRATION'];
    const child = spawn('script', ['-qfec', `stty cols 80 rows 24; exec ${command}`, '/dev/null'], {
      cwd: root,
      env,
      stdio: ['pipe', 'pipe', 'ignore'],
    });
    let seen = '';
    let at: number | undefined;
    // The child may be gone by the time the quitting key is written.
    child.stdin.on('error', () => undefined);
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`no "${ready}" within 10 s`));
    }, 10_000);
    child.stdout.on('data', (chunk: Buffer) => {
      if (at !== undefined) return;
      seen += chunk.toString('utf8');
      if (seen.includes(ready)) {
        at = performance.now() - start;
        child.stdin.write('q');
      }
    });
    child.on('exit', () => {
      clearTimeout(timer);
      if (at === undefined) reject(new Error(`exited before "${ready}"`));
      else resolve(at);
    });
  });
}

function median(values: readonly number[]): number {
  return percentile(values, 50);
}

const scratch = mkdtempSync(join(tmpdir(), 'govsim-bench-ui-'));
process.on('exit', () => rmSync(scratch, { recursive: true, force: true }));
let emptyCaches = 0;

/** `empty`: a new cache directory per start (Node's compile cache, where Node has one, starts empty). */
async function firstFrame(cache: 'empty' | 'warm'): Promise<Measurement> {
  if (!existsSync(`${root}dist/snapshot.json`)) throw new Error('bundle missing: run `npm run build` first');
  const cacheDir = (): string => join(scratch, cache === 'warm' ? 'warm' : `empty-${++emptyCaches}`);
  await underPty('node bin/govsim.cjs', 'Maysan', cacheDir());
  const app: number[] = [];
  const node: number[] = [];
  for (let i = 0; i < 7; i++) {
    node.push(await underPty('node -e "process.stdout.write(\'ready\\n\')"', 'ready'));
    app.push(await underPty('node bin/govsim.cjs', 'Maysan', cacheDir()));
  }
  return { value: median(app), unit: 'ms', note: `median of 7 under script(1); node -e (same pty) ${median(node).toFixed(0)} ms` };
}

const hasScript = spawnSync('script', ['--version'], { stdio: 'ignore' }).status === 0;

export const cases: BenchCase[] = [
  {
    name: 'TUI keypress → frame p95, edit keys alone, Baghdad council (52 seats), 80×24',
    floor: { value: 16, unit: 'ms', kind: 'max', source: 'issue 14' },
    measure: keypressToFrame,
  },
  ...(hasScript
    ? [
        ...(['empty', 'warm'] as const).map(
          (cache): BenchCase => ({
            name: `TUI first frame after launch, ${cache} cache (whole process, pty via script(1))`,
            floor: { value: 350, unit: 'ms', kind: 'max', source: 'issue 14' },
            measure: () => firstFrame(cache),
          }),
        ),
      ]
    : []),
];
