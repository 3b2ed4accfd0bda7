// Keeps a planar robot exactly in its plane: removes the out-of-plane pose and velocity that Rapier's axis locks leak.
import { rawWorldIO } from './raw-world-io.js';
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
  const io = rawWorldIO(physics.R);
  const raw = physics.world.bodies.raw;
  for (const g of planar.groups) {
    const h = physics.bodies[g]!.handle;
    const p = io.readTranslation(raw, h);
    const px = p[0]!, py = p[1]!, pz = p[2]!;
    const off = px * nx + py * ny + pz * nz - planar.restOffset[g]!;
    io.setTranslation(raw, h, px - off * nx, py - off * ny, pz - off * nz, false);
    const q = io.readRotation(raw, h);
    const s = q[0]! * nx + q[1]! * ny + q[2]! * nz;
    const qw = q[3]!;
    const norm = Math.hypot(s, qw) || 1;
    io.setRotation(raw, h, (s * nx) / norm, (s * ny) / norm, (s * nz) / norm, qw / norm, false);
    const v = io.readLinvel(raw, h);
    const vx = v[0]!, vy = v[1]!, vz = v[2]!;
    const vn = vx * nx + vy * ny + vz * nz;
    io.setLinvel(raw, h, vx - vn * nx, vy - vn * ny, vz - vn * nz, false);
    const w = io.readAngvel(raw, h);
    const wn = w[0]! * nx + w[1]! * ny + w[2]! * nz;
    io.setAngvel(raw, h, wn * nx, wn * ny, wn * nz, false);
  }
}
