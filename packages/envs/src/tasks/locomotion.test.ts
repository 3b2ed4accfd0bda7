// Locomotion tasks: spaces, reward = Σ info terms, termination rules, seeded determinism, physics errors, scene.
import { beforeAll, describe, expect, it } from 'vitest';
import { make } from '../registry/registry.js';
import { init } from '../physics/rapier-runtime.js';
import { MjcfError } from '../mjcf/mjcf-error.js';
import { Rng } from '../core/rng.js';
import type { Env } from '../core/env.js';
import { AntEnv } from './ant.js';
import { HalfCheetahEnv } from './half-cheetah.js';
import { HopperEnv } from './hopper.js';
import { Walker2dEnv } from './walker2d.js';
import { InvertedPendulumEnv } from './inverted-pendulum.js';
import { InvertedDoublePendulumEnv } from './inverted-double-pendulum.js';
import type { MujocoEnv } from './mujoco-env.js';
import type { TaskOverlay } from './task-overlay.js';
import './index.js';

beforeAll(async () => {
  await init();
});

const SPECS = [
  { id: 'Hopper-v5', obs: 11, full: 12, act: 3, dt: 0.008, terms: ['reward_forward', 'reward_survive', 'reward_ctrl'] },
  { id: 'Walker2d-v5', obs: 17, full: 18, act: 6, dt: 0.008, terms: ['reward_forward', 'reward_survive', 'reward_ctrl'] },
  { id: 'HalfCheetah-v5', obs: 17, full: 18, act: 6, dt: 0.05, terms: ['reward_forward', 'reward_ctrl'] },
  { id: 'Ant-v5', obs: 105, full: 107, act: 8, dt: 0.05, terms: ['reward_forward', 'reward_survive', 'reward_ctrl', 'reward_contact'] },
  { id: 'InvertedPendulum-v5', obs: 4, full: 4, act: 1, dt: 0.04, terms: ['reward_survive'] },
  { id: 'InvertedDoublePendulum-v5', obs: 9, full: 9, act: 1, dt: 0.05, terms: ['reward_survive', 'distance_penalty', 'velocity_penalty'] },
] as const;

const LOCOMOTION = ['Hopper-v5', 'Walker2d-v5', 'HalfCheetah-v5', 'Ant-v5'];

const CONSTRUCTORS: Record<string, new (options: object, overlay: Partial<TaskOverlay>) => MujocoEnv> = {
  'Hopper-v5': HopperEnv, 'Walker2d-v5': Walker2dEnv, 'HalfCheetah-v5': HalfCheetahEnv, 'Ant-v5': AntEnv,
  'InvertedPendulum-v5': InvertedPendulumEnv, 'InvertedDoublePendulum-v5': InvertedDoublePendulumEnv,
};

function randomActions(n: number, size: number, seed: number): Float32Array[] {
  const rng = new Rng(seed);
  return Array.from({ length: n }, () => Float32Array.from({ length: size }, () => rng.uniformIn(-1, 1)));
}

