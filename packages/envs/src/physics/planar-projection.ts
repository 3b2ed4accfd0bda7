// Keeps a planar robot exactly in its plane: removes the out-of-plane pose and velocity that Rapier's axis locks leak.
import type { PhysicsWorld } from './world-builder.js';

/**
 * For every body of a planar robot (normal n): position along n back to its rest offset, orientation reduced to its
 * twist about n, linear velocity along n and angular velocity off n removed (rapier-notes §2.5: torso locks alone
 * leak; projecting after each env step keeps the robot exactly planar). Assumes bodies rest unrotated.
 */
export function projectOntoPlane(physics: PhysicsWorld): void {
  const planar = physics.planar;
  if (!planar) return;
  const [nx, ny, nz] = planar.normal;
  for (const g of planar.groups) {
    const body = physics.bodies[g]!;
    const p = body.translation();
    const off = p.x * nx + p.y * ny + p.z * nz - planar.restOffset[g]!;
    body.setTranslation({ x: p.x - off * nx, y: p.y - off * ny, z: p.z - off * nz }, false);
    const q = body.rotation();
    const s = q.x * nx + q.y * ny + q.z * nz;
    const norm = Math.hypot(s, q.w) || 1;
    body.setRotation({ x: (s * nx) / norm, y: (s * ny) / norm, z: (s * nz) / norm, w: q.w / norm }, false);
    const v = body.linvel();
    const vn = v.x * nx + v.y * ny + v.z * nz;
    body.setLinvel({ x: v.x - vn * nx, y: v.y - vn * ny, z: v.z - vn * nz }, false);
    const w = body.angvel();
    const wn = w.x * nx + w.y * ny + w.z * nz;
    body.setAngvel({ x: wn * nx, y: wn * ny, z: wn * nz }, false);
  }
}
