// Small 3D helpers for the MJCF compiler: vectors, quaternions in (x, y, z, w) order, 3x3 matrices, symmetric eigen.
import type { Quat, Vec3 } from '../core/scene.js';

export const IDENTITY_QUAT: Quat = [0, 0, 0, 1];

export function dot3(a: Vec3, b: Vec3): number {
  return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
}

export function cross3(a: Vec3, b: Vec3): Vec3 {
  return [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
}

export function norm3(a: Vec3): number {
  return Math.hypot(a[0], a[1], a[2]);
}

/** Hamilton product a ⊗ b (apply b, then a), both (x, y, z, w). */
export function quatMultiply(a: Quat, b: Quat): Quat {
  const [ax, ay, az, aw] = a;
  const [bx, by, bz, bw] = b;
  return [
    aw * bx + ax * bw + ay * bz - az * by,
    aw * by - ax * bz + ay * bw + az * bx,
    aw * bz + ax * by - ay * bx + az * bw,
    aw * bw - ax * bx - ay * by - az * bz,
  ];
}

export function quatNormalize(q: Quat): Quat {
  const n = Math.hypot(q[0], q[1], q[2], q[3]);
  return [q[0] / n, q[1] / n, q[2] / n, q[3] / n];
}

/** Converts MuJoCo's (w, x, y, z) order to the project's (x, y, z, w). */
export function quatFromWxyz(w: number, x: number, y: number, z: number): Quat {
  return [x, y, z, w];
}

/** Rotates v by the unit quaternion q. */
export function quatRotate(q: Quat, v: Vec3): Vec3 {
  const m = quatToMatrix(q);
  return [
    m[0] * v[0] + m[1] * v[1] + m[2] * v[2],
    m[3] * v[0] + m[4] * v[1] + m[5] * v[2],
    m[6] * v[0] + m[7] * v[1] + m[8] * v[2],
  ];
}

/** Row-major rotation matrix of a unit quaternion (x, y, z, w). */
export function quatToMatrix(q: Quat): number[] {
  const [x, y, z, w] = q;
  return [
    1 - 2 * (y * y + z * z), 2 * (x * y - w * z), 2 * (x * z + w * y),
    2 * (x * y + w * z), 1 - 2 * (x * x + z * z), 2 * (y * z - w * x),
    2 * (x * z - w * y), 2 * (y * z + w * x), 1 - 2 * (x * x + y * y),
  ];
}

/** Quaternion of the rotation whose matrix has the columns x, y, z (orthonormal, right-handed). */
export function quatFromFrame(x: Vec3, y: Vec3, z: Vec3): Quat {
  // Shepperd's method on the matrix [x y z]: pick the largest of trace and diagonal for stability.
  const m00 = x[0], m11 = y[1], m22 = z[2];
  const trace = m00 + m11 + m22;
  let q: Quat;
  if (trace > 0) {
    const s = Math.sqrt(trace + 1) * 2;
    q = [(y[2] - z[1]) / s, (z[0] - x[2]) / s, (x[1] - y[0]) / s, 0.25 * s];
  } else if (m00 > m11 && m00 > m22) {
    const s = Math.sqrt(1 + m00 - m11 - m22) * 2;
    q = [0.25 * s, (y[0] + x[1]) / s, (z[0] + x[2]) / s, (y[2] - z[1]) / s];
  } else if (m11 > m22) {
    const s = Math.sqrt(1 + m11 - m00 - m22) * 2;
    q = [(y[0] + x[1]) / s, 0.25 * s, (z[1] + y[2]) / s, (z[0] - x[2]) / s];
  } else {
    const s = Math.sqrt(1 + m22 - m00 - m11) * 2;
    q = [(z[0] + x[2]) / s, (z[1] + y[2]) / s, 0.25 * s, (x[1] - y[0]) / s];
  }
  return quatNormalize(q);
}

/** The shortest rotation taking +Z to the direction of `vec` (MuJoCo `mjuu_z2quat`; a 180° turn about X for -Z). */
export function quatZToVector(vec: Vec3): Quat {
  let axis = cross3([0, 0, 1], vec);
  const s = norm3(axis);
  axis = s < 1e-10 ? [1, 0, 0] : [axis[0] / s, axis[1] / s, axis[2] / s];
  const angle = Math.atan2(s, vec[2]);
  const half = Math.sin(angle / 2);
  return [axis[0] * half, axis[1] * half, axis[2] * half, Math.cos(angle / 2)];
}

/** Symmetric 3x3 tensor in MuJoCo's 6-vector order: [xx, yy, zz, xy, xz, yz]. */
export type SymmetricTensor = [number, number, number, number, number, number];

/** Principal moments (decreasing) and the rotation whose columns are the principal axes. */
export interface PrincipalAxes {
  moments: Vec3;
  quat: Quat;
}

/**
 * Eigen-decomposition of a symmetric 3x3 tensor by quaternion Jacobi rotations, ported from MuJoCo's
 * `mjuu_eig3` (src/user/user_util.cc) so that the principal frame and the order of the moments (decreasing)
 * are the ones MuJoCo stores in `body_iquat` and `body_inertia`.
 */
export function principalAxes(t: SymmetricTensor): PrincipalAxes {
  const EPS = 1e-12;
  const mat = [t[0], t[3], t[4], t[3], t[1], t[5], t[4], t[5], t[2]];
  // Work in MuJoCo's (w, x, y, z) order internally to mirror its arithmetic exactly.
  let quat = [1, 0, 0, 0];
  const eigval = [0, 0, 0];
  for (let iter = 0; iter < 500; iter++) {
    const v = matFromWxyz(quat);
    const d = mul3(mul3(transpose3(v), mat), v);
    eigval[0] = d[0]!;
    eigval[1] = d[4]!;
    eigval[2] = d[8]!;
    let rk: number, ck: number, rotk: number;
    if (Math.abs(d[1]!) > Math.abs(d[2]!) && Math.abs(d[1]!) > Math.abs(d[5]!)) {
      rk = 0; ck = 1; rotk = 2;
    } else if (Math.abs(d[2]!) > Math.abs(d[5]!)) {
      rk = 0; ck = 2; rotk = 1;
    } else {
      rk = 1; ck = 2; rotk = 0;
    }
    if (Math.abs(d[3 * rk + ck]!) < EPS) break;
    const tau = (d[4 * ck]! - d[4 * rk]!) / (2 * d[3 * rk + ck]!);
    const tt = tau >= 0 ? 1 / (tau + Math.sqrt(1 + tau * tau)) : -1 / (-tau + Math.sqrt(1 + tau * tau));
    const c = 1 / Math.sqrt(1 + tt * tt);
    if (c > 1 - EPS) break;
    const rot = [0, 0, 0, 0];
    rot[rotk + 1] = tau >= 0 ? -Math.sqrt(0.5 - 0.5 * c) : Math.sqrt(0.5 - 0.5 * c);
    if (rotk === 1) rot[rotk + 1] = -rot[rotk + 1]!;
    rot[0] = Math.sqrt(1 - rot[rotk + 1]! * rot[rotk + 1]!);
    quat = normalize4(mulWxyz(quat, normalize4(rot)));
  }
  for (let j = 0; j < 3; j++) {
    const j1 = j % 2;
    if (eigval[j1]! + EPS < eigval[j1 + 1]!) {
      const swap = eigval[j1]!;
      eigval[j1] = eigval[j1 + 1]!;
      eigval[j1 + 1] = swap;
      const rot = [Math.SQRT1_2, 0, 0, 0];
      rot[((j1 + 2) % 3) + 1] = Math.SQRT1_2;
      quat = normalize4(mulWxyz(quat, rot));
    }
  }
  return {
    moments: [eigval[0]!, eigval[1]!, eigval[2]!],
    quat: [quat[1]!, quat[2]!, quat[3]!, quat[0]!],
  };
}

/** R·diag(d)·Rᵀ for a unit quaternion R (MuJoCo `mjuu_globalinertia`). */
export function rotateDiagonalTensor(d: Vec3, q: Quat): SymmetricTensor {
  const m = quatToMatrix(q);
  const e = (i: number, j: number): number =>
    m[3 * i]! * d[0] * m[3 * j]! + m[3 * i + 1]! * d[1] * m[3 * j + 1]! + m[3 * i + 2]! * d[2] * m[3 * j + 2]!;
  return [e(0, 0), e(1, 1), e(2, 2), e(0, 1), e(0, 2), e(1, 2)];
}

function matFromWxyz(q: number[]): number[] {
  return quatToMatrix([q[1]!, q[2]!, q[3]!, q[0]!]);
}

function mulWxyz(a: number[], b: number[]): number[] {
  const r = quatMultiply([a[1]!, a[2]!, a[3]!, a[0]!], [b[1]!, b[2]!, b[3]!, b[0]!]);
  return [r[3], r[0], r[1], r[2]];
}

function normalize4(q: number[]): number[] {
  const n = Math.hypot(q[0]!, q[1]!, q[2]!, q[3]!);
  return q.map((v) => v / n);
}

function transpose3(m: number[]): number[] {
  return [m[0]!, m[3]!, m[6]!, m[1]!, m[4]!, m[7]!, m[2]!, m[5]!, m[8]!];
}

function mul3(a: number[], b: number[]): number[] {
  const r = new Array<number>(9).fill(0);
  for (let i = 0; i < 3; i++)
    for (let j = 0; j < 3; j++) r[3 * i + j] = a[3 * i]! * b[j]! + a[3 * i + 1]! * b[3 + j]! + a[3 * i + 2]! * b[6 + j]!;
  return r;
}
