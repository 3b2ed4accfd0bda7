// Builds a Rapier world from a compiled MJCF model: one rigid body per rigid group, colliders per geom, impulse joints.
import type { ImpulseJoint, RigidBody, World } from '@dimforge/rapier3d-simd-compat';
import type { Quat, Vec3 } from '../core/scene.js';
import { bodyWorldPoses, composePoses, poseInAncestor } from '../mjcf/kinematics.js';
import { quatMultiply, quatRotate } from '../mjcf/math3d.js';
import type { MjcfGeom, MjcfJoint, MjcfModel } from '../mjcf/mjcf-model.js';
import { rigidGroups, type MjcfRigidGroups } from '../mjcf/rigid-groups.js';
import { collisionClasses, type CollisionClasses } from './collision-classes.js';
import { rapier, type Rapier } from './rapier-runtime.js';

/** Rapier-only settings of a world (a task's overlay chooses them; MuJoCo's model is never edited). */
export interface WorldSettings {
  /** Rapier's physics step in seconds. Default: the model's `option.timestep`. */
  timestep: number;
  /** Rapier `numSolverIterations` (TGS-soft substeps per world step). Default 4 (Rapier's). */
  solverIterations: number;
  /** Rapier `numInternalPgsIterations` per substep. Default 1 (Rapier's). */
  pgsIterations: number;
  /** Clamp each motor's target velocity so the joint cannot pass its limit within one step (rapier-notes §8). Default false. */
  limitClamp: boolean;
  /**
   * Soft joint limits (MuJoCo's solreflimit/solimplimit, applied by `ArmatureMotors` through the joint's motor) instead
   * of Rapier's hard limits on hinge and slide joints that carry a motor. Default false.
   */
  softLimits?: boolean;
}

/** The Rapier defaults with the model's own timestep. */
export function defaultWorldSettings(model: MjcfModel): WorldSettings {
  return { timestep: model.option.timestep, solverIterations: 4, pgsIterations: 1, limitClamp: false };
}

/**
 * How a MuJoCo joint is realised:
 * - `impulse`: a Rapier impulse joint between the parent's and the child's rigid bodies (hinge → revolute,
 *   slide → prismatic, ball → spherical); a single joint on a root body is jointed to the fixed world body;
 * - `locked`: one of several slide/hinge joints on a root body (the planar `rootx`/`rootz`/`rooty`): realised by
 *   locking the root body's other world axes and, when they span a plane, projecting every body onto it;
 * - `free`: a free root body, no joint at all.
 */
export type JointRealisation = 'impulse' | 'locked' | 'free';

export interface BuiltJoint {
  joint: MjcfJoint;
  realisation: JointRealisation;
  /** Rigid-group index of the parent side (0 = the fixed world body) and of the child (the joint's own body). */
  parentGroup: number;
  childGroup: number;
  impulse: ImpulseJoint | undefined;
  /**
   * The joint anchor in the child's and in the parent's rigid frame (at the rest pose they coincide in world).
   * For `locked` root joints: the body point the root turns about (its hinge's `pos`, else the origin).
   */
  anchorChild: Vec3;
  anchorParent: Vec3;
  /** Unit joint axis in the child's rigid frame (equal to the parent frame's at rest). */
  axisChild: Vec3;
  /** Rest orientation of the child frame relative to the parent frame (identity for impulse joints). */
  restRelative: Quat;
  /** The joint axis in world at rest, and the anchor's world position at rest. */
  worldAxis: Vec3;
  restAnchorWorld: Vec3;
}

/** A plane the robot must stay in (planar roots): unit normal and each rigid body's rest offset along it. */
export interface PlanarConstraint {
  normal: Vec3;
  /** n · position at rest, per rigid group (index 0 unused). */
  restOffset: number[];
  /** Rigid groups that move in the plane. */
  groups: number[];
}

export interface PhysicsWorld {
  R: Rapier;
  world: World;
  model: MjcfModel;
  groups: MjcfRigidGroups;
  settings: WorldSettings;
  /** One Rapier body per rigid group; index 0 is the fixed world body. */
  bodies: RigidBody[];
  /** Per MuJoCo joint id. */
  joints: BuiltJoint[];
  /** Collider handle → MuJoCo geom id. */
  geomOfCollider: Map<number, number>;
  /** Geom id → collider handle (undefined for geoms that can touch nothing). */
  colliderOfGeom: (number | undefined)[];
  planar: PlanarConstraint | undefined;
  /** Free or locked root groups (their state is read from the body itself). */
  rootGroups: number[];
}

