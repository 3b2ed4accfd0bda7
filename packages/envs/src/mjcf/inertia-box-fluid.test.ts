// The inertia-box fluid model against MuJoCo's own qfrc_fluid (mujoco-js) on free bodies in a viscous, dense medium.
import loadMujoco from 'mujoco-js';
import { describe, expect, it } from 'vitest';
import type { Quat, Vec3 } from '../core/scene.js';
import { inertiaBoxFluidWrench, inertiaBoxSides } from './inertia-box-fluid.js';
import { quatMultiply, quatNormalize, quatRotate } from './math3d.js';
import { loadMjcf } from './mjcf-loader.js';

describe('inertia-box fluid model', () => {
  it('a uniform box is its own inertia box', () => {
    const model = loadMjcf('<mujoco><worldbody><body><freejoint/><geom type="box" size="0.1 0.2 0.3"/></body></worldbody></mujoco>');
    const sides = inertiaBoxSides(model.bodies[1]!);
    // principal moments are sorted decreasing, so the sides come in that frame's order: 0.6 (z), 0.4 (y), 0.2 (x)
    expect([...sides].sort()).toEqual([0.2, 0.4, 0.6].map((v) => expect.closeTo(v, 12)));
  });

  it('matches MuJoCo\'s qfrc_fluid for a rotated, moving box and capsule in wind', async () => {
    const xml = `<mujoco><option density="4000" viscosity="0.1" wind="0.3 -0.2 0.1" gravity="0 0 0"/><worldbody>
      <body name="box" pos="0 0 1"><freejoint/><geom type="box" size="0.1 0.2 0.3" density="900"/></body>
      <body name="capsule" pos="2 0 1"><freejoint/><geom type="capsule" fromto="-0.5 0 0 0.5 0.2 0" size="0.1"/></body>
    </worldbody></mujoco>`;
    const model = loadMjcf(xml);
    const mujoco = await loadMujoco();
    mujoco.FS.writeFile('/fluid.xml', xml);
    const mjModel = mujoco.MjModel.loadFromXML('/fluid.xml');
    const data = new mujoco.MjData(mjModel);
    // Each body: orientation (w first in qpos), linear velocity (world), angular velocity (body frame).
    const orientation: Quat[] = [quatNormalize([0.3, -0.5, 0.2, 0.8]), quatNormalize([-0.1, 0.4, 0.6, 0.5])];
    const linear: Vec3[] = [[1.5, -0.7, 0.4], [-0.3, 2.2, -1.1]];
    const angular: Vec3[] = [[2.0, -1.0, 3.0], [-0.5, 1.5, 0.7]];
    const qpos = data.qpos as Float64Array;
    const qvel = data.qvel as Float64Array;
    for (let b = 0; b < 2; b++) {
      const q = orientation[b]!;
      qpos.set([q[3], q[0], q[1], q[2]], 7 * b + 3);
      qvel.set([...linear[b]!, ...angular[b]!], 6 * b);
    }
    mujoco.mj_forward(mjModel, data);
    const fluid = Array.from(data.qfrc_fluid as Float64Array);
    data.delete();
    mjModel.delete();

    for (let b = 0; b < 2; b++) {
      const body = model.bodies[b + 1]!;
      const q = orientation[b]!;
      // free-joint qvel: origin velocity in world, angular velocity in the body frame
      const omegaWorld = quatRotate(q, angular[b]!);
      const comOffset = quatRotate(q, body.com);
      const cross: Vec3 = [
        omegaWorld[1] * comOffset[2] - omegaWorld[2] * comOffset[1],
        omegaWorld[2] * comOffset[0] - omegaWorld[0] * comOffset[2],
        omegaWorld[0] * comOffset[1] - omegaWorld[1] * comOffset[0],
      ];
      const comVelocity: Vec3 = [linear[b]![0] + cross[0], linear[b]![1] + cross[1], linear[b]![2] + cross[2]];
      const wrench = inertiaBoxFluidWrench(body, quatMultiply(q, body.inertiaQuat), comVelocity, omegaWorld, model.option);
      // generalized force: force (world) on the translational dofs; torque about the body origin, in the body frame
      const torqueAtOrigin: Vec3 = [
        wrench.torque[0] + comOffset[1] * wrench.force[2] - comOffset[2] * wrench.force[1],
        wrench.torque[1] + comOffset[2] * wrench.force[0] - comOffset[0] * wrench.force[2],
        wrench.torque[2] + comOffset[0] * wrench.force[1] - comOffset[1] * wrench.force[0],
      ];
      const torqueBody = quatRotate([-q[0], -q[1], -q[2], q[3]], torqueAtOrigin);
      const ours = [...wrench.force, ...torqueBody];
      const theirs = fluid.slice(6 * b, 6 * b + 6);
      const scale = Math.max(...theirs.map(Math.abs));
      expect(scale).toBeGreaterThan(1);
      ours.forEach((value, i) => expect(Math.abs(value - theirs[i]!), `body ${b} dof ${i}: ${value} vs ${theirs[i]}`).toBeLessThan(1e-10 * scale));
    }
  });
});
