/**
 * `govsim simulate`: a scenario's `probabilities:` block on top of the councils its steps produce,
 * then exact probabilities (dynamic programme, shocks conditioned on exactly) and/or seeded Monte
 * Carlo on worker threads. The only module of the uncertainty feature that knows the scenario engine.
 *
 * Each council is simulated around one alignment: the strongest valid deal covering it, else the
 * alignment the run reports (elected, or the strongest claim; none → an empty coalition that only
 * `join` can fill), with the runner's majority as threshold and its quorum. Every other alignment
 * that can govern (rumps, other deals and blocs, a list big enough alone) competes as a rival.
 */
import type { Worker } from 'node:worker_threads';
import { type DataIssue, ExitCode, GovsimDataError, GovsimError, GovsimUsageError } from '../model/errors.js';
import { unitPresent } from '../model/council.js';
import { type Rational, ONE, ZERO, formatRational, rationalToNumber } from '../model/rational.js';
import {
  type CouncilInput,
  type Estimate,
  type ExactScenarioOutcome,
  type MonteCarloOptions,
  type MonteCarloResult,
  type ProbabilisticScenario,
  type Progress,
  MonteCarloPlan,
  buildProbabilisticScenario,
  compileScenario,
  exactAvailability,
  exactScenarioOutcome,
  sampleBlock,
  summarizeTally,
} from '../model/uncertainty/index.js';
import type { CompiledScenario } from '../model/uncertainty/sampler.js';
import { type DataDocument, issuesFromZod, located, parseDataPath } from '../dataset/data-file.js';
import { probabilitiesSchemas } from './probabilities-schema.js';
import { type CouncilResult, modelCouncil, runScenario, type ScenarioRun } from './runner.js';
import type { LoadedScenario } from './scenario-loader.js';
import type { ScenarioState } from './scenario-state.js';
import { SIMULATE_WORKER_ROLE, type BlockMessage, type JobMessage, type SimulateWorkerData, type TallyMessage } from './simulate-worker.js';
import { startWorker } from '../platform/worker-thread.js';
import { resolveInCouncil } from './steps/index.js';

const BLOCK_PATH = 'probabilities';

export interface SimulationModel {
  readonly scenario: LoadedScenario;
  readonly run: ScenarioRun;
  /** The simulated councils' deterministic results, in model order. */
  readonly councils: readonly CouncilResult[];
  readonly model: ProbabilisticScenario;
}

export interface ModelOptions {
  /**
   * The councils to simulate. Default: those the scenario's steps change plus those the block names
   * (`councils:` keys, shock `councils:`), or every council when that is none.
   */
  readonly councils?: readonly string[] | 'all';
  /**
   * The state the scenario's own steps lead to, when later edits sit on top of it (the explorer's
   * session). Members whose attendance those edits changed are fixed over the block's attendance
   * probabilities: made absent, they stay away; brought back, they come. Shocks still apply.
   */
  readonly editsSince?: ScenarioState;
}

/** Validates the scenario's `probabilities:` block and builds the probabilistic model. Throws GovsimDataError (exit 65). */
export function simulationModel(scenario: LoadedScenario, options: ModelOptions = {}): SimulationModel {
  // Errors name the file that holds the block (an ancestor's, when it is inherited), with its lines.
  const source = scenario.probabilitiesSource;
  const file = source !== undefined ? source.file : scenario.file;
  const document = source?.document;
  const parsed = probabilitiesSchemas().ProbabilitiesSchema.safeParse(scenario.probabilities ?? {});
  if (!parsed.success) {
    // The schema's paths are relative to the block.
    throw new GovsimDataError(file, issuesFromZod(parsed.error, document, [BLOCK_PATH]));
  }
  const run = runScenario(scenario);
  let results = run.councils;
  if (options.councils !== undefined && options.councils !== 'all') {
    const known = new Set(results.map((council) => council.id));
    const unknown = options.councils.filter((id) => !known.has(id));
    if (unknown.length > 0) throw new GovsimUsageError(`unknown council ${unknown.map((id) => `"${id}"`).join(', ')} (known: ${[...known].join(', ')})`);
    const wanted = new Set(options.councils);
    results = results.filter((council) => wanted.has(council.id));
  } else if (options.councils === undefined) {
    const named = new Set<string>([
      ...Object.keys(parsed.data.councils ?? {}),
      ...(parsed.data.shocks ?? []).flatMap((shock) => (Array.isArray(shock.councils) ? shock.councils : [])),
    ]);
    const chosen = results.filter((council) => council.changes.length > 0 || named.has(council.id));
    if (chosen.length > 0) results = chosen;
  }
  const inputs = results.map((result) => councilInput(scenario, result));
  // Names in the block are checked against every council of the run, not only the simulated ones.
  const scope = run.councils.map((council) => modelCouncil(scenario.state, council.id));
  const built = buildProbabilisticScenario(inputs, parsed.data, BLOCK_PATH, scope);
  if (built.issues.length > 0) throw new GovsimDataError(file, built.issues.map((issue) => locate(issue, document)));
  const model = options.editsSince ? fixEditedAttendance(built.scenario, inputs, options.editsSince) : built.scenario;
  return { scenario, run, councils: results, model };
}

