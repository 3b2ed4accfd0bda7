// Tests of the MJCF → Rapier builder: masses, collision filter, capsule axes, friction rule, joint state round trip.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadMjcf } from '../mjcf/mjcf-loader.js';
import { canCollide } from '../mjcf/contact-pairs.js';
import { loadRobot } from '../robots/robot-models.js';
import { Rng } from '../core/rng.js';
import { applyState } from './apply-state.js';
import { collisionClasses } from './collision-classes.js';
import { JointStateReader } from './joint-state.js';
import { init, rapier } from './rapier-runtime.js';
import { buildWorld, defaultWorldSettings } from './world-builder.js';
import { contactPoints } from './contact-forces.js';
import { forwardKinematics } from './forward-kinematics.js';

beforeAll(async () => {
  await init();
});

describe('buildWorld', () => {
  it('gives each rigid body the mass MuJoCo compiles (hopper links 3.6652 / 4.0579 / 2.7814 / 5.3156 kg)', () => {
    const model = loadRobot('hopper');
    const p = buildWorld(model, defaultWorldSettings(model));
    p.world.step(); // Rapier updates mass properties lazily
    const masses = p.bodies.slice(1).map((b) => b.mass());
    [3.6652, 4.0579, 2.7814, 5.3156].forEach((m, i) => expect(masses[i]).toBeCloseTo(m, 3));
    // capsule mass by hand: torso r 0.05, half-length 0.2: 1000·(π r²·0.4 + 4/3 π r³)
    expect(masses[0]).toBeCloseTo(1000 * (Math.PI * 0.05 ** 2 * 0.4 + (4 / 3) * Math.PI * 0.05 ** 3), 3);
    p.world.free();
  });

  it("reproduces MuJoCo's pair filter exactly with Rapier's collision groups", () => {
    for (const name of ['hopper', 'walker2d', 'half_cheetah', 'ant']) {
      const model = loadRobot(name);
      const { groups } = collisionClasses(model);
      for (let a = 0; a < model.geoms.length; a++) {
        for (let b = a + 1; b < model.geoms.length; b++) {
          const ga = groups[a], gb = groups[b];
          const rapierAllows = ga !== undefined && gb !== undefined && ((ga >>> 16) & gb & 0xffff) !== 0 && ((gb >>> 16) & ga & 0xffff) !== 0;
          expect(rapierAllows, `${name} geoms ${a}-${b}`).toBe(canCollide(model, a, b));
        }
      }
    }
    // the Hopper's non-adjacent links touch (MuJoCo contype=conaffinity=1): torso–leg yes, torso–thigh (parent–child) no
    const hopper = loadRobot('hopper');
    expect(canCollide(hopper, 1, 3)).toBe(true);
    expect(canCollide(hopper, 1, 2)).toBe(false);
  });

  it('turns capsules so that their axis is the MJCF geom Z axis, and combines friction with Max', () => {
    const model = loadRobot('hopper');
    const p = buildWorld(model, defaultWorldSettings(model));
    const foot = p.world.getCollider(p.colliderOfGeom[4]!);
    const q = foot.rotation();
    // Rapier's capsule axis is local +Y; rotated into world it must be the foot's MJCF axis, world ±X
    const y = [2 * (q.x * q.y - q.w * q.z), 1 - 2 * (q.x * q.x + q.z * q.z), 2 * (q.y * q.z + q.w * q.x)];
    expect(Math.abs(y[0]!)).toBeCloseTo(1, 6);
    expect(foot.halfHeight()).toBeCloseTo(0.195, 6);
    expect(foot.radius()).toBeCloseTo(0.06, 6);
    expect(foot.friction()).toBeCloseTo(2.0, 6);
    expect(foot.frictionCombineRule()).toBe(rapier().CoefficientCombineRule.Max);
    p.world.free();
  });

  it('reads back the qpos and qvel it was set to (forward kinematics ∘ joint reader = identity), hinge, slide and free', () => {
    const rng = new Rng(11);
    for (const name of ['hopper', 'walker2d', 'half_cheetah', 'ant']) {
      const model = loadRobot(name);
      const p = buildWorld(model, defaultWorldSettings(model));
      const qpos = model.qpos0.map((v) => v + rng.uniformIn(-0.3, 0.3));
      const qvel = Array.from({ length: model.nv }, () => rng.uniformIn(-2, 2));
      if (name === 'ant') {
        const n = Math.hypot(qpos[3]!, qpos[4]!, qpos[5]!, qpos[6]!);
        for (let i = 3; i < 7; i++) qpos[i] = qpos[i]! / n;
      }
      applyState(p, qpos, qvel);
      const reader = new JointStateReader(p);
      reader.resetUnwrap(qpos);
      reader.refresh();
      const q = new Float64Array(model.nq), v = new Float64Array(model.nv);
      reader.read(q, v);
      qpos.forEach((x, i) => expect(Math.abs(q[i]! - x), `${name} qpos[${i}]`).toBeLessThan(2e-5));
      qvel.forEach((x, i) => expect(Math.abs(v[i]! - x), `${name} qvel[${i}]`).toBeLessThan(1e-4));
      p.world.free();
    }
  });

  it('places a hinged body about its anchor as MuJoCo does (hopper thigh turned by θ about −y at z = 1.05)', () => {
    const model = loadRobot('hopper');
    const qpos = [...model.qpos0];
    const theta = 0.5;
    qpos[3] = theta; // thigh_joint
    const s = forwardKinematics(model, qpos, new Array(model.nv).fill(0));
    // The thigh origin is the hinge (0, 0, 1.05), so it stays. The leg origin hangs r = 0.7 below it; a rotation by θ
    // about −y (= by −θ about +y) maps (0, 0, −r) to (r sin θ, 0, −r cos θ) relative to the hinge.
    const r = 0.7;
    expect(s.pos[3 * 2 + 0]).toBeCloseTo(0, 12);
    expect(s.pos[3 * 2 + 2]).toBeCloseTo(1.05, 12);
    expect(s.pos[3 * 3 + 0]).toBeCloseTo(r * Math.sin(theta), 12);
    expect(s.pos[3 * 3 + 2]).toBeCloseTo(1.05 - r * Math.cos(theta), 12);
  });

  it('reports contact forces that hold a resting box up (Σ normal force = m g, for 1, 4 and 8 TGS substeps)', () => {
    const model = loadMjcf(
      '<mujoco><worldbody><geom name="floor" type="plane" size="5 5 1"/><body name="box" pos="0 0 0.1"><freejoint/><geom type="box" size="0.1 0.1 0.1" mass="2"/></body></worldbody></mujoco>',
    );
    for (const substeps of [1, 4, 8]) {
      const p = buildWorld(model, { ...defaultWorldSettings(model), solverIterations: substeps });
      for (let i = 0; i < 300; i++) p.world.step();
      const fz = contactPoints(p).reduce((sum, c) => sum + c.force[2], 0);
      expect(fz).toBeCloseTo(2 * 9.81, 2);
      p.world.free();
    }
  });

  it('rejects what it cannot build, naming the element', () => {
    const humanoid = loadRobot('humanoid');
    expect(() => buildWorld(humanoid, defaultWorldSettings(humanoid))).toThrow(/body "lwaist" has 2 joints; the builder supports one joint per non-root body/);
    const ellipsoid = loadMjcf('<mujoco><worldbody><geom type="plane" size="1 1 1"/><body pos="0 0 1"><freejoint/><geom type="ellipsoid" size="0.1 0.2 0.3"/></body></worldbody></mujoco>');
    expect(() => buildWorld(ellipsoid, defaultWorldSettings(ellipsoid))).toThrow(/is a ellipsoid; colliders support sphere, capsule, cylinder, box and plane/);
  });
});
