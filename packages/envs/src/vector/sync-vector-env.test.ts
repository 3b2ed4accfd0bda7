// Tests for SyncVectorEnv and makeVec: batched spaces, seeding, the three autoreset modes, info batching, rendering and bad input.
import { beforeAll, describe, expect, it } from 'vitest';
import { make } from '../registry/registry.js';
import { Box } from '../spaces/box.js';
import { MultiDiscrete } from '../spaces/multi-discrete.js';
import { makeVec } from './make-vec.js';
import { SubEnvError } from './sub-env-batch.js';
import { SyncVectorEnv } from './sync-vector-env.js';
import { DriftEnv, WalkEnv, registerTestEnvs } from './test-envs.test.helper.js';
import type { VectorInfo } from './vector-env.js';

const DRIFT = 'test/Drift-v0';
const LABEL = 'SyncVectorEnv(test/Drift-v0, numEnvs=3)';
const f32 = (...v: number[]): Float32Array => Float32Array.from(v);

beforeAll(() => registerTestEnvs());

/** What a lone Drift env returns after `reset({ seed })` then `extraResets` more `reset()` calls. */
function singleReset(seed: number, extraResets = 0, options?: Record<string, unknown>): { obs: Float32Array; x0: number } {
  const env = make(DRIFT);
  let result = env.reset({ seed, ...(options ? { options } : {}) });
  for (let k = 0; k < extraResets; k++) result = env.reset();
  return { obs: result.obs, x0: result.info['x0'] as number };
}

function singleResetObs(seed: number, extraResets = 0, options?: Record<string, unknown>): Float32Array {
  return singleReset(seed, extraResets, options).obs;
}

describe('SyncVectorEnv spaces and metadata', () => {
  it('batches a Box observation/action space and a Discrete action space', () => {
    const drift = makeVec(DRIFT, 3);
    expect(drift.numEnvs).toBe(3);
    expect(drift.singleObservationSpace.shape).toEqual([2]);
    expect(drift.observationSpace).toBeInstanceOf(Box);
    expect(drift.observationSpace.shape).toEqual([3, 2]);
    expect(Array.from(drift.observationSpace.low)).toEqual(new Array(6).fill(-Infinity));
    const act = drift.actionSpace as Box;
    expect(act.shape).toEqual([3, 1]);
    expect(Array.from(act.low)).toEqual([-1, -1, -1]);
    expect(Array.from(act.high)).toEqual([1, 1, 1]);
    expect(drift.metadata.autoresetMode).toBe('next-step');
    expect(drift.metadata.renderFps).toBe(10);

    const walk = makeVec('test/Walk-v0', 2, { autoresetMode: 'same-step' });
    expect(walk.actionSpace).toBeInstanceOf(MultiDiscrete);
    expect(Array.from((walk.actionSpace as MultiDiscrete).nvec)).toEqual([3, 3]);
    expect(Array.from((walk.actionSpace as MultiDiscrete).start)).toEqual([-1, -1]);
    expect(walk.metadata.autoresetMode).toBe('same-step');
  });

  it('rejects sub-envs whose spaces differ, naming the sub-env', () => {
    const fns = [(): DriftEnv => new DriftEnv({ limit: 3, failAtStep: 0, exitAtStep: 0 }), (): WalkEnv => new WalkEnv()];
    expect(() => new SyncVectorEnv(fns)).toThrow('SyncVectorEnv(DriftEnv, numEnvs=2): sub-env 1 has observation space Box(-10, 10, (1), float32)');
  });

  it('rejects bad options', () => {
    expect(() => makeVec(DRIFT, 0)).toThrow('makeVec(test/Drift-v0): numEnvs must be a positive integer, got 0');
    expect(() => makeVec(DRIFT, 2, { autoresetMode: 'sometimes' as never })).toThrow(
      "autoresetMode must be one of 'next-step', 'same-step', 'disabled', got \"sometimes\"",
    );
    expect(() => new SyncVectorEnv([])).toThrow('SyncVectorEnv: envFns must be a non-empty array');
  });
});