describe.each(SPECS)('$id', (spec) => {
  it('has Gymnasium v5 spaces, dt, episode limit and Box(-1, 1) actions', () => {
    const env = make(spec.id);
    expect(env.observationSpace.shape).toEqual([spec.obs]);
    expect(env.actionSpace.shape).toEqual([spec.act]);
    const inner = env.unwrapped as unknown as MujocoEnv;
    expect(inner.dt).toBeCloseTo(spec.dt, 12);
    expect(env.spec?.maxEpisodeSteps).toBe(1000);
    const bound = spec.id === 'InvertedPendulum-v5' ? 3 : 1;
    expect(Array.from(inner.actionSpace.low)).toEqual(new Array(spec.act).fill(-bound));
    expect(Array.from(inner.actionSpace.high)).toEqual(new Array(spec.act).fill(bound));
    if (LOCOMOTION.includes(spec.id)) {
      expect(make(spec.id, { exclude_current_positions_from_observation: false }).observationSpace.shape).toEqual([spec.full]);
    }
    const { obs } = env.reset({ seed: 0 });
    expect(obs.length).toBe(spec.obs);
  });

  it('pays reward = Σ info reward terms, with Gymnasium info keys', () => {
    const env = make(spec.id);
    env.reset({ seed: 3 });
    for (const action of randomActions(15, spec.act, 1)) {
      const step = env.step(action);
      const sum = spec.terms.reduce((s, k) => s + (step.info[k] as number), 0);
      expect(step.reward).toBeCloseTo(sum, 10);
      if (LOCOMOTION.includes(spec.id)) {
        expect(step.info['x_velocity']).toBeTypeOf('number');
        expect(step.info['x_position']).toBeTypeOf('number');
        let squared = 0;
        for (const a of action) squared += a * a;
        const weight = (env.spec!.kwargs as Record<string, number>)['ctrl_cost_weight']!;
        expect(step.info['reward_ctrl']).toBeCloseTo(-weight * squared, 12);
      }
      if (step.terminated || step.truncated) break;
    }
  });

  it('is deterministic: the same seed and actions give bit-identical observations, whatever ran before', () => {
    const actions = randomActions(40, spec.act, 9);
    const run = (env: Env): Float32Array[] => {
      const out = [env.reset({ seed: 42 }).obs];
      for (const a of actions) {
        const s = env.step(a);
        out.push(s.obs);
        if (s.terminated || s.truncated) break;
      }
      return out;
    };
    const fresh = make(spec.id, { max_episode_steps: null });
    const used = make(spec.id, { max_episode_steps: null });
    used.reset({ seed: 7 });
    for (const a of randomActions(30, spec.act, 2)) if (used.step(a).terminated) break;
    const a = run(fresh);
    const b = run(used);
    expect(b.length).toBe(a.length);
    a.forEach((obs, i) => expect(Array.from(b[i]!)).toEqual(Array.from(obs)));
  });

  it('stays stable and joined under 300 steps of uniform random actions (the 10,000-step run is in tools/bench)', () => {
    const lenient = spec.id === 'Hopper-v5' || spec.id === 'Walker2d-v5' || spec.id === 'Ant-v5';
    const env = make(spec.id, { max_episode_steps: null, ...(lenient ? { terminate_when_unhealthy: false } : {}) });
    const inner = env.unwrapped as unknown as MujocoEnv;
    env.reset({ seed: 5 });
    let separation = 0;
    let overshoot = 0;
    let t = 0;
    randomActions(300, spec.act, 4).forEach((a) => {
      const s = env.step(a);
      t++;
      expect(s.info['physics_error']).toBeUndefined();
      for (const v of s.obs) expect(Number.isFinite(v)).toBe(true);
      if (s.terminated) {
        env.reset();
        t = 0;
      }
      if (t >= 25) {
        const e = inner.jointErrors();
        separation = Math.max(separation, e.separation);
        overshoot = Math.max(overshoot, e.hingeOvershoot);
      }
    });
    const [maxSep, maxDeg] = spec.id === 'Ant-v5' ? [0.03, 20] : [0.01, 10];
    expect(separation).toBeLessThan(maxSep);
    expect((overshoot * 180) / Math.PI).toBeLessThan(maxDeg);
  });

  it('truncates on a physics blow-up with info.physics_error and the last finite observation', () => {
    // a runaway limit of 0.5 (m/s, rad/s) makes the first full-torque step count as a blow-up
    const env = new CONSTRUCTORS[spec.id]({}, { maxSpeed: 0.5 });
    const { obs } = env.reset({ seed: 1 });
    const step = env.step(new Float32Array(spec.act).fill(1));
    expect(step.truncated).toBe(true);
    expect(step.terminated).toBe(false);
    expect(step.reward).toBe(0);
    expect(step.info['physics_error']).toMatch(/^qvel\[\d+\] = .* exceeds the runaway limit 0.5$/);
    expect(Array.from(step.obs)).toEqual(Array.from(obs));
    expect(() => env.step(new Float32Array(spec.act))).toThrow(/after the episode ended/);
    env.reset({ seed: 1 });
  });

  it('describes its scene (world + one body per rigid group, MJCF geoms and colours) and poses every body', () => {
    const env = make(spec.id);
    env.reset({ seed: 0 });
    const scene = env.scene();
    expect(scene.name).toBe(spec.id);
    expect(scene.bodies[0]!.geoms[0]!.type).toBe(spec.id === 'InvertedPendulum-v5' ? 'capsule' : 'plane');
    const poses = env.poses();
    expect(poses.length).toBe(7 * scene.bodies.length);
    const inner = env.unwrapped as unknown as MujocoEnv;
    if (!LOCOMOTION.includes(spec.id)) {
      expect(scene.bodies[1]!.name).toBe('cart');
      expect(poses[7]).toBeCloseTo(inner.qpos[0]!, 5); // the cart slides along x
      return;
    }
    expect(scene.bodies[1]!.name).toBe('torso');
    // torso origin = root qpos: x, and z = rest height + (rootz − ref) for planar robots, qpos[2] for the Ant
    expect(poses[7]).toBeCloseTo(inner.qpos[0]!, 5);
    const rootz = inner.model.joints[1]!;
    const z = spec.id === 'Ant-v5' ? inner.qpos[2]! : inner.model.bodies[1]!.pos[2] + inner.qpos[1]! - rootz.ref;
    expect(poses[9]).toBeCloseTo(z, 5);
  });
});

