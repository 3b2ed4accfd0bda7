// Helpers that turn the 2-D classic-control drawings into 3-D scenes: the drawing's x–y plane becomes the world's
// x–z plane (Z up), seen by a viewer that looks along +y.
import { describeValue } from '../core/format.js';
import { POSE_STRIDE, type Quat, type Rgba, type SceneBody } from '../core/scene.js';

/** A colour from 0–255 channels, as Gymnasium's pygame renderers give them. */
export function rgb255(r: number, g: number, b: number, a = 1): Rgba {
  return [r / 255, g / 255, b / 255, a];
}

/**
 * The rotation by `angle` radians counter-clockwise in the drawing (x right, z up). Seen from −y looking along +y,
 * counter-clockwise is a rotation about −y, so the quaternion (x, y, z, w) is (0, −sin(angle/2), 0, cos(angle/2)).
 */
export function planarQuat(angle: number): Quat {
  return [0, 0 - Math.sin(angle / 2), 0, Math.cos(angle / 2)]; // 0 - x, not -x: no -0 for angle 0
}

/** Writes body `index`'s pose: position (x, y, z) and a counter-clockwise drawing rotation by `angle`. */
export function writePlanarPose(out: Float32Array, index: number, x: number, z: number, angle: number, y = 0): void {
  const o = index * POSE_STRIDE;
  out[o] = x;
  out[o + 1] = y;
  out[o + 2] = z;
  out[o + 3] = 0;
  out[o + 4] = 0 - Math.sin(angle / 2); // 0 - x, not -x: the identity pose stays free of -0
  out[o + 5] = 0;
  out[o + 6] = Math.cos(angle / 2);
}

/** The pose buffer for `bodies` bodies: `out` when it has exactly the right length, else a new one when omitted. */
export function poseBuffer(out: Float32Array | undefined, bodies: number, env: string): Float32Array {
  const needed = bodies * POSE_STRIDE;
  if (out === undefined) return new Float32Array(needed);
  if (!(out instanceof Float32Array) || out.length !== needed) {
    throw new Error(`${env}: poses(out) needs a Float32Array of length ${needed} (${bodies} bodies × ${POSE_STRIDE}), got ${describeValue(out)}`);
  }
  return out;
}

/** The world body (index 0) holding the static geoms; its pose is always the identity. */
export function worldBody(geoms: SceneBody['geoms']): SceneBody {
  return { name: 'world', parent: -1, geoms };
}
