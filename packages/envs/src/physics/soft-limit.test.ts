// MuJoCo's soft joint limit: impedance and gains by hand, and the motor against a = (1 − d)·a_unc + d·a_ref.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadMjcf } from '../mjcf/mjcf-loader.js';
import { applyState } from './apply-state.js';
import { ArmatureMotors } from './armature-motor.js';
import { JointStateReader } from './joint-state.js';
import { init } from './rapier-runtime.js';
import { limitImpedance, softLimitGains } from './soft-limit.js';
import { buildWorld } from './world-builder.js';

beforeAll(async () => {
  await init();
});

describe('limitImpedance', () => {
  it("follows MuJoCo's piecewise power sigmoid from dmin to dmax over the width", () => {
    const solimp = [0.9, 0.95, 0.001, 0.5, 2];
    expect(limitImpedance(solimp, 0)).toBeCloseTo(0.9, 12);
    expect(limitImpedance(solimp, 0.00025)).toBeCloseTo(0.9 + 0.05 * (0.25 ** 2 / 0.5), 12); // x ≤ mid
    expect(limitImpedance(solimp, 0.00075)).toBeCloseTo(0.9 + 0.05 * (1 - 0.25 ** 2 / 0.5), 12); // x > mid
    expect(limitImpedance(solimp, 0.5)).toBeCloseTo(0.95, 12);
    // HalfCheetah's solimplimit "0 0.8 0.03": dmin is raised to MuJoCo's 1e-4
    expect(limitImpedance([0, 0.8, 0.03], 0.015)).toBeCloseTo(1e-4 + 0.5 * (0.8 - 1e-4), 12);
  });
});

describe('softLimitGains', () => {
  it('gives b = 2/(dmax·T), k = 1/(dmax²·T²·ζ²), with T raised to twice the timestep', () => {
    const g = softLimitGains([0.02, 1], [0.9, 0.95, 0.001], 1, 0.002, 'j');
    expect(g.d).toBeCloseTo(0.95, 12);
    expect(g.b).toBeCloseTo(2 / (0.95 * 0.02), 9);
    expect(g.k).toBeCloseTo(1 / (0.95 ** 2 * 0.02 ** 2), 6);
    expect(softLimitGains([0.02, 1], [0.9, 0.95, 0.001], 1, 0.05, 'j').b).toBeCloseTo(2 / (0.95 * 0.1), 9);
  });

  it('rejects the direct (negative) solref form, naming the joint', () => {
    expect(() => softLimitGains([-100, -10], [0.9, 0.95, 0.001], 0, 0.01, 'knee')).toThrow(/joint "knee" has solreflimit -100 -10; expected the standard form/);
  });
});

const LINK = `<mujoco><compiler angle="radian"/><option gravity="0 0 0" timestep="0.01"/><worldbody>
  <body name="link" pos="0 0 1"><joint name="hinge" type="hinge" axis="0 0 1" armature="0.5" damping="0.3" range="-0.5 0.5"/>
  <geom type="sphere" size="0.1" mass="2"/></body></worldbody>
  <actuator><motor joint="hinge" gear="3" ctrlrange="-1 1"/></actuator></mujoco>`;

function run(q0: number, v0: number, ctrl: number, steps: number): { q: number; v: number }[] {
  const model = loadMjcf(LINK);
  const p = buildWorld(model, { timestep: 0.01, solverIterations: 1, pgsIterations: 4, limitClamp: false, softLimits: true });
  applyState(p, [q0], [v0]);
  const reader = new JointStateReader(p);
  reader.refresh();
  reader.resetUnwrap([q0]);
  const motors = new ArmatureMotors(p, false);
  const out: { q: number; v: number }[] = [];
  const qpos = new Float64Array(1), qvel = new Float64Array(1);
  for (let i = 0; i < steps; i++) {
    reader.refresh();
    motors.configure([ctrl], reader);
    p.world.step();
    reader.refresh();
    reader.read(qpos, qvel);
    out.push({ q: qpos[0]!, v: qvel[0]! });
  }
  p.world.free();
  return out;
}

describe('ArmatureMotors with soft limits', () => {
  const m = 0.5 + 0.4 * 2 * 0.1 ** 2; // armature + the sphere's inertia about the hinge
  const h = 0.01, damping = 0.3, gear = 3, T = 0.02, dmax = 0.95;
  const b = 2 / (dmax * T), k = 1 / (dmax * dmax * T * T);

  it('pulls a joint back from past its limit as MuJoCo does: m·a = m·d·a_ref + (1 − d)·m·a_unc, spring and dampers implicit', () => {
    // q0 = 0.6 is 0.1 past the upper limit 0.5, so d = dmax; ctrl +1 pushes further in. For a lone joint the
    // acceleration without the limit is m·a_unc = gear − damping·v (v at the start of the step), whether taken from
    // the joint's own torque (first step) or from the last step's acceleration less the limit force (later steps).
    let q = 0.6, v = 0;
    const got = run(q, v, 1, 3);
    for (const step of got) {
      const d = dmax;
      const unconstrained = gear - damping * v;
      // m(v′ − v)/h = −m·d²·k·(q + h·v′ − 0.5) − m·d·b·v′ + gear − damping·v′ − d·m·a_unc
      v = (m * v / h - m * d * d * k * (q - 0.5) + gear - d * unconstrained) / (m / h + m * d * d * k * h + m * d * b + damping);
      q += h * v;
      expect(step.v).toBeCloseTo(v, 2);
      expect(step.q).toBeCloseTo(q, 4);
    }
    expect(got[2]!.q).toBeLessThan(0.6); // back towards the range despite the actuator
  });

  it('has no hard limit: a joint driven into its limit passes it by a few degrees only (MuJoCo-like softness)', () => {
    const got = run(0.4, 0, 1, 60);
    const q = got[got.length - 1]!.q;
    expect(q).toBeGreaterThan(0.5); // past the limit: soft
    // steady state, a = 0 and a_unc = gear/m: d·(−k·d·r) + (1 − d)·gear/m = 0
    expect(q - 0.5).toBeCloseTo(((1 - dmax) * gear) / (m * dmax * dmax * k), 3);
  });

  it('never pulls a joint into its limit: moving out fast, the plain motor keeps its momentum', () => {
    // 0.1 past the limit but leaving at −30 rad/s: the limit force would point inwards, so MuJoCo applies none
    const [step] = run(0.6, -30, 0, 1);
    const v = (m * -30 / h) / (m / h + damping);
    expect(step!.v).toBeCloseTo(v, 2);
  });
});
