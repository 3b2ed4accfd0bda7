// Reacher-v5: spaces, observation layout against hand-computed arm geometry, reward terms, goal sampling, 50-step limit.
import { beforeAll, describe, expect, it } from 'vitest';
import { checkEnv } from '../checker/check-env.js';
import { init } from '../physics/rapier-runtime.js';
import { make } from '../registry/registry.js';
import type { Box } from '../spaces/box.js';
import {
  expectDeterministic, expectPhysicsErrorTruncates, expectSceneAndPoses, expectRewardIsSumOfTerms, randomActions, stabilityRun,
} from '../testing/task-contract.js';
import { ReacherEnv } from './reacher.js';
import './index.js';

beforeAll(async () => {
  await init();
});

/** Fingertip (x, y): link lengths 0.1 and 0.11 (the fingertip body sits 0.11 along link 1), hinges about z. */
function fingertip(q0: number, q1: number): [number, number] {
  return [0.1 * Math.cos(q0) + 0.11 * Math.cos(q0 + q1), 0.1 * Math.sin(q0) + 0.11 * Math.sin(q0 + q1)];
}

describe('Reacher-v5', () => {
  it('has Gymnasium v5 spaces, dt, a 50-step limit and reward threshold −3.75', () => {
    const env = make('Reacher-v5');
    expect(env.observationSpace.shape).toEqual([10]);
    expect(Array.from((env.actionSpace as Box).low)).toEqual([-1, -1]);
    expect(Array.from((env.actionSpace as Box).high)).toEqual([1, 1]);
    expect((env.unwrapped as ReacherEnv).dt).toBeCloseTo(0.02, 12);
    expect(env.spec?.maxEpisodeSteps).toBe(50);
    expect(env.spec?.rewardThreshold).toBe(-3.75);
    env.reset({ seed: 0 });
    let last;
    for (let t = 0; t < 50; t++) last = env.step(new Float32Array(2));
    expect(last!.truncated).toBe(true);
    expect(last!.terminated).toBe(false);
  });

  it('samples the goal in the disk of radius 0.2, arm angles within ±0.1 and speeds within ±0.005', () => {
    const env = new ReacherEnv();
    for (let seed = 0; seed < 20; seed++) {
      const { obs, info } = env.reset({ seed });
      expect(info).toEqual({});
      expect(Math.hypot(env.goal[0]!, env.goal[1]!)).toBeLessThan(0.2);
      expect(obs[4]).toBeCloseTo(env.goal[0]!, 6);
      expect(obs[5]).toBeCloseTo(env.goal[1]!, 6);
      expect(Math.abs(env.qpos[0]!)).toBeLessThanOrEqual(0.1 + 1e-6);
      expect(Math.abs(env.qpos[1]!)).toBeLessThanOrEqual(0.1 + 1e-6);
      expect(Math.abs(obs[6]!)).toBeLessThanOrEqual(0.005 + 1e-6);
      expect(env.qvel[2]).toBeCloseTo(0, 6);
    }
  });

  it('observes cos/sin of the arm angles, target, arm speeds and fingertip − target from the arm geometry', () => {
    const env = new ReacherEnv();
    env.reset({ seed: 5 });
    for (const a of randomActions(env.actionSpace, 10, 3)) {
      const { obs, reward, info } = env.step(a);
      const [q0, q1, tx, ty] = env.qpos;
      expect(Array.from(obs.subarray(0, 4))).toEqual([Math.cos(q0!), Math.cos(q1!), Math.sin(q0!), Math.sin(q1!)].map(Math.fround));
      expect(tx).toBeCloseTo(env.goal[0]!, 5); // the target does not move
      expect(ty).toBeCloseTo(env.goal[1]!, 5);
      const [fx, fy] = fingertip(q0!, q1!);
      expect(obs[8]).toBeCloseTo(fx - tx!, 3);
      expect(obs[9]).toBeCloseTo(fy - ty!, 3);
      expect(info['reward_dist']).toBeCloseTo(-Math.hypot(fx - tx!, fy - ty!), 3);
      expect(info['reward_ctrl']).toBeCloseTo(-(a[0]! * a[0]! + a[1]! * a[1]!), 12);
      expect(reward).toBeCloseTo((info['reward_dist'] as number) + (info['reward_ctrl'] as number), 12);
    }
  });

  it('weights the reward terms by reward_dist_weight and reward_control_weight', () => {
    expectRewardIsSumOfTerms('Reacher-v5', ['reward_dist', 'reward_ctrl']);
    const plain = new ReacherEnv();
    const weighted = new ReacherEnv({ reward_dist_weight: 2, reward_control_weight: 0.1 });
    plain.reset({ seed: 1 });
    weighted.reset({ seed: 1 });
    const a = Float32Array.of(0.5, -0.5);
    const p = plain.step(a).info;
    const w = weighted.step(a).info;
    expect(w['reward_dist']).toBeCloseTo(2 * (p['reward_dist'] as number), 12);
    expect(w['reward_ctrl']).toBeCloseTo(0.1 * (p['reward_ctrl'] as number), 12);
  });

  it('is deterministic: the same seed and actions give bit-identical observations', () => {
    expectDeterministic('Reacher-v5');
  });

  it('stays stable and joined under 300 steps of uniform random actions', () => {
    const { separation, overshoot } = stabilityRun('Reacher-v5', {}, 300, 5);
    expect(separation).toBeLessThan(0.01);
    expect((overshoot * 180) / Math.PI).toBeLessThan(10);
  });

  it('truncates on a physics blow-up with info.physics_error and the last finite observation', () => {
    expectPhysicsErrorTruncates(new ReacherEnv({}, { maxSpeed: 0.01 }));
  });

  it('describes its scene and poses every body (the target at its slides)', () => {
    expectSceneAndPoses(new ReacherEnv(), 'target', (q) => [q[2]!, q[3]!, 0.01]);
  });

  it('passes checkEnv', () => {
    expect(() => checkEnv(make('Reacher-v5'))).not.toThrow();
  });
});