/**
 * Members absent now (in the councils the model was built from) but not in `since` never attend;
 * members present now but absent in `since` always do. As in the scenario layer of the block, a unit's absent members are its last seats.
 */
function fixEditedAttendance(model: ProbabilisticScenario, now: readonly CouncilInput[], since: ScenarioState): ProbabilisticScenario {
  const councils = model.councils.map((council) => {
    // The model's councils are built from `now`, one each.
    const current = now.find((input) => input.council.id === council.id)!.council;
    if (since.councils[council.id] === undefined) return council;
    const absentSince = new Map(modelCouncil(since, council.id).units.map((unit) => [unit.id, unit.seats - unitPresent(unit)]));
    const absentNow = new Map(current.units.map((unit) => [unit.id, unit.seats - unitPresent(unit)]));
    const units = council.units.map((unit) => {
      const before = absentSince.get(unit.id);
      const after = absentNow.get(unit.id);
      if (before === undefined || after === undefined) return unit;
      // Seats [seats − after, seats − before) went away, or [seats − before, seats − after) came back.
      const attendance = unit.attendance.map((p, member) => {
        const fromEnd = unit.seats - member; // 1 for the last seat
        if (fromEnd > before && fromEnd <= after) return ZERO;
        if (fromEnd > after && fromEnd <= before) return ONE;
        return p;
      });
      return { ...unit, attendance };
    });
    return { ...council, units };
  });
  return { ...model, councils };
}

/**
 * The alignment a council is simulated around: the strongest valid deal covering it (the scenario's
 * hypothesis: `join` and `defect` read relative to it), else the alignment the run reports.
 */
function simulatedAlignment(result: CouncilResult): { units: readonly string[]; candidate: string | null } {
  const deals = result.alignments.filter((alignment) => alignment.kind === 'deal' && alignment.status !== 'void');
  const deal = deals.reduce<(typeof deals)[number] | undefined>((best, next) => (best === undefined || next.votes > best.votes ? next : best), undefined);
  if (deal) return { units: deal.units, candidate: deal.governor };
  return { units: result.outcome.coalition, candidate: result.outcome.candidate };
}

/**
 * Every other alignment that can govern: the run's deals, blocs and rumps (void ones and members voting
 * against every line never can), and any lone unit big enough to reach the threshold by itself.
 */
function rivalAlignments(scenario: LoadedScenario, result: CouncilResult, coalition: readonly string[]) {
  const council = modelCouncil(scenario.state, result.id);
  const taken = new Set(coalition);
  const rivals: { id: string; units: string[]; governor: string; governorBlocs: string[] }[] = [];
  for (const alignment of result.alignments) {
    // Members voting against every line have no governor (alignments.ts).
    if (alignment.status === 'void' || alignment.governor === null) continue;
    // The simulated coalition's own alignment is listed too: the model drops the coalition's units from
    // every rival, and rivals left with none (spec.ts).
    for (const id of alignment.units) taken.add(id);
    rivals.push({ id: `${alignment.kind}:${alignment.id}`, units: [...alignment.units], governor: alignment.governor, governorBlocs: partyBlocs(scenario.state, alignment.governor) });
  }
  for (const unit of council.units) {
    if (taken.has(unit.id) || unit.seats < result.majority) continue;
    rivals.push({ id: `list:${unit.id}`, units: [unit.id], governor: unit.id, governorBlocs: [...(unit.blocs ?? [])] });
  }
  return rivals;
}

