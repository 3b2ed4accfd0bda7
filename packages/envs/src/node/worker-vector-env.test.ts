// Tests for WorkerVectorEnv against the BUILT package (Node 20 workers cannot run .ts): run `npx tsc -b tsconfig.lib.json` first (Nx's test target depends on build).
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { WorkerVectorEnv, SubEnvError } from '../../dist/node/index.js';
import type { AutoresetMode } from '../core/env.js';
import { Rng } from '../core/rng.js';
import { makeVec } from '../vector/make-vec.js';
import { registerTestEnvs } from '../vector/test-envs.test.helper.js';
import type { VectorActions } from '../vector/vector-env.js';

// The worker imports the compiled helper and awaits its init(), which registers test/Drift-v0 and test/Walk-v0.
const TEST_ENVS = new URL('../../dist/vector/test-envs.test.helper.js', import.meta.url);
const DRIFT = 'test/Drift-v0';

const opened: WorkerVectorEnv[] = [];
async function createWorkerEnv(id: string, numEnvs: number, options: Parameters<typeof WorkerVectorEnv.create>[2] = {}): Promise<WorkerVectorEnv> {
  const env = await WorkerVectorEnv.create(id, numEnvs, { workers: 2, modules: [TEST_ENVS], ...options });
  opened.push(env);
  return env;
}

beforeAll(() => registerTestEnvs());
afterEach(async () => {
  await Promise.all(opened.splice(0).map((env) => env.close()));
});

/** Seeded random Drift actions in [-1, 1), a little beyond the limit now and then is fine (the env does not clamp). */
function driftActions(rng: Rng, numEnvs: number): Float32Array {
  return Float32Array.from({ length: numEnvs }, () => rng.uniformIn(-1, 1));
}

/** Ways to run the worker env that must not change its results: how the main thread waits, and a main-thread share. */
const LAYOUTS: { name: string; options: Parameters<typeof WorkerVectorEnv.create>[2] }[] = [
  { name: 'split 3 + 2, wait yield', options: { wait: 'yield' } },
  { name: 'split 3 + 2, wait block', options: { wait: 'block' } },
  { name: 'main thread 2 + workers 2 + 1, wait block', options: { mainThreadEnvs: 2, wait: 'block' } },
  { name: 'main thread 3 + worker 2, wait yield', options: { mainThreadEnvs: 3, workers: 1, wait: 'yield' } },
  { name: 'main thread 2 + worker 3, wait block, spinMicros 200', options: { mainThreadEnvs: 2, workers: 1, wait: 'block', spinMicros: 200 } },
];

describe('WorkerVectorEnv gives the same results as SyncVectorEnv', () => {
  for (const [autoresetMode, layout] of [
    ['next-step', LAYOUTS[0]!],
    ['same-step', LAYOUTS[0]!],
    ['next-step', LAYOUTS[1]!],
    ['same-step', LAYOUTS[2]!],
    ['next-step', LAYOUTS[3]!],
    ['same-step', LAYOUTS[4]!],
  ] as [AutoresetMode, (typeof LAYOUTS)[number]][]) {
    it(`continuous actions, ${autoresetMode} autoreset, 5 sub-envs ${layout.name}`, async () => {
      const sync = makeVec(DRIFT, 5, { autoresetMode, envOptions: { limit: 1.5 } });
      const worker = await createWorkerEnv(DRIFT, 5, { autoresetMode, envOptions: { limit: 1.5 }, ...layout.options });
      expect(worker.observationSpace.toJSON()).toEqual(sync.observationSpace.toJSON());
      expect(worker.actionSpace.toJSON()).toEqual(sync.actionSpace.toJSON());
      expect(worker.metadata).toEqual(sync.metadata);
      expect(worker.scene()).toEqual(sync.scene());
      expect(await worker.reset({ seed: 42 })).toEqual(sync.reset({ seed: 42 }));
      const rng = new Rng(3);
      let ends = 0;
      for (let t = 0; t < 14; t++) {
        const actions = driftActions(rng, 5);
        const expected = sync.step(actions);
        const got = await worker.step(actions);
        expect(got).toEqual(expected);
        expect(worker.poses()).toEqual(sync.poses());
        ends += expected.terminations.reduce((a, b) => a + b, 0) + expected.truncations.reduce((a, b) => a + b, 0);
      }
      // The run must cross episode ends for the comparison to cover autoreset.
      expect(ends).toBeGreaterThan(2);
      expect(await worker.reset({ seed: [1, null, 3, null, 5] })).toEqual(sync.reset({ seed: [1, null, 3, null, 5] }));
    });
  }

  for (const layout of [LAYOUTS[0]!, LAYOUTS[2]!]) {
    it(`discrete actions and disabled autoreset with reset_mask, 4 sub-envs, ${layout.options?.mainThreadEnvs ? 'main thread 2 + workers 1 + 1' : 'split 2 + 2'}`, async () => {
      await discreteMaskedRun(layout.options);
    });
  }
});

