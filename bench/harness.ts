/**
 * Benchmark harness: in-process timings after warm-up, reported as medians over many samples, each
 * compared with the floor an issue states. Whole-process figures are measured by their own cases
 * (see bench/cases/cli.ts) as a ratio to `node -e 0` taken in the same run.
 */
import { performance } from 'node:perf_hooks';

/** `ratio` is dimensionless (e.g. a parallel speed-up). */
export type Unit = 'ns' | 'µs' | 'ms' | 's' | 'per-s' | 'ratio';

export interface Floor {
  /** The stated limit, in `unit`. */
  readonly value: number;
  readonly unit: Unit;
  /** `max`: the figure must be at most the floor (times); `min`: at least (throughput). */
  readonly kind: 'max' | 'min';
  /** Where the floor comes from, e.g. "issue 4". */
  readonly source: string;
}

export interface Measurement {
  readonly value: number;
  readonly unit: Unit;
  /** Free text shown in the table, e.g. the naive reference's figure. */
  readonly note?: string;
}

export interface BenchCase {
  readonly name: string;
  readonly floor?: Floor;
  /** Returns the measured figure, in the floor's unit. */
  readonly measure: () => Measurement | Promise<Measurement>;
}

export interface TimingOptions {
  /** Minimum wall time spent sampling, in ms. */
  readonly minTimeMs?: number;
  readonly warmupMs?: number;
  /** Calls per sample; raise it for sub-microsecond functions so the clock resolution does not dominate. */
  readonly batch?: number;
}

/** Median time of one call of `fn`, in microseconds, after warm-up. `fn` should return something to keep it live. */
export function medianMicros(fn: () => unknown, options: TimingOptions = {}): number {
  const { minTimeMs = 400, warmupMs = 150 } = options;
  let sink: unknown;
  let batch = options.batch ?? 1;
  const warmEnd = performance.now() + warmupMs;
  while (performance.now() < warmEnd) sink = fn();
  if (options.batch === undefined) {
    // Pick a batch so one sample takes ≥ 50 µs.
    const t0 = performance.now();
    sink = fn();
    const one = Math.max((performance.now() - t0) * 1000, 0.01);
    batch = Math.max(1, Math.ceil(50 / one));
  }
  const samples: number[] = [];
  const end = performance.now() + minTimeMs;
  while (performance.now() < end || samples.length < 15) {
    const start = performance.now();
    for (let i = 0; i < batch; i++) sink = fn();
    samples.push(((performance.now() - start) * 1000) / batch);
  }
  keep(sink);
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)]!;
}

let kept: unknown;
function keep(value: unknown): void {
  kept = value;
}
export function lastKept(): unknown {
  return kept;
}

export function convertMicros(micros: number, unit: Unit): number {
  switch (unit) {
    case 'ns':
      return micros * 1000;
    case 'µs':
      return micros;
    case 'ms':
      return micros / 1000;
    case 's':
      return micros / 1e6;
    case 'per-s':
      return 1e6 / micros;
    case 'ratio':
      throw new Error('a time cannot be converted to a ratio');
  }
}

export function meets(floor: Floor, measured: Measurement): boolean {
  return floor.kind === 'max' ? measured.value <= floor.value : measured.value >= floor.value;
}

export function formatFigure(value: number, unit: Unit): string {
  if (unit === 'ratio') return `×${value.toFixed(2)}`;
  const digits = value >= 100 ? 0 : value >= 10 ? 1 : 2;
  const text = unit === 'per-s' ? Math.round(value).toLocaleString('en-US') : value.toFixed(digits);
  return `${text} ${unit === 'per-s' ? '/s' : unit}`;
}
