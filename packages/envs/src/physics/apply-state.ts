// Sets every Rapier body from a MuJoCo-style (qpos, qvel), as MuJoCo's set_state does (via forward kinematics).
import { forwardKinematics } from './forward-kinematics.js';
import { rotateInto } from './quat-math.js';
import type { PhysicsWorld } from './world-builder.js';

/** Poses each rigid body at its root body's world pose and gives it the COM velocity and angular velocity of `qvel`. */
export function applyState(physics: PhysicsWorld, qpos: ArrayLike<number>, qvel: ArrayLike<number>): void {
  const { model } = physics;
  if (qpos.length !== model.nq || qvel.length !== model.nv) {
    throw new Error(`set_state(${model.name}): expected qpos of length ${model.nq} and qvel of length ${model.nv}, got ${qpos.length} and ${qvel.length}`);
  }
  for (let i = 0; i < qpos.length; i++) if (!Number.isFinite(qpos[i]!)) throw new Error(`set_state(${model.name}): qpos[${i}] is ${qpos[i]}, expected a finite number`);
  for (let i = 0; i < qvel.length; i++) if (!Number.isFinite(qvel[i]!)) throw new Error(`set_state(${model.name}): qvel[${i}] is ${qvel[i]}, expected a finite number`);
  const s = forwardKinematics(model, qpos, qvel);
  const r = new Float64Array(3);
  const groups = physics.groups.groups;
  for (let g = 1; g < groups.length; g++) {
    const b = groups[g]!.root;
    const body = physics.bodies[g]!;
    const qx = s.quat[4 * b]!, qy = s.quat[4 * b + 1]!, qz = s.quat[4 * b + 2]!, qw = s.quat[4 * b + 3]!;
    const wx = s.angvel[3 * b]!, wy = s.angvel[3 * b + 1]!, wz = s.angvel[3 * b + 2]!;
    const com = groups[g]!.massProperties.com;
    rotateInto(qx, qy, qz, qw, com[0], com[1], com[2], r, 0);
    body.setTranslation({ x: s.pos[3 * b]!, y: s.pos[3 * b + 1]!, z: s.pos[3 * b + 2]! }, true);
    body.setRotation({ x: qx, y: qy, z: qz, w: qw }, true);
    body.setLinvel({
      x: s.linvel[3 * b]! + wy * r[2]! - wz * r[1]!,
      y: s.linvel[3 * b + 1]! + wz * r[0]! - wx * r[2]!,
      z: s.linvel[3 * b + 2]! + wx * r[1]! - wy * r[0]!,
    }, true);
    body.setAngvel({ x: wx, y: wy, z: wz }, true);
  }
}