describe('SyncVectorEnv seeding (Gymnasium: seed n gives sub-env i the seed n + i)', () => {
  it('an integer seed seeds sub-env i with seed + i', () => {
    const vec = makeVec(DRIFT, 3);
    const { obs } = vec.reset({ seed: 10 });
    for (let i = 0; i < 3; i++) expect(obs.subarray(2 * i, 2 * i + 2)).toEqual(singleResetObs(10 + i));
    expect(obs[0]).not.toBe(obs[2]);
    expect(vec.reset({ seed: 10 }).obs).toEqual(obs);
  });

  it('an array seeds each sub-env; null keeps a sub-env stream going', () => {
    const vec = makeVec(DRIFT, 3);
    vec.reset({ seed: [5, 6, 7] });
    const { obs } = vec.reset({ seed: [8, null, 9] });
    expect(obs.subarray(0, 2)).toEqual(singleResetObs(8));
    expect(obs.subarray(2, 4)).toEqual(singleResetObs(6, 1));
    expect(obs.subarray(4, 6)).toEqual(singleResetObs(9));
  });

  it('rejects seeds of the wrong length or type', () => {
    const vec = makeVec(DRIFT, 3);
    expect(() => vec.reset({ seed: [1, 2] })).toThrow(`${LABEL}: reset seed array must have one entry per sub-env (3), got length 2`);
    expect(() => vec.reset({ seed: 1.5 })).toThrow(`${LABEL}: reset seed must be a safe integer, got 1.5`);
    expect(() => vec.reset({ seed: [1, 'a' as never, 3] })).toThrow(`${LABEL}: reset seed[1] must be a safe integer, null or undefined, got "a"`);
  });
});

