// Contact points and forces read from Rapier's solver, and MuJoCo's cfrc_ext (per-body external contact wrench) from them.
import type { Vec3 } from '../core/scene.js';
import type { JointStateReader } from './joint-state.js';
import type { PhysicsWorld } from './world-builder.js';

/** One solver contact: geoms (MuJoCo ids), world point, unit normal from geom1 to geom2, force on geom2 (N, world). */
export interface ContactPoint {
  geom1: number;
  geom2: number;
  pos: Vec3;
  normal: Vec3;
  /** Normal force magnitude (N). */
  normalForce: number;
  /** Contact force on geom2's body (N, world): the normal force only (see contactPoints); geom1's feels the opposite. */
  force: Vec3;
}

/**
 * Every active contact after the last world step. Rapier's accumulated contact impulse of one world step with N
 * TGS substeps holds N + 1 substep impulses (measured: a 2 kg box at rest reports 2·m·g·dt with N = 1, 1.25·m·g·dt
 * with N = 4, 1.125·m·g·dt with N = 8), so force = impulse · N / ((N + 1) · dt); the friction directions are Rapier's tangent basis for the normal (parry's `orthonormal_basis`, Duff
 * et al. 2017), which is an assumption of this reader.
 */
export function contactPoints(physics: PhysicsWorld): ContactPoint[] {
  const out: ContactPoint[] = [];
  const { world, geomOfCollider } = physics;
  const substeps = world.numSolverIterations;
  const invDt = substeps / ((substeps + 1) * world.timestep);
  world.forEachCollider((c1) => {
    const g1 = geomOfCollider.get(c1.handle);
    if (g1 === undefined) return;
    world.contactPairsWith(c1, (c2) => {
      const g2 = geomOfCollider.get(c2.handle);
      if (g2 === undefined || c2.handle < c1.handle) return;
      world.contactPair(c1, c2, (manifold, flipped) => {
        const first = flipped ? c2 : c1;
        const n = manifold.normal();
        const sign = flipped ? -1 : 1; // make the normal point from c1 (geom g1) to c2
        const nx = sign * n.x, ny = sign * n.y, nz = sign * n.z;
        const p = first.translation();
        const q = first.rotation();
        for (let i = 0; i < manifold.numContacts(); i++) {
          const normalImpulse = manifold.contactImpulse(i);
          if (!(normalImpulse > 0)) continue;
          const local = manifold.localContactPoint1(i);
          if (!local) continue;
          const w = rotate(q, local);
          // Rapier's impulse acts on the manifold's second collider along +normal
          const fx = sign * n.x * normalImpulse * invDt;
          const fy = sign * n.y * normalImpulse * invDt;
          const fz = sign * n.z * normalImpulse * invDt;
          out.push({
            geom1: g1, geom2: g2, pos: [p.x + w[0], p.y + w[1], p.z + w[2]], normal: [nx, ny, nz],
            normalForce: normalImpulse * invDt, force: [fx, fy, fz],
          });
        }
      });
    });
  });
  return out;
}

/**
 * MuJoCo's `cfrc_ext` (engine_core_smooth.c mj_rnePostConstraint): per body, the sum of contact wrenches
 * [torque(3), force(3)] acting on it, the torque taken about the subtree COM of the body's kinematic-tree root;
 * the force on geom2's body is +f and on geom1's −f; the world body (0) is left at zero.
 * Writes 6·nbody values into `out` (zeroed first). `reader` must be refreshed.
 */
export function cfrcExt(physics: PhysicsWorld, reader: JointStateReader, out: Float64Array, contacts = contactPoints(physics)): Float64Array {
  out.fill(0);
  const { model } = physics;
  const treeCom = subtreeComs(physics, reader);
  for (const c of contacts) {
    for (const [geom, s] of [[c.geom1, -1], [c.geom2, 1]] as const) {
      const body = model.geoms[geom]!.body;
      if (body === 0) continue;
      const com = treeCom.get(treeRoot(physics, body))!;
      const rx = c.pos[0] - com[0], ry = c.pos[1] - com[1], rz = c.pos[2] - com[2];
      const fx = s * c.force[0], fy = s * c.force[1], fz = s * c.force[2];
      const o = 6 * body;
      out[o] = out[o]! + ry * fz - rz * fy;
      out[o + 1] = out[o + 1]! + rz * fx - rx * fz;
      out[o + 2] = out[o + 2]! + rx * fy - ry * fx;
      out[o + 3] = out[o + 3]! + fx;
      out[o + 4] = out[o + 4]! + fy;
      out[o + 5] = out[o + 5]! + fz;
    }
  }
  return out;
}

/** The child of the world whose subtree holds `body` (MuJoCo's `body_rootid`). */
export function treeRoot(physics: PhysicsWorld, body: number): number {
  let b = body;
  while (physics.model.bodies[b]!.parent > 0) b = physics.model.bodies[b]!.parent;
  return b;
}

/** Mass-weighted COM (world) of each kinematic tree, keyed by its root body id (MuJoCo's `subtree_com` of roots). */
export function subtreeComs(physics: PhysicsWorld, reader: JointStateReader): Map<number, Vec3> {
  const sums = new Map<number, number[]>();
  const groups = physics.groups.groups;
  for (let g = 1; g < groups.length; g++) {
    const root = treeRoot(physics, groups[g]!.root);
    const m = groups[g]!.massProperties.mass;
    const o = 16 * g + 7;
    const s = sums.get(root) ?? [0, 0, 0, 0];
    s[0] += m * reader.cache[o]!; s[1] += m * reader.cache[o + 1]!; s[2] += m * reader.cache[o + 2]!; s[3] += m;
    sums.set(root, s);
  }
  const result = new Map<number, Vec3>();
  for (const [root, s] of sums) result.set(root, [s[0]! / s[3]!, s[1]! / s[3]!, s[2]! / s[3]!]);
  return result;
}

function rotate(q: { x: number; y: number; z: number; w: number }, v: { x: number; y: number; z: number }): Vec3 {
  const tx = 2 * (q.y * v.z - q.z * v.y), ty = 2 * (q.z * v.x - q.x * v.z), tz = 2 * (q.x * v.y - q.y * v.x);
  return [v.x + q.w * tx + (q.y * tz - q.z * ty), v.y + q.w * ty + (q.z * tx - q.x * tz), v.z + q.w * tz + (q.x * ty - q.y * tx)];
}
