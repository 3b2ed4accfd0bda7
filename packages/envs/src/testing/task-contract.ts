// Shared checks for the locomotion task tests: random actions, seeded replays, stability runs and physics-error steps.
import { expect } from 'vitest';
import { Rng } from '../core/rng.js';
import type { Env } from '../core/env.js';
import { make } from '../registry/registry.js';
import type { Box } from '../spaces/box.js';
import type { MujocoEnv } from '../tasks/mujoco-env.js';

/** `n` actions drawn uniformly from the action box (seeded). */
export function randomActions(space: Box, n: number, seed: number): Float32Array[] {
  const rng = new Rng(seed);
  return Array.from({ length: n }, () => Float32Array.from({ length: space.size }, (_, i) => rng.uniformIn(space.low[i]!, space.high[i]!)));
}

/** Observations of a reset with `seed` followed by `actions` (stops at the end of the episode). */
export function rollout(env: Env, seed: number, actions: Float32Array[]): Float32Array[] {
  const out = [env.reset({ seed }).obs as Float32Array];
  for (const a of actions) {
    const s = env.step(a);
    out.push(s.obs as Float32Array);
    if (s.terminated || s.truncated) break;
  }
  return out;
}

/** Same seed and actions give bit-identical observations in a fresh env and in one that ran another episode first. */
export function expectDeterministic(id: string, options: Record<string, unknown> = {}, steps = 30): void {
  const fresh = make(id, { max_episode_steps: null, ...options });
  const used = make(id, { max_episode_steps: null, ...options });
  const actions = randomActions(fresh.actionSpace as Box, steps, 9);
  rollout(used, 7, randomActions(used.actionSpace as Box, 20, 2));
  const a = rollout(fresh, 42, actions);
  const b = rollout(used, 42, actions);
  expect(b.length).toBe(a.length);
  a.forEach((obs, i) => expect(Array.from(b[i]!)).toEqual(Array.from(obs)));
  const other = rollout(fresh, 43, actions);
  expect(Array.from(other[0]!)).not.toEqual(Array.from(a[0]!));
}

/** Largest joint separation (m) and hinge overshoot (rad) from step 25 on, over `steps` random steps; fails on NaN or physics errors. */
export function stabilityRun(id: string, options: Record<string, unknown>, steps: number, seed: number): { separation: number; overshoot: number } {
  const env = make(id, { max_episode_steps: null, ...options });
  const inner = env.unwrapped as unknown as MujocoEnv;
  env.reset({ seed });
  let separation = 0;
  let overshoot = 0;
  randomActions(env.actionSpace as Box, steps, seed + 1).forEach((a, t) => {
    const s = env.step(a);
    expect(s.info['physics_error']).toBeUndefined();
    for (const v of s.obs as Float32Array) expect(Number.isFinite(v)).toBe(true);
    if (t >= 25) {
      const e = inner.jointErrors();
      separation = Math.max(separation, e.separation);
      overshoot = Math.max(overshoot, e.hingeOvershoot);
    }
  });
  env.close();
  return { separation, overshoot };
}

/** A runaway limit far below the first step's speeds turns that step into a physics error: truncated, last finite obs. */
export function expectPhysicsErrorTruncates(env: MujocoEnv): void {
  const { obs } = env.reset({ seed: 1 });
  const step = env.step(Float32Array.from(env.actionSpace.high));
  expect(step.truncated).toBe(true);
  expect(step.terminated).toBe(false);
  expect(step.reward).toBe(0);
  expect(step.info['physics_error']).toMatch(/^qvel\[\d+\] = .* exceeds the runaway limit/);
  expect(Array.from(step.obs)).toEqual(Array.from(obs));
  expect(() => env.step(new Float32Array(env.actionSpace.size))).toThrow(/after the episode ended/);
}

/** Reward equals the sum of the listed info terms on every step of a random rollout. */
export function expectRewardIsSumOfTerms(id: string, terms: readonly string[], steps = 15): void {
  const env = make(id);
  env.reset({ seed: 3 });
  for (const action of randomActions(env.actionSpace as Box, steps, 1)) {
    const step = env.step(action);
    const sum = terms.reduce((s, k) => s + (step.info[k] as number), 0);
    expect(step.reward).toBeCloseTo(sum, 10);
    if (step.terminated || step.truncated) break;
  }
}

/** scene() lists the world first and one body per rigid group; poses() gives 7 floats per body, the root at qpos[0..2]. */
export function expectSceneAndPoses(env: MujocoEnv, rootName: string, rootPosition: (qpos: Float64Array) => [number, number, number]): void {
  env.reset({ seed: 0 });
  env.step(Float32Array.from(env.actionSpace.high, (h) => 0.5 * h));
  const scene = env.scene();
  expect(scene.name).toBe(env.id);
  expect(scene.bodies[0]!.name).toBe('world');
  expect(scene.bodies.length).toBe(env.physicsWorld.bodies.length);
  const root = scene.bodies.findIndex((b) => b.name === rootName);
  expect(root).toBeGreaterThan(0);
  const poses = env.poses();
  expect(poses.length).toBe(7 * scene.bodies.length);
  for (const v of poses) expect(Number.isFinite(v)).toBe(true);
  const [x, y, z] = rootPosition(env.qpos);
  expect(poses[7 * root]).toBeCloseTo(x, 5);
  expect(poses[7 * root + 1]).toBeCloseTo(y, 5);
  expect(poses[7 * root + 2]).toBeCloseTo(z, 5);
  const out = new Float32Array(poses.length);
  expect(env.poses(out)).toBe(out);
}
