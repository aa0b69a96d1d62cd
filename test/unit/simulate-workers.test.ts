/**
 * The simulation's worker threads as resources: K threads are the calling one and K − 1 workers, kept
 * idle for the next run (whatever the number it wants), unref'd while idle, ended on request, and a
 * worker that dies while idle is not handed out again. Results never depend on them (tested in
 * uncertainty-simulate.test.ts); these tests count the workers started through the platform module.
 */
import { getEventListeners } from 'node:events';
import type { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type * as WorkerThread from '../../src/platform/worker-thread.js';
import { scenarioFromDocument } from '../../src/scenarios/scenario-loader.js';

const started: Worker[] = [];

/** The simulate module on a fresh module copy, with every worker it starts recorded. */
async function simulate(onStart?: (worker: Worker) => void) {
  vi.resetModules();
  started.length = 0;
  const platform = await vi.importActual<typeof WorkerThread>('../../src/platform/worker-thread.js');
  vi.doMock('../../src/platform/worker-thread.js', () => ({
    ...platform,
    startWorker: (entry: URL, data: unknown) => {
      const worker = platform.startWorker(entry, data);
      started.push(worker);
      onStart?.(worker);
      return worker;
    },
  }));
  return import('../../src/scenarios/simulate.js');
}

afterEach(() => {
  vi.doUnmock('../../src/platform/worker-thread.js');
  vi.resetModules();
});

/** Najaf with the cf bloc, each member attending with probability 9/10: a model every run here draws from. */
function najaf(module: Awaited<ReturnType<typeof simulate>>) {
  return module.simulationModel(scenarioFromDocument({ name: 'x', steps: [{ bloc: { id: 'cf', councils: ['najaf'] } }], probabilities: { attendance: { all: '9/10' } } })).model;
}

const options = { seed: 5, runs: 4096 };

const exited = (worker: Worker) => new Promise<number>((resolve) => worker.once('exit', resolve));

describe('simulation workers', () => {
  it('start K − 1 workers for K threads, keep them for the next run, and end them on request', async () => {
    const module = await simulate();
    const model = najaf(module);
    const first = await module.monteCarloSimulation(model, { ...options, workers: 3 });
    expect(started).toHaveLength(2);
    // The next run takes the idle ones: none started, fewer or as many wanted.
    expect(await module.monteCarloSimulation(model, { ...options, workers: 2 })).toEqual(first);
    expect(await module.monteCarloSimulation(model, { ...options, workers: 3 })).toEqual(first);
    expect(started).toHaveLength(2);
    // One more thread than there are idle workers starts exactly one.
    expect(await module.monteCarloSimulation(model, { ...options, workers: 4 })).toEqual(first);
    expect(started).toHaveLength(3);
    // A single thread needs none.
    await module.monteCarloSimulation(model, { ...options, workers: 1 });
    expect(started).toHaveLength(3);
    const exits = started.map(exited);
    await module.endIdleWorkers();
    expect(await Promise.all(exits)).toHaveLength(3);
    // Ended workers are not handed out again.
    expect(await module.monteCarloSimulation(model, { ...options, workers: 2 })).toEqual(first);
    expect(started).toHaveLength(4);
    await module.endIdleWorkers();
  });

  it('idle workers end on their own ten seconds after the last run', async () => {
    const module = await simulate();
    const model = najaf(module);
    const realTimeout = setTimeout;
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      await module.monteCarloSimulation(model, { ...options, workers: 3 });
      const exits = started.map(exited);
      let ended = 0;
      for (const exit of exits) void exit.then(() => ended++);
      await vi.advanceTimersByTimeAsync(9_999);
      expect(ended).toBe(0);
      await vi.advanceTimersByTimeAsync(1);
      // Terminating takes a few milliseconds of real time; two seconds is far more than enough.
      await Promise.race([Promise.all(exits), new Promise((resolve) => realTimeout(resolve, 2_000))]);
      expect(ended).toBe(2);
    } finally {
      vi.useRealTimers();
      await module.endIdleWorkers();
    }
  });

  it('an idle worker holds only the listener that drops it should it die; a busy one only the run\'s own', async () => {
    const module = await simulate();
    const model = najaf(module);
    const signal = new AbortController().signal;
    const during: number[][] = [];
    // The second run takes the worker the first left idle.
    await module.monteCarloSimulation(model, { ...options, workers: 2 });
    await module.monteCarloSimulation(model, {
      seed: 5,
      runs: 8 * 4096,
      workers: 2,
      signal,
      onProgress: () => during.push([started[0]!.listenerCount('message'), started[0]!.listenerCount('error'), started[0]!.listenerCount('exit'), getEventListeners(signal, 'abort').length]),
    });
    expect(during.length).toBeGreaterThan(0);
    for (const counts of during) expect(counts).toEqual([1, 1, 1, 1]);
    expect(started).toHaveLength(1);
    // Idle: no run's listeners left on the worker or on the caller's signal.
    expect([started[0]!.listenerCount('message'), started[0]!.listenerCount('error'), started[0]!.listenerCount('exit')]).toEqual([0, 0, 1]);
    expect(getEventListeners(signal, 'abort')).toHaveLength(0);
    await module.endIdleWorkers();
  });

  it('an already aborted run draws nothing, on one thread or several', async () => {
    const module = await simulate();
    const model = najaf(module);
    for (const workers of [1, 2]) {
      const result = await module.monteCarloSimulation(model, { seed: 5, runs: 50 * 4096, workers, signal: AbortSignal.abort() });
      expect([result.stop, result.interrupted, result.draws]).toEqual(['interrupted', true, 0]);
    }
    await module.endIdleWorkers();
  });

  it('a worker that dies during a run fails the run, which stops at once; the next run starts a fresh one', async () => {
    const module = await simulate();
    const model = najaf(module);
    let calls = 0;
    const run = module.monteCarloSimulation(model, {
      seed: 5,
      runs: 400 * 4096,
      workers: 2,
      onProgress: () => {
        calls++;
        if (calls === 1) void started[0]!.terminate();
      },
    });
    const failure = await run.then(() => undefined, (error: unknown) => error);
    // Ended from outside, the worker reports code 0 or 1 depending on where it was stopped.
    expect(failure).toBeInstanceOf(Error);
    expect((failure as Error).message).toMatch(/^simulation worker exited early \(code [01]\)$/);
    // The calling thread stops taking blocks too: no progress after the failure.
    const after = calls;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(calls).toBe(after);
    const single = await module.monteCarloSimulation(model, { ...options, workers: 1 });
    expect(await module.monteCarloSimulation(model, { ...options, workers: 2 })).toEqual(single);
    expect(started).toHaveLength(2);
    await module.endIdleWorkers();
  });

  it('a worker that fails (an uncaught error in it) fails the run, which ends it before reporting; the next run starts a fresh one', async () => {
    let ended = false;
    // Before the run's own messages, a model the sampler cannot read and a block of it: the worker throws.
    const module = await simulate((worker) => {
      if (started.length > 1) return;
      // Once the pool has taken it (taking a worker drops its 'exit' listeners).
      setImmediate(() => worker.once('exit', () => (ended = true)));
      worker.postMessage({ kind: 'job', job: -1, compiled: {}, seed: 5 });
      worker.postMessage({ kind: 'block', job: -1, index: 0, draws: 1 });
    });
    const model = najaf(module);
    const run = module.monteCarloSimulation(model, { seed: 5, runs: 400 * 4096, workers: 2 });
    const failure = await run.then(() => undefined, (error: unknown) => error);
    expect(failure).toBeInstanceOf(Error);
    expect((failure as Error).message).toMatch(/^simulation worker failed: ./);
    // The worker's own error, kept as the cause for --debug.
    expect((failure as Error).cause).toBeInstanceOf(Error);
    expect((failure as Error).message).toBe(`simulation worker failed: ${((failure as Error).cause as Error).message}`);
    expect(ended).toBe(true);
    const single = await module.monteCarloSimulation(model, { ...options, workers: 1 });
    expect(await module.monteCarloSimulation(model, { ...options, workers: 2 })).toEqual(single);
    expect(started).toHaveLength(2);
    await module.endIdleWorkers();
  });

  // Were a dead one handed out, its blocks would never come back and the run would never end.
  it.each([
    { threads: 2, dead: 0 },
    { threads: 4, dead: 1 },
  ])('a worker that dies while idle is not handed to the next run ($threads threads, idle worker $dead dies)', async ({ threads, dead }) => {
    const module = await simulate();
    const model = najaf(module);
    const first = await module.monteCarloSimulation(model, { ...options, workers: threads });
    expect(started).toHaveLength(threads - 1);
    await started[dead]!.terminate();
    expect(await module.monteCarloSimulation(model, { ...options, workers: threads })).toEqual(first);
    expect(started).toHaveLength(threads);
    await module.endIdleWorkers();
  });
});
