// Reads MuJoCo's qpos/qvel (hinge/slide/ball/free, with `ref` offsets) back from the Rapier bodies' poses and velocities.
import type { MjcfModel } from '../mjcf/mjcf-model.js';
import { quatMulInto, rotateInto, twistAngle } from './quat-math.js';
import type { BuiltJoint, PhysicsWorld } from './world-builder.js';

const TWO_PI = 2 * Math.PI;

/**
 * Caches every rigid body's state (origin, quaternion, COM, COM velocity, angular velocity; world frame, f64 copies
 * of Rapier's f32 values) and derives joint coordinates from relative poses, since Rapier exposes no joint angles
 * (rapier-notes §2.3). Hinge angles are unwrapped against the previous reading, so they grow past ±π as MuJoCo's do.
 */
export class JointStateReader {
  /** Per rigid group: pos 3, quat 4, com 3, linvel (COM) 3, angvel 3 = 16 floats. */
  readonly cache: Float64Array;
  private readonly previousAngle: Float64Array;
  private readonly t = new Float64Array(4);
  private readonly u = new Float64Array(4);
  private readonly model: MjcfModel;
  private readonly coms: number[][];
  private readonly handles: number[];
  private readonly f = new Float32Array(4);

  constructor(private readonly physics: PhysicsWorld) {
    this.model = physics.model;
    this.cache = new Float64Array(16 * physics.bodies.length);
    this.previousAngle = new Float64Array(physics.model.joints.length);
    this.coms = physics.groups.groups.map((g) => [...g.massProperties.com]);
    this.handles = physics.bodies.map((b) => b.handle);
  }

  /** Copies every body's state out of Rapier (call after each world step whose result is needed). */
  refresh(): void {
    // raw reads into a reused Float32Array: no allocation (rapier-notes §2.3)
    const c = this.cache;
    const f = this.f;
    const raw = this.physics.world.bodies.raw;
    const handles = this.handles;
    for (let g = 0; g < handles.length; g++) {
      const h = handles[g]!;
      const o = 16 * g;
      raw.rbTranslation(h, f);
      const px = f[0]!, py = f[1]!, pz = f[2]!;
      c[o] = px; c[o + 1] = py; c[o + 2] = pz;
      raw.rbRotation(h, f);
      const qx = f[0]!, qy = f[1]!, qz = f[2]!, qw = f[3]!;
      c[o + 3] = qx; c[o + 4] = qy; c[o + 5] = qz; c[o + 6] = qw;
      const com = this.coms[g]!;
      rotateInto(qx, qy, qz, qw, com[0]!, com[1]!, com[2]!, c, o + 7);
      c[o + 7] = c[o + 7]! + px; c[o + 8] = c[o + 8]! + py; c[o + 9] = c[o + 9]! + pz;
      raw.rbLinvel(h, f);
      c[o + 10] = f[0]!; c[o + 11] = f[1]!; c[o + 12] = f[2]!;
      raw.rbAngvel(h, f);
      c[o + 13] = f[0]!; c[o + 14] = f[1]!; c[o + 15] = f[2]!;
    }
  }

  /** Sets the unwrapping reference of every hinge from a qpos (after a reset or set_state). */
  resetUnwrap(qpos: ArrayLike<number>): void {
    for (const j of this.model.joints) if (j.type === 'hinge') this.previousAngle[j.id] = qpos[j.qposAddress]! - j.ref;
  }

  /** Writes the full qpos and qvel from the cache (call `refresh()` first). */
  read(qpos: Float64Array, qvel: Float64Array): void {
    for (const built of this.physics.joints) {
      const j = built.joint;
      if (j.type === 'free') this.readFree(built, qpos, qvel);
      else if (j.type === 'ball') this.readBall(built, qpos, qvel);
      else {
        qpos[j.qposAddress] = this.position(built);
        qvel[j.dofAddress] = this.velocity(built);
      }
    }
  }