describe('termination rules', () => {
  function stepFrom(env: MujocoEnv, edit: (qpos: Float64Array, qvel: Float64Array) => void) {
    env.reset({ seed: 0 });
    const qpos = Float64Array.from(env.initQpos);
    const qvel = new Float64Array(env.model.nv);
    edit(qpos, qvel);
    env.setState(qpos, qvel);
    return env.step(new Float32Array(env.model.nu));
  }

  it('Hopper-v5: z ≤ 0.7, |angle| ≥ 0.2 or a state entry beyond ±100 terminates; healthy steps pay healthy_reward', () => {
    const hopper = new HopperEnv();
    const low = stepFrom(hopper, (q) => (q[1] = 0.6));
    expect(low.terminated).toBe(true);
    expect(low.info['termination_reason']).toMatch(/^z = .* outside healthy_z_range/);
    expect(low.info['reward_survive']).toBe(0);
    const tilted = stepFrom(hopper, (q) => (q[2] = 0.3));
    expect(tilted.info['termination_reason']).toMatch(/^angle = .* outside healthy_angle_range/);
    const fast = stepFrom(hopper, (_q, v) => (v[5] = 150));
    expect(fast.info['termination_reason']).toMatch(/^state_vector\(\)\[11\] = .* outside healthy_state_range/);
    const fine = stepFrom(hopper, () => {});
    expect(fine.terminated).toBe(false);
    expect(fine.info['reward_survive']).toBe(1);
    const lenient = new HopperEnv({ terminate_when_unhealthy: false });
    expect(stepFrom(lenient, (q) => (q[1] = 0.6)).terminated).toBe(false);
  });

  it('Walker2d-v5: z outside (0.8, 2) or angle outside (−1, 1) terminates', () => {
    const walker = new Walker2dEnv();
    expect(stepFrom(walker, (q) => (q[1] = 0.7)).info['termination_reason']).toMatch(/^z = /);
    expect(stepFrom(walker, (q) => (q[1] = 2.2)).info['termination_reason']).toMatch(/^z = /);
    expect(stepFrom(walker, (q) => (q[2] = 1.2)).info['termination_reason']).toMatch(/^angle = /);
    expect(stepFrom(walker, () => {}).terminated).toBe(false);
  });

  it('InvertedPendulum-v5: |angle| > 0.2 terminates with reward 0; InvertedDoublePendulum-v5: tip z ≤ 1 terminates', () => {
    const pendulum = new InvertedPendulumEnv();
    const fallen = stepFrom(pendulum, (q) => (q[1] = 0.3));
    expect(fallen.terminated).toBe(true);
    expect(fallen.reward).toBe(0);
    expect(fallen.info['termination_reason']).toMatch(/^pole angle .* outside \[-0.2, 0.2\]/);
    const upright = stepFrom(pendulum, () => {});
    expect(upright.terminated).toBe(false);
    expect(upright.reward).toBe(1);
    const double = new InvertedDoublePendulumEnv();
    // both poles tilted by 1.2 rad: tip height 0.6·cos(1.2)·2 ≈ 0.43 ≤ 1
    const tilted = stepFrom(double, (q) => (q[1] = 1.2));
    expect(tilted.terminated).toBe(true);
    expect(tilted.info['reward_survive']).toBe(0);
    const balanced = stepFrom(double, () => {});
    expect(balanced.terminated).toBe(false);
    // upright, at rest, cart at 0: tip at (0, 1.2): reward = 10 − (0.01·0 + (1.2 − 2)²) − 0, up to one step of motion
    expect(balanced.reward).toBeCloseTo(10 - 0.64, 1);
    expect(balanced.obs[8]).toBeCloseTo(0, 6); // qfrc_constraint of the slider: no limit active
  });

  it('Ant-v5: torso z outside [0.2, 1.0] terminates; HalfCheetah-v5 never terminates', () => {
    const ant = new AntEnv();
    const high = stepFrom(ant, (q) => (q[2] = 1.5));
    expect(high.terminated).toBe(true);
    expect(high.info['termination_reason']).toMatch(/^z = .* outside healthy_z_range \[0.2, 1\]/);
    expect(stepFrom(ant, () => {}).terminated).toBe(false);
    const cheetah = new HalfCheetahEnv();
    const flipped = stepFrom(cheetah, (q) => (q[2] = Math.PI));
    expect(flipped.terminated).toBe(false);
    expect(Object.keys(flipped.info).sort()).toEqual(['reward_ctrl', 'reward_forward', 'x_position', 'x_velocity']);
  });
});

