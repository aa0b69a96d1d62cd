/**
 * The Monte Carlo worker thread: receives a run's compiled scenario once (a job message), then computes
 * the blocks it is sent and transfers each tally back. It holds no run state beyond the current model:
 * which blocks exist and how they merge is decided by the parent (MonteCarloPlan), so results do not
 * depend on the worker count. Workers outlive a run (see the pool in simulate.ts), hence the job tags.
 *
 * Entry point of its own: `dist/bin/simulate-worker.mjs` in the bundle, `dist/scenarios/simulate-worker.js`
 * from tsc, this file under tsx.
 */
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { type CompiledScenario, sampleBlock } from '../model/uncertainty/sampler.js';

export const SIMULATE_WORKER_ROLE = 'govsim-simulate';

export interface SimulateWorkerData {
  readonly role: typeof SIMULATE_WORKER_ROLE;
}

/** A run's model, sent once to each worker it uses before its blocks; `job` tags that run's tallies. */
export interface JobMessage {
  readonly kind: 'job';
  readonly job: number;
  readonly compiled: CompiledScenario;
  readonly seed: number;
}

export interface BlockMessage {
  readonly kind: 'block';
  readonly job: number;
  readonly index: number;
  readonly draws: number;
}

export interface TallyMessage {
  readonly job: number;
  readonly index: number;
  readonly tally: Float64Array<ArrayBuffer>;
}

function isSimulateWorkerData(value: unknown): value is SimulateWorkerData {
  return typeof value === 'object' && value !== null && (value as { role?: unknown }).role === SIMULATE_WORKER_ROLE;
}

function serve(): void {
  const port = parentPort;
  if (port === null || !isSimulateWorkerData(workerData)) return;
  let current: JobMessage | undefined;
  port.on('message', (message: JobMessage | BlockMessage) => {
    if (message.kind === 'job') {
      current = message;
      return;
    }
    // Messages arrive in order, so a block always follows its own run's job message.
    if (current?.job !== message.job) return;
    const tally = sampleBlock(current.compiled, current.seed, message.index, message.draws);
    const reply: TallyMessage = { job: message.job, index: message.index, tally };
    port.postMessage(reply, [tally.buffer]);
  });
}

if (!isMainThread) serve();
