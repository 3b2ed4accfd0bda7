// Humanoid-v5 and HumanoidStandup-v5: spaces, com-based observations against MuJoCo, reward terms, termination, stability.
import loadMujoco from 'mujoco-js';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkEnv } from '../checker/check-env.js';
import { init } from '../physics/rapier-runtime.js';
import { make } from '../registry/registry.js';
import { ROBOT_FILES } from '../robots/robot-files.generated.js';
import type { Box } from '../spaces/box.js';
import {
  expectDeterministic, expectPhysicsErrorTruncates, expectSceneAndPoses, expectRewardIsSumOfTerms, randomActions, stabilityRun,
} from '../testing/task-contract.js';
import { HumanoidStandupEnv } from './humanoid-standup.js';
import { HumanoidEnv } from './humanoid.js';
import './index.js';

beforeAll(async () => {
  await init();
});

describe('Humanoid-v5', () => {
  it('has Gymnasium v5 spaces (348 = 22 + 23 + 130 + 78 + 17 + 78), dt 0.015 and a 1000-step limit', () => {
    const env = make('Humanoid-v5');
    expect(env.observationSpace.shape).toEqual([348]);
    expect(Array.from((env.actionSpace as Box).low)).toEqual(new Array(17).fill(Math.fround(-0.4)));
    expect(Array.from((env.actionSpace as Box).high)).toEqual(new Array(17).fill(Math.fround(0.4)));
    expect((env.unwrapped as HumanoidEnv).dt).toBeCloseTo(0.015, 12);
    expect(env.spec?.maxEpisodeSteps).toBe(1000);
    expect(env.spec?.rewardThreshold).toBeUndefined();
    expect(make('Humanoid-v5', { exclude_current_positions_from_observation: false }).observationSpace.shape).toEqual([350]);
    expect(make('Humanoid-v5', { include_cinert_in_observation: false, include_cfrc_ext_in_observation: false }).observationSpace.shape).toEqual([140]);
    expect(make('Humanoid-v5', { include_cvel_in_observation: false, include_qfrc_actuator_in_observation: false }).observationSpace.shape).toEqual([253]);
  });

  it('observes cinert and cvel as MuJoCo computes them for the same state (mujoco-js mj_forward)', async () => {
    const env = new HumanoidEnv({ reset_noise_scale: 0.3 });
    const { obs } = env.reset({ seed: 1 });
    const mujoco = await loadMujoco();
    mujoco.FS.writeFile('/humanoid.xml', ROBOT_FILES['humanoid']);
    const model = mujoco.MjModel.loadFromXML('/humanoid.xml');
    const data = new mujoco.MjData(model);
    (data.qpos as Float64Array).set(Array.from(env.qpos));
    (data.qvel as Float64Array).set(Array.from(env.qvel));
    mujoco.mj_forward(model, data);
    const cinert = Array.from(data.cinert as Float64Array).slice(10);
    const cvel = Array.from(data.cvel as Float64Array).slice(6);
    const qpos = Array.from(data.qpos as Float64Array).slice(2);
    data.delete();
    model.delete();
    // qpos[2:] and qvel lead the observation; the waist's 0.23° rest tilts are dropped here (≈ 2 mm on the legs)
    qpos.forEach((v, i) => expect(obs[i]).toBeCloseTo(v, 4));
    cinert.forEach((v, i) => expect(Math.abs(obs[45 + i]! - v)).toBeLessThan(0.03));
    cvel.forEach((v, i) => expect(Math.abs(obs[175 + i]! - v)).toBeLessThan(0.01));
    expect(Array.from(obs.subarray(253))).toEqual(new Array(95).fill(0)); // no actuator or contact forces before a step
  });

  it('observes qfrc_actuator = gear·ctrl per hinge dof and pays the Gymnasium reward terms', () => {
    expectRewardIsSumOfTerms('Humanoid-v5', ['reward_forward', 'reward_survive', 'reward_ctrl', 'reward_contact']);
    const env = new HumanoidEnv();
    env.reset({ seed: 2 });
    for (const a of randomActions(env.actionSpace, 12, 3)) {
      const { obs, info } = env.step(a);
      for (const act of env.model.actuators) {
        const dof = env.model.joints[act.joint]!.dofAddress;
        expect(obs[253 + dof - 6]).toBeCloseTo(act.gear * a[act.id]!, 3);
      }
      let squared = 0;
      for (const v of a) squared += v * v;
      expect(info['reward_ctrl']).toBeCloseTo(-0.1 * squared, 12);
      let contact = 0;
      for (const f of env.contactForces) contact += f * f;
      expect(info['reward_contact']).toBeCloseTo(-Math.min(10, 5e-7 * contact), 12);
      expect(Array.from(obs.subarray(270))).toEqual(Array.from(env.contactForces.subarray(6)).map(Math.fround));
      expect((info['tendon_lenght'] as number[]).length).toBe(2);
    }
  });

  it('terminates when the torso leaves (1, 2); healthy steps pay healthy_reward 5', () => {
    const env = new HumanoidEnv({ reset_noise_scale: 0 });
    const stepFrom = (z: number) => {
      env.reset({ seed: 0 });
      const qpos = Float64Array.from(env.initQpos);
      qpos[2] = z;
      env.setState(qpos, new Float64Array(env.model.nv));
      return env.step(new Float32Array(17));
    };
    const low = stepFrom(0.9);
    expect(low.terminated).toBe(true);
    expect(low.info['reward_survive']).toBe(0);
    expect(low.info['termination_reason']).toMatch(/^z = .* outside healthy_z_range \(1, 2\)/);
    expect(stepFrom(2.3).terminated).toBe(true);
    const fine = stepFrom(1.4);
    expect(fine.terminated).toBe(false);
    expect(fine.info['reward_survive']).toBe(5);
    const lenient = new HumanoidEnv({ terminate_when_unhealthy: false, reset_noise_scale: 0 });
    lenient.reset({ seed: 0 });
    const qpos = Float64Array.from(lenient.initQpos);
    qpos[2] = 0.9;
    lenient.setState(qpos, new Float64Array(lenient.model.nv));
    expect(lenient.step(new Float32Array(17)).terminated).toBe(false);
  });

  it('is deterministic: the same seed and actions give bit-identical observations', () => {
    expectDeterministic('Humanoid-v5', { terminate_when_unhealthy: false }, 15);
  });

  it('stays stable and joined under 150 steps of uniform random actions', () => {
    const { separation, overshoot } = stabilityRun('Humanoid-v5', { terminate_when_unhealthy: false }, 150, 5);
    expect(separation).toBeLessThan(0.01);
    expect((overshoot * 180) / Math.PI).toBeLessThan(10);
  });

  it('truncates on a physics blow-up with info.physics_error and the last finite observation', () => {
    expectPhysicsErrorTruncates(new HumanoidEnv({}, { maxSpeed: 0.05 }));
  });

  it('describes its scene and poses every body (the torso at the free joint\'s position)', () => {
    expectSceneAndPoses(new HumanoidEnv(), 'torso', (q) => [q[0]!, q[1]!, q[2]!]);
  });

  it('passes checkEnv', () => {
    expect(() => checkEnv(make('Humanoid-v5'), { steps: 20 })).not.toThrow();
  });
});