describe('options and model files', () => {
  it('takes Gymnasium keyword arguments and rejects unknown ones', () => {
    const env = make('Hopper-v5', { ctrl_cost_weight: 0.5, reset_noise_scale: 0 });
    const { obs } = env.reset({ seed: 0 });
    expect(obs[0]).toBe(1.25); // rootz at its ref, no noise
    expect(env.step(Float32Array.of(1, 0, 0)).info['reward_ctrl']).toBe(-0.5);
    expect(() => make('Hopper-v5', { ctrl_cost: 1 })).toThrow(/unknown option "ctrl_cost"/);
    expect(make('Ant-v5', { include_cfrc_ext_in_observation: false }).observationSpace.shape).toEqual([27]);
  });

  it('reports malformed or unknown robot files with the loader error', () => {
    expect(() => make('Hopper-v5', { xml_file: '<mujoco><worldbody><geom type="sphere" size="x"/></worldbody></mujoco>' })).toThrow(MjcfError);
    expect(() => make('Hopper-v5', { xml_file: 'hoper' })).toThrow(/xml_file "hoper" is neither MJCF text nor a robot name; expected one of .*hopper/);
  });

  it('reports contact points with normal forces on request', () => {
    const env = new HopperEnv({ reset_noise_scale: 0, terminate_when_unhealthy: false });
    env.reset({ seed: 0 });
    for (let i = 0; i < 40; i++) env.step(new Float32Array(3));
    const contacts = env.contacts();
    expect(contacts.length).toBeGreaterThan(0);
    for (const c of contacts) {
      expect(c.normalForce).toBeGreaterThan(0);
      expect(Math.hypot(...c.normal)).toBeCloseTo(1, 5);
    }
  });
});