/** What buildWorld derives from the model alone (rigid groups, rest poses, collision classes): compute once, build many times. */
export interface WorldBlueprint {
  model: MjcfModel;
  groups: MjcfRigidGroups;
  poses: { pos: Vec3; quat: Quat }[];
  classes: CollisionClasses;
}

export function worldBlueprint(model: MjcfModel): WorldBlueprint {
  return { model, groups: rigidGroups(model), poses: bodyWorldPoses(model), classes: collisionClasses(model) };
}

const Y_TO_Z: Quat = [Math.SQRT1_2, 0, 0, Math.SQRT1_2];

/**
 * Builds the Rapier world for `model` at its rest pose (qpos0, zero velocity):
 * - masses and inertias exactly as MuJoCo compiles them (the rigid group's combined COM, principal moments and
 *   frame; colliders carry no density);
 * - colliders for every geom that MuJoCo lets touch something, with MuJoCo→Rapier capsule/cylinder axes (Z→Y),
 *   MuJoCo's pair filter as collision groups (`collisionClasses`), sliding friction combined with Max (MuJoCo's rule);
 * - impulse joints with limits at [range − ref]; motors are configured by `ArmatureMotors`.
 * Unsupported parts throw an Error naming the element: several joints on a non-root body, a joint whose child rests
 * rotated relative to its parent, ellipsoid colliders, a locked root whose axes are not world axes.
 */
export function buildWorld(model: MjcfModel, settings: WorldSettings, label = model.name, blueprint = worldBlueprint(model)): PhysicsWorld {
  const R = rapier(label);
  if (blueprint.model !== model) throw new Error(`buildWorld(${model.name}): the blueprint was made for model "${blueprint.model.name}"`);
  const { groups, poses, classes } = blueprint;
  const world = new R.World({ x: model.option.gravity[0], y: model.option.gravity[1], z: model.option.gravity[2] });
  world.timestep = settings.timestep;
  world.numSolverIterations = settings.solverIterations;
  world.numInternalPgsIterations = settings.pgsIterations;
  const joints: BuiltJoint[] = [];
  const bodies: RigidBody[] = [];
  const rootGroups: number[] = [];
  let planar: PlanarConstraint | undefined;

  for (let g = 0; g < groups.groups.length; g++) {
    const group = groups.groups[g]!;
    const pose = poses[group.root]!;
    const root = model.bodies[group.root]!;
    let desc;
    if (g === 0) {
      desc = R.RigidBodyDesc.fixed();
    } else {
      const mp = group.massProperties;
      desc = R.RigidBodyDesc.dynamic()
        .setCanSleep(false)
        .setAdditionalMassProperties(mp.mass, vec(mp.com), vec(mp.principalInertia), rot(mp.inertiaQuat));
      if (root.parent === 0 && root.joints.length > 1) {
        const lock = lockedAxes(model, root.joints.map((j) => model.joints[j]!), pose.quat);
        desc.enabledTranslations(lock.translations[0], lock.translations[1], lock.translations[2]);
        desc.enabledRotations(lock.rotations[0], lock.rotations[1], lock.rotations[2]);
        if (lock.planeNormal) planar = { normal: lock.planeNormal, restOffset: [], groups: [] };
      }
    }
    desc.setTranslation(pose.pos[0], pose.pos[1], pose.pos[2]).setRotation(rot(pose.quat));
    const body = world.createRigidBody(desc);
    bodies.push(body);
  }

  const geomOfCollider = new Map<number, number>();
  const colliderOfGeom: (number | undefined)[] = model.geoms.map(() => undefined);
  for (let g = 0; g < groups.groups.length; g++) {
    for (const part of groups.groups[g]!.geoms) {
      const membership = classes.groups[part.id];
      if (membership === undefined) continue;
      const geom = model.geoms[part.id]!;
      const desc = colliderDesc(R, geom, part.pos, part.quat)
        .setDensity(0)
        .setFriction(geom.friction[0])
        .setFrictionCombineRule(R.CoefficientCombineRule.Max)
        .setRestitution(0)
        .setCollisionGroups(membership);
      const collider = world.createCollider(desc, bodies[g]);
      geomOfCollider.set(collider.handle, part.id);
      colliderOfGeom[part.id] = collider.handle;
    }
  }

  for (const joint of model.joints) joints.push(buildJoint(R, settings, world, model, groups, poses, bodies, joint, rootGroups));

  if (planar) {
    for (let g = 1; g < groups.groups.length; g++) {
      const p = poses[groups.groups[g]!.root]!.pos;
      planar.restOffset[g] = p[0] * planar.normal[0] + p[1] * planar.normal[1] + p[2] * planar.normal[2];
      planar.groups.push(g);
    }
  }
  return { R, world, model, groups, settings, bodies, joints, geomOfCollider, colliderOfGeom, planar, rootGroups };
}

