// The implicit armature motor against implicit Euler of a single hinged link, computed by hand (rapier-notes §8).
import { beforeAll, describe, expect, it } from 'vitest';
import { loadMjcf } from '../mjcf/mjcf-loader.js';
import { ArmatureMotors } from './armature-motor.js';
import { JointStateReader } from './joint-state.js';
import { init } from './rapier-runtime.js';
import { buildWorld } from './world-builder.js';

const LINK = `<mujoco><option gravity="0 0 0" timestep="0.01"/><worldbody>
  <body name="link" pos="0 0 1"><joint name="hinge" type="hinge" axis="0 0 1" armature="ARM" damping="0.3" stiffness="STIFF"/>
  <geom type="sphere" size="0.1" mass="2"/></body></worldbody>
  <actuator><motor joint="hinge" gear="3" ctrlrange="-1 1"/></actuator></mujoco>`;

beforeAll(async () => {
  await init();
});

function simulate(armature: number, stiffness: number, ctrl: number, steps: number): { q: number; v: number } {
  const model = loadMjcf(LINK.replace('ARM', String(armature)).replace('STIFF', String(stiffness)));
  const p = buildWorld(model, { timestep: 0.01, solverIterations: 1, pgsIterations: 4, limitClamp: false });
  const reader = new JointStateReader(p);
  const motors = new ArmatureMotors(p, false);
  const qpos = new Float64Array(1), qvel = new Float64Array(1);
  for (let i = 0; i < steps; i++) {
    reader.refresh();
    motors.configure([ctrl], reader);
    p.world.step();
  }
  reader.refresh();
  reader.read(qpos, qvel);
  p.world.free();
  return { q: qpos[0]!, v: qvel[0]! };
}

describe('ArmatureMotors', () => {
  it('integrates τ = gear·clamp(ctrl), armature and damping implicitly: (I + a)(v′ − v)/h = τ − d v′', () => {
    const I = 0.4 * 2 * 0.1 ** 2; // solid sphere about its centre
    const h = 0.01, d = 0.3, gear = 3;
    for (const armature of [0, 0.5]) {
      let v = 0;
      for (let i = 0; i < 50; i++) v = ((I + armature) * v / h + gear * 1) / ((I + armature) / h + d);
      // ctrl 5 is clamped to the ctrlrange [-1, 1]
      expect(simulate(armature, 0, 5, 50).v).toBeCloseTo(v, 3);
    }
  });

  it('adds the joint spring explicitly, as MuJoCo Euler does: (I + a)(v′ − v)/h = τ − k q − d v′, q′ = q + h v′', () => {
    const I = 0.4 * 2 * 0.1 ** 2;
    const h = 0.01, d = 0.3, k = 20, a = 0.5;
    let q = 0, v = 0;
    for (let i = 0; i < 40; i++) {
      v = ((I + a) * v / h + 3 - k * q) / ((I + a) / h + d);
      q += h * v;
    }
    const got = simulate(a, k, 1, 40);
    expect(got.v).toBeCloseTo(v, 3);
    expect(got.q).toBeCloseTo(q, 3);
  });

  it('applies the full actuator force on a limited slider with little damping (a folded target would be clamped by Rapier)', () => {
    const model = loadMjcf(`<mujoco><option gravity="0 0 0" timestep="0.01"/><worldbody><body name="cart">
      <joint name="s" type="slide" axis="1 0 0" damping="0.05" range="-1 1"/><geom type="sphere" size="0.1" mass="1"/></body></worldbody>
      <actuator><motor joint="s" gear="500" ctrlrange="-1 1"/></actuator></mujoco>`);
    const p = buildWorld(model, { timestep: 0.01, solverIterations: 1, pgsIterations: 4, limitClamp: false });
    const reader = new JointStateReader(p);
    const motors = new ArmatureMotors(p, false);
    let v = 0;
    for (let i = 0; i < 5; i++) {
      reader.refresh();
      motors.configure([1], reader);
      p.world.step();
      v = (v / 0.01 + 500) / (1 / 0.01 + 0.05); // m = 1: implicit damping, explicit force
    }
    reader.refresh();
    const qpos = new Float64Array(1), qvel = new Float64Array(1);
    reader.read(qpos, qvel);
    expect(qvel[0]).toBeCloseTo(v, 2);
    p.world.free();
  });
});
