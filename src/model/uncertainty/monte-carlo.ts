/**
 * Seeded Monte Carlo over a probabilistic scenario, reproducible whatever the number of workers.
 *
 * A run is cut into blocks of BLOCK_SIZE scenario draws. Block b draws from its own stream
 * (`streamGenerator(seed, b)`), so its tally depends only on (scenario, seed, b). Tallies are merged in
 * block order and the stopping rule is checked only on that merged prefix, at block boundaries: with
 * `runs` the run is exactly `runs` draws (the last block is shorter); with `precision` it stops after
 * the first block at which every reported proportion's 95% Wilson half-width is below the target.
 * Who computed which block, and in which order blocks finished, never shows in the result.
 *
 * `MonteCarloPlan` is the bookkeeping shared by the single-threaded `simulate` below and the
 * worker-thread driver in src/scenarios/simulate.ts.
 */
import { GovsimUsageError } from '../errors.js';
import { isValidSeed, MAX_SEED } from '../random.js';
import { type Interval, meanInterval, wilsonHalfWidth, wilsonInterval } from './interval.js';
import type { ProbabilisticScenario } from './model.js';
import { type CompiledScenario, type TallyLayout, COUNCIL_SLOTS, compileScenario, mergeTally, sampleBlock } from './sampler.js';

/** Scenario draws per block. Part of the reproducibility contract: changing it changes results. */
export const BLOCK_SIZE = 4096;
/** Target half-width when neither runs nor precision is given. */
export const DEFAULT_PRECISION = 0.005;
export const DEFAULT_SEED = 1;
/** Upper bound on a precision-driven run (about 96 M draws reach ±0.0001 in the worst case). */
export const DEFAULT_MAX_RUNS = 100_000_000;

export interface MonteCarloOptions {
  readonly seed?: number;
  /** Exactly this many scenario draws. Excludes `precision`. */
  readonly runs?: number;
  /** Stop when every reported proportion's 95% half-width is below this. Default DEFAULT_PRECISION. */
  readonly precision?: number;
  /** Cap for precision-driven runs. */
  readonly maxRuns?: number;
}

export type StopReason = 'runs' | 'precision' | 'max-runs' | 'interrupted';

export interface BlockRequest {
  readonly index: number;
  readonly draws: number;
}

export interface Progress {
  readonly draws: number;
  readonly blocks: number;
  readonly halfWidth: number;
  /** The draws the run is expected to take in total (exact for `runs`, projected for `precision`). */
  readonly expectedDraws: number;
}

interface ResolvedOptions {
  readonly seed: number;
  readonly runs: number | undefined;
  readonly precision: number | undefined;
  readonly limit: number;
}

export function resolveMonteCarloOptions(options: MonteCarloOptions): ResolvedOptions {
  const seed = options.seed ?? DEFAULT_SEED;
  if (!isValidSeed(seed)) throw new GovsimUsageError(`seed must be an integer from 0 to ${MAX_SEED}, got ${seed}`);
  if (options.runs !== undefined && options.precision !== undefined) throw new GovsimUsageError('give either runs or precision, not both');
  if (options.runs !== undefined) {
    if (!Number.isSafeInteger(options.runs) || options.runs < 1) throw new GovsimUsageError(`runs must be a positive integer, got ${options.runs}`);
    return { seed, runs: options.runs, precision: undefined, limit: options.runs };
  }
  const precision = options.precision ?? DEFAULT_PRECISION;
  if (!(precision > 0 && precision <= 0.5)) throw new GovsimUsageError(`precision must be in (0, 0.5], got ${precision}`);
  const limit = options.maxRuns ?? DEFAULT_MAX_RUNS;
  if (!Number.isSafeInteger(limit) || limit < 1) throw new GovsimUsageError(`maxRuns must be a positive integer, got ${limit}`);
  return { seed, runs: undefined, precision, limit };
}

/** Which blocks to run, their merge in block order, and the stopping rule. */
export class MonteCarloPlan {
  readonly seed: number;
  readonly precision: number | undefined;
  private readonly limit: number;
  private readonly blockLimit: number;
  private readonly layout: TallyLayout;
  private readonly total: Float64Array;
  private readonly pending = new Map<number, Float64Array>();
  private issued = 0;
  private merged = 0;
  private reason: StopReason | undefined;
  private reached = 0.5;

