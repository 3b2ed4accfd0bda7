// The Env contract for every classic-control env made through the registry: specs, options, seeding, bad input,
// time limits and the scene/poses rendering contract.
import { describe, expect, it } from 'vitest';
import type { Env } from '../core/env.js';
import { POSE_STRIDE } from '../core/scene.js';
import { make, registeredIds, spec } from '../registry/registry.js';
import { Box } from '../spaces/box.js';
import { Discrete } from '../spaces/discrete.js';
import { CLASSIC_CONTROL_IDS, registerClassicControl } from './index.js';

type AnyEnv = Env<Float32Array, Float32Array | number>;

const EXPECTED: Record<string, { maxEpisodeSteps: number; rewardThreshold: number | undefined; defaultOptions: object; bodies: number; renderFps: number }> = {
  'Pendulum-v1': { maxEpisodeSteps: 200, rewardThreshold: undefined, defaultOptions: { g: 10.0 }, bodies: 2, renderFps: 30 },
  'MountainCarContinuous-v0': { maxEpisodeSteps: 999, rewardThreshold: 90, defaultOptions: { goal_velocity: 0 }, bodies: 2, renderFps: 30 },
  'CartPole-v1': { maxEpisodeSteps: 500, rewardThreshold: 475, defaultOptions: { sutton_barto_reward: false }, bodies: 3, renderFps: 50 },
  'Acrobot-v1': { maxEpisodeSteps: 500, rewardThreshold: -100, defaultOptions: {}, bodies: 3, renderFps: 15 },
};

/** Runs `steps` seeded-random steps, resetting (without a seed) when an episode ends; returns every observation. */
function rollout(id: string, seed: number, steps: number): Float32Array[] {
  const env = make(id) as AnyEnv;
  env.actionSpace.seed(seed + 1000);
  const seen = [env.reset({ seed }).obs];
  for (let t = 0; t < steps; t++) {
    const r = env.step(env.actionSpace.sample());
    seen.push(r.obs);
    if (r.terminated || r.truncated) seen.push(env.reset().obs);
  }
  return seen;
}

function sameBits(a: Float32Array[], b: Float32Array[]): boolean {
  return a.length === b.length && a.every((x, i) => x.length === b[i]!.length && x.every((v, j) => Object.is(v, b[i]![j])));
}

describe('classic-control registration (gymnasium/envs/__init__.py)', () => {
  it('registers the four ids when the module loads', () => {
    expect([...CLASSIC_CONTROL_IDS].sort()).toEqual(Object.keys(EXPECTED).sort());
    for (const id of CLASSIC_CONTROL_IDS) expect(registeredIds()).toContain(id);
  });

  it('throws on a second registration unless override is set', () => {
    expect(() => registerClassicControl()).toThrow(/register: Pendulum-v1 is already registered/);
    expect(() => registerClassicControl({ override: true })).not.toThrow();
  });
});