function councilInput(scenario: LoadedScenario, result: CouncilResult): CouncilInput {
  const council = modelCouncil(scenario.state, result.id);
  const simulated = simulatedAlignment(result);
  // The run's alignments name units of this same council (the run built it from the same state).
  const coalition = simulated.units;
  const candidate = simulated.candidate;
  let governor: string | undefined;
  if (candidate !== null) {
    let best = -1;
    for (const id of resolveInCouncil(scenario.state, result.id, candidate)) {
      const unit = council.units.find((entry) => entry.id === id);
      if (unit && coalition.includes(id) && unit.seats > best) {
        best = unit.seats;
        governor = id;
      }
    }
  }
  const outsideGovernor = candidate !== null && governor === undefined ? { party: candidate, blocs: partyBlocs(scenario.state, candidate) } : undefined;
  const rivals = rivalAlignments(scenario, result, coalition);
  return {
    council,
    rivals,
    threshold: result.majority,
    quorum: result.quorum.needed,
    coalition,
    ...(governor !== undefined ? { governor } : {}),
    ...(outsideGovernor !== undefined ? { outsideGovernor } : {}),
  };
}

/** The dataset blocs a party belongs to: those of a unit it is (or is the list of) in any council, else the blocs listing it. */
function partyBlocs(state: ScenarioState, party: string): string[] {
  const blocs = new Set<string>();
  for (const councilId of state.councilOrder) {
    for (const unit of state.councils[councilId]?.units ?? []) {
      if (unit.id === party || unit.parent === party) for (const family of unit.families) blocs.add(family);
    }
  }
  for (const [family, members] of Object.entries(state.families)) if (members.includes(party)) blocs.add(family);
  return [...blocs];
}

/** Adds the line where the document has one to an issue whose path starts at the scenario's root. */
function locate(issue: DataIssue, document: DataDocument | undefined): DataIssue {
  return located(parseDataPath(issue.path), issue.message, document);
}

// ---------------------------------------------------------------------------------------------
// Exact.

export type ExactAttempt = { readonly outcome: ExactScenarioOutcome } | { readonly unavailable: string };

/** Exact probabilities when the model allows them (few enough shocks), else the reason why not. */
export function exactSimulation(model: ProbabilisticScenario): ExactAttempt {
  const availability = exactAvailability(model);
  if (!availability.available) return { unavailable: availability.reason };
  return { outcome: exactScenarioOutcome(model) };
}

// ---------------------------------------------------------------------------------------------
// Monte Carlo.

export interface SimulationOptions extends MonteCarloOptions {
  /** Threads: the calling one and workers − 1 worker threads (default 1: the calling thread only). Results do not depend on it. */
  readonly workers?: number;
  readonly onProgress?: (progress: Progress) => void;
  /** Aborting stops the run after the blocks already merged; the result is marked interrupted. */
  readonly signal?: AbortSignal;
}

export const MAX_WORKERS = 64;

/** A number of threads, checked (GovsimUsageError unless a whole number from 1 to MAX_WORKERS). */
export function checkedWorkers(workers: number): number {
  if (!Number.isSafeInteger(workers) || workers < 1 || workers > MAX_WORKERS) {
    throw new GovsimUsageError(`workers must be an integer from 1 to ${MAX_WORKERS}, got ${workers}`);
  }
  return workers;
}

/** Seeded Monte Carlo; identical for the same seed with any number of workers. */
export async function monteCarloSimulation(model: ProbabilisticScenario, options: SimulationOptions = {}): Promise<MonteCarloResult> {
  const workers = checkedWorkers(options.workers ?? 1);
  const compiled = compileScenario(model);
  const plan = new MonteCarloPlan(compiled.layout, options);
  await runOnThreads(compiled, plan, workers, options);
  return summarizeTally(compiled, model.bloc, plan);
}

/** Blocks each worker may have queued, so none idles while its last tally travels back. */
const QUEUE_DEPTH = 2;