describe('HumanoidStandup-v5', () => {
  it('observes 348 values, pays z/timestep − ctrl − impact + 1 and never terminates', () => {
    const env = make('HumanoidStandup-v5');
    expect(env.observationSpace.shape).toEqual([348]);
    expect((env.unwrapped as HumanoidStandupEnv).dt).toBeCloseTo(0.015, 12);
    expect(env.spec?.maxEpisodeSteps).toBe(1000);
    expectRewardIsSumOfTerms('HumanoidStandup-v5', ['reward_linup', 'reward_quadctrl', 'reward_impact', 'reward_alive']);
    const inner = env.unwrapped as HumanoidStandupEnv;
    const { obs } = env.reset({ seed: 4 });
    expect(obs[0]).toBeCloseTo(0.105, 1); // lying: torso at z 0.105
    for (const a of randomActions(env.actionSpace as Box, 10, 6)) {
      const s = env.step(a);
      expect(s.terminated).toBe(false);
      expect(s.info['reward_linup']).toBeCloseTo(inner.qpos[2]! / 0.003, 6);
      expect(s.info['z_distance_from_origin']).toBeCloseTo(inner.qpos[2]! - 0.105, 9);
    }
  });

  it('is deterministic and stable under 100 steps of random actions', () => {
    expectDeterministic('HumanoidStandup-v5', {}, 10);
    const { separation, overshoot } = stabilityRun('HumanoidStandup-v5', {}, 100, 5);
    expect(separation).toBeLessThan(0.01);
    expect((overshoot * 180) / Math.PI).toBeLessThan(10);
  });
});
