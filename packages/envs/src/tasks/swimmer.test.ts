// Swimmer-v5: spaces, reward terms, no termination, fluid drag against the inertia-box model, determinism, stability.
import { beforeAll, describe, expect, it } from 'vitest';
import { checkEnv } from '../checker/check-env.js';
import { inertiaBoxFluidWrench } from '../mjcf/inertia-box-fluid.js';
import { quatMultiply } from '../mjcf/math3d.js';
import { init } from '../physics/rapier-runtime.js';
import { make } from '../registry/registry.js';
import { ROBOT_FILES } from '../robots/robot-files.generated.js';
import { loadRobot } from '../robots/robot-models.js';
import {
  expectDeterministic, expectPhysicsErrorTruncates, expectSceneAndPoses, expectRewardIsSumOfTerms, randomActions, stabilityRun,
} from '../testing/task-contract.js';
import { SwimmerEnv } from './swimmer.js';
import './index.js';

beforeAll(async () => {
  await init();
});

describe('Swimmer-v5', () => {
  it('has Gymnasium v5 spaces, dt, episode limit and reward threshold', () => {
    const env = make('Swimmer-v5');
    expect(env.observationSpace.shape).toEqual([8]);
    expect(env.actionSpace.shape).toEqual([2]);
    expect(Array.from((env.actionSpace as SwimmerEnv['actionSpace']).low)).toEqual([-1, -1]);
    expect(Array.from((env.actionSpace as SwimmerEnv['actionSpace']).high)).toEqual([1, 1]);
    expect((env.unwrapped as SwimmerEnv).dt).toBeCloseTo(0.04, 12);
    expect(env.spec?.maxEpisodeSteps).toBe(1000);
    expect(env.spec?.rewardThreshold).toBe(360);
    expect(make('Swimmer-v5', { exclude_current_positions_from_observation: false }).observationSpace.shape).toEqual([10]);
  });

  it('observes qpos[2:] and qvel; reset noise stays within reset_noise_scale of the rest pose', () => {
    const still = new SwimmerEnv({ reset_noise_scale: 0 });
    const { obs, info } = still.reset({ seed: 0 });
    expect(Array.from(obs)).toEqual(new Array(8).fill(0));
    expect(info).toEqual({ x_position: 0, y_position: 0, distance_from_origin: 0 });
    const noisy = new SwimmerEnv();
    const first = noisy.reset({ seed: 4 }).obs;
    for (const v of first) expect(Math.abs(v)).toBeLessThanOrEqual(0.1 + 1e-6);
    expect(first.some((v) => Math.abs(v) > 0.01)).toBe(true);
    expect(Array.from(first.subarray(0, 3))).toEqual(Array.from(noisy.qpos.subarray(2)).map(Math.fround));
  });

  it('pays reward_forward (x velocity of the torso slider) − ctrl cost, and never terminates', () => {
    expectRewardIsSumOfTerms('Swimmer-v5', ['reward_forward', 'reward_ctrl']);
    const env = new SwimmerEnv();
    env.reset({ seed: 2 });
    for (const a of randomActions(env.actionSpace, 20, 5)) {
      const x = env.qpos[0]!;
      const step = env.step(a);
      expect(step.terminated).toBe(false);
      expect(step.info['reward_forward']).toBeCloseTo((env.qpos[0]! - x) / 0.04, 9);
      expect(step.info['reward_ctrl']).toBeCloseTo(-1e-4 * (a[0]! * a[0]! + a[1]! * a[1]!), 12);
      expect(Object.keys(step.info).sort()).toEqual(
        ['distance_from_origin', 'reward_ctrl', 'reward_forward', 'x_position', 'x_velocity', 'y_position', 'y_velocity'],
      );
    }
  });

  it('fluid drag decelerates a straight swimmer as MuJoCo\'s inertia-box model says, with the slider armature in the mass', () => {
    const env = new SwimmerEnv({ reset_noise_scale: 0, frame_skip: 1 });
    env.reset({ seed: 0 });
    const v0 = 0.8;
    const qvel = new Float64Array(5);
    qvel[0] = v0;
    env.setState(new Float64Array(5), qvel);
    env.step(new Float32Array(2));
    const model = loadRobot('swimmer'); // the bodies' own mass properties, without the folded armature
    let force = 0;
    let mass = 0.1; // slider1's armature
    for (let b = 1; b < model.bodies.length; b++) {
      const body = model.bodies[b]!;
      // bodies rest unrotated, so the principal frame in world is the body's inertia frame
      force += inertiaBoxFluidWrench(body, quatMultiply([0, 0, 0, 1], body.inertiaQuat), [v0, 0, 0], [0, 0, 0], model.option).force[0];
      mass += body.mass;
    }
    expect(force).toBeLessThan(0);
    const expected = v0 + (0.01 * force) / mass;
    expect(env.qvel[0]).toBeCloseTo(expected, 4);
    // without a medium the same push keeps its speed
    const dry = new SwimmerEnv({ reset_noise_scale: 0, frame_skip: 1, xml_file: ROBOT_FILES['swimmer']!.replace('density="4000" viscosity="0.1"', '') });
    dry.reset({ seed: 0 });
    dry.setState(new Float64Array(5), qvel);
    dry.step(new Float32Array(2));
    expect(dry.qvel[0]).toBeCloseTo(v0, 5);
  });

  it('is deterministic: the same seed and actions give bit-identical observations', () => {
    expectDeterministic('Swimmer-v5');
  });

  it('stays stable and joined under 300 steps of uniform random actions', () => {
    const { separation, overshoot } = stabilityRun('Swimmer-v5', {}, 300, 5);
    expect(separation).toBeLessThan(0.01);
    expect((overshoot * 180) / Math.PI).toBeLessThan(10);
  });

  it('truncates on a physics blow-up with info.physics_error and the last finite observation', () => {
    expectPhysicsErrorTruncates(new SwimmerEnv({}, { maxSpeed: 0.05 }));
  });

  it('describes its scene and poses every body (the torso at the sliders\' x, y)', () => {
    expectSceneAndPoses(new SwimmerEnv(), 'torso', (q) => [q[0]!, q[1]!, 0]);
  });

  it('passes checkEnv', () => {
    expect(() => checkEnv(make('Swimmer-v5'))).not.toThrow();
  });
});