  /** Hinge/slide coordinate q (with `ref`, hinge unwrapped) from the cache; updates the unwrapping reference. */
  position(built: BuiltJoint): number {
    const c = this.cache;
    const j = built.joint;
    const oc = 16 * built.childGroup;
    const qcx = c[oc + 3]!, qcy = c[oc + 4]!, qcz = c[oc + 5]!, qcw = c[oc + 6]!;
    if (built.realisation === 'locked') {
      if (j.type === 'hinge') return j.ref + this.unwrap(j.id, twistAngle(qcx, qcy, qcz, qcw, built.worldAxis[0], built.worldAxis[1], built.worldAxis[2]));
      const h = built.anchorChild;
      rotateInto(qcx, qcy, qcz, qcw, h[0], h[1], h[2], this.t, 0);
      const a = built.worldAxis;
      const r = built.restAnchorWorld;
      return j.ref + (c[oc]! + this.t[0]! - r[0]) * a[0] + (c[oc + 1]! + this.t[1]! - r[1]) * a[1] + (c[oc + 2]! + this.t[2]! - r[2]) * a[2];
    }
    const op = 16 * built.parentGroup;
    const qpx = c[op + 3]!, qpy = c[op + 4]!, qpz = c[op + 5]!, qpw = c[op + 6]!;
    if (j.type === 'hinge') {
      // relative rotation conj(qp)·qc (rest relative rotation is the identity for impulse joints)
      quatMulInto(-qpx, -qpy, -qpz, qpw, qcx, qcy, qcz, qcw, this.t, 0);
      const ax = built.axisChild;
      return j.ref + this.unwrap(j.id, twistAngle(this.t[0]!, this.t[1]!, this.t[2]!, this.t[3]!, ax[0], ax[1], ax[2]));
    }
    // slide: child anchor minus parent anchor, along the axis in the parent's frame
    rotateInto(qcx, qcy, qcz, qcw, built.anchorChild[0], built.anchorChild[1], built.anchorChild[2], this.t, 0);
    rotateInto(qpx, qpy, qpz, qpw, built.anchorParent[0], built.anchorParent[1], built.anchorParent[2], this.u, 0);
    const dx = c[oc]! + this.t[0]! - c[op]! - this.u[0]!;
    const dy = c[oc + 1]! + this.t[1]! - c[op + 1]! - this.u[1]!;
    const dz = c[oc + 2]! + this.t[2]! - c[op + 2]! - this.u[2]!;
    rotateInto(qpx, qpy, qpz, qpw, built.axisChild[0], built.axisChild[1], built.axisChild[2], this.t, 0);
    return j.ref + dx * this.t[0]! + dy * this.t[1]! + dz * this.t[2]!;
  }

  /** Hinge/slide velocity q̇ from the cache (MuJoCo's qvel for that dof). */
  velocity(built: BuiltJoint): number {
    const c = this.cache;
    const j = built.joint;
    const oc = 16 * built.childGroup;
    const qcx = c[oc + 3]!, qcy = c[oc + 4]!, qcz = c[oc + 5]!, qcw = c[oc + 6]!;
    const wx = c[oc + 13]!, wy = c[oc + 14]!, wz = c[oc + 15]!;
    if (built.realisation === 'locked') {
      const a = built.worldAxis;
      if (j.type === 'hinge') return wx * a[0] + wy * a[1] + wz * a[2];
      const h = built.anchorChild;
      rotateInto(qcx, qcy, qcz, qcw, h[0], h[1], h[2], this.t, 0);
      const rx = c[oc]! + this.t[0]! - c[oc + 7]!, ry = c[oc + 1]! + this.t[1]! - c[oc + 8]!, rz = c[oc + 2]! + this.t[2]! - c[oc + 9]!;
      const vx = c[oc + 10]! + wy * rz - wz * ry, vy = c[oc + 11]! + wz * rx - wx * rz, vz = c[oc + 12]! + wx * ry - wy * rx;
      return vx * a[0] + vy * a[1] + vz * a[2];
    }
    const op = 16 * built.parentGroup;
    const pwx = c[op + 13]!, pwy = c[op + 14]!, pwz = c[op + 15]!;
    const ax = built.axisChild;
    rotateInto(qcx, qcy, qcz, qcw, ax[0], ax[1], ax[2], this.t, 0);
    const awx = this.t[0]!, awy = this.t[1]!, awz = this.t[2]!;
    if (j.type === 'hinge') return (wx - pwx) * awx + (wy - pwy) * awy + (wz - pwz) * awz;
    // slide: relative velocity of the child anchor point against the coincident parent point
    rotateInto(qcx, qcy, qcz, qcw, built.anchorChild[0], built.anchorChild[1], built.anchorChild[2], this.t, 0);
    const px = c[oc]! + this.t[0]!, py = c[oc + 1]! + this.t[1]!, pz = c[oc + 2]! + this.t[2]!;
    const cx = px - c[oc + 7]!, cy = py - c[oc + 8]!, cz = pz - c[oc + 9]!;
    const bx = px - c[op + 7]!, by = py - c[op + 8]!, bz = pz - c[op + 9]!;
    const vcx = c[oc + 10]! + wy * cz - wz * cy, vcy = c[oc + 11]! + wz * cx - wx * cz, vcz = c[oc + 12]! + wx * cy - wy * cx;
    const vpx = c[op + 10]! + pwy * bz - pwz * by, vpy = c[op + 11]! + pwz * bx - pwx * bz, vpz = c[op + 12]! + pwx * by - pwy * bx;
    return (vcx - vpx) * awx + (vcy - vpy) * awy + (vcz - vpz) * awz;
  }

