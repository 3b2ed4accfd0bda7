// Benchmark anchor: env steps/s of two threads that each step their own envs with no synchronisation, against one thread (the most a 2-thread vector env could reach on this machine right now).
import { Worker } from 'node:worker_threads';
import { IndependentStepper } from './independent-stepping.js';

/**
 * The pure-JS ParallelCeiling says how much of a second core is free; this says how much two threads of Rapier
 * stepping actually gain (memory traffic, garbage collection and V8's helper threads included), with nothing
 * shared between them. A vector env that synchronises every step can only lose against it.
 */
export class RapierCeiling {
  private constructor(
    private readonly local: IndependentStepper,
    private readonly worker: Worker,
  ) {}

  /** `count` envs of `id` on this thread and `count` more in a worker thread. */
  static async create(id: string, count: number): Promise<RapierCeiling> {
    const worker = new Worker(new URL('./rapier-ceiling-worker.js', import.meta.url), { workerData: { id, count, seed: 1000 } });
    const ready = new Promise<void>((resolve, reject) => {
      worker.once('message', () => resolve());
      worker.once('error', reject);
    });
    const local = await IndependentStepper.create(id, count, 0);
    await ready;
    return new RapierCeiling(local, worker);
  }

  /** (steps/s of both threads together) / (steps/s of this thread alone), each timed for `ms`. */
  async ratio(ms = 500): Promise<number> {
    const alone = this.local.run(ms);
    const other = new Promise<number>((resolve) => this.worker.once('message', resolve));
    this.worker.postMessage(ms);
    const mine = this.local.run(ms);
    const both = mine + (await other);
    return both / alone;
  }

  async close(): Promise<void> {
    this.local.close();
    await this.worker.terminate();
  }
}