/**
 * Idle workers kept for the next run in this process (the explorer, a library caller, a test suite):
 * a new worker costs its start-up and then runs cold code until the JIT has seen enough blocks, which
 * on a run of a second or two is a large share of its work. Idle workers are unref'd, so they never keep
 * the process alive, and are ended after IDLE_MS without a run.
 */
const idleWorkers: Worker[] = [];
const IDLE_MS = 10_000;
let idleTimer: NodeJS.Timeout | undefined;
let jobCounter = 0;

function acquireWorkers(count: number): Worker[] {
  const workers = idleWorkers.splice(0, count);
  while (workers.length < count) workers.push(startWorker(new URL('./simulate-worker', import.meta.url), { role: SIMULATE_WORKER_ROLE } satisfies SimulateWorkerData));
  for (const worker of workers) worker.removeAllListeners('exit').ref();
  return workers;
}

function releaseWorkers(workers: readonly Worker[]): void {
  for (const worker of workers) {
    worker.removeAllListeners('message').removeAllListeners('error').removeAllListeners('exit');
    worker.unref();
    // One that dies while idle must not be handed to the next run (its blocks would never come back).
    worker.once('exit', () => {
      const at = idleWorkers.indexOf(worker);
      if (at !== -1) idleWorkers.splice(at, 1);
    });
    idleWorkers.push(worker);
  }
  clearTimeout(idleTimer);
  idleTimer = setTimeout(() => void endIdleWorkers(), IDLE_MS).unref();
}

/** Ends the idle simulation workers now (they end on their own after a while without runs). */
export async function endIdleWorkers(): Promise<void> {
  clearTimeout(idleTimer);
  await Promise.all(idleWorkers.splice(0).map((worker) => worker.terminate()));
}

/**
 * K threads of work: the calling thread and K − 1 workers (none for K = 1). The calling thread has the
 * sampler loaded and compiled already, whereas a new worker starts cold, so it takes blocks too rather
 * than idling while it waits for tallies; it yields to the event loop between blocks so tallies,
 * Ctrl-C and progress are handled as they come.
 */
async function runOnThreads(compiled: CompiledScenario, plan: MonteCarloPlan, count: number, options: SimulationOptions): Promise<void> {
  const job = ++jobCounter;
  const pool = acquireWorkers(count - 1).map((worker) => ({ worker, queued: 0, healthy: true }));
  try {
    await new Promise<void>((resolve, reject) => {
      let settled = false;
      const settle = (error?: Error): void => {
        if (settled) return;
        settled = true;
        options.signal?.removeEventListener('abort', onAbort);
        if (error === undefined) resolve();
        else reject(error);
      };
      const onAbort = (): void => {
        plan.interrupt();
        settle();
      };
      const complete = (index: number, tally: Float64Array): void => {
        plan.complete(index, tally);
        options.onProgress?.(plan.progress());
        if (plan.finished) settle();
      };
      const feed = (slot: (typeof pool)[number], depth = QUEUE_DEPTH): void => {
        while (slot.queued < depth) {
          const request = plan.next();
          if (request === undefined) return;
          const message: BlockMessage = { kind: 'block', job, ...request };
          slot.worker.postMessage(message);
          slot.queued++;
        }
      };
      const workHere = (): void => {
        if (settled) return;
        const request = plan.next();
        if (request === undefined) return; // the workers finish the blocks they hold
        complete(request.index, sampleBlock(compiled, plan.seed, request.index, request.draws));
        setImmediate(workHere);
      };
      for (const slot of pool) {
        const failed = (error: GovsimError): void => {
          slot.healthy = false;
          settle(error);
        };
        slot.worker.on('message', (message: TallyMessage) => {
          if (settled || message.job !== job) return; // a block still in flight when a run stopped
          slot.queued--;
          complete(message.index, message.tally);
          if (!settled) feed(slot);
        });
        slot.worker.on('error', (error) => failed(new GovsimError(`simulation worker failed: ${error.message}`, ExitCode.internal, { cause: error })));
        slot.worker.on('exit', (code) => failed(new GovsimError(`simulation worker exited early (code ${code})`, ExitCode.internal)));
        const start: JobMessage = { kind: 'job', job, compiled, seed: plan.seed };
        slot.worker.postMessage(start);
      }
      if (options.signal?.aborted) onAbort();
      else options.signal?.addEventListener('abort', onAbort, { once: true });
      // Round-robin, so the first blocks (which the merge waits for) start on every worker at once.
      for (let depth = 1; depth <= QUEUE_DEPTH; depth++) for (const slot of pool) feed(slot, depth);
      setImmediate(workHere);
    });
  } finally {
    const healthy = pool.filter((slot) => slot.healthy).map((slot) => slot.worker);
    await Promise.all(pool.filter((slot) => !slot.healthy).map((slot) => slot.worker.terminate()));
    releaseWorkers(healthy);
  }
}