/** Discrete actions, autoreset disabled, a masked reset: the worker env must match the sync env step for step. */
async function discreteMaskedRun(options: Parameters<typeof WorkerVectorEnv.create>[2]): Promise<void> {
  const sync = makeVec('test/Walk-v0', 4, { autoresetMode: 'disabled' });
  const worker = await createWorkerEnv('test/Walk-v0', 4, { autoresetMode: 'disabled', ...options });
  expect(await worker.reset()).toEqual(sync.reset());
  const steps: VectorActions[] = [Int32Array.of(1, -1, 0, 1), Int32Array.of(1, 0, 1, -1)];
  for (const actions of steps) expect(await worker.step(actions)).toEqual(sync.step(actions));
  const mask = { options: { reset_mask: [true, false, false, false] } };
  expect(await worker.reset(mask)).toEqual(sync.reset(mask));
  const last = Int32Array.of(0, 1, 0, 0);
  expect(await worker.step(last)).toEqual(sync.step(last));
}

describe('WorkerVectorEnv errors', () => {
  it('rejects a bad action batch with the vector env and the expected size', async () => {
    const env = await createWorkerEnv(DRIFT, 4);
    await env.reset({ seed: 0 });
    await expect(env.step(new Float32Array(3))).rejects.toThrow(
      'WorkerVectorEnv(test/Drift-v0, numEnvs=4, workers=2): actions must be a Float32Array of length 4 (numEnvs 4 × action size 1, row-major; single action space Box(-1, 1, (1), float32)), got Float32Array(3) [0, 0, 0]',
    );
  });

  it('rejects with the sub-env index and the original message when a sub-env in a worker throws', async () => {
    const env = await createWorkerEnv(DRIFT, 4);
    await env.reset({ seed: 0 });
    const error = await env.step(Float32Array.of(0, 0, 0, Number.NaN)).catch((err: unknown) => err);
    expect(error).toBeInstanceOf(SubEnvError);
    expect((error as SubEnvError).subEnvIndex).toBe(3);
    expect((error as Error).message).toBe(
      'WorkerVectorEnv(test/Drift-v0, numEnvs=4, workers=2): sub-env 3 (test/Drift-v0) step() failed: test/Drift-v0: action[0] must be a finite number, got NaN in Float32Array(1) [NaN]',
    );

    const failing = await createWorkerEnv(DRIFT, 2, { envOptions: { failAtStep: 2 } });
    await failing.reset({ seed: 0 });
    await failing.step(new Float32Array(2));
    await expect(failing.step(new Float32Array(2))).rejects.toThrow(
      'WorkerVectorEnv(test/Drift-v0, numEnvs=2, workers=2): sub-env 0 (test/Drift-v0) step() failed: Drift failure at step 2',
    );
  });

  it('a crashed worker rejects the pending call and every later one', async () => {
    const env = await createWorkerEnv(DRIFT, 4, { envOptions: { exitAtStep: 2 } });
    await env.reset({ seed: 0 });
    await env.step(new Float32Array(4));
    // Both workers exit at step 2; whichever exit is seen first is reported, then and afterwards.
    const crash = /^WorkerVectorEnv\(test\/Drift-v0, numEnvs=4, workers=2\): worker (0 \(sub-envs 0–1\)|1 \(sub-envs 2–3\)) exited with code 7; close\(\) this env and create a new one$/;
    await expect(env.step(new Float32Array(4))).rejects.toThrow(crash);
    await expect(env.reset()).rejects.toThrow(crash);
    expect(env.liveWorkers).toBeLessThan(2);
  });

  it('a sub-env error on the main thread or in a worker rejects with the lowest failing index, once the workers are idle', async () => {
    const env = await createWorkerEnv(DRIFT, 4, { mainThreadEnvs: 2, workers: 1, wait: 'block' });
    expect(env.mainThreadEnvs).toBe(2);
    await env.reset({ seed: 0 });
    const label = 'WorkerVectorEnv(test/Drift-v0, numEnvs=4, workers=1, mainThreadEnvs=2)';
    const both = await env.step(Float32Array.of(0, Number.NaN, 0, Number.NaN)).catch((err: unknown) => err);
    expect(both).toBeInstanceOf(SubEnvError);
    expect((both as SubEnvError).subEnvIndex).toBe(1);
    expect((both as Error).message).toBe(
      `${label}: sub-env 1 (test/Drift-v0) step() failed: test/Drift-v0: action[0] must be a finite number, got NaN in Float32Array(1) [NaN]`,
    );
    const inWorker = await env.step(Float32Array.of(0, 0, 0, Number.NaN)).catch((err: unknown) => err);
    expect((inWorker as SubEnvError).subEnvIndex).toBe(3);
    // The env stays usable: the next reset and step run on every thread.
    await env.reset({ seed: 1 });
    expect((await env.step(new Float32Array(4))).rewards).toHaveLength(4);
  });

  it('a crashed worker rejects a call that is blocking the main thread', async () => {
    const env = await createWorkerEnv(DRIFT, 4, { wait: 'block', envOptions: { exitAtStep: 2 } });
    await env.reset({ seed: 0 });
    await env.step(new Float32Array(4));
    await expect(env.step(new Float32Array(4))).rejects.toThrow(/worker [01] \(sub-envs [02]–[13]\) exited with code 7/);
  });

  it('rejects bad mainThreadEnvs, workers, spinMicros and wait options naming the allowed range', async () => {
    await expect(WorkerVectorEnv.create(DRIFT, 4, { mainThreadEnvs: 4, modules: [TEST_ENVS] })).rejects.toThrow(
      'WorkerVectorEnv(test/Drift-v0): mainThreadEnvs must be an integer in [0, numEnvs − 1 = 3], got 4',
    );
    await expect(WorkerVectorEnv.create(DRIFT, 4, { mainThreadEnvs: 1.5 })).rejects.toThrow('mainThreadEnvs must be an integer in [0, numEnvs − 1 = 3], got 1.5');
    await expect(WorkerVectorEnv.create(DRIFT, 4, { mainThreadEnvs: 2, workers: 3 })).rejects.toThrow(
      'WorkerVectorEnv(test/Drift-v0): workers must be an integer in [1, numEnvs − mainThreadEnvs = 2], got 3',
    );
    await expect(WorkerVectorEnv.create(DRIFT, 4, { spinMicros: -1 })).rejects.toThrow(
      'WorkerVectorEnv(test/Drift-v0): spinMicros must be a number of microseconds in [0, 1e6], got -1',
    );
    await expect(WorkerVectorEnv.create(DRIFT, 4, { wait: 'spin' as 'block' })).rejects.toThrow(
      "WorkerVectorEnv(test/Drift-v0): wait must be one of 'yield', 'block', got \"spin\"",
    );
  });

  for (const wait of ['yield', 'block'] as const) {
    it(`rejects a second call while one is pending (wait ${wait})`, async () => {
      const env = await createWorkerEnv(DRIFT, 2, { wait });
      const first = env.reset({ seed: 0 });
      await expect(env.step(new Float32Array(2))).rejects.toThrow('step() called while a previous reset() or step() is still pending; await it first');
      await first;
    });
  }

  it('fails to create with the worker and the reason for an unknown id or a missing module', async () => {
    await expect(WorkerVectorEnv.create('test/Nope-v0', 2, { workers: 1, modules: [TEST_ENVS] })).rejects.toThrow(
      'WorkerVectorEnv(test/Nope-v0, numEnvs=2, workers=1): worker 0 (sub-envs 0–1) could not build its sub-envs: Unknown env id "test/Nope-v0"',
    );
    await expect(WorkerVectorEnv.create(DRIFT, 2, { workers: 1, modules: [new URL('./no-such-module.js', TEST_ENVS)] })).rejects.toThrow(
      /worker 0 \(sub-envs 0–1\) could not build its sub-envs: Cannot find module/,
    );
    await expect(WorkerVectorEnv.create(DRIFT, 2, { workers: 3 })).rejects.toThrow(
      'WorkerVectorEnv(test/Drift-v0): workers must be an integer in [1, numEnvs = 2], got 3',
    );
  });
});