/** Whether `ArmatureMotors` drives this joint (an actuator, damping, stiffness or armature on it). */
export function drivesMotor(model: MjcfModel, joint: MjcfJoint): boolean {
  return joint.armature > 0 || joint.damping > 0 || joint.stiffness > 0 || model.actuators.some((a) => a.joint === joint.id);
}

function buildJoint(
  R: Rapier,
  settings: WorldSettings,
  world: World,
  model: MjcfModel,
  groups: MjcfRigidGroups,
  poses: { pos: Vec3; quat: Quat }[],
  bodies: RigidBody[],
  joint: MjcfJoint,
  rootGroups: number[],
): BuiltJoint {
  const body = model.bodies[joint.body]!;
  const childGroup = groups.groupOfBody[joint.body]!;
  const parentGroup = groups.groupOfBody[body.parent]!;
  const rootPose = poses[joint.body]!;
  const restAnchorWorld = composePoses(rootPose, { pos: joint.pos, quat: [0, 0, 0, 1] }).pos;
  const worldAxis = quatRotate(rootPose.quat, joint.axis);
  const base: BuiltJoint = {
    joint, realisation: 'impulse', parentGroup, childGroup, impulse: undefined,
    anchorChild: [...joint.pos], anchorParent: [...joint.pos], axisChild: [...joint.axis],
    restRelative: [0, 0, 0, 1], worldAxis, restAnchorWorld,
  };
  if (joint.type === 'free') {
    if (!rootGroups.includes(childGroup)) rootGroups.push(childGroup);
    return { ...base, realisation: 'free', parentGroup: 0 };
  }
  if (body.parent === 0 && body.joints.length > 1) {
    if (!rootGroups.includes(childGroup)) rootGroups.push(childGroup);
    const hinge = body.joints.map((id) => model.joints[id]!).find((j) => j.type === 'hinge');
    const turn: Vec3 = hinge ? [...hinge.pos] : [0, 0, 0];
    const anchor = composePoses(rootPose, { pos: turn, quat: [0, 0, 0, 1] }).pos;
    return { ...base, realisation: 'locked', parentGroup: 0, anchorChild: turn, anchorParent: anchor, restAnchorWorld: anchor };
  }
  if (body.joints.length > 1) {
    throw new Error(
      `buildWorld(${model.name}): body "${body.name}" has ${body.joints.length} joints; the builder supports one joint per non-root body (expected a single hinge, slide or ball joint)`,
    );
  }
  const parentPose = poses[groups.groups[parentGroup]!.root]!;
  const inParent = poseInAncestor(model, joint.body, groups.groups[parentGroup]!.root);
  const restRelative = quatMultiply(conj(parentPose.quat), rootPose.quat);
  if (Math.abs(Math.abs(restRelative[3]) - 1) > 1e-9) {
    throw new Error(
      `buildWorld(${model.name}): joint "${joint.name}" joins bodies with different rest orientations (relative quat ${restRelative.map((v) => v.toFixed(4)).join(' ')}); expected parent and child frames aligned at qpos0`,
    );
  }
  const anchorParent = composePoses(inParent, { pos: joint.pos, quat: [0, 0, 0, 1] }).pos;
  let data;
  if (joint.type === 'hinge') data = R.JointData.revolute(vec(anchorParent), vec(joint.pos), vec(joint.axis));
  else if (joint.type === 'slide') data = R.JointData.prismatic(vec(anchorParent), vec(joint.pos), vec(joint.axis));
  else data = R.JointData.spherical(vec(anchorParent), vec(joint.pos));
  const impulse = world.createImpulseJoint(data, bodies[parentGroup]!, bodies[childGroup]!, true);
  impulse.setContactsEnabled(false);
  if (joint.limited && joint.type !== 'ball' && !(settings.softLimits && drivesMotor(model, joint))) {
    (impulse as unknown as { setLimits(lo: number, hi: number): void }).setLimits(joint.range[0] - joint.ref, joint.range[1] - joint.ref);
  }
  return { ...base, impulse, anchorParent, restRelative: [0, 0, 0, 1] };
}