// ---------------------------------------------------------------------------------------------
// The report: exact and Monte Carlo figures side by side, as `govsim simulate` prints them.

/** One probability: the exact fraction with its float, and/or the Monte Carlo estimate with its 95% interval. */
export interface ReportedProbability {
  readonly exact?: string;
  readonly value?: number;
  readonly monteCarlo?: { readonly estimate: number; readonly low: number; readonly high: number; readonly count: number };
}

export interface ReportedMean {
  readonly exact?: string;
  readonly value?: number;
  readonly monteCarlo?: { readonly mean: number; readonly low: number; readonly high: number };
}

export interface CouncilReport {
  readonly council: string;
  readonly name: string;
  readonly threshold: number;
  readonly quorum: number;
  /** Units backing the candidate (before any switch). */
  readonly coalition: readonly string[];
  readonly governedByBloc: boolean;
  /** The scenario's deterministic status for this council. */
  readonly scenarioStatus: string;
  /** The simulated alignment (the coalition) is elected. */
  readonly elected: ReportedProbability;
  /** Another alignment is elected (a rump, another deal or bloc, a list alone). */
  readonly rivalElected: ReportedProbability;
  /** The rival alignments, ids such as `rump:cf` or `deal:x`. */
  readonly rivals: readonly string[];
  /** Quorate, a candidate claimed (the scenario's coalition is not empty), no majority. */
  readonly deadlock: ReportedProbability;
  /** Quorate, no candidate claimed (the scenario found no coalition), no majority: the council is open, not deadlocked. */
  readonly open: ReportedProbability;
  readonly noQuorum: ReportedProbability;
  readonly blocGoverns: ReportedProbability;
  readonly expectedMargin: ReportedMean;
  readonly pivotal: Readonly<Record<string, ReportedProbability>>;
}

export interface SimulationReport {
  readonly schemaVersion: 1;
  readonly scenario: string;
  readonly file: string | null;
  readonly bloc: string;
  readonly exact: { readonly shockCombinations: number } | { readonly unavailable: string } | null;
  readonly monteCarlo: {
    readonly seed: number;
    readonly draws: number;
    readonly blocks: number;
    readonly blockSize: number;
    readonly precision: number | null;
    readonly halfWidth: number;
    readonly stop: string;
    readonly workers: number;
  } | null;
  readonly interrupted: boolean;
  /** What a reader must know to read the figures (no block, councils left out); the CLI prints them on stderr. */
  readonly warnings: readonly string[];
  /** The councils of the scenario that were not simulated (not changed by its steps nor named by its block). */
  readonly notSimulated: readonly string[];
  readonly councils: readonly CouncilReport[];
  /** `atLeast[k]`: P(the bloc governs at least k of the simulated councils). */
  readonly national: { readonly bloc: string; readonly atLeast: readonly (ReportedProbability & { readonly k: number })[] };
}

function exactPart(p: Rational | undefined): { exact?: string; value?: number } {
  return p === undefined ? {} : { exact: formatRational(p), value: rationalToNumber(p) };
}

function mcPart(estimate: Estimate | undefined): Pick<ReportedProbability, 'monteCarlo'> {
  return estimate === undefined ? {} : { monteCarlo: { estimate: estimate.estimate, low: estimate.low, high: estimate.high, count: estimate.count } };
}

function probability(p: Rational | undefined, estimate: Estimate | undefined): ReportedProbability {
  return { ...exactPart(p), ...mcPart(estimate) };
}