  private readFree(built: BuiltJoint, qpos: Float64Array, qvel: Float64Array): void {
    const c = this.cache;
    const o = 16 * built.childGroup;
    const a = built.joint.qposAddress;
    const d = built.joint.dofAddress;
    const qx = c[o + 3]!, qy = c[o + 4]!, qz = c[o + 5]!, qw = c[o + 6]!;
    qpos[a] = c[o]!; qpos[a + 1] = c[o + 1]!; qpos[a + 2] = c[o + 2]!;
    qpos[a + 3] = qw; qpos[a + 4] = qx; qpos[a + 5] = qy; qpos[a + 6] = qz;
    const wx = c[o + 13]!, wy = c[o + 14]!, wz = c[o + 15]!;
    const rx = c[o]! - c[o + 7]!, ry = c[o + 1]! - c[o + 8]!, rz = c[o + 2]! - c[o + 9]!;
    qvel[d] = c[o + 10]! + wy * rz - wz * ry;
    qvel[d + 1] = c[o + 11]! + wz * rx - wx * rz;
    qvel[d + 2] = c[o + 12]! + wx * ry - wy * rx;
    rotateInto(-qx, -qy, -qz, qw, wx, wy, wz, this.t, 0);
    qvel[d + 3] = this.t[0]!; qvel[d + 4] = this.t[1]!; qvel[d + 5] = this.t[2]!;
  }

  private readBall(built: BuiltJoint, qpos: Float64Array, qvel: Float64Array): void {
    const c = this.cache;
    const oc = 16 * built.childGroup;
    const op = 16 * built.parentGroup;
    quatMulInto(-c[op + 3]!, -c[op + 4]!, -c[op + 5]!, c[op + 6]!, c[oc + 3]!, c[oc + 4]!, c[oc + 5]!, c[oc + 6]!, this.t, 0);
    const a = built.joint.qposAddress;
    const d = built.joint.dofAddress;
    const sign = this.t[3]! < 0 ? -1 : 1;
    qpos[a] = sign * this.t[3]!; qpos[a + 1] = sign * this.t[0]!; qpos[a + 2] = sign * this.t[1]!; qpos[a + 3] = sign * this.t[2]!;
    rotateInto(-c[oc + 3]!, -c[oc + 4]!, -c[oc + 5]!, c[oc + 6]!, c[oc + 13]! - c[op + 13]!, c[oc + 14]! - c[op + 14]!, c[oc + 15]! - c[op + 15]!, this.u, 0);
    qvel[d] = this.u[0]!; qvel[d + 1] = this.u[1]!; qvel[d + 2] = this.u[2]!;
  }

  private unwrap(id: number, raw: number): number {
    const prev = this.previousAngle[id]!;
    const value = raw + TWO_PI * Math.round((prev - raw) / TWO_PI);
    this.previousAngle[id] = value;
    return value;
  }
}
