// MuJoCo's default fluid model (drag and viscous resistance on each body's equivalent inertia box), e.g. for Swimmer.
// Source: MuJoCo src/engine/engine_passive.c `mj_inertiaBoxFluidModel`; doc/computation/fluid.rst ("Inertia model").
import type { Quat, Vec3 } from '../core/scene.js';
import { quatRotate } from './math3d.js';
import type { MjcfMassProperties, MjcfOption } from './mjcf-model.js';

/** MuJoCo's mjMINVAL. */
const MIN_VALUE = 1e-15;

/** Full side lengths of the uniform box with the body's mass and principal inertia (zero for massless bodies). */
export function inertiaBoxSides(body: Pick<MjcfMassProperties, 'mass' | 'principalInertia'>): Vec3 {
  if (body.mass < MIN_VALUE) return [0, 0, 0];
  const [ix, iy, iz] = body.principalInertia;
  const side = (value: number): number => Math.sqrt((Math.max(MIN_VALUE, value) / body.mass) * 6);
  return [side(iy + iz - ix), side(ix + iz - iy), side(ix + iy - iz)];
}

/** A force and a torque in world coordinates, applied at the body's centre of mass. */
export interface Wrench {
  force: Vec3;
  torque: Vec3;
}

/**
 * Fluid force and torque on one body at its COM, in world coordinates.
 * `inertialFrame` is the world orientation of the body's principal axes (body quat ⊗ inertiaQuat);
 * `comVelocity` and `angularVelocity` are world-frame velocities of the COM and of the body.
 * In the inertia frame, with box sides b, medium density ρ, viscosity μ, d = mean side and v, ω relative to `wind`:
 * viscous F = −3πdμ v, τ = −πd³μ ω; quadratic drag F_x = −½ρ b_y b_z |v_x| v_x,
 * τ_x = −ρ b_x (b_y⁴ + b_z⁴) |ω_x| ω_x / 64 (and cyclic).
 */
export function inertiaBoxFluidWrench(
  body: Pick<MjcfMassProperties, 'mass' | 'principalInertia'>,
  inertialFrame: Quat,
  comVelocity: Vec3,
  angularVelocity: Vec3,
  option: Pick<MjcfOption, 'density' | 'viscosity' | 'wind'>,
): Wrench {
  if (body.mass < MIN_VALUE || (option.density === 0 && option.viscosity === 0)) {
    return { force: [0, 0, 0], torque: [0, 0, 0] };
  }
  const box = inertiaBoxSides(body);
  const inverse: Quat = [-inertialFrame[0], -inertialFrame[1], -inertialFrame[2], inertialFrame[3]];
  const w = quatRotate(inverse, angularVelocity);
  const v = quatRotate(inverse, [comVelocity[0] - option.wind[0], comVelocity[1] - option.wind[1], comVelocity[2] - option.wind[2]]);
  const torque: Vec3 = [0, 0, 0];
  const force: Vec3 = [0, 0, 0];
  if (option.viscosity > 0) {
    const diameter = (box[0] + box[1] + box[2]) / 3;
    for (let k = 0; k < 3; k++) {
      torque[k] = -Math.PI * diameter ** 3 * option.viscosity * w[k]!;
      force[k] = -3 * Math.PI * diameter * option.viscosity * v[k]!;
    }
  }
  if (option.density > 0) {
    const rho = option.density;
    for (let k = 0; k < 3; k++) {
      const a = box[(k + 1) % 3];
      const b = box[(k + 2) % 3];
      force[k] -= 0.5 * rho * a * b * Math.abs(v[k]!) * v[k]!;
      torque[k] -= (rho * box[k] * (a ** 4 + b ** 4) * Math.abs(w[k]!) * w[k]!) / 64;
    }
  }
  return { force: quatRotate(inertialFrame, force), torque: quatRotate(inertialFrame, torque) };
}
