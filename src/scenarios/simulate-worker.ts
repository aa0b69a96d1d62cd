/**
 * The Monte Carlo worker thread: receives the compiled scenario once (workerData), then computes the
 * blocks it is sent and transfers each tally back. It holds no run state: which blocks exist and how
 * they merge is decided by the parent (MonteCarloPlan), so results do not depend on the worker count.
 *
 * Entry point of its own: `dist/bin/simulate-worker.mjs` in the bundle, `dist/scenarios/simulate-worker.js`
 * from tsc, this file under tsx.
 */
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { type CompiledScenario, sampleBlock } from '../model/uncertainty/sampler.js';

export const SIMULATE_WORKER_ROLE = 'govsim-simulate';

export interface SimulateWorkerData {
  readonly role: typeof SIMULATE_WORKER_ROLE;
  readonly compiled: CompiledScenario;
  readonly seed: number;
}

export interface BlockMessage {
  readonly index: number;
  readonly draws: number;
}

export interface TallyMessage {
  readonly index: number;
  readonly tally: Float64Array<ArrayBuffer>;
}

function isSimulateWorkerData(value: unknown): value is SimulateWorkerData {
  return typeof value === 'object' && value !== null && (value as { role?: unknown }).role === SIMULATE_WORKER_ROLE;
}

function serve(): void {
  const port = parentPort;
  if (port === null || !isSimulateWorkerData(workerData)) return;
  const { compiled, seed } = workerData;
  port.on('message', (message: BlockMessage) => {
    const tally = sampleBlock(compiled, seed, message.index, message.draws);
    const reply: TallyMessage = { index: message.index, tally };
    port.postMessage(reply, [tally.buffer]);
  });
}

if (!isMainThread) serve();