describe('WorkerVectorEnv lifecycle and rendering', () => {
  it('close() terminates every worker, is idempotent, and later calls reject', async () => {
    const env = await createWorkerEnv(DRIFT, 2);
    expect(env.liveWorkers).toBe(2);
    await env.reset({ seed: 0 });
    const first = env.close();
    expect(env.close()).toBe(first);
    await first;
    expect(env.liveWorkers).toBe(0);
    await expect(env.step(new Float32Array(2))).rejects.toThrow('WorkerVectorEnv(test/Drift-v0, numEnvs=2, workers=2): step() called after close()');
  });

  it('close() with a main-thread share terminates the workers and rejects later calls', async () => {
    const env = await createWorkerEnv(DRIFT, 3, { mainThreadEnvs: 1, workers: 1, wait: 'block' });
    await env.reset({ seed: 0 });
    await env.step(new Float32Array(3));
    await env.close();
    expect(env.liveWorkers).toBe(0);
    await expect(env.reset()).rejects.toThrow('WorkerVectorEnv(test/Drift-v0, numEnvs=3, workers=1, mainThreadEnvs=1): reset() called after close()');
  });

  it('poses() needs sharePoses; scenes() lists every sub-env', async () => {
    const env = await createWorkerEnv(DRIFT, 3, { sharePoses: false, sceneSpacing: 0 });
    expect(env.scenes().map((s) => s.name)).toEqual([DRIFT, DRIFT, DRIFT]);
    expect(env.scene().bodies).toHaveLength(6);
    expect(() => env.poses()).toThrow('poses() needs the option sharePoses: true (this env was created with sharePoses: false)');
  });
});
