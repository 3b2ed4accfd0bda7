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

describe('WorkerVectorEnv gives the same results as SyncVectorEnv', () => {
  for (const autoresetMode of ['next-step', 'same-step'] as AutoresetMode[]) {
    it(`continuous actions, ${autoresetMode} autoreset, 5 sub-envs split 3 + 2`, async () => {
      const sync = makeVec(DRIFT, 5, { autoresetMode, envOptions: { limit: 1.5 } });
      const worker = await createWorkerEnv(DRIFT, 5, { autoresetMode, envOptions: { limit: 1.5 } });
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

  it('discrete actions and disabled autoreset with reset_mask', async () => {
    const sync = makeVec('test/Walk-v0', 4, { autoresetMode: 'disabled' });
    const worker = await createWorkerEnv('test/Walk-v0', 4, { autoresetMode: 'disabled' });
    expect(await worker.reset()).toEqual(sync.reset());
    const steps: VectorActions[] = [Int32Array.of(1, -1, 0, 1), Int32Array.of(1, 0, 1, -1)];
    for (const actions of steps) expect(await worker.step(actions)).toEqual(sync.step(actions));
    const mask = { options: { reset_mask: [true, false, false, false] } };
    expect(await worker.reset(mask)).toEqual(sync.reset(mask));
    const last = Int32Array.of(0, 1, 0, 0);
    expect(await worker.step(last)).toEqual(sync.step(last));
  });
});

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

  it('rejects a second call while one is pending', async () => {
    const env = await createWorkerEnv(DRIFT, 2);
    const first = env.reset({ seed: 0 });
    await expect(env.step(new Float32Array(2))).rejects.toThrow('step() called while a previous reset() or step() is still pending; await it first');
    await first;
  });

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

  it('poses() needs sharePoses; scenes() lists every sub-env', async () => {
    const env = await createWorkerEnv(DRIFT, 3, { sharePoses: false, sceneSpacing: 0 });
    expect(env.scenes().map((s) => s.name)).toEqual([DRIFT, DRIFT, DRIFT]);
    expect(env.scene().bodies).toHaveLength(6);
    expect(() => env.poses()).toThrow('poses() needs the option sharePoses: true (this env was created with sharePoses: false)');
  });
});
