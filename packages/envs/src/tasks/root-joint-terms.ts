// Armature and damping of a root body's slide/hinge joints (Swimmer, Reacher's target, Pusher's object) as mass and body damping.
import type { Vec3 } from '../core/scene.js';
import { combineMassProperties } from '../mjcf/mass-properties.js';
import { principalAxes, type SymmetricTensor } from '../mjcf/math3d.js';
import type { MjcfBody, MjcfJoint, MjcfModel } from '../mjcf/mjcf-model.js';
import type { PhysicsWorld } from '../physics/world-builder.js';

/** Joint damping of a locked root, to be given to its Rapier body (N·s/m on the slides, N·m·s/rad on the hinge). */
export interface RootDamping {
  body: number;
  slide: number;
  hinge: number;
}

/**
 * The builder realises several slide/hinge joints on a child of the world by locking the root body's other world
 * axes, so those joints have no Rapier joint to carry MuJoCo's armature and damping. For such a root both are exact
 * as body properties, because each of its dofs moves that body alone:
 * - slide armature a_s (equal on every slide) adds a_s to the mass matrix's slide diagonal: a point mass a_s at the
 *   hinge anchor (the body origin without a hinge), which adds no inertia about the hinge axis;
 * - hinge armature a_h adds a_h·n nᵀ to the body's inertia (n = hinge axis; only rotation about n is free);
 * - damping stays a velocity-proportional force, returned for `applyRootDamping` (Rapier's body damping, implicit as
 *   MuJoCo's Euler damping).
 * Returns a copy of the model with those bodies' mass properties and those joints' armature and damping replaced.
 * Stiffness on such joints is rejected (an Error names the joint).
 */
export function foldRootJointTerms(model: MjcfModel, id: string): { model: MjcfModel; damping: RootDamping[] } {
  const bodies = model.bodies.map((b) => b);
  const joints = model.joints.map((j) => j);
  const damping: RootDamping[] = [];
  for (const body of model.bodies) {
    if (body.parent !== 0 || body.joints.length < 2) continue;
    const own = body.joints.map((j) => model.joints[j]!);
    const slides = own.filter((j) => j.type === 'slide');
    const hinge = own.find((j) => j.type === 'hinge');
    for (const j of own) {
      if (j.stiffness !== 0) throw new Error(`${id}: root joint "${j.name}" has stiffness ${j.stiffness}; expected 0 on a root realised by locked axes`);
    }
    const slideArmature = uniform(slides, (j) => j.armature, 'armature', id);
    const slideDamping = uniform(slides, (j) => j.damping, 'damping', id);
    const anchor: Vec3 = hinge ? [...hinge.pos] : [0, 0, 0];
    const combined = combineMassProperties([
      { mass: body.mass, inertia: body.principalInertia, pos: body.com, quat: body.inertiaQuat },
      { mass: slideArmature, inertia: [0, 0, 0], pos: anchor, quat: [0, 0, 0, 1] },
    ]);
    if (hinge && hinge.armature > 0) {
      const n = hinge.axis;
      const a = hinge.armature;
      const t = [...combined.inertiaTensor] as SymmetricTensor;
      t[0] += a * n[0] * n[0]; t[1] += a * n[1] * n[1]; t[2] += a * n[2] * n[2];
      t[3] += a * n[0] * n[1]; t[4] += a * n[0] * n[2]; t[5] += a * n[1] * n[2];
      const axes = principalAxes(t);
      combined.inertiaTensor = t;
      combined.principalInertia = axes.moments;
      combined.inertiaQuat = axes.quat;
    }
    bodies[body.id] = { ...body, ...combined } as MjcfBody;
    for (const j of own) joints[j.id] = { ...j, armature: 0, damping: 0 } as MjcfJoint;
    if (slideDamping > 0 || (hinge?.damping ?? 0) > 0) damping.push({ body: body.id, slide: slideDamping, hinge: hinge?.damping ?? 0 });
  }
  return { model: { ...model, bodies, joints }, damping };
}

/**
 * Gives each damped root's Rapier body MuJoCo's joint damping. Rapier damps velocities as v ← v / (1 + h·c), a
 * force −m·c·v, so c = d / m for the slides and d / I (inertia about the hinge axis) for the hinge.
 */
export function applyRootDamping(physics: PhysicsWorld, damping: readonly RootDamping[]): void {
  for (const d of damping) {
    const g = physics.groups.groupOfBody[d.body]!;
    const body = physics.bodies[g]!;
    const mp = physics.groups.groups[g]!.massProperties;
    if (d.slide > 0) body.setLinearDamping(d.slide / mp.mass);
    if (d.hinge > 0) {
      const hinge = physics.model.joints.find((j) => j.body === d.body && j.type === 'hinge')!;
      const n = hinge.axis;
      const t = mp.inertiaTensor;
      const inertia = t[0] * n[0] * n[0] + t[1] * n[1] * n[1] + t[2] * n[2] * n[2] + 2 * (t[3] * n[0] * n[1] + t[4] * n[0] * n[2] + t[5] * n[1] * n[2]);
      body.setAngularDamping(d.hinge / inertia);
    }
  }
}

function uniform(joints: MjcfJoint[], value: (j: MjcfJoint) => number, what: string, id: string): number {
  const values = joints.map(value);
  if (values.some((v) => v !== values[0])) {
    throw new Error(`${id}: the root slides ${joints.map((j) => j.name).join(', ')} have different ${what} (${values.join(', ')}); expected one value`);
  }
  return values[0] ?? 0;
}
