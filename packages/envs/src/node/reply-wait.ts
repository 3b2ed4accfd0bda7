// How WorkerVectorEnv's main thread waits for a worker to publish DONE = seq: yielding to the event loop, or blocking in Atomics.wait.
import { DONE } from './worker-protocol.js';

/**
 * 'yield': `Atomics.waitAsync` on the worker's DONE word; timers, I/O and other Promises run while the workers step.
 * 'block': `Atomics.wait` on the main thread (after polling for spinMicros); nothing else runs on it during a step,
 * and the wake-up skips the event loop. It still yields to the event loop after every BLOCK_SLICE_MS of waiting, so that a worker that died (its
 * 'exit' event) or a close() is noticed.
 */
export type WaitMode = 'yield' | 'block';

export const WAIT_MODES: readonly WaitMode[] = ['yield', 'block'];

/** Longest single Atomics.wait of the 'block' mode before it lets the event loop run once. */
export const BLOCK_SLICE_MS = 20;

// Atomics.waitAsync is in Node ≥ 16 (V8 8.7) but not in TypeScript's es2023 lib.
type WaitAsync = (array: Int32Array, index: number, value: number, timeout?: number) => { async: boolean; value: Promise<string> | string };
const waitAsync = (Atomics as unknown as { waitAsync: WaitAsync }).waitAsync;

/**
 * Polls `control[index]` while it equals `value`, for at most `micros` µs. A thread that sleeps in Atomics.wait on a
 * busy machine can wait a scheduler tick (hundreds of µs) to run again after the notify; a short poll first catches
 * replies that come soon, at the price of that much CPU per wait.
 */
export function spinWhileEqual(control: Int32Array, index: number, value: number, micros: number): void {
  if (micros <= 0) return;
  const end = performance.now() + micros / 1000;
  while (Atomics.load(control, index) === value) {
    for (let i = 0; i < 64; i++) if (Atomics.load(control, index) !== value) return;
    if (performance.now() >= end) return;
  }
}

/** Resolves once `control[DONE] === seq` (DONE holds seq − 1 until then); rejects as soon as `interrupted` rejects. */
export async function waitDone(control: Int32Array, seq: number, mode: WaitMode, spinMicros: number, interrupted: Promise<never>): Promise<void> {
  if (mode === 'block') spinWhileEqual(control, DONE, seq - 1, spinMicros);
  while (Atomics.load(control, DONE) !== seq) {
    if (mode === 'block') {
      if (Atomics.wait(control, DONE, seq - 1, BLOCK_SLICE_MS) === 'timed-out') {
        await Promise.race([new Promise<void>((resolve) => setImmediate(resolve)), interrupted]);
      }
    } else {
      const result = waitAsync(control, DONE, seq - 1);
      if (result.async) await Promise.race([result.value, interrupted]);
    }
  }
}