describe('SyncVectorEnv autoreset', () => {
  // Every sub-env starts at x = 2.5; actions [0.5, 0, -0.5] take sub-env 0 to x = 3 = limit (terminated).
  const start = { seed: 100, options: { x0: 2.5 } };
  const firstActions = f32(0.5, 0, -0.5);

  it("'next-step': the step after the end resets the sub-env, ignores its action, reward 0 and flags 0", () => {
    const vec = makeVec(DRIFT, 3);
    const reset = vec.reset(start);
    expect(reset.obs).toEqual(f32(2.5, 0, 2.5, 0, 2.5, 0));
    expect(reset.info).toEqual({ x0: Float64Array.of(2.5, 2.5, 2.5), _x0: [true, true, true] });

    const end = vec.step(firstActions);
    expect(end.obs).toEqual(f32(3, 1, 2.5, 1, 2, 1));
    expect(end.rewards).toEqual(Float64Array.of(3, 2.5, 2));
    expect(end.terminations).toEqual(Uint8Array.of(1, 0, 0));
    expect(end.truncations).toEqual(Uint8Array.of(0, 0, 0));
    expect(end.info['episode']).toEqual({ r: Float64Array.of(3, 0, 0), _r: [true, false, false], l: Float64Array.of(1, 0, 0), _l: [true, false, false] });
    expect(end.info['_episode']).toEqual([true, false, false]);

    const next = vec.step(f32(1, 0.25, 0));
    // Sub-env 0 was seeded 100 and reset with x0 (no draw), so its autoreset draws like a lone env's second reset.
    const { obs: resetObs, x0 } = singleReset(100, 1, { x0: 2.5 });
    expect(next.obs.subarray(0, 2)).toEqual(resetObs);
    expect(next.obs.subarray(2)).toEqual(f32(2.75, 2, 2, 2));
    expect(next.rewards).toEqual(Float64Array.of(0, 2.75, 2));
    expect(next.terminations).toEqual(Uint8Array.of(0, 0, 0));
    expect(next.info['x0']).toEqual(Float64Array.of(x0, 0, 0));
    expect(next.info['_x0']).toEqual([true, false, false]);
    expect(next.info['x']).toEqual(Float64Array.of(0, 2.75, 2));
    expect(next.info['_x']).toEqual([false, true, true]);
    expect(next.info['even_step']).toEqual([false, true, true]);

    const after = vec.step(f32(0.5, 0, 0));
    expect(after.obs[0]).toBeCloseTo(resetObs[0]! + 0.5, 6);
    expect(after.obs[1]).toBe(1);
  });

  it("'next-step': the time limit truncates every sub-env at step 5, then they restart at t = 0", () => {
    const vec = makeVec(DRIFT, 2);
    vec.reset({ seed: 1, options: { x0: 0 } });
    const zero = f32(0, 0);
    for (let t = 1; t <= 4; t++) expect(vec.step(zero).truncations).toEqual(Uint8Array.of(0, 0));
    const fifth = vec.step(zero);
    expect(fifth.truncations).toEqual(Uint8Array.of(1, 1));
    expect(fifth.terminations).toEqual(Uint8Array.of(0, 0));
    expect(Array.from(fifth.obs)).toEqual([0, 5, 0, 5]);
    const restart = vec.step(zero);
    expect(restart.obs[1]).toBe(0);
    expect(restart.obs[3]).toBe(0);
    expect(restart.truncations).toEqual(Uint8Array.of(0, 0));
  });

  it("'same-step': the ending step returns the reset obs with final_obs and final_info", () => {
    const vec = makeVec(DRIFT, 3, { autoresetMode: 'same-step' });
    vec.reset(start);
    const end = vec.step(firstActions);
    const { obs: resetObs, x0 } = singleReset(100, 1, { x0: 2.5 });
    expect(end.obs).toEqual(f32(resetObs[0]!, 0, 2.5, 1, 2, 1));
    expect(end.rewards).toEqual(Float64Array.of(3, 2.5, 2));
    expect(end.terminations).toEqual(Uint8Array.of(1, 0, 0));
    expect(end.info['final_obs']).toEqual([f32(3, 1), null, null]);
    expect(end.info['_final_obs']).toEqual([true, false, false]);
    const finalInfo = end.info['final_info'] as VectorInfo;
    expect(finalInfo['x']).toEqual(Float64Array.of(3, 0, 0));
    expect(finalInfo['tag']).toEqual(['step1', null, null]);
    expect(finalInfo['episode']).toEqual({ r: Float64Array.of(3, 0, 0), _r: [true, false, false], l: Float64Array.of(1, 0, 0), _l: [true, false, false] });
    expect(end.info['_final_info']).toEqual([true, false, false]);
    expect(end.info['x0']).toEqual(Float64Array.of(x0, 0, 0));
    expect(end.info['_x0']).toEqual([true, false, false]);
    expect(end.info['x']).toEqual(Float64Array.of(0, 2.5, 2));
    expect(end.info['_x']).toEqual([false, true, true]);

    const next = vec.step(f32(0.5, 0, 0));
    expect(next.obs[0]).toBeCloseTo(resetObs[0]! + 0.5, 6);
    expect(next.obs[1]).toBe(1);
    expect(next.rewards[0]).toBeCloseTo(resetObs[0]! + 0.5, 6);
    expect(next.info['_final_obs']).toBeUndefined();
  });

  it("'disabled': an ended sub-env must be reset with reset_mask; the others keep their state", () => {
    const vec = makeVec(DRIFT, 3, { autoresetMode: 'disabled' });
    vec.reset(start);
    const end = vec.step(firstActions);
    expect(end.terminations).toEqual(Uint8Array.of(1, 0, 0));
    expect(() => vec.step(f32(0, 0, 0))).toThrow(
      `${LABEL}: sub-env 0 (test/Drift-v0) ended at the previous step and autoresetMode is 'disabled'; reset it with reset({ options: { reset_mask } }) before stepping`,
    );
    const partial = vec.reset({ options: { reset_mask: [true, false, false], x0: -1 } });
    expect(partial.obs).toEqual(f32(-1, 0, 2.5, 1, 2, 1));
    expect(partial.info).toEqual({ x0: Float64Array.of(-1, 0, 0), _x0: [true, false, false] });
    const next = vec.step(f32(0.5, 0.25, 0.25));
    expect(next.obs).toEqual(f32(-0.5, 1, 2.75, 2, 2.25, 2));
    expect(next.terminations).toEqual(Uint8Array.of(0, 0, 0));
  });

  it('rejects a bad reset_mask', () => {
    const vec = makeVec(DRIFT, 3);
    expect(() => vec.reset({ options: { reset_mask: [true, false] } })).toThrow(
      `${LABEL}: options.reset_mask must be an array or Uint8Array of 3 booleans (one per sub-env), got Array(2) [true, false]`,
    );
    expect(() => vec.reset({ options: { reset_mask: [false, false, false] } })).toThrow(`${LABEL}: options.reset_mask must mark at least one sub-env`);
    expect(() => vec.reset({ options: { reset_mask: [true, 'yes', false] } })).toThrow(`${LABEL}: options.reset_mask[1] must be a boolean (or 0/1), got "yes"`);
  });

  it('a discrete vector env steps with Int32Array actions', () => {
    const vec = makeVec('test/Walk-v0', 2);
    expect(vec.reset().info).toEqual({});
    const first = vec.step(Int32Array.of(1, -1));
    expect(first.obs).toEqual(f32(1, -1));
    expect(first.rewards).toEqual(Float64Array.of(1, 1));
    const second = vec.step(Int32Array.of(1, 0));
    expect(second.obs).toEqual(f32(2, -1));
    expect(second.terminations).toEqual(Uint8Array.of(1, 0));
    const third = vec.step(Int32Array.of(1, -1));
    expect(third.obs).toEqual(f32(0, -2));
    expect(third.rewards).toEqual(Float64Array.of(0, 1));
    expect(third.terminations).toEqual(Uint8Array.of(0, 1));
  });
});