  constructor(layout: TallyLayout, options: MonteCarloOptions) {
    const resolved = resolveMonteCarloOptions(options);
    this.seed = resolved.seed;
    this.precision = resolved.precision;
    this.limit = resolved.limit;
    this.blockLimit = Math.ceil(resolved.limit / BLOCK_SIZE);
    this.layout = layout;
    this.total = new Float64Array(layout.length);
  }

  /** The next block to compute, or undefined when no further block is needed. */
  next(): BlockRequest | undefined {
    if (this.reason !== undefined || this.issued >= this.blockLimit) return undefined;
    const index = this.issued++;
    return { index, draws: Math.min(BLOCK_SIZE, this.limit - index * BLOCK_SIZE) };
  }

  /** Records a computed block; merges every block that now continues the prefix, checking the stop rule after each. */
  complete(index: number, tally: Float64Array): void {
    if (this.reason !== undefined || index < this.merged) return;
    this.pending.set(index, tally);
    for (let block = this.pending.get(this.merged); block !== undefined; block = this.pending.get(this.merged)) {
      this.pending.delete(this.merged);
      mergeTally(this.total, block);
      this.merged++;
      this.reached = maxHalfWidth(this.layout, this.total);
      if (this.precision !== undefined && this.reached < this.precision) this.reason = 'precision';
      else if (this.merged === this.blockLimit) this.reason = this.precision === undefined ? 'runs' : 'max-runs';
      if (this.reason !== undefined) {
        this.pending.clear();
        return;
      }
    }
  }

  /** Stops issuing blocks; the result is the prefix merged so far. */
  interrupt(): void {
    this.reason ??= 'interrupted';
  }

  get finished(): boolean {
    return this.reason !== undefined;
  }

  get stopReason(): StopReason | undefined {
    return this.reason;
  }

  get mergedBlocks(): number {
    return this.merged;
  }

  get tally(): Float64Array {
    return this.total;
  }

  progress(): Progress {
    const draws = this.total[0]!;
    let expectedDraws = this.limit;
    if (this.precision !== undefined && draws > 0) {
      // Half-widths shrink like 1/√n.
      expectedDraws = Math.min(this.limit, Math.max(draws, Math.ceil(draws * (this.reached / this.precision) ** 2)));
    }
    return { draws, blocks: this.merged, halfWidth: this.reached, expectedDraws };
  }
}

/** The largest 95% Wilson half-width over every proportion the result reports. */
export function maxHalfWidth(layout: TallyLayout, tally: Float64Array): number {
  // No draw yet: every half-width is wilsonHalfWidth's 1/2 for no trials.
  const n = tally[0]!;
  let worst = 0;
  const consider = (count: number): void => {
    const half = wilsonHalfWidth(count, n);
    if (half > worst) worst = half;
  };
  layout.councilStart.forEach((start, c) => {
    const end = c + 1 < layout.councilStart.length ? layout.councilStart[c + 1]! : layout.nationalStart;
    consider(tally[start + COUNCIL_SLOTS.elected]!);
    consider(tally[start + COUNCIL_SLOTS.deadlock]!);
    consider(tally[start + COUNCIL_SLOTS.noQuorum]!);
    consider(tally[start + COUNCIL_SLOTS.blocGoverns]!);
    consider(tally[start + COUNCIL_SLOTS.rivalElected]!);
    for (let i = start + COUNCIL_SLOTS.pivotal; i < end; i++) consider(tally[i]!);
  });
  let atLeast = 0;
  for (let k = layout.length - 1; k > layout.nationalStart; k--) {
    atLeast += tally[k]!;
    consider(atLeast);
  }
  return worst;
}

// ---------------------------------------------------------------------------------------------
// Results.

export interface Estimate extends Interval {
  /** The sample proportion. */
  readonly estimate: number;
  readonly count: number;
}

export interface MeanEstimate extends Interval {
  readonly mean: number;
}

