// MuJoCo's com-based body quantities (cinert, cvel, subtree COM, mass centre) from the Rapier bodies' states.
import type { Quat, Vec3 } from '../core/scene.js';
import { composePoses, poseInAncestor } from '../mjcf/kinematics.js';
import type { MjcfModel } from '../mjcf/mjcf-model.js';
import type { JointStateReader } from '../physics/joint-state.js';
import { quatMulInto, rotateInto } from '../physics/quat-math.js';
import type { PhysicsWorld } from '../physics/world-builder.js';

interface BodyPart {
  group: number;
  /** The MuJoCo body's COM and principal frame in its rigid group's frame. */
  com: Vec3;
  frame: Quat;
  mass: number;
  inertia: Vec3;
}

/**
 * For the bodies of `mujocoModel` (ids as MuJoCo's; `bodyOf` maps them to the built model's bodies), fills after each
 * step: xipos (COM, world), the subtree COM of body 1's tree, MuJoCo's `cinert` (engine_util_spatial.c
 * `mju_inertCom`: inertia about the subtree COM in world axes [xx, yy, zz, xy, xz, yz], mass·(xipos − c), mass) and
 * `cvel` (engine_core_smooth.c `mj_comVel`: [ω, velocity of the point c moving with the body], world axes), where
 * c is the subtree COM of the body's tree root (one tree here: every body hangs from body 1).
 */
export class ComQuantities {
  readonly xipos: Float64Array;
  readonly cinert: Float64Array;
  readonly cvel: Float64Array;
  readonly subtreeCom = new Float64Array(3);
  private readonly parts: BodyPart[] = [];
  private readonly t = new Float64Array(4);
  private readonly r = new Float64Array(9);
  private readonly totalMass: number;

  constructor(mujocoModel: MjcfModel, physics: PhysicsWorld, bodyOf: readonly number[]) {
    const n = mujocoModel.bodies.length;
    this.xipos = new Float64Array(3 * n);
    this.cinert = new Float64Array(10 * n);
    this.cvel = new Float64Array(6 * n);
    let total = 0;
    for (const body of mujocoModel.bodies) {
      if (body.id === 0) {
        this.parts.push({ group: 0, com: [0, 0, 0], frame: [0, 0, 0, 1], mass: 0, inertia: [0, 0, 0] });
        continue;
      }
      const built = bodyOf[body.id]!;
      const group = physics.groups.groupOfBody[built]!;
      const inRoot = poseInAncestor(physics.model, built, physics.groups.groups[group]!.root);
      const inertial = composePoses(inRoot, { pos: body.com, quat: body.inertiaQuat });
      this.parts.push({ group, com: inertial.pos, frame: inertial.quat, mass: body.mass, inertia: [...body.principalInertia] });
      total += body.mass;
    }
    this.totalMass = total;
  }

  /** Mass-weighted mean of the bodies' COMs (Gymnasium's `mass_center`, all of it, not only x and y). */
  massCenter(reader: JointStateReader, out: Float64Array): void {
    this.fillXipos(reader);
    out.fill(0, 0, 3);
    for (let b = 1; b < this.parts.length; b++) {
      const m = this.parts[b]!.mass;
      out[0] = out[0]! + m * this.xipos[3 * b]!;
      out[1] = out[1]! + m * this.xipos[3 * b + 1]!;
      out[2] = out[2]! + m * this.xipos[3 * b + 2]!;
    }
    for (let k = 0; k < 3; k++) out[k] = out[k]! / this.totalMass;
  }

  /** Computes xipos, the subtree COM, cinert and cvel from the reader's (refreshed) cache. */
  update(reader: JointStateReader): void {
    this.massCenter(reader, this.subtreeCom);
    const c = reader.cache;
    const s = this.subtreeCom;
    const t = this.t;
    const R = this.r;
    for (let b = 1; b < this.parts.length; b++) {
      const p = this.parts[b]!;
      const o = 16 * p.group;
      quatMulInto(c[o + 3]!, c[o + 4]!, c[o + 5]!, c[o + 6]!, p.frame[0], p.frame[1], p.frame[2], p.frame[3], t, 0);
      matrix(t[0]!, t[1]!, t[2]!, t[3]!, R);
      const I = p.inertia;
      const ci = 10 * b;
      const dx = this.xipos[3 * b]! - s[0]!, dy = this.xipos[3 * b + 1]! - s[1]!, dz = this.xipos[3 * b + 2]! - s[2]!;
      const m = p.mass;
      // R·diag(I)·Rᵀ, then the parallel-axis shift to c
      const e = (i: number, j: number): number => R[3 * i]! * I[0] * R[3 * j]! + R[3 * i + 1]! * I[1] * R[3 * j + 1]! + R[3 * i + 2]! * I[2] * R[3 * j + 2]!;
      this.cinert[ci] = e(0, 0) + m * (dy * dy + dz * dz);
      this.cinert[ci + 1] = e(1, 1) + m * (dx * dx + dz * dz);
      this.cinert[ci + 2] = e(2, 2) + m * (dx * dx + dy * dy);
      this.cinert[ci + 3] = e(0, 1) - m * dx * dy;
      this.cinert[ci + 4] = e(0, 2) - m * dx * dz;
      this.cinert[ci + 5] = e(1, 2) - m * dy * dz;
      this.cinert[ci + 6] = m * dx;
      this.cinert[ci + 7] = m * dy;
      this.cinert[ci + 8] = m * dz;
      this.cinert[ci + 9] = m;
      // the group's angular velocity, and the velocity of the point c moving with the group
      const wx = c[o + 13]!, wy = c[o + 14]!, wz = c[o + 15]!;
      const rx = s[0]! - c[o + 7]!, ry = s[1]! - c[o + 8]!, rz = s[2]! - c[o + 9]!;
      const vi = 6 * b;
      this.cvel[vi] = wx;
      this.cvel[vi + 1] = wy;
      this.cvel[vi + 2] = wz;
      this.cvel[vi + 3] = c[o + 10]! + wy * rz - wz * ry;
      this.cvel[vi + 4] = c[o + 11]! + wz * rx - wx * rz;
      this.cvel[vi + 5] = c[o + 12]! + wx * ry - wy * rx;
    }
  }

  private fillXipos(reader: JointStateReader): void {
    const c = reader.cache;
    for (let b = 1; b < this.parts.length; b++) {
      const p = this.parts[b]!;
      const o = 16 * p.group;
      rotateInto(c[o + 3]!, c[o + 4]!, c[o + 5]!, c[o + 6]!, p.com[0], p.com[1], p.com[2], this.t, 0);
      this.xipos[3 * b] = c[o]! + this.t[0]!;
      this.xipos[3 * b + 1] = c[o + 1]! + this.t[1]!;
      this.xipos[3 * b + 2] = c[o + 2]! + this.t[2]!;
    }
  }
}

/** Row-major rotation matrix of a unit quaternion (x, y, z, w). */
function matrix(x: number, y: number, z: number, w: number, out: Float64Array): void {
  out[0] = 1 - 2 * (y * y + z * z); out[1] = 2 * (x * y - w * z); out[2] = 2 * (x * z + w * y);
  out[3] = 2 * (x * y + w * z); out[4] = 1 - 2 * (x * x + z * z); out[5] = 2 * (y * z - w * x);
  out[6] = 2 * (x * z - w * y); out[7] = 2 * (y * z + w * x); out[8] = 1 - 2 * (x * x + y * y);
}