describe('SyncVectorEnv bad input and lifecycle', () => {
  it('names the vector env and the expected size when the action batch is wrong', () => {
    const vec = makeVec(DRIFT, 3);
    vec.reset({ seed: 0 });
    expect(() => vec.step(f32(0, 0))).toThrow(
      `${LABEL}: actions must be a Float32Array of length 3 (numEnvs 3 × action size 1, row-major; single action space Box(-1, 1, (1), float32)), got Float32Array(2) [0, 0]`,
    );
    const walk = makeVec('test/Walk-v0', 2);
    walk.reset();
    expect(() => walk.step(f32(1, 0))).toThrow(
      'SyncVectorEnv(test/Walk-v0, numEnvs=2): actions must be an Int32Array of length 2 (one action per sub-env; single action space Discrete(3, start=-1)), got Float32Array(2) [1, 0]',
    );
  });

  it('reports a bad action or an env exception with the sub-env index and the original message', () => {
    const vec = makeVec(DRIFT, 3);
    vec.reset({ seed: 0 });
    let caught: unknown;
    try {
      vec.step(f32(0, Number.NaN, 0));
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(SubEnvError);
    expect((caught as SubEnvError).subEnvIndex).toBe(1);
    expect((caught as Error).message).toBe(
      `${LABEL}: sub-env 1 (test/Drift-v0) step() failed: test/Drift-v0: action[0] must be a finite number, got NaN in Float32Array(1) [NaN]`,
    );

    const failing = makeVec(DRIFT, 2, { envOptions: { failAtStep: 2 } });
    failing.reset({ seed: 0 });
    failing.step(f32(0, 0));
    expect(() => failing.step(f32(0, 0))).toThrow('SyncVectorEnv(test/Drift-v0, numEnvs=2): sub-env 0 (test/Drift-v0) step() failed: Drift failure at step 2');
  });

  it('step before reset and after close throw; close is idempotent', () => {
    const vec = makeVec(DRIFT, 3);
    expect(() => vec.step(f32(0, 0, 0))).toThrow(`${LABEL}: step() called before every sub-env was reset; call reset() first`);
    vec.reset();
    vec.close();
    vec.close();
    expect(() => vec.step(f32(0, 0, 0))).toThrow(`${LABEL}: step() called after close()`);
    expect(() => vec.reset()).toThrow(`${LABEL}: reset() called after close()`);
  });
});

describe('SyncVectorEnv rendering', () => {
  it('combines the sub-env scenes and lays sub-env i out i × sceneSpacing along +Y', () => {
    const vec = makeVec(DRIFT, 2, { sceneSpacing: 3 });
    vec.reset({ options: { x0: 0.5 } });
    const scene = vec.scene();
    expect(scene.name).toBe('test/Drift-v0 ×2');
    expect(scene.bodies.map((b) => b.name)).toEqual(['env0/world', 'env0/ball', 'env1/world', 'env1/ball']);
    expect(scene.bodies.map((b) => b.parent)).toEqual([-1, 0, -1, 2]);
    expect(scene.trackBody).toBe(1);
    expect(vec.scenes().map((s) => s.bodies.length)).toEqual([2, 2]);
    vec.step(f32(0.25, -0.5));
    const poses = vec.poses();
    expect(Array.from(poses)).toEqual([0, 0, 0, 0, 0, 0, 1, 0.75, 0, 0.5, 0, 0, 0, 1, 0, 3, 0, 0, 0, 0, 1, 0, 3, 0.5, 0, 0, 0, 1]);
    const out = new Float32Array(28);
    expect(vec.poses(out)).toBe(out);
    expect(() => vec.poses(new Float32Array(14))).toThrow(
      'SyncVectorEnv(test/Drift-v0, numEnvs=2): poses(out) needs a Float32Array of length 28 (every sub-env\'s bodies × 7), got Float32Array(14)',
    );
  });
});
