// Benchmark anchor: how much faster two threads finish two equal pure-JS loops than one thread finishes one (what a shared machine gives right now).
import { Worker } from 'node:worker_threads';

const LOOP = `
function spin(n) { let x = 0; for (let i = 0; i < n; i++) x = (x + i * 2654435761) % 1000003; return x; }
`;
const WORKER_CODE = `${LOOP}
const { parentPort } = require('node:worker_threads');
parentPort.on('message', (n) => parentPort.postMessage(spin(n)));
`;
// eslint-disable-next-line @typescript-eslint/no-implied-eval -- the same loop text runs on both threads
const spin = new Function('n', `${LOOP} return spin(n);`) as (n: number) => number;

/** A helper thread running the same loop as the main thread; `ratio()` times one thread alone against both at once. */
export class ParallelCeiling {
  private readonly worker = new Worker(WORKER_CODE, { eval: true });

  /** 2 × (time of one loop alone) / (time of two loops on two threads): 2.0 on two free cores, 1.0 on one. */
  async ratio(iterations = 2_000_000): Promise<number> {
    let t0 = performance.now();
    spin(iterations);
    const alone = performance.now() - t0;
    t0 = performance.now();
    const other = new Promise((resolve) => this.worker.once('message', resolve));
    this.worker.postMessage(iterations);
    spin(iterations);
    await other;
    const both = performance.now() - t0;
    return (2 * alone) / both;
  }

  async close(): Promise<void> {
    await this.worker.terminate();
  }
}
