// Geom volumes and inertias and their combination per body, exactly as MuJoCo compiles them with inertiafromgeom.
// Source: MuJoCo src/user/user_objects.cc (mjCGeom::GetVolume, mjCGeom::SetInertia, mjCBody::InertiaFromGeom)
// and src/engine/engine_support.c (mj_setTotalmass).
import type { GeomType, Quat, Vec3 } from '../core/scene.js';
import { IDENTITY_QUAT, principalAxes, rotateDiagonalTensor, type SymmetricTensor } from './math3d.js';
import type { MjcfMassProperties } from './mjcf-model.js';

/** MuJoCo's mjEPS: geoms lighter than this are left out of a body's inertia. */
const MJ_EPS = 1e-14;

/** Solid volume of a primitive geom in m³ (0 for planes). */
export function geomVolume(type: GeomType, size: readonly number[]): number {
  const [a = 0, b = 0, c = 0] = size;
  switch (type) {
    case 'sphere':
      return (4 * Math.PI * a * a * a) / 3;
    case 'capsule':
      // cylinder of height 2b plus a full sphere of radius a
      return Math.PI * (a * a * 2 * b + (4 * a * a * a) / 3);
    case 'cylinder':
      return Math.PI * a * a * 2 * b;
    case 'ellipsoid':
      return (4 * Math.PI * a * b * c) / 3;
    case 'box':
      return 8 * a * b * c;
    case 'plane':
      return 0;
  }
}

/** Principal moments of a solid primitive of the given mass about its own frame (axes = geom axes). */
export function geomInertia(type: GeomType, size: readonly number[], mass: number): Vec3 {
  const [a = 0, b = 0, c = 0] = size;
  switch (type) {
    case 'sphere': {
      const i = (2 * mass * a * a) / 5;
      return [i, i, i];
    }
    case 'capsule': {
      // A cylinder of height h = 2b plus two hemispheres whose mass splits by volume; each hemisphere's moment
      // about the capsule centre: sphere part 2/5·m·r² plus the displacement term m·h·(3r + 2h)/8 (MuJoCo's formula).
      const r = a;
      const h = 2 * b;
      const sphereMass = (mass * 4 * r) / (4 * r + 3 * h);
      const cylinderMass = mass - sphereMass;
      const sphereInertia = (2 * sphereMass * r * r) / 5;
      const transverse =
        (cylinderMass * (3 * r * r + h * h)) / 12 + sphereInertia + (sphereMass * h * (3 * r + 2 * h)) / 8;
      const axial = (cylinderMass * r * r) / 2 + sphereInertia;
      return [transverse, transverse, axial];
    }
    case 'cylinder': {
      const h = 2 * b;
      const transverse = (mass * (3 * a * a + h * h)) / 12;
      return [transverse, transverse, (mass * a * a) / 2];
    }
    case 'ellipsoid':
      return [(mass * (b * b + c * c)) / 5, (mass * (a * a + c * c)) / 5, (mass * (a * a + b * b)) / 5];
    case 'box':
      return [(mass * (b * b + c * c)) / 3, (mass * (a * a + c * c)) / 3, (mass * (a * a + b * b)) / 3];
    case 'plane':
      return [0, 0, 0];
  }
}

/** The part of a geom that matters for a body's mass: mass, principal inertia and pose in the body frame. */
export interface MassContribution {
  mass: number;
  inertia: Vec3;
  pos: Vec3;
  quat: Quat;
}

/**
 * Combines geom contributions into a body's mass properties about its COM (MuJoCo `InertiaFromGeom`):
 * one geom is copied as is (its frame becomes the inertial frame); several are summed with the parallel-axis
 * theorem I = Σ R_i diag(I_i) R_iᵀ + m_i (|d_i|² E − d_i d_iᵀ), d_i = p_i − com, then diagonalised.
 */
export function combineMassProperties(contributions: readonly MassContribution[]): MjcfMassProperties {
  const selected = contributions.filter((c) => c.mass > MJ_EPS);
  if (selected.length === 0) {
    return { mass: 0, com: [0, 0, 0], principalInertia: [0, 0, 0], inertiaQuat: [...IDENTITY_QUAT], inertiaTensor: [0, 0, 0, 0, 0, 0] };
  }
  if (selected.length === 1) {
    const only = selected[0]!;
    return {
      mass: only.mass,
      com: [...only.pos],
      principalInertia: [...only.inertia],
      inertiaQuat: [...only.quat],
      inertiaTensor: rotateDiagonalTensor(only.inertia, only.quat),
    };
  }
  let mass = 0;
  const com: Vec3 = [0, 0, 0];
  for (const c of selected) {
    mass += c.mass;
    for (let k = 0; k < 3; k++) com[k] += c.mass * c.pos[k]!;
  }
  for (let k = 0; k < 3; k++) com[k] /= mass;
  const tensor: SymmetricTensor = [0, 0, 0, 0, 0, 0];
  for (const c of selected) {
    const own = rotateDiagonalTensor(c.inertia, c.quat);
    const d = [c.pos[0] - com[0], c.pos[1] - com[1], c.pos[2] - com[2]] as const;
    const offset: SymmetricTensor = [
      c.mass * (d[1] * d[1] + d[2] * d[2]),
      c.mass * (d[0] * d[0] + d[2] * d[2]),
      c.mass * (d[0] * d[0] + d[1] * d[1]),
      -c.mass * d[0] * d[1],
      -c.mass * d[0] * d[2],
      -c.mass * d[1] * d[2],
    ];
    for (let k = 0; k < 6; k++) tensor[k] = tensor[k]! + own[k]! + offset[k]!;
  }
  const axes = principalAxes(tensor);
  return { mass, com, principalInertia: axes.moments, inertiaQuat: axes.quat, inertiaTensor: tensor };
}

/** Scales mass and inertia by `scale` (used by `settotalmass`). */
export function scaleMassProperties(properties: MjcfMassProperties, scale: number): void {
  properties.mass *= scale;
  properties.principalInertia = properties.principalInertia.map((v) => v * scale) as Vec3;
  properties.inertiaTensor = properties.inertiaTensor.map((v) => v * scale) as SymmetricTensor;
}

/** A copy of `body` with a point mass `m` (negative: removed) at `at` (body frame), by the parallel-axis theorem. */
export function withPointMass<T extends MjcfMassProperties>(body: T, m: number, at: Vec3): T {
  const mass = body.mass + m;
  const c = body.com;
  const com: Vec3 = [(body.mass * c[0] + m * at[0]) / mass, (body.mass * c[1] + m * at[1]) / mass, (body.mass * c[2] + m * at[2]) / mass];
  const t = [...body.inertiaTensor] as SymmetricTensor;
  shift(t, body.mass, c); // about the body origin
  shift(t, m, at); // with the point mass
  shift(t, -mass, com); // about the new COM
  const axes = principalAxes(t);
  return { ...body, mass, com, inertiaTensor: t, principalInertia: axes.moments, inertiaQuat: axes.quat };
}

/** Adds w·(|p|²·1 − p·pᵀ) to the tensor [xx, yy, zz, xy, xz, yz]. */
function shift(t: SymmetricTensor, w: number, p: Vec3): void {
  t[0] += w * (p[1] * p[1] + p[2] * p[2]);
  t[1] += w * (p[0] * p[0] + p[2] * p[2]);
  t[2] += w * (p[0] * p[0] + p[1] * p[1]);
  t[3] -= w * p[0] * p[1];
  t[4] -= w * p[0] * p[2];
  t[5] -= w * p[1] * p[2];
}
