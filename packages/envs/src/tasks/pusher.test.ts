// Pusher-v5: spaces, reset distribution, observation layout at rest, reward terms, the object's slide damping, stability.
import { beforeAll, describe, expect, it } from 'vitest';
import { checkEnv } from '../checker/check-env.js';
import { init } from '../physics/rapier-runtime.js';
import { make } from '../registry/registry.js';
import type { Box } from '../spaces/box.js';
import {
  expectDeterministic, expectPhysicsErrorTruncates, expectSceneAndPoses, expectRewardIsSumOfTerms, randomActions, stabilityRun,
} from '../testing/task-contract.js';
import { PusherEnv } from './pusher.js';
import './index.js';

beforeAll(async () => {
  await init();
});

const dist = (a: ArrayLike<number>, i: number, j: number): number => Math.hypot(a[i]! - a[j]!, a[i + 1]! - a[j + 1]!, a[i + 2]! - a[j + 2]!);

describe('Pusher-v5', () => {
  it('has Gymnasium v5 spaces, dt, a 100-step limit and reward threshold 0', () => {
    const env = make('Pusher-v5');
    expect(env.observationSpace.shape).toEqual([23]);
    expect(Array.from((env.actionSpace as Box).low)).toEqual(new Array(7).fill(-2));
    expect(Array.from((env.actionSpace as Box).high)).toEqual(new Array(7).fill(2));
    expect((env.unwrapped as PusherEnv).dt).toBeCloseTo(0.05, 12);
    expect(env.spec?.maxEpisodeSteps).toBe(100);
    expect(env.spec?.rewardThreshold).toBe(0);
  });

  it('resets the arm at rest, the object farther than 0.17 from the goal, and observes the tip, object and goal COMs', () => {
    const env = new PusherEnv();
    for (let seed = 0; seed < 10; seed++) {
      const { obs, info } = env.reset({ seed });
      expect(info).toEqual({});
      const [y, x] = [env.qpos[7]!, env.qpos[8]!];
      expect(y).toBeGreaterThanOrEqual(-0.3 - 1e-6);
      expect(y).toBeLessThanOrEqual(1e-6);
      expect(Math.abs(x)).toBeLessThanOrEqual(0.2 + 1e-6);
      expect(Math.hypot(x, y)).toBeGreaterThan(0.17);
      for (let i = 0; i < 7; i++) {
        expect(Math.abs(obs[i]!)).toBeLessThan(1e-5);
        expect(Math.abs(obs[7 + i]!)).toBeLessThanOrEqual(0.005 + 1e-5);
      }
      // tips_arm: shoulder (0, −0.6, 0) + 0.1 + 0.4 + 0.321 along x, its two fingertip spheres 0.1 further on
      expect(obs[14]).toBeCloseTo(0.921, 2);
      expect(obs[15]).toBeCloseTo(-0.6, 2);
      expect(obs[16]).toBeCloseTo(0, 2);
      // object body at (0.45, −0.05, −0.275) moved by obj_slidex, obj_slidey; goal fixed at (0.45, −0.05, −0.323)
      expect(obs[17]).toBeCloseTo(0.45 + x, 5);
      expect(obs[18]).toBeCloseTo(-0.05 + y, 5);
      expect(obs[19]).toBeCloseTo(-0.275, 5);
      expect(Array.from(obs.subarray(20))).toEqual([0.45, -0.05, -0.323].map(Math.fround));
    }
  });

  it('pays −dist(object, goal) − 0.1‖a‖² − 0.5·dist(object, tip), from the observed positions', () => {
    expectRewardIsSumOfTerms('Pusher-v5', ['reward_dist', 'reward_ctrl', 'reward_near']);
    const env = new PusherEnv();
    env.reset({ seed: 2 });
    for (const a of randomActions(env.actionSpace, 10, 4)) {
      const { obs, info, terminated } = env.step(a);
      expect(terminated).toBe(false);
      expect(info['reward_near']).toBeCloseTo(-0.5 * dist(obs, 17, 14), 5);
      expect(info['reward_dist']).toBeCloseTo(-dist(obs, 17, 20), 5);
      let squared = 0;
      for (const v of a) squared += v * v;
      expect(info['reward_ctrl']).toBeCloseTo(-0.1 * squared, 12);
    }
  });

  it('slows a pushed object by its slide damping 0.5 against armature 0.04 (implicit, as MuJoCo\'s Euler)', () => {
    const env = new PusherEnv();
    env.reset({ seed: 0 });
    const qpos = Float64Array.from(env.qpos);
    const qvel = new Float64Array(11);
    qvel[8] = 0.4; // obj_slidex, away from the arm
    env.setState(qpos, qvel);
    env.step(new Float32Array(7));
    const mass = 0.04 + 0.01 * Math.PI * 0.05 * 0.05 * 0.1; // armature + cylinder (density 0.01)
    const substeps = env.frameSkip * env.overlay.substeps;
    const h = 0.05 / substeps;
    expect(env.qvel[8]).toBeCloseTo(0.4 / (1 + (h * 0.5) / mass) ** substeps, 4);
    expect(env.qvel[7]).toBeCloseTo(0, 6);
  });

  it('is deterministic: the same seed and actions give bit-identical observations', () => {
    expectDeterministic('Pusher-v5', {}, 20);
  });

  it('stays stable and joined under 300 steps of uniform random actions', () => {
    const { separation, overshoot } = stabilityRun('Pusher-v5', {}, 300, 5);
    expect(separation).toBeLessThan(0.01);
    expect((overshoot * 180) / Math.PI).toBeLessThan(10);
  });

  it('truncates on a physics blow-up with info.physics_error and the last finite observation', () => {
    expectPhysicsErrorTruncates(new PusherEnv({}, { maxSpeed: 0.01 }));
  });

  it('describes its scene and poses every body (the object at its slides)', () => {
    expectSceneAndPoses(new PusherEnv(), 'object', (q) => [0.45 + q[8]!, -0.05 + q[7]!, -0.275]);
  });

  it('passes checkEnv', () => {
    expect(() => checkEnv(make('Pusher-v5'))).not.toThrow();
  });
});
