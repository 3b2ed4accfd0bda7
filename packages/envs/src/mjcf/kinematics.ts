// Frame composition over the body tree: world poses at the XML pose (qpos0) and poses of one body in another.
import type { Quat, Vec3 } from '../core/scene.js';
import { IDENTITY_QUAT, quatMultiply, quatRotate } from './math3d.js';
import type { MjcfModel } from './mjcf-model.js';

/** A rigid transform: x ↦ quat·x + pos. */
export interface Pose {
  pos: Vec3;
  quat: Quat;
}

export const IDENTITY_POSE: Pose = { pos: [0, 0, 0], quat: [...IDENTITY_QUAT] };

/** a ∘ b: first b, then a (b expressed in a's frame). */
export function composePoses(a: Pose, b: Pose): Pose {
  const offset = quatRotate(a.quat, b.pos);
  return { pos: [a.pos[0] + offset[0], a.pos[1] + offset[1], a.pos[2] + offset[2]], quat: quatMultiply(a.quat, b.quat) };
}

/** Every body's world pose with all joints at qpos0 (which is the XML pose: MuJoCo's `xpos`/`xquat` after mj_kinematics at qpos0). */
export function bodyWorldPoses(model: MjcfModel): Pose[] {
  const poses: Pose[] = [];
  for (const body of model.bodies) {
    const local: Pose = { pos: body.pos, quat: body.quat };
    // bodies are in depth-first order, so a parent's pose is always ready
    poses.push(body.parent < 0 ? { pos: [...body.pos], quat: [...body.quat] } : composePoses(poses[body.parent]!, local));
  }
  return poses;
}

/** The pose of body `descendant` in the frame of its ancestor `ancestor` (identity when equal). */
export function poseInAncestor(model: MjcfModel, descendant: number, ancestor: number): Pose {
  let pose: Pose = { pos: [0, 0, 0], quat: [...IDENTITY_QUAT] };
  let id = descendant;
  while (id !== ancestor) {
    const body = model.bodies[id];
    if (!body || body.parent < 0) throw new Error(`body ${ancestor} is not an ancestor of body ${descendant}`);
    pose = composePoses({ pos: body.pos, quat: body.quat }, pose);
    id = body.parent;
  }
  return pose;
}
