// Groups MuJoCo bodies into the rigid bodies a physics engine needs: a body without joints is welded to its parent.
import type { Quat, Vec3 } from '../core/scene.js';
import { composePoses, poseInAncestor, type Pose } from './kinematics.js';
import { combineMassProperties, type MassContribution } from './mass-properties.js';
import type { MjcfMassProperties, MjcfModel } from './mjcf-model.js';

/** A geom or site posed in its rigid group's root frame. */
export interface GroupedPart {
  id: number;
  pos: Vec3;
  quat: Quat;
}

/**
 * One rigid body for the engine: a moving MuJoCo body (one with joints; MuJoCo's `body_weldid` root) and every
 * joint-less descendant welded to it. Group 0 is the world (static geoms such as the floor).
 */
export interface MjcfRigidGroup {
  /** Body id of the root (the body that owns the joints), 0 for the world. */
  root: number;
  /** Body ids welded into this group, root first, depth-first. */
  bodies: number[];
  /** Combined mass properties in the root body's frame (what Rapier's `setAdditionalMassProperties` takes). */
  massProperties: MjcfMassProperties;
  /** Geoms and sites of all welded bodies, posed in the root's frame. */
  geoms: GroupedPart[];
  sites: GroupedPart[];
}

export interface MjcfRigidGroups {
  groups: MjcfRigidGroup[];
  /** For each body id, the index of its group in `groups` (MuJoCo's `body_weldid`, renumbered). */
  groupOfBody: number[];
}

/** Welds joint-less bodies into their nearest moving ancestor and combines their mass (parallel-axis theorem). */
export function rigidGroups(model: MjcfModel): MjcfRigidGroups {
  const groupOfBody: number[] = [];
  const groups: MjcfRigidGroup[] = [];
  for (const body of model.bodies) {
    const isRoot = body.id === 0 || body.joints.length > 0;
    if (isRoot) {
      groupOfBody.push(groups.length);
      groups.push({ root: body.id, bodies: [body.id], massProperties: body, geoms: [], sites: [] });
    } else {
      const index = groupOfBody[body.parent]!;
      groupOfBody.push(index);
      groups[index]!.bodies.push(body.id);
    }
  }
  for (const group of groups) {
    const contributions: MassContribution[] = [];
    for (const id of group.bodies) {
      const body = model.bodies[id]!;
      const inRoot: Pose = poseInAncestor(model, id, group.root);
      const inertial = composePoses(inRoot, { pos: body.com, quat: body.inertiaQuat });
      contributions.push({ mass: body.mass, inertia: body.principalInertia, pos: inertial.pos, quat: inertial.quat });
      for (const geomId of body.geoms) {
        const geom = model.geoms[geomId]!;
        group.geoms.push({ id: geomId, ...composePoses(inRoot, { pos: geom.pos, quat: geom.quat }) });
      }
      for (const siteId of body.sites) {
        const site = model.sites[siteId]!;
        group.sites.push({ id: siteId, ...composePoses(inRoot, { pos: site.pos, quat: site.quat }) });
      }
    }
    group.massProperties = group.bodies.length === 1 ? copyMass(model.bodies[group.root]!) : combineMassProperties(contributions);
  }
  return { groups, groupOfBody };
}

function copyMass(p: MjcfMassProperties): MjcfMassProperties {
  return {
    mass: p.mass,
    com: [...p.com],
    principalInertia: [...p.principalInertia],
    inertiaQuat: [...p.inertiaQuat],
    inertiaTensor: [...p.inertiaTensor],
  };
}