export interface CouncilEstimate {
  readonly council: string;
  readonly elected: Estimate;
  /** Another alignment (a rival) is elected. */
  readonly rivalElected: Estimate;
  readonly deadlock: Estimate;
  readonly noQuorum: Estimate;
  readonly blocGoverns: Estimate;
  readonly expectedMargin: MeanEstimate;
  readonly pivotal: Readonly<Record<string, Estimate>>;
}

export interface MonteCarloResult {
  readonly seed: number;
  readonly blockSize: number;
  readonly draws: number;
  readonly blocks: number;
  readonly precision: number | undefined;
  /** The largest 95% half-width over all reported proportions. */
  readonly halfWidth: number;
  readonly stop: StopReason;
  readonly interrupted: boolean;
  readonly bloc: string;
  readonly councils: readonly CouncilEstimate[];
  /** P(the bloc governs at least k councils), k = 0..councils. */
  readonly blocGovernsAtLeast: readonly Estimate[];
}

function estimate(count: number, n: number): Estimate {
  // No draw: 0 / 0 is NaN, the estimate of nothing.
  return { estimate: count / n, count, ...wilsonInterval(count, n) };
}

export function summarizeTally(compiled: CompiledScenario, bloc: string, plan: MonteCarloPlan): MonteCarloResult {
  const tally = plan.tally;
  const { layout } = compiled;
  const n = tally[0]!;
  const councils = compiled.councilIds.map((council, c): CouncilEstimate => {
    const at = layout.councilStart[c]!;
    const pivotal: Record<string, Estimate> = {};
    for (let u = compiled.unitStart[c]!; u < compiled.unitStart[c + 1]!; u++) {
      pivotal[compiled.unitIds[u]!] = estimate(tally[at + COUNCIL_SLOTS.pivotal + u - compiled.unitStart[c]!]!, n);
    }
    return {
      council,
      elected: estimate(tally[at + COUNCIL_SLOTS.elected]!, n),
      rivalElected: estimate(tally[at + COUNCIL_SLOTS.rivalElected]!, n),
      deadlock: estimate(tally[at + COUNCIL_SLOTS.deadlock]!, n),
      noQuorum: estimate(tally[at + COUNCIL_SLOTS.noQuorum]!, n),
      blocGoverns: estimate(tally[at + COUNCIL_SLOTS.blocGoverns]!, n),
      expectedMargin: meanInterval(tally[at + COUNCIL_SLOTS.marginSum]!, tally[at + COUNCIL_SLOTS.marginSquares]!, n),
      pivotal,
    };
  });
  const atLeast: Estimate[] = [];
  let running = 0;
  for (let k = compiled.councilCount; k >= 0; k--) {
    running += tally[layout.nationalStart + k]!;
    atLeast[k] = estimate(running, n);
  }
  const stop = plan.stopReason ?? 'interrupted';
  return {
    seed: plan.seed,
    blockSize: BLOCK_SIZE,
    draws: n,
    blocks: plan.mergedBlocks,
    precision: plan.precision,
    halfWidth: maxHalfWidth(layout, tally),
    stop,
    interrupted: stop === 'interrupted',
    bloc,
    councils,
    blocGovernsAtLeast: atLeast,
  };
}

export interface SimulateHooks {
  /** Called after each merged block. */
  readonly onProgress?: (progress: Progress) => void;
  /** Polled between blocks; returning true stops the run and reports what was merged (marked interrupted). */
  readonly shouldStop?: () => boolean;
}

/** Single-threaded seeded Monte Carlo; the worker-thread driver gives identical results. */
export function simulate(scenario: ProbabilisticScenario, options: MonteCarloOptions = {}, hooks: SimulateHooks = {}): MonteCarloResult {
  const compiled = compileScenario(scenario);
  const plan = new MonteCarloPlan(compiled.layout, options);
  for (let request = plan.next(); request !== undefined; request = plan.next()) {
    if (hooks.shouldStop?.()) {
      plan.interrupt();
      break;
    }
    plan.complete(request.index, sampleBlock(compiled, plan.seed, request.index, request.draws));
    hooks.onProgress?.(plan.progress());
  }
  return summarizeTally(compiled, scenario.bloc, plan);
}