for (const id of CLASSIC_CONTROL_IDS) {
  const expected = EXPECTED[id]!;
  describe(id, () => {
    it(`has Gymnasium's episode limit (${expected.maxEpisodeSteps}), reward threshold and documented default options`, () => {
      const s = spec(id);
      expect(s.maxEpisodeSteps).toBe(expected.maxEpisodeSteps);
      expect(s.rewardThreshold).toBe(expected.rewardThreshold);
      expect(s.defaultOptions).toEqual(expected.defaultOptions);
      expect(Object.keys(s.optionDocs ?? {}).sort()).toEqual(Object.keys(expected.defaultOptions).sort());
      const env = make(id);
      expect(env.spec?.maxEpisodeSteps).toBe(expected.maxEpisodeSteps);
      expect(env.spec?.kwargs).toEqual(expected.defaultOptions);
      expect(env.metadata.renderFps).toBe(expected.renderFps);
      expect(env.metadata.renderModes).toEqual(['scene']);
    });

    it('rejects an unknown make() option, listing the valid ones', () => {
      const valid = [...Object.keys(expected.defaultOptions), 'max_episode_steps'].join(', ');
      expect(() => make(id, { gravity: 1 })).toThrow(`make(${id}): unknown option "gravity". Valid options: ${valid}`);
    });

    it('is deterministic: the same seed and actions give bit-identical observations over 150 steps', () => {
      expect(sameBits(rollout(id, 7, 150), rollout(id, 7, 150))).toBe(true);
    });

    it('gives different observations for different seeds', () => {
      expect(sameBits(rollout(id, 7, 20), rollout(id, 8, 20))).toBe(false);
    });

    it('continues the generator stream on reset() without a seed', () => {
      const a = make(id);
      const first = a.reset({ seed: 5 }).obs;
      const second = a.reset().obs;
      const third = a.reset().obs;
      expect(Array.from(second)).not.toEqual(Array.from(first));
      expect(Array.from(third)).not.toEqual(Array.from(second));
      const b = make(id);
      b.reset({ seed: 5 });
      expect(Array.from(b.reset().obs)).toEqual(Array.from(second));
      expect(Array.from(b.reset({ seed: 5 }).obs)).toEqual(Array.from(first));
    });

    it('returns float32 observations of the observation space shape', () => {
      const env = make(id) as AnyEnv;
      const { obs, info } = env.reset({ seed: 1 });
      expect(obs).toBeInstanceOf(Float32Array);
      expect(obs.length).toBe(env.observationSpace.shape[0]);
      expect(info).toEqual({});
      expect(env.observationSpace.contains(obs)).toBe(true);
    });

    it('refuses to step before reset, naming the env', () => {
      const env = make(id) as AnyEnv;
      expect(() => env.step(env.actionSpace.sample())).toThrow(new RegExp(`${id}.*step\\(\\) called before reset\\(\\)`));
      const bare = env.unwrapped as AnyEnv;
      expect(() => bare.step(env.actionSpace.sample())).toThrow(`${id}: step() called before reset(); call reset() first`);
    });

    it('refuses to step after the time limit without a reset, naming the env', () => {
      const env = make(id, { max_episode_steps: 1 }) as AnyEnv;
      env.reset({ seed: 0 });
      expect(env.step(env.actionSpace.sample()).truncated).toBe(true);
      expect(() => env.step(env.actionSpace.sample())).toThrow(new RegExp(`${id}.*step\\(\\) called after the episode ended`));
    });

    it('rejects malformed actions with errors naming the env, the expectation and the value', () => {
      const env = make(id) as AnyEnv;
      env.reset({ seed: 0 });
      const space = env.actionSpace;
      if (space instanceof Box) {
        expect(() => env.step(new Float32Array(2))).toThrow(new RegExp(`${id}: action must have length 1 .*got length 2`));
        expect(() => env.step(0.5)).toThrow(new RegExp(`${id}: action must be a Float32Array of length 1 .*got 0.5`));
        expect(() => env.step([0.5] as never)).toThrow(new RegExp(`${id}: action must be a Float32Array.*got Array\\(1\\) \\[0.5\\]`));
        expect(() => env.step(Float32Array.of(Number.NaN))).toThrow(new RegExp(`${id}: action\\[0\\] must be a finite number, got NaN`));
        expect(() => env.step(Float32Array.of(Number.POSITIVE_INFINITY))).toThrow(/must be a finite number, got Infinity/);
      } else if (space instanceof Discrete) {
        const top = space.n - 1;
        expect(() => env.step(space.n)).toThrow(new RegExp(`${id}: action must be an integer in \\[0, ${top}\\].*got ${space.n}`));
        expect(() => env.step(-1)).toThrow(new RegExp(`${id}: action must be an integer in \\[0, ${top}\\].*got -1`));
        expect(() => env.step(0.5)).toThrow(new RegExp(`${id}: action must be an integer.*got 0.5`));
        expect(() => env.step(Number.NaN)).toThrow(new RegExp(`${id}: action must be an integer.*got NaN`));
        expect(() => env.step(Float32Array.of(1))).toThrow(new RegExp(`${id}: action must be an integer.*got Float32Array\\(1\\)`));
      } else {
        throw new Error(`unexpected action space ${String(space)}`);
      }
      // A rejected action leaves the episode running.
      expect(() => env.step(space.sample())).not.toThrow();
    });

    it('describes a Z-up scene whose poses are bodies × 7 floats with unit quaternions that move with the state', () => {
      const env = make(id) as AnyEnv;
      env.reset({ seed: 3 });
      const scene = env.scene();
      expect(scene.name).toBe(id);
      expect(scene.up).toBe('z');
      expect(scene.dt).toBeGreaterThan(0);
      expect(scene.bodies).toHaveLength(expected.bodies);
      expect(scene.bodies[0]!.name).toBe('world');
      expect(scene.trackBody).toBeGreaterThanOrEqual(-1);
      expect(scene.trackBody).toBeLessThan(scene.bodies.length);
      const sizeLength = { sphere: 1, capsule: 2, cylinder: 2, box: 3, ellipsoid: 3, plane: 3 } as const;
      scene.bodies.forEach((body, i) => {
        expect(body.parent).toBeLessThan(i);
        expect(body.parent).toBeGreaterThanOrEqual(i === 0 ? -1 : 0);
        for (const geom of body.geoms) {
          expect(geom.size).toHaveLength(sizeLength[geom.type]);
          for (const v of geom.size) expect(v).toBeGreaterThan(0);
          expect(Math.hypot(...geom.quat)).toBeCloseTo(1, 12);
          for (const c of geom.rgba) expect(c >= 0 && c <= 1).toBe(true);
        }
      });
      expect(scene.bodies.slice(1).every((b) => b.geoms.length > 0)).toBe(true);
      expect(env.scene()).toEqual(scene);

      const before = env.poses();
      expect(before).toBeInstanceOf(Float32Array);
      expect(before.length).toBe(scene.bodies.length * POSE_STRIDE);
      expect(Array.from(before.subarray(0, POSE_STRIDE))).toEqual([0, 0, 0, 0, 0, 0, 1]);
      for (let b = 0; b < scene.bodies.length; b++) {
        const q = before.subarray(b * POSE_STRIDE + 3, b * POSE_STRIDE + 7);
        expect(Math.hypot(...q)).toBeCloseTo(1, 6);
      }
      const out = new Float32Array(before.length);
      for (let t = 0; t < 5; t++) env.step(env.actionSpace.sample());
      expect(env.poses(out)).toBe(out);
      expect(Array.from(out)).not.toEqual(Array.from(before));
      expect(Array.from(out.subarray(0, POSE_STRIDE))).toEqual([0, 0, 0, 0, 0, 0, 1]);
      expect(() => env.poses(new Float32Array(before.length + 1))).toThrow(
        `${id}: poses(out) needs a Float32Array of length ${before.length} (${scene.bodies.length} bodies × 7)`,
      );
    });
  });
}
