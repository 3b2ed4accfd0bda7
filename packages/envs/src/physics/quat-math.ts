// Small allocation-light vector and quaternion helpers ((x, y, z, w) order) for the physics hot path.

/** Writes a·b into out[o..o+3] (Hamilton product, (x, y, z, w)). */
export function quatMulInto(
  ax: number, ay: number, az: number, aw: number,
  bx: number, by: number, bz: number, bw: number,
  out: Float64Array, o: number,
): void {
  out[o] = aw * bx + ax * bw + ay * bz - az * by;
  out[o + 1] = aw * by - ax * bz + ay * bw + az * bx;
  out[o + 2] = aw * bz + ax * by - ay * bx + az * bw;
  out[o + 3] = aw * bw - ax * bx - ay * by - az * bz;
}

/** Rotates v by unit quaternion q into out[o..o+2]. */
export function rotateInto(
  qx: number, qy: number, qz: number, qw: number,
  vx: number, vy: number, vz: number,
  out: Float64Array, o: number,
): void {
  // t = 2 q×v; v' = v + w t + q×t
  const tx = 2 * (qy * vz - qz * vy);
  const ty = 2 * (qz * vx - qx * vz);
  const tz = 2 * (qx * vy - qy * vx);
  out[o] = vx + qw * tx + (qy * tz - qz * ty);
  out[o + 1] = vy + qw * ty + (qz * tx - qx * tz);
  out[o + 2] = vz + qw * tz + (qx * ty - qy * tx);
}

/** Signed rotation angle of unit quaternion (x, y, z, w) about unit axis a (the twist), in (−π, π]. */
export function twistAngle(x: number, y: number, z: number, w: number, ax: number, ay: number, az: number): number {
  const s = x * ax + y * ay + z * az;
  return w >= 0 ? 2 * Math.atan2(s, w) : 2 * Math.atan2(-s, -w);
}
