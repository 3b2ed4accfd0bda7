// Body world poses and velocities from joint coordinates, by MuJoCo's rules (engine_core_smooth.c mj_kinematics, mj_comVel).
import type { MjcfModel } from '../mjcf/mjcf-model.js';
import { quatMulInto, rotateInto } from './quat-math.js';

/** World pose and velocity of every MuJoCo body, flat: pos 3, quat 4 (x, y, z, w), origin velocity 3, angular velocity 3. */
export interface BodyStates {
  pos: Float64Array;
  quat: Float64Array;
  /** Linear velocity of each body's frame origin (not its COM), world frame. */
  linvel: Float64Array;
  /** Angular velocity, world frame. */
  angvel: Float64Array;
}

/**
 * Places every body from `qpos` and moves it with `qvel`, with MuJoCo's conventions: hinge/slide values are
 * measured from `ref` (qpos0); free joints hold position + quaternion (w first, normalised here as MuJoCo does)
 * and a body-frame angular velocity; ball joints a quaternion (w first) and a body-frame angular velocity.
 * A hinge or ball joint rotates its body about the joint anchor, so the anchor stays fixed.
 */
export function forwardKinematics(model: MjcfModel, qpos: ArrayLike<number>, qvel: ArrayLike<number>): BodyStates {
  const nb = model.bodies.length;
  const pos = new Float64Array(3 * nb);
  const quat = new Float64Array(4 * nb);
  const linvel = new Float64Array(3 * nb);
  const angvel = new Float64Array(3 * nb);
  const t = new Float64Array(4);
  const anchor = new Float64Array(3);
  const axis = new Float64Array(3);
  quat[3] = 1;
  for (let b = 1; b < nb; b++) {
    const body = model.bodies[b]!;
    const p = body.parent;
    const [px, py, pz, pw] = [quat[4 * p]!, quat[4 * p + 1]!, quat[4 * p + 2]!, quat[4 * p + 3]!];
    rotateInto(px, py, pz, pw, body.pos[0], body.pos[1], body.pos[2], t, 0);
    let x = pos[3 * p]! + t[0]!;
    let y = pos[3 * p + 1]! + t[1]!;
    let z = pos[3 * p + 2]! + t[2]!;
    quatMulInto(px, py, pz, pw, body.quat[0], body.quat[1], body.quat[2], body.quat[3], t, 0);
    let [qx, qy, qz, qw] = [t[0]!, t[1]!, t[2]!, t[3]!];
    const wpx = angvel[3 * p]!, wpy = angvel[3 * p + 1]!, wpz = angvel[3 * p + 2]!;
    // velocity of the new origin as a point of the parent
    const dx = x - pos[3 * p]!, dy = y - pos[3 * p + 1]!, dz = z - pos[3 * p + 2]!;
    let vx = linvel[3 * p]! + (wpy * dz - wpz * dy);
    let vy = linvel[3 * p + 1]! + (wpz * dx - wpx * dz);
    let vz = linvel[3 * p + 2]! + (wpx * dy - wpy * dx);
    let wx = wpx, wy = wpy, wz = wpz;
    for (const jid of body.joints) {
      const j = model.joints[jid]!;
      const a = j.qposAddress;
      const d = j.dofAddress;
      if (j.type === 'free') {
        const nx = qpos[a]!, ny = qpos[a + 1]!, nz = qpos[a + 2]!;
        const norm = Math.hypot(qpos[a + 3]!, qpos[a + 4]!, qpos[a + 5]!, qpos[a + 6]!) || 1;
        qw = qpos[a + 3]! / norm; qx = qpos[a + 4]! / norm; qy = qpos[a + 5]! / norm; qz = qpos[a + 6]! / norm;
        x = nx; y = ny; z = nz;
        vx = qvel[d]!; vy = qvel[d + 1]!; vz = qvel[d + 2]!;
        rotateInto(qx, qy, qz, qw, qvel[d + 3]!, qvel[d + 4]!, qvel[d + 5]!, t, 0);
        wx = t[0]!; wy = t[1]!; wz = t[2]!;
        continue;
      }
      rotateInto(qx, qy, qz, qw, j.pos[0], j.pos[1], j.pos[2], anchor, 0);
      anchor[0] = anchor[0]! + x; anchor[1] = anchor[1]! + y; anchor[2] = anchor[2]! + z;
      rotateInto(qx, qy, qz, qw, j.axis[0], j.axis[1], j.axis[2], axis, 0);
      let nx = x, ny = y, nz = z;
      if (j.type === 'slide') {
        const s = qpos[a]! - j.ref;
        nx += axis[0]! * s; ny += axis[1]! * s; nz += axis[2]! * s;
      } else {
        let lx: number, ly: number, lz: number, lw: number;
        if (j.type === 'hinge') {
          const half = 0.5 * (qpos[a]! - j.ref);
          const s = Math.sin(half);
          lx = j.axis[0] * s; ly = j.axis[1] * s; lz = j.axis[2] * s; lw = Math.cos(half);
        } else {
          const norm = Math.hypot(qpos[a]!, qpos[a + 1]!, qpos[a + 2]!, qpos[a + 3]!) || 1;
          lw = qpos[a]! / norm; lx = qpos[a + 1]! / norm; ly = qpos[a + 2]! / norm; lz = qpos[a + 3]! / norm;
        }
        quatMulInto(qx, qy, qz, qw, lx, ly, lz, lw, t, 0);
        qx = t[0]!; qy = t[1]!; qz = t[2]!; qw = t[3]!;
        rotateInto(qx, qy, qz, qw, j.pos[0], j.pos[1], j.pos[2], t, 0);
        nx = anchor[0]! - t[0]!; ny = anchor[1]! - t[1]!; nz = anchor[2]! - t[2]!;
      }
      // carry the velocity to the moved origin (as a point of the frame before this joint), then add the joint's own
      const ex = nx - x, ey = ny - y, ez = nz - z;
      vx += wy * ez - wz * ey; vy += wz * ex - wx * ez; vz += wx * ey - wy * ex;
      x = nx; y = ny; z = nz;
      const rx = x - anchor[0]!, ry = y - anchor[1]!, rz = z - anchor[2]!;
      if (j.type === 'slide') {
        const qd = qvel[d]!;
        vx += axis[0]! * qd; vy += axis[1]! * qd; vz += axis[2]! * qd;
      } else {
        let ox: number, oy: number, oz: number;
        if (j.type === 'hinge') {
          const qd = qvel[d]!;
          ox = axis[0]! * qd; oy = axis[1]! * qd; oz = axis[2]! * qd;
        } else {
          rotateInto(qx, qy, qz, qw, qvel[d]!, qvel[d + 1]!, qvel[d + 2]!, t, 0);
          ox = t[0]!; oy = t[1]!; oz = t[2]!;
        }
        wx += ox; wy += oy; wz += oz;
        vx += oy * rz - oz * ry; vy += oz * rx - ox * rz; vz += ox * ry - oy * rx;
      }
    }
    pos[3 * b] = x; pos[3 * b + 1] = y; pos[3 * b + 2] = z;
    quat[4 * b] = qx; quat[4 * b + 1] = qy; quat[4 * b + 2] = qz; quat[4 * b + 3] = qw;
    linvel[3 * b] = vx; linvel[3 * b + 1] = vy; linvel[3 * b + 2] = vz;
    angvel[3 * b] = wx; angvel[3 * b + 1] = wy; angvel[3 * b + 2] = wz;
  }
  return { pos, quat, linvel, angvel };
}
