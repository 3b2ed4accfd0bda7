// Resolves MJCF orientation attributes (quat, axisangle, euler, xyaxes, zaxis) to an (x, y, z, w) quaternion.
import type { Quat, Vec3 } from '../core/scene.js';
import type { AttributeReader } from './attribute-reader.js';
import { ORIENTATION_ATTRIBUTES } from './element-specs.js';
import { cross3, dot3, norm3, quatFromFrame, quatFromWxyz, quatMultiply, quatNormalize, quatZToVector } from './math3d.js';

/** How angles and Euler sequences are read (from `<compiler>`). */
export interface AngleSettings {
  degree: boolean;
  eulerSeq: string;
}

/**
 * The element's orientation, or undefined when it gives none. Follows MuJoCo's `ResolveOrientation`
 * (src/user/user_objects.cc): XML quats are (w, x, y, z) and normalised; axisangle and euler angles use
 * `compiler angle`; euler lower-case axes rotate with the frame (post-multiply), upper-case are fixed (pre-multiply).
 */
export function readOrientation(reader: AttributeReader, angles: AngleSettings): Quat | undefined {
  // An orientation written on the element replaces one inherited from its default class.
  const own = ORIENTATION_ATTRIBUTES.filter((name) => reader.hasOwn(name));
  const given = own.length > 0 ? own : ORIENTATION_ATTRIBUTES.filter((name) => reader.has(name));
  if (given.length > 1) {
    reader.fail(given[1], `only one orientation may be given, received ${given.join(' and ')}`);
  }
  const which = given[0];
  if (which === undefined) return undefined;
  const toRadians = (angle: number): number => (angles.degree ? (angle * Math.PI) / 180 : angle);

  if (which === 'quat') {
    const [w, x, y, z] = reader.numbers('quat', 4)!;
    const q = quatFromWxyz(w!, x!, y!, z!);
    if (Math.hypot(...q) < 1e-10) reader.fail('quat', 'quaternion has zero length');
    return quatNormalize(q);
  }
  if (which === 'axisangle') {
    const [x, y, z, angle] = reader.numbers('axisangle', 4)!;
    const axis: Vec3 = [x!, y!, z!];
    const length = norm3(axis);
    if (length < 1e-14) reader.fail('axisangle', 'axis has zero length');
    const half = toRadians(angle!) / 2;
    const s = Math.sin(half) / length;
    return [axis[0] * s, axis[1] * s, axis[2] * s, Math.cos(half)];
  }
  if (which === 'zaxis') {
    const [x, y, z] = reader.numbers('zaxis', 3)!;
    if (norm3([x!, y!, z!]) < 1e-14) reader.fail('zaxis', 'axis has zero length');
    return quatZToVector([x!, y!, z!]);
  }
  if (which === 'xyaxes') {
    const v = reader.numbers('xyaxes', 6)!;
    const x: Vec3 = [v[0]!, v[1]!, v[2]!];
    const xn = norm3(x);
    if (xn < 1e-14) reader.fail('xyaxes', 'x axis has zero length');
    const xu: Vec3 = [x[0] / xn, x[1] / xn, x[2] / xn];
    const d = dot3(xu, [v[3]!, v[4]!, v[5]!]);
    const y: Vec3 = [v[3]! - xu[0] * d, v[4]! - xu[1] * d, v[5]! - xu[2] * d];
    const yn = norm3(y);
    if (yn < 1e-14) reader.fail('xyaxes', 'y axis is parallel to the x axis');
    const yu: Vec3 = [y[0] / yn, y[1] / yn, y[2] / yn];
    return quatFromFrame(xu, yu, cross3(xu, yu));
  }
  // euler
  const angles3 = reader.numbers('euler', 3)!.map(toRadians);
  const sequence = angles.eulerSeq;
  let q: Quat = [0, 0, 0, 1];
  for (let i = 0; i < 3; i++) {
    const axisName = sequence[i]!;
    const half = angles3[i]! / 2;
    const s = Math.sin(half);
    const index = 'xyz'.indexOf(axisName.toLowerCase());
    const rotation: Quat = [0, 0, 0, Math.cos(half)];
    rotation[index] = s;
    q = axisName === axisName.toLowerCase() ? quatMultiply(q, rotation) : quatMultiply(rotation, q);
  }
  return quatNormalize(q);
}
