// Splits a body with several hinges into a chain of bodies with one hinge each, so the builder can joint it.
import type { Quat, Vec3 } from '../core/scene.js';
import { withPointMass } from '../mjcf/mass-properties.js';
import { quatRotate } from '../mjcf/math3d.js';
import type { MjcfBody, MjcfContactExclusion, MjcfGeom, MjcfJoint, MjcfModel, MjcfSite } from '../mjcf/mjcf-model.js';

/** How the intermediate bodies are made: a small mass at the shared anchor and an isotropic inertia floor. */
export interface HingeChainSettings {
  /** Mass of each intermediate body (kg), placed at the hinges' shared anchor and taken from the parent body there. */
  mass: number;
  /** Principal moments of each intermediate body (kg·m²), taken off its hinge's armature. */
  inertia: number;
  /** Rest rotations of a jointed body relative to its parent below this angle (rad) are dropped (set to identity). */
  straighten: number;
}

export interface HingeChainModel {
  model: MjcfModel;
  /** MuJoCo body id → body id in the split model (joint, geom, site and actuator ids and qpos layout are unchanged). */
  bodyOf: number[];
  /** Names of bodies whose small rest rotation was dropped. */
  straightened: string[];
}

/**
 * MuJoCo's hinges on one body (the Humanoid's hips, abdomen and shoulders) turn that body about axes that share an
 * anchor, one after the other (the first joint's rotation applies first, in the parent's frame). Rapier has one
 * joint per body pair, so each hinge but the last gets its own intermediate body at the body's frame: a chain
 * parent → v1 (hinge 1) → … → body (last hinge) whose coordinates are exactly MuJoCo's (the hinge axes are fixed in
 * the frames, which coincide at rest). Intermediate bodies carry `mass` at the anchor and `inertia` on each axis,
 * taken off their hinge's armature so the hinge's own inertia is MuJoCo's (rejected if the armature is smaller);
 * the same mass is taken from the parent at that point (the anchor is fixed in the parent), so the robot's mass
 * distribution is MuJoCo's and only the small inertia about the other axes is extra.
 * MuJoCo's parent–child contact filter between the original parent and the body is kept as an exclusion.
 * Rest rotations smaller than `straighten` (the Humanoid's 0.23° waist tilts) are dropped, because the builder
 * joints only bodies whose frames are aligned at qpos0.
 */
export function splitHingeChains(model: MjcfModel, settings: HingeChainSettings, id: string): HingeChainModel {
  const bodies: MjcfBody[] = [];
  const joints: MjcfJoint[] = model.joints.map((j) => ({ ...j }));
  const bodyOf: number[] = [];
  const exclusions: MjcfContactExclusion[] = [];
  const straightened: string[] = [];
  for (const body of model.bodies) {
    const parent = body.parent < 0 ? -1 : bodyOf[body.parent]!;
    let quat: Quat = [...body.quat];
    if (body.id > 0 && body.joints.length > 0 && Math.abs(Math.abs(quat[3]) - 1) > 0) {
      const angle = 2 * Math.acos(Math.min(1, Math.abs(quat[3])));
      if (angle < settings.straighten) {
        quat = [0, 0, 0, 1];
        straightened.push(body.name);
      }
    }
    const own = body.joints.map((j) => model.joints[j]!);
    const split = body.parent > 0 && own.length > 1;
    let chainParent = parent;
    let pos: Vec3 = [...body.pos];
    let bodyQuat = quat;
    if (split) {
      for (const j of own) {
        if (j.type !== 'hinge') throw new Error(`${id}: body "${body.name}" has several joints including ${j.type} joint "${j.name}"; only hinge chains can be split`);
        if (j.pos.some((v, k) => Math.abs(v - own[0]!.pos[k]!) > 1e-9)) {
          throw new Error(`${id}: the hinges of body "${body.name}" have different anchors; expected one shared anchor`);
        }
      }
      const turned = quatRotate(quat, own[0]!.pos);
      const parentAnchor: Vec3 = [body.pos[0] + turned[0], body.pos[1] + turned[1], body.pos[2] + turned[2]];
      for (const j of own.slice(0, -1)) {
        if (j.armature <= settings.inertia) {
          throw new Error(`${id}: hinge "${j.name}" has armature ${j.armature}, not more than the intermediate body inertia ${settings.inertia}`);
        }
        const vid = bodies.length;
        const anchor: Vec3 = [...j.pos];
        bodies.push({
          id: vid, name: `${body.name}:${j.name}`, parent: chainParent, children: [], pos, quat: bodyQuat,
          joints: [j.id], geoms: [], sites: [], line: body.line,
          mass: settings.mass, com: anchor, principalInertia: [settings.inertia, settings.inertia, settings.inertia],
          inertiaQuat: [0, 0, 0, 1], inertiaTensor: [settings.inertia, settings.inertia, settings.inertia, 0, 0, 0],
        });
        joints[j.id] = { ...joints[j.id]!, body: vid, armature: j.armature - settings.inertia };
        removePointMass(bodies[parent]!, settings.mass, parentAnchor, id);
        chainParent = vid;
        pos = [0, 0, 0];
        bodyQuat = [0, 0, 0, 1];
      }
      exclusions.push({ body1: parent, body2: bodies.length, line: body.line });
    }
    const nid = bodies.length;
    bodyOf[body.id] = nid;
    bodies.push({ ...body, id: nid, parent: chainParent, children: [], pos, quat: bodyQuat, joints: split ? [own[own.length - 1]!.id] : [...body.joints] });
    if (split) joints[own[own.length - 1]!.id] = { ...joints[own[own.length - 1]!.id]!, body: nid };
  }
  for (const b of bodies) {
    if (b.parent >= 0) bodies[b.parent]!.children.push(b.id);
    for (const j of b.joints) joints[j] = { ...joints[j]!, body: b.id };
  }
  const geoms: MjcfGeom[] = model.geoms.map((g) => ({ ...g, body: bodyOf[g.body]! }));
  const sites: MjcfSite[] = model.sites.map((s) => ({ ...s, body: bodyOf[s.body]! }));
  for (const b of bodies) {
    b.geoms = geoms.filter((g) => g.body === b.id).map((g) => g.id);
    b.sites = sites.filter((s) => s.body === b.id).map((s) => s.id);
  }
  const contactExclusions = [
    ...model.contactExclusions.map((e) => ({ ...e, body1: bodyOf[e.body1]!, body2: bodyOf[e.body2]! })),
    ...exclusions,
  ];
  return { model: { ...model, bodies, joints, geoms, sites, contactExclusions }, bodyOf, straightened };
}

/** Takes a point mass `m` at `at` (body frame) out of a body's mass properties (parallel-axis theorem). */
function removePointMass(body: MjcfBody, m: number, at: Vec3, id: string): void {
  if (body.mass - m <= 0.5 * body.mass) throw new Error(`${id}: body "${body.name}" (${body.mass} kg) is too light to give ${m} kg to a hinge chain`);
  Object.assign(body, withPointMass(body, -m, at));
}