/**
 * A new world from `snapshot` (a `world.takeSnapshot()` of `template.world`), with the template's bookkeeping and
 * every body and joint re-fetched by handle. Restoring the same snapshot always gives the same world, which is
 * how resets stay bit-identical; it is cheaper than building again (rapier-notes §2.6).
 */
export function restoreWorld(template: PhysicsWorld, snapshot: Uint8Array): PhysicsWorld {
  const world = template.R.World.restoreSnapshot(snapshot);
  const bodies = template.bodies.map((b) => world.getRigidBody(b.handle));
  const joints = template.joints.map((j) => (j.impulse ? { ...j, impulse: world.getImpulseJoint(j.impulse.handle) } : j));
  return { ...template, world, bodies, joints };
}

interface AxisLock {
  translations: [boolean, boolean, boolean];
  rotations: [boolean, boolean, boolean];
  planeNormal: Vec3 | undefined;
}

/** Which world axes a root body with several slide/hinge joints may move along (slides first, at most one hinge, last). */
function lockedAxes(model: MjcfModel, joints: MjcfJoint[], restQuat: Quat): AxisLock {
  const translations: [boolean, boolean, boolean] = [false, false, false];
  const rotations: [boolean, boolean, boolean] = [false, false, false];
  const slides: number[] = [];
  let hinge: number | undefined;
  if (Math.abs(Math.abs(restQuat[3]) - 1) > 1e-9) {
    throw new Error(`buildWorld(${model.name}): a root body with several joints must rest unrotated, got quat ${restQuat.join(' ')}`);
  }
  joints.forEach((j, i) => {
    const where = `buildWorld(${model.name}): root joint "${j.name}"`;
    if (j.type !== 'slide' && j.type !== 'hinge') throw new Error(`${where} is a ${j.type} joint; a root with several joints may only have slide and hinge joints`);
    const w = quatRotate(restQuat, j.axis);
    const k = w.findIndex((c) => Math.abs(Math.abs(c) - 1) < 1e-9);
    if (k < 0) throw new Error(`${where} has axis ${w.map((c) => c.toFixed(3)).join(' ')} in world; expected a world axis (x, y or z)`);
    if (j.type === 'slide') {
      if (hinge !== undefined) throw new Error(`${where}: expected every slide joint before the hinge`);
      translations[k] = true;
      slides.push(k);
    } else {
      if (hinge !== undefined) throw new Error(`${where}: expected at most one hinge on a root body`);
      if (i !== joints.length - 1) throw new Error(`${where}: expected the hinge to be the root body's last joint`);
      if (slides.includes(k)) throw new Error(`${where}: the hinge axis must be perpendicular to the slide axes`);
      rotations[k] = true;
      hinge = k;
    }
  });
  let planeNormal: Vec3 | undefined;
  if (hinge !== undefined && slides.length === 2) {
    planeNormal = [0, 0, 0];
    planeNormal[hinge] = 1;
  }
  return { translations, rotations, planeNormal };
}

function colliderDesc(R: Rapier, geom: MjcfGeom, pos: Vec3, quat: Quat) {
  const [a, b, c] = geom.size as [number, number, number];
  let desc;
  let q = quat;
  switch (geom.type) {
    case 'sphere':
      desc = R.ColliderDesc.ball(a);
      break;
    case 'capsule':
      desc = R.ColliderDesc.capsule(b, a);
      q = quatMultiply(quat, Y_TO_Z);
      break;
    case 'cylinder':
      desc = R.ColliderDesc.cylinder(b, a);
      q = quatMultiply(quat, Y_TO_Z);
      break;
    case 'box':
      desc = R.ColliderDesc.cuboid(a, b, c);
      break;
    case 'plane': {
      const n = quatRotate(quat, [0, 0, 1]);
      desc = new R.ColliderDesc(new R.HalfSpace(vec(n)));
      q = [0, 0, 0, 1];
      break;
    }
    default:
      throw new Error(`buildWorld: geom "${geom.name}" (line ${geom.line}) is a ${geom.type}; colliders support sphere, capsule, cylinder, box and plane`);
  }
  return desc.setTranslation(pos[0], pos[1], pos[2]).setRotation(rot(q));
}

function vec(v: readonly number[]): { x: number; y: number; z: number } {
  return { x: v[0]!, y: v[1]!, z: v[2]! };
}

function rot(q: readonly number[]): { x: number; y: number; z: number; w: number } {
  return { x: q[0]!, y: q[1]!, z: q[2]!, w: q[3]! };
}

function conj(q: Quat): Quat {
  return [-q[0], -q[1], -q[2], q[3]];
}