export const NO_BLOCK_WARNING =
  'the scenario has no probabilities: block: every member attends and votes as the steps say, so every figure is 0 or 1 (add a probabilities: block, see docs/scenario-format.md)';

function simulationWarnings(simulation: SimulationModel, notSimulated: readonly string[]): string[] {
  const warnings: string[] = [];
  const block = simulation.scenario.probabilities;
  if (block === undefined || block === null) warnings.push(NO_BLOCK_WARNING);
  if (notSimulated.length > 0) {
    warnings.push(
      `simulated ${simulation.councils.length} of ${simulation.run.councils.length} councils (those the steps change or the block names); ` +
        `not simulated: ${notSimulated.join(', ')} (--council all simulates every council)`,
    );
  }
  return warnings;
}

export function simulationReport(
  simulation: SimulationModel,
  exact: ExactAttempt | null,
  monteCarlo: MonteCarloResult | null,
  workers = 1,
): SimulationReport {
  const outcome = exact !== null && 'outcome' in exact ? exact.outcome : undefined;
  const councils = simulation.model.councils.map((council, c): CouncilReport => {
    const ex = outcome?.councils[c];
    const mc = monteCarlo?.councils[c];
    const result = simulation.councils[c]!;
    // The engine has one "no majority" outcome; with no candidate claimed it is an open council, not a deadlock.
    const claimed = council.units.some((unit) => unit.inCoalition);
    const none: ReportedProbability = { ...exactPart(ex ? ZERO : undefined), ...(mc ? { monteCarlo: { estimate: 0, low: 0, high: 0, count: 0 } } : {}) };
    const pivotal: Record<string, ReportedProbability> = {};
    for (const unit of council.units) pivotal[unit.id] = probability(ex?.pivotal[unit.id], mc?.pivotal[unit.id]);
    return {
      council: council.id,
      name: result.name,
      threshold: council.threshold,
      quorum: council.quorum,
      coalition: council.units.filter((unit) => unit.inCoalition).map((unit) => unit.id),
      governedByBloc: council.governedByBloc,
      scenarioStatus: result.outcome.status,
      elected: probability(ex?.elected, mc?.elected),
      rivalElected: probability(ex?.rivalElected, mc?.rivalElected),
      rivals: (council.rivals ?? []).map((rival) => rival.id),
      deadlock: claimed ? probability(ex?.deadlock, mc?.deadlock) : none,
      open: claimed ? none : probability(ex?.deadlock, mc?.deadlock),
      noQuorum: probability(ex?.noQuorum, mc?.noQuorum),
      blocGoverns: probability(ex?.blocGoverns, mc?.blocGoverns),
      expectedMargin: {
        ...exactPart(ex?.expectedMargin),
        ...(mc ? { monteCarlo: { mean: mc.expectedMargin.mean, low: mc.expectedMargin.low, high: mc.expectedMargin.high } } : {}),
      },
      pivotal,
    };
  });
  const simulated = new Set(simulation.councils.map((council) => council.id));
  const notSimulated = simulation.run.councils.filter((council) => !simulated.has(council.id)).map((council) => council.id);
  const atLeast = Array.from({ length: simulation.model.councils.length + 1 }, (_, k) => ({
    k,
    ...probability(outcome?.blocGovernsAtLeast[k], monteCarlo?.blocGovernsAtLeast[k]),
  }));
  return {
    schemaVersion: 1,
    scenario: simulation.scenario.name,
    file: simulation.scenario.file ?? null,
    bloc: simulation.model.bloc,
    exact: exact === null ? null : 'outcome' in exact ? { shockCombinations: exact.outcome.shockCombinations } : { unavailable: exact.unavailable },
    monteCarlo: monteCarlo
      ? {
          seed: monteCarlo.seed,
          draws: monteCarlo.draws,
          blocks: monteCarlo.blocks,
          blockSize: monteCarlo.blockSize,
          precision: monteCarlo.precision ?? null,
          halfWidth: monteCarlo.halfWidth,
          stop: monteCarlo.stop,
          workers,
        }
      : null,
    interrupted: monteCarlo?.interrupted ?? false,
    warnings: simulationWarnings(simulation, notSimulated),
    notSimulated,
    councils,
    national: { bloc: simulation.model.bloc, atLeast },
  };
}
